// Scenario range-unclosed: see manifest.json.
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
	pipeline()
	pipeline()
	return nil
}

//go:noinline
func pipeline() {
	items := make(chan int)
	go func() {
		sum := 0
		for v := range items {
			sum += v
		}
		consume(sum)
	}()
	for i := 0; i < 3; i++ {
		items <- i
	}
	// missing close(items)
}

//go:noinline
func consume(int) {}
