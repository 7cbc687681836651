// A package-level price cache is refreshed under its mutex; Refresh returns early when the
// upstream answers 304 Not Modified and forgets to unlock. Readers block in Lock forever. The
// cache is a global, so the GC cannot prove them leaked: labelled by release. A healthy
// refresher loop owned by main parks on its stop channel.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type priceCache struct {
	mu     sync.Mutex
	prices map[string]float64
	etag   string
}

var prices = &priceCache{prices: map[string]float64{"EUR": 1.08}}

func (c *priceCache) Refresh(etag string, fresh map[string]float64) {
	c.mu.Lock()
	if etag == c.etag {
		return // 304: the bug, still locked
	}
	c.prices, c.etag = fresh, etag
	c.mu.Unlock()
}

func (c *priceCache) Get(cur string) float64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.prices[cur]
}

//go:noinline
func quote(currencies []string, out chan<- float64) {
	for _, cur := range currencies {
		cur := cur
		go func() { out <- prices.Get(cur) }()
	}
}

type refresher struct{ stop chan struct{} }

func (r *refresher) loop() { <-r.stop }

func main() {
	r := &refresher{stop: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go r.loop()
			out := make(chan float64, 8)
			prices.Refresh("v2", map[string]float64{"EUR": 1.09, "GBP": 1.27})
			quote([]string{"EUR"}, out)
			<-out
			prices.Refresh("v2", nil)
			quote([]string{"EUR", "GBP", "JPY"}, out)
			l.WaitParked("main.quote.func1", 3)
			l.WaitParked("main.(*refresher).loop", 1)
		},
		Release: func() { close(r.stop) },
		Expect: []lab.Expect{
			{StartFunc: "main.quote.func1", Leaked: 3},
			{StartFunc: "main.(*refresher).loop", Healthy: 1},
		},
	})
}
