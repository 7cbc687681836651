// A game server's tick loop reuses one WaitGroup across ticks to wait for its entity updates.
// A code path adds 1 for a despawned entity and never starts its update, so the count carries
// over: the tick that hits it waits forever, and the tick loop (which runs in its own
// goroutine per match) is stuck. Matches without despawns finished all their ticks.
package main

import (
	"sync"

	"leakcorpus/internal/lab"
)

type entity struct {
	x, vx     int
	despawned bool
}

type match struct {
	entities []*entity
	ticks    int
	wg       sync.WaitGroup
}

func (m *match) tick() {
	for _, e := range m.entities {
		m.wg.Add(1)
		if e.despawned {
			continue // never Done: the count leaks into the Wait below
		}
		go func(e *entity) {
			e.x += e.vx
			m.wg.Done()
		}(e)
	}
	m.wg.Wait()
}

func (m *match) play(ticks int) {
	for m.ticks = 0; m.ticks < ticks; m.ticks++ {
		if m.ticks == 2 && len(m.entities) > 2 {
			m.entities[1].despawned = true
		}
		m.tick()
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for _, n := range []int{2, 3, 1, 4} {
				m := &match{}
				for i := 0; i < n; i++ {
					m.entities = append(m.entities, &entity{vx: i + 1})
				}
				go m.play(5)
			}
			l.WaitParked("main.(*match).play", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*match).play", Leaked: 2}},
	})
}
