// Healthy: a metrics collector samples on a timer that it resets after each sample (so slow
// samples do not pile up), and batches samples to an exporter goroutine. Both are owned by the
// agent; Stop (at release) cancels the collector, which closes the exporter's input.
package main

import (
	"context"
	"runtime"
	"time"

	"leakcorpus/internal/lab"
)

type agent struct {
	samples chan int
	cancel  context.CancelFunc
	batches int
}

func (a *agent) collect(ctx context.Context, every time.Duration) {
	defer close(a.samples)
	t := time.NewTimer(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			a.samples <- runtime.NumGoroutine()
			t.Reset(every)
		case <-ctx.Done():
			return
		}
	}
}

func (a *agent) export() {
	var batch []int
	for s := range a.samples {
		batch = append(batch, s)
		if len(batch) == 2 {
			a.batches++
			batch = batch[:0]
		}
	}
}

func main() {
	var a *agent
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ctx, cancel := context.WithCancel(context.Background())
			a = &agent{samples: make(chan int), cancel: cancel}
			go a.collect(ctx, 30*time.Millisecond)
			go a.export()
			l.WaitParked("main.(*agent).collect", 1)
			l.WaitParked("main.(*agent).export", 1)
		},
		Release: func() { a.cancel() },
		Expect: []lab.Expect{
			{StartFunc: "main.(*agent).collect", Healthy: 1},
			{StartFunc: "main.(*agent).export", Healthy: 1},
		},
	})
}
