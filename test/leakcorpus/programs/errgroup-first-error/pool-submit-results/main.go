// Tasks go to a long-lived worker pool through Submit(func()). A batch job submits one task per
// shard; each task sends its shard's checksum on the batch's unbuffered channel. The job returns
// on the first bad shard, so the pool workers running the other tasks block inside them
// forever: the pool (the creator) is alive, and its stuck workers are the leak; its idle
// workers are healthy and exit when the pool closes.
package main

import (
	"errors"
	"hash/crc32"
	"time"

	"leakcorpus/internal/lab"
)

type pool struct{ tasks chan func() }

func newPool(n int) *pool {
	p := &pool{tasks: make(chan func())}
	for i := 0; i < n; i++ {
		go p.worker()
	}
	return p
}

func (p *pool) worker() {
	for t := range p.tasks {
		t()
	}
}

func (p *pool) Submit(t func()) { p.tasks <- t }
func (p *pool) Close()          { close(p.tasks) }

type shardResult struct {
	shard int
	sum   uint32
	err   error
}

//go:noinline
func verify(p *pool, shards [][]byte) error {
	res := make(chan shardResult)
	for i, s := range shards {
		i, s := i, s
		p.Submit(func() {
			if len(s) == 0 {
				res <- shardResult{shard: i, err: errors.New("empty shard")}
				return
			}
			time.Sleep(5 * time.Millisecond)
			res <- shardResult{shard: i, sum: crc32.ChecksumIEEE(s)}
		})
	}
	for range shards {
		if r := <-res; r.err != nil {
			return r.err
		}
	}
	return nil
}

func main() {
	var p *pool
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			p = newPool(6)
			if err := verify(p, [][]byte{{}, {1}, {2}, {3}}); err == nil {
				lab.Fail("want an error")
			}
			l.WaitParkedIn("main.(*pool).worker", "chan send", 3)
			l.WaitParkedIn("main.(*pool).worker", "chan receive", 3)
		},
		Release: func() { p.Close() },
		Expect:  []lab.Expect{{StartFunc: "main.(*pool).worker", Leaked: 3, Healthy: 3}},
	})
}
