// A pipeline threads a done channel through its first stage only: cancel closes done and the
// source stops, but the squaring stage sends without watching done and blocks on its output
// when the sink has stopped reading. The source exits cleanly (a finished goroutine); the
// middle stage of each cancelled pipeline is stuck.
package main

import (
	"leakcorpus/internal/lab"
)

func source(done <-chan struct{}, out chan<- int) {
	defer close(out)
	for i := 0; ; i++ {
		select {
		case out <- i:
		case <-done:
			return
		}
	}
}

func square(in <-chan int, out chan<- int) {
	defer close(out)
	for v := range in {
		out <- v * v // the bug: no select on done
	}
}

// run stops reading at the first square above limit; settle lets the stages reach their
// blocking sends before done is closed (else the source may win the race and close nums).
func run(limit int, settle func()) {
	done := make(chan struct{})
	nums, squares := make(chan int), make(chan int)
	go source(done, nums)
	go square(nums, squares)
	for v := range squares {
		if v > limit {
			break
		}
	}
	settle()
	close(done)
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i, limit := range []int{10, 100, 1000} {
				run(limit, func() { l.WaitParkedIn("main.square", "chan send", i+1) })
			}
			l.WaitGone("main.source")
			l.WaitParked("main.square", 3)
		},
		Expect: []lab.Expect{{StartFunc: "main.square", Leaked: 3}},
	})
}
