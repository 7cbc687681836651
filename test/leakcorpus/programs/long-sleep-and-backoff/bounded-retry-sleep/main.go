// Healthy: a client retries a flaky operation at most 3 times with a 1.5 s sleep between
// attempts; two retriers are asleep at the end of the trace. Nothing needs releasing — their
// sleeps end and the last attempt succeeds (or gives up) on its own.
package main

import (
	"errors"
	"sync/atomic"
	"time"

	"leakcorpus/internal/lab"
)

type flaky struct{ calls atomic.Int64 }

func (f *flaky) do() error {
	if f.calls.Add(1)%2 == 1 {
		return errors.New("503")
	}
	return nil
}

func retry(f *flaky, attempts int, pause time.Duration) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = f.do(); err == nil {
			return nil
		}
		time.Sleep(pause)
	}
	return err
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i := 0; i < 2; i++ {
				go retry(&flaky{}, 3, 1500*time.Millisecond)
			}
			l.WaitParkedIn("main.retry", "sleep", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.retry", Healthy: 2}},
	})
}
