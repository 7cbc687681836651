// Sum fans work out to goroutines that send partial sums to `parts` and starts an aggregator
// that ranges over `parts` and publishes the total when the range ends. Sum waits for the
// workers and reads the total with a timeout, but nobody ever closes `parts`: the aggregator
// ranges forever. Sum's caller got "timeout"; the aggregator is GC-proven.
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

//go:noinline
func Sum(chunks [][]int) (int, bool) {
	parts := make(chan int, len(chunks))
	total := make(chan int, 1)
	go func() {
		s := 0
		for p := range parts {
			s += p
		}
		total <- s
	}()
	var wg sync.WaitGroup
	for _, c := range chunks {
		wg.Add(1)
		go func(c []int) {
			defer wg.Done()
			s := 0
			for _, v := range c {
				s += v
			}
			parts <- s
		}(c)
	}
	wg.Wait() // the bug: close(parts) belongs here
	select {
	case t := <-total:
		return t, true
	case <-time.After(5 * time.Millisecond):
		return 0, false
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i := 0; i < 2; i++ {
				if _, ok := Sum([][]int{{1, 2}, {3, 4}, {5}}); ok {
					lab.Fail("the total cannot arrive")
				}
			}
			l.WaitParked("main.Sum.func1", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.Sum.func1", Leaked: 2}},
	})
}
