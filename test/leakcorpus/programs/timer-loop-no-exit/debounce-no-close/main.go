// A debouncer coalesces file-change events: each event resets a timer and the callback fires
// when the timer expires. The loop has no exit: its events channel is never closed when the
// watched directory is removed, so it waits on events and an idle timer forever. The debouncer
// of the directory still watched is healthy (its events channel is closed at release).
package main

import (
	"time"

	"leakcorpus/internal/lab"
)

type debouncer struct {
	events chan string
	fired  chan []string
}

func (d *debouncer) run(wait time.Duration, exitOnClose bool) {
	t := time.NewTimer(time.Hour)
	t.Stop()
	var pending []string
	for {
		select {
		case ev, ok := <-d.events:
			if !ok {
				if exitOnClose {
					return
				}
				d.events = nil // keeps "waiting for more"
				continue
			}
			pending = append(pending, ev)
			t.Reset(wait)
		case <-t.C:
			d.fired <- pending
			pending = nil
			t.Reset(35 * time.Millisecond) // idle re-check
		}
	}
}

func main() {
	var live *debouncer
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			fired := make(chan []string, 1024)
			for i := 0; i < 2; i++ {
				d := &debouncer{events: make(chan string), fired: fired}
				go d.run(5*time.Millisecond, false)
				d.events <- "a.go"
				d.events <- "b.go"
				close(d.events) // directory removed
			}
			live = &debouncer{events: make(chan string), fired: fired}
			go live.run(5*time.Millisecond, true)
			live.events <- "main.go"
			for i := 0; i < 3; i++ {
				<-fired
			}
			l.WaitParked("main.(*debouncer).run", 3)
		},
		Release: func() { close(live.events) },
		Expect:  []lab.Expect{{StartFunc: "main.(*debouncer).run", Leaked: 2, Healthy: 1}},
	})
}
