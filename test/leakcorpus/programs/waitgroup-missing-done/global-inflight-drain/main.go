// A server counts in-flight requests in a package-level WaitGroup and drains it on shutdown.
// The upload handler returns early on a size error without Done, so the drain goroutine
// (started by Shutdown) waits forever. The WaitGroup is a global: the GC cannot prove the
// drain leaked, release does. A healthy stats goroutine parks on its ticker-less inbox.
package main

import (
	"errors"
	"sync"

	"leakcorpus/internal/lab"
)

var inflight sync.WaitGroup

type upload struct {
	name string
	size int
}

func handleUpload(u upload) error {
	inflight.Add(1)
	if u.size > 1<<20 {
		return errors.New("too large") // the bug: inflight.Done() skipped
	}
	defer inflight.Done()
	return nil
}

type stats struct{ in chan int }

func (s *stats) run() {
	for range s.in {
	}
}

func shutdown(done chan<- struct{}) {
	inflight.Wait()
	close(done)
}

func main() {
	st := &stats{in: make(chan int)}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go st.run()
			for _, u := range []upload{{"a.txt", 10}, {"big.iso", 4 << 20}, {"b.txt", 20}} {
				_ = handleUpload(u)
			}
			done := make(chan struct{})
			go shutdown(done)
			l.WaitParked("main.shutdown", 1)
			l.WaitParked("main.(*stats).run", 1)
		},
		Release: func() { close(st.in) },
		Expect: []lab.Expect{
			{StartFunc: "main.shutdown", Leaked: 1},
			{StartFunc: "main.(*stats).run", Healthy: 1},
		},
	})
}
