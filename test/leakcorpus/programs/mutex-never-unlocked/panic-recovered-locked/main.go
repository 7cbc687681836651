// An HTTP-style handler chain: recovery middleware turns a handler panic into a 500 and keeps
// serving. The counter handler locks its stats, panics on a malformed key while holding the
// lock, and the middleware recovers — the lock stays held. The server loop keeps accepting
// (creator alive) and each later request goroutine blocks in Lock. The server is live (held by
// main until release), so the GC cannot prove the lock dead: labelled by release.
package main

import (
	"strings"
	"sync"
	"sync/atomic"

	"leakcorpus/internal/lab"
)

type stats struct {
	mu     sync.Mutex
	counts map[string]int
}

func (s *stats) handle(key string) int {
	s.mu.Lock()
	if strings.ContainsAny(key, " \t") {
		panic("malformed key " + key) // no deferred unlock
	}
	s.counts[key]++
	n := s.counts[key]
	s.mu.Unlock()
	return n
}

//go:noinline
func recoverer(h func(string) int, handled *atomic.Int32) func(string) int {
	return func(k string) (code int) {
		defer func() {
			if recover() != nil {
				code = 500
			}
			handled.Add(1)
		}()
		return h(k)
	}
}

type server struct {
	reqs chan string
	quit chan struct{}
	h    func(string) int
}

func (sv *server) serve() {
	for {
		select {
		case k := <-sv.reqs:
			go sv.h(k)
		case <-sv.quit:
			return
		}
	}
}

func main() {
	sv := &server{reqs: make(chan string), quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			st := &stats{counts: map[string]int{}}
			var handled atomic.Int32
			sv.h = recoverer(st.handle, &handled)
			go sv.serve()
			sv.reqs <- "home"
			sv.reqs <- "bad key"
			l.WaitUntil("both requests answered, one with a 500", func() bool { return handled.Load() == 2 })
			for _, k := range []string{"home", "about", "home"} {
				sv.reqs <- k
			}
			l.WaitParked("main.recoverer.func1", 3)
			l.WaitParked("main.(*server).serve", 1)
		},
		Release: func() { close(sv.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.recoverer.func1", Leaked: 3},
			{StartFunc: "main.(*server).serve", Healthy: 1},
		},
	})
}
