// Healthy: an upload server receives files over loopback TCP; each connection's handler
// copies into a buffer and is blocked reading the next chunk because the clients are still
// sending (two large uploads in progress; a small one finished). At release the clients
// finish and close; the handlers and the accept loop end.
package main

import (
	"bytes"
	"io"
	"net"

	"leakcorpus/internal/lab"
)

type uploadServer struct {
	ln       net.Listener
	received chan int
}

func (s *uploadServer) accept() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.handle(c)
	}
}

func (s *uploadServer) handle(c net.Conn) {
	defer c.Close()
	var buf bytes.Buffer
	n, _ := io.Copy(&buf, c)
	s.received <- int(n)
}

func main() {
	var s *uploadServer
	var uploading []net.Conn
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			s = &uploadServer{ln: ln, received: make(chan int, 8)}
			go s.accept()
			for i := 0; i < 3; i++ {
				c, err := net.Dial("tcp", ln.Addr().String())
				if err != nil {
					lab.Fail("%v", err)
				}
				c.Write(make([]byte, 4096))
				if i == 0 {
					c.Close() // the small upload is complete
					<-s.received
				} else {
					uploading = append(uploading, c)
				}
			}
			l.WaitParked("main.(*uploadServer).handle", 2)
			l.WaitParked("main.(*uploadServer).accept", 1)
		},
		Release: func() {
			for _, c := range uploading {
				c.Write(make([]byte, 1024))
				c.Close()
			}
			s.ln.Close()
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*uploadServer).handle", Healthy: 2},
			{StartFunc: "main.(*uploadServer).accept", Healthy: 1},
		},
	})
}
