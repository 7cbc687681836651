// Scenario ctx-timeout-result-send: see manifest.json.
package main

import (
	"context"
	_ "embed"
	"time"

	"goprograms/internal/harness"
)

//go:embed manifest.json
var manifest []byte

func main() {
	harness.Main(harness.Scenario{Manifest: manifest, Run: run})
}

func run(h *harness.H) func() {
	release := make(chan struct{})
	for i := 0; i < 2; i++ {
		if _, err := query(context.Background(), release); err == nil {
			harness.Fail("query did not time out")
		}
	}
	close(release) // the backend answers only after both callers gave up
	return nil
}

//go:noinline
func query(ctx context.Context, release chan struct{}) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Millisecond)
	defer cancel()
	result := make(chan int)
	go func() {
		<-release
		result <- 42
	}()
	select {
	case v := <-result:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
