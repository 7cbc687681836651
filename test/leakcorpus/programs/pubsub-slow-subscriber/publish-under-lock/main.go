// A broker publishes synchronously to every subscriber's unbuffered channel while holding its
// lock. One subscriber's consumer exited after an error without unsubscribing: the publisher
// blocks sending to it with the lock held, and every publisher after it waits for the lock.
// Live subscribers' consumers are healthy (parked on their channels; closed at release).
package main

import (
	"errors"
	"sync"

	"leakcorpus/internal/lab"
)

type broker struct {
	mu   sync.Mutex
	subs map[string]chan string
}

func (b *broker) Subscribe(name string) chan string {
	ch := make(chan string)
	b.mu.Lock()
	b.subs[name] = ch
	b.mu.Unlock()
	return ch
}

func (b *broker) Publish(msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs {
		ch <- msg
	}
}

func consume(ch chan string, failOn string) error {
	for m := range ch {
		if m == failOn {
			return errors.New("cannot handle " + m) // stops reading, stays subscribed
		}
	}
	return nil
}

//go:noinline
func publishAsync(b *broker, msgs ...string) {
	for _, m := range msgs {
		m := m
		go func() { b.Publish(m) }()
	}
}

func main() {
	b := &broker{subs: map[string]chan string{}}
	var live []chan string
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for _, n := range []string{"mailer", "search"} {
				ch := b.Subscribe(n)
				live = append(live, ch)
				go consume(ch, "")
			}
			bad := b.Subscribe("thumbnails")
			go consume(bad, "video")
			b.Publish("image")
			b.Publish("video") // the thumbnail consumer quits here
			publishAsync(b, "image", "pdf", "image")
			l.WaitParked("main.publishAsync.func1", 3)
			l.WaitParked("main.consume", 2)
		},
		Release: func() {
			for _, ch := range live {
				close(ch)
			}
		},
		Expect: []lab.Expect{
			{StartFunc: "main.publishAsync.func1", Leaked: 3},
			{StartFunc: "main.consume", Healthy: 2},
		},
	})
}
