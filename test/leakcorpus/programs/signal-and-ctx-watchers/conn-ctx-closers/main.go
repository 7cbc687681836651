// Healthy: a TCP server gives each accepted connection a watcher that closes it when the
// server's context ends — `go func() { <-ctx.Done(); conn.Close() }()` — the usual way to
// interrupt blocking reads. Three connections are open with their readers parked in I/O wait;
// cancelling the server context (release) closes everything.
package main

import (
	"context"
	"net"

	"leakcorpus/internal/lab"
)

type server struct {
	ln net.Listener
}

//go:noinline
func (s *server) serve(ctx context.Context) {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		go func() {
			<-ctx.Done()
			c.Close()
		}()
		go s.read(c)
	}
}

func (s *server) read(c net.Conn) {
	buf := make([]byte, 256)
	for {
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}

func main() {
	var cancel context.CancelFunc
	var s *server
	var clients []net.Conn
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			s = &server{ln: ln}
			var ctx context.Context
			ctx, cancel = context.WithCancel(context.Background())
			go s.serve(ctx)
			for i := 0; i < 3; i++ {
				c, err := net.Dial("tcp", ln.Addr().String())
				if err != nil {
					lab.Fail("%v", err)
				}
				c.Write([]byte("hello"))
				clients = append(clients, c)
			}
			l.WaitParked("main.(*server).serve.func1", 3)
			l.WaitParked("main.(*server).read", 3)
			l.WaitParked("main.(*server).serve", 1)
		},
		Release: func() {
			cancel()
			s.ln.Close()
			for _, c := range clients {
				c.Close()
			}
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*server).serve.func1", Healthy: 3},
			{StartFunc: "main.(*server).read", Healthy: 3},
			{StartFunc: "main.(*server).serve", Healthy: 1},
		},
	})
}
