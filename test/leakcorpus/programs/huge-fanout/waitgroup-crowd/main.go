// Each of 1,000 uploads waits (in its own goroutine) for the shared "all parts of this batch
// acknowledged" WaitGroup before committing; one part's ack never comes, so all 1,000 wait.
// The part goroutine itself is blocked receiving the ack from a channel nobody sends on.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type batch struct {
	acked sync.WaitGroup
	acks  []chan bool
}

func (b *batch) part(i int) {
	defer b.acked.Done()
	<-b.acks[i]
}

//go:noinline
func commitWhenAcked(b *batch, n int, committed chan<- int) {
	for i := 0; i < n; i++ {
		i := i
		go func() {
			b.acked.Wait()
			committed <- i
		}()
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			b := &batch{}
			for i := 0; i < 3; i++ {
				b.acks = append(b.acks, make(chan bool, 1))
				b.acked.Add(1)
				go b.part(i)
			}
			b.acks[0] <- true
			b.acks[2] <- true // part 1's ack is lost
			commitWhenAcked(b, 1000, make(chan int, 1000))
			l.WaitParked("main.(*batch).part", 1)
			l.WaitParked("main.commitWhenAcked.func1", 1000)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*batch).part", Leaked: 1},
			{StartFunc: "main.commitWhenAcked.func1", Leaked: 1000},
		},
	})
}
