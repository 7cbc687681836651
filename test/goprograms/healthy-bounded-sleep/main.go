// Scenario healthy-bounded-sleep: see manifest.json.
package main

import (
	_ "embed"
	"sync"
	"time"

	"goprograms/internal/harness"
)

//go:embed manifest.json
var manifest []byte

func main() {
	harness.Main(harness.Scenario{Manifest: manifest, Run: run})
}

func run(h *harness.H) func() {
	return napAll(3)
}

//go:noinline
func napAll(n int) func() {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(1500 * time.Millisecond)
		}()
	}
	return wg.Wait
}
