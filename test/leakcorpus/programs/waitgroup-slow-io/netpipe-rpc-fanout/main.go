// Healthy: a coordinator sends one request to each of four replicas over synchronous net.Pipe
// connections and waits for all replies with a WaitGroup. The replicas received their requests
// and are still computing (waiting for their input to arrive), so the callers wait in I/O and
// the coordinator in Wait. At release the replicas answer.
package main

import (
	"io"
	"net"
	"sync"

	"leakcorpus/internal/lab"
)

type replica struct {
	conn  net.Conn
	input chan []byte
}

func (r *replica) serve() {
	req := make([]byte, 4)
	if _, err := io.ReadFull(r.conn, req); err != nil {
		return
	}
	data := <-r.input
	r.conn.Write(append(req[:2], data[:2]...))
}

func call(c net.Conn, wg *sync.WaitGroup, replies [][]byte, i int) {
	defer wg.Done()
	c.Write([]byte("GET1"))
	buf := make([]byte, 4)
	io.ReadFull(c, buf)
	replies[i] = buf
}

func coordinate(conns []net.Conn, done chan<- [][]byte) {
	var wg sync.WaitGroup
	replies := make([][]byte, len(conns))
	for i, c := range conns {
		wg.Add(1)
		go call(c, &wg, replies, i)
	}
	wg.Wait()
	done <- replies
}

func main() {
	var replicas []*replica
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			var conns []net.Conn
			for i := 0; i < 4; i++ {
				a, b := net.Pipe()
				r := &replica{conn: b, input: make(chan []byte, 1)}
				replicas = append(replicas, r)
				conns = append(conns, a)
				go r.serve()
			}
			go coordinate(conns, make(chan [][]byte, 1))
			l.WaitParkedIn("main.(*replica).serve", "chan receive", 4)
			l.WaitParked("main.call", 4)
			l.WaitParked("main.coordinate", 1)
		},
		Release: func() {
			for _, r := range replicas {
				r.input <- []byte("ok")
			}
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*replica).serve", Healthy: 4},
			{StartFunc: "main.call", Healthy: 4},
			{StartFunc: "main.coordinate", Healthy: 1},
		},
	})
}
