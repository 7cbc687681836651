// A feature-flag store's IsEnabled returns early for unknown flags without RUnlock. The read
// lock count never drops to zero, so the next SetFlag waits forever in Lock, and every reader
// after it waits behind the pending writer. The store is shared by a live admin server kept in
// a global, so the GC cannot prove it: labelled by release. The admin loop is healthy.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type flags struct {
	mu sync.RWMutex
	on map[string]bool
}

func (f *flags) IsEnabled(name string) bool {
	f.mu.RLock()
	v, ok := f.on[name]
	if !ok {
		return false // the bug: no RUnlock
	}
	f.mu.RUnlock()
	return v
}

func (f *flags) Set(name string, v bool) {
	f.mu.Lock()
	f.on[name] = v
	f.mu.Unlock()
}

type admin struct {
	store *flags
	cmds  chan string
	quit  chan struct{}
}

var server = &admin{store: &flags{on: map[string]bool{"beta": true}}, cmds: make(chan string), quit: make(chan struct{})}

func (a *admin) loop() {
	for {
		select {
		case name := <-a.cmds:
			go a.store.Set(name, true)
		case <-a.quit:
			return
		}
	}
}

//go:noinline
func check(f *flags, names ...string) {
	for _, n := range names {
		n := n
		go func() { _ = f.IsEnabled(n) }()
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go server.loop()
			check(server.store, "beta", "beta")
			l.WaitGone("main.check.func1")
			check(server.store, "gamma") // leaves a read lock behind
			l.WaitGone("main.check.func1")
			server.cmds <- "gamma"
			l.WaitParked("main.(*flags).Set", 1)
			check(server.store, "beta", "beta")
			l.WaitParked("main.check.func1", 2)
			l.WaitParked("main.(*admin).loop", 1)
		},
		Release: func() { close(server.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*flags).Set", Leaked: 1},
			{StartFunc: "main.check.func1", Leaked: 2},
			{StartFunc: "main.(*admin).loop", Healthy: 1},
		},
	})
}
