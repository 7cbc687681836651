// A report server (still serving) renders each report's sections in parallel. A section worker
// recovers its own panic to keep the server up but calls wg.Done() at the end of the happy path
// only. The request goroutine that waits for the sections of a report with a bad template
// waits forever; requests for good reports finished. The accept loop is healthy.
package main

import (
	"fmt"
	"sync"

	"leakcorpus/internal/lab"
)

type server struct {
	requests chan []string
	quit     chan struct{}
}

func renderSection(tpl string) string {
	if tpl == "" {
		panic("nil template")
	}
	return "<section>" + tpl + "</section>"
}

func (s *server) handle(sections []string) {
	var wg sync.WaitGroup
	out := make([]string, len(sections))
	for i, tpl := range sections {
		wg.Add(1)
		go func(i int, tpl string) {
			defer func() {
				if r := recover(); r != nil {
					out[i] = fmt.Sprint("error: ", r)
				}
			}()
			out[i] = renderSection(tpl)
			wg.Done() // the bug: not deferred, skipped by the panic
		}(i, tpl)
	}
	wg.Wait()
}

func (s *server) serve() {
	for {
		select {
		case r := <-s.requests:
			go s.handle(r)
		case <-s.quit:
			return
		}
	}
}

func main() {
	s := &server{requests: make(chan []string), quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go s.serve()
			s.requests <- []string{"header", "body"}
			s.requests <- []string{"header", "", "footer"}
			s.requests <- []string{"summary"}
			s.requests <- []string{"", "totals"}
			l.WaitParked("main.(*server).handle", 2)
			l.WaitParked("main.(*server).serve", 1)
		},
		Release: func() { close(s.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*server).handle", Leaked: 2},
			{StartFunc: "main.(*server).serve", Healthy: 1},
		},
	})
}
