// Healthy: a session store sweeps expired sessions on a timer and also on demand (a sweep
// request channel used by the admin endpoint). The sweeper's context comes from the server;
// cancelling it at release ends the sweeper. A second goroutine persists sessions to disk
// every 45 ms through the same context.
package main

import (
	"context"
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type store struct {
	mu       sync.Mutex
	sessions map[string]time.Time
	sweepReq chan chan int
}

func (s *store) sweeper(ctx context.Context) {
	t := time.NewTimer(35 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.sweep()
			t.Reset(35 * time.Millisecond)
		case reply := <-s.sweepReq:
			reply <- s.sweep()
		case <-ctx.Done():
			return
		}
	}
}

func (s *store) sweep() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for id, exp := range s.sessions {
		if time.Now().After(exp) {
			delete(s.sessions, id)
			n++
		}
	}
	return n
}

func (s *store) persister(ctx context.Context) {
	t := time.NewTicker(45 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-ctx.Done():
			return
		}
	}
}

func main() {
	var cancel context.CancelFunc
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			var ctx context.Context
			ctx, cancel = context.WithCancel(context.Background())
			s := &store{sessions: map[string]time.Time{"old": time.Now().Add(-time.Minute), "new": time.Now().Add(time.Hour)}, sweepReq: make(chan chan int)}
			go s.sweeper(ctx)
			go s.persister(ctx)
			reply := make(chan int)
			s.sweepReq <- reply
			<-reply
			l.WaitParked("main.(*store).sweeper", 1)
			l.WaitParked("main.(*store).persister", 1)
		},
		Release: func() { cancel() },
		Expect: []lab.Expect{
			{StartFunc: "main.(*store).sweeper", Healthy: 1},
			{StartFunc: "main.(*store).persister", Healthy: 1},
		},
	})
}
