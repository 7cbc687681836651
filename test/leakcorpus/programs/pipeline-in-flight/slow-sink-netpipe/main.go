// Healthy: an encoder stage hands frames to a sender that writes them to a peer over a
// synchronous net.Pipe; the peer reads slowly and has not read the current frame yet. The
// sender is blocked writing, the encoder blocked handing over the next frame: back-pressure
// with a live peer. At release the peer reads everything and the stages finish.
package main

import (
	"io"
	"net"

	"leakcorpus/internal/lab"
)

func encode(frames int, out chan<- []byte) {
	for i := 0; i < frames; i++ {
		out <- []byte{byte(i), 0xAA, 0xBB, 0xCC}
	}
	close(out)
}

func send(c net.Conn, in <-chan []byte) {
	for f := range in {
		if _, err := c.Write(f); err != nil {
			return
		}
	}
	c.Close()
}

func main() {
	var peer net.Conn
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			a, b := net.Pipe()
			peer = b
			frames := make(chan []byte)
			go encode(6, frames)
			go send(a, frames)
			buf := make([]byte, 4)
			io.ReadFull(peer, buf) // the peer read one frame so far
			l.WaitParked("main.send", 1)
			l.WaitParked("main.encode", 1)
		},
		Release: func() { go io.Copy(io.Discard, peer) },
		Expect: []lab.Expect{
			{StartFunc: "main.send", Healthy: 1},
			{StartFunc: "main.encode", Healthy: 1},
		},
	})
}
