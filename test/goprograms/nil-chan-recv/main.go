// Scenario nil-chan-recv: see manifest.json.
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

type listener struct{ events chan int }

func run(h *harness.H) func() {
	l := &listener{} // missing make(chan int)
	listen(l)
	listen(l)
	return nil
}

//go:noinline
func listen(l *listener) {
	go func() {
		v := <-l.events
		consume(v)
	}()
}

//go:noinline
func consume(int) {}
