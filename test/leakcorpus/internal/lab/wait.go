package lab

import (
	"fmt"
	"runtime"
	"strings"
	"time"

	"leakcorpus/internal/corpus"
)

// stackBuf is reused by every poll: a fresh 1 MB buffer per poll made the GC run during the
// trace, and its background sweeper then yields tens of thousands of times (300 KB of trace).
var stackBuf = make([]byte, 256<<10)

// Goroutines returns the parsed runtime.Stack(all) of the process.
func Goroutines() []corpus.Goroutine {
	for {
		n := runtime.Stack(stackBuf, true)
		if n < len(stackBuf) {
			return corpus.ParseDump(string(stackBuf[:n]))
		}
		stackBuf = make([]byte, 2*len(stackBuf))
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

// unstarted: a goroutine created by `go f(x)` or `go s.m()` that has not run yet shows only its
// compiler wrapper above runtime.goexit ("main.main.gowrap1"), not the function it will run, so
// the waits below hold until there are none.
func unstarted(gs []corpus.Goroutine) string {
	for _, g := range gs {
		if g.StartFunc() == "runtime.goexit" {
			return fmt.Sprintf("g%d (created by %s) has not started", g.ID, g.CreatedBy)
		}
	}
	return ""
}

func matchStart(g corpus.Goroutine, startFunc string) bool {
	return corpus.CountKey(g.StartFunc(), "") == corpus.CountKey(startFunc, "")
}

// WaitParked blocks until exactly n goroutines started at startFunc exist and all of them are
// parked, with any wait reason (30 s limit).
func (l *L) WaitParked(startFunc string, n int) {
	poll(fmt.Sprintf("%d × %s parked", n, startFunc), 30*time.Second, func() string {
		parked, total := 0, 0
		gs := Goroutines()
		if msg := unstarted(gs); msg != "" {
			return msg
		}
		for _, g := range gs {
			if matchStart(g, startFunc) {
				total++
				if g.Parked() {
					parked++
				}
			}
		}
		if parked == n && total == n {
			return ""
		}
		return fmt.Sprintf("%d parked of %d", parked, total)
	}, true)
}

// WaitParkedIn is like WaitParked for goroutines parked with a wait reason that starts with one of
// the |-separated prefixes in reason ("chan send", "sync.WaitGroup.Wait|semacquire" — Go before
// 1.25 says semacquire; "" = any), whatever the others of that function do: use it when one
// start function parks in stages.
func (l *L) WaitParkedIn(startFunc, reason string, n int) {
	poll(fmt.Sprintf("%d × %s parked [%s]", n, startFunc, reason), 30*time.Second, func() string {
		got, total := 0, 0
		gs := Goroutines()
		if msg := unstarted(gs); msg != "" {
			return msg
		}
		for _, g := range gs {
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
		gs := Goroutines()
		if msg := unstarted(gs); msg != "" {
			return msg
		}
		for _, g := range gs {
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
