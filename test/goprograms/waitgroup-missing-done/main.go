// Scenario waitgroup-missing-done: see manifest.json.
package main

import (
	_ "embed"
	"sync"

	"goprograms/internal/harness"
)

//go:embed manifest.json
var manifest []byte

func main() {
	harness.Main(harness.Scenario{Manifest: manifest, Run: run})
}

func run(h *harness.H) func() {
	_ = runBatch([]int{1, -1, 2})
	_ = runBatch([]int{-3, 4})
	return nil
}

//go:noinline
func runBatch(items []int) <-chan struct{} {
	var wg sync.WaitGroup
	done := make(chan struct{})
	for _, it := range items {
		it := it
		wg.Add(1)
		go func() {
			if it < 0 {
				return // missing wg.Done()
			}
			wg.Done()
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	return done
}
