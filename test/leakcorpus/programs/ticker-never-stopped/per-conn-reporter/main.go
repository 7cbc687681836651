// Every accepted connection starts a stats reporter on a 25 ms ticker; Conn.Close closes the
// socket but forgets the reporter, which keeps ticking for a connection that is gone. A live
// ticker can always wake its goroutine, so the GC cannot prove it: labelled by release. The
// connection of the client that is still attached has a healthy reporter stopped by Close.
package main

import (
	"sync/atomic"
	"time"

	"leakcorpus/internal/lab"
)

type conn struct {
	id    int
	bytes atomic.Int64
	stop  chan struct{}
	ticks atomic.Int64
}

func (c *conn) report(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			c.ticks.Add(1)
			_ = c.bytes.Load()
		case <-c.stop:
			return
		}
	}
}

func accept(id int) *conn {
	c := &conn{id: id, stop: make(chan struct{})}
	go c.report(25 * time.Millisecond)
	return c
}

// Close closes the socket; the bug: it forgets close(c.stop).
func (c *conn) Close() { c.bytes.Store(-1) }

// Detach is the newer path that stops the reporter.
func (c *conn) Detach() { c.Close(); close(c.stop) }

func main() {
	var attached *conn
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			var closed []*conn
			for i := 0; i < 3; i++ {
				closed = append(closed, accept(i))
			}
			attached = accept(99)
			for _, c := range closed {
				c.Close()
			}
			l.WaitUntil("every reporter ticked", func() bool {
				for _, c := range closed {
					if c.ticks.Load() == 0 {
						return false
					}
				}
				return true
			})
			l.WaitParked("main.(*conn).report", 4)
		},
		Release: func() { attached.Detach() },
		Expect:  []lab.Expect{{StartFunc: "main.(*conn).report", Leaked: 3, Healthy: 1}},
	})
}
