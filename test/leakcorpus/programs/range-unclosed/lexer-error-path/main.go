// A parser runs its lexer in a goroutine and ranges over the token channel. On an illegal
// character the lexer records the error and returns without closing the channel, so the
// parser goroutine ranges forever; the caller reads the error from the lexer and moves on.
// Well-formed inputs end normally (finished siblings).
package main

import (
	"fmt"
	"unicode"

	"leakcorpus/internal/lab"
)

type token struct {
	kind string
	text string
}

type lexer struct {
	input  string
	tokens chan token
	err    chan error
}

func (lx *lexer) run() {
	for i, r := range lx.input {
		switch {
		case unicode.IsDigit(r):
			lx.tokens <- token{"num", string(r)}
		case r == '+' || r == '*':
			lx.tokens <- token{"op", string(r)}
		case r == ' ':
		default:
			lx.err <- fmt.Errorf("illegal %q at %d", r, i)
			return // the bug: tokens is never closed
		}
	}
	close(lx.tokens)
	lx.err <- nil
}

//go:noinline
func parse(input string) (int, error) {
	lx := &lexer{input: input, tokens: make(chan token), err: make(chan error, 1)}
	count := make(chan int, 1)
	go func() {
		n := 0
		for range lx.tokens {
			n++
		}
		count <- n
	}()
	go lx.run()
	if err := <-lx.err; err != nil {
		return 0, err
	}
	return <-count, nil
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			bad := 0
			for _, in := range []string{"1 + 2", "3 * x", "4+5*6", "7 ? 8"} {
				if _, err := parse(in); err != nil {
					bad++
				}
			}
			l.WaitParked("main.parse.func1", bad)
		},
		Expect: []lab.Expect{{StartFunc: "main.parse.func1", Leaked: 2}},
	})
}
