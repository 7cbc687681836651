// Healthy: a read-through cache fills a missing key under its mutex (no singleflight), so
// concurrent readers queue on the lock while the filler waits for the slow origin over TCP.
// The origin server responds at release; the filler stores the value and unlocks, and the
// queued readers find it cached.
package main

import (
	"bufio"
	"net"
	"sync"

	"leakcorpus/internal/lab"
)

type cache struct {
	mu     sync.Mutex
	vals   map[string]string
	origin string
}

func (c *cache) get(key string, out chan<- string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.vals[key]; ok {
		out <- v
		return
	}
	conn, err := net.Dial("tcp", c.origin)
	if err != nil {
		out <- ""
		return
	}
	defer conn.Close()
	conn.Write([]byte(key + "\n"))
	v, _ := bufio.NewReader(conn).ReadString('\n')
	c.vals[key] = v
	out <- v
}

func main() {
	var ln net.Listener
	answer := make(chan struct{})
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			var err error
			ln, err = net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			go func() {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				defer c.Close()
				bufio.NewReader(c).ReadString('\n')
				<-answer
				c.Write([]byte("v1\n"))
			}()
			cc := &cache{vals: map[string]string{}, origin: ln.Addr().String()}
			out := make(chan string, 8)
			for i := 0; i < 4; i++ {
				go cc.get("user:42", out)
			}
			l.WaitParkedIn("main.(*cache).get", "sync.Mutex.Lock", 3)
			l.WaitParkedIn("main.(*cache).get", "IO wait", 1)
			l.WaitParked("main.main.func1.1", 1)
		},
		Release: func() { close(answer); ln.Close() },
		Expect: []lab.Expect{
			{StartFunc: "main.(*cache).get", Healthy: 4},
			{StartFunc: "main.main.func1.1", Healthy: 1},
		},
	})
}
