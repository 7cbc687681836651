// Scenario healthy-long-lived: see manifest.json.
package main

import (
	"context"
	_ "embed"
	"time"

	"goprograms/internal/harness"
)

//go:embed manifest.json
var manifest []byte

func main() {
	harness.Main(harness.Scenario{Manifest: manifest, Run: run})
}

// Package-level, as in a real service: the server, its context and its channels stay reachable,
// so the runtime's leak detector (rightly) reports none of these goroutines.
var (
	ctx, cancel = context.WithCancel(context.Background())
	reqs        = make(chan int)
	jobs        = make(chan int)
	children    []context.CancelFunc
)

func run(h *harness.H) func() {
	go serve()
	return nil // nothing is shut down: every goroutine is still parked when the trace ends
}

// serve is a long-lived server loop: it starts a ctx watcher and a worker pool, feeds the pool,
// starts per-request watchers (most requests finish), then idles until the context ends.
//
//go:noinline
func serve() {
	go func() {
		<-ctx.Done()
	}()
	go dispatcher()
	for i := 0; i < 4; i++ {
		go worker()
	}
	for i := 0; i < 20; i++ {
		reqs <- i
	}
	for i := 0; i < 10; i++ {
		handle(i < 8)
	}
	select {
	case <-ctx.Done():
	case <-time.After(time.Hour):
	}
}

//go:noinline
func dispatcher() {
	for r := range reqs {
		jobs <- r
	}
}

//go:noinline
func worker() {
	for j := range jobs {
		consume(j)
	}
}

// handle starts a per-request watcher on the request's context; finished requests cancel it.
//
//go:noinline
func handle(done bool) {
	c, cc := context.WithCancel(ctx)
	go func() {
		<-c.Done()
	}()
	if done {
		cc()
	} else {
		children = append(children, cc)
	}
}

//go:noinline
func consume(int) {}
