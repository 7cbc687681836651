// A live net/http server on loopback: /search fans a query out to three shard lookups, each in
// its own goroutine sending on an unbuffered channel, and answers with whatever arrived within
// 10 ms. The slow shards' goroutines block on the send forever while the server keeps serving
// (creator alive). The server's accept loop, its keep-alive connection and the client's
// connection loops are healthy and end at release (server Close, client CloseIdleConnections).
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"leakcorpus/internal/lab"
)

type searchAPI struct {
	shardLatency []time.Duration
}

//go:noinline
func (a *searchAPI) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	hits := make(chan string)
	for i, lat := range a.shardLatency {
		i, lat := i, lat
		go func() {
			time.Sleep(lat)
			hits <- fmt.Sprintf("shard%d:%s", i, q)
		}()
	}
	var got []string
	deadline := time.After(10 * time.Millisecond)
	for range a.shardLatency {
		select {
		case h := <-hits:
			got = append(got, h)
		case <-deadline:
			fmt.Fprint(w, strings.Join(got, ","))
			return
		}
	}
	fmt.Fprint(w, strings.Join(got, ","))
}

func main() {
	var srv *http.Server
	var client *http.Client
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			api := &searchAPI{shardLatency: []time.Duration{0, 40 * time.Millisecond, 60 * time.Millisecond}}
			mux := http.NewServeMux()
			mux.HandleFunc("/search", api.handleSearch)
			srv = &http.Server{Handler: mux}
			go srv.Serve(ln)
			client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
			for _, q := range []string{"go", "trace"} {
				resp, err := client.Get("http://" + ln.Addr().String() + "/search?q=" + q)
				if err != nil {
					lab.Fail("%v", err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			l.WaitParkedIn("main.(*searchAPI).handleSearch.func1", "chan send", 4)
			l.WaitParked("net/http.(*conn).serve", 1)
			l.WaitParked("net/http.(*persistConn).readLoop", 1)
			l.WaitParked("net/http.(*persistConn).writeLoop", 1)
		},
		Release: func() {
			srv.Close()
			client.CloseIdleConnections()
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*searchAPI).handleSearch.func1", Leaked: 4},
			{StartFunc: "net/http.(*Server).Serve", Healthy: 1},
			{StartFunc: "net/http.(*conn).serve", Healthy: 1},
			{StartFunc: "net/http.(*persistConn).readLoop", Healthy: 1},
			{StartFunc: "net/http.(*persistConn).writeLoop", Healthy: 1},
		},
	})
}
