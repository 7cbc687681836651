// Healthy: a batcher collects events into batches of 10 and flushes early after 10 s; the
// writer downstream waits for the next batch. Seven events sit in the current batch at the end
// of the trace, the batcher waits for more (or the flush timer). Closing the input at release
// flushes the partial batch; both stages end.
package main

import (
	"time"

	"leakcorpus/internal/lab"
)

func batch(in <-chan string, out chan<- []string, size int, maxWait time.Duration) {
	defer close(out)
	var cur []string
	t := time.NewTimer(maxWait)
	defer t.Stop()
	for {
		select {
		case ev, ok := <-in:
			if !ok {
				if len(cur) > 0 {
					out <- cur
				}
				return
			}
			cur = append(cur, ev)
			if len(cur) == size {
				out <- cur
				cur = nil
			}
		case <-t.C:
			if len(cur) > 0 {
				out <- cur
				cur = nil
			}
			t.Reset(maxWait)
		}
	}
}

func write(in <-chan []string, written chan<- int) {
	for b := range in {
		written <- len(b)
	}
}

func main() {
	events := make(chan string)
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			batches, written := make(chan []string), make(chan int, 8)
			go batch(events, batches, 10, 10*time.Second)
			go write(batches, written)
			for i := 0; i < 17; i++ {
				events <- "click"
			}
			<-written
			l.WaitParked("main.batch", 1)
			l.WaitParked("main.write", 1)
		},
		Release: func() { close(events) },
		Expect: []lab.Expect{
			{StartFunc: "main.batch", Healthy: 1},
			{StartFunc: "main.write", Healthy: 1},
		},
	})
}
