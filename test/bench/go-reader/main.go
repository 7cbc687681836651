// Reads every event of a Go execution trace with golang.org/x/exp/trace and prints counts.
// Used by `npm run bench` as the reference reader, and with -dump to print one line per event
// (time, kind, context, transition) for debugging the TypeScript parser against Go.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/exp/trace"
)

func main() {
	dump := flag.Bool("dump", false, "print every event")
	flag.Parse()
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer f.Close()
	st, _ := f.Stat()
	start := time.Now()
	r, err := trace.NewReader(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	n := 0
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintf(out, "error: %v\n", err)
			break
		}
		n++
		if *dump {
			line := fmt.Sprintf("%d %s G=%d P=%d M=%d", ev.Time(), ev.Kind(), ev.Goroutine(), ev.Proc(), ev.Thread())
			if ev.Kind() == trace.EventStateTransition {
				s := ev.StateTransition()
				if s.Resource.Kind == trace.ResourceGoroutine {
					from, to := s.Goroutine()
					line += fmt.Sprintf(" g%d %s->%s %q", s.Resource.Goroutine(), from, to, s.Reason)
				} else if s.Resource.Kind == trace.ResourceProc {
					from, to := s.Proc()
					line += fmt.Sprintf(" p%d %s->%s", s.Resource.Proc(), from, to)
				}
			}
			fmt.Fprintln(out, line)
		}
	}
	el := time.Since(start)
	fmt.Fprintf(out, "{\"events\":%d,\"bytes\":%d,\"seconds\":%f}\n", n, st.Size(), el.Seconds())
}
