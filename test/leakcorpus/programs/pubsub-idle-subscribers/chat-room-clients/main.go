// Healthy: a chat room over net.Pipe connections: each client has a writer goroutine waiting
// for messages to deliver and a reader goroutine blocked reading the client's socket (the user
// is idle). The room's hub loop waits for joins, leaves and messages. Closing the room
// (release) closes every connection and the hub.
package main

import (
	"net"

	"leakcorpus/internal/lab"
)

type client struct {
	conn net.Conn
	out  chan string
}

func (c *client) writer() {
	for m := range c.out {
		if _, err := c.conn.Write([]byte(m)); err != nil {
			return
		}
	}
}

func (c *client) reader(msgs chan<- string) {
	buf := make([]byte, 128)
	for {
		n, err := c.conn.Read(buf)
		if err != nil {
			return
		}
		msgs <- string(buf[:n])
	}
}

type room struct {
	msgs    chan string
	clients []*client
	quit    chan struct{}
}

func (r *room) hub() {
	for {
		select {
		case m := <-r.msgs:
			for _, c := range r.clients {
				c.out <- m
			}
		case <-r.quit:
			return
		}
	}
}

func main() {
	r := &room{msgs: make(chan string), quit: make(chan struct{})}
	var peers []net.Conn
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i := 0; i < 3; i++ {
				a, b := net.Pipe()
				c := &client{conn: a, out: make(chan string, 4)}
				r.clients = append(r.clients, c)
				peers = append(peers, b)
				go c.writer()
				go c.reader(r.msgs)
			}
			go r.hub()
			peers[0].Write([]byte("hi all"))
			buf := make([]byte, 16)
			for _, p := range peers {
				p.Read(buf)
			}
			l.WaitParked("main.(*client).writer", 3)
			l.WaitParked("main.(*client).reader", 3)
			l.WaitParked("main.(*room).hub", 1)
		},
		Release: func() {
			close(r.quit)
			for i, c := range r.clients {
				close(c.out)
				peers[i].Close()
			}
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*client).writer", Healthy: 3},
			{StartFunc: "main.(*client).reader", Healthy: 3},
			{StartFunc: "main.(*room).hub", Healthy: 1},
		},
	})
}
