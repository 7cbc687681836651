// Healthy: access to a serial device is serialised by a mutex, and the first command (INIT)
// takes the cold device a bounded 2 s (a sleep while holding the lock). Three commands queue in
// Lock behind it. Nothing needs releasing: the queue drains by itself.
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type device struct {
	mu      sync.Mutex
	latency time.Duration
	log     []string
}

func (d *device) exec(cmd string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	time.Sleep(d.latency)
	d.log = append(d.log, cmd)
	d.latency = 0 // the device is warm after the first command
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			d := &device{latency: 2 * time.Second}
			go d.exec("INIT")
			l.WaitParked("main.(*device).exec", 1)
			for _, c := range []string{"READ 0", "READ 1", "STATUS"} {
				go d.exec(c)
			}
			l.WaitParkedIn("main.(*device).exec", "sync.Mutex.Lock", 3)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*device).exec", Healthy: 4}},
	})
}
