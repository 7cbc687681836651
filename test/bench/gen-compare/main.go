// Command gen-compare writes two goroutine snapshots of one process for `npm run bench:compare`:
//
//	gen-compare <dir>   <dir>/compare-a.{pb.gz,debug2.txt}: 100,000 goroutines in 24 distinct
//	                    stacks (4 wait kinds × 6 recursion depths), each goroutine labelled
//	                    conn=i%25000 so the proto holds ~25,000 distinct samples;
//	                    <dir>/compare-b.{pb.gz,debug2.txt}: the same process later: one group
//	                    grew by 3,000, one group's goroutines exited, 20 new stacks appeared
//	                    with 50 goroutines each.
//
// Stacks stay shallow and the build uses -trimpath so the debug=2 dump (~450 bytes a goroutine)
// stays below the 64 MiB at which runtime/pprof truncates it.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"sync"
	"time"
)

const (
	total  = 100_000
	kinds  = 4
	depths = 6
	labels = 25_000
)

var (
	// Separate channels: a sender and a receiver on one channel would pair up and both exit.
	noSender   = make(chan struct{}) // receivers park here for good
	noReceiver = make(chan struct{}) // senders park here for good
	release    = map[int]chan struct{}{}
	parked     sync.WaitGroup
	next       int
)

//go:noinline
func descend(depth, kind int, quit chan struct{}) {
	if depth > 0 {
		descend(depth-1, kind, quit)
		return
	}
	parked.Done()
	switch kind {
	case 0:
		select {
		case <-noSender:
		case <-quit:
		}
	case 1:
		select {
		case noReceiver <- struct{}{}:
		case <-quit:
		}
	case 2:
		select {
		case <-noSender:
		case <-quit:
		case noReceiver <- struct{}{}:
		}
	default:
		for {
			select {
			case <-quit:
				return
			case <-noSender:
			}
		}
	}
}

func spawn(n, depth, kind int, quit chan struct{}) {
	parked.Add(n)
	for i := 0; i < n; i++ {
		conn := strconv.Itoa(next % labels)
		next++
		go func() {
			// SetGoroutineLabels rather than pprof.Do: no extra frames, a smaller debug=2 dump.
			pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels("conn", conn)))
			descend(depth, kind, quit)
		}()
	}
	parked.Wait()
}

func write(dir, name string) {
	for _, d := range []struct {
		debug int
		ext   string
	}{{0, "pb.gz"}, {2, "debug2.txt"}} {
		f, err := os.Create(filepath.Join(dir, name+"."+d.ext))
		if err != nil {
			panic(err)
		}
		if err := pprof.Lookup("goroutine").WriteTo(f, d.debug); err != nil {
			panic(err)
		}
		f.Close()
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen-compare <dir>")
		os.Exit(2)
	}
	dir := os.Args[1]
	per := total / (kinds * depths)
	for k := 0; k < kinds; k++ {
		for d := 0; d < depths; d++ {
			q := make(chan struct{})
			release[k*depths+d] = q
			spawn(per, d, k, q)
		}
	}
	write(dir, "compare-a")
	// Growth in one group, shrinkage in another, new stacks (deeper than any before).
	spawn(3000, 3, 0, release[3])
	shrinking := release[1*depths+3]
	delete(release, 1*depths+3)
	close(shrinking) // all 500 of that group exit
	for d := depths; d < depths+20; d++ {
		spawn(50, d, 2, make(chan struct{}))
	}
	// Wait until the released group has really gone (main + the new ones remain).
	for pprof.Lookup("goroutine").Count() > 1+total+3000-per+20*50 {
		time.Sleep(10 * time.Millisecond)
	}
	write(dir, "compare-b")
}
