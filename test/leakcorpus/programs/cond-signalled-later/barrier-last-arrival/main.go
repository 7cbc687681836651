// Healthy: a reusable barrier (Cond + generation counter) for 4 simulation workers; three have
// arrived at the end of step 2 and wait on the Cond, the fourth is still computing its part
// (waiting for its input). At release its input arrives, it reaches the barrier and the
// Broadcast wakes the others; all four finish the simulation.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type barrier struct {
	mu         sync.Mutex
	cond       *sync.Cond
	n, arrived int
	generation int
}

func (b *barrier) await() {
	b.mu.Lock()
	gen := b.generation
	b.arrived++
	if b.arrived == b.n {
		b.arrived = 0
		b.generation++
		b.mu.Unlock()
		b.cond.Broadcast()
		return
	}
	for gen == b.generation {
		b.cond.Wait()
	}
	b.mu.Unlock()
}

func simulate(b *barrier, steps int, slowInput <-chan int) {
	for s := 0; s < steps; s++ {
		if slowInput != nil && s == 2 {
			<-slowInput
		}
		b.await()
	}
}

func main() {
	input := make(chan int)
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			b := &barrier{n: 4}
			b.cond = sync.NewCond(&b.mu)
			for i := 0; i < 3; i++ {
				go simulate(b, 3, nil)
			}
			go simulate(b, 3, input)
			l.WaitParkedIn("main.simulate", "sync.Cond.Wait", 3)
			l.WaitParkedIn("main.simulate", "chan receive", 1)
		},
		Release: func() { input <- 1 },
		Expect:  []lab.Expect{{StartFunc: "main.simulate", Healthy: 4}},
	})
}
