// Healthy: a DNS cache refreshes each host's records in a per-host goroutine shortly before
// they expire (a timer per host, reset after each refresh). Three hosts are cached; their
// refreshers wait on their timers and the cache's stop channel. Close (release) ends them.
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type dnsCache struct {
	mu      sync.Mutex
	records map[string][]string
	stop    chan struct{}
}

func (c *dnsCache) track(host string, ttl time.Duration) {
	c.mu.Lock()
	c.records[host] = []string{"10.0.0.1"}
	c.mu.Unlock()
	go c.refresh(host, ttl)
}

func (c *dnsCache) refresh(host string, ttl time.Duration) {
	t := time.NewTimer(ttl)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			c.mu.Lock()
			c.records[host] = []string{"10.0.0.2"}
			c.mu.Unlock()
			t.Reset(ttl)
		case <-c.stop:
			return
		}
	}
}

func main() {
	c := &dnsCache{records: map[string][]string{}, stop: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			c.track("api.internal", 40*time.Millisecond)
			c.track("db.internal", 5*time.Minute)
			c.track("cache.internal", time.Hour)
			l.WaitParked("main.(*dnsCache).refresh", 3)
		},
		Release: func() { close(c.stop) },
		Expect:  []lab.Expect{{StartFunc: "main.(*dnsCache).refresh", Healthy: 3}},
	})
}
