// A batch validator checks every record in its own goroutine and reports on an unbuffered
// channel; Validate returns at the first error, so the goroutines still validating block on
// `errs <- err` forever. Nothing else holds the channel: the GC proves them leaked.
package main

import (
	"fmt"
	"strings"
	"time"

	"leakcorpus/internal/lab"
)

type record struct {
	ID   int
	Name string
}

type validator struct {
	maxName int
}

func (v *validator) check(r record) error {
	if r.Name == "" {
		return fmt.Errorf("record %d: empty name", r.ID)
	}
	time.Sleep(5 * time.Millisecond) // the slow remote lookup of a valid record
	if len(r.Name) > v.maxName {
		return fmt.Errorf("record %d: name too long", r.ID)
	}
	return nil
}

//go:noinline
func (v *validator) Validate(records []record) error {
	errs := make(chan error)
	for _, r := range records {
		r := r
		go func() { errs <- v.check(r) }()
	}
	for range records {
		if err := <-errs; err != nil {
			return err // the bug: the other checkers still send
		}
	}
	return nil
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			v := &validator{maxName: 16}
			batch := []record{{1, "ada"}, {2, "grace"}, {3, ""}, {4, "barbara"}, {5, "frances"}}
			err := v.Validate(batch)
			if err == nil || !strings.Contains(err.Error(), "empty") {
				lab.Fail("want the empty-name error first, got %v", err)
			}
			l.WaitParkedIn("main.(*validator).Validate.func1", "chan send", 4)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*validator).Validate.func1", Leaked: 4}},
	})
}
