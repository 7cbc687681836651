// Readers of a replicated log wait on a Cond for new entries. The appender signals after it has
// written an entry under the log's write lock — but it needs the segment lock first, and the
// segment lock is held by a compactor that is blocked forever sending its report to a channel
// nobody reads. Readers (Cond) wait for an appender (Mutex) that waits for a compactor (chan).
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type replog struct {
	mu        sync.Mutex
	appended  *sync.Cond
	entries   []string
	segmentMu sync.Mutex
	reports   chan int
}

func newLog() *replog {
	l := &replog{reports: make(chan int)}
	l.appended = sync.NewCond(&l.mu)
	return l
}

func (l *replog) compact() {
	l.segmentMu.Lock()
	defer l.segmentMu.Unlock()
	l.reports <- len(l.entries) // the stats collector never reads
}

func (l *replog) append(e string) {
	l.segmentMu.Lock()
	defer l.segmentMu.Unlock()
	l.mu.Lock()
	l.entries = append(l.entries, e)
	l.mu.Unlock()
	l.appended.Broadcast()
}

func (l *replog) follow(from int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for len(l.entries) <= from {
		l.appended.Wait()
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(lb *lab.L) {
			rl := newLog()
			rl.append("e0")
			go rl.follow(1)
			go rl.follow(1)
			lb.WaitParked("main.(*replog).follow", 2)
			go rl.compact()
			lb.WaitParked("main.(*replog).compact", 1)
			go rl.append("e1")
			lb.WaitParked("main.(*replog).append", 1)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*replog).follow", Leaked: 2},
			{StartFunc: "main.(*replog).compact", Leaked: 1},
			{StartFunc: "main.(*replog).append", Leaked: 1},
		},
	})
}
