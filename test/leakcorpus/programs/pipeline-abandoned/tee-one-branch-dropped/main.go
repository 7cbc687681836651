// tee copies every value to two unbuffered outputs, one after the other. The metrics branch's
// reader is dropped when the metrics backend is disabled, so tee blocks on its send after the
// first value and the storage branch starves too: its writer waits on a channel that tee will
// never feed again. Both goroutines are stuck with nothing outside them holding the channels.
package main

import (
	"leakcorpus/internal/lab"
)

func tee(in <-chan []byte, a, b chan<- []byte) {
	for v := range in {
		a <- v
		b <- v
	}
	close(a)
	close(b)
}

type storage struct{ written int }

func (s *storage) writer(in <-chan []byte) {
	for v := range in {
		s.written += len(v)
	}
}

func start(metricsEnabled bool) chan<- []byte {
	in := make(chan []byte, 8)
	toStore, toMetrics := make(chan []byte), make(chan []byte)
	go tee(in, toStore, toMetrics)
	go (&storage{}).writer(toStore)
	if metricsEnabled {
		go func() {
			for range toMetrics {
			}
		}()
	}
	return in
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			in := start(false)
			in <- []byte("a")
			in <- []byte("b")
			l.WaitParkedIn("main.tee", "chan send", 1)
			l.WaitParked("main.(*storage).writer", 1)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.tee", Leaked: 1},
			{StartFunc: "main.(*storage).writer", Leaked: 1},
		},
	})
}
