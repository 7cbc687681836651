// Healthy: a bounded connection pool with 2 connections; Get waits on a Cond when all are in
// use. Two queries hold connections and are waiting for their results; two more wait in Get.
// At release the results arrive, the holders Put their connections back (Signal each), and
// the waiters get them and finish.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type conn struct{ id int }

type pool struct {
	mu   sync.Mutex
	free *sync.Cond
	idle []*conn
}

func (p *pool) Get() *conn {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.idle) == 0 {
		p.free.Wait()
	}
	c := p.idle[len(p.idle)-1]
	p.idle = p.idle[:len(p.idle)-1]
	return c
}

func (p *pool) Put(c *conn) {
	p.mu.Lock()
	p.idle = append(p.idle, c)
	p.mu.Unlock()
	p.free.Signal()
}

func query(p *pool, results <-chan string) {
	c := p.Get()
	defer p.Put(c)
	<-results
}

func main() {
	results := make(chan string)
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			p := &pool{idle: []*conn{{1}, {2}}}
			p.free = sync.NewCond(&p.mu)
			for i := 0; i < 4; i++ {
				go query(p, results)
			}
			l.WaitParkedIn("main.query", "sync.Cond.Wait", 2)
			l.WaitParkedIn("main.query", "chan receive", 2)
		},
		Release: func() { close(results) },
		Expect:  []lab.Expect{{StartFunc: "main.query", Healthy: 4}},
	})
}
