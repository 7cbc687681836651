// Package check holds the CI checks of the committed leak corpus (test/corpus/leaks): every
// labels.json against its schema, its run's goroutine dumps, its program's declared Expect and
// its other toolchain's run. The trace's end state is checked with Go's own trace reader in
// test/oracle (TestLeakCorpusEndStates): this module is standard library only. Nothing is run
// or built here (`go vet ./...` type-checks every program); regeneration is by hand.
package check

import (
	"encoding/json"

	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"leakcorpus/internal/corpus"
)

const (
	programsDir = "../programs"
	outputsDir  = "../../corpus/leaks"
	suitesJSON  = "../suites/suites.json"
	// The requirements for the corpus (#14).
	minPrograms, minFamilies, minPerFamily = 150, 30, 4
	// All committed outputs, both toolchains, programs and suites: ~50 MB.
	maxTotalBytes = 52 << 20
)

var toolchains = []string{"go1.27", "go1.23"}

type program struct{ family, name string }

func (p program) id() string { return p.family + "/" + p.name }

func listPrograms(t *testing.T) []program {
	t.Helper()
	fams, err := os.ReadDir(programsDir)
	if err != nil {
		t.Fatal(err)
	}
	var out []program
	for _, f := range fams {
		progs, err := os.ReadDir(filepath.Join(programsDir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range progs {
			if p.IsDir() {
				out = append(out, program{f.Name(), p.Name()})
			}
		}
	}
	return out
}

// expectOf reads the program's declared lab.Expect literals from its source: counts keyed by
// corpus.CountKey(startFunc, label).
func expectOf(t *testing.T, p program) map[string]int {
	t.Helper()
	path := filepath.Join(programsDir, p.family, p.name, "main.go")
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	found := 0
	ast.Inspect(f, func(n ast.Node) bool {
		cl, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		arr, ok := cl.Type.(*ast.ArrayType)
		if !ok {
			return true
		}
		if sel, ok := arr.Elt.(*ast.SelectorExpr); !ok || sel.Sel.Name != "Expect" {
			return true
		}
		for _, el := range cl.Elts {
			found++
			var start string
			counts := map[string]int{}
			for _, e := range el.(*ast.CompositeLit).Elts {
				kv := e.(*ast.KeyValueExpr)
				lit, ok := kv.Value.(*ast.BasicLit)
				if !ok {
					t.Fatalf("%s: Expect fields must be literals", path)
				}
				switch key := kv.Key.(*ast.Ident).Name; key {
				case "StartFunc":
					start, _ = strconv.Unquote(lit.Value)
				case "Leaked", "Healthy":
					n, _ := strconv.Atoi(lit.Value)
					counts[strings.ToLower(key)] = n
				}
			}
			for label, n := range counts {
				if n > 0 {
					want[corpus.CountKey(start, label)] += n
				}
			}
		}
		return false
	})
	if found == 0 {
		t.Fatalf("%s declares no lab.Expect", path)
	}
	return want
}

func TestCorpusSize(t *testing.T) {
	progs := listPrograms(t)
	perFamily := map[string]int{}
	for _, p := range progs {
		perFamily[p.family]++
	}
	if len(progs) < minPrograms || len(perFamily) < minFamilies {
		t.Fatalf("%d programs in %d families; the corpus needs at least %d in %d", len(progs), len(perFamily), minPrograms, minFamilies)
	}
	for f, n := range perFamily {
		if n < minPerFamily {
			t.Errorf("family %s has %d programs, want at least %d", f, n, minPerFamily)
		}
	}
	var total int64
	filepath.Walk(outputsDir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			total += fi.Size()
		}
		return nil
	})
	if total > maxTotalBytes {
		t.Errorf("committed outputs are %.1f MB, over the %d MB budget", float64(total)/(1<<20), maxTotalBytes>>20)
	}
	t.Logf("%d programs in %d families, outputs %.1f MB", len(progs), len(perFamily), float64(total)/(1<<20))
}

func TestEveryProgramHasLabelsThatAgree(t *testing.T) {
	for _, p := range listPrograms(t) {
		p := p
		t.Run(p.id(), func(t *testing.T) {
			want := expectOf(t, p)
			counts := map[string]map[string]int{}
			for _, tc := range toolchains {
				dir := filepath.Join(outputsDir, tc, p.family, p.name)
				l := checkRun(t, dir, tc == "go1.27")
				if l.Program != p.id() || l.Family != p.family || l.Kind != "program" || !strings.HasPrefix(l.GoVersion, tc) {
					t.Errorf("%s: labels.json names %s/%s %s %s", dir, l.Program, l.Family, l.Kind, l.GoVersion)
				}
				counts[tc] = l.Counts()
				if got, w := corpus.FormatCounts(counts[tc]), corpus.FormatCounts(want); got != w {
					t.Errorf("%s: labels disagree with the program's Expect\nlabelled:\n%sdeclared:\n%s", tc, got, w)
				}
			}
			if a, b := corpus.FormatCounts(counts["go1.27"]), corpus.FormatCounts(counts["go1.23"]); a != b {
				t.Errorf("go1.27 and go1.23 disagree\ngo1.27:\n%sgo1.23:\n%s", a, b)
			}
		})
	}
}

// checkRun validates one output folder: labels.json's schema, every labelled goroutine parked in
// the run's debug=2 dump with the labelled start function and wait reason, gc-proof labels
// exactly where the goroutineleak dump marks a labelled goroutine (go1.27).
func checkRun(t *testing.T, dir string, wantLeakProfile bool) corpus.Labels {
	t.Helper()
	l, err := corpus.ReadLabels(filepath.Join(dir, "labels.json"))
	if err != nil {
		t.Fatal(err)
	}
	files := []string{"trace.out", "goroutine.pb.gz", "goroutine.debug1.txt", "goroutine.debug2.txt"}
	if wantLeakProfile {
		files = append(files, "goroutineleak.pb.gz", "goroutineleak.debug2.txt")
	}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s: %v", dir, err)
		}
	}
	d2, err := os.ReadFile(filepath.Join(dir, "goroutine.debug2.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dump := map[int64]corpus.Goroutine{}
	for _, g := range corpus.ParseDump(string(d2)) {
		dump[g.ID] = g
	}
	proven := map[int64]bool{}
	if b, err := os.ReadFile(filepath.Join(dir, "goroutineleak.debug2.txt")); err == nil {
		for _, g := range corpus.ParseDump(string(b)) {
			if g.Leaked {
				proven[g.ID] = true
			}
		}
	}
	labelled := map[int64]bool{}
	for _, g := range l.Goroutines {
		labelled[g.ID] = true
		d, ok := dump[g.ID]
		switch {
		case !ok:
			t.Errorf("%s: g%d labelled but absent from goroutine.debug2.txt", dir, g.ID)
		case !d.Parked() || d.WaitReason != g.WaitReason || d.StartFunc() != g.StartFunc || d.BlockedIn() != g.BlockedIn:
			t.Errorf("%s: g%d labelled %s [%s] in %s, the dump says %s [%s] in %s", dir, g.ID, g.StartFunc, g.WaitReason, g.BlockedIn, d.StartFunc(), d.WaitReason, d.BlockedIn())
		}
		if (g.How == "gc-proof") != proven[g.ID] {
			t.Errorf("%s: g%d how %s, goroutineleak marks it: %v", dir, g.ID, g.How, proven[g.ID])
		}
	}
	// Every parked goroutine of the program is labelled, and nothing the runtime proved is left out.
	for id, g := range dump {
		if !corpus.NotTheProgram(g) && g.Parked() && !labelled[id] {
			t.Errorf("%s: g%d (%s [%s]) parked but not labelled", dir, id, g.StartFunc(), g.WaitReason)
		}
	}
	for id := range proven {
		if g, ok := dump[id]; ok && !corpus.NotTheProgram(g) && !labelled[id] {
			t.Errorf("%s: g%d proven leaked but not labelled", dir, id)
		}
	}
	return l
}

type suiteFile struct {
	Suites []struct {
		Name     string `json:"name"`
		Module   string `json:"module"`
		Version  string `json:"version"`
		Packages []struct {
			Path, Dir string
		} `json:"packages"`
	} `json:"suites"`
}

func TestSuites(t *testing.T) {
	b, err := os.ReadFile(suitesJSON)
	if err != nil {
		t.Fatal(err)
	}
	var sf suiteFile
	if err := json.Unmarshal(b, &sf); err != nil {
		t.Fatal(err)
	}
	if n := len(sf.Suites); n < 8 || n > 15 {
		t.Errorf("%d suites, want 8–15", n)
	}
	listed := map[string]bool{}
	for _, s := range sf.Suites {
		if s.Module == "" || !strings.HasPrefix(s.Version, "v") {
			t.Errorf("suite %s: module %q version %q", s.Name, s.Module, s.Version)
		}
		for _, p := range s.Packages {
			rel := "suite-" + s.Name + "/" + p.Dir
			listed[rel] = true
			dir := filepath.Join(outputsDir, "go1.27", rel)
			l := checkRun(t, dir, true)
			if l.Kind != "suite" || l.Program != rel || l.Family != "suite-"+s.Name {
				t.Errorf("%s: labels.json names %s/%s %s", dir, l.Program, l.Family, l.Kind)
			}
		}
	}
	entries, _ := filepath.Glob(filepath.Join(outputsDir, "go1.27", "suite-*", "*"))
	for _, e := range entries {
		rel, _ := filepath.Rel(filepath.Join(outputsDir, "go1.27"), e)
		if !listed[filepath.ToSlash(rel)] {
			t.Errorf("%s is not listed in suites.json", e)
		}
	}
}

// TestNoStaleOutputs: every output folder belongs to a program or a listed suite.
func TestNoStaleOutputs(t *testing.T) {
	known := map[string]bool{}
	for _, p := range listPrograms(t) {
		known[p.id()] = true
	}
	var stale []string
	for _, tc := range toolchains {
		dirs, _ := filepath.Glob(filepath.Join(outputsDir, tc, "*", "*"))
		for _, d := range dirs {
			rel, _ := filepath.Rel(filepath.Join(outputsDir, tc), d)
			rel = filepath.ToSlash(rel)
			if !known[rel] && !(tc == "go1.27" && strings.HasPrefix(rel, "suite-")) {
				stale = append(stale, tc+"/"+rel)
			}
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		t.Errorf("output folders without a program: %s", strings.Join(stale, ", "))
	}
}
