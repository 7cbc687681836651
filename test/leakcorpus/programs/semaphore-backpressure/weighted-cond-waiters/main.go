// Healthy: a weighted memory budget (mutex + Cond) of 8 units. Two decoders hold 6 units and
// are waiting for their input to arrive; two more decoders wait on the Cond for units. When
// the input arrives (release) the holders finish and Broadcast, the waiters acquire and finish.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type budget struct {
	mu    sync.Mutex
	freed *sync.Cond
	free  int
}

func (b *budget) acquire(n int) {
	b.mu.Lock()
	for b.free < n {
		b.freed.Wait()
	}
	b.free -= n
	b.mu.Unlock()
}

func (b *budget) release(n int) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.freed.Broadcast()
}

func decode(b *budget, n int, input <-chan []byte) {
	b.acquire(n)
	defer b.release(n)
	<-input
}

func main() {
	input := make(chan []byte)
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			b := &budget{free: 8}
			b.freed = sync.NewCond(&b.mu)
			go decode(b, 3, input)
			go decode(b, 3, input)
			l.WaitParked("main.decode", 2)
			go decode(b, 4, input)
			go decode(b, 5, input)
			l.WaitParkedIn("main.decode", "sync.Cond.Wait", 2)
			l.WaitParked("main.decode", 4)
		},
		Release: func() { close(input) },
		Expect:  []lab.Expect{{StartFunc: "main.decode", Healthy: 4}},
	})
}
