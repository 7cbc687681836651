// Scenario healthy-ticker-stopped: see manifest.json.
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

var ticks int64

func run(h *harness.H) func() {
	stop := startTicker()
	for atomic.LoadInt64(&ticks) < 5 {
		time.Sleep(time.Millisecond)
	}
	return stop
}

//go:noinline
func startTicker() func() {
	stop := make(chan struct{})
	done := make(chan struct{})
	t := time.NewTicker(5 * time.Millisecond)
	go func() {
		defer close(done)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				atomic.AddInt64(&ticks, 1)
			case <-stop:
				return
			}
		}
	}()
	return func() {
		close(stop)
		<-done
	}
}
