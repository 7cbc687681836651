// Healthy: an RPC server arms a watcher per in-flight call that aborts the call's backend work
// when the call's deadline passes or the client cancels — select on ctx.Done() and the call's
// completion. Four calls are in flight with distant deadlines; finished calls' watchers exited.
// At release the calls complete and their watchers return.
package main

import (
	"context"
	"time"

	"leakcorpus/internal/lab"
)

type call struct {
	id     int
	done   chan struct{}
	cancel context.CancelFunc
}

type rpcServer struct{ aborted int }

//go:noinline
func (s *rpcServer) start(id int, timeout time.Duration) *call {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	c := &call{id: id, done: make(chan struct{}), cancel: cancel}
	go func() {
		select {
		case <-ctx.Done():
			s.aborted++
		case <-c.done:
		}
		cancel()
	}()
	return c
}

func main() {
	var inflight []*call
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			s := &rpcServer{}
			for i := 0; i < 7; i++ {
				c := s.start(i, time.Hour)
				if i%2 == 0 {
					inflight = append(inflight, c)
				} else {
					close(c.done)
				}
			}
			l.WaitParked("main.(*rpcServer).start.func1", 4)
		},
		Release: func() {
			for _, c := range inflight {
				close(c.done)
			}
		},
		Expect: []lab.Expect{{StartFunc: "main.(*rpcServer).start.func1", Healthy: 4}},
	})
}
