// A subscription stores its context's cancel func in a field and Unsubscribe should call it;
// Unsubscribe was refactored to only delete the subscription from the map. Each subscription's
// forwarder selects on its context and its feed, so unsubscribed ones wait forever. The
// contexts derive from Background, so only the forwarders hold them: GC-proven.
package main

import (
	"context"
	"sync"

	"leakcorpus/internal/lab"
)

type subscription struct {
	topic  string
	feed   chan string
	cancel context.CancelFunc
}

type broker struct {
	mu   sync.Mutex
	subs map[string]*subscription
}

//go:noinline
func (b *broker) Subscribe(topic string, deliver func(string)) {
	ctx, cancel := context.WithCancel(context.Background())
	s := &subscription{topic: topic, feed: make(chan string), cancel: cancel}
	b.mu.Lock()
	b.subs[topic] = s
	b.mu.Unlock()
	go func() {
		for {
			select {
			case m := <-s.feed:
				deliver(m)
			case <-ctx.Done():
				return
			}
		}
	}()
}

// Unsubscribe: the bug is the missing s.cancel().
func (b *broker) Unsubscribe(topic string) {
	b.mu.Lock()
	delete(b.subs, topic)
	b.mu.Unlock()
}

func (b *broker) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range b.subs {
		s.cancel()
	}
}

func main() {
	b := &broker{subs: map[string]*subscription{}}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for _, t := range []string{"orders", "users", "audit", "billing"} {
				b.Subscribe(t, func(string) {})
			}
			b.Unsubscribe("users")
			b.Unsubscribe("billing")
			l.WaitParked("main.(*broker).Subscribe.func1", 4)
		},
		Release: func() { b.Close() },
		Expect:  []lab.Expect{{StartFunc: "main.(*broker).Subscribe.func1", Leaked: 2, Healthy: 2}},
	})
}
