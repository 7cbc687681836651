// A config registry's Lookup takes the read lock and calls resolve, which takes the read lock
// again for an alias. Between the two RLocks a writer (Reload) arrives and waits for readers
// to leave; sync.RWMutex then blocks new readers, so the nested RLock waits for the writer and
// the writer for the outer RLock: a reader/writer deadlock. Later readers queue behind.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type registry struct {
	mu      sync.RWMutex
	values  map[string]string
	aliases map[string]string
	between func() // test hook: runs between the two read locks
}

func (r *registry) Lookup(key string) string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if a, ok := r.aliases[key]; ok {
		r.between()
		return r.resolve(a)
	}
	return r.values[key]
}

func (r *registry) resolve(key string) string {
	r.mu.RLock() // recursive read lock: deadlocks with a pending writer
	defer r.mu.RUnlock()
	return r.values[key]
}

func (r *registry) Reload(v map[string]string) {
	r.mu.Lock()
	r.values = v
	r.mu.Unlock()
}

//go:noinline
func lookupAsync(r *registry, key string) {
	go func() { _ = r.Lookup(key) }()
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			inside := make(chan struct{})
			writerWaiting := make(chan struct{})
			r := &registry{values: map[string]string{"db": "pg"}, aliases: map[string]string{"database": "db"}}
			r.between = func() {}
			lookupAsync(r, "db")
			lookupAsync(r, "database")
			l.WaitGone("main.lookupAsync.func1")
			r.between = func() { close(inside); <-writerWaiting }
			lookupAsync(r, "database")
			<-inside
			go r.Reload(map[string]string{"db": "mysql"})
			l.WaitParkedIn("main.(*registry).Reload", "sync.RWMutex.Lock", 1)
			close(writerWaiting)
			lookupAsync(r, "db")
			lookupAsync(r, "db")
			l.WaitParked("main.lookupAsync.func1", 3)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.lookupAsync.func1", Leaked: 3},
			{StartFunc: "main.(*registry).Reload", Leaked: 1},
		},
	})
}
