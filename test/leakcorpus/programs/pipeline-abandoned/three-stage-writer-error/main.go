// parse → enrich → write, each stage a goroutine connected by unbuffered channels. The writer
// (run by the caller) returns on its first write error; enrich blocks sending to it and parse
// blocks sending to enrich: the whole upstream of a failed sink is stuck.
package main

import (
	"errors"
	"strings"

	"leakcorpus/internal/lab"
)

type row struct {
	fields []string
	geo    string
}

func parse(lines []string, out chan<- row) {
	for _, ln := range lines {
		out <- row{fields: strings.Split(ln, ",")}
	}
	close(out)
}

func enrich(in <-chan row, out chan<- row) {
	for r := range in {
		r.geo = "eu-" + r.fields[0]
		out <- r
	}
	close(out)
}

func write(in <-chan row, quota int) error {
	n := 0
	for range in {
		n++
		if n > quota {
			return errors.New("disk quota exceeded")
		}
	}
	return nil
}

func importCSV(lines []string, quota int) error {
	parsed, enriched := make(chan row), make(chan row)
	go parse(lines, parsed)
	go enrich(parsed, enriched)
	return write(enriched, quota)
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			lines := []string{"1,a", "2,b", "3,c", "4,d", "5,e", "6,f"}
			if err := importCSV(lines, 10); err != nil {
				lab.Fail("%v", err)
			}
			if err := importCSV(lines, 2); err == nil {
				lab.Fail("want a quota error")
			}
			l.WaitParked("main.enrich", 1)
			l.WaitParked("main.parse", 1)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.enrich", Leaked: 1},
			{StartFunc: "main.parse", Leaked: 1},
		},
	})
}
