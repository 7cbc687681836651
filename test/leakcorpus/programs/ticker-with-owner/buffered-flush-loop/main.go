// Healthy: a buffered log writer flushes every 30 ms from `go w.flushLoop()`; the writer is
// owned by the service and Close stops the loop (called at release). Woken only by its ticker,
// parked on a select between ticks — the shape of a timer zombie, but with a live owner.
package main

import (
	"bytes"
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type logWriter struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	flushed int
	stop    chan struct{}
	done    chan struct{}
}

func newLogWriter(every time.Duration) *logWriter {
	w := &logWriter{stop: make(chan struct{}), done: make(chan struct{})}
	go w.flushLoop(every)
	return w
}

func (w *logWriter) flushLoop(every time.Duration) {
	defer close(w.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			w.flush()
		case <-w.stop:
			w.flush()
			return
		}
	}
}

func (w *logWriter) flush() {
	w.mu.Lock()
	w.flushed += w.buf.Len()
	w.buf.Reset()
	w.mu.Unlock()
}

func (w *logWriter) Write(p []byte) {
	w.mu.Lock()
	w.buf.Write(p)
	w.mu.Unlock()
}

func (w *logWriter) Close() { close(w.stop); <-w.done }

func main() {
	var w *logWriter
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			w = newLogWriter(30 * time.Millisecond)
			for i := 0; i < 10; i++ {
				w.Write([]byte("GET /health 200\n"))
			}
			l.WaitUntil("a flush happened", func() bool { w.mu.Lock(); defer w.mu.Unlock(); return w.flushed > 0 })
			l.WaitParked("main.(*logWriter).flushLoop", 1)
		},
		Release: func() { go w.Close() },
		Expect:  []lab.Expect{{StartFunc: "main.(*logWriter).flushLoop", Healthy: 1}},
	})
}
