// A migration worker processes shards in a loop and writes `defer shard.mu.Unlock()` inside the
// loop body: the unlocks only run when the worker function returns, and the worker then blocks
// on its next batch with every shard it touched still locked. Readers of those shards block
// in Lock. The worker waits on a batch channel nobody feeds any more (GC-proven); the readers
// are not proven: the worker's pending defer records still point at the shards (release).
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type shard struct {
	mu   sync.Mutex
	rows int
}

type migrator struct {
	shards  []*shard
	batches chan []int
}

func (m *migrator) work() {
	for batch := range m.batches {
		for _, i := range batch {
			s := m.shards[i]
			s.mu.Lock()
			defer s.mu.Unlock() // runs at return, not per iteration
			s.rows++
		}
	}
}

//go:noinline
func readShards(m *migrator, idx []int, out chan<- int) {
	for _, i := range idx {
		s := m.shards[i]
		go func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			out <- s.rows
		}()
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			m := &migrator{batches: make(chan []int)}
			for i := 0; i < 4; i++ {
				m.shards = append(m.shards, &shard{})
			}
			go m.work()
			m.batches <- []int{0, 2}
			l.WaitParked("main.(*migrator).work", 1)
			out := make(chan int, 8)
			readShards(m, []int{1, 3}, out)
			<-out
			<-out
			readShards(m, []int{0, 2, 2}, out)
			l.WaitParked("main.readShards.func1", 3)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*migrator).work", Leaked: 1},
			{StartFunc: "main.readShards.func1", Leaked: 3},
		},
	})
}
