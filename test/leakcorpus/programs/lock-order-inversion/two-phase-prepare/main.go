// Participants of a two-phase commit lock their own record in "prepare", tell the coordinator,
// and on "commit" lock the peer record to write the cross-reference. Every participant of a
// transaction locks its own record first, so two participants that reference each other
// deadlock after the commit broadcast; transactions with one-way references complete. A
// healthy coordinator loop keeps running for the next transaction.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type record struct {
	mu   sync.Mutex
	refs []string
}

type participant struct {
	own, peer *record
	name      string
}

func (p *participant) run(prepared chan<- string, commit <-chan struct{}) {
	p.own.mu.Lock()
	defer p.own.mu.Unlock()
	prepared <- p.name
	<-commit
	if p.peer != nil {
		p.peer.mu.Lock()
		p.peer.refs = append(p.peer.refs, p.name)
		p.peer.mu.Unlock()
	}
}

type coordinator struct {
	txs  chan []*participant
	stop chan struct{}
}

func (c *coordinator) loop() {
	for {
		select {
		case ps := <-c.txs:
			prepared := make(chan string, len(ps))
			commit := make(chan struct{})
			for _, p := range ps {
				go p.run(prepared, commit)
			}
			for range ps {
				<-prepared
			}
			close(commit)
		case <-c.stop:
			return
		}
	}
}

func main() {
	c := &coordinator{txs: make(chan []*participant), stop: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go c.loop()
			a, b := &record{}, &record{}
			c.txs <- []*participant{{own: a, peer: b, name: "a"}, {own: b, name: "b"}}
			l.WaitGone("main.(*participant).run")
			x, y, z := &record{}, &record{}, &record{}
			c.txs <- []*participant{{own: x, peer: y, name: "x"}, {own: y, peer: x, name: "y"}, {own: z, name: "z"}}
			l.WaitParked("main.(*participant).run", 2)
			l.WaitParked("main.(*coordinator).loop", 1)
		},
		Release: func() { close(c.stop) },
		Expect: []lab.Expect{
			{StartFunc: "main.(*participant).run", Leaked: 2},
			{StartFunc: "main.(*coordinator).loop", Healthy: 1},
		},
	})
}
