// Link(a, b) adds an undirected edge by locking a's adjacency list, then b's. A graph loader
// links nodes in file order while a repair job links the same pair in the reverse order; the
// two meet with one lock each. The loader waits for the repair job to announce it has started
// (its progress channel), which makes the overlap certain. Links of other pairs completed.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type node struct {
	mu    sync.Mutex
	id    int
	edges []int
}

type graph struct{ nodes []*node }

// link locks in argument order; started is called between the two locks (progress hook).
func (g *graph) link(a, b int, started func()) {
	na, nb := g.nodes[a], g.nodes[b]
	na.mu.Lock()
	defer na.mu.Unlock()
	started()
	nb.mu.Lock()
	defer nb.mu.Unlock()
	na.edges = append(na.edges, b)
	nb.edges = append(nb.edges, a)
}

//go:noinline
func (g *graph) linkAsync(a, b int, started func()) {
	go func() { g.link(a, b, started) }()
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			g := &graph{}
			for i := 0; i < 6; i++ {
				g.nodes = append(g.nodes, &node{id: i})
			}
			noop := func() {}
			g.linkAsync(0, 1, noop)
			g.linkAsync(2, 3, noop)
			g.linkAsync(4, 5, noop)
			l.WaitGone("main.(*graph).linkAsync.func1")
			repairHolds := make(chan struct{})
			loaderHolds := make(chan struct{})
			g.linkAsync(3, 2, func() { close(repairHolds); <-loaderHolds })
			<-repairHolds
			g.linkAsync(2, 3, func() { close(loaderHolds) })
			l.WaitParkedIn("main.(*graph).linkAsync.func1", "sync.Mutex.Lock", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*graph).linkAsync.func1", Leaked: 2}},
	})
}
