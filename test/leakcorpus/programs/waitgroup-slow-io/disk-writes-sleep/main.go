// Healthy: a snapshotter writes four shards to slow storage in parallel (each write simulated
// by a 1.2 s sleep: a bounded wait) and a committer waits on the WaitGroup to write the
// manifest. Nothing needs releasing: the writes finish by themselves after the trace.
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type snapshot struct {
	wg      sync.WaitGroup
	mu      sync.Mutex
	written []string
}

func (s *snapshot) writeShard(name string) {
	defer s.wg.Done()
	time.Sleep(1200 * time.Millisecond)
	s.mu.Lock()
	s.written = append(s.written, name)
	s.mu.Unlock()
}

func (s *snapshot) commit(done chan<- int) {
	s.wg.Wait()
	done <- len(s.written)
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			s := &snapshot{}
			for _, n := range []string{"s0", "s1", "s2", "s3"} {
				s.wg.Add(1)
				go s.writeShard(n)
			}
			go s.commit(make(chan int, 1))
			l.WaitParked("main.(*snapshot).writeShard", 4)
			l.WaitParked("main.(*snapshot).commit", 1)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*snapshot).writeShard", Healthy: 4},
			{StartFunc: "main.(*snapshot).commit", Healthy: 1},
		},
	})
}
