// Healthy: a cron-like scheduler keeps entries sorted by next fire time and sleeps on one timer
// until the earliest; adding an entry wakes it to re-plan. The earliest entry is hours away, so
// the scheduler waits on its timer, the add channel and stop. Its job runner goroutine waits
// for jobs. Stop (release) ends both.
package main

import (
	"sort"
	"time"

	"leakcorpus/internal/lab"
)

type entry struct {
	name string
	next time.Time
}

type scheduler struct {
	entries []entry
	add     chan entry
	run     chan string
	stop    chan struct{}
}

func (s *scheduler) loop() {
	t := time.NewTimer(time.Hour)
	defer t.Stop()
	for {
		sort.Slice(s.entries, func(i, j int) bool { return s.entries[i].next.Before(s.entries[j].next) })
		if len(s.entries) > 0 {
			t.Reset(time.Until(s.entries[0].next))
		}
		select {
		case now := <-t.C:
			for len(s.entries) > 0 && !s.entries[0].next.After(now) {
				s.run <- s.entries[0].name
				s.entries = s.entries[1:]
			}
		case e := <-s.add:
			s.entries = append(s.entries, e)
		case <-s.stop:
			close(s.run)
			return
		}
	}
}

func (s *scheduler) runner(done chan<- string) {
	for name := range s.run {
		done <- name
	}
}

func main() {
	s := &scheduler{add: make(chan entry), run: make(chan string), stop: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			done := make(chan string, 8)
			go s.loop()
			go s.runner(done)
			s.add <- entry{"warmup", time.Now().Add(5 * time.Millisecond)}
			s.add <- entry{"nightly-backup", time.Now().Add(6 * time.Hour)}
			s.add <- entry{"weekly-report", time.Now().Add(72 * time.Hour)}
			<-done
			l.WaitParked("main.(*scheduler).loop", 1)
			l.WaitParked("main.(*scheduler).runner", 1)
		},
		Release: func() { close(s.stop) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*scheduler).loop", Healthy: 1},
			{StartFunc: "main.(*scheduler).runner", Healthy: 1},
		},
	})
}
