// Command gen-hugeleak writes the trace of a process in which N goroutines leak at one channel
// send — the seeds' war story (12,000 goroutines) scaled to real incidents (millions):
//
//	gen-hugeleak -n 500000 -o dir              dir/trace.out (the leak happens inside the trace)
//	gen-hugeleak -n 200000 -trace=false -dump  dir/goroutine.debug2.txt (~220 bytes a goroutine)
//
// Every goroutine is created by one request handler that gives up waiting for its result (the
// classic "result after timeout" leak): it sends on an unbuffered channel nobody reads any more.
// Used by the huge-leak test (test/unit/analysis/huge-leak.test.ts) and `npm run bench:analysis`.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strings"
	"time"
)

//go:noinline
func handle(work func() int) (int, bool) {
	ch := make(chan int)
	go func() {
		ch <- work()
	}()
	// The caller has already given up (its deadline passed): the result is never read.
	return 0, false
}

//go:noinline
func compute() int { return 42 }

// parked counts goroutines parked in chan send.
func parked() int {
	buf := make([]byte, 64<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return strings.Count(string(buf[:n]), "[chan send")
		}
		buf = make([]byte, 2*len(buf))
	}
}

func main() {
	n := flag.Int("n", 500_000, "goroutines to leak")
	out := flag.String("o", ".", "output directory")
	dump := flag.Bool("dump", false, "also write goroutine.debug2.txt (runtime/pprof truncates it at 64 MiB: ~300,000 goroutines)")
	withTrace := flag.Bool("trace", true, "write trace.out")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		panic(err)
	}
	var f *os.File
	if *withTrace {
		var err error
		if f, err = os.Create(filepath.Join(*out, "trace.out")); err != nil {
			panic(err)
		}
		if err := trace.Start(f); err != nil {
			panic(err)
		}
	}
	for i := 0; i < *n; i++ {
		handle(compute)
	}
	// Wait until every one of them is parked (no sleeping guesswork), then let the trace show
	// them parked for a while.
	for deadline := time.Now().Add(2 * time.Minute); parked() < *n; {
		if time.Now().After(deadline) {
			panic("goroutines did not park")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if *withTrace {
		time.Sleep(100 * time.Millisecond)
		trace.Stop()
		if err := f.Close(); err != nil {
			panic(err)
		}
	}
	if *dump {
		d, err := os.Create(filepath.Join(*out, "goroutine.debug2.txt"))
		if err != nil {
			panic(err)
		}
		if err := pprof.Lookup("goroutine").WriteTo(d, 2); err != nil {
			panic(err)
		}
		d.Close()
	}
	fmt.Printf("%d goroutines leaked at one send; outputs in %s\n", *n, *out)
}
