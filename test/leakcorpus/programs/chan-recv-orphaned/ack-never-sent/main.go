// A replication coordinator (still running its main loop) hands each batch to a shipper
// goroutine that waits for the coordinator's ack before deleting the batch. The coordinator
// acks only batches whose checksum matches and forgets the others, so their shippers wait for
// an ack that never comes while the coordinator serves on.
package main

import (
	"hash/crc32"

	"leakcorpus/internal/lab"
)

type batch struct {
	seq  int
	data []byte
	sum  uint32
	ack  chan bool
}

type coordinator struct {
	incoming chan *batch
	stop     chan struct{}
	applied  int
}

func (c *coordinator) run() {
	for {
		select {
		case b := <-c.incoming:
			if crc32.ChecksumIEEE(b.data) == b.sum {
				c.applied++
				b.ack <- true
			} // mismatch: logged and dropped, no nack
		case <-c.stop:
			return
		}
	}
}

//go:noinline
func ship(c *coordinator, b *batch) {
	go func() {
		c.incoming <- b
		if <-b.ack {
			b.data = nil // delete the local copy
		}
	}()
}

func main() {
	c := &coordinator{incoming: make(chan *batch), stop: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go c.run()
			for i := 0; i < 6; i++ {
				data := []byte{byte(i), 1, 2, 3}
				sum := crc32.ChecksumIEEE(data)
				if i%3 == 1 {
					sum++ // corrupted in transit
				}
				ship(c, &batch{seq: i, data: data, sum: sum, ack: make(chan bool)})
			}
			l.WaitParkedIn("main.ship.func1", "chan receive", 2)
			l.WaitParked("main.ship.func1", 2)
			l.WaitParked("main.(*coordinator).run", 1)
		},
		Release: func() { close(c.stop) },
		Expect: []lab.Expect{
			{StartFunc: "main.ship.func1", Leaked: 2},
			{StartFunc: "main.(*coordinator).run", Healthy: 1},
		},
	})
}
