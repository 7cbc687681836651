// Healthy: a journal serialises appends with a mutex and writes each entry to an os.Pipe read
// by a slow archiver. The pipe buffer is full: the holder is blocked writing while holding the
// lock, and three appenders wait in Lock. At release the archiver drains the pipe; the holder
// finishes, and the appenders take the lock in turn.
package main

import (
	"io"
	"os"
	"sync"

	"leakcorpus/internal/lab"
)

type journal struct {
	mu sync.Mutex
	w  *os.File
}

func (j *journal) append(entry []byte) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.w.Write(entry)
}

func main() {
	var r, w *os.File
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			var err error
			r, w, err = os.Pipe()
			if err != nil {
				lab.Fail("%v", err)
			}
			j := &journal{w: w}
			big := make([]byte, 1<<20) // more than the pipe buffer holds
			go j.append(big)
			l.WaitParkedIn("main.(*journal).append", "IO wait", 1)
			for i := 0; i < 3; i++ {
				go j.append([]byte("small entry\n"))
			}
			l.WaitParkedIn("main.(*journal).append", "sync.Mutex.Lock", 3)
		},
		Release: func() {
			go func() {
				io.Copy(io.Discard, r)
			}()
			go func() {
				(&lab.L{}).WaitGone("main.(*journal).append")
				w.Close()
			}()
		},
		Expect: []lab.Expect{{StartFunc: "main.(*journal).append", Healthy: 4}},
	})
}
