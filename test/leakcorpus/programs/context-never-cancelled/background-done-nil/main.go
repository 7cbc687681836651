// A cleanup hook waits for its context to end: `<-ctx.Done(); cleanup()`. Callers that have no
// request context pass context.Background(), whose Done() returns nil — a receive from a nil
// channel, blocked forever. Hooks registered with cancellable contexts ran their cleanup.
package main

import (
	"context"
	"sync/atomic"

	"leakcorpus/internal/lab"
)

type tempFiles struct {
	removed atomic.Int64
}

//go:noinline
func (t *tempFiles) removeWhenDone(ctx context.Context, path string) {
	go func() {
		<-ctx.Done()
		t.removed.Add(1)
		_ = path
	}()
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			t := &tempFiles{}
			for i := 0; i < 2; i++ {
				ctx, cancel := context.WithCancel(context.Background())
				t.removeWhenDone(ctx, "/tmp/req")
				cancel()
			}
			l.WaitUntil("request hooks ran", func() bool { return t.removed.Load() == 2 })
			t.removeWhenDone(context.Background(), "/tmp/batch-1")
			t.removeWhenDone(context.TODO(), "/tmp/batch-2")
			l.WaitParked("main.(*tempFiles).removeWhenDone.func1", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*tempFiles).removeWhenDone.func1", Leaked: 2}},
	})
}
