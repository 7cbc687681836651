// Transfer locks the source account, runs a fraud check (a slow remote call), then locks the
// destination. Transfers between disjoint accounts complete; the two concurrent transfers
// a→b and b→a each hold one account and wait for the other forever. Six transfers of one
// function ran: four finished, two deadlocked (GC-proven: only they hold the accounts).
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type account struct {
	mu      sync.Mutex
	id      string
	balance int
}

type bank struct{ fraudCheck time.Duration }

func (b *bank) transfer(from, to *account, amount int) {
	from.mu.Lock()
	defer from.mu.Unlock()
	time.Sleep(b.fraudCheck)
	to.mu.Lock()
	defer to.mu.Unlock()
	from.balance -= amount
	to.balance += amount
}

//go:noinline
func (b *bank) submit(from, to *account, amount int, done *sync.WaitGroup) {
	done.Add(1)
	go func() {
		defer done.Done()
		b.transfer(from, to, amount)
	}()
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			b := &bank{fraudCheck: 30 * time.Millisecond}
			acct := map[string]*account{}
			for _, id := range []string{"a", "b", "c", "d", "e", "f"} {
				acct[id] = &account{id: id, balance: 100}
			}
			var ok sync.WaitGroup
			b.submit(acct["c"], acct["d"], 5, &ok)
			b.submit(acct["e"], acct["f"], 5, &ok)
			ok.Wait()
			b.submit(acct["d"], acct["c"], 1, &ok)
			b.submit(acct["f"], acct["e"], 1, &ok)
			ok.Wait()
			var stuck sync.WaitGroup
			b.submit(acct["a"], acct["b"], 10, &stuck)
			b.submit(acct["b"], acct["a"], 20, &stuck)
			l.WaitParkedIn("main.(*bank).submit.func1", "sync.Mutex.Lock", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*bank).submit.func1", Leaked: 2}},
	})
}
