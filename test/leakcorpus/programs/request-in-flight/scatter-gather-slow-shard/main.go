// Healthy: a query is scattered to 4 shards; three answered, one shard is still scanning (it
// answers at release). The gatherer waits for the last answer, the slow shard's request
// goroutine waits for its scan. A query in flight with a live partner, not an orphan: the
// gatherer will get everything it asked for.
package main

import (
	"leakcorpus/internal/lab"
)

type shard struct {
	id   int
	scan chan []int
}

func (s *shard) query(out chan<- []int) {
	out <- <-s.scan
}

func gather(shards []*shard, result chan<- int) {
	out := make(chan []int, len(shards))
	for _, s := range shards {
		go s.query(out)
	}
	total := 0
	for range shards {
		total += len(<-out)
	}
	result <- total
}

func main() {
	var slow *shard
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			var shards []*shard
			for i := 0; i < 4; i++ {
				s := &shard{id: i, scan: make(chan []int, 1)}
				shards = append(shards, s)
				if i == 2 {
					slow = s
				} else {
					s.scan <- []int{i, i * 2}
				}
			}
			go gather(shards, make(chan int, 1))
			l.WaitParked("main.(*shard).query", 1)
			l.WaitParked("main.gather", 1)
		},
		Release: func() { slow.scan <- []int{7} },
		Expect: []lab.Expect{
			{StartFunc: "main.(*shard).query", Healthy: 1},
			{StartFunc: "main.gather", Healthy: 1},
		},
	})
}
