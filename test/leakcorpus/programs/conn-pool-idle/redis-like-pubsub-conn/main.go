// Healthy: a dedicated pub/sub connection to a loopback server: the client's receive loop
// blocks reading pushed messages, a health-check loop pings it every 45 ms, and the server
// pushes to the connection from its own goroutine when something is published. Idle at the
// end of the trace. Unsubscribe-and-close (release) ends all of them.
package main

import (
	"bufio"
	"net"
	"time"

	"leakcorpus/internal/lab"
)

type subConn struct {
	c    net.Conn
	msgs chan string
	stop chan struct{}
}

func (s *subConn) receive() {
	r := bufio.NewReader(s.c)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			close(s.msgs)
			return
		}
		s.msgs <- line
	}
}

func (s *subConn) healthCheck() {
	t := time.NewTicker(45 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-s.stop:
			return
		}
	}
}

func pushServer(ln net.Listener, publish <-chan string) {
	c, err := ln.Accept()
	if err != nil {
		return
	}
	defer c.Close()
	for m := range publish {
		c.Write([]byte(m + "\n"))
	}
}

func main() {
	var sc *subConn
	publish := make(chan string)
	var ln net.Listener
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			var err error
			ln, err = net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			go pushServer(ln, publish)
			c, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				lab.Fail("%v", err)
			}
			sc = &subConn{c: c, msgs: make(chan string, 8), stop: make(chan struct{})}
			go sc.receive()
			go sc.healthCheck()
			publish <- "news: hello"
			<-sc.msgs
			l.WaitParked("main.(*subConn).receive", 1)
			l.WaitParked("main.(*subConn).healthCheck", 1)
			l.WaitParked("main.pushServer", 1)
		},
		Release: func() {
			close(sc.stop)
			close(publish)
			sc.c.Close()
			ln.Close()
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*subConn).receive", Healthy: 1},
			{StartFunc: "main.(*subConn).healthCheck", Healthy: 1},
			{StartFunc: "main.pushServer", Healthy: 1},
		},
	})
}
