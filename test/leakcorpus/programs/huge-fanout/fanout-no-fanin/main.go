// A bulk checker starts one goroutine per record (2,000 of them), each sending its verdict on
// one unbuffered channel; the caller reads the first 50 and decides the batch is bad. 1,950
// goroutines block at one send site: a crowd with one blocking line.
package main

import (
	"leakcorpus/internal/lab"
)

type verdict struct {
	id int
	ok bool
}

//go:noinline
func checkAll(ids []int) bool {
	out := make(chan verdict)
	for _, id := range ids {
		id := id
		go func() { out <- verdict{id, id%7 != 0} }()
	}
	bad := 0
	for i := 0; i < 50; i++ {
		if !(<-out).ok {
			bad++
		}
	}
	return bad == 0 // gives up on the rest either way
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ids := make([]int, 2000)
			for i := range ids {
				ids[i] = i
			}
			checkAll(ids)
			l.WaitParked("main.checkAll.func1", 1950)
		},
		Expect: []lab.Expect{{StartFunc: "main.checkAll.func1", Leaked: 1950}},
	})
}
