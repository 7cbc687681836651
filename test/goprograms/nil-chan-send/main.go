// Scenario nil-chan-send: see manifest.json.
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

type notifier struct{ events chan int }

func run(h *harness.H) func() {
	n := &notifier{} // missing make(chan int)
	notify(n, 1)
	notify(n, 2)
	return nil
}

//go:noinline
func notify(n *notifier, v int) {
	go func() {
		n.events <- v
	}()
}
