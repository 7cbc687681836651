// Each shard worker of a map-reduce step waits for "all shards mapped" on the step's WaitGroup
// before reducing — but it calls Wait before its own Done, so every worker waits for itself.
// All four workers of the step block in WaitGroup.Wait. The job tracker that started the step
// keeps running (creator alive) and is itself healthy.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type step struct {
	mapped sync.WaitGroup
	parts  [][]int
	sums   []int
}

func (s *step) worker(i int) {
	sum := 0
	for _, v := range s.parts[i] {
		sum += v
	}
	s.sums[i] = sum
	s.mapped.Wait() // the bug: waits for its own Done below
	s.mapped.Done()
}

type tracker struct {
	steps chan *step
	quit  chan struct{}
}

func (t *tracker) run() {
	for {
		select {
		case s := <-t.steps:
			s.mapped.Add(len(s.parts))
			for i := range s.parts {
				go s.worker(i)
			}
		case <-t.quit:
			return
		}
	}
}

func main() {
	t := &tracker{steps: make(chan *step), quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go t.run()
			parts := [][]int{{1, 2}, {3}, {4, 5, 6}, {7}}
			t.steps <- &step{parts: parts, sums: make([]int, len(parts))}
			l.WaitParked("main.(*step).worker", 4)
			l.WaitParked("main.(*tracker).run", 1)
		},
		Release: func() { close(t.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*step).worker", Leaked: 4},
			{StartFunc: "main.(*tracker).run", Healthy: 1},
		},
	})
}
