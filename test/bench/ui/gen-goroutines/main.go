// Command gen-goroutines writes an execution trace with N goroutines (default 100,000) for the
// timeline benchmark (npm run bench:ui): a third leak blocked on a channel receive, a third leak
// blocked on a send nobody receives, a third do a little work, sleep and exit.
//
//	go run . -n 100000 -o ../../../fixtures-big/goroutines-100k/trace.out
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"
	"runtime/trace"
	"sync"
	"time"
)

func main() {
	n := flag.Int("n", 100_000, "goroutines to start")
	out := flag.String("o", "trace.out", "output file")
	flag.Parse()
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		log.Fatal(err)
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := trace.Start(f); err != nil {
		log.Fatal(err)
	}
	// Two channels: a receiver on one and a sender on the other never pair up.
	noSender := make(chan int)
	noReceiver := make(chan int)
	var done sync.WaitGroup
	for i := 0; i < *n; i++ {
		switch i % 3 {
		case 0:
			go func() { <-noSender }()
		case 1:
			go func(v int) { noReceiver <- v }(i)
		default:
			done.Add(1)
			go func() {
				defer done.Done()
				x := 0
				for j := 0; j < 2000; j++ {
					x += j
				}
				time.Sleep(time.Duration(x%7) * time.Millisecond)
			}()
		}
	}
	done.Wait()
	time.Sleep(20 * time.Millisecond)
	trace.Stop()
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
