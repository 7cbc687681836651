// Plugin loaders poll an atomic "ready" flag every few milliseconds before serving. The
// initializer that sets the flag exits on a bad checksum without setting it (or an error
// channel), so the loaders poll forever: no channel, no lock, nothing the GC can reason about.
// Release cannot help them — what could make the flag true is gone. A healthy bounded
// warm-up sleeper finishes on its own after the trace.
package main

import (
	"errors"
	"sync/atomic"
	"time"

	"leakcorpus/internal/lab"
)

type plugin struct {
	name  string
	ready atomic.Bool
	calls atomic.Int64
}

func (p *plugin) initialize(checksum uint32) error {
	if checksum != 0xC0FFEE {
		return errors.New(p.name + ": bad checksum") // ready stays false forever
	}
	p.ready.Store(true)
	return nil
}

//go:noinline
func (p *plugin) startServing(workers int) {
	for i := 0; i < workers; i++ {
		go func() {
			for !p.ready.Load() {
				time.Sleep(20 * time.Millisecond)
			}
			p.calls.Add(1)
		}()
	}
}

func warmUp(d time.Duration) { time.Sleep(d) }

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			good, bad := &plugin{name: "geo"}, &plugin{name: "ocr"}
			good.startServing(2)
			bad.startServing(2)
			go func() { _ = good.initialize(0xC0FFEE) }()
			go func() { _ = bad.initialize(0xBAD) }()
			l.WaitUntil("the good plugin served", func() bool { return good.calls.Load() == 2 })
			go warmUp(300 * time.Millisecond)
			l.WaitParked("main.(*plugin).startServing.func1", 2)
			l.WaitParked("main.warmUp", 1)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*plugin).startServing.func1", Leaked: 2},
			{StartFunc: "main.warmUp", Healthy: 1},
		},
	})
}
