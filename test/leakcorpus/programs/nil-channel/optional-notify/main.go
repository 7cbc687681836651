// Alerts are optionally forwarded to a notifier: `var notify chan string` is only made when
// the config enables it. The forwarder goroutine is started unconditionally and forwards the
// first alert to the nil channel, blocking forever. An alert evaluator that owns a ticker is a
// healthy neighbour (stopped at release).
package main

import (
	"time"

	"leakcorpus/internal/lab"
)

type config struct{ notifyEnabled bool }

type alerter struct {
	alerts chan string
	notify chan string
	stop   chan struct{}
}

func newAlerter(cfg config) *alerter {
	a := &alerter{alerts: make(chan string, 4), stop: make(chan struct{})}
	if cfg.notifyEnabled {
		a.notify = make(chan string, 4)
	}
	go a.forward()
	go a.evaluate(20 * time.Millisecond)
	return a
}

func (a *alerter) forward() {
	for msg := range a.alerts {
		a.notify <- "[alert] " + msg
	}
}

func (a *alerter) evaluate(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-a.stop:
			return
		}
	}
}

func main() {
	var owners []*alerter
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i := 0; i < 2; i++ {
				a := newAlerter(config{notifyEnabled: false})
				a.alerts <- "disk 91%"
				owners = append(owners, a)
			}
			l.WaitParkedIn("main.(*alerter).forward", "chan send (nil chan)", 2)
			l.WaitParked("main.(*alerter).evaluate", 2)
		},
		Release: func() {
			for _, a := range owners {
				close(a.stop)
			}
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*alerter).forward", Leaked: 2},
			{StartFunc: "main.(*alerter).evaluate", Healthy: 2},
		},
	})
}
