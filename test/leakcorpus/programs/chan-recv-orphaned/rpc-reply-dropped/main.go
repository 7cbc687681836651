// An RPC client keeps pending calls in a map owned by its live reader loop; callers run in
// goroutines that wait on their call's reply channel. The server drops requests with an
// unknown method without answering, and the client has no per-call timeout, so those callers
// wait forever. The pending map stays reachable from the client (its reader is alive and
// healthy), so the GC cannot prove the leak: labelled by release. Close stops the reader only.
package main

import (
	"strings"
	"sync"

	"leakcorpus/internal/lab"
)

type call struct {
	id     int
	method string
	reply  chan string
}

type client struct {
	mu      sync.Mutex
	pending map[int]*call
	wire    chan *call // to the "server"
	replies chan int   // ids answered by the server
	quit    chan struct{}
	next    int
}

func newClient() *client {
	c := &client{pending: map[int]*call{}, wire: make(chan *call, 16), replies: make(chan int, 16), quit: make(chan struct{})}
	go c.readLoop()
	go c.serve()
	return c
}

// serve is the remote end: it answers known methods and silently drops the rest.
func (c *client) serve() {
	for {
		select {
		case cl := <-c.wire:
			if strings.HasPrefix(cl.method, "Echo.") {
				c.replies <- cl.id
			}
		case <-c.quit:
			return
		}
	}
}

func (c *client) readLoop() {
	for {
		select {
		case id := <-c.replies:
			c.mu.Lock()
			cl := c.pending[id]
			delete(c.pending, id)
			c.mu.Unlock()
			cl.reply <- "ok:" + cl.method
		case <-c.quit:
			return
		}
	}
}

func (c *client) Call(method string) string {
	c.mu.Lock()
	c.next++
	cl := &call{id: c.next, method: method, reply: make(chan string, 1)}
	c.pending[cl.id] = cl
	c.mu.Unlock()
	c.wire <- cl
	return <-cl.reply
}

func (c *client) Close() { close(c.quit) }

//go:noinline
func fireAndForget(c *client, methods []string) {
	for _, m := range methods {
		m := m
		go func() { _ = c.Call(m) }()
	}
}

func main() {
	var c *client
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			c = newClient()
			if got := c.Call("Echo.Ping"); got != "ok:Echo.Ping" {
				lab.Fail("got %q", got)
			}
			fireAndForget(c, []string{"Echo.A", "Stats.Dump", "Echo.B", "Admin.Reload"})
			l.WaitParked("main.fireAndForget.func1", 2)
			l.WaitParked("main.(*client).readLoop", 1)
			l.WaitParked("main.(*client).serve", 1)
		},
		Release: func() { c.Close() },
		Expect: []lab.Expect{
			{StartFunc: "main.fireAndForget.func1", Leaked: 2},
			{StartFunc: "main.(*client).readLoop", Healthy: 1},
			{StartFunc: "main.(*client).serve", Healthy: 1},
		},
	})
}
