// Healthy: components register for config changes with Watch(key) and get a channel that
// receives the new value; a goroutine per component applies changes. Nothing changed since
// start-up, so every applier waits. The config service is live; Stop (release) closes the
// watch channels.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type configService struct {
	mu       sync.Mutex
	watchers map[string][]chan string
}

func (s *configService) Watch(key string) <-chan string {
	ch := make(chan string, 1)
	s.mu.Lock()
	s.watchers[key] = append(s.watchers[key], ch)
	s.mu.Unlock()
	return ch
}

func (s *configService) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, chs := range s.watchers {
		for _, ch := range chs {
			close(ch)
		}
	}
}

type component struct {
	name    string
	applied int
}

func (c *component) apply(changes <-chan string) {
	for range changes {
		c.applied++
	}
}

func main() {
	s := &configService{watchers: map[string][]chan string{}}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for _, w := range []struct{ comp, key string }{{"http", "timeouts"}, {"db", "pool.size"}, {"cache", "timeouts"}, {"auth", "jwt.keys"}} {
				c := &component{name: w.comp}
				go c.apply(s.Watch(w.key))
			}
			l.WaitParked("main.(*component).apply", 4)
		},
		Release: func() { s.Stop() },
		Expect:  []lab.Expect{{StartFunc: "main.(*component).apply", Healthy: 4}},
	})
}
