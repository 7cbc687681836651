// A cache's refresh path takes the cache lock and never releases it after a failed origin call.
// The next 1,200 requests each run in their own goroutine and all pile up in Lock on that one
// mutex: a stampede parked on a lock nobody holds any more.
package main

import (
	"errors"
	"sync"

	"leakcorpus/internal/lab"
)

type cache struct {
	mu   sync.Mutex
	vals map[int]string
}

func (c *cache) refresh(origin func() (map[int]string, error)) error {
	c.mu.Lock()
	v, err := origin()
	if err != nil {
		return err // the bug: locked forever
	}
	c.vals = v
	c.mu.Unlock()
	return nil
}

func (c *cache) get(k int) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.vals[k]
}

//go:noinline
func serveAll(c *cache, n int) {
	for i := 0; i < n; i++ {
		i := i
		go func() { _ = c.get(i) }()
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			c := &cache{vals: map[int]string{}}
			_ = c.refresh(func() (map[int]string, error) { return nil, errors.New("origin 503") })
			serveAll(c, 1200)
			l.WaitParked("main.serveAll.func1", 1200)
		},
		Expect: []lab.Expect{{StartFunc: "main.serveAll.func1", Leaked: 1200}},
	})
}
