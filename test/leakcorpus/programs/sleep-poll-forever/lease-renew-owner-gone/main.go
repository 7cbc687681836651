// Followers in a leader election poll every few milliseconds for the leader's lease to expire
// so they can take over; the lease is "renewed" by a timestamp far in the future that a
// crashed leader wrote with a clock bug, and no one else may write it. The followers poll a
// condition that can never come true. A healthy elector of another group waits on a channel
// and is released.
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type lease struct {
	mu      sync.Mutex
	holder  string
	expires time.Time
}

func (ls *lease) tryAcquire(who string, now time.Time) bool {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if now.Before(ls.expires) {
		return false
	}
	ls.holder, ls.expires = who, now.Add(time.Second)
	return true
}

func follow(ls *lease, who string) {
	for !ls.tryAcquire(who, time.Now()) {
		time.Sleep(30 * time.Millisecond)
	}
}

type elector struct{ won chan string }

func (e *elector) wait() { <-e.won }

func main() {
	e := &elector{won: make(chan string)}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go e.wait()
			crashed := &lease{holder: "node-1", expires: time.Now().Add(100 * 365 * 24 * time.Hour)}
			for _, n := range []string{"node-2", "node-3", "node-4"} {
				go follow(crashed, n)
			}
			healthy := &lease{holder: "node-7", expires: time.Now()}
			go follow(healthy, "node-8")
			l.WaitParked("main.follow", 3)
			l.WaitParked("main.(*elector).wait", 1)
		},
		Release: func() { close(e.won) },
		Expect: []lab.Expect{
			{StartFunc: "main.follow", Leaked: 3},
			{StartFunc: "main.(*elector).wait", Healthy: 1},
		},
	})
}
