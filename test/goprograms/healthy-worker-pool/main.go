// Scenario healthy-worker-pool: see manifest.json.
package main

import (
	"context"
	_ "embed"
	"runtime/trace"
	"strconv"
	"sync"

	"goprograms/internal/harness"
)

//go:embed manifest.json
var manifest []byte

func main() {
	harness.Main(harness.Scenario{Manifest: manifest, Run: run})
}

func run(h *harness.H) func() {
	return startPool(4, 20)
}

// The pool also annotates itself with runtime/trace (one task for the pool's life, a region per
// job, a log line per job): the viewer's task/region/log lanes are tested on this trace. The
// annotations never block, so the goroutines and their states are those of a plain pool.
//
//go:noinline
func startPool(workers, jobs int) func() {
	ctx, task := trace.NewTask(context.Background(), "worker-pool")
	ch := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				trace.WithRegion(ctx, "consume", func() { consume(j) })
				trace.Log(ctx, "job", strconv.Itoa(j))
			}
		}()
	}
	for j := 0; j < jobs; j++ {
		ch <- j
	}
	return func() {
		close(ch)
		wg.Wait()
		task.End()
	}
}

//go:noinline
func consume(int) {}
