// A TTL map starts a sweeper that loops on a 25 ms timer, deleting expired keys. The map is
// created per import job and discarded; the sweeper holds the map and its timer and has no
// stop signal, so it wakes forever on a map nobody reads. The long-lived session store of the
// server has a sweeper with a stop channel (healthy).
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type ttlMap struct {
	mu     sync.Mutex
	items  map[string]time.Time
	stop   chan struct{} // nil for the job maps: no way to stop
	sweeps int
}

func newTTLMap(stoppable bool) *ttlMap {
	m := &ttlMap{items: map[string]time.Time{}}
	if stoppable {
		m.stop = make(chan struct{})
	}
	go m.sweep(25 * time.Millisecond)
	return m
}

func (m *ttlMap) sweep(every time.Duration) {
	t := time.NewTimer(every)
	for {
		select {
		case now := <-t.C:
			m.mu.Lock()
			for k, exp := range m.items {
				if now.After(exp) {
					delete(m.items, k)
				}
			}
			m.sweeps++
			m.mu.Unlock()
			t.Reset(every)
		case <-m.stop:
			t.Stop()
			return
		}
	}
}

func runImport(rows int) {
	m := newTTLMap(false)
	m.mu.Lock()
	for i := 0; i < rows; i++ {
		m.items[string(rune('a'+i))] = time.Now().Add(time.Millisecond)
	}
	m.mu.Unlock()
}

func main() {
	var sessions *ttlMap
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			sessions = newTTLMap(true)
			runImport(3)
			runImport(5)
			l.WaitParked("main.(*ttlMap).sweep", 3)
		},
		Release: func() { close(sessions.stop) },
		Expect:  []lab.Expect{{StartFunc: "main.(*ttlMap).sweep", Leaked: 2, Healthy: 1}},
	})
}
