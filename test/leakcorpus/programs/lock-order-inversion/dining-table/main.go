// Philosophers at two tables pick up their left fork, wait until everyone at the table is
// seated, then pick up the right one. At the table where every philosopher is left-handed,
// all five hold one fork and wait forever for the next (a cycle of N mutexes). At the other
// table the last philosopher picks up the right fork first, so the same code finishes.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type philosopher struct {
	left, right *sync.Mutex
	seated      func() // called holding the first fork
	meals       int
}

func (p *philosopher) dine() {
	p.left.Lock()
	p.seated()
	p.right.Lock()
	p.meals++
	p.right.Unlock()
	p.left.Unlock()
}

// seat starts n philosophers around n forks. At the broken table everyone is left-handed and
// waits until all are seated (each holding a fork); at the fixed table the last one is
// right-handed and nobody waits for the others.
func seat(n int, fixed bool) {
	forks := make([]*sync.Mutex, n)
	for i := range forks {
		forks[i] = &sync.Mutex{}
	}
	var table sync.WaitGroup
	table.Add(n)
	for i := 0; i < n; i++ {
		p := &philosopher{left: forks[i], right: forks[(i+1)%n]}
		if fixed {
			p.seated = func() {}
			if i == n-1 {
				p.left, p.right = p.right, p.left
			}
		} else {
			p.seated = func() { table.Done(); table.Wait() }
		}
		go p.dine()
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			seat(5, true)
			l.WaitGone("main.(*philosopher).dine")
			seat(5, false)
			l.WaitParkedIn("main.(*philosopher).dine", "sync.Mutex.Lock", 5)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*philosopher).dine", Leaked: 5}},
	})
}
