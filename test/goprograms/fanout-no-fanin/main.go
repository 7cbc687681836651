// Scenario fanout-no-fanin: see manifest.json.
package main

import (
	_ "embed"

	"goprograms/internal/harness"
)

//go:embed manifest.json
var manifest []byte

func main() {
	harness.Main(harness.Scenario{Manifest: manifest, Run: run})
}

func run(h *harness.H) func() {
	fanOut([]int{1, 2, 3, 4})
	return nil
}

//go:noinline
func fanOut(items []int) {
	results := make(chan int)
	for _, it := range items {
		it := it
		go func() {
			results <- it * it
		}()
	}
	// missing: for range items { <-results }
}
