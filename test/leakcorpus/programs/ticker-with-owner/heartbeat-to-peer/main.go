// Healthy: each cluster member sends a heartbeat to its peer's inbox every 25 ms, and a
// receiver per member records them. Members are alive for the whole trace; Leave (at release)
// stops both loops of each member.
package main

import (
	"sync/atomic"
	"time"

	"leakcorpus/internal/lab"
)

type member struct {
	name  string
	inbox chan string
	peer  *member
	seen  atomic.Int64
	quit  chan struct{}
}

func (m *member) sendLoop() {
	t := time.NewTicker(25 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			select {
			case m.peer.inbox <- m.name:
			case <-m.quit:
				return
			}
		case <-m.quit:
			return
		}
	}
}

func (m *member) recvLoop() {
	for {
		select {
		case <-m.inbox:
			m.seen.Add(1)
		case <-m.quit:
			return
		}
	}
}

func (m *member) Leave() { close(m.quit) }

func main() {
	var members []*member
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			a := &member{name: "a", inbox: make(chan string), quit: make(chan struct{})}
			b := &member{name: "b", inbox: make(chan string), quit: make(chan struct{})}
			a.peer, b.peer = b, a
			members = []*member{a, b}
			for _, m := range members {
				go m.sendLoop()
				go m.recvLoop()
			}
			l.WaitUntil("heartbeats both ways", func() bool { return a.seen.Load() > 1 && b.seen.Load() > 1 })
			l.WaitParked("main.(*member).sendLoop", 2)
			l.WaitParked("main.(*member).recvLoop", 2)
		},
		Release: func() {
			for _, m := range members {
				m.Leave()
			}
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*member).sendLoop", Healthy: 2},
			{StartFunc: "main.(*member).recvLoop", Healthy: 2},
		},
	})
}
