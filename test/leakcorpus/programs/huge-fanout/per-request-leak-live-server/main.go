// A live in-process RPC server handles 800 requests; each request's handler starts a
// goroutine to compute a secondary index update and waits for it only until the request's
// deadline, which has already passed for these slow updates, so each leaves one goroutine
// blocked on its unbuffered send. The server loop and its 8 idle workers are healthy.
package main

import (
	"leakcorpus/internal/lab"
)

type request struct {
	key   int
	reply chan int
}

type server struct {
	reqs chan request
	quit chan struct{}
}

func (s *server) worker() {
	for {
		select {
		case r := <-s.reqs:
			s.handle(r)
		case <-s.quit:
			return
		}
	}
}

//go:noinline
func (s *server) handle(r request) {
	upd := make(chan int)
	go func() { upd <- r.key * 31 }()
	r.reply <- r.key // answered before the index update: the deadline "passed"
}

func main() {
	s := &server{reqs: make(chan request), quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i := 0; i < 8; i++ {
				go s.worker()
			}
			reply := make(chan int, 1)
			for i := 0; i < 800; i++ {
				s.reqs <- request{key: i, reply: reply}
				<-reply
			}
			l.WaitParked("main.(*server).handle.func1", 800)
			l.WaitParked("main.(*server).worker", 8)
		},
		Release: func() { close(s.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*server).handle.func1", Leaked: 800},
			{StartFunc: "main.(*server).worker", Healthy: 8},
		},
	})
}
