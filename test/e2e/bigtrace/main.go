// bigtrace writes a large Go execution trace (default ~50 MB) for the engine's end-to-end test
// and benchmark, plus a goroutine profile of the same process. The work is channel ping-pong
// between many goroutines (lots of state transitions per byte), and a few goroutines leak on a
// channel nobody sends to, so the analysis has something to find. It runs until the trace is
// big enough, for at least 8 s so the trace has several generations (Go starts one about every
// second): the cancel test needs more generations than the engine's credit window (4) lets the
// parser run ahead of the page, or the parse may be over before a cancel can stop it.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"
)

type countingFile struct {
	f  *os.File
	n  int64
	mu sync.Mutex
}

func (c *countingFile) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, err := c.f.Write(p)
	c.n += int64(n)
	return n, err
}

func (c *countingFile) size() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func leak(block chan int) {
	<-block // nobody ever sends: the leak the analysis should report
}

// pace spreads the target size over the minimum run time: a fast, quiet machine otherwise writes
// several times the target before the minimum run time is over.
type pace struct {
	cf     *countingFile
	target int64
	start  time.Time
	minDur time.Duration
}

func (p *pace) ahead() bool {
	frac := float64(time.Since(p.start)) / float64(p.minDur)
	if frac > 1 {
		frac = 1
	}
	return float64(p.cf.size()) > frac*float64(p.target)
}

func pingPong(stop <-chan struct{}, wg *sync.WaitGroup, p *pace) {
	defer wg.Done()
	a, b := make(chan int), make(chan int)
	go func() {
		for v := range a {
			b <- v + 1
		}
		close(b)
	}()
	for i := 0; ; i++ {
		if i%256 == 255 {
			// Leaves CPU to the runtime's trace writer: unthrottled, 2 cores produce events faster
			// than it drains them and the trace overshoots its target size by 2x at Stop.
			time.Sleep(200 * time.Microsecond)
			for p.ahead() {
				select {
				case <-stop:
				case <-time.After(2 * time.Millisecond):
					continue
				}
				break
			}
		}
		select {
		case <-stop:
			close(a)
			for range b {
			}
			return
		case a <- i:
			<-b
		}
	}
}

func main() {
	out := flag.String("o", "trace.out", "trace file to write")
	profile := flag.String("profile", "", "goroutine profile (pprof proto) to write at the end")
	mb := flag.Int64("mb", 50, "stop once the trace is this many MB")
	minDur := flag.Duration("min", 8*time.Second, "run at least this long")
	maxDur := flag.Duration("max", 60*time.Second, "run at most this long")
	flag.Parse()

	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cf := &countingFile{f: f}
	if err := trace.Start(cf); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	block := make(chan int)
	for i := 0; i < 25; i++ {
		go leak(block)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	start := time.Now()
	p := &pace{cf: cf, target: *mb << 20, start: start, minDur: *minDur}
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go pingPong(stop, &wg, p)
	}
	for {
		time.Sleep(50 * time.Millisecond)
		el := time.Since(start)
		if (cf.size() >= *mb<<20 && el >= *minDur) || el >= *maxDur {
			break
		}
	}
	close(stop)
	wg.Wait()
	if *profile != "" {
		pf, err := os.Create(*profile)
		if err == nil {
			_ = pprof.Lookup("goroutine").WriteTo(pf, 0)
			pf.Close()
		}
	}
	trace.Stop()
	f.Close()
	fmt.Printf("wrote %s: %d bytes in %s\n", *out, cf.size(), time.Since(start).Round(time.Millisecond))
}
