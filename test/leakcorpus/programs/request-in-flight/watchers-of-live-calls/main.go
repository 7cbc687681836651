// Healthy: every outgoing call gets a cancellation watcher that selects on the caller's
// context and the call's completion. Of 12 calls, 9 completed and their watchers exited; three
// calls are in flight at the end of the trace (their remote side answers at release), so their
// watchers are parked — per-request goroutines with finished siblings.
package main

import (
	"context"

	"leakcorpus/internal/lab"
)

type call struct {
	done   chan struct{}
	answer chan string
}

//go:noinline
func watch(ctx context.Context, c *call) {
	go func() {
		select {
		case <-ctx.Done():
		case <-c.done:
		}
	}()
}

func invoke(ctx context.Context, c *call, finished chan<- struct{}) {
	watch(ctx, c)
	<-c.answer
	close(c.done)
	finished <- struct{}{}
}

func main() {
	var pending []*call
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ctx := context.Background()
			finished := make(chan struct{}, 16)
			for i := 0; i < 12; i++ {
				c := &call{done: make(chan struct{}), answer: make(chan string, 1)}
				go invoke(ctx, c, finished)
				if i%4 == 3 {
					pending = append(pending, c)
				} else {
					c.answer <- "ok"
				}
			}
			for i := 0; i < 9; i++ {
				<-finished
			}
			l.WaitParked("main.watch.func1", 3)
			l.WaitParked("main.invoke", 3)
		},
		Release: func() {
			for _, c := range pending {
				c.answer <- "late ok"
			}
		},
		Expect: []lab.Expect{
			{StartFunc: "main.watch.func1", Healthy: 3},
			{StartFunc: "main.invoke", Healthy: 3},
		},
	})
}
