// A download manager's workers wait on a Cond until the network comes back. Reconnect calls
// Signal (wakes one) where Broadcast was meant: one worker resumes and finishes its download,
// the other three wait forever. The manager's event loop is alive and healthy.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type manager struct {
	mu     sync.Mutex
	online *sync.Cond
	up     bool
	done   int
	events chan string
}

func newManager() *manager {
	m := &manager{events: make(chan string)}
	m.online = sync.NewCond(&m.mu)
	return m
}

func (m *manager) download(url string) {
	m.mu.Lock()
	for !m.up {
		m.online.Wait()
	}
	m.done++
	m.up = false // one transfer per connection window
	m.mu.Unlock()
}

func (m *manager) Reconnect() {
	m.mu.Lock()
	m.up = true
	m.mu.Unlock()
	m.online.Signal() // the bug: only one waiter wakes
}

func (m *manager) loop() {
	for ev := range m.events {
		_ = ev
	}
}

func main() {
	m := newManager()
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go m.loop()
			for _, u := range []string{"/a.iso", "/b.iso", "/c.iso", "/d.iso"} {
				go m.download(u)
			}
			l.WaitParked("main.(*manager).download", 4)
			m.Reconnect()
			l.WaitParked("main.(*manager).download", 3)
			l.WaitParked("main.(*manager).loop", 1)
		},
		Release: func() { close(m.events) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*manager).download", Leaked: 3},
			{StartFunc: "main.(*manager).loop", Healthy: 1},
		},
	})
}
