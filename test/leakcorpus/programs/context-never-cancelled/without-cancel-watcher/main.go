// An audit logger detaches its writes from the request with context.WithoutCancel (so a
// cancelled request still gets audited) and then starts a goroutine that flushes "when the
// context ends". A WithoutCancel context never ends: Done() is nil, and the flusher blocks on a
// nil channel forever. The request goroutines themselves finished.
package main

import (
	"context"
	"sync"

	"leakcorpus/internal/lab"
)

type auditLog struct {
	mu      sync.Mutex
	entries []string
}

//go:noinline
func (a *auditLog) record(ctx context.Context, entry string) {
	detached := context.WithoutCancel(ctx)
	a.mu.Lock()
	a.entries = append(a.entries, entry)
	a.mu.Unlock()
	go func() {
		<-detached.Done() // nil channel: never
		a.mu.Lock()
		a.entries = nil
		a.mu.Unlock()
	}()
}

func handle(a *auditLog, user string, done chan<- struct{}) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a.record(ctx, "login "+user)
	done <- struct{}{}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			a := &auditLog{}
			done := make(chan struct{}, 4)
			for _, u := range []string{"ann", "bob", "cy"} {
				go handle(a, u, done)
			}
			for i := 0; i < 3; i++ {
				<-done
			}
			l.WaitGone("main.handle")
			l.WaitParked("main.(*auditLog).record.func1", 3)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*auditLog).record.func1", Leaked: 3}},
	})
}
