// A client that queries three replicas and takes the first answer within a deadline. Each query
// sends its result on an unbuffered channel; when the deadline fires first, fetch returns and the
// slow queries block forever on `results <- r`: nobody receives any more. The channel is only
// reachable from the blocked senders, so the GC can prove the leak. A healthy idle health-checker
// (owned by the client, stopped by Close) parks beside them.
package main

import (
	"context"
	"errors"
	"time"

	"leakcorpus/internal/lab"
)

type reply struct {
	replica string
	value   int
}

type client struct {
	replicas []string
	latency  map[string]time.Duration
	stop     chan struct{}
}

func newClient() *client {
	c := &client{
		replicas: []string{"a", "b", "c"},
		latency:  map[string]time.Duration{"a": 0, "b": 50 * time.Millisecond, "c": 80 * time.Millisecond},
		stop:     make(chan struct{}),
	}
	go c.healthLoop()
	return c
}

// healthLoop waits for its owner to stop it; a real one would probe on a ticker too.
func (c *client) healthLoop() {
	<-c.stop
}

func (c *client) Close() { close(c.stop) }

//go:noinline
func (c *client) fetch(ctx context.Context, key string) (reply, error) {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	results := make(chan reply) // unbuffered: the bug
	for _, r := range c.replicas {
		r := r
		go func() {
			time.Sleep(c.latency[r])
			results <- reply{replica: r, value: len(key) * 7}
		}()
	}
	select {
	case rep := <-results:
		return rep, nil
	case <-ctx.Done():
		return reply{}, errors.New("fetch " + key + ": " + ctx.Err().Error())
	}
}

func main() {
	var c *client
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			c = newClient()
			for _, k := range []string{"user:1", "user:2"} {
				if _, err := c.fetch(context.Background(), k); err != nil {
					panic(err)
				}
			}
			// replica a answered both; b and c of both calls are stuck sending.
			l.WaitParkedIn("main.(*client).fetch.func1", "chan send", 4)
			l.WaitParked("main.(*client).healthLoop", 1)
		},
		Release: func() { c.Close() },
		Expect: []lab.Expect{
			{StartFunc: "main.(*client).fetch.func1", Leaked: 4},
			{StartFunc: "main.(*client).healthLoop", Healthy: 1},
		},
	})
}
