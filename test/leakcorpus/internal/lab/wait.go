package lab

import (
	"fmt"
	"runtime"
	"strings"
	"time"

	"leakcorpus/internal/corpus"
)

// Goroutines returns the parsed runtime.Stack(all) of the process.
func Goroutines() []corpus.Goroutine {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return corpus.ParseDump(string(buf[:n]))
		}
		buf = make([]byte, 2*len(buf))
	}
}

// poll calls cond with back-off (1 ms → 50 ms) until it returns "" or the limit passes; then it
// fails the run when mustHold, else returns.
func poll(what string, limit time.Duration, cond func() string, mustHold bool) {
	deadline := time.Now().Add(limit)
	d := time.Millisecond
	for {
		msg := cond()
		if msg == "" {
			return
		}
		if time.Now().After(deadline) {
			if mustHold {
				Fail("timed out waiting for %s: %s", what, msg)
			}
			return
		}
		time.Sleep(d)
		if d < 50*time.Millisecond {
			d *= 2
		}
	}
}

func matchStart(g corpus.Goroutine, startFunc string) bool {
	return corpus.CountKey(g.StartFunc(), "") == corpus.CountKey(startFunc, "")
}

// WaitParked blocks until exactly n goroutines started at startFunc are parked (any wait
// reason) and none of them is running (30 s limit).
func (l *L) WaitParked(startFunc string, n int) {
	l.WaitParkedIn(startFunc, "", n)
}

// WaitParkedIn is WaitParked for goroutines parked with a wait reason that starts with one of
// the |-separated prefixes in reason ("chan send", "sync.WaitGroup.Wait|semacquire" — Go before
// 1.25 says semacquire; "" = any): use it when one start function parks in stages.
func (l *L) WaitParkedIn(startFunc, reason string, n int) {
	poll(fmt.Sprintf("%d × %s parked [%s]", n, startFunc, reason), 30*time.Second, func() string {
		got, total := 0, 0
		for _, g := range Goroutines() {
			if !matchStart(g, startFunc) {
				continue
			}
			total++
			if g.Parked() && reasonMatches(g.WaitReason, reason) {
				got++
			}
		}
		if got == n {
			return ""
		}
		return fmt.Sprintf("%d parked of %d", got, total)
	}, true)
}

// WaitGone blocks until no goroutine started at startFunc exists (30 s limit).
func (l *L) WaitGone(startFunc string) {
	poll("exit of "+startFunc, 30*time.Second, func() string {
		for _, g := range Goroutines() {
			if matchStart(g, startFunc) {
				return fmt.Sprintf("g%d still [%s]", g.ID, g.WaitReason)
			}
		}
		return ""
	}, true)
}

// WaitUntil blocks until cond holds (30 s limit): counters of ticks, requests served…
func (l *L) WaitUntil(what string, cond func() bool) {
	poll(what, 30*time.Second, func() string {
		if cond() {
			return ""
		}
		return "not yet"
	}, true)
}

func reasonMatches(got, want string) bool {
	for _, w := range strings.Split(want, "|") {
		if strings.HasPrefix(got, w) {
			return true
		}
	}
	return false
}
