// Scenario ticker-never-stopped: see manifest.json.
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

var beats int64

func run(h *harness.H) func() {
	startHeartbeat()
	startHeartbeat()
	for atomic.LoadInt64(&beats) < 10 {
		time.Sleep(time.Millisecond)
	}
	return nil
}

//go:noinline
func startHeartbeat() {
	t := time.NewTicker(5 * time.Millisecond)
	go func() {
		for range t.C {
			atomic.AddInt64(&beats, 1)
		}
	}()
}
