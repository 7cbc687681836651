// Healthy: a gateway's client talks to two backend servers on loopback, keeping one idle
// keep-alive connection to each; each backend has its accept loop and one idle connection
// goroutine. Eight net/http goroutines parked at the end of the trace, all released by closing
// the servers and the client's idle connections.
package main

import (
	"io"
	"net"
	"net/http"
	"strings"

	"leakcorpus/internal/lab"
)

type backend struct {
	srv  *http.Server
	addr string
}

func startBackend(name string) *backend {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		lab.Fail("%v", err)
	}
	b := &backend{addr: ln.Addr().String()}
	b.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, name+":"+strings.ToUpper(r.URL.Path))
	})}
	go b.srv.Serve(ln)
	return b
}

func main() {
	var backends []*backend
	var client *http.Client
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			backends = []*backend{startBackend("users"), startBackend("orders")}
			client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
			for i := 0; i < 3; i++ {
				for _, b := range backends {
					resp, err := client.Get("http://" + b.addr + "/v1")
					if err != nil {
						lab.Fail("%v", err)
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}
			l.WaitParked("net/http.(*Server).Serve", 2)
			l.WaitParked("net/http.(*conn).serve", 2)
			l.WaitParked("net/http.(*persistConn).readLoop", 2)
			l.WaitParked("net/http.(*persistConn).writeLoop", 2)
		},
		Release: func() {
			client.CloseIdleConnections()
			for _, b := range backends {
				b.srv.Close()
			}
		},
		Expect: []lab.Expect{
			{StartFunc: "net/http.(*Server).Serve", Healthy: 2},
			{StartFunc: "net/http.(*conn).serve", Healthy: 2},
			{StartFunc: "net/http.(*persistConn).readLoop", Healthy: 2},
			{StartFunc: "net/http.(*persistConn).writeLoop", Healthy: 2},
		},
	})
}
