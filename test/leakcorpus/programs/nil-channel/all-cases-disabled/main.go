// A merge loop disables each input by setting it to nil once it is closed (the usual idiom)
// but forgets to return when both are nil, so it ends up in a select whose every case is a
// nil channel and blocks forever (the runtime reports it as a plain `select`). A healthy sibling loop with the return in place finished.
package main

import (
	"leakcorpus/internal/lab"
)

//go:noinline
func mergeSorted(a, b <-chan int, out chan<- int, forgetReturn bool) {
	go func() {
		for {
			if a == nil && b == nil && !forgetReturn {
				close(out)
				return
			}
			select {
			case v, ok := <-a:
				if !ok {
					a = nil
					continue
				}
				out <- v
			case v, ok := <-b:
				if !ok {
					b = nil
					continue
				}
				out <- v
			}
		}
	}()
}

func feed(vals ...int) <-chan int {
	ch := make(chan int, len(vals))
	for _, v := range vals {
		ch <- v
	}
	close(ch)
	return ch
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			good := make(chan int, 8)
			mergeSorted(feed(1, 3), feed(2, 4), good, false)
			for range good {
			}
			for i := 0; i < 2; i++ {
				out := make(chan int, 8)
				mergeSorted(feed(5, 7), feed(6), out, true)
				for j := 0; j < 3; j++ {
					<-out
				}
			}
			l.WaitParked("main.mergeSorted.func1", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.mergeSorted.func1", Leaked: 2}},
	})
}
