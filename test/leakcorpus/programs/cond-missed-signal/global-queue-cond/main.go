// A package-level job board: workers Claim a job, waiting on a Cond while none is posted. Post
// appends a batch of jobs but signals once, and only when the board was empty: one worker
// wakes, the other two sleep forever beside two posted jobs. The board is global: the GC
// cannot prove them, release labels them. The janitor loop is healthy.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type board struct {
	mu      sync.Mutex
	posted  *sync.Cond
	jobs    []string
	claimed int
}

var jobs = func() *board { b := &board{}; b.posted = sync.NewCond(&b.mu); return b }()

func (b *board) Post(js ...string) {
	b.mu.Lock()
	wasEmpty := len(b.jobs) == 0
	b.jobs = append(b.jobs, js...)
	b.mu.Unlock()
	if wasEmpty {
		b.posted.Signal() // the bug: one wake-up for a batch (Broadcast, or Signal per job)
	}
}

func (b *board) Claim() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.jobs) == 0 {
		b.posted.Wait()
	}
	j := b.jobs[0]
	b.jobs = b.jobs[1:]
	b.claimed++
	return j
}

func worker() { _ = jobs.Claim() }

type janitor struct{ stop chan struct{} }

func (j *janitor) run() { <-j.stop }

func main() {
	jn := &janitor{stop: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go jn.run()
			for i := 0; i < 3; i++ {
				go worker()
			}
			l.WaitParked("main.worker", 3)
			jobs.Post("resize", "email", "backfill")
			l.WaitParked("main.worker", 2)
			l.WaitParked("main.(*janitor).run", 1)
		},
		Release: func() { close(jn.stop) },
		Expect: []lab.Expect{
			{StartFunc: "main.worker", Leaked: 2},
			{StartFunc: "main.(*janitor).run", Healthy: 1},
		},
	})
}
