// Healthy: watchers of a config store block until the store's version passes the one they
// have seen (a Cond with a version predicate). Version 3 is current; two watchers already saw
// it and wait. At release an admin publishes version 4 and Broadcasts; they wake, read it, and
// return since they only watch one change.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type configStore struct {
	mu      sync.Mutex
	changed *sync.Cond
	version int
	data    map[string]string
}

func (s *configStore) publish(k, v string) {
	s.mu.Lock()
	s.data[k] = v
	s.version++
	s.mu.Unlock()
	s.changed.Broadcast()
}

func (s *configStore) waitNewer(seen int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.version <= seen {
		s.changed.Wait()
	}
	return s.version
}

func (s *configStore) watch(seen int, got chan<- int) { got <- s.waitNewer(seen) }

func main() {
	s := &configStore{data: map[string]string{}}
	s.changed = sync.NewCond(&s.mu)
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i := 0; i < 3; i++ {
				s.publish("replicas", string(rune('1'+i)))
			}
			got := make(chan int, 4)
			go s.watch(3, got)
			go s.watch(3, got)
			go s.watch(1, got) // behind: returns at once
			<-got
			l.WaitParked("main.(*configStore).watch", 2)
		},
		Release: func() { s.publish("replicas", "5") },
		Expect:  []lab.Expect{{StartFunc: "main.(*configStore).watch", Healthy: 2}},
	})
}
