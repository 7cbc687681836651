// A catalogue prefetcher starts `go prefetch(key, out)` for every key of a page and the caller
// keeps only the first two answers it needs; the other prefetchers block sending on the
// unbuffered `out`. A healthy metrics flusher owned by the catalogue parks on its stop channel.
package main

import (
	"time"

	"leakcorpus/internal/lab"
)

type item struct {
	key   string
	price int
}

func prefetch(key string, out chan<- item) {
	time.Sleep(time.Duration(len(key)) * time.Millisecond)
	out <- item{key: key, price: 100 + len(key)}
}

type catalogue struct {
	quit chan struct{}
	hits int
}

func newCatalogue() *catalogue {
	c := &catalogue{quit: make(chan struct{})}
	go c.flushMetrics()
	return c
}

func (c *catalogue) flushMetrics() {
	<-c.quit // flushes once more on the way out
}

func (c *catalogue) Close() { close(c.quit) }

//go:noinline
func (c *catalogue) firstTwo(keys []string) []item {
	out := make(chan item)
	for _, k := range keys {
		go prefetch(k, out)
	}
	got := []item{<-out, <-out}
	c.hits += len(got)
	return got
}

func main() {
	var c *catalogue
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			c = newCatalogue()
			c.firstTwo([]string{"a", "bb", "ccc", "dddd", "eeeee", "ffffff"})
			l.WaitParkedIn("main.prefetch", "chan send", 4)
			l.WaitParked("main.(*catalogue).flushMetrics", 1)
		},
		Release: func() { c.Close() },
		Expect: []lab.Expect{
			{StartFunc: "main.prefetch", Leaked: 4},
			{StartFunc: "main.(*catalogue).flushMetrics", Healthy: 1},
		},
	})
}
