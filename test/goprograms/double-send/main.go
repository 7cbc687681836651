// Scenario double-send: see manifest.json.
package main

import (
	_ "embed"
	"errors"

	"goprograms/internal/harness"
)

//go:embed manifest.json
var manifest []byte

func main() {
	harness.Main(harness.Scenario{Manifest: manifest, Run: run})
}

func run(h *harness.H) func() {
	for _, v := range []int{-1, 5, -2} {
		_ = process(v)
	}
	return nil
}

//go:noinline
func process(v int) error {
	errc := make(chan error)
	go func() {
		if v < 0 {
			errc <- errors.New("negative")
			// missing return
		}
		errc <- nil
	}()
	return <-errc
}
