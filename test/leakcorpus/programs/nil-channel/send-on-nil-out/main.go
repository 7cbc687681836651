// A thumbnail worker pool sends results to `p.results`, which the pool's options were supposed
// to create; a caller that passes no results channel gets a pool whose workers block forever
// on a send to a nil channel after their first job. Workers of a correctly built pool are
// idle and healthy (parked on their jobs channel until Close).
package main

import (
	"leakcorpus/internal/lab"
)

type result struct {
	name string
	size int
}

type pool struct {
	jobs    chan string
	results chan result
}

type options struct{ results chan result }

func newPool(n int, opt options) *pool {
	p := &pool{jobs: make(chan string, n), results: opt.results} // nil when not given
	for i := 0; i < n; i++ {
		go p.worker()
	}
	return p
}

func (p *pool) worker() {
	for name := range p.jobs {
		p.results <- result{name: name, size: len(name) * 64}
	}
}

func (p *pool) Close() { close(p.jobs) }

func main() {
	var good *pool
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			res := make(chan result, 8)
			good = newPool(2, options{results: res})
			good.jobs <- "a.png"
			<-res
			bad := newPool(3, options{})
			for _, n := range []string{"x.png", "y.png", "z.png"} {
				bad.jobs <- n
			}
			l.WaitParkedIn("main.(*pool).worker", "chan send (nil chan)", 3)
			l.WaitParkedIn("main.(*pool).worker", "chan receive", 2)
		},
		Release: func() { good.Close() },
		Expect:  []lab.Expect{{StartFunc: "main.(*pool).worker", Leaked: 3, Healthy: 2}},
	})
}
