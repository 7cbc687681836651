// A replication client reconnects to its primary with capped exponential backoff and no
// attempt limit or context. The primary's listener was closed for good (the node was
// decommissioned), so the client dials 127.0.0.1, gets "connection refused" and sleeps, forever.
// A healthy client of a live primary is parked reading from its open connection and ends when
// the primary shuts down at release.
package main

import (
	"net"
	"time"

	"leakcorpus/internal/lab"
)

type replica struct {
	addr     string
	attempts int
}

func (r *replica) follow() {
	backoff := time.Millisecond
	for {
		c, err := net.Dial("tcp", r.addr)
		if err == nil {
			buf := make([]byte, 64)
			for {
				if _, err := c.Read(buf); err != nil {
					c.Close()
					return // primary gone after a clean session: stop following
				}
			}
		}
		r.attempts++
		time.Sleep(backoff)
		if backoff < 32*time.Millisecond {
			backoff *= 2
		}
	}
}

func main() {
	var live net.Listener
	var conns []net.Conn
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			dead, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			deadAddr := dead.Addr().String()
			dead.Close()
			live, err = net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			r := &replica{addr: deadAddr}
			go r.follow()
			go (&replica{addr: live.Addr().String()}).follow()
			c, err := live.Accept()
			if err != nil {
				lab.Fail("%v", err)
			}
			conns = append(conns, c)
			l.WaitUntil("a few refused attempts", func() bool { return r.attempts >= 3 })
			l.WaitParkedIn("main.(*replica).follow", "IO wait", 1)
		},
		Release: func() {
			for _, c := range conns {
				c.Close()
			}
			live.Close()
		},
		Expect: []lab.Expect{{StartFunc: "main.(*replica).follow", Leaked: 1, Healthy: 1}},
	})
}
