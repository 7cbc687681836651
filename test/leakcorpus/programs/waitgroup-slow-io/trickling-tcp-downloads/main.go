// Healthy: a mirror downloads three files in parallel from a loopback TCP server and waits for
// all of them with a WaitGroup. The server sent the headers and is holding back the rest (slow
// origin): the downloaders wait in I/O, the joiner in WaitGroup.Wait. At release the server
// finishes sending and closes; the downloads complete and the joiner returns.
package main

import (
	"io"
	"net"
	"sync"

	"leakcorpus/internal/lab"
)

type origin struct {
	ln   net.Listener
	gate chan struct{}
}

func (o *origin) serve() {
	for {
		c, err := o.ln.Accept()
		if err != nil {
			return
		}
		go o.send(c)
	}
}

func (o *origin) send(c net.Conn) {
	defer c.Close()
	io.WriteString(c, "HEADER\n")
	<-o.gate
	io.WriteString(c, "BODY\n")
}

func download(addr string, wg *sync.WaitGroup, sizes chan<- int) {
	defer wg.Done()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return
	}
	defer c.Close()
	b, _ := io.ReadAll(c)
	sizes <- len(b)
}

func mirror(addr string, n int, done chan<- int) {
	var wg sync.WaitGroup
	sizes := make(chan int, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go download(addr, &wg, sizes)
	}
	wg.Wait()
	done <- len(sizes)
}

func main() {
	var o *origin
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				lab.Fail("%v", err)
			}
			o = &origin{ln: ln, gate: make(chan struct{})}
			go o.serve()
			go mirror(ln.Addr().String(), 3, make(chan int, 1))
			l.WaitParked("main.(*origin).send", 3)
			l.WaitParked("main.download", 3)
			l.WaitParked("main.mirror", 1)
		},
		Release: func() { close(o.gate); o.ln.Close() },
		Expect: []lab.Expect{
			{StartFunc: "main.(*origin).serve", Healthy: 1},
			{StartFunc: "main.(*origin).send", Healthy: 3},
			{StartFunc: "main.download", Healthy: 3},
			{StartFunc: "main.mirror", Healthy: 1},
		},
	})
}
