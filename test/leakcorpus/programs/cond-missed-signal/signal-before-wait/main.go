// A one-shot latch built on sync.Cond: Wait calls cond.Wait without checking whether the latch
// was already opened. Waiters that arrive before Open are woken by its Broadcast and finish;
// waiters that arrive after it wait for a broadcast that already happened, forever.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type latch struct {
	mu   sync.Mutex
	cond *sync.Cond
	open bool
}

func newLatch() *latch {
	l := &latch{}
	l.cond = sync.NewCond(&l.mu)
	return l
}

// Wait: the bug is `c.Wait()` without `for !l.open`.
func (l *latch) Wait() {
	l.mu.Lock()
	l.cond.Wait()
	l.mu.Unlock()
}

func (l *latch) Open() {
	l.mu.Lock()
	l.open = true
	l.mu.Unlock()
	l.cond.Broadcast()
}

//go:noinline
func waitAsync(lt *latch, n int) {
	for i := 0; i < n; i++ {
		go func() { lt.Wait() }()
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			lt := newLatch()
			waitAsync(lt, 3)
			l.WaitParkedIn("main.waitAsync.func1", "sync.Cond.Wait", 3)
			lt.Open()
			l.WaitGone("main.waitAsync.func1")
			waitAsync(lt, 2) // late arrivals
			l.WaitParkedIn("main.waitAsync.func1", "sync.Cond.Wait", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.waitAsync.func1", Leaked: 2}},
	})
}
