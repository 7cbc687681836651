// Healthy: a task pool whose Submit(func()) hands closures to 3 workers through a buffered
// queue. The workers' entry function is the pool's own closure (started by a generic helper,
// as real libraries do). Idle between bursts; Stop closes the queue at release.
package main

import (
	"sync/atomic"

	"leakcorpus/internal/lab"
)

type taskPool struct {
	queue chan func()
	done  atomic.Int64
}

//go:noinline
func startPool(workers, backlog int) *taskPool {
	p := &taskPool{queue: make(chan func(), backlog)}
	for i := 0; i < workers; i++ {
		go func() {
			for task := range p.queue {
				task()
				p.done.Add(1)
			}
		}()
	}
	return p
}

func (p *taskPool) Submit(f func()) { p.queue <- f }
func (p *taskPool) Stop()           { close(p.queue) }

func main() {
	var p *taskPool
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			p = startPool(3, 8)
			var sum atomic.Int64
			for i := 0; i < 25; i++ {
				i := i
				p.Submit(func() { sum.Add(int64(i)) })
			}
			l.WaitUntil("all tasks ran", func() bool { return p.done.Load() == 25 })
			l.WaitParked("main.startPool.func1", 3)
		},
		Release: func() { p.Stop() },
		Expect:  []lab.Expect{{StartFunc: "main.startPool.func1", Healthy: 3}},
	})
}
