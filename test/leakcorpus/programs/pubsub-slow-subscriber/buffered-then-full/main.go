// A price feed dispatcher pushes quotes into each client's buffered channel (capacity 4),
// blocking when a buffer is full ("clients are fast enough"). A client that stopped reading
// fills its buffer and the dispatcher blocks on it forever, starving every other client; the
// feed's producer then blocks handing the next quote to the dispatcher. Healthy clients are
// parked on their (empty) buffers.
package main

import (
	"leakcorpus/internal/lab"
)

type quote struct {
	sym   string
	cents int
}

type dispatcher struct {
	in      chan quote
	clients []chan quote
}

func (d *dispatcher) run() {
	for q := range d.in {
		for _, c := range d.clients {
			c <- q
		}
	}
}

func produce(in chan<- quote, n int) {
	for i := 0; i < n; i++ {
		in <- quote{"ACME", 1000 + i}
	}
}

func client(c <-chan quote, readAtMost int) {
	for i := 0; ; i++ {
		if i == readAtMost {
			return // the websocket write failed; nobody unregisters the client
		}
		if _, ok := <-c; !ok {
			return
		}
	}
}

func main() {
	var live []chan quote
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			d := &dispatcher{in: make(chan quote)}
			for i := 0; i < 3; i++ {
				c := make(chan quote, 4)
				d.clients = append(d.clients, c)
				if i == 1 {
					go client(c, 2)
				} else {
					live = append(live, c)
					go client(c, -1)
				}
			}
			go d.run()
			go produce(d.in, 20)
			l.WaitParked("main.(*dispatcher).run", 1)
			l.WaitParked("main.produce", 1)
			l.WaitParked("main.client", 2)
		},
		Release: func() {
			for _, c := range live {
				close(c)
			}
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*dispatcher).run", Leaked: 1},
			{StartFunc: "main.produce", Leaked: 1},
			{StartFunc: "main.client", Healthy: 2},
		},
	})
}
