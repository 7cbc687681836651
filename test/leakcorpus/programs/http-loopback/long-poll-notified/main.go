// Healthy: long polling over net/http on loopback. Two clients wait for change notifications:
// each handler waits in select on the notifier and the request context; each client goroutine
// waits for its response (its persistConn loops parked too). At release the notifier fires,
// the handlers answer, the clients return, and the servers and idle connections are closed.
package main

import (
	"io"
	"net"
	"net/http"
	"sync"

	"leakcorpus/internal/lab"
)

type notifier struct {
	mu      sync.Mutex
	changed chan struct{}
}

func (n *notifier) wait() <-chan struct{} {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.changed
}

func (n *notifier) fire() {
	n.mu.Lock()
	close(n.changed)
	n.changed = make(chan struct{})
	n.mu.Unlock()
}

func (n *notifier) handle(w http.ResponseWriter, r *http.Request) {
	select {
	case <-n.wait():
		io.WriteString(w, "changed")
	case <-r.Context().Done():
	}
}

func poll(c *http.Client, url string, done chan<- string) {
	resp, err := c.Get(url)
	if err != nil {
		done <- err.Error()
		return
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	done <- string(b)
}

func main() {
	n := &notifier{changed: make(chan struct{})}
	var srv *http.Server
	var client *http.Client
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			srv = &http.Server{Handler: http.HandlerFunc(n.handle)}
			go srv.Serve(ln)
			client = &http.Client{}
			done := make(chan string, 2)
			for i := 0; i < 2; i++ {
				go poll(client, "http://"+ln.Addr().String()+"/watch", done)
			}
			l.WaitParked("main.poll", 2)
			l.WaitParked("net/http.(*conn).serve", 2)
			l.WaitParked("net/http.(*persistConn).readLoop", 2)
			l.WaitParked("net/http.(*persistConn).writeLoop", 2)
			l.WaitParked("net/http.(*connReader).backgroundRead", 2)
		},
		Release: func() {
			n.fire()
			go func() {
				l := &lab.L{}
				l.WaitGone("main.poll")
				client.CloseIdleConnections()
				srv.Close()
			}()
		},
		Expect: []lab.Expect{
			{StartFunc: "main.poll", Healthy: 2},
			{StartFunc: "net/http.(*Server).Serve", Healthy: 1},
			{StartFunc: "net/http.(*conn).serve", Healthy: 2},
			{StartFunc: "net/http.(*connReader).backgroundRead", Healthy: 2},
			{StartFunc: "net/http.(*persistConn).readLoop", Healthy: 2},
			{StartFunc: "net/http.(*persistConn).writeLoop", Healthy: 2},
		},
	})
}
