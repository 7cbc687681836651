// Healthy: a game server runs each room as an actor with a mailbox of player commands and a
// broadcast goroutine per room fanning state to players. Two rooms are open and idle between
// moves; one room ended during the trace (its goroutines finished). Closing the server
// (release) closes the remaining rooms.
package main

import (
	"leakcorpus/internal/lab"
)

type room struct {
	cmds   chan string
	states chan int
	moves  int
}

func openRoom() *room {
	r := &room{cmds: make(chan string), states: make(chan int)}
	go r.play()
	go r.broadcast()
	return r
}

func (r *room) play() {
	defer close(r.states)
	for c := range r.cmds {
		if c == "resign" {
			return
		}
		r.moves++
		r.states <- r.moves
	}
}

func (r *room) broadcast() {
	for range r.states {
	}
}

func main() {
	var open []*room
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i := 0; i < 3; i++ {
				r := openRoom()
				r.cmds <- "e4"
				r.cmds <- "e5"
				if i == 1 {
					r.cmds <- "resign"
				} else {
					open = append(open, r)
				}
			}
			l.WaitParked("main.(*room).play", 2)
			l.WaitParked("main.(*room).broadcast", 2)
		},
		Release: func() {
			for _, r := range open {
				close(r.cmds)
			}
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*room).play", Healthy: 2},
			{StartFunc: "main.(*room).broadcast", Healthy: 2},
		},
	})
}
