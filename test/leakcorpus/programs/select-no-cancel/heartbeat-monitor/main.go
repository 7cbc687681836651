// A supervisor starts a monitor per child that selects on the child's heartbeats and exit
// notice. Children that exit cleanly send on `exited` and their monitors finish; a child that
// crashes returns without a word, so its monitor selects forever (no timeout, no cancel).
package main

import (
	"leakcorpus/internal/lab"
)

type child struct {
	name      string
	heartbeat chan struct{}
	exited    chan int
	crash     bool
}

func (c *child) run() {
	for i := 0; i < 3; i++ {
		c.heartbeat <- struct{}{}
	}
	if c.crash {
		return // panicked and was recovered higher up; nobody tells the monitor
	}
	c.exited <- 0
}

type supervisor struct{ beats map[string]int }

//go:noinline
func (s *supervisor) monitor(c *child) {
	beats := 0
	go func() {
		for {
			select {
			case <-c.heartbeat:
				beats++
			case code := <-c.exited:
				_ = code + beats
				return
			}
		}
	}()
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			s := &supervisor{beats: map[string]int{}}
			for i, name := range []string{"indexer", "mailer", "resizer", "billing", "cleanup"} {
				c := &child{name: name, heartbeat: make(chan struct{}), exited: make(chan int), crash: i%2 == 1}
				s.monitor(c)
				go c.run()
			}
			l.WaitGone("main.(*child).run")
			l.WaitParked("main.(*supervisor).monitor.func1", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*supervisor).monitor.func1", Leaked: 2}},
	})
}
