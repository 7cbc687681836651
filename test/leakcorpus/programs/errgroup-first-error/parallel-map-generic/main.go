// A generic parallelMap[T, R] runs fn on every item in its own goroutine and collects
// (index, result, err) from one unbuffered channel; it returns on the first error. Items still
// being mapped block on the send. The entry function is the generic function's closure.
package main

import (
	"errors"
	"strconv"
	"time"

	"leakcorpus/internal/lab"
)

type outcome[R any] struct {
	i   int
	r   R
	err error
}

//go:noinline
func parallelMap[T, R any](items []T, fn func(T) (R, error)) ([]R, error) {
	ch := make(chan outcome[R])
	for i, it := range items {
		i, it := i, it
		go func() {
			r, err := fn(it)
			ch <- outcome[R]{i, r, err}
		}()
	}
	out := make([]R, len(items))
	for range items {
		o := <-ch
		if o.err != nil {
			return nil, o.err
		}
		out[o.i] = o.r
	}
	return out, nil
}

func parsePort(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, errors.New("bad port " + s)
	}
	time.Sleep(10 * time.Millisecond) // DNS check of the service behind the port
	return n, nil
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			if _, err := parallelMap([]string{"80", "443"}, parsePort); err != nil {
				lab.Fail("%v", err)
			}
			if _, err := parallelMap([]string{"8080", "http", "9090", "5432"}, parsePort); err == nil {
				lab.Fail("want an error")
			}
			l.WaitParked("main.parallelMap[...].func1", 3)
		},
		Expect: []lab.Expect{{StartFunc: "main.parallelMap[...].func1", Leaked: 3}},
	})
}
