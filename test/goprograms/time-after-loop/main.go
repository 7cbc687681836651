// Scenario time-after-loop: see manifest.json.
package main

import (
	_ "embed"
	"sync/atomic"
	"time"

	"goprograms/internal/harness"
)

//go:embed manifest.json
var manifest []byte

func main() {
	harness.Main(harness.Scenario{Manifest: manifest, Run: run})
}

var timeouts int64

func run(h *harness.H) func() {
	watch()
	watch()
	for atomic.LoadInt64(&timeouts) < 10 {
		time.Sleep(time.Millisecond)
	}
	return nil
}

//go:noinline
func watch() {
	events := make(chan int)
	go func() {
		for {
			select {
			case e := <-events:
				consume(e)
			case <-time.After(5 * time.Millisecond):
				atomic.AddInt64(&timeouts, 1)
			}
		}
	}()
}

//go:noinline
func consume(int) {}
