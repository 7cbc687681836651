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
	"syscall"
	"time"

	"golang.org/x/exp/trace"
)

func main() {
	dump := flag.Bool("dump", false, "print every event")
	summary := flag.Bool("summary", false, "print goroutine end-state counts (as leakline inspect --json counts them)")
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
	type gstate struct {
		state  trace.GoState
		reason string
	}
	gs := map[trace.GoID]*gstate{}
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
		if ev.Kind() == trace.EventStateTransition {
			if s := ev.StateTransition(); s.Resource.Kind == trace.ResourceGoroutine {
				from, to := s.Goroutine()
				g := gs[s.Resource.Goroutine()]
				if g == nil {
					g = &gstate{}
					gs[s.Resource.Goroutine()] = g
				}
				if from != to {
					g.state, g.reason = to, s.Reason
				}
			}
		}
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
	if *summary {
		ended, byState, byReason := 0, map[string]int{}, map[string]int{}
		for _, g := range gs {
			if g.state == trace.GoNotExist {
				ended++
				continue
			}
			byState[g.state.String()]++
			if g.state == trace.GoWaiting {
				r := g.reason
				if r == "" {
					r = "unknown"
				}
				byReason[r]++
			}
		}
		fmt.Fprintf(out, "summary total=%d ended=%d byState=%v byReason=%v\n", len(gs), ended, byState, byReason)
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	// Linux reports ru_maxrss in KiB.
	fmt.Fprintf(out, "{\"events\":%d,\"bytes\":%d,\"seconds\":%f,\"cpu\":%f,\"rssMB\":%f}\n", n, st.Size(), el.Seconds(), cpu.Seconds(), float64(ru.Maxrss)/1024)
}
