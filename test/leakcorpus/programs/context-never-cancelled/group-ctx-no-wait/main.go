// A hand-rolled errgroup: WithContext returns a group whose cancel runs in Wait or on the first
// error. A caller that launches tasks and returns early on validation without calling Wait
// leaves the group's context alive, and every task watcher that waits on gctx.Done() waits
// forever. Callers that called Wait cancelled their contexts and their watchers ended.
package main

import (
	"context"
	"errors"
	"sync"

	"leakcorpus/internal/lab"
)

type group struct {
	wg     sync.WaitGroup
	cancel context.CancelFunc
	once   sync.Once
	err    error
}

func withContext(parent context.Context) (*group, context.Context) {
	ctx, cancel := context.WithCancel(parent)
	return &group{cancel: cancel}, ctx
}

func (g *group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() { g.err = err; g.cancel() })
		}
	}()
}

func (g *group) Wait() error {
	g.wg.Wait()
	g.cancel()
	return g.err
}

func sync2(items []string, validate bool) error {
	g, ctx := withContext(context.Background())
	for range items {
		g.Go(func() error {
			<-ctx.Done() // watcher: stops the upload stream when the group ends
			return nil
		})
	}
	if validate && len(items) > 2 {
		return errors.New("too many items") // the bug: no g.Wait() / cancel
	}
	go func() { _ = g.Wait() }()
	g.cancel() // the normal path ends the group right away here
	return nil
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			_ = sync2([]string{"a", "b"}, true)
			_ = sync2([]string{"c"}, false)
			l.WaitGone("main.(*group).Go.func1")
			_ = sync2([]string{"d", "e", "f"}, true)
			l.WaitParked("main.(*group).Go.func1", 3)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*group).Go.func1", Leaked: 3}},
	})
}
