// A job scheduler hands out a lease by locking the job's mutex in a goroutine that runs the job;
// the job goroutine returns on a "skip" without Unlock, so the lease is held by a goroutine that
// no longer exists. Retries for that job block in Lock forever while other jobs' retries
// complete. The idle dispatcher is healthy.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type job struct {
	name  string
	lease sync.Mutex
	runs  int
	skip  bool
}

type scheduler struct {
	queue chan *job
	stop  chan struct{}
}

func (s *scheduler) dispatch() {
	for {
		select {
		case j := <-s.queue:
			go runJob(j)
		case <-s.stop:
			return
		}
	}
}

func runJob(j *job) {
	j.lease.Lock()
	if j.skip {
		return // lease never released
	}
	j.runs++
	j.lease.Unlock()
}

func main() {
	s := &scheduler{queue: make(chan *job), stop: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go s.dispatch()
			jobs := []*job{{name: "compact"}, {name: "vacuum", skip: true}, {name: "reindex"}}
			for _, j := range jobs {
				s.queue <- j
			}
			l.WaitGone("main.runJob")
			jobs[1].skip = false
			for round := 0; round < 2; round++ {
				for _, j := range jobs {
					s.queue <- j
				}
			}
			l.WaitParked("main.runJob", 2)
			l.WaitParked("main.(*scheduler).dispatch", 1)
		},
		Release: func() { close(s.stop) },
		Expect: []lab.Expect{
			{StartFunc: "main.runJob", Leaked: 2},
			{StartFunc: "main.(*scheduler).dispatch", Healthy: 1},
		},
	})
}
