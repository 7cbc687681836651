// Scenario growing-leak: see manifest.json.
package main

import (
	_ "embed"
	"fmt"

	"goprograms/internal/harness"
)

//go:embed manifest.json
var manifest []byte

func main() {
	harness.Main(harness.Scenario{Manifest: manifest, Run: run})
}

func run(h *harness.H) func() {
	for phase := 1; phase <= 3; phase++ {
		for i := 0; i < 5; i++ {
			subscribe()
		}
		h.WaitParked("main.subscribe.func1", "chan receive", 5*phase)
		h.Snapshot(fmt.Sprintf("goroutine-%d", phase))
	}
	return nil
}

//go:noinline
func subscribe() {
	events := make(chan int)
	go func() {
		for e := range events {
			consume(e)
		}
	}()
}

//go:noinline
func consume(int) {}
