// Healthy: an LRU cache reports hit/miss counters to a stats goroutine through a buffered
// channel; the stats loop aggregates and waits for more. Two caches (users, products) share
// the process; each has its own stats loop, stopped when the cache is closed at release.
package main

import (
	"container/list"
	"sync"

	"leakcorpus/internal/lab"
)

type lru struct {
	mu    sync.Mutex
	cap   int
	order *list.List
	items map[string]*list.Element
	stats chan bool // true = hit
	hits  int
}

func newLRU(capacity int) *lru {
	c := &lru{cap: capacity, order: list.New(), items: map[string]*list.Element{}, stats: make(chan bool, 64)}
	go c.statsLoop()
	return c
}

func (c *lru) statsLoop() {
	for hit := range c.stats {
		if hit {
			c.hits++
		}
	}
}

func (c *lru) Get(k string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		c.order.MoveToFront(e)
		c.stats <- true
		return true
	}
	c.items[k] = c.order.PushFront(k)
	if c.order.Len() > c.cap {
		old := c.order.Back()
		c.order.Remove(old)
		delete(c.items, old.Value.(string))
	}
	c.stats <- false
	return false
}

func (c *lru) Close() { close(c.stats) }

func main() {
	var caches []*lru
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			users, products := newLRU(2), newLRU(3)
			caches = []*lru{users, products}
			for _, k := range []string{"u1", "u2", "u1", "u3", "u1"} {
				users.Get(k)
			}
			for _, k := range []string{"p1", "p1", "p2"} {
				products.Get(k)
			}
			l.WaitParked("main.(*lru).statsLoop", 2)
		},
		Release: func() {
			for _, c := range caches {
				c.Close()
			}
		},
		Expect: []lab.Expect{{StartFunc: "main.(*lru).statsLoop", Healthy: 2}},
	})
}
