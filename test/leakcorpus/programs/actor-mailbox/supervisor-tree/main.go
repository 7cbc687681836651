// Healthy: a supervisor actor owns three worker actors and restarts any that report a crash.
// One worker crashed and was restarted during the trace (its first incarnation finished); at
// the end the supervisor waits for reports and the workers for messages. Shutdown (release)
// tells the supervisor, which stops its workers and returns.
package main

import (
	"leakcorpus/internal/lab"
)

type worker struct {
	id      int
	inbox   chan string
	crashed chan<- int
}

func (w *worker) run() {
	for m := range w.inbox {
		if m == "poison" {
			w.crashed <- w.id
			return
		}
	}
}

type supervisor struct {
	workers  map[int]*worker
	crashed  chan int
	shutdown chan struct{}
}

func (s *supervisor) start(id int) {
	w := &worker{id: id, inbox: make(chan string), crashed: s.crashed}
	s.workers[id] = w
	go w.run()
}

func (s *supervisor) loop() {
	for {
		select {
		case id := <-s.crashed:
			s.start(id)
		case <-s.shutdown:
			for _, w := range s.workers {
				close(w.inbox)
			}
			return
		}
	}
}

func main() {
	s := &supervisor{workers: map[int]*worker{}, crashed: make(chan int), shutdown: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i := 0; i < 3; i++ {
				s.start(i)
			}
			first := s.workers[1]
			go s.loop()
			first.inbox <- "job"
			first.inbox <- "poison"
			l.WaitParked("main.(*worker).run", 3) // the restarted one included
			l.WaitParked("main.(*supervisor).loop", 1)
		},
		Release: func() { close(s.shutdown) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*worker).run", Healthy: 3},
			{StartFunc: "main.(*supervisor).loop", Healthy: 1},
		},
	})
}
