// An uploader adds to the WaitGroup once per attempt but its part goroutine calls Done once
// per part, however many attempts it took. A part that needed a retry leaves the count above
// zero and the goroutine that waits to send the "complete multipart upload" call waits
// forever. Uploads without retries completed. A healthy progress printer parks until Close.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type part struct {
	n        int
	failures int
}

type uploader struct {
	progress chan int
}

func (u *uploader) printer() {
	for range u.progress {
	}
}

//go:noinline
func (u *uploader) upload(parts []*part, complete chan<- string) {
	var wg sync.WaitGroup
	for _, p := range parts {
		p := p
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p.failures > 0 {
				wg.Add(1) // the bug: counted per attempt, done per part
				p.failures--
			}
		}()
	}
	go func() {
		wg.Wait()
		complete <- "CompleteMultipartUpload"
	}()
}

func main() {
	u := &uploader{progress: make(chan int)}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go u.printer()
			done := make(chan string, 4)
			u.upload([]*part{{n: 1}, {n: 2}}, done)
			<-done
			u.upload([]*part{{n: 1}, {n: 2, failures: 1}, {n: 3}}, done)
			l.WaitGone("main.(*uploader).upload.func1")
			l.WaitParked("main.(*uploader).upload.func2", 1)
			l.WaitParked("main.(*uploader).printer", 1)
		},
		Release: func() { close(u.progress) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*uploader).upload.func2", Leaked: 1},
			{StartFunc: "main.(*uploader).printer", Healthy: 1},
		},
	})
}
