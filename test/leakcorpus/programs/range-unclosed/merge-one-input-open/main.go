// merge forwards every input channel into one output with a goroutine per input that ranges
// over it. Two producers close their channels and their forwarders finish; the third producer
// returns on an error without closing, so its forwarder (a sibling of finished ones) ranges
// forever. The consumer stops reading once it has what it needs.
package main

import (
	"errors"

	"leakcorpus/internal/lab"
)

//go:noinline
func merge(inputs ...<-chan int) <-chan int {
	out := make(chan int, 64)
	for _, in := range inputs {
		in := in
		go func() {
			for v := range in {
				out <- v
			}
		}()
	}
	return out
}

func produce(n int, fail bool) (<-chan int, func() error) {
	ch := make(chan int, n)
	return ch, func() error {
		for i := 0; i < n; i++ {
			if fail && i == 2 {
				return errors.New("source broke") // the bug: no close(ch)
			}
			ch <- i
		}
		close(ch)
		return nil
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			a, runA := produce(3, false)
			b, runB := produce(4, true)
			c, runC := produce(2, false)
			out := merge(a, b, c)
			for _, run := range []func() error{runA, runB, runC} {
				_ = run()
			}
			got := 0
			for got < 3+2+2 {
				<-out
				got++
			}
			l.WaitParked("main.merge.func1", 1)
		},
		Expect: []lab.Expect{{StartFunc: "main.merge.func1", Leaked: 1}},
	})
}
