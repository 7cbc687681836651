// A session type declares `done chan struct{}` but its constructor (added later, copy-pasted
// from an older one) never makes it; the session's expiry goroutine waits on `<-s.done`, a
// receive from a nil channel that can never complete. A healthy session manager loop runs
// beside them until Stop.
package main

import (
	"time"

	"leakcorpus/internal/lab"
)

type session struct {
	id      string
	expires time.Time
	done    chan struct{}
}

func newSession(id string) *session {
	return &session{id: id, expires: time.Now().Add(time.Hour)} // done is nil
}

//go:noinline
func (s *session) watchExpiry(onExpire func(string)) {
	go func() {
		<-s.done
		onExpire(s.id)
	}()
}

type manager struct {
	create chan string
	stop   chan struct{}
	live   map[string]*session
}

func (m *manager) loop() {
	for {
		select {
		case id := <-m.create:
			s := newSession(id)
			m.live[id] = s
			s.watchExpiry(func(id string) { delete(m.live, id) })
		case <-m.stop:
			return
		}
	}
}

func main() {
	m := &manager{create: make(chan string), stop: make(chan struct{}), live: map[string]*session{}}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go m.loop()
			for _, id := range []string{"s1", "s2", "s3"} {
				m.create <- id
			}
			l.WaitParked("main.(*session).watchExpiry.func1", 3)
			l.WaitParked("main.(*manager).loop", 1)
		},
		Release: func() { close(m.stop) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*session).watchExpiry.func1", Leaked: 3},
			{StartFunc: "main.(*manager).loop", Healthy: 1},
		},
	})
}
