// A group with a shared context cancels it on the first error, and the caller returns that
// error at once. The tasks do check ctx before their work but then send their results without
// selecting on ctx.Done(), so tasks that were already past the check block on the send after
// the cancellation. A task started after the cancellation saw it and returned (a finished
// sibling). Tasks are started one by one once the previous one holds its connection.
package main

import (
	"context"
	"errors"
	"sync"

	"leakcorpus/internal/lab"
)

type ctxGroup struct {
	cancel context.CancelFunc
	once   sync.Once
	errs   chan error
}

func newCtxGroup() (*ctxGroup, context.Context) {
	ctx, cancel := context.WithCancel(context.Background())
	return &ctxGroup{cancel: cancel, errs: make(chan error, 1)}, ctx
}

func (g *ctxGroup) Go(f func() error) {
	go func() {
		if err := f(); err != nil {
			g.once.Do(func() { g.errs <- err; g.cancel() })
		}
	}()
}

//go:noinline
func lookupAll(ids []int) ([]string, error) {
	g, ctx := newCtxGroup()
	names := make(chan string)
	started := make(chan struct{}, len(ids))
	for _, id := range ids {
		id := id
		g.Go(func() error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if id < 0 {
				return errors.New("negative id")
			}
			started <- struct{}{} // holds a connection now
			names <- "user"       // the bug: no select on ctx.Done()
			return nil
		})
		if id < 0 {
			break
		}
		<-started
	}
	err := <-g.errs
	g.Go(func() error { return ctx.Err() }) // the retry path sees the cancellation
	return nil, err
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			if _, err := lookupAll([]int{4, 8, 15, -1, 16}); err == nil {
				lab.Fail("want an error")
			}
			l.WaitParked("main.(*ctxGroup).Go.func1", 3)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*ctxGroup).Go.func1", Leaked: 3}},
	})
}
