// A long-lived dispatcher (creator still running) serves requests from its inbox; each request
// gets a goroutine that computes the answer and sends it on the request's unbuffered reply
// channel. Callers give up when their context is cancelled, so those computations block on the
// reply forever while the dispatcher keeps serving. The dispatcher itself is healthy: it parks
// on its inbox until Stop.
package main

import (
	"context"
	"time"

	"leakcorpus/internal/lab"
)

type request struct {
	n     int
	reply chan int
}

type dispatcher struct {
	inbox chan request
	done  chan struct{}
}

func newDispatcher() *dispatcher {
	d := &dispatcher{inbox: make(chan request), done: make(chan struct{})}
	go d.loop()
	return d
}

func (d *dispatcher) loop() {
	for {
		select {
		case r := <-d.inbox:
			d.handle(r)
		case <-d.done:
			return
		}
	}
}

//go:noinline
func (d *dispatcher) handle(r request) {
	go func() {
		time.Sleep(time.Duration(r.n) * 10 * time.Millisecond)
		r.reply <- r.n * r.n
	}()
}

func (d *dispatcher) Stop() { close(d.done) }

func (d *dispatcher) Square(ctx context.Context, n int) (int, error) {
	r := request{n: n, reply: make(chan int)}
	d.inbox <- r
	select {
	case v := <-r.reply:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func main() {
	var d *dispatcher
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			d = newDispatcher()
			if _, err := d.Square(context.Background(), 0); err != nil {
				lab.Fail("%v", err)
			}
			for n := 2; n <= 4; n++ {
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
				if _, err := d.Square(ctx, n); err == nil {
					lab.Fail("square %d should time out", n)
				}
				cancel()
			}
			l.WaitParkedIn("main.(*dispatcher).handle.func1", "chan send", 3)
			l.WaitParked("main.(*dispatcher).loop", 1)
		},
		Release: func() { d.Stop() },
		Expect: []lab.Expect{
			{StartFunc: "main.(*dispatcher).handle.func1", Leaked: 3},
			{StartFunc: "main.(*dispatcher).loop", Healthy: 1},
		},
	})
}
