// A blocking queue's consumers wait on a Cond while it is empty and not closed. Close sets the
// flag but forgets to Broadcast, so consumers asleep in Wait never re-check it. Queues that were
// closed while their consumers were busy ended normally (the consumer saw the flag).
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type queue struct {
	mu       sync.Mutex
	nonEmpty *sync.Cond
	items    []string
	closed   bool
}

func newQueue() *queue {
	q := &queue{}
	q.nonEmpty = sync.NewCond(&q.mu)
	return q
}

func (q *queue) Put(s string) {
	q.mu.Lock()
	q.items = append(q.items, s)
	q.mu.Unlock()
	q.nonEmpty.Signal()
}

func (q *queue) Get() (string, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.nonEmpty.Wait()
	}
	if len(q.items) == 0 {
		return "", false
	}
	s := q.items[0]
	q.items = q.items[1:]
	return s, true
}

// Close: the bug is the missing q.nonEmpty.Broadcast().
func (q *queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
}

func consume(q *queue) {
	for {
		if _, ok := q.Get(); !ok {
			return
		}
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			early := newQueue()
			early.Put("x")
			early.Close()
			go consume(early)
			l.WaitGone("main.consume")
			for i := 0; i < 2; i++ {
				q := newQueue()
				go consume(q)
				go consume(q)
				q.Put("job")
				q.Put("job")
				l.WaitParked("main.consume", 2*(i+1))
				q.Close()
			}
		},
		Expect: []lab.Expect{{StartFunc: "main.consume", Leaked: 4}},
	})
}
