// A group with a concurrency limit (a semaphore channel of 2 tokens, taken inside the task's
// goroutine). The caller stops reading outputs as soon as the converted size exceeds its
// quota and returns the error. The two tasks holding tokens block sending their outputs, so
// the tasks queued behind them block acquiring a token: two kinds of waits in one group
// goroutine, all leaked.
package main

import (
	"errors"
	"sync"

	"leakcorpus/internal/lab"
)

type limitedGroup struct {
	sem chan struct{}
	wg  sync.WaitGroup
}

func newLimited(n int) *limitedGroup { return &limitedGroup{sem: make(chan struct{}, n)} }

func (g *limitedGroup) Go(f func()) {
	g.wg.Add(1)
	go func() {
		g.sem <- struct{}{}
		defer func() { <-g.sem; g.wg.Done() }()
		f()
	}()
}

//go:noinline
func convertAll(files []string, quota int) error {
	g := newLimited(2)
	out := make(chan []byte)
	for _, f := range files {
		f := f
		g.Go(func() { out <- make([]byte, 100*len(f)) })
	}
	used := 0
	for range files {
		used += len(<-out)
		if used > quota {
			return errors.New("conversion quota exceeded") // the rest still send
		}
	}
	return nil
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			if err := convertAll([]string{"a.doc", "b.doc", "c.doc", "d.doc", "e.doc"}, 100); err == nil {
				lab.Fail("want an error")
			}
			l.WaitParked("main.(*limitedGroup).Go.func1", 4)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*limitedGroup).Go.func1", Leaked: 4}},
	})
}
