// A delivery worker retries sending a webhook every 30 ms with `case <-time.After(...)`
// until it gets an ack on its ack channel. The endpoint was deleted, so the acker goroutine
// exited and the worker retries forever; deliveries to live endpoints were acked and ended.
// The dispatcher loop that started them is alive and healthy.
package main

import (
	"time"

	"leakcorpus/internal/lab"
)

type delivery struct {
	url  string
	ack  chan struct{}
	sent int
}

func (d *delivery) run() {
	for {
		d.sent++
		select {
		case <-d.ack:
			return
		case <-time.After(30 * time.Millisecond):
		}
	}
}

type dispatcher struct {
	queue chan *delivery
	quit  chan struct{}
}

func (ds *dispatcher) loop() {
	for {
		select {
		case d := <-ds.queue:
			go d.run()
		case <-ds.quit:
			return
		}
	}
}

func main() {
	ds := &dispatcher{queue: make(chan *delivery), quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go ds.loop()
			for _, u := range []string{"https://a/hook", "https://gone/hook", "https://b/hook", "https://gone2/hook"} {
				d := &delivery{url: u, ack: make(chan struct{})}
				ds.queue <- d
				if u[8] != 'g' {
					d.ack <- struct{}{} // live endpoint acks the first attempt
				}
			}
			l.WaitParked("main.(*delivery).run", 2)
			l.WaitParked("main.(*dispatcher).loop", 1)
		},
		Release: func() { close(ds.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*delivery).run", Leaked: 2},
			{StartFunc: "main.(*dispatcher).loop", Healthy: 1},
		},
	})
}
