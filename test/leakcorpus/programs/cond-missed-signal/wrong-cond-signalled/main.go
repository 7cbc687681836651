// A bounded buffer has two Conds on one mutex, notFull and notEmpty. Take signals notEmpty
// where it should signal notFull, so producers blocked on a full buffer are never woken after
// the consumer drains it. The consumer then waits on an empty buffer forever too: both sides
// park on Conds nobody will signal.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type ring struct {
	mu                sync.Mutex
	notFull, notEmpty *sync.Cond
	buf               []int
	cap               int
}

func newRing(n int) *ring {
	r := &ring{cap: n}
	r.notFull = sync.NewCond(&r.mu)
	r.notEmpty = sync.NewCond(&r.mu)
	return r
}

func (r *ring) Put(v int) {
	r.mu.Lock()
	for len(r.buf) == r.cap {
		r.notFull.Wait()
	}
	r.buf = append(r.buf, v)
	r.mu.Unlock()
	r.notEmpty.Signal()
}

func (r *ring) Take() int {
	r.mu.Lock()
	for len(r.buf) == 0 {
		r.notEmpty.Wait()
	}
	v := r.buf[0]
	r.buf = r.buf[1:]
	r.mu.Unlock()
	r.notEmpty.Signal() // the bug: should be r.notFull.Signal()
	return v
}

//go:noinline
func produce(r *ring, from, n int) {
	go func() {
		for i := from; i < from+n; i++ {
			r.Put(i)
		}
	}()
}

func consumeAll(r *ring, n int) {
	for i := 0; i < n; i++ {
		r.Take()
	}
	r.Take() // waits for the producers that are stuck
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			r := newRing(2)
			produce(r, 0, 4)
			produce(r, 100, 4)
			l.WaitParked("main.produce.func1", 2)
			go consumeAll(r, 2)
			l.WaitParked("main.consumeAll", 1)
			l.WaitParked("main.produce.func1", 2)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.produce.func1", Leaked: 2},
			{StartFunc: "main.consumeAll", Leaked: 1},
		},
	})
}
