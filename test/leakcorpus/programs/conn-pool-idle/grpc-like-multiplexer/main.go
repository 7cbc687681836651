// Healthy: a multiplexed client connection (one net.Pipe, many streams) runs a read loop that
// demultiplexes frames to streams by id and a write loop that serialises outgoing frames; the
// server side runs its own read loop. No stream is active at the end of the trace: all three
// loops are parked. Closing the connection (release) ends them.
package main

import (
	"encoding/binary"
	"io"
	"net"
	"sync"

	"leakcorpus/internal/lab"
)

type muxConn struct {
	c       net.Conn
	out     chan []byte
	mu      sync.Mutex
	streams map[uint16]chan []byte
}

func (m *muxConn) readLoop() {
	hdr := make([]byte, 4)
	for {
		if _, err := io.ReadFull(m.c, hdr); err != nil {
			return
		}
		id, n := binary.BigEndian.Uint16(hdr), binary.BigEndian.Uint16(hdr[2:])
		body := make([]byte, n)
		if _, err := io.ReadFull(m.c, body); err != nil {
			return
		}
		m.mu.Lock()
		ch := m.streams[id]
		m.mu.Unlock()
		if ch != nil {
			ch <- body
		}
	}
}

func (m *muxConn) writeLoop() {
	for f := range m.out {
		if _, err := m.c.Write(f); err != nil {
			return
		}
	}
}

func frame(id uint16, body string) []byte {
	f := make([]byte, 4+len(body))
	binary.BigEndian.PutUint16(f, id)
	binary.BigEndian.PutUint16(f[2:], uint16(len(body)))
	copy(f[4:], body)
	return f
}

func echoServer(c net.Conn) {
	hdr := make([]byte, 4)
	for {
		if _, err := io.ReadFull(c, hdr); err != nil {
			return
		}
		body := make([]byte, binary.BigEndian.Uint16(hdr[2:]))
		io.ReadFull(c, body)
		c.Write(append(hdr, body...))
	}
}

func main() {
	var client *muxConn
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			a, b := net.Pipe()
			go echoServer(b)
			client = &muxConn{c: a, out: make(chan []byte), streams: map[uint16]chan []byte{}}
			go client.readLoop()
			go client.writeLoop()
			for id := uint16(1); id <= 3; id++ {
				ch := make(chan []byte, 1)
				client.mu.Lock()
				client.streams[id] = ch
				client.mu.Unlock()
				client.out <- frame(id, "ping")
				<-ch
			}
			l.WaitParked("main.(*muxConn).readLoop", 1)
			l.WaitParked("main.(*muxConn).writeLoop", 1)
			l.WaitParked("main.echoServer", 1)
		},
		Release: func() {
			close(client.out)
			client.c.Close()
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*muxConn).readLoop", Healthy: 1},
			{StartFunc: "main.(*muxConn).writeLoop", Healthy: 1},
			{StartFunc: "main.echoServer", Healthy: 1},
		},
	})
}
