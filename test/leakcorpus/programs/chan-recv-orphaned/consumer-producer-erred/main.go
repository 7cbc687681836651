// An importer starts a consumer per file that waits for the file's decoded header on a channel;
// the producer bails out on a corrupt file before sending, so that consumer waits forever. The
// consumers of good files finished (siblings of the same function). An idle progress reporter
// owned by the importer parks until Close.
package main

import (
	"errors"
	"sync"

	"leakcorpus/internal/lab"
)

type header struct{ rows int }

type importer struct {
	progress chan int
	wg       sync.WaitGroup
	total    int
	mu       sync.Mutex
}

func (im *importer) report() {
	for n := range im.progress {
		im.mu.Lock()
		im.total += n
		im.mu.Unlock()
	}
}

func decode(name string) (header, error) {
	if name[0] == '!' {
		return header{}, errors.New("corrupt " + name)
	}
	return header{rows: len(name)}, nil
}

//go:noinline
func (im *importer) importFile(name string) error {
	hdr := make(chan header)
	go func() {
		h := <-hdr
		im.progress <- h.rows
	}()
	h, err := decode(name)
	if err != nil {
		return err // the consumer is never fed
	}
	hdr <- h
	return nil
}

func main() {
	im := &importer{progress: make(chan int, 8)}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go im.report()
			failed := 0
			for _, f := range []string{"a.csv", "!b.csv", "c.csv", "!d.csv", "e.csv"} {
				if im.importFile(f) != nil {
					failed++
				}
			}
			l.WaitParked("main.(*importer).importFile.func1", failed)
			l.WaitParked("main.(*importer).report", 1)
		},
		Release: func() { close(im.progress) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*importer).importFile.func1", Leaked: 2},
			{StartFunc: "main.(*importer).report", Healthy: 1},
		},
	})
}
