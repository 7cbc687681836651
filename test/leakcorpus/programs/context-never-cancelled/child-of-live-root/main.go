// A server derives a context per background task from its root context and keeps the cancel
// func in the task, but short tasks drop theirs without calling it. Their watcher goroutines
// wait on ctx.Done(), which only that lost cancel or the root could close, and the root lives
// as long as the process. The live root keeps the children reachable, so the GC cannot prove
// them: labelled by release (which cancels the tracked tasks and the shutdown watcher only).
package main

import (
	"context"

	"leakcorpus/internal/lab"
)

type task struct {
	name   string
	cancel context.CancelFunc
}

type server struct {
	root     context.Context
	stopRoot context.CancelFunc
	tasks    []*task
	shutdown chan struct{}
}

//go:noinline
func (s *server) startTask(name string) *task {
	ctx, cancel := context.WithCancel(s.root)
	t := &task{name: name, cancel: cancel}
	go func() {
		<-ctx.Done() // releases the task's lease
	}()
	return t
}

func (s *server) runTasks(names []string) {
	for _, n := range names {
		t := s.startTask(n)
		if len(n)%2 == 0 {
			s.tasks = append(s.tasks, t) // long-running: cancelled by Stop
		} // short tasks finished and were forgotten: the bug
	}
}

func (s *server) watchShutdown() {
	<-s.shutdown
}

func (s *server) StopTracked() {
	for _, t := range s.tasks {
		t.cancel()
	}
	close(s.shutdown)
}

func main() {
	root, stop := context.WithCancel(context.Background())
	s := &server{root: root, stopRoot: stop, shutdown: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go s.watchShutdown()
			s.runTasks([]string{"gc", "index", "sweep", "mail", "audit"})
			l.WaitParked("main.(*server).startTask.func1", 5)
			l.WaitParked("main.(*server).watchShutdown", 1)
		},
		Release: func() { s.StopTracked() },
		Expect: []lab.Expect{
			{StartFunc: "main.(*server).startTask.func1", Leaked: 3, Healthy: 2},
			{StartFunc: "main.(*server).watchShutdown", Healthy: 1},
		},
	})
}
