// Writes a large execution trace for `npm run bench` when test/fixtures-big has none: channel
// ping-pong pairs (scheduler-heavy, ~5.6 bytes/event like real busy services), goroutine churn,
// mutex contention and timers, for a fixed duration.
package main

import (
	"flag"
	"os"
	"runtime/trace"
	"sync"
	"time"
)

func main() {
	out := flag.String("o", "big.out", "output file")
	dur := flag.Duration("d", 3*time.Second, "how long to trace")
	pairs := flag.Int("pairs", 8, "ping-pong pairs")
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < *pairs; i++ {
		ping, pong := make(chan int), make(chan int)
		wg.Add(2)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					close(ping)
					return
				case ping <- 1:
				}
				<-pong
			}
		}()
		go func() {
			defer wg.Done()
			for v := range ping {
				pong <- v
			}
		}()
	}
	var mu sync.Mutex
	counter := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			var inner sync.WaitGroup
			for j := 0; j < 16; j++ {
				inner.Add(1)
				go func() {
					defer inner.Done()
					mu.Lock()
					counter++
					mu.Unlock()
					time.Sleep(time.Microsecond)
				}()
			}
			inner.Wait()
		}
	}()
	time.Sleep(*dur)
	close(stop)
	wg.Wait()
	trace.Stop()
}
