// Healthy: a message consumer with one worker per priority queue (high, normal, low), each
// selecting on its queue and a shared quit channel. Traffic only ever reached two queues in
// this trace; the low-priority worker never ran after starting — still healthy, it is owned
// by a consumer whose Close (at release) stops all three.
package main

import (
	"leakcorpus/internal/lab"
)

type consumer struct {
	queues map[string]chan string
	quit   chan struct{}
	acked  chan string
}

func newConsumer(names ...string) *consumer {
	c := &consumer{queues: map[string]chan string{}, quit: make(chan struct{}), acked: make(chan string, 16)}
	for _, n := range names {
		q := make(chan string)
		c.queues[n] = q
		go c.work(q)
	}
	return c
}

func (c *consumer) work(q <-chan string) {
	for {
		select {
		case m := <-q:
			c.acked <- m
		case <-c.quit:
			return
		}
	}
}

func (c *consumer) Close() { close(c.quit) }

func main() {
	var c *consumer
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			c = newConsumer("high", "normal", "low")
			for i := 0; i < 5; i++ {
				c.queues["high"] <- "alert"
				c.queues["normal"] <- "email"
			}
			for i := 0; i < 10; i++ {
				<-c.acked
			}
			l.WaitParked("main.(*consumer).work", 3)
		},
		Release: func() { c.Close() },
		Expect:  []lab.Expect{{StartFunc: "main.(*consumer).work", Healthy: 3}},
	})
}
