// Healthy: an API client takes a token per call from a bucket refilled by its owner's loop.
// Three calls wait for tokens that the refiller will hand out (it is alive; the owner paces it
// from a control channel). At release the owner refills enough tokens and stops the refiller;
// the callers finish.
package main

import (
	"leakcorpus/internal/lab"
)

type bucket struct {
	tokens chan struct{}
	refill chan int
}

func (b *bucket) refiller() {
	for n := range b.refill {
		for i := 0; i < n; i++ {
			b.tokens <- struct{}{}
		}
	}
}

func (b *bucket) call(done chan<- struct{}) {
	<-b.tokens
	done <- struct{}{}
}

func main() {
	b := &bucket{tokens: make(chan struct{}, 4), refill: make(chan int)}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go b.refiller()
			done := make(chan struct{}, 16)
			b.refill <- 2
			for i := 0; i < 5; i++ {
				go b.call(done)
			}
			<-done
			<-done
			l.WaitParked("main.(*bucket).call", 3)
			l.WaitParked("main.(*bucket).refiller", 1)
		},
		Release: func() {
			b.refill <- 3
			close(b.refill)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*bucket).call", Healthy: 3},
			{StartFunc: "main.(*bucket).refiller", Healthy: 1},
		},
	})
}
