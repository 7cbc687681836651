// Package lab is the harness every corpus program hands itself to (docs/leak-corpus.md, "A run"):
// trace on, the program's Run, a tail of background work, trace off, goroutine profiles (and the
// runtime's goroutineleak proof where the toolchain has it), then Release and a watch of which
// goroutines exit. Every goroutine parked when the trace stopped gets a label from what the
// machine saw, never from the program's declaration; the declaration (Expect) only catches
// mistakes. Standard library only, Go 1.22.
package lab

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"runtime/trace"
	"sort"
	"strings"
	"time"

	"leakcorpus/internal/corpus"
)

// Expect declares, per start function, how many of the goroutines parked when the trace stops
// the program means to leak and how many are healthy waiters its Release lets go. StartFunc
// is the bottom frame of the goroutine's debug=2 stack ("main.(*cache).janitor",
// "main.fetch.func1"); a `gowrapN` suffix matches any N.
type Expect struct {
	StartFunc string
	Leaked    int
	Healthy   int
}

// Program is what a corpus program hands to Main.
type Program struct {
	// Run starts the program's goroutines and returns once its scenario has played out
	// (synchronising with L.WaitParked / L.WaitUntil, not with sleeps, where it can).
	Run func(l *L)
	// Release lets every healthy waiter finish (cancel, close, Stop, Signal, Unlock, Shutdown)
	// and must not touch what the leaked goroutines wait on. It may return before they exit.
	Release func()
	Expect  []Expect
	// TraceBeforeOnly: the scenario must play out under the trace, so the generator's
	// "start the trace after Run" is overridden (labels.json records what was done).
	TraceBeforeOnly bool
}

// L gives Run its synchronisation helpers.
type L struct{}

// Fail aborts the run: the generator treats exit 1 as a failed program.
func Fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "lab: "+format+"\n", args...)
	os.Exit(1)
}

// Main runs the program under the generator's surroundings and writes the outputs to -out.
func Main(p Program) {
	out := flag.String("out", "out", "output directory")
	name := flag.String("name", "", "family/program, recorded in labels.json")
	procs := flag.Int("gomaxprocs", 2, "GOMAXPROCS for the run")
	start := flag.String("trace-start", "before", "start the trace before or after Run")
	tail := flag.Duration("tail", 100*time.Millisecond, "how long the program runs on after Run before the trace stops")
	flag.Parse()
	if *start != "before" && *start != "after" {
		Fail("-trace-start %q: want before or after", *start)
	}
	if p.TraceBeforeOnly {
		*start = "before"
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		Fail("%v", err)
	}
	runtime.GOMAXPROCS(*procs)
	family, _, _ := strings.Cut(*name, "/")
	labels := corpus.Labels{
		Program: *name, Family: family, Kind: "program", GoVersion: runtime.Version(),
		Surroundings: corpus.Surroundings{GOMAXPROCS: *procs, TraceStart: *start, TailMs: int(*tail / time.Millisecond)},
	}

	tf, err := os.Create(filepath.Join(*out, "trace.out"))
	if err != nil {
		Fail("%v", err)
	}
	// No collection while tracing: the programs allocate a few MB at most, and a GC cycle
	// inside a 20 ms trace adds ~25k background-sweeper yields (~250 KB) that say nothing
	// about the program. Restored before the profiles (the leak proof runs its own GCs).
	runtime.GC()
	gcPercent := debug.SetGCPercent(-1)
	if *start == "before" {
		startTrace(tf)
	}
	l := &L{}
	p.Run(l)
	if *start == "after" {
		startTrace(tf)
	}
	time.Sleep(*tail)
	// A ticker-driven goroutine caught mid-tick would be parked in one run and running in
	// the next; wait (≤ 1 s) for a moment when all of the program's goroutines are parked.
	poll("program goroutines parked before the trace stops", time.Second, func() string {
		for _, g := range Goroutines() {
			if !corpus.NotTheProgram(g) && !g.Parked() {
				return fmt.Sprintf("g%d %s [%s]", g.ID, g.StartFunc(), g.WaitReason)
			}
		}
		return ""
	}, false)
	trace.Stop()
	if err := tf.Close(); err != nil {
		Fail("%v", err)
	}
	debug.SetGCPercent(gcPercent)

	parked := capture(*out)
	proven := captureLeakProfile(*out)
	if p.Release != nil {
		p.Release()
	}
	survivors := watchRelease(parked, p.Expect)
	for _, g := range parked {
		lb := corpus.Label{ID: g.ID, StartFunc: g.StartFunc(), WaitReason: g.WaitReason, BlockedIn: g.BlockedIn()}
		switch {
		case proven[g.ID] && !survivors[g.ID]:
			Fail("g%d (%s [%s]) was proven leaked by the GC but exited after Release: the program's Release touched a leaked goroutine's wait", g.ID, lb.StartFunc, lb.WaitReason)
		case proven[g.ID]:
			lb.Label, lb.How = "leaked", "gc-proof"
		case survivors[g.ID]:
			lb.Label, lb.How = "leaked", "release"
		default:
			lb.Label, lb.How = "healthy", "release"
		}
		labels.Goroutines = append(labels.Goroutines, lb)
	}
	if err := labels.Validate(); err != nil {
		Fail("labels: %v", err)
	}
	if msg := compareExpect(labels, p.Expect); msg != "" {
		Fail("labels disagree with the program's Expect:\n%s", msg)
	}
	if err := labels.Write(filepath.Join(*out, "labels.json")); err != nil {
		Fail("%v", err)
	}
	os.Exit(0)
}

func startTrace(f *os.File) {
	if err := trace.Start(f); err != nil {
		Fail("trace: %v", err)
	}
}

// capture writes goroutine.{debug2.txt,debug1.txt,pb.gz} and returns the program's goroutines
// parked in the debug=2 dump: the goroutines that get labels.
func capture(out string) []corpus.Goroutine {
	d2 := profileBytes("goroutine", 2)
	writeFile(filepath.Join(out, "goroutine.debug2.txt"), d2)
	writeFile(filepath.Join(out, "goroutine.debug1.txt"), profileBytes("goroutine", 1))
	writeFile(filepath.Join(out, "goroutine.pb.gz"), profileBytes("goroutine", 0))
	var parked []corpus.Goroutine
	for _, g := range corpus.ParseDump(string(d2)) {
		if corpus.NotTheProgram(g) {
			continue
		}
		if !g.Parked() {
			// Woken between the last poll and the capture (a poller's sleep ended): this run
			// would label one goroutine fewer than the next. The generator runs it again.
			Fail("g%d (%s) was %s when the profiles were captured; run again", g.ID, g.StartFunc(), g.WaitReason)
		}
		parked = append(parked, g)
	}
	return parked
}

// captureLeakProfile writes goroutineleak.{debug2.txt,pb.gz} where the runtime has the profile
// and returns the ids it proves leaked. Each request runs its own detection GC; the debug=0
// form is taken between two debug=2 forms that must agree, so all three describe one set.
func captureLeakProfile(out string) map[int64]bool {
	if pprof.Lookup("goroutineleak") == nil {
		return map[int64]bool{}
	}
	for attempt := 1; ; attempt++ {
		a := profileBytes("goroutineleak", 2)
		p0 := profileBytes("goroutineleak", 0)
		b := profileBytes("goroutineleak", 2)
		ida, idb := leakedIDs(a), leakedIDs(b)
		if sameSet(ida, idb) || attempt == 5 {
			writeFile(filepath.Join(out, "goroutineleak.debug2.txt"), b)
			writeFile(filepath.Join(out, "goroutineleak.pb.gz"), p0)
			if !sameSet(ida, idb) {
				Fail("goroutineleak: two detection GCs disagree after 5 tries")
			}
			return idb
		}
	}
}

func leakedIDs(d2 []byte) map[int64]bool {
	m := map[int64]bool{}
	for _, g := range corpus.ParseDump(string(d2)) {
		if g.Leaked {
			m[g.ID] = true
		}
	}
	return m
}

func sameSet(a, b map[int64]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// watchRelease polls the process's goroutines after Release until the parked goroutines still
// alive are the ones the program declares leaked and stay so for 100 ms, or 5 s pass. The
// declaration only decides when to stop looking: the labels are what was seen.
func watchRelease(parked []corpus.Goroutine, expect []Expect) map[int64]bool {
	alive := func() map[int64]bool {
		now := map[int64]bool{}
		for _, g := range Goroutines() {
			now[g.ID] = true
		}
		m := map[int64]bool{}
		for _, g := range parked {
			if now[g.ID] {
				m[g.ID] = true
			}
		}
		return m
	}
	want := map[string]int{}
	for _, e := range expect {
		want[corpus.CountKey(e.StartFunc, "")] += e.Leaked
	}
	matches := func(s map[int64]bool) bool {
		got := map[string]int{}
		for _, g := range parked {
			if s[g.ID] {
				got[corpus.CountKey(g.StartFunc(), "")]++
			}
		}
		for k, n := range want {
			if got[k] != n {
				return false
			}
		}
		for k, n := range got {
			if want[k] != n {
				return false
			}
		}
		return true
	}
	deadline := time.Now().Add(5 * time.Second)
	var stableSince time.Time
	last := alive()
	d := time.Millisecond
	for time.Now().Before(deadline) {
		time.Sleep(d)
		if d < 20*time.Millisecond {
			d *= 2
		}
		cur := alive()
		if !sameSet(cur, last) {
			last, stableSince = cur, time.Time{}
			continue
		}
		if !matches(cur) {
			continue
		}
		if stableSince.IsZero() {
			stableSince = time.Now()
		} else if time.Since(stableSince) >= 100*time.Millisecond {
			return cur
		}
	}
	return alive()
}

// compareExpect: per start function, the machine's leaked/healthy counts against the program's
// declaration; "" when they agree.
func compareExpect(labels corpus.Labels, expect []Expect) string {
	want := map[string]int{}
	for _, e := range expect {
		if e.Leaked > 0 {
			want[corpus.CountKey(e.StartFunc, "leaked")] += e.Leaked
		}
		if e.Healthy > 0 {
			want[corpus.CountKey(e.StartFunc, "healthy")] += e.Healthy
		}
	}
	got := labels.Counts()
	var diffs []string
	for k, n := range want {
		if got[k] != n {
			diffs = append(diffs, fmt.Sprintf("  %s: declared %d, labelled %d", k, n, got[k]))
		}
	}
	for k, n := range got {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("  %s: labelled %d, not declared", k, n))
		}
	}
	sort.Strings(diffs)
	if len(diffs) == 0 {
		return ""
	}
	var b strings.Builder
	for _, d := range diffs {
		b.WriteString(d + "\n")
	}
	for _, g := range labels.Goroutines {
		fmt.Fprintf(&b, "    g%d %s %s/%s [%s] in %s\n", g.ID, g.StartFunc, g.Label, g.How, g.WaitReason, g.BlockedIn)
	}
	return b.String()
}

func profileBytes(name string, debug int) []byte {
	p := pprof.Lookup(name)
	if p == nil {
		Fail("no %s profile", name)
	}
	var b bytes.Buffer
	if err := p.WriteTo(&b, debug); err != nil {
		Fail("%s debug=%d: %v", name, debug, err)
	}
	return b.Bytes()
}

func writeFile(path string, b []byte) {
	if err := os.WriteFile(path, b, 0o644); err != nil {
		Fail("%v", err)
	}
}
