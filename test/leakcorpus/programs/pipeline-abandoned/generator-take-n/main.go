// A generator goroutine yields ids forever on an unbuffered channel; the caller takes what it
// needs and returns. The generator blocks on its next send forever. Two callers, two leaked
// generators, no way for them to learn that nobody is listening (no done channel).
package main

import (
	"leakcorpus/internal/lab"
)

type idAllocator struct{ prefix string }

//go:noinline
func (a *idAllocator) stream() <-chan string {
	ch := make(chan string)
	go func() {
		for n := 1; ; n++ {
			ch <- a.prefix + "-" + string(rune('0'+n%10))
		}
	}()
	return ch
}

func take(ch <-chan string, n int) []string {
	out := make([]string, 0, n)
	for len(out) < n {
		out = append(out, <-ch)
	}
	return out
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			_ = take((&idAllocator{prefix: "ord"}).stream(), 3)
			_ = take((&idAllocator{prefix: "inv"}).stream(), 5)
			l.WaitParked("main.(*idAllocator).stream.func1", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*idAllocator).stream.func1", Leaked: 2}},
	})
}
