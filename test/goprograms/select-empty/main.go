// Scenario select-empty: see manifest.json.
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
	park()
	park()
	return nil
}

//go:noinline
func park() {
	go func() {
		select {}
	}()
}
