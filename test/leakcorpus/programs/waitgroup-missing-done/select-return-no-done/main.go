// Crawler fetchers select between their next URL and the crawl's stop channel; on stop they
// return without wg.Done() (the Done sits at the end of the loop body). Crawl waits for all
// fetchers before closing the output, in a goroutine, so that waiter never wakes. A healthy
// robots.txt cache loop of the long-lived crawler service parks beside it until Close.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type crawler struct {
	robots chan string
	quit   chan struct{}
}

func (c *crawler) robotsCache() {
	for {
		select {
		case <-c.robots:
		case <-c.quit:
			return
		}
	}
}

//go:noinline
func (c *crawler) Crawl(urls []string, workers int) (<-chan string, func()) {
	next := make(chan string)
	stop := make(chan struct{})
	out := make(chan string, len(urls))
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			for {
				select {
				case u := <-next:
					out <- "fetched " + u
				case <-stop:
					return // the bug: wg.Done() is only at the natural end
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	go func() {
		for _, u := range urls {
			next <- u
		}
	}()
	return out, func() { close(stop) }
}

func main() {
	c := &crawler{robots: make(chan string), quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go c.robotsCache()
			out, stop := c.Crawl([]string{"/a", "/b", "/c"}, 3)
			for i := 0; i < 3; i++ {
				<-out
			}
			stop()
			l.WaitGone("main.(*crawler).Crawl.func1")
			l.WaitParked("main.(*crawler).Crawl.func2", 1)
			l.WaitParked("main.(*crawler).robotsCache", 1)
		},
		Release: func() { close(c.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*crawler).Crawl.func2", Leaked: 1},
			{StartFunc: "main.(*crawler).robotsCache", Healthy: 1},
		},
	})
}
