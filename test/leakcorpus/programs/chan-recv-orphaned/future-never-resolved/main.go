// A small promise library: Then(fn) starts a goroutine that waits on the promise's done channel
// and calls fn. A loader resolves its promise only on success; on a panic it recovers and
// returns without resolving, so every continuation registered on that promise waits forever.
// Resolved promises' continuations ran and exited.
package main

import (
	"leakcorpus/internal/lab"
)

type Promise struct {
	done  chan struct{}
	value string
}

func NewPromise() *Promise { return &Promise{done: make(chan struct{})} }

func (p *Promise) Resolve(v string) {
	p.value = v
	close(p.done)
}

//go:noinline
func (p *Promise) Then(fn func(string)) {
	go func() {
		<-p.done
		fn(p.value)
	}()
}

func load(p *Promise, key string) {
	defer func() { _ = recover() }() // swallows the panic, forgets the promise
	if key == "" {
		panic("empty key")
	}
	p.Resolve("value of " + key)
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			results := make(chan string, 16)
			for _, key := range []string{"x", "", "y"} {
				p := NewPromise()
				p.Then(func(v string) { results <- v })
				p.Then(func(v string) { results <- "len " + v })
				load(p, key)
			}
			l.WaitParked("main.(*Promise).Then.func1", 2)
			if len(results) != 4 {
				l.WaitUntil("4 continuations ran", func() bool { return len(results) == 4 })
			}
		},
		Expect: []lab.Expect{{StartFunc: "main.(*Promise).Then.func1", Leaked: 2}},
	})
}
