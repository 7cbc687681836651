// A session table's Touch holds the read lock and, when an entry has expired, "upgrades" by
// calling Lock while still holding RLock. sync.RWMutex cannot upgrade: Lock waits for all
// readers including the caller itself, forever. Other readers then block behind the pending
// writer. Touch calls on fresh entries (before the expiry) completed.
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type sessions struct {
	mu      sync.RWMutex
	expires map[string]time.Time
}

func (s *sessions) Touch(id string, now time.Time) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if exp, ok := s.expires[id]; ok && now.After(exp) {
		s.mu.Lock() // the bug: upgrade while holding RLock
		delete(s.expires, id)
		s.mu.Unlock()
		return false
	}
	return true
}

func (s *sessions) Count() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.expires)
}

type gateway struct{ s *sessions }

//go:noinline
func (g *gateway) request(id string, now time.Time, done chan<- bool) {
	go func() { done <- g.s.Touch(id, now) }()
}

//go:noinline
func (g *gateway) metrics(out chan<- int) {
	go func() { out <- g.s.Count() }()
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			t0 := time.Unix(1_700_000_000, 0)
			g := &gateway{s: &sessions{expires: map[string]time.Time{"u1": t0.Add(time.Minute), "u2": t0.Add(time.Minute)}}}
			done := make(chan bool, 8)
			g.request("u1", t0, done)
			g.request("u2", t0, done)
			<-done
			<-done
			g.request("u1", t0.Add(2*time.Minute), done)
			l.WaitParkedIn("main.(*gateway).request.func1", "sync.RWMutex.Lock", 1)
			out := make(chan int, 4)
			g.metrics(out)
			g.metrics(out)
			l.WaitParked("main.(*gateway).metrics.func1", 2)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*gateway).request.func1", Leaked: 1},
			{StartFunc: "main.(*gateway).metrics.func1", Leaked: 2},
		},
	})
}
