// Healthy: a lock client renews each of its held leases every 40 ms in `go c.keepAlive(ctx,
// lease)` until the lease's context is cancelled. Three leases are held by a live client at the
// end of the trace; Unlock of each (at release) cancels its renewer.
package main

import (
	"context"
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type lease struct {
	key      string
	cancel   context.CancelFunc
	renewals int
}

type lockClient struct {
	mu     sync.Mutex
	leases map[string]*lease
}

func (c *lockClient) Lock(key string) {
	ctx, cancel := context.WithCancel(context.Background())
	ls := &lease{key: key, cancel: cancel}
	c.mu.Lock()
	c.leases[key] = ls
	c.mu.Unlock()
	go c.keepAlive(ctx, ls)
}

func (c *lockClient) keepAlive(ctx context.Context, ls *lease) {
	t := time.NewTicker(40 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			c.mu.Lock()
			ls.renewals++
			c.mu.Unlock()
		case <-ctx.Done():
			return
		}
	}
}

func (c *lockClient) Unlock(key string) {
	c.mu.Lock()
	ls := c.leases[key]
	delete(c.leases, key)
	c.mu.Unlock()
	ls.cancel()
}

func main() {
	c := &lockClient{leases: map[string]*lease{}}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for _, k := range []string{"/jobs/1", "/jobs/2", "/jobs/3", "/jobs/4"} {
				c.Lock(k)
			}
			c.Unlock("/jobs/2")
			l.WaitParked("main.(*lockClient).keepAlive", 3)
		},
		Release: func() {
			for _, k := range []string{"/jobs/1", "/jobs/3", "/jobs/4"} {
				c.Unlock(k)
			}
		},
		Expect: []lab.Expect{{StartFunc: "main.(*lockClient).keepAlive", Healthy: 3}},
	})
}
