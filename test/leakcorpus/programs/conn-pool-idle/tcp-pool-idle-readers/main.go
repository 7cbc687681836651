// Healthy: a client pool of TCP connections to a loopback server; each pooled connection has
// a reader goroutine that detects a server-side close while the connection is idle (blocked
// in I/O wait). The server has a handler per connection, also reading. Closing the pool and
// the server (release) ends every goroutine.
package main

import (
	"net"

	"leakcorpus/internal/lab"
)

type pooled struct {
	c      net.Conn
	closed chan struct{}
}

func (p *pooled) watch() {
	defer close(p.closed)
	buf := make([]byte, 1)
	p.c.Read(buf) // returns when either side closes
}

type echoServer struct{ ln net.Listener }

func (s *echoServer) serve() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.handle(c)
	}
}

func (s *echoServer) handle(c net.Conn) {
	defer c.Close()
	buf := make([]byte, 64)
	for {
		n, err := c.Read(buf)
		if err != nil {
			return
		}
		c.Write(buf[:n])
	}
}

func main() {
	var srv *echoServer
	var pool []*pooled
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			srv = &echoServer{ln: ln}
			go srv.serve()
			for i := 0; i < 3; i++ {
				c, err := net.Dial("tcp", ln.Addr().String())
				if err != nil {
					lab.Fail("%v", err)
				}
				p := &pooled{c: c, closed: make(chan struct{})}
				pool = append(pool, p)
				go p.watch()
			}
			l.WaitParked("main.(*pooled).watch", 3)
			l.WaitParked("main.(*echoServer).handle", 3)
			l.WaitParked("main.(*echoServer).serve", 1)
		},
		Release: func() {
			for _, p := range pool {
				p.c.Close()
			}
			srv.ln.Close()
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*pooled).watch", Healthy: 3},
			{StartFunc: "main.(*echoServer).handle", Healthy: 3},
			{StartFunc: "main.(*echoServer).serve", Healthy: 1},
		},
	})
}
