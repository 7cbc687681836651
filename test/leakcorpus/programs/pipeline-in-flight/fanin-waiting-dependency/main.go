// Healthy: three enrichers wait for the geo database to finish loading (a channel closed by
// the loader) before processing; the producer is blocked handing them the next record and the
// merger waits for results. The loader is still reading the database (its input arrives at
// release), so everything is parked yet about to flow.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type geoDB struct {
	ready chan struct{}
	data  chan map[string]string
	m     map[string]string
}

func (g *geoDB) load() {
	g.m = <-g.data
	close(g.ready)
}

func enrich(g *geoDB, in <-chan string, out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	<-g.ready
	for ip := range in {
		out <- ip + "@" + g.m[ip]
	}
}

func produce(in chan<- string, ips []string) {
	for _, ip := range ips {
		in <- ip
	}
	close(in)
}

func merge(out <-chan string, done chan<- int) {
	n := 0
	for range out {
		n++
	}
	done <- n
}

func main() {
	g := &geoDB{ready: make(chan struct{}), data: make(chan map[string]string)}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go g.load()
			in, out := make(chan string), make(chan string)
			var wg sync.WaitGroup
			for i := 0; i < 3; i++ {
				wg.Add(1)
				go enrich(g, in, out, &wg)
			}
			go produce(in, []string{"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"})
			go merge(out, make(chan int, 1))
			go func() { wg.Wait(); close(out) }()
			l.WaitParked("main.enrich", 3)
			l.WaitParked("main.produce", 1)
			l.WaitParked("main.merge", 1)
			l.WaitParked("main.(*geoDB).load", 1)
			l.WaitParked("main.main.func1.1", 1)
		},
		Release: func() { g.data <- map[string]string{"10.0.0.1": "AMS"} },
		Expect: []lab.Expect{
			{StartFunc: "main.enrich", Healthy: 3},
			{StartFunc: "main.produce", Healthy: 1},
			{StartFunc: "main.merge", Healthy: 1},
			{StartFunc: "main.(*geoDB).load", Healthy: 1},
			{StartFunc: "main.main.func1.1", Healthy: 1},
		},
	})
}
