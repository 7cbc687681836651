// Healthy: an inventory sync polls its upstream every 800 ms with time.Sleep and checks a stop
// flag after each sleep. Stop (at release) sets the flag; the poller notices after its current
// sleep and returns. Parked in "sleep" for most of its life, with an owner that can stop it.
package main

import (
	"sync/atomic"
	"time"

	"leakcorpus/internal/lab"
)

type syncer struct {
	stopped atomic.Bool
	polls   atomic.Int64
}

func (s *syncer) run(every time.Duration) {
	for !s.stopped.Load() {
		s.polls.Add(1)
		time.Sleep(every)
	}
}

func main() {
	s := &syncer{}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go s.run(800 * time.Millisecond)
			l.WaitUntil("first poll", func() bool { return s.polls.Load() == 1 })
			l.WaitParked("main.(*syncer).run", 1)
		},
		Release: func() { s.stopped.Store(true) },
		Expect:  []lab.Expect{{StartFunc: "main.(*syncer).run", Healthy: 1}},
	})
}
