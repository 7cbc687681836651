// Healthy: reconnect loops with exponential backoff wait in select on time.After(backoff) and
// their context; the dialled service is down for now. At release the connection manager
// cancels the context and the loops return immediately instead of sleeping out the backoff.
package main

import (
	"context"
	"errors"
	"time"

	"leakcorpus/internal/lab"
)

var errDown = errors.New("connection refused")

func dial(string) error { return errDown }

func reconnect(ctx context.Context, addr string) {
	backoff := 200 * time.Millisecond
	for {
		if dial(addr) == nil {
			return
		}
		select {
		case <-time.After(backoff):
			if backoff < 10*time.Second {
				backoff *= 2
			}
		case <-ctx.Done():
			return
		}
	}
}

func main() {
	var cancel context.CancelFunc
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			var ctx context.Context
			ctx, cancel = context.WithCancel(context.Background())
			for _, a := range []string{"db:5432", "cache:6379", "queue:5672"} {
				go reconnect(ctx, a)
			}
			l.WaitParked("main.reconnect", 3)
		},
		Release: func() { cancel() },
		Expect:  []lab.Expect{{StartFunc: "main.reconnect", Healthy: 3}},
	})
}
