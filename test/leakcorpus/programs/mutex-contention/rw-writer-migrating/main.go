// Healthy: a schema registry's migration holds the write lock while it waits for the database
// to confirm the migration; readers wait in RLock meanwhile. The database answers at release;
// the writer unlocks and the readers proceed.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type registry struct {
	mu      sync.RWMutex
	version int
}

func (r *registry) migrate(confirm <-chan int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.version = <-confirm
}

func (r *registry) read(out chan<- int) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out <- r.version
}

func main() {
	confirm := make(chan int)
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			r := &registry{version: 1}
			go r.migrate(confirm)
			l.WaitParked("main.(*registry).migrate", 1)
			out := make(chan int, 8)
			for i := 0; i < 3; i++ {
				go r.read(out)
			}
			l.WaitParked("main.(*registry).read", 3)
		},
		Release: func() { confirm <- 2 },
		Expect: []lab.Expect{
			{StartFunc: "main.(*registry).migrate", Healthy: 1},
			{StartFunc: "main.(*registry).read", Healthy: 3},
		},
	})
}
