// Healthy: a service handles requests each in its own goroutine; 10 requests came in, 7 were
// answered (finished siblings), 3 are still waiting for their database query to return (the
// database answers at release). Per-request goroutines parked on a reply channel look like an
// orphaned receiver — but their partner is alive and about to answer.
package main

import (
	"leakcorpus/internal/lab"
)

type query struct {
	sql   string
	reply chan []string
}

type database struct {
	queries chan query
	held    []query
	quit    chan struct{}
}

// serve answers fast queries at once and holds slow ones until release.
func (db *database) serve() {
	for {
		select {
		case q := <-db.queries:
			if len(q.sql) > 20 {
				db.held = append(db.held, q)
				continue
			}
			q.reply <- []string{"row"}
		case <-db.quit:
			for _, q := range db.held {
				q.reply <- []string{"slow row"}
			}
			return
		}
	}
}

func handle(db *database, sql string, done chan<- int) {
	q := query{sql: sql, reply: make(chan []string)}
	db.queries <- q
	done <- len(<-q.reply)
}

func main() {
	db := &database{queries: make(chan query), quit: make(chan struct{})}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			go db.serve()
			done := make(chan int, 16)
			for i := 0; i < 10; i++ {
				sql := "SELECT 1"
				if i%3 == 1 {
					sql = "SELECT * FROM events WHERE day > now() - 30"
				}
				go handle(db, sql, done)
			}
			for i := 0; i < 7; i++ {
				<-done
			}
			l.WaitParked("main.handle", 3)
			l.WaitParked("main.(*database).serve", 1)
		},
		Release: func() { close(db.quit) },
		Expect: []lab.Expect{
			{StartFunc: "main.handle", Healthy: 3},
			{StartFunc: "main.(*database).serve", Healthy: 1},
		},
	})
}
