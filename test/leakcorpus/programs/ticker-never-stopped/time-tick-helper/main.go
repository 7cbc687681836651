// A helper `every(d, fn)` runs fn on `time.Tick(d)` in a new goroutine and returns nothing to
// stop it with. It is called from a request path (per upload session), so every session leaves
// a goroutine ranging over a ticker forever. A supervisor goroutine owning the process's
// heartbeat is healthy and stopped at release.
package main

import (
	"sync/atomic"
	"time"

	"leakcorpus/internal/lab"
)

//go:noinline
func every(d time.Duration, fn func()) {
	go func() {
		for range time.Tick(d) {
			fn()
		}
	}()
}

type session struct{ progress atomic.Int64 }

func startUpload(name string) *session {
	s := &session{}
	every(35*time.Millisecond, func() { s.progress.Add(1) })
	return s
}

type supervisor struct{ stop chan struct{} }

func (s *supervisor) heartbeat() {
	t := time.NewTicker(40 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-s.stop:
			return
		}
	}
}

func main() {
	sup := &supervisor{stop: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go sup.heartbeat()
			for _, n := range []string{"a.bin", "b.bin", "c.bin"} {
				startUpload(n)
			}
			l.WaitParked("main.every.func1", 3)
			l.WaitParked("main.(*supervisor).heartbeat", 1)
		},
		Release: func() { close(sup.stop) },
		Expect: []lab.Expect{
			{StartFunc: "main.every.func1", Leaked: 3},
			{StartFunc: "main.(*supervisor).heartbeat", Healthy: 1},
		},
	})
}
