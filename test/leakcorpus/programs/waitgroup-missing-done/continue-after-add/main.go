// Flush adds one to the WaitGroup per dirty page and starts a writer, but a `continue` for
// pages that are already on disk was put after the Add. Add without a goroutine: the flusher
// waits forever. The buffer pool flushes from a background goroutine per flush request, so
// each request with a clean page leaks one flusher; requests without clean pages finished.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type page struct {
	id     int
	dirty  bool
	onDisk bool
}

type bufferPool struct{ written int }

func (bp *bufferPool) flush(pages []*page) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	for _, p := range pages {
		wg.Add(1)
		if p.onDisk && !p.dirty {
			continue // the bug: Add already counted this page
		}
		go func(p *page) {
			defer wg.Done()
			mu.Lock()
			bp.written++
			mu.Unlock()
		}(p)
	}
	wg.Wait()
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			bp := &bufferPool{}
			batches := [][]*page{
				{{id: 1, dirty: true}, {id: 2, dirty: true}},
				{{id: 3, dirty: true}, {id: 4, onDisk: true}},
				{{id: 5, dirty: true}},
				{{id: 6, onDisk: true}, {id: 7, onDisk: true}, {id: 8, dirty: true}},
			}
			for _, b := range batches {
				go bp.flush(b)
			}
			l.WaitParkedIn("main.(*bufferPool).flush", "sync.WaitGroup.Wait|semacquire", 2)
			l.WaitParked("main.(*bufferPool).flush", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*bufferPool).flush", Leaked: 2}},
	})
}
