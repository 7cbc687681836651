// Checkout waits for the payment result on a channel; the payment goroutine waits for the
// ledger's mutex; the ledger's mutex is held by the reconciler, which waits on a bank
// statement that the statement fetcher abandoned after a timeout. Three different waits
// (receive, Mutex, receive) chained; each goroutine is only stuck because the next one is.
// Checkouts before the reconciler started completed.
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type ledger struct {
	mu      sync.Mutex
	balance int
}

func (lg *ledger) reconcile(statements <-chan int) {
	lg.mu.Lock()
	defer lg.mu.Unlock()
	lg.balance = <-statements
}

func fetchStatement(out chan<- int, timeout time.Duration) {
	select {
	case out <- 42:
	case <-time.After(timeout):
	}
}

func pay(lg *ledger, amount int, result chan<- bool) {
	lg.mu.Lock()
	lg.balance -= amount
	lg.mu.Unlock()
	result <- true
}

//go:noinline
func checkout(lg *ledger, amount int) {
	go func() {
		result := make(chan bool)
		go pay(lg, amount, result)
		<-result
	}()
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			lg := &ledger{balance: 100}
			checkout(lg, 10)
			checkout(lg, 20)
			l.WaitGone("main.checkout.func1")
			statements := make(chan int)
			fetchStatement(statements, time.Millisecond) // nobody listening yet: gives up
			go lg.reconcile(statements)
			l.WaitParked("main.(*ledger).reconcile", 1)
			checkout(lg, 30)
			checkout(lg, 40)
			l.WaitParked("main.pay", 2)
			l.WaitParked("main.checkout.func1", 2)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.checkout.func1", Leaked: 2},
			{StartFunc: "main.pay", Leaked: 2},
			{StartFunc: "main.(*ledger).reconcile", Leaked: 1},
		},
	})
}
