// A live net/http server streams events: /events starts a producer goroutine that sends each
// event on an unbuffered channel, and the handler writes them out until the request's context
// ends. When the client disconnects the handler returns, and the producer blocks forever on
// its next send. The server keeps accepting (creator alive); its accept loop is healthy.
package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"

	"leakcorpus/internal/lab"
)

type feed struct{ topic string }

func (f *feed) produce(out chan<- string) {
	for i := 0; ; i++ {
		out <- fmt.Sprintf("%s #%d", f.topic, i) // no select on a done channel: the bug
	}
}

func handleEvents(w http.ResponseWriter, r *http.Request) {
	events := make(chan string)
	go (&feed{topic: r.URL.Query().Get("topic")}).produce(events)
	fl, _ := w.(http.Flusher)
	for {
		select {
		case ev := <-events:
			fmt.Fprintf(w, "data: %s\n\n", ev)
			if fl != nil {
				fl.Flush()
			}
		case <-r.Context().Done():
			return
		}
	}
}

func readOne(addr, topic string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // hangs up after the first event
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+addr+"/events?topic="+topic, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		lab.Fail("%v", err)
	}
	defer resp.Body.Close()
	if _, err := bufio.NewReader(resp.Body).ReadString('\n'); err != nil {
		lab.Fail("%v", err)
	}
}

func main() {
	var srv *http.Server
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			mux := http.NewServeMux()
			mux.HandleFunc("/events", handleEvents)
			srv = &http.Server{Handler: mux}
			go srv.Serve(ln)
			readOne(ln.Addr().String(), "orders")
			readOne(ln.Addr().String(), "prices")
			l.WaitGone("net/http.(*conn).serve")
			l.WaitGone("net/http.(*persistConn).readLoop")
			l.WaitGone("net/http.(*persistConn).writeLoop")
			l.WaitParkedIn("main.(*feed).produce", "chan send", 2)
			l.WaitParked("net/http.(*Server).Serve", 1)
		},
		Release: func() { srv.Close() },
		Expect: []lab.Expect{
			{StartFunc: "main.(*feed).produce", Leaked: 2},
			{StartFunc: "net/http.(*Server).Serve", Healthy: 1},
		},
	})
}
