// Scenario chan-recv-no-sender: see manifest.json.
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
	startJob(false)
	startJob(false)
	return nil
}

//go:noinline
func startJob(send bool) {
	msgs := make(chan string)
	go func() {
		m := <-msgs
		consume(m)
	}()
	if send {
		msgs <- "go"
	}
}

//go:noinline
func consume(string) {}
