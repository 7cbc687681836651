// A topic fans messages out through one forwarder goroutine per subscriber, each ranging over
// its own buffered queue and sending to the subscriber's unbuffered inbox. Subscribers that
// went away stopped reading their inboxes (and nobody closes their queues), so their
// forwarders block on the inbox send forever. Forwarders of present subscribers are healthy.
package main

import (
	"leakcorpus/internal/lab"
)

type subscriber struct {
	inbox chan string
	queue chan string
}

func (s *subscriber) forward() {
	for m := range s.queue {
		s.inbox <- m
	}
}

type topic struct{ subs []*subscriber }

func (t *topic) Add() *subscriber {
	s := &subscriber{inbox: make(chan string), queue: make(chan string, 16)}
	t.subs = append(t.subs, s)
	go s.forward()
	return s
}

func (t *topic) Publish(m string) {
	for _, s := range t.subs {
		s.queue <- m
	}
}

func main() {
	t := &topic{}
	var present []*subscriber
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i := 0; i < 5; i++ {
				s := t.Add()
				if i%2 == 0 {
					present = append(present, s)
				}
			}
			t.Publish("tick")
			for _, s := range present {
				<-s.inbox // present subscribers read
			}
			l.WaitParkedIn("main.(*subscriber).forward", "chan send", 2)
			l.WaitParkedIn("main.(*subscriber).forward", "chan receive", 3)
		},
		Release: func() {
			for _, s := range present {
				close(s.queue)
			}
		},
		Expect: []lab.Expect{{StartFunc: "main.(*subscriber).forward", Leaked: 2, Healthy: 3}},
	})
}
