// Healthy: a delay queue (container/heap by due time) whose pump goroutine waits until the
// next item is due or a new item arrives, and two consumers that wait for due items. Items
// due in minutes sit in the heap. Close (release) stops the pump, which closes the output.
package main

import (
	"container/heap"
	"time"

	"leakcorpus/internal/lab"
)

type item struct {
	due  time.Time
	task string
}

type byDue []item

func (h byDue) Len() int           { return len(h) }
func (h byDue) Less(i, j int) bool { return h[i].due.Before(h[j].due) }
func (h byDue) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *byDue) Push(x any)        { *h = append(*h, x.(item)) }
func (h *byDue) Pop() any          { old := *h; x := old[len(old)-1]; *h = old[:len(old)-1]; return x }

type delayQueue struct {
	h    byDue
	in   chan item
	out  chan string
	quit chan struct{}
}

func (q *delayQueue) pump() {
	defer close(q.out)
	for {
		var due <-chan time.Time
		if q.h.Len() > 0 {
			due = time.After(time.Until(q.h[0].due))
		}
		select {
		case it := <-q.in:
			heap.Push(&q.h, it)
		case <-due:
			q.out <- heap.Pop(&q.h).(item).task
		case <-q.quit:
			return
		}
	}
}

func consume(out <-chan string, done chan<- string) {
	for t := range out {
		done <- t
	}
}

func main() {
	q := &delayQueue{in: make(chan item), out: make(chan string), quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			done := make(chan string, 8)
			go q.pump()
			go consume(q.out, done)
			go consume(q.out, done)
			q.in <- item{time.Now(), "retry#1"}
			q.in <- item{time.Now().Add(3 * time.Minute), "retry#2"}
			q.in <- item{time.Now().Add(9 * time.Minute), "retry#3"}
			<-done
			l.WaitParked("main.(*delayQueue).pump", 1)
			l.WaitParked("main.consume", 2)
		},
		Release: func() { close(q.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*delayQueue).pump", Healthy: 1},
			{StartFunc: "main.consume", Healthy: 2},
		},
	})
}
