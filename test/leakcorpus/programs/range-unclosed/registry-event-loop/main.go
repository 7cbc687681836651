// Plugins register in a package-level registry; each gets an event loop `go p.loop()` ranging
// over its events channel. Unregister removes a plugin from the dispatch list but forgets to
// close its channel, and the registry still keeps every plugin it ever saw (for stats), so the
// GC cannot prove the loops leaked: they are labelled by release. Live plugins' loops are
// healthy and end when Shutdown closes their channels.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type plugin struct {
	name   string
	events chan string
	count  int
}

func (p *plugin) loop() {
	for ev := range p.events {
		p.count += len(ev)
	}
}

type registry struct {
	mu     sync.Mutex
	all    []*plugin // every plugin ever registered, for stats
	active map[string]*plugin
}

var plugins = &registry{active: map[string]*plugin{}}

func (r *registry) Register(name string) {
	p := &plugin{name: name, events: make(chan string, 4)}
	r.mu.Lock()
	r.all = append(r.all, p)
	r.active[name] = p
	r.mu.Unlock()
	go p.loop()
}

// Unregister: the bug is the missing close(p.events).
func (r *registry) Unregister(name string) {
	r.mu.Lock()
	delete(r.active, name)
	r.mu.Unlock()
}

func (r *registry) Publish(ev string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range r.active {
		p.events <- ev
	}
}

func (r *registry) Shutdown() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for name, p := range r.active {
		close(p.events)
		delete(r.active, name)
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for _, n := range []string{"audit", "metrics", "search", "mailer", "billing"} {
				plugins.Register(n)
			}
			plugins.Publish("boot")
			plugins.Unregister("search")
			plugins.Unregister("mailer")
			plugins.Publish("ready")
			l.WaitParked("main.(*plugin).loop", 5)
		},
		Release: func() { plugins.Shutdown() },
		Expect:  []lab.Expect{{StartFunc: "main.(*plugin).loop", Leaked: 2, Healthy: 3}},
	})
}
