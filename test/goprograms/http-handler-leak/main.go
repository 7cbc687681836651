// Scenario http-handler-leak: see manifest.json.
package main

import (
	"context"
	"crypto/sha256"
	_ "embed"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"sync"

	"goprograms/internal/harness"
)

//go:embed manifest.json
var manifest []byte

func main() {
	harness.Main(harness.Scenario{Manifest: manifest, Run: run, AllProfiles: true})
}

var srv *http.Server

func run(h *harness.H) func() {
	contend()
	addr := startServer()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for i := 0; i < 10; i++ {
		q := "miss"
		if i%5 < 3 {
			q = "hit"
		}
		resp, err := client.Get(fmt.Sprintf("http://%s/item?cache=%s", addr, q))
		if err != nil {
			harness.Fail("request: %v", err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	// Server-side conn goroutines finish after the client saw the response;
	// wait for them so the debug=0/1/2 captures agree on the total.
	h.WaitGone("net/http.(*conn).serve")
	return func() {
		if err := srv.Shutdown(context.Background()); err != nil {
			harness.Fail("shutdown: %v", err)
		}
		h.WaitGone("main.startServer.func1")
	}
}

//go:noinline
func startServer() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		harness.Fail("listen: %v", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/item", handleItem)
	srv = &http.Server{Handler: mux}
	go func() {
		_ = srv.Serve(ln)
	}()
	return ln.Addr().String()
}

func handleItem(w http.ResponseWriter, r *http.Request) {
	res := make(chan string)
	go func() {
		res <- lookup(r.URL.Path)
	}()
	if r.URL.Query().Get("cache") == "hit" {
		_, _ = io.WriteString(w, "cached")
		return // the lookup goroutine is left blocked on res
	}
	_, _ = io.WriteString(w, <-res)
}

var (
	statsMu sync.Mutex
	stats   int
)

// contend makes 4 goroutines fight over statsMu, yielding while holding it,
// so the mutex and block profiles have samples. They all end before the capture.
//
//go:noinline
func contend() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				statsMu.Lock()
				stats++
				runtime.Gosched()
				statsMu.Unlock()
			}
		}()
	}
	wg.Wait()
}

// lookup burns ~20 ms of CPU (100k SHA-256 rounds) so the CPU profile has samples.
//
//go:noinline
func lookup(p string) string {
	sum := sha256.Sum256([]byte(p))
	for i := 0; i < 100000; i++ {
		sum = sha256.Sum256(sum[:])
	}
	return fmt.Sprintf("%x", sum[:4])
}
