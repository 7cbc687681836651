// A weighted semaphore (mutex + Cond, capacity 10 units) guards memory for image decodes.
// Decode acquires the image's weight and releases it at the end of the happy path; a corrupt
// image panics, the worker recovers, and the units are gone. Large decodes then wait on the
// Cond forever for units that will never be returned. The process's memory monitor loop is
// healthy (stopped at release).
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type weighted struct {
	mu    sync.Mutex
	freed *sync.Cond
	avail int
}

func newWeighted(n int) *weighted {
	w := &weighted{avail: n}
	w.freed = sync.NewCond(&w.mu)
	return w
}

func (w *weighted) Acquire(n int) {
	w.mu.Lock()
	for w.avail < n {
		w.freed.Wait()
	}
	w.avail -= n
	w.mu.Unlock()
}

func (w *weighted) Release(n int) {
	w.mu.Lock()
	w.avail += n
	w.mu.Unlock()
	w.freed.Broadcast()
}

type image struct {
	name   string
	weight int
	bytes  []byte
}

func decode(sem *weighted, img image) {
	defer func() { _ = recover() }()
	sem.Acquire(img.weight)
	_ = img.bytes[0] // panics on an empty (corrupt) image
	sem.Release(img.weight)
}

type monitor struct{ stop chan struct{} }

func (m *monitor) run() { <-m.stop }

func main() {
	m := &monitor{stop: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go m.run()
			sem := newWeighted(10)
			for _, img := range []image{{"a", 4, []byte{1}}, {"bad1", 3, nil}, {"b", 2, []byte{1}}, {"bad2", 4, nil}} {
				go decode(sem, img)
				l.WaitGone("main.decode")
			}
			go decode(sem, image{"poster", 6, []byte{1}})
			go decode(sem, image{"banner", 5, []byte{1}})
			l.WaitParked("main.decode", 2)
			l.WaitParked("main.(*monitor).run", 1)
		},
		Release: func() { close(m.stop) },
		Expect: []lab.Expect{
			{StartFunc: "main.decode", Leaked: 2},
			{StartFunc: "main.(*monitor).run", Healthy: 1},
		},
	})
}
