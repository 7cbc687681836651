// A crawler limits connections per host with a map of buffered channels (2 slots each). When a
// fetch times out the code returns early and the slot is never released; after two timeouts on
// slow.example every further fetch to it blocks acquiring a slot, while fetches to other hosts
// go on. The limiter is owned by a live crawler kept by main, so the GC cannot prove it:
// labelled by release. The crawler's frontier loop is healthy.
package main

import (
	"errors"
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type limiter struct {
	mu    sync.Mutex
	hosts map[string]chan struct{}
}

func (l *limiter) slot(host string) chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.hosts[host] == nil {
		l.hosts[host] = make(chan struct{}, 2)
	}
	return l.hosts[host]
}

type crawler struct {
	lim      *limiter
	frontier chan string
	quit     chan struct{}
}

func (c *crawler) fetch(host string, latency time.Duration) error {
	s := c.lim.slot(host)
	s <- struct{}{}
	select {
	case <-time.After(latency):
	case <-time.After(5 * time.Millisecond):
		return errors.New(host + ": timeout") // the bug: slot not released
	}
	<-s
	return nil
}

func (c *crawler) loop() {
	for {
		select {
		case <-c.frontier:
		case <-c.quit:
			return
		}
	}
}

func main() {
	c := &crawler{lim: &limiter{hosts: map[string]chan struct{}{}}, frontier: make(chan string), quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go c.loop()
			_ = c.fetch("fast.example", 0)
			_ = c.fetch("slow.example", time.Second)
			_ = c.fetch("slow.example", time.Second)
			for i := 0; i < 3; i++ {
				go c.fetch("slow.example", 0)
			}
			go c.fetch("fast.example", 0)
			l.WaitParked("main.(*crawler).fetch", 3)
			l.WaitParked("main.(*crawler).loop", 1)
		},
		Release: func() { close(c.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*crawler).fetch", Leaked: 3},
			{StartFunc: "main.(*crawler).loop", Healthy: 1},
		},
	})
}
