// A batching writer collects rows from `in` and flushes when a batch fills or when its flush
// channel is poked; it has no quit case. Close flushes the last batch through `flush` and
// returns, leaving the loop selecting forever on two channels only it holds (GC-proven).
// Several writers were opened and closed by a job runner that keeps working.
package main

import (
	"leakcorpus/internal/lab"
)

type batchWriter struct {
	in      chan string
	flush   chan chan int
	pending []string
	written int
}

func openWriter() *batchWriter {
	w := &batchWriter{in: make(chan string), flush: make(chan chan int)}
	go w.loop()
	return w
}

func (w *batchWriter) loop() {
	for {
		select {
		case row := <-w.in:
			w.pending = append(w.pending, row)
			if len(w.pending) == 3 {
				w.written += len(w.pending)
				w.pending = w.pending[:0]
			}
		case done := <-w.flush:
			w.written += len(w.pending)
			w.pending = nil
			done <- w.written
		}
	}
}

// Close flushes; the bug is that the loop has no way to end.
func (w *batchWriter) Close() int {
	done := make(chan int)
	w.flush <- done
	return <-done
}

func runJob(rows int) int {
	w := openWriter()
	for i := 0; i < rows; i++ {
		w.in <- "row"
	}
	return w.Close()
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for _, n := range []int{4, 7, 2} {
				if got := runJob(n); got != n {
					lab.Fail("wrote %d of %d", got, n)
				}
			}
			l.WaitParked("main.(*batchWriter).loop", 3)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*batchWriter).loop", Leaked: 3}},
	})
}
