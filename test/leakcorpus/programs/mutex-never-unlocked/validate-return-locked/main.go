// An inventory store's Reserve locks the store and returns early on an invalid quantity
// without unlocking. Orders placed before the bad one went through (finished siblings); every
// order goroutine after it blocks in Lock for good. Nothing else holds the store: GC-proven.
package main

import (
	"errors"
	"sync"

	"leakcorpus/internal/lab"
)

type inventory struct {
	mu    sync.Mutex
	stock map[string]int
}

var errQuantity = errors.New("quantity must be positive")

func (s *inventory) Reserve(sku string, n int) error {
	s.mu.Lock()
	if n <= 0 {
		return errQuantity // the bug: still locked
	}
	defer s.mu.Unlock()
	if s.stock[sku] < n {
		return errors.New("out of stock")
	}
	s.stock[sku] -= n
	return nil
}

//go:noinline
func placeOrders(s *inventory, qty []int, done chan<- error) {
	for _, n := range qty {
		n := n
		go func() { done <- s.Reserve("sku-1", n) }()
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			s := &inventory{stock: map[string]int{"sku-1": 100}}
			done := make(chan error, 16)
			placeOrders(s, []int{2, 3, 1}, done)
			for i := 0; i < 3; i++ {
				<-done
			}
			placeOrders(s, []int{0}, done) // locks and leaves
			<-done
			placeOrders(s, []int{4, 5, 6, 7}, done)
			l.WaitParkedIn("main.placeOrders.func1", "sync.Mutex.Lock", 4)
		},
		Expect: []lab.Expect{{StartFunc: "main.placeOrders.func1", Leaked: 4}},
	})
}
