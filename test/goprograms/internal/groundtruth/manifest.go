package groundtruth

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Group is one set of goroutines a manifest declares (see README.md).
type Group struct {
	Count     int    `json:"count"`
	StartFunc string `json:"startFunc"`
	BlockedIn string `json:"blockedIn,omitempty"`
	// WaitReason as the newest Go prints it in a debug=2 header.
	WaitReason string `json:"waitReason"`
	// WaitReasonBefore maps a Go version to the reason printed by every Go
	// older than it, e.g. {"1.25": "semacquire"} for sync.WaitGroup.Wait.
	WaitReasonBefore map[string]string `json:"waitReasonBefore,omitempty"`
	TraceReason      string            `json:"traceReason"`
	// InLeakProfile: whether Go 1.26's goroutineleak profile reports this group
	// (only meaningful for leaks; nil = not declared).
	InLeakProfile *bool `json:"inLeakProfile,omitempty"`
	// Test: for `go test -trace` fixtures, the test whose goroutine created the group.
	Test string `json:"test,omitempty"`
}

// Manifest is test/goprograms/<scenario>/manifest.json.
type Manifest struct {
	Scenario    string  `json:"scenario"`
	Kind        string  `json:"kind"` // "leak" | "healthy"
	Description string  `json:"description"`
	Leaks       []Group `json:"leaks"`
	Healthy     []Group `json:"healthy"`
	// Ended: goroutines created during the trace that exit before the capture;
	// the dump must hold none of them (count = how many were created).
	Ended []Group `json:"ended,omitempty"`
	// AliveAtTraceEnd: the healthy goroutines are not shut down before the trace stops (a trace
	// of a running service), so they end the trace parked instead of exiting inside it.
	AliveAtTraceEnd bool `json:"aliveAtTraceEnd,omitempty"`
}

func ParseManifest(b []byte) (Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return m, err
	}
	if m.Kind != "leak" && m.Kind != "healthy" {
		return m, fmt.Errorf("manifest %s: kind %q", m.Scenario, m.Kind)
	}
	if m.Leaks == nil {
		m.Leaks = []Group{}
	}
	if m.Healthy == nil {
		m.Healthy = []Group{}
	}
	return m, nil
}

// versionLess compares "1.9" < "1.25" numerically (major.minor only).
func versionLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < 2; i++ {
		var x, y int
		if i < len(pa) {
			x, _ = strconv.Atoi(pa[i])
		}
		if i < len(pb) {
			y, _ = strconv.Atoi(pb[i])
		}
		if x != y {
			return x < y
		}
	}
	return false
}

// GoMinor turns "go1.23.5" / "1.23" into "1.23".
func GoMinor(v string) string {
	v = strings.TrimPrefix(v, "go")
	p := strings.Split(v, ".")
	if len(p) >= 2 {
		return p[0] + "." + p[1]
	}
	return v
}

// ReasonFor returns the wait reason the given Go version prints for the group.
func (g Group) ReasonFor(goVersion string) string {
	v := GoMinor(goVersion)
	keys := make([]string, 0, len(g.WaitReasonBefore))
	for k := range g.WaitReasonBefore {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return versionLess(keys[i], keys[j]) })
	for _, k := range keys {
		if versionLess(v, k) {
			return g.WaitReasonBefore[k]
		}
	}
	return g.WaitReason
}

// Matches reports whether a goroutine of the dump belongs to the group.
func (g Group) Matches(gr Goroutine, goVersion string) bool {
	if gr.StartFunc != g.StartFunc || gr.WaitReason != g.ReasonFor(goVersion) {
		return false
	}
	return g.BlockedIn == "" || gr.BlockedIn() == g.BlockedIn
}

// TruthGroup is a manifest group resolved against one run.
type TruthGroup struct {
	Group
	WaitReason string  `json:"waitReason"` // the reason this Go version printed
	IDs        []int64 `json:"ids"`
	// LeakedIDs: ids marked "(leaked)" in this run's goroutineleak debug=2 dump (Go 1.26 only).
	LeakedIDs []int64 `json:"leakedIds,omitempty"`
}

// Truth is test/fixtures/go1.XX/<scenario>/truth.json.
type Truth struct {
	Scenario  string       `json:"scenario"`
	Kind      string       `json:"kind"`
	GoVersion string       `json:"goVersion"`
	Leaks     []TruthGroup `json:"leaks"`
	Healthy   []TruthGroup `json:"healthy"`
	Ended     []Group      `json:"ended,omitempty"`
	// AliveAtTraceEnd: copied from the manifest.
	AliveAtTraceEnd bool `json:"aliveAtTraceEnd,omitempty"`
}

// Check matches a dump against the manifest: every group must have exactly
// Count goroutines. It returns the problems found (empty = pass).
func Check(m Manifest, dump []Goroutine, goVersion string) []string {
	var errs []string
	for _, list := range [][]Group{m.Leaks, m.Healthy} {
		for _, g := range list {
			n := 0
			for _, gr := range dump {
				if g.Matches(gr, goVersion) {
					n++
				}
			}
			if n != g.Count {
				errs = append(errs, fmt.Sprintf("%s: want %d goroutines started at %s blocked in %q [%s], dump has %d (%s)",
					m.Scenario, g.Count, g.StartFunc, g.BlockedIn, g.ReasonFor(goVersion), n, describe(dump, g.StartFunc)))
			}
		}
	}
	for _, g := range m.Ended {
		for _, gr := range dump {
			if gr.StartFunc == g.StartFunc {
				errs = append(errs, fmt.Sprintf("%s: g%d started at %s should have exited [%s]", m.Scenario, gr.ID, g.StartFunc, gr.WaitReason))
				break
			}
		}
	}
	return errs
}

func describe(dump []Goroutine, start string) string {
	var s []string
	for _, gr := range dump {
		if gr.StartFunc == start {
			s = append(s, fmt.Sprintf("g%d [%s] in %s", gr.ID, gr.WaitReason, gr.BlockedIn()))
		}
	}
	if len(s) == 0 {
		return "none with that start function"
	}
	if len(s) > 4 {
		s = append(s[:4], "...")
	}
	return strings.Join(s, "; ")
}

// Resolve builds truth.json content. leakDump may be nil (no goroutineleak profile).
func Resolve(m Manifest, dump, leakDump []Goroutine, goVersion string) Truth {
	t := Truth{Scenario: m.Scenario, Kind: m.Kind, GoVersion: goVersion, Leaks: []TruthGroup{}, Healthy: []TruthGroup{}}
	res := func(list []Group) []TruthGroup {
		out := []TruthGroup{}
		for _, g := range list {
			tg := TruthGroup{Group: g, WaitReason: g.ReasonFor(goVersion), IDs: []int64{}}
			for _, gr := range dump {
				if g.Matches(gr, goVersion) {
					tg.IDs = append(tg.IDs, gr.ID)
				}
			}
			if leakDump != nil {
				tg.LeakedIDs = []int64{}
				for _, gr := range leakDump {
					if gr.Leaked && g.Matches(gr, goVersion) {
						tg.LeakedIDs = append(tg.LeakedIDs, gr.ID)
					}
				}
			}
			out = append(out, tg)
		}
		return out
	}
	t.Leaks = res(m.Leaks)
	t.Healthy = res(m.Healthy)
	t.Ended = m.Ended
	t.AliveAtTraceEnd = m.AliveAtTraceEnd
	return t
}
