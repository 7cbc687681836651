package corpus

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

// Labels is labels.json (docs/leak-corpus.md).
type Labels struct {
	Program      string       `json:"program"` // "<family>/<program>", or "suite-<module>/<package>"
	Family       string       `json:"family"`
	Kind         string       `json:"kind"` // "program" | "suite"
	GoVersion    string       `json:"goVersion"`
	Surroundings Surroundings `json:"surroundings"`
	Goroutines   []Label      `json:"goroutines"`
}

// Surroundings of a run, chosen by the generator.
type Surroundings struct {
	GOMAXPROCS int    `json:"gomaxprocs"`
	TraceStart string `json:"traceStart"` // "before" | "after" the program's Run
	TailMs     int    `json:"tailMs"`
}

// Label is one goroutine parked when the trace stopped.
type Label struct {
	ID         int64  `json:"id"`
	Label      string `json:"label"` // "leaked" | "healthy"
	How        string `json:"how"`   // "gc-proof" | "release" | "default" (suites)
	StartFunc  string `json:"startFunc"`
	WaitReason string `json:"waitReason"`
	BlockedIn  string `json:"blockedIn"`
}

var (
	labels = map[string]bool{"leaked": true, "healthy": true}
	hows   = map[string]map[string]bool{
		"program": {"gc-proof": true, "release": true},
		"suite":   {"gc-proof": true, "default": true},
	}
	programRE = regexp.MustCompile(`^[a-z0-9-]+/[a-z0-9-]+$`)
)

// Validate checks the schema and the label rules that do not need the run's other files.
func (l Labels) Validate() error {
	if l.Kind != "program" && l.Kind != "suite" {
		return fmt.Errorf("kind %q", l.Kind)
	}
	if l.Kind == "program" && (!programRE.MatchString(l.Program) || !strings.HasPrefix(l.Program, l.Family+"/")) {
		return fmt.Errorf("program %q / family %q", l.Program, l.Family)
	}
	if !strings.HasPrefix(l.GoVersion, "go1.") {
		return fmt.Errorf("goVersion %q", l.GoVersion)
	}
	s := l.Surroundings
	if s.GOMAXPROCS < 1 || (s.TraceStart != "before" && s.TraceStart != "after") || s.TailMs < 0 {
		return fmt.Errorf("surroundings %+v", s)
	}
	seen := map[int64]bool{}
	for _, g := range l.Goroutines {
		if seen[g.ID] || g.ID <= 0 {
			return fmt.Errorf("goroutine id %d repeated or invalid", g.ID)
		}
		seen[g.ID] = true
		if !labels[g.Label] || !hows[l.Kind][g.How] {
			return fmt.Errorf("g%d: label %q how %q in a %s", g.ID, g.Label, g.How, l.Kind)
		}
		if g.Label == "healthy" && g.How == "gc-proof" {
			return fmt.Errorf("g%d: healthy by gc-proof", g.ID)
		}
		if l.Kind == "suite" && g.Label == "healthy" && g.How != "default" {
			return fmt.Errorf("g%d: suites label healthy by default only", g.ID)
		}
		if l.Kind == "suite" && g.Label == "leaked" && g.How != "gc-proof" {
			return fmt.Errorf("g%d: suites label leaks by gc-proof only", g.ID)
		}
		if g.StartFunc == "" || g.WaitReason == "" {
			return fmt.Errorf("g%d: empty startFunc or waitReason", g.ID)
		}
	}
	return nil
}

// Key of a (start function, label) count: compilers number `go` wrappers differently
// (net/http's dialConn.gowrap2 in one Go, gowrap3 in another), so the number is dropped.
var gowrapRE = regexp.MustCompile(`gowrap\d+`)

func CountKey(startFunc, label string) string {
	return gowrapRE.ReplaceAllString(startFunc, "gowrap") + " " + label
}

// Counts per CountKey.
func (l Labels) Counts() map[string]int {
	m := map[string]int{}
	for _, g := range l.Goroutines {
		m[CountKey(g.StartFunc, g.Label)]++
	}
	return m
}

// FormatCounts prints counts sorted by key, one per line.
func FormatCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%4d %s\n", m[k], k)
	}
	return b.String()
}

// ReadLabels reads and validates a labels.json.
func ReadLabels(path string) (Labels, error) {
	var l Labels
	b, err := os.ReadFile(path)
	if err != nil {
		return l, err
	}
	if err := json.Unmarshal(b, &l); err != nil {
		return l, fmt.Errorf("%s: %v", path, err)
	}
	if err := l.Validate(); err != nil {
		return l, fmt.Errorf("%s: %v", path, err)
	}
	return l, nil
}

// Write writes labels.json, goroutines sorted by id.
func (l Labels) Write(path string) error {
	sort.Slice(l.Goroutines, func(i, j int) bool { return l.Goroutines[i].ID < l.Goroutines[j].ID })
	if l.Goroutines == nil {
		l.Goroutines = []Label{}
	}
	b, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
