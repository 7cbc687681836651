// Healthy: consumers of an unbounded queue wait on a Cond while it is empty. The producer (an
// importer still running its import) adds the next items later — at release it puts three
// items, then closes the queue with a Broadcast, and the consumers drain and exit.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type queue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []int
	closed bool
}

func (q *queue) put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *queue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}

func (q *queue) consume() {
	for {
		q.mu.Lock()
		for len(q.items) == 0 && !q.closed {
			q.cond.Wait()
		}
		if len(q.items) == 0 {
			q.mu.Unlock()
			return
		}
		q.items = q.items[1:]
		q.mu.Unlock()
	}
}

func main() {
	q := &queue{}
	q.cond = sync.NewCond(&q.mu)
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i := 0; i < 3; i++ {
				go q.consume()
			}
			for i := 0; i < 6; i++ {
				q.put(i)
			}
			l.WaitParked("main.(*queue).consume", 3)
		},
		Release: func() {
			for i := 0; i < 3; i++ {
				q.put(100 + i)
			}
			q.close()
		},
		Expect: []lab.Expect{{StartFunc: "main.(*queue).consume", Healthy: 3}},
	})
}
