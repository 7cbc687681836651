// A log shipper runs a pool of `go s.worker()` goroutines that range over its queue. Shutdown
// waits until the queue is drained and returns — but never closes the queue, so the three
// workers range forever. The shipper is dropped by its owner afterwards: GC-proven. A healthy
// heartbeat goroutine of the (live) agent that owns the next shipper parks on its stop channel.
package main

import (
	"strings"
	"sync"
	"sync/atomic"

	"leakcorpus/internal/lab"
)

type shipper struct {
	queue   chan string
	pending sync.WaitGroup
	sent    atomic.Int64
}

func newShipper(workers int) *shipper {
	s := &shipper{queue: make(chan string, 64)}
	for i := 0; i < workers; i++ {
		go s.worker()
	}
	return s
}

func (s *shipper) worker() {
	for line := range s.queue {
		s.sent.Add(int64(len(strings.Fields(line))))
		s.pending.Done()
	}
}

func (s *shipper) Ship(line string) {
	s.pending.Add(1)
	s.queue <- line
}

// Shutdown drains the queue. The bug: close(s.queue) is missing.
func (s *shipper) Shutdown() { s.pending.Wait() }

type agent struct{ stop chan struct{} }

func (a *agent) heartbeat() { <-a.stop }

func main() {
	a := &agent{stop: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go a.heartbeat()
			s := newShipper(3)
			for i := 0; i < 20; i++ {
				s.Ship("GET /index.html 200")
			}
			s.Shutdown()
			l.WaitParked("main.(*shipper).worker", 3)
			l.WaitParked("main.(*agent).heartbeat", 1)
		},
		Release: func() { close(a.stop) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*shipper).worker", Leaked: 3},
			{StartFunc: "main.(*agent).heartbeat", Healthy: 1},
		},
	})
}
