// A live net/http server locks a per-user mutex in its /profile handler and returns 400 on an
// empty name without unlocking. Every later request for that user blocks in Lock inside the
// handler — the blocked goroutine is net/http's own connection goroutine, whose client gave up
// after its timeout. Requests for other users are served; the server's accept loop, one idle
// keep-alive connection and the client's connection loops are healthy. The locks hang off the
// live server, so the GC cannot prove anything: labelled by release.
package main

import (
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type profiles struct {
	mu    sync.Mutex
	locks map[string]*sync.Mutex
	names map[string]string
}

func (p *profiles) userLock(u string) *sync.Mutex {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.locks[u] == nil {
		p.locks[u] = &sync.Mutex{}
	}
	return p.locks[u]
}

func (p *profiles) handleProfile(w http.ResponseWriter, r *http.Request) {
	user, name := r.URL.Query().Get("user"), r.URL.Query().Get("name")
	lk := p.userLock(user)
	lk.Lock()
	if name == "" {
		http.Error(w, "name required", http.StatusBadRequest)
		return // the bug: lk stays locked
	}
	p.mu.Lock()
	p.names[user] = name
	p.mu.Unlock()
	lk.Unlock()
	io.WriteString(w, "ok")
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
			p := &profiles{locks: map[string]*sync.Mutex{}, names: map[string]string{}}
			mux := http.NewServeMux()
			mux.HandleFunc("/profile", p.handleProfile)
			srv = &http.Server{Handler: mux}
			go srv.Serve(ln)
			client = &http.Client{Timeout: 50 * time.Millisecond}
			base := "http://" + ln.Addr().String() + "/profile?"
			for _, q := range []string{"user=ann&name=Ann", "user=bob&name=", "user=bob&name=Bob", "user=ann&name=Annie", "user=bob&name=Robert", "user=cy&name=Cy"} {
				resp, err := client.Get(base + q)
				if err != nil {
					continue // the client timed out on bob
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			l.WaitGone("net/http.(*connReader).backgroundRead")
			l.WaitParkedIn("net/http.(*conn).serve", "sync.Mutex.Lock", 2)
			l.WaitParked("net/http.(*conn).serve", 3)
			l.WaitParked("net/http.(*persistConn).readLoop", 1)
			l.WaitParked("net/http.(*persistConn).writeLoop", 1)
		},
		Release: func() {
			client.CloseIdleConnections()
			srv.Close()
		},
		Expect: []lab.Expect{
			{StartFunc: "net/http.(*conn).serve", Leaked: 2, Healthy: 1},
			{StartFunc: "net/http.(*Server).Serve", Healthy: 1},
			{StartFunc: "net/http.(*persistConn).readLoop", Healthy: 1},
			{StartFunc: "net/http.(*persistConn).writeLoop", Healthy: 1},
		},
	})
}
