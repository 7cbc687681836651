// Healthy: a report scheduler sleeps until each job's next run on a timer (hours away) and
// wakes early for a stop or a reschedule. Two scheduled jobs wait at the end of the trace; the
// scheduler's Stop (release) ends them. A one-shot job that ran during the trace finished.
package main

import (
	"time"

	"leakcorpus/internal/lab"
)

type job struct {
	name  string
	next  time.Duration
	runs  int
	stop  chan struct{}
	moved chan time.Duration
}

func (j *job) loop() {
	t := time.NewTimer(j.next)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			j.runs++
			if j.next < time.Second {
				return // one-shot
			}
			t.Reset(j.next)
		case d := <-j.moved:
			t.Reset(d)
		case <-j.stop:
			return
		}
	}
}

func main() {
	var jobs []*job
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for _, j := range []*job{{name: "daily", next: 24 * time.Hour}, {name: "hourly", next: time.Hour}, {name: "now", next: time.Millisecond}} {
				j.stop, j.moved = make(chan struct{}), make(chan time.Duration)
				go j.loop()
				jobs = append(jobs, j)
			}
			jobs[1].moved <- 2 * time.Hour
			l.WaitParked("main.(*job).loop", 2)
		},
		Release: func() {
			for _, j := range jobs[:2] {
				close(j.stop)
			}
		},
		Expect: []lab.Expect{{StartFunc: "main.(*job).loop", Healthy: 2}},
	})
}
