// Healthy: a fixed pool of 4 workers ranges over its jobs channel. After a burst of work the
// pool is idle — every worker parked on the receive, woken many times before by the dispatcher
// that is still alive. Shutdown (at release) closes the channel and they exit.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type job struct{ a, b int }

type pool struct {
	jobs    chan job
	results chan int
	wg      sync.WaitGroup
}

func newPool(n int) *pool {
	p := &pool{jobs: make(chan job), results: make(chan int, 64)}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go p.worker()
	}
	return p
}

func (p *pool) worker() {
	defer p.wg.Done()
	for j := range p.jobs {
		p.results <- j.a * j.b
	}
}

func (p *pool) Shutdown() {
	close(p.jobs)
	p.wg.Wait()
}

func main() {
	var p *pool
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			p = newPool(4)
			for i := 0; i < 40; i++ {
				p.jobs <- job{i, i + 1}
			}
			for i := 0; i < 40; i++ {
				<-p.results
			}
			l.WaitParked("main.(*pool).worker", 4)
		},
		Release: func() { go p.Shutdown() },
		Expect:  []lab.Expect{{StartFunc: "main.(*pool).worker", Healthy: 4}},
	})
}
