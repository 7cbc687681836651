// Healthy: a retry scheduler arms time.AfterFunc timers for failed deliveries (no goroutine
// until they fire) and one worker goroutine per destination that waits for the fired retries
// on its queue. Two destinations are known; their workers wait (their retries are due in
// minutes). The scheduler's Stop (release) stops the timers and closes the queues.
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type retrier struct {
	mu     sync.Mutex
	timers []*time.Timer
	queues map[string]chan string
}

func (r *retrier) destination(name string) chan string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if q, ok := r.queues[name]; ok {
		return q
	}
	q := make(chan string, 4)
	r.queues[name] = q
	go r.worker(q)
	return q
}

func (r *retrier) worker(q <-chan string) {
	for range q {
	}
}

func (r *retrier) retryLater(dest, msg string, after time.Duration) {
	q := r.destination(dest)
	t := time.AfterFunc(after, func() { q <- msg })
	r.mu.Lock()
	r.timers = append(r.timers, t)
	r.mu.Unlock()
}

func (r *retrier) Stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, t := range r.timers {
		t.Stop()
	}
	for _, q := range r.queues {
		close(q)
	}
}

func main() {
	r := &retrier{queues: map[string]chan string{}}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			r.retryLater("hooks.acme", "evt-1", 2*time.Minute)
			r.retryLater("hooks.globex", "evt-2", 5*time.Minute)
			r.retryLater("hooks.acme", "evt-3", 7*time.Minute)
			l.WaitParked("main.(*retrier).worker", 2)
		},
		Release: func() { r.Stop() },
		Expect:  []lab.Expect{{StartFunc: "main.(*retrier).worker", Healthy: 2}},
	})
}
