// Command big writes a large execution trace for benchmarks: it runs a
// workload under runtime/trace until trace.out reaches -mb megabytes, then
// writes the goroutine profile (debug=0 and debug=2) beside it.
//
//	http:   an HTTP server on 127.0.0.1 under keep-alive load from 8 clients;
//	        every 50th request leaks its lookup goroutine (a slow leak).
//	fanout: rounds of 100,000 workers fanned out and fanned in; each round
//	        the collector gives up 100 results early, leaking those workers.
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	mode := flag.String("mode", "http", "http | fanout")
	mb := flag.Int64("mb", 10, "stop once trace.out reaches this size (MB)")
	out := flag.String("out", ".", "output directory")
	flag.Parse()
	must(os.MkdirAll(*out, 0o755))
	tf, err := os.Create(filepath.Join(*out, "trace.out"))
	must(err)
	must(trace.Start(tf))
	limit := *mb << 20
	full := func() bool {
		st, err := tf.Stat()
		return err == nil && st.Size() >= limit
	}
	switch *mode {
	case "http":
		httpLoad(full)
	case "fanout":
		fanout(full)
	default:
		fmt.Fprintln(os.Stderr, "unknown mode", *mode)
		os.Exit(2)
	}
	for _, f := range []struct {
		name  string
		debug int
	}{{"goroutine.pb.gz", 0}, {"goroutine.debug2.txt", 2}} {
		pf, err := os.Create(filepath.Join(*out, f.name))
		must(err)
		must(pprof.Lookup("goroutine").WriteTo(pf, f.debug))
		must(pf.Close())
	}
	trace.Stop()
	must(tf.Close())
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

var requests int64

func httpLoad(full func() bool) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(err)
	srv := &http.Server{Handler: http.HandlerFunc(handle)}
	go func() {
		_ = srv.Serve(ln)
	}()
	url := "http://" + ln.Addr().String() + "/"
	var stop int32
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := &http.Client{}
			for atomic.LoadInt32(&stop) == 0 {
				resp, err := c.Get(url)
				if err != nil {
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	for !full() {
		time.Sleep(20 * time.Millisecond)
	}
	atomic.StoreInt32(&stop, 1)
	wg.Wait()
	srv.Close()
}

func handle(w http.ResponseWriter, r *http.Request) {
	n := atomic.AddInt64(&requests, 1)
	res := make(chan string)
	go func() {
		res <- fmt.Sprint(n)
	}()
	if n%50 == 0 {
		_, _ = io.WriteString(w, "cached") // leaks the lookup goroutine
		return
	}
	_, _ = io.WriteString(w, <-res)
}

func fanout(full func() bool) {
	const workers = 100000
	for round := 0; !full(); round++ {
		results := make(chan int)
		for i := 0; i < workers; i++ {
			i := i
			go func() {
				results <- i * i
			}()
		}
		// Collect all but 100: the stragglers stay blocked in chan send.
		for i := 0; i < workers-100; i++ {
			<-results
		}
	}
}
