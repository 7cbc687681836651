// An in-process event bus runs every handler for every event in its own goroutine
// (`go h(ev)`). The audit handler delivers into the auditor's unbuffered inbox; the auditor
// stopped draining it after its sink failed, so each event leaves one more goroutine blocked
// on the send — a pile that grows with traffic while the bus (creator) is healthy and alive.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type event struct {
	kind string
	id   int
}

type bus struct {
	mu       sync.Mutex
	handlers map[string][]func(event)
	in       chan event
	quit     chan struct{}
}

func (b *bus) On(kind string, h func(event)) {
	b.mu.Lock()
	b.handlers[kind] = append(b.handlers[kind], h)
	b.mu.Unlock()
}

func (b *bus) run() {
	for {
		select {
		case ev := <-b.in:
			b.mu.Lock()
			hs := b.handlers[ev.kind]
			b.mu.Unlock()
			for _, h := range hs {
				go h(ev)
			}
		case <-b.quit:
			return
		}
	}
}

type auditor struct{ inbox chan event }

//go:noinline
func (a *auditor) handler() func(event) {
	return func(ev event) { a.inbox <- ev }
}

func main() {
	b := &bus{handlers: map[string][]func(event){}, in: make(chan event), quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go b.run()
			a := &auditor{inbox: make(chan event)}
			b.On("order", a.handler())
			counted := 0
			b.On("order", func(event) { counted++ })
			b.in <- event{"order", 1}
			<-a.inbox // the auditor's last successful read; then its sink failed
			for i := 2; i <= 5; i++ {
				b.in <- event{"order", i}
			}
			l.WaitParked("main.(*auditor).handler.func1", 4)
			l.WaitParked("main.(*bus).run", 1)
		},
		Release: func() { close(b.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*auditor).handler.func1", Leaked: 4},
			{StartFunc: "main.(*bus).run", Healthy: 1},
		},
	})
}
