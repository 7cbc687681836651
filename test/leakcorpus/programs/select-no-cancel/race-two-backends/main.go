// A search frontend (its accept loop still running) races a primary and a secondary index for
// each query in a goroutine that selects on both answers and forwards the first. When both
// backends fail they return without sending and the racing goroutine selects forever; the
// frontend already answered the client with an error from its own timeout.
package main

import (
	"errors"
	"time"

	"leakcorpus/internal/lab"
)

type index struct{ down bool }

func (ix *index) query(q string, out chan<- []string) {
	if ix.down {
		return // error path: nothing sent
	}
	out <- []string{q + "#1", q + "#2"}
}

type frontend struct {
	primary, secondary *index
	queries            chan string
	stop               chan struct{}
}

func (f *frontend) serve() {
	for {
		select {
		case q := <-f.queries:
			_, _ = f.search(q)
		case <-f.stop:
			return
		}
	}
}

//go:noinline
func (f *frontend) search(q string) ([]string, error) {
	a, b := make(chan []string, 1), make(chan []string, 1)
	go f.primary.query(q, a)
	go f.secondary.query(q, b)
	res := make(chan []string, 1)
	go func() {
		select {
		case r := <-a:
			res <- r
		case r := <-b:
			res <- r
		}
	}()
	select {
	case r := <-res:
		return r, nil
	case <-time.After(2 * time.Millisecond):
		return nil, errors.New("search timed out")
	}
}

func main() {
	f := &frontend{primary: &index{}, secondary: &index{down: true}, queries: make(chan string), stop: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go f.serve()
			f.queries <- "go"
			l.WaitGone("main.(*frontend).search.func1")
			f.primary.down = true // an outage: both indexes fail from now on
			f.queries <- "leak"
			f.queries <- "trace"
			l.WaitParked("main.(*frontend).search.func1", 2)
			l.WaitParked("main.(*frontend).serve", 1)
		},
		Release: func() { close(f.stop) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*frontend).search.func1", Leaked: 2},
			{StartFunc: "main.(*frontend).serve", Healthy: 1},
		},
	})
}
