// A websocket-like session loop selects between incoming messages and a 30 ms idle timer
// (time.After) that sends a ping. When the peer goes away the reader stops feeding `in` but
// never closes it, so the loop pings into the void forever, woken only by its timers. The
// session hub is a live object whose accept loop is healthy.
package main

import (
	"sync/atomic"
	"time"

	"leakcorpus/internal/lab"
)

type session struct {
	in    chan []byte
	pings atomic.Int64
}

func (s *session) loop() {
	for {
		select {
		case msg := <-s.in:
			_ = len(msg)
		case <-time.After(30 * time.Millisecond):
			s.pings.Add(1) // write a ping frame; errors ignored
		}
	}
}

type hub struct {
	joins chan *session
	quit  chan struct{}
}

func (h *hub) accept() {
	for {
		select {
		case s := <-h.joins:
			go s.loop()
		case <-h.quit:
			return
		}
	}
}

func main() {
	h := &hub{joins: make(chan *session), quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go h.accept()
			var sessions []*session
			for i := 0; i < 3; i++ {
				s := &session{in: make(chan []byte)}
				h.joins <- s
				s.in <- []byte("hello")
				sessions = append(sessions, s)
			}
			l.WaitUntil("every session pinged", func() bool {
				for _, s := range sessions {
					if s.pings.Load() == 0 {
						return false
					}
				}
				return true
			})
			l.WaitParked("main.(*session).loop", 3)
			l.WaitParked("main.(*hub).accept", 1)
		},
		Release: func() { close(h.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*session).loop", Leaked: 3},
			{StartFunc: "main.(*hub).accept", Healthy: 1},
		},
	})
}
