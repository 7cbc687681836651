// A poller's Stop calls ticker.Stop() and returns, believing that ends the loop — but Stop does
// not close the ticker's channel, so `for range p.t.C` waits forever on a channel that will
// never deliver. Pollers that were asked to stop through their done channel (the fixed code
// path in another package) ended.
package main

import (
	"time"

	"leakcorpus/internal/lab"
)

type poller struct {
	t     *time.Ticker
	done  chan struct{}
	polls int
}

func newPoller(d time.Duration) *poller {
	return &poller{t: time.NewTicker(d), done: make(chan struct{})}
}

func (p *poller) rangeLoop() {
	for range p.t.C {
		p.polls++
	}
}

func (p *poller) selectLoop() {
	for {
		select {
		case <-p.t.C:
			p.polls++
		case <-p.done:
			return
		}
	}
}

func (p *poller) StopRange()  { p.t.Stop() }                // the bug: the range never ends
func (p *poller) StopSelect() { p.t.Stop(); close(p.done) } // correct

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			var fixed []*poller
			for i := 0; i < 2; i++ {
				p := newPoller(30 * time.Millisecond)
				go p.selectLoop()
				fixed = append(fixed, p)
			}
			var buggy []*poller
			for i := 0; i < 3; i++ {
				p := newPoller(30 * time.Millisecond)
				go p.rangeLoop()
				buggy = append(buggy, p)
			}
			for _, p := range fixed {
				p.StopSelect()
			}
			for _, p := range buggy {
				p.StopRange()
			}
			l.WaitGone("main.(*poller).selectLoop")
			l.WaitParked("main.(*poller).rangeLoop", 3)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*poller).rangeLoop", Leaked: 3}},
	})
}
