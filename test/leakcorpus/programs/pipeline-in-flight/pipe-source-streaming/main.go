// Healthy: read → parse → store over an os.Pipe whose writer (another process, here a goroutine
// the release drives) is still streaming. At the end of the trace the reader waits for bytes,
// the parser for lines, the store for records: all blocked, all with live partners upstream.
// The writer sends the rest and closes the pipe at release; the pipeline drains and ends.
package main

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"

	"leakcorpus/internal/lab"
)

func readLines(r io.Reader, out chan<- string) {
	defer close(out)
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		out <- sc.Text()
	}
}

func parse(in <-chan string, out chan<- int) {
	defer close(out)
	for ln := range in {
		if n, err := strconv.Atoi(strings.TrimSpace(ln)); err == nil {
			out <- n
		}
	}
}

type store struct{ sum int }

func (s *store) consume(in <-chan int, done chan<- int) {
	for n := range in {
		s.sum += n
	}
	done <- s.sum
}

func main() {
	var w *os.File
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			r, pw, err := os.Pipe()
			if err != nil {
				lab.Fail("%v", err)
			}
			w = pw
			lines, nums, done := make(chan string), make(chan int), make(chan int, 1)
			go readLines(r, lines)
			go parse(lines, nums)
			s := &store{}
			go s.consume(nums, done)
			io.WriteString(w, "1\n2\n3\n")
			l.WaitParkedIn("main.readLines", "IO wait", 1)
			l.WaitParked("main.parse", 1)
			l.WaitParked("main.(*store).consume", 1)
		},
		Release: func() {
			io.WriteString(w, "4\n5\n")
			w.Close()
		},
		Expect: []lab.Expect{
			{StartFunc: "main.readLines", Healthy: 1},
			{StartFunc: "main.parse", Healthy: 1},
			{StartFunc: "main.(*store).consume", Healthy: 1},
		},
	})
}
