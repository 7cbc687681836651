// Scenario chan-send-early-return: see manifest.json.
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
	if _, err := fetch(false); err != nil {
		harness.Fail("happy path failed: %v", err)
	}
	for i := 0; i < 3; i++ {
		_, _ = fetch(true)
	}
	return nil
}

//go:noinline
func fetch(invalid bool) (int, error) {
	ch := make(chan int)
	go func() {
		ch <- compute()
	}()
	if invalid {
		return 0, errors.New("validation failed")
	}
	return <-ch, nil
}

//go:noinline
func compute() int { return 42 }
