// Healthy: a daemon reloads its config on SIGHUP and drains on SIGUSR2. The reload loop waits
// on its signal channel for the whole trace (the signal never came yet); the drain waiter waits
// on a second channel. At release the process sends itself SIGUSR2: the drain waiter wakes,
// stops the reloader through its quit channel, and both exit.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"leakcorpus/internal/lab"
)

type daemon struct {
	reloads int
	quit    chan struct{}
}

func (d *daemon) reloadLoop(hup <-chan os.Signal) {
	for {
		select {
		case <-hup:
			d.reloads++
		case <-d.quit:
			return
		}
	}
}

func (d *daemon) drainOn(sig <-chan os.Signal) {
	<-sig
	close(d.quit)
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			d := &daemon{quit: make(chan struct{})}
			hup := make(chan os.Signal, 1)
			signal.Notify(hup, syscall.SIGHUP)
			usr2 := make(chan os.Signal, 1)
			signal.Notify(usr2, syscall.SIGUSR2)
			go d.reloadLoop(hup)
			go d.drainOn(usr2)
			l.WaitParked("main.(*daemon).reloadLoop", 1)
			l.WaitParked("main.(*daemon).drainOn", 1)
		},
		Release: func() { syscall.Kill(os.Getpid(), syscall.SIGUSR2) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*daemon).reloadLoop", Healthy: 1},
			{StartFunc: "main.(*daemon).drainOn", Healthy: 1},
		},
	})
}
