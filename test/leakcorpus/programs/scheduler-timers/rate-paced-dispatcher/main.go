// Healthy: an email dispatcher sends at most one message per 30 ms (a ticker paces a queue);
// the queue is empty now, so the dispatcher waits for work while the ticker keeps running, and
// the SMTP sender goroutine waits for messages. Drain (release) closes the queue; both end.
package main

import (
	"time"

	"leakcorpus/internal/lab"
)

type dispatcher struct {
	queue chan string
	smtp  chan string
	sent  int
}

func (d *dispatcher) pace(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	defer close(d.smtp)
	for msg := range d.queue {
		<-t.C
		d.smtp <- msg
	}
}

func (d *dispatcher) sender(done chan<- int) {
	for range d.smtp {
		d.sent++
	}
	done <- d.sent
}

func main() {
	d := &dispatcher{queue: make(chan string, 16), smtp: make(chan string)}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go d.pace(30 * time.Millisecond)
			go d.sender(make(chan int, 1))
			d.queue <- "welcome@ann"
			d.queue <- "receipt@bob"
			l.WaitUntil("queue drained", func() bool { return len(d.queue) == 0 })
			l.WaitParkedIn("main.(*dispatcher).pace", "chan receive", 1)
			l.WaitParked("main.(*dispatcher).sender", 1)
		},
		Release: func() { close(d.queue) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*dispatcher).pace", Healthy: 1},
			{StartFunc: "main.(*dispatcher).sender", Healthy: 1},
		},
	})
}
