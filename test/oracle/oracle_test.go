package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpus is the committed corpus, or LEAKLINE_FIXTURES (e.g. a fresh
// `npm run fixtures -- -out /tmp/x` run to vet before committing it).
var corpus = func() string {
	if d := os.Getenv("LEAKLINE_FIXTURES"); d != "" {
		return d
	}
	return filepath.Join("..", "fixtures")
}()

type truthGroup struct {
	Count       int     `json:"count"`
	StartFunc   string  `json:"startFunc"`
	BlockedIn   string  `json:"blockedIn"`
	WaitReason  string  `json:"waitReason"`
	TraceReason string  `json:"traceReason"`
	IDs         []int64 `json:"ids"`
}

type truth struct {
	Scenario  string       `json:"scenario"`
	Kind      string       `json:"kind"`
	GoVersion string       `json:"goVersion"`
	Leaks     []truthGroup `json:"leaks"`
	Healthy   []truthGroup `json:"healthy"`
	Ended     []truthGroup `json:"ended"`
	// AliveAtTraceEnd: healthy goroutines are still parked when the trace stops (not shut down).
	AliveAtTraceEnd bool `json:"aliveAtTraceEnd"`
}

func fixtureDirs(t *testing.T) []string {
	dirs, err := filepath.Glob(filepath.Join(corpus, "go1.*", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures under %s (%v)", corpus, err)
	}
	sort.Strings(dirs)
	return dirs
}

func loadTrace(t *testing.T, p string) *traceOut {
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out, err := readTrace(bufio.NewReader(f))
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return out
}

// TestTraceAgreesWithTruth reads every committed trace with x/exp/trace and
// checks it against truth.json, whose ids come from the same run's debug=2
// dump: each declared goroutine exists, was created in the trace with the
// declared start function, and ends in (leaks) or passes through (healthy
// controls, shut down inside the trace) a Waiting state with the declared
// trace block reason.
func TestTraceAgreesWithTruth(t *testing.T) {
	for _, dir := range fixtureDirs(t) {
		var tr truth
		b, err := os.ReadFile(filepath.Join(dir, "truth.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &tr); err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		out := loadTrace(t, filepath.Join(dir, "trace.out"))
		wantVer := strings.TrimPrefix(filepath.Base(filepath.Dir(dir)), "go")
		if out.GoVersion != wantVer && !(wantVer == "1.24" && out.GoVersion == "1.23") {
			t.Errorf("%s: trace version %s", dir, out.GoVersion)
		}
		byID := map[int64]*goroutine{}
		for _, g := range out.Goroutines {
			byID[g.ID] = g
		}
		check := func(g truthGroup, leak bool) {
			if len(g.IDs) != g.Count {
				t.Errorf("%s: %s: %d ids for count %d", dir, g.StartFunc, len(g.IDs), g.Count)
			}
			for _, id := range g.IDs {
				gr := byID[id]
				if gr == nil {
					t.Errorf("%s: g%d (%s) not in trace", dir, id, g.StartFunc)
					continue
				}
				if gr.Created == nil || gr.StartFunc != g.StartFunc {
					t.Errorf("%s: g%d: created=%v startFunc=%q, want %q", dir, id, gr.Created != nil, gr.StartFunc, g.StartFunc)
				}
				trs := out.Transitions[itoa(id)]
				if leak {
					if gr.Final.State != "Waiting" || gr.Final.Reason != g.TraceReason || gr.Ended != nil {
						t.Errorf("%s: leaked g%d ends %s %q, want Waiting %q", dir, id, gr.Final.State, gr.Final.Reason, g.TraceReason)
					}
					if !hasFrame(gr.Final.Stack, g.BlockedIn) {
						t.Errorf("%s: leaked g%d final stack %v lacks %s", dir, id, gr.Final.Stack, g.BlockedIn)
					}
					continue
				}
				if tr.AliveAtTraceEnd {
					if gr.Ended != nil || gr.Final.State != "Waiting" {
						t.Errorf("%s: healthy g%d (%s) should still be parked at the trace end, got ended=%v state %s", dir, id, g.StartFunc, gr.Ended != nil, gr.Final.State)
					}
				} else if gr.Ended == nil {
					t.Errorf("%s: healthy g%d (%s) did not end inside the trace", dir, id, g.StartFunc)
				}
				seen := false
				for _, x := range trs {
					seen = seen || (x.To == "Waiting" && x.Reason == g.TraceReason)
				}
				if !seen {
					t.Errorf("%s: healthy g%d never waited with %q", dir, id, g.TraceReason)
				}
			}
		}
		for _, g := range tr.Leaks {
			check(g, true)
		}
		for _, g := range tr.Healthy {
			check(g, false)
		}
		for _, g := range tr.Ended {
			n := 0
			for _, gr := range out.Goroutines {
				if gr.StartFunc == g.StartFunc && gr.Created != nil && gr.Ended != nil {
					n++
				}
			}
			if n != g.Count {
				t.Errorf("%s: %d goroutines of %s created and ended in the trace, want %d", dir, n, g.StartFunc, g.Count)
			}
		}
	}
}

func hasFrame(stack []string, fn string) bool {
	for _, f := range stack {
		if strings.HasPrefix(f, fn+" ") {
			return true
		}
	}
	return false
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestTraceInvariants: one committed trace in detail — counts are
// self-consistent and every transition list is time-ordered and chained.
func TestTraceInvariants(t *testing.T) {
	out := loadTrace(t, filepath.Join(corpus, "go1.23", "chan-send-early-return", "trace.out"))
	if out.GoVersion != "1.23" || out.Events == 0 || out.SyncEvents < 1 || out.DurationNs <= 0 {
		t.Fatalf("header fields: %+v", out)
	}
	for _, g := range out.Goroutines {
		trs := out.Transitions[itoa(g.ID)]
		if len(trs) == 0 {
			t.Errorf("g%d listed without transitions", g.ID)
			continue
		}
		for i := 1; i < len(trs); i++ {
			if trs[i].T < trs[i-1].T || trs[i].From != trs[i-1].To {
				t.Errorf("g%d: transition %d %+v does not follow %+v", g.ID, i, trs[i], trs[i-1])
			}
		}
		if last := trs[len(trs)-1]; g.Final.State != last.To || *g.Final.Since != last.T {
			t.Errorf("g%d: final %+v != last transition %+v", g.ID, g.Final, last)
		}
	}
}

// TestProfiles reads every committed pprof file and checks the goroutine
// profile's total against the count line of the same capture's debug=1 text.
func TestProfiles(t *testing.T) {
	for _, dir := range fixtureDirs(t) {
		files, _ := filepath.Glob(filepath.Join(dir, "*.pb.gz"))
		for _, p := range files {
			f, err := os.Open(p)
			if err != nil {
				t.Fatal(err)
			}
			out, err := readProfile(f)
			f.Close()
			if err != nil {
				t.Errorf("%s: %v", p, err)
				continue
			}
			base := strings.TrimSuffix(filepath.Base(p), ".pb.gz")
			if !strings.HasPrefix(base, "goroutine") {
				continue
			}
			txt, err := os.ReadFile(filepath.Join(dir, base+".debug1.txt"))
			if err != nil {
				t.Fatal(err)
			}
			first := strings.SplitN(string(txt), "\n", 2)[0]
			var total int64
			for _, s := range out.Samples {
				total += s.Values[0]
			}
			want := out.SampleTypes[0].Type + " profile: total " + itoa(total)
			if first != want {
				t.Errorf("%s: debug=1 says %q, proto sums to %q", p, first, want)
			}
		}
	}
}

func TestRejectsNonTrace(t *testing.T) {
	f, err := os.Open(filepath.Join(corpus, "go1.23", "chan-send-early-return", "goroutine.debug2.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := readTrace(bufio.NewReader(f)); err == nil || !strings.Contains(err.Error(), "not a Go execution trace") {
		t.Fatalf("err = %v", err)
	}
}
