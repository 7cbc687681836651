// Healthy: an elastic pool grows to 6 workers under load and shrinks back to its minimum of
// 2 idle workers: surplus workers exit after an idle timeout (finished siblings), the two
// core workers wait without a timeout. Close stops the core workers at release.
package main

import (
	"time"

	"leakcorpus/internal/lab"
)

type elastic struct {
	tasks chan func()
	quit  chan struct{}
}

func (e *elastic) core() {
	for {
		select {
		case t := <-e.tasks:
			t()
		case <-e.quit:
			return
		}
	}
}

func (e *elastic) surplus(idle time.Duration) {
	for {
		select {
		case t := <-e.tasks:
			t()
		case <-time.After(idle):
			return
		case <-e.quit:
			return
		}
	}
}

func main() {
	e := &elastic{tasks: make(chan func()), quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go e.core()
			go e.core()
			for i := 0; i < 4; i++ {
				go e.surplus(10 * time.Millisecond)
			}
			done := make(chan int, 32)
			for i := 0; i < 30; i++ {
				i := i
				e.tasks <- func() { done <- i }
			}
			for i := 0; i < 30; i++ {
				<-done
			}
			l.WaitGone("main.(*elastic).surplus")
			l.WaitParked("main.(*elastic).core", 2)
		},
		Release: func() { close(e.quit) },
		Expect:  []lab.Expect{{StartFunc: "main.(*elastic).core", Healthy: 2}},
	})
}
