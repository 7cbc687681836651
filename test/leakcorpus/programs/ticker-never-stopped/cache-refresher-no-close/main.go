// NewCache starts `go c.refreshLoop()` ranging over a ticker to reload entries from the
// origin. The cache has no Close; handlers build a cache per tenant and drop it, and every
// dropped cache keeps a goroutine ticking forever. The tenant registry's own refresher has a
// Close and is healthy.
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type cache struct {
	mu      sync.Mutex
	entries map[string]string
	origin  func() map[string]string
	ticker  *time.Ticker
}

func NewCache(origin func() map[string]string) *cache {
	c := &cache{entries: origin(), origin: origin, ticker: time.NewTicker(30 * time.Millisecond)}
	go c.refreshLoop()
	return c
}

func (c *cache) refreshLoop() {
	for range c.ticker.C {
		fresh := c.origin()
		c.mu.Lock()
		c.entries = fresh
		c.mu.Unlock()
	}
}

type registry struct {
	quit chan struct{}
}

func (r *registry) refresh() {
	t := time.NewTicker(30 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-r.quit:
			return
		}
	}
}

func (r *registry) Close() { close(r.quit) }

func handleTenant(name string) int {
	c := NewCache(func() map[string]string { return map[string]string{"tenant": name} })
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

func main() {
	r := &registry{quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go r.refresh()
			for _, t := range []string{"acme", "globex", "initech", "umbrella"} {
				handleTenant(t)
			}
			l.WaitParked("main.(*cache).refreshLoop", 4)
			l.WaitParked("main.(*registry).refresh", 1)
		},
		Release: func() { r.Close() },
		Expect: []lab.Expect{
			{StartFunc: "main.(*cache).refreshLoop", Leaked: 4},
			{StartFunc: "main.(*registry).refresh", Healthy: 1},
		},
	})
}
