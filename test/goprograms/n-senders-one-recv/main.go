// Scenario n-senders-one-recv: see manifest.json.
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
	consume(firstReply(5))
	return nil
}

//go:noinline
func firstReply(n int) int {
	replies := make(chan int)
	for i := 0; i < n; i++ {
		i := i
		go func() {
			replies <- i
		}()
	}
	return <-replies
}

//go:noinline
func consume(int) {}
