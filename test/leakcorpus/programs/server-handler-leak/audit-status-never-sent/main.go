// Audit middleware on a live net/http server starts a goroutine per request that waits for
// the response status and writes the audit record. The middleware only hands the status over
// for successful responses ("errors are audited by the error handler", which never was
// written), so every failed request leaves an auditor waiting forever. A healthy audit flusher
// owned by the server ticks until Close; the accept loop and keep-alive connections are
// healthy too.
package main

import (
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) { r.status = code; r.ResponseWriter.WriteHeader(code) }

type auditLog struct {
	mu      sync.Mutex
	records []string
	stop    chan struct{}
}

func (a *auditLog) flusher() {
	t := time.NewTicker(40 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			a.mu.Lock()
			a.records = a.records[:0]
			a.mu.Unlock()
		case <-a.stop:
			return
		}
	}
}

//go:noinline
func (a *auditLog) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		status := make(chan int)
		path := r.URL.Path
		go func() {
			code := <-status
			a.mu.Lock()
			a.records = append(a.records, path+" "+http.StatusText(code))
			a.mu.Unlock()
		}()
		rec := &recorder{ResponseWriter: w, status: 200}
		next.ServeHTTP(rec, r)
		if rec.status < 400 {
			status <- rec.status
		}
	})
}

func main() {
	var srv *http.Server
	var client *http.Client
	a := &auditLog{stop: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go a.flusher()
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			mux := http.NewServeMux()
			mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
			srv = &http.Server{Handler: a.middleware(mux)}
			go srv.Serve(ln)
			client = &http.Client{}
			for _, p := range []string{"/ok", "/missing", "/ok", "/admin", "/nope"} {
				resp, err := client.Get("http://" + ln.Addr().String() + p)
				if err != nil {
					lab.Fail("%v", err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			l.WaitParked("main.(*auditLog).middleware.func1.1", 3)
			l.WaitParked("net/http.(*conn).serve", 1)
			l.WaitParked("net/http.(*persistConn).readLoop", 1)
			l.WaitParked("net/http.(*persistConn).writeLoop", 1)
			l.WaitParked("main.(*auditLog).flusher", 1)
		},
		Release: func() {
			close(a.stop)
			client.CloseIdleConnections()
			srv.Close()
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*auditLog).middleware.func1.1", Leaked: 3},
			{StartFunc: "main.(*auditLog).flusher", Healthy: 1},
			{StartFunc: "net/http.(*Server).Serve", Healthy: 1},
			{StartFunc: "net/http.(*conn).serve", Healthy: 1},
			{StartFunc: "net/http.(*persistConn).readLoop", Healthy: 1},
			{StartFunc: "net/http.(*persistConn).writeLoop", Healthy: 1},
		},
	})
}
