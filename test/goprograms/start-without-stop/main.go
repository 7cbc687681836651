// Scenario start-without-stop: see manifest.json.
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
	for i := 0; i < 2; i++ {
		p := newPoller()
		p.Start()
		p.jobs <- i
		// missing p.Stop()
	}
	return nil
}

type poller struct {
	stop chan struct{}
	jobs chan int
}

//go:noinline
func newPoller() *poller { return &poller{stop: make(chan struct{}), jobs: make(chan int)} }

//go:noinline
func (p *poller) Start() {
	go func() {
		p.loop()
	}()
}

//go:noinline
func (p *poller) Stop() { close(p.stop) }

//go:noinline
func (p *poller) loop() {
	for {
		select {
		case <-p.stop:
			return
		case j := <-p.jobs:
			consume(j)
		}
	}
}

//go:noinline
func consume(int) {}
