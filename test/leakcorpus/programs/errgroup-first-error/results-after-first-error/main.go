// An errgroup-style Group runs each task through Go(func() error); the tasks send their
// results on an unbuffered channel and the caller reads results until the first error, then
// returns it. The remaining tasks block forever on `results <- …` inside the group's goroutine
// (entry function: the Group's closure). Nothing but them holds the channel: GC-proven.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type Group struct {
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errOnce.Do(func() { g.err = err })
		}
	}()
}

type price struct {
	vendor string
	cents  int
}

//go:noinline
func bestPrice(vendors []string) (price, error) {
	var g Group
	results := make(chan price)
	errs := make(chan error, len(vendors))
	for i, v := range vendors {
		i, v := i, v
		g.Go(func() error {
			if v == "" {
				errs <- errors.New("vendor missing")
				return nil
			}
			time.Sleep(time.Duration(i) * 5 * time.Millisecond)
			results <- price{v, 1000 + 7*i}
			return nil
		})
	}
	best := price{cents: 1 << 30}
	for range vendors {
		select {
		case p := <-results:
			if p.cents < best.cents {
				best = p
			}
		case err := <-errs:
			return price{}, fmt.Errorf("best price: %w", err) // siblings still sending
		}
	}
	return best, nil
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			if _, err := bestPrice([]string{"acme", "globex"}); err != nil {
				lab.Fail("%v", err)
			}
			if _, err := bestPrice([]string{"", "acme", "globex", "initech"}); err == nil {
				lab.Fail("want an error")
			}
			l.WaitParked("main.(*Group).Go.func1", 3)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*Group).Go.func1", Leaked: 3}},
	})
}
