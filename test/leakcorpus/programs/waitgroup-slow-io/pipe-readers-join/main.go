// Healthy: a log collector reads the stdout of three child processes (os.Pipe each) in three
// goroutines and a closer waits for all of them with a WaitGroup before closing the merged
// output. The children are alive and quiet: readers in I/O wait, the closer in Wait. At release
// the children exit (their pipe ends close) and everything ends.
package main

import (
	"bufio"
	"os"
	"sync"

	"leakcorpus/internal/lab"
)

//go:noinline
func collect(pipes []*os.File, merged chan<- string) {
	var wg sync.WaitGroup
	for _, p := range pipes {
		wg.Add(1)
		go func(p *os.File) {
			defer wg.Done()
			sc := bufio.NewScanner(p)
			for sc.Scan() {
				merged <- sc.Text()
			}
		}(p)
	}
	go func() {
		wg.Wait()
		close(merged)
	}()
}

func main() {
	var writers []*os.File
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			var readers []*os.File
			for i := 0; i < 3; i++ {
				r, w, err := os.Pipe()
				if err != nil {
					lab.Fail("%v", err)
				}
				readers = append(readers, r)
				writers = append(writers, w)
			}
			merged := make(chan string, 16)
			collect(readers, merged)
			writers[0].WriteString("child 0 started\n")
			<-merged
			l.WaitParked("main.collect.func1", 3)
			l.WaitParked("main.collect.func2", 1)
		},
		Release: func() {
			for _, w := range writers {
				w.Close()
			}
		},
		Expect: []lab.Expect{
			{StartFunc: "main.collect.func1", Healthy: 3},
			{StartFunc: "main.collect.func2", Healthy: 1},
		},
	})
}
