// Healthy: a broker with buffered per-subscriber channels; four subscribers consumed
// everything published so far and wait for the next message. The broker is live (its
// publish path is simply idle). Close (release) closes every subscription.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type broker struct {
	mu   sync.Mutex
	subs []chan string
}

func (b *broker) Subscribe() <-chan string {
	ch := make(chan string, 8)
	b.mu.Lock()
	b.subs = append(b.subs, ch)
	b.mu.Unlock()
	return ch
}

func (b *broker) Publish(m string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs {
		ch <- m
	}
}

func (b *broker) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs {
		close(ch)
	}
}

func subscriber(in <-chan string, seen chan<- string) {
	for m := range in {
		seen <- m
	}
}

func main() {
	b := &broker{}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			seen := make(chan string, 64)
			for i := 0; i < 4; i++ {
				go subscriber(b.Subscribe(), seen)
			}
			for _, m := range []string{"deploy", "scale", "alert"} {
				b.Publish(m)
			}
			for i := 0; i < 12; i++ {
				<-seen
			}
			l.WaitParked("main.subscriber", 4)
		},
		Release: func() { b.Close() },
		Expect:  []lab.Expect{{StartFunc: "main.subscriber", Healthy: 4}},
	})
}
