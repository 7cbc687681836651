// Healthy: an event bus with typed listeners, each started through the bus's generic helper
// `Listen(kind, func(Event))` — the goroutines' entry function is the helper's closure. The
// listeners wait for events of their kind; the bus dispatches to them. Shutdown (release)
// closes the listener channels.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type event struct {
	kind, payload string
}

type bus struct {
	mu        sync.Mutex
	listeners map[string][]chan event
}

//go:noinline
func (b *bus) Listen(kind string, fn func(event)) {
	ch := make(chan event, 4)
	b.mu.Lock()
	b.listeners[kind] = append(b.listeners[kind], ch)
	b.mu.Unlock()
	go func() {
		for ev := range ch {
			fn(ev)
		}
	}()
}

func (b *bus) Emit(ev event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.listeners[ev.kind] {
		ch <- ev
	}
}

func (b *bus) Shutdown() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, chs := range b.listeners {
		for _, ch := range chs {
			close(ch)
		}
	}
}

func main() {
	b := &bus{listeners: map[string][]chan event{}}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			got := make(chan string, 16)
			b.Listen("user.created", func(e event) { got <- "welcome " + e.payload })
			b.Listen("user.created", func(e event) { got <- "index " + e.payload })
			b.Listen("order.paid", func(e event) { got <- "ship " + e.payload })
			b.Emit(event{"user.created", "ann"})
			b.Emit(event{"order.paid", "o-1"})
			for i := 0; i < 3; i++ {
				<-got
			}
			l.WaitParked("main.(*bus).Listen.func1", 3)
		},
		Release: func() { b.Shutdown() },
		Expect:  []lab.Expect{{StartFunc: "main.(*bus).Listen.func1", Healthy: 3}},
	})
}
