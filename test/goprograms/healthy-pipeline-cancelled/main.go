// Scenario healthy-pipeline-cancelled: see manifest.json.
package main

import (
	"context"
	_ "embed"
	"sync"

	"goprograms/internal/harness"
)

//go:embed manifest.json
var manifest []byte

func main() {
	harness.Main(harness.Scenario{Manifest: manifest, Run: run})
}

func run(h *harness.H) func() {
	pipeline(50)
	return nil
}

//go:noinline
func pipeline(n int) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	nums := make(chan int)
	squares := make(chan int)
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case nums <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		defer wg.Done()
		for {
			select {
			case v := <-nums:
				select {
				case squares <- v * v:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	for i := 0; i < n; i++ {
		<-squares
	}
	cancel()
	wg.Wait()
}
