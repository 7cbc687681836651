// grep-like search: a scanner goroutine reads a file over an os.Pipe line by line and sends
// each line on a channel; the searcher returns at the first match. The scanner then blocks
// sending the next line. The writer feeding the pipe finished; a healthy pipe reader of another
// search whose writer is still streaming is parked in I/O and ends when its pipe closes.
package main

import (
	"bufio"
	"io"
	"os"
	"strings"

	"leakcorpus/internal/lab"
)

//go:noinline
func scanLines(r io.Reader) <-chan string {
	out := make(chan string)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			out <- sc.Text()
		}
		close(out)
	}()
	return out
}

func firstMatch(lines <-chan string, needle string) string {
	for ln := range lines {
		if strings.Contains(ln, needle) {
			return ln // the scanner is left mid-file
		}
	}
	return ""
}

func main() {
	var streamingW *os.File
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			r, w, err := os.Pipe()
			if err != nil {
				lab.Fail("%v", err)
			}
			go func() {
				io.WriteString(w, "alpha\nbeta ERROR disk\ngamma\ndelta\n")
				w.Close()
			}()
			if got := firstMatch(scanLines(r), "ERROR"); got == "" {
				lab.Fail("no match")
			}
			r2, w2, err := os.Pipe()
			if err != nil {
				lab.Fail("%v", err)
			}
			streamingW = w2
			lines := scanLines(r2)
			io.WriteString(w2, "first line\n")
			<-lines // still streaming: the writer is alive
			l.WaitParkedIn("main.scanLines.func1", "chan send", 1)
			l.WaitParkedIn("main.scanLines.func1", "IO wait", 1)
			go func() {
				for range lines {
				}
			}()
		},
		Release: func() { streamingW.Close() },
		Expect:  []lab.Expect{{StartFunc: "main.scanLines.func1", Leaked: 1, Healthy: 1}, {StartFunc: "main.main.func1.2", Healthy: 1}},
	})
}
