// Graceful shutdown of a queue: Drain polls the queue length every 25 ms until it is zero.
// The consumers were already stopped by an earlier error, so the length never drops and the
// drain goroutine polls forever. The queue's depth gauge exporter is owned by the process and
// is healthy (stopped at release).
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type queue struct {
	mu    sync.Mutex
	items []string
	stop  chan struct{}
}

func (q *queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

func (q *queue) consume() {
	for {
		select {
		case <-q.stop:
			return
		default:
		}
		q.mu.Lock()
		if len(q.items) > 0 {
			q.items = q.items[1:]
		}
		q.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
}

func (q *queue) drain(done chan<- struct{}) {
	for q.Len() > 0 {
		time.Sleep(25 * time.Millisecond)
	}
	close(done)
}

type gauge struct {
	quit chan struct{}
	q    *queue
}

func (g *gauge) export() {
	for {
		select {
		case <-g.quit:
			return
		case <-time.After(40 * time.Millisecond):
			_ = g.q.Len()
		}
	}
}

func main() {
	var g *gauge
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			q := &queue{stop: make(chan struct{})}
			g = &gauge{quit: make(chan struct{}), q: q}
			go g.export()
			go q.consume()
			close(q.stop) // an error elsewhere stopped the consumers
			l.WaitGone("main.(*queue).consume")
			q.mu.Lock()
			q.items = append(q.items, "late-1", "late-2")
			q.mu.Unlock()
			go q.drain(make(chan struct{}))
			l.WaitParked("main.(*queue).drain", 1)
			l.WaitParked("main.(*gauge).export", 1)
		},
		Release: func() { close(g.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*queue).drain", Leaked: 1},
			{StartFunc: "main.(*gauge).export", Healthy: 1},
		},
	})
}
