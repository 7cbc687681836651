// A retrying fetcher runs each attempt in a goroutine and gives it a per-attempt timeout; on
// timeout it retries with a fresh channel and forgets the old attempt, whose answer arrives
// later and blocks on the unbuffered send forever. Two slow attempts leak, the third succeeds.
package main

import (
	"errors"
	"time"

	"leakcorpus/internal/lab"
)

var errTimeout = errors.New("attempt timed out")

type backend struct{ latencies []time.Duration }

type fetcher struct {
	be       *backend
	attempts int
	timeout  time.Duration
}

//go:noinline
func (f *fetcher) attempt(i int) (string, error) {
	ch := make(chan string)
	lat := f.be.latencies[i]
	go func() {
		time.Sleep(lat)
		ch <- "payload"
	}()
	t := time.NewTimer(f.timeout)
	defer t.Stop()
	select {
	case v := <-ch:
		return v, nil
	case <-t.C:
		return "", errTimeout
	}
}

func (f *fetcher) Get() (string, error) {
	var err error
	for i := 0; i < f.attempts; i++ {
		var v string
		if v, err = f.attempt(i); err == nil {
			return v, nil
		}
	}
	return "", err
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			f := &fetcher{be: &backend{latencies: []time.Duration{40 * time.Millisecond, 40 * time.Millisecond, 0}}, attempts: 3, timeout: 10 * time.Millisecond}
			if _, err := f.Get(); err != nil {
				lab.Fail("%v", err)
			}
			l.WaitParkedIn("main.(*fetcher).attempt.func1", "chan send", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*fetcher).attempt.func1", Leaked: 2}},
	})
}
