// A fan-out over three storage backends waits for all of them with a WaitGroup before
// replying. One backend's goroutine blocks forever receiving a response from a connection that
// was dropped from the connection pool, so its Done never comes: the waiter waits on a
// WaitGroup whose last Done belongs to a leaked goroutine. The pool's healthy idle keeper parks
// beside them.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type conn struct {
	addr string
	resp chan []byte
}

type connPool struct {
	mu   sync.Mutex
	idle []*conn
	quit chan struct{}
}

func (p *connPool) keeper() { <-p.quit }

func (p *connPool) get(addr string) *conn {
	p.mu.Lock()
	defer p.mu.Unlock()
	return &conn{addr: addr, resp: make(chan []byte, 1)}
}

func (c *conn) roundTrip(req []byte, dropped bool) []byte {
	if !dropped {
		c.resp <- append([]byte("ok:"), req...)
	}
	return <-c.resp
}

//go:noinline
func writeAll(p *connPool, key []byte, replies chan<- int) {
	var wg sync.WaitGroup
	acks := make([]int, 3)
	for i, addr := range []string{"s3", "gcs", "azure"} {
		wg.Add(1)
		i, addr := i, addr
		go func() {
			defer wg.Done()
			acks[i] = len(p.get(addr).roundTrip(key, addr == "gcs"))
		}()
	}
	go func() {
		wg.Wait()
		replies <- acks[0] + acks[1] + acks[2]
	}()
}

func main() {
	p := &connPool{quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go p.keeper()
			writeAll(p, []byte("k1"), make(chan int, 1))
			l.WaitParked("main.writeAll.func1", 1)
			l.WaitParked("main.writeAll.func2", 1)
			l.WaitParked("main.(*connPool).keeper", 1)
		},
		Release: func() { close(p.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.writeAll.func1", Leaked: 1},
			{StartFunc: "main.writeAll.func2", Leaked: 1},
			{StartFunc: "main.(*connPool).keeper", Healthy: 1},
		},
	})
}
