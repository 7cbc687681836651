// Package harness runs one scenario under runtime/trace and captures its
// goroutine profiles once the goroutines its manifest declares are parked.
// Must build with Go 1.19 (see go.mod).
package harness

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"time"

	"goprograms/internal/groundtruth"
)

// Scenario is what a scenario's main package hands to Main.
type Scenario struct {
	Manifest []byte // the embedded manifest.json
	// AllProfiles: also write heap, allocs, block, mutex, threadcreate and a CPU profile.
	AllProfiles bool
	// Run starts the scenario's goroutines and returns. The returned shutdown
	// (healthy controls) is called after the capture, while the trace still
	// runs, and must return only when its goroutines have exited.
	Run func(h *H) (shutdown func())
}

// H gives scenarios access to the output folder and to synchronisation helpers.
type H struct {
	Out      string
	Manifest groundtruth.Manifest
}

// Fail aborts the run: the generator treats a non-zero exit as a failed scenario.
func Fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "harness: "+format+"\n", args...)
	os.Exit(1)
}

// Dump returns the parsed runtime.Stack(all) of the process.
func Dump() []groundtruth.Goroutine {
	return groundtruth.ParseDump(string(stacks()))
}

func stacks() []byte {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// poll calls cond with back-off (1 ms → 100 ms) until it returns "" or 30 s pass.
func poll(what string, cond func() string) {
	deadline := time.Now().Add(30 * time.Second)
	d := time.Millisecond
	for {
		msg := cond()
		if msg == "" {
			return
		}
		if time.Now().After(deadline) {
			Fail("timed out waiting for %s: %s", what, msg)
		}
		time.Sleep(d)
		if d < 100*time.Millisecond {
			d *= 2
		}
	}
}

// WaitParked blocks until n goroutines started at startFunc are parked with
// the given wait reason ("" = any parked state).
func (h *H) WaitParked(startFunc, reason string, n int) {
	poll(fmt.Sprintf("%d x %s [%s]", n, startFunc, reason), func() string {
		got := 0
		for _, g := range Dump() {
			if g.StartFunc != startFunc || g.WaitReason == "running" || g.WaitReason == "runnable" || g.WaitReason == "syscall" {
				continue
			}
			if reason == "" || g.WaitReason == reason {
				got++
			}
		}
		if got == n {
			return ""
		}
		return fmt.Sprintf("have %d", got)
	})
}

// WaitGone blocks until no goroutine started at startFunc exists.
func (h *H) WaitGone(startFunc string) {
	poll("exit of "+startFunc, func() string {
		for _, g := range Dump() {
			if g.StartFunc == startFunc {
				return fmt.Sprintf("g%d still [%s]", g.ID, g.WaitReason)
			}
		}
		return ""
	})
}

func writeFile(path string, b []byte) {
	if err := os.WriteFile(path, b, 0o644); err != nil {
		Fail("%v", err)
	}
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

// Snapshot writes the goroutine profile in its three forms as <prefix>.pb.gz,
// <prefix>.debug1.txt and <prefix>.debug2.txt, and returns the parsed debug=2 dump.
func (h *H) Snapshot(prefix string) []groundtruth.Goroutine {
	writeFile(filepath.Join(h.Out, prefix+".pb.gz"), profileBytes("goroutine", 0))
	writeFile(filepath.Join(h.Out, prefix+".debug1.txt"), profileBytes("goroutine", 1))
	d2 := profileBytes("goroutine", 2)
	writeFile(filepath.Join(h.Out, prefix+".debug2.txt"), d2)
	return groundtruth.ParseDump(string(d2))
}

// Main runs the scenario: trace on, Run, wait for the manifest's goroutines to
// park, write profiles, shut down healthy goroutines, trace off.
func Main(s Scenario) {
	out := flag.String("out", "out", "output directory")
	flag.Parse()
	m, err := groundtruth.ParseManifest(s.Manifest)
	if err != nil {
		Fail("manifest: %v", err)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		Fail("%v", err)
	}
	h := &H{Out: *out, Manifest: m}
	version := runtime.Version()

	if s.AllProfiles {
		runtime.SetBlockProfileRate(1)
		runtime.SetMutexProfileFraction(1)
	}
	tf, err := os.Create(filepath.Join(*out, "trace.out"))
	if err != nil {
		Fail("%v", err)
	}
	if err := trace.Start(tf); err != nil {
		Fail("trace: %v", err)
	}
	var cpu bytes.Buffer
	if s.AllProfiles {
		if err := pprof.StartCPUProfile(&cpu); err != nil {
			Fail("cpu profile: %v", err)
		}
	}

	shutdown := s.Run(h)

	// Wait until every declared group is parked with its exact count, then
	// capture; re-capture if the dump we wrote disagrees (a ticker goroutine
	// can be caught running between the poll and the write).
	for attempt := 1; ; attempt++ {
		poll("manifest goroutines", func() string {
			if errs := groundtruth.Check(m, Dump(), version); len(errs) > 0 {
				return errs[0]
			}
			return ""
		})
		errs := groundtruth.Check(m, h.Snapshot("goroutine"), version)
		if len(errs) == 0 {
			break
		}
		if attempt == 5 {
			Fail("captured dump disagrees with manifest: %v", errs)
		}
	}
	if pprof.Lookup("goroutineleak") != nil {
		captureLeakProfile(h, version)
	}
	if s.AllProfiles {
		pprof.StopCPUProfile()
		writeFile(filepath.Join(*out, "cpu.pb.gz"), cpu.Bytes())
		runtime.GC() // heap profile reflects the last completed GC cycle
		for _, name := range []string{"heap", "allocs", "block", "mutex", "threadcreate"} {
			writeFile(filepath.Join(*out, name+".pb.gz"), profileBytes(name, 0))
		}
	}
	if shutdown != nil {
		shutdown()
	}
	trace.Stop()
	if err := tf.Close(); err != nil {
		Fail("%v", err)
	}
}

// captureLeakProfile writes goroutineleak in its three forms. Every request
// runs its own detection GC; detection can be incomplete while goroutines
// are still settling (golang/go#76749), so the set reported in debug=2 must
// equal the manifest's inLeakProfile groups exactly, else we retry.
func captureLeakProfile(h *H, version string) {
	var want int
	for _, g := range h.Manifest.Leaks {
		if g.InLeakProfile != nil && *g.InLeakProfile {
			want += g.Count
		}
	}
	for attempt := 1; ; attempt++ {
		p0 := profileBytes("goroutineleak", 0)
		p1 := profileBytes("goroutineleak", 1)
		p2 := profileBytes("goroutineleak", 2)
		problem := leakProblem(h.Manifest, groundtruth.ParseDump(string(p2)), version, want)
		if problem == "" || attempt == 5 {
			writeFile(filepath.Join(h.Out, "goroutineleak.pb.gz"), p0)
			writeFile(filepath.Join(h.Out, "goroutineleak.debug1.txt"), p1)
			writeFile(filepath.Join(h.Out, "goroutineleak.debug2.txt"), p2)
			if problem != "" {
				Fail("goroutineleak: %s", problem)
			}
			return
		}
		time.Sleep(time.Duration(attempt*10) * time.Millisecond)
	}
}

func leakProblem(m groundtruth.Manifest, dump []groundtruth.Goroutine, version string, want int) string {
	leaked := 0
	for _, g := range dump {
		if !g.Leaked {
			continue
		}
		ok := false
		for _, grp := range m.Leaks {
			if grp.InLeakProfile != nil && *grp.InLeakProfile && grp.Matches(g, version) {
				ok = true
			}
		}
		if !ok {
			declared := false
			for _, grp := range m.Leaks {
				if grp.InLeakProfile == nil && grp.Matches(g, version) {
					declared = true
				}
			}
			if !declared {
				return fmt.Sprintf("g%d (%s [%s]) reported leaked but not declared inLeakProfile", g.ID, g.StartFunc, g.WaitReason)
			}
			continue
		}
		leaked++
	}
	if leaked != want {
		return fmt.Sprintf("%d declared goroutines reported leaked, want %d", leaked, want)
	}
	return ""
}
