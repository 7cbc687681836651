// Healthy: a batch service runs under signal.NotifyContext(SIGTERM); its workers select on the
// shared context and an empty work queue. No SIGTERM arrives during the trace; at release the
// service calls stop(), which ends the context like a signal would, and the workers return.
// (NotifyContext's own goroutine belongs to os/signal and is not labelled.)
package main

import (
	"context"
	"os/signal"
	"syscall"

	"leakcorpus/internal/lab"
)

type batcher struct {
	work chan []string
}

func (b *batcher) worker(ctx context.Context) {
	for {
		select {
		case w := <-b.work:
			_ = len(w)
		case <-ctx.Done():
			return
		}
	}
}

func main() {
	var stop context.CancelFunc
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			var ctx context.Context
			ctx, stop = signal.NotifyContext(context.Background(), syscall.SIGTERM)
			b := &batcher{work: make(chan []string)}
			for i := 0; i < 3; i++ {
				go b.worker(ctx)
			}
			b.work <- []string{"a", "b"}
			l.WaitParked("main.(*batcher).worker", 3)
		},
		Release: func() { stop() },
		Expect:  []lab.Expect{{StartFunc: "main.(*batcher).worker", Healthy: 3}},
	})
}
