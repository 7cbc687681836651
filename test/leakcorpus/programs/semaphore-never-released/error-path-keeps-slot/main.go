// A transcoder limits concurrent jobs with a buffered channel of 2 slots: acquire by sending,
// release by receiving. The error path returns without releasing, so after two failed jobs
// every later job blocks acquiring a slot forever. Jobs before the failures finished.
package main

import (
	"errors"

	"leakcorpus/internal/lab"
)

type transcoder struct{ slots chan struct{} }

func (t *transcoder) transcode(name string) error {
	t.slots <- struct{}{}
	if name[len(name)-1] == '!' {
		return errors.New(name + ": unsupported codec") // the bug: slot kept
	}
	defer func() { <-t.slots }()
	return nil
}

//go:noinline
func (t *transcoder) submit(names []string, done chan<- error) {
	for _, n := range names {
		n := n
		go func() { done <- t.transcode(n) }()
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			t := &transcoder{slots: make(chan struct{}, 2)}
			done := make(chan error, 16)
			t.submit([]string{"a.mp4", "b.mp4", "c.mp4"}, done)
			for i := 0; i < 3; i++ {
				<-done
			}
			t.submit([]string{"x.avi!", "y.avi!"}, done)
			<-done
			<-done
			t.submit([]string{"d.mp4", "e.mp4", "f.mp4"}, done)
			l.WaitParked("main.(*transcoder).submit.func1", 3)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*transcoder).submit.func1", Leaked: 3}},
	})
}
