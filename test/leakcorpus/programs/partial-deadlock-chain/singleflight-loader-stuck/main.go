// A cache de-duplicates concurrent loads of one key: the first caller becomes the loader, the
// others wait on the in-flight call's done channel. The loader publishes a "loaded" event on the
// cache's unbuffered event channel before closing done — and the event listener was never
// started for this cache. The loader blocks on the event send, its followers on done. Loads of
// other keys in a second, correctly wired cache completed; its listener is healthy.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type call struct {
	done chan struct{}
	val  string
}

type cache struct {
	mu       sync.Mutex
	inflight map[string]*call
	events   chan string
}

func newCache() *cache { return &cache{inflight: map[string]*call{}, events: make(chan string)} }

func (c *cache) Get(key string, ready chan<- struct{}) string {
	c.mu.Lock()
	if cl, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		ready <- struct{}{}
		<-cl.done
		return cl.val
	}
	cl := &call{done: make(chan struct{})}
	c.inflight[key] = cl
	c.mu.Unlock()
	ready <- struct{}{}
	cl.val = "value:" + key
	c.events <- "loaded " + key // blocks when nobody listens
	close(cl.done)
	c.mu.Lock()
	delete(c.inflight, key)
	c.mu.Unlock()
	return cl.val
}

func (c *cache) listen() {
	for range c.events {
	}
}

//go:noinline
func load(c *cache, key string, n int) {
	ready := make(chan struct{}, n)
	for i := 0; i < n; i++ {
		go func() { c.Get(key, ready) }()
		<-ready // the first one is the loader
	}
}

func main() {
	var wired *cache
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			wired = newCache()
			go wired.listen()
			load(wired, "user:1", 3)
			l.WaitGone("main.load.func1")
			unwired := newCache() // the bug: no listener for this one
			load(unwired, "user:2", 4)
			l.WaitParked("main.load.func1", 4)
			l.WaitParked("main.(*cache).listen", 1)
		},
		Release: func() { close(wired.events) },
		Expect: []lab.Expect{
			{StartFunc: "main.load.func1", Leaked: 4},
			{StartFunc: "main.(*cache).listen", Healthy: 1},
		},
	})
}
