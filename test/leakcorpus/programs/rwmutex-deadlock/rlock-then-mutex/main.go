// A route table: Match holds the table's read lock while it takes the per-route stats mutex;
// Rebuild (run when the config changes) holds a route's stats mutex while it takes the
// table's write lock to swap the routes. A rebuild and a match that overlap deadlock across
// an RWMutex and a Mutex; matches that ran before finished. An idle config watcher is healthy.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type route struct {
	prefix string
	mu     sync.Mutex
	hits   int
}

type table struct {
	mu     sync.RWMutex
	routes []*route
	hook   func()
}

func (t *table) Match(path string) *route {
	t.mu.RLock()
	defer t.mu.RUnlock()
	for _, r := range t.routes {
		if len(path) >= len(r.prefix) && path[:len(r.prefix)] == r.prefix {
			t.hook()
			r.mu.Lock()
			r.hits++
			r.mu.Unlock()
			return r
		}
	}
	return nil
}

func (t *table) Rebuild(r *route, prefixes []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t.mu.Lock()
	defer t.mu.Unlock()
	t.routes = nil
	for _, p := range prefixes {
		t.routes = append(t.routes, &route{prefix: p})
	}
}

type watcher struct{ changes chan []string }

func (w *watcher) run() {
	for range w.changes {
	}
}

//go:noinline
func serve(t *table, paths []string) {
	for _, p := range paths {
		p := p
		go func() { t.Match(p) }()
	}
}

func main() {
	w := &watcher{changes: make(chan []string)}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go w.run()
			api := &route{prefix: "/api"}
			t := &table{routes: []*route{api, {prefix: "/static"}}, hook: func() {}}
			serve(t, []string{"/api/users", "/static/app.js", "/api/orders"})
			l.WaitGone("main.serve.func1")
			matching := make(chan struct{})
			t.hook = func() { close(matching); t.hook = func() {} }
			api.mu.Lock() // let the match reach the route first
			serve(t, []string{"/api/login"})
			<-matching
			api.mu.Unlock()
			go t.Rebuild(api, []string{"/v2"})
			l.WaitParked("main.serve.func1", 1)
			l.WaitParked("main.(*table).Rebuild", 1)
			l.WaitParked("main.(*watcher).run", 1)
		},
		Release: func() { close(w.changes) },
		Expect: []lab.Expect{
			{StartFunc: "main.serve.func1", Leaked: 1},
			{StartFunc: "main.(*table).Rebuild", Leaked: 1},
			{StartFunc: "main.(*watcher).run", Healthy: 1},
		},
	})
}
