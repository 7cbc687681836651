// Stream multiplexers are kept in a package-level map for the admin page. Each mux goroutine
// selects between its audio and video inputs with no stop case; once a stream ends its
// encoders stop sending but the mux stays selecting, reachable from the global map, so the GC
// cannot prove it: labelled by release. Open streams' muxes are healthy: their inputs close.
package main

import (
	"fmt"
	"sync"

	"leakcorpus/internal/lab"
)

type mux struct {
	audio, video chan []byte
	out          chan []byte
	frames       int
}

var (
	muxMu sync.Mutex
	muxes = map[string]*mux{}
)

func openStream(id string) *mux {
	m := &mux{audio: make(chan []byte), video: make(chan []byte), out: make(chan []byte, 128)}
	muxMu.Lock()
	muxes[id] = m
	muxMu.Unlock()
	go m.run()
	return m
}

func (m *mux) run() {
	for {
		select {
		case a, ok := <-m.audio:
			if !ok {
				return
			}
			m.out <- a
		case v := <-m.video:
			m.frames++
			m.out <- v
		}
	}
}

func main() {
	var live []*mux
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i := 0; i < 5; i++ {
				m := openStream(fmt.Sprintf("stream-%d", i))
				m.audio <- []byte{1}
				m.video <- []byte{2}
				if i < 2 {
					live = append(live, m) // still streaming at the end of the trace
				} // the others ended: their encoders just stopped sending
			}
			l.WaitParked("main.(*mux).run", 5)
		},
		Release: func() {
			for _, m := range live {
				close(m.audio)
			}
		},
		Expect: []lab.Expect{{StartFunc: "main.(*mux).run", Leaked: 3, Healthy: 2}},
	})
}
