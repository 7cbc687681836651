// Scenario healthy-server-shutdown: see manifest.json.
package main

import (
	"context"
	_ "embed"
	"io"
	"net"
	"net/http"

	"goprograms/internal/harness"
)

//go:embed manifest.json
var manifest []byte

func main() {
	harness.Main(harness.Scenario{Manifest: manifest, Run: run})
}

func run(h *harness.H) func() {
	srv, addr := startServer()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for i := 0; i < 5; i++ {
		resp, err := client.Get("http://" + addr + "/")
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
		h.WaitGone("main.startServer.func2")
	}
}

//go:noinline
func startServer() (*http.Server, string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		harness.Fail("listen: %v", err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "ok")
	})}
	go func() {
		_ = srv.Serve(ln)
	}()
	return srv, ln.Addr().String()
}
