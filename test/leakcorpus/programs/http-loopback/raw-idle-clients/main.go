// Healthy: a net/http server with three raw TCP clients that sent one request each and keep
// their connections open (a load balancer's idle pool). The server has three connection
// goroutines waiting for the next request in I/O wait and its accept loop. Shutdown at release
// closes the idle connections and the listener.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"

	"leakcorpus/internal/lab"
)

func main() {
	var srv *http.Server
	var conns []net.Conn
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.WriteString(w, "pong")
			})}
			go srv.Serve(ln)
			for i := 0; i < 3; i++ {
				c, err := net.Dial("tcp", ln.Addr().String())
				if err != nil {
					lab.Fail("%v", err)
				}
				fmt.Fprintf(c, "GET /ping HTTP/1.1\r\nHost: lb\r\n\r\n")
				resp, err := http.ReadResponse(bufio.NewReader(c), nil)
				if err != nil {
					lab.Fail("%v", err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				conns = append(conns, c)
			}
			l.WaitParked("net/http.(*conn).serve", 3)
			l.WaitParked("net/http.(*Server).Serve", 1)
		},
		Release: func() {
			srv.Shutdown(context.Background())
			for _, c := range conns {
				c.Close()
			}
		},
		Expect: []lab.Expect{
			{StartFunc: "net/http.(*conn).serve", Healthy: 3},
			{StartFunc: "net/http.(*Server).Serve", Healthy: 1},
		},
	})
}
