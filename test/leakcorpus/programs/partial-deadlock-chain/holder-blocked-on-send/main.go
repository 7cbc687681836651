// A metrics registry flushes under its mutex: Flush locks, then sends the snapshot on an
// unbuffered export channel. The exporter goroutine crashed earlier (and recovered), so Flush
// blocks forever while holding the lock, and every Inc after it waits for the mutex: a chain of
// lock waiters behind a holder blocked on a channel.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type registry struct {
	mu       sync.Mutex
	counters map[string]int
	export   chan map[string]int
}

func (r *registry) Inc(name string) {
	r.mu.Lock()
	r.counters[name]++
	r.mu.Unlock()
}

func (r *registry) Flush() {
	r.mu.Lock()
	defer r.mu.Unlock()
	snap := make(map[string]int, len(r.counters))
	for k, v := range r.counters {
		snap[k] = v
	}
	r.export <- snap // blocks forever: the exporter is gone
}

func (r *registry) exporter() {
	defer func() { _ = recover() }()
	snap := <-r.export
	if len(snap) > 1 {
		panic("label cardinality too high")
	}
}

//go:noinline
func handleRequests(r *registry, paths []string) {
	for _, p := range paths {
		p := p
		go func() { r.Inc(p) }()
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			r := &registry{counters: map[string]int{}, export: make(chan map[string]int)}
			go r.exporter()
			handleRequests(r, []string{"/a", "/b"})
			l.WaitGone("main.handleRequests.func1")
			go r.Flush()
			l.WaitGone("main.(*registry).exporter")
			go r.Flush()
			l.WaitParked("main.(*registry).Flush", 1)
			handleRequests(r, []string{"/a", "/c", "/d"})
			l.WaitParked("main.handleRequests.func1", 3)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*registry).Flush", Leaked: 1},
			{StartFunc: "main.handleRequests.func1", Leaked: 3},
		},
	})
}
