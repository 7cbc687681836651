// Healthy: a TTL cache with a janitor goroutine that evicts expired entries every 30 ms. The
// cache is owned by the service for its whole life; Close (release) stops the janitor. The
// janitor is woken only by its ticker — the shape a leaked ticker loop has too, told apart
// only by its owner.
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type entry struct {
	val     string
	expires time.Time
}

type ttlCache struct {
	mu      sync.Mutex
	entries map[string]entry
	stop    chan struct{}
}

func newTTLCache(sweep time.Duration) *ttlCache {
	c := &ttlCache{entries: map[string]entry{}, stop: make(chan struct{})}
	go c.janitor(sweep)
	return c
}

func (c *ttlCache) janitor(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case now := <-t.C:
			c.mu.Lock()
			for k, e := range c.entries {
				if now.After(e.expires) {
					delete(c.entries, k)
				}
			}
			c.mu.Unlock()
		case <-c.stop:
			return
		}
	}
}

func (c *ttlCache) Set(k, v string, ttl time.Duration) {
	c.mu.Lock()
	c.entries[k] = entry{v, time.Now().Add(ttl)}
	c.mu.Unlock()
}

func (c *ttlCache) Close() { close(c.stop) }

func main() {
	var c *ttlCache
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			c = newTTLCache(30 * time.Millisecond)
			c.Set("a", "1", time.Millisecond)
			c.Set("b", "2", time.Hour)
			l.WaitUntil("the expired entry was swept", func() bool {
				c.mu.Lock()
				defer c.mu.Unlock()
				return len(c.entries) == 1
			})
			l.WaitParked("main.(*ttlCache).janitor", 1)
		},
		Release: func() { c.Close() },
		Expect:  []lab.Expect{{StartFunc: "main.(*ttlCache).janitor", Healthy: 1}},
	})
}
