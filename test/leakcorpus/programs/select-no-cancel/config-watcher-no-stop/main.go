// A config watcher selects over file events and reload requests in a loop with no stop case
// and no context. The application replaces its watcher on every reconfiguration and simply
// drops the old one, whose loop selects forever on channels nobody else holds (GC-proven).
// The current watcher is healthy: the app closes its events when it shuts down.
package main

import (
	"leakcorpus/internal/lab"
)

type watcher struct {
	events  chan string
	reloads chan chan int
	version int
}

func newWatcher() *watcher {
	w := &watcher{events: make(chan string), reloads: make(chan chan int)}
	go w.loop()
	return w
}

func (w *watcher) loop() {
	for {
		select {
		case ev, ok := <-w.events:
			if !ok {
				return
			}
			w.version += len(ev)
		case reply := <-w.reloads:
			reply <- w.version
		}
	}
}

type app struct{ w *watcher }

func (a *app) reconfigure() {
	a.w = newWatcher() // the old watcher is dropped without a way to stop it
	a.w.events <- "config.yaml"
}

func main() {
	a := &app{}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i := 0; i < 4; i++ {
				a.reconfigure()
			}
			reply := make(chan int)
			a.w.reloads <- reply
			<-reply
			l.WaitParked("main.(*watcher).loop", 4)
		},
		Release: func() { close(a.w.events) },
		Expect:  []lab.Expect{{StartFunc: "main.(*watcher).loop", Leaked: 3, Healthy: 1}},
	})
}
