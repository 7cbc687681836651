// Scenario healthy-worker-pool: see manifest.json.
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
	return startPool(4, 20)
}

//go:noinline
func startPool(workers, jobs int) func() {
	ch := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				consume(j)
			}
		}()
	}
	for j := 0; j < jobs; j++ {
		ch <- j
	}
	return func() {
		close(ch)
		wg.Wait()
	}
}

//go:noinline
func consume(int) {}
