// Healthy: uploads take one of 2 slots in a buffered-channel semaphore. The two holders are
// busy writing to a slow destination (blocked reading acks from a pipe) and 3 more uploads
// wait for a slot. Everything moves once the destination acks (at release): holders finish,
// release their slots, the waiters get them and finish too.
package main

import (
	"io"

	"leakcorpus/internal/lab"
)

type uploader struct {
	slots chan struct{}
	acks  io.Reader
}

func (u *uploader) upload(name string, done chan<- string) {
	u.slots <- struct{}{}
	defer func() { <-u.slots }()
	ack := make([]byte, 4)
	if _, err := io.ReadFull(u.acks, ack); err != nil {
		return
	}
	done <- name
}

func main() {
	var ackW *io.PipeWriter
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			r, w := io.Pipe()
			ackW = w
			u := &uploader{slots: make(chan struct{}, 2), acks: r}
			done := make(chan string, 8)
			for _, n := range []string{"a", "b", "c", "d", "e"} {
				go u.upload(n, done)
			}
			l.WaitParked("main.(*uploader).upload", 5)
			l.WaitParkedIn("main.(*uploader).upload", "chan send", 3)
		},
		Release: func() {
			go func() {
				for i := 0; i < 5; i++ {
					io.WriteString(ackW, "ack\n")
				}
			}()
		},
		Expect: []lab.Expect{{StartFunc: "main.(*uploader).upload", Healthy: 5}},
	})
}
