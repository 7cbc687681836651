// Healthy: a net/http client and server on loopback with keep-alive. After three requests the
// connection is idle: the server's accept loop waits in Accept, its connection goroutine waits
// for the next request, the client's persistConn readLoop and writeLoop wait for the next
// round trip. Server Close and CloseIdleConnections (at release) end them all.
package main

import (
	"encoding/json"
	"net"
	"net/http"

	"leakcorpus/internal/lab"
)

type item struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

func main() {
	var srv *http.Server
	var tr *http.Transport
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			mux := http.NewServeMux()
			mux.HandleFunc("/items/", func(w http.ResponseWriter, r *http.Request) {
				json.NewEncoder(w).Encode(item{ID: len(r.URL.Path), Name: r.URL.Path})
			})
			srv = &http.Server{Handler: mux}
			go srv.Serve(ln)
			tr = &http.Transport{}
			client := &http.Client{Transport: tr}
			for _, p := range []string{"/items/1", "/items/2", "/items/3"} {
				resp, err := client.Get("http://" + ln.Addr().String() + p)
				if err != nil {
					lab.Fail("%v", err)
				}
				var it item
				json.NewDecoder(resp.Body).Decode(&it)
				resp.Body.Close()
			}
			l.WaitParked("net/http.(*Server).Serve", 1)
			l.WaitParked("net/http.(*conn).serve", 1)
			l.WaitParked("net/http.(*persistConn).readLoop", 1)
			l.WaitParked("net/http.(*persistConn).writeLoop", 1)
		},
		Release: func() {
			tr.CloseIdleConnections()
			srv.Close()
		},
		Expect: []lab.Expect{
			{StartFunc: "net/http.(*Server).Serve", Healthy: 1},
			{StartFunc: "net/http.(*conn).serve", Healthy: 1},
			{StartFunc: "net/http.(*persistConn).readLoop", Healthy: 1},
			{StartFunc: "net/http.(*persistConn).writeLoop", Healthy: 1},
		},
	})
}
