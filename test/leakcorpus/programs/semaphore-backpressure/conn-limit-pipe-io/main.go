// Healthy: a proxy limits upstream connections to 2 with a semaphore. Two sessions hold
// connections and are blocked reading from their upstream (net.Pipe, the far end alive), and
// two more sessions wait for a connection. Closing the upstreams (release) ends the reads, the
// holders return their slots and the waiters proceed (and see closed upstreams too).
package main

import (
	"net"

	"leakcorpus/internal/lab"
)

type proxy struct {
	sem       chan struct{}
	upstreams chan net.Conn
}

func (p *proxy) session(id int) {
	p.sem <- struct{}{}
	defer func() { <-p.sem }()
	c := <-p.upstreams
	buf := make([]byte, 512)
	for {
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}

func main() {
	var far []net.Conn
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			p := &proxy{sem: make(chan struct{}, 2), upstreams: make(chan net.Conn, 4)}
			for i := 0; i < 4; i++ {
				a, b := net.Pipe()
				p.upstreams <- a
				far = append(far, b)
			}
			for i := 0; i < 4; i++ {
				go p.session(i)
			}
			l.WaitParkedIn("main.(*proxy).session", "chan send", 2)
			l.WaitParked("main.(*proxy).session", 4)
		},
		Release: func() {
			for _, c := range far {
				c.Close()
			}
		},
		Expect: []lab.Expect{{StartFunc: "main.(*proxy).session", Healthy: 4}},
	})
}
