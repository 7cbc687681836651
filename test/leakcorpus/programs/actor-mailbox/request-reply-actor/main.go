// Healthy: a rate-limit actor serialises decisions: callers send a request carrying a reply
// channel and wait for the answer. Between calls the actor waits for mail (select on mailbox
// and its context). The service owning it cancels the context at release.
package main

import (
	"context"

	"leakcorpus/internal/lab"
)

type decision struct {
	key   string
	reply chan bool
}

type limiter struct {
	mailbox chan decision
	counts  map[string]int
	limit   int
}

func (lm *limiter) run(ctx context.Context) {
	for {
		select {
		case d := <-lm.mailbox:
			lm.counts[d.key]++
			d.reply <- lm.counts[d.key] <= lm.limit
		case <-ctx.Done():
			return
		}
	}
}

func (lm *limiter) Allow(key string) bool {
	r := make(chan bool)
	lm.mailbox <- decision{key, r}
	return <-r
}

func main() {
	var cancel context.CancelFunc
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			var ctx context.Context
			ctx, cancel = context.WithCancel(context.Background())
			lm := &limiter{mailbox: make(chan decision), counts: map[string]int{}, limit: 3}
			go lm.run(ctx)
			for i := 0; i < 5; i++ {
				lm.Allow("10.0.0.7")
			}
			l.WaitParked("main.(*limiter).run", 1)
		},
		Release: func() { cancel() },
		Expect:  []lab.Expect{{StartFunc: "main.(*limiter).run", Healthy: 1}},
	})
}
