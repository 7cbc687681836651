// Healthy: a database-style connection pool keeps 3 idle connections and pings each every
// 40 ms from one keepalive goroutine; an opener goroutine waits for requests to open more.
// The pool is owned by the application; Close (release) stops both loops.
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type dbConn struct {
	id    int
	pings int
}

type dbPool struct {
	mu     sync.Mutex
	idle   []*dbConn
	openCh chan chan *dbConn
	quit   chan struct{}
}

func (p *dbPool) keepalive() {
	t := time.NewTicker(40 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			p.mu.Lock()
			for _, c := range p.idle {
				c.pings++
			}
			p.mu.Unlock()
		case <-p.quit:
			return
		}
	}
}

func (p *dbPool) opener() {
	n := 100
	for {
		select {
		case reply := <-p.openCh:
			n++
			reply <- &dbConn{id: n}
		case <-p.quit:
			return
		}
	}
}

func (p *dbPool) Get() *dbConn {
	p.mu.Lock()
	if len(p.idle) > 0 {
		c := p.idle[len(p.idle)-1]
		p.idle = p.idle[:len(p.idle)-1]
		p.mu.Unlock()
		return c
	}
	p.mu.Unlock()
	reply := make(chan *dbConn)
	p.openCh <- reply
	return <-reply
}

func (p *dbPool) Put(c *dbConn) {
	p.mu.Lock()
	p.idle = append(p.idle, c)
	p.mu.Unlock()
}

func main() {
	p := &dbPool{openCh: make(chan chan *dbConn), quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go p.keepalive()
			go p.opener()
			var held []*dbConn
			for i := 0; i < 3; i++ {
				held = append(held, p.Get())
			}
			for _, c := range held {
				p.Put(c)
			}
			l.WaitParked("main.(*dbPool).keepalive", 1)
			l.WaitParked("main.(*dbPool).opener", 1)
		},
		Release: func() { close(p.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*dbPool).keepalive", Healthy: 1},
			{StartFunc: "main.(*dbPool).opener", Healthy: 1},
		},
	})
}
