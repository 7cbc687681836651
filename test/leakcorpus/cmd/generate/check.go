package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"leakcorpus/internal/corpus"
)

// maxFolderBytes: one run's outputs. The whole corpus (≈ 2 × 160 programs + suites) must stay
// under ~50 MB; a program is ~40–100 KB, the fan-out ones and suites more.
const maxFolderBytes = 3 << 20

// buildOracle builds test/oracle (golang.org/x/exp/trace, Go's own trace reader), which checks
// every labelled goroutine against the trace's end state.
func buildOracle(c *config) string {
	out := filepath.Join(c.tmp, "oracle")
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Dir = filepath.Join(c.root, "..", "oracle")
	if b, err := cmd.CombinedOutput(); err != nil {
		must(fmt.Errorf("building test/oracle (needs Go 1.26 and golang.org/x/exp in the module cache): %v: %s", err, b))
	}
	return out
}

type oracleTrace struct {
	Goroutines []struct {
		ID    int64 `json:"id"`
		Final struct {
			State  string `json:"state"`
			Reason string `json:"reason"`
		} `json:"final"`
	} `json:"goroutines"`
}

// checkOutputs validates one run's folder: labels.json's schema, every labelled goroutine
// parked in the debug=2 dump and Waiting at the end of the trace, the goroutineleak proof
// behind every gc-proof label, no machine paths, the size budget.
func checkOutputs(c *config, dir string, machine []string) ([]string, corpus.Labels) {
	labels, err := corpus.ReadLabels(filepath.Join(dir, "labels.json"))
	if err != nil {
		return []string{err.Error()}, labels
	}
	var problems []string
	d2, err := os.ReadFile(filepath.Join(dir, "goroutine.debug2.txt"))
	if err != nil {
		return []string{err.Error()}, labels
	}
	parked := map[int64]bool{}
	for _, g := range corpus.ParseDump(string(d2)) {
		if g.Parked() {
			parked[g.ID] = true
		}
	}
	proven := map[int64]bool{}
	if b, err := os.ReadFile(filepath.Join(dir, "goroutineleak.debug2.txt")); err == nil {
		for _, g := range corpus.ParseDump(string(b)) {
			if g.Leaked {
				proven[g.ID] = true
			}
		}
	} else if strings.HasPrefix(labels.GoVersion, "go1.27") {
		problems = append(problems, "a go1.27 run wrote no goroutineleak profile")
	}
	waiting, err := traceEndStates(c.oracle, filepath.Join(dir, "trace.out"))
	if err != nil {
		return []string{err.Error()}, labels
	}
	for _, g := range labels.Goroutines {
		if !parked[g.ID] {
			problems = append(problems, fmt.Sprintf("g%d labelled but not parked in goroutine.debug2.txt", g.ID))
		}
		if st := waiting[g.ID]; st != "Waiting" {
			problems = append(problems, fmt.Sprintf("g%d (%s) labelled but %q at the end of trace.out", g.ID, g.StartFunc, st))
		}
		if (g.How == "gc-proof") != proven[g.ID] {
			problems = append(problems, fmt.Sprintf("g%d how %s but goroutineleak proof %v", g.ID, g.How, proven[g.ID]))
		}
	}
	problems = append(problems, machinePaths(dir, machine)...)
	if n := dirSize(dir); n > maxFolderBytes {
		problems = append(problems, fmt.Sprintf("outputs are %d bytes, over the %d budget", n, maxFolderBytes))
	}
	return problems, labels
}

// traceEndStates: goroutine id → its state at the end of the trace, per Go's own reader.
func traceEndStates(oracle, path string) (map[int64]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, oracle, "trace", path).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return nil, fmt.Errorf("oracle trace %s: %v: %s", filepath.Base(path), err, ee.Stderr)
		}
		return nil, err
	}
	var t oracleTrace
	if err := json.Unmarshal(out, &t); err != nil {
		return nil, fmt.Errorf("oracle output: %v", err)
	}
	m := map[int64]string{}
	for _, g := range t.Goroutines {
		m[g.ID] = g.Final.State
	}
	return m, nil
}

// machinePaths refuses outputs holding the repository path, $HOME or GOROOT (gzip members are
// checked uncompressed): the corpus must be the same on every machine.
func machinePaths(dir string, machine []string) []string {
	var problems []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		return []string{err.Error()}
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return []string{err.Error()}
		}
		if strings.HasSuffix(e.Name(), ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: %v", e.Name(), err))
				continue
			}
			u, err := io.ReadAll(zr)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: %v", e.Name(), err))
				continue
			}
			b = u
		}
		for _, p := range machine {
			// With the separator: "/root" alone also matches Go's own crypto/x509/root.go.
			if len(p) > 1 && bytes.Contains(b, []byte(strings.TrimSuffix(p, "/")+"/")) {
				problems = append(problems, fmt.Sprintf("%s contains the machine path %q (built without -trimpath?)", e.Name(), p))
			}
		}
	}
	return problems
}

// finish copies a checked run to its place, or in -compare mode compares its label counts with
// the committed run's.
func finish(c *config, dir, dst string, labels corpus.Labels) []string {
	rel, _ := filepath.Rel(c.outRoot, dst)
	c.sizes[rel] = dirSize(dir)
	if c.compare {
		old, err := corpus.ReadLabels(filepath.Join(dst, "labels.json"))
		if err != nil {
			c.diffs = append(c.diffs, rel+": "+err.Error())
			return nil
		}
		a, b := corpus.FormatCounts(old.Counts()), corpus.FormatCounts(labels.Counts())
		if a != b {
			c.diffs = append(c.diffs, fmt.Sprintf("%s:\n committed:\n%s now:\n%s", rel, a, b))
		}
		return nil
	}
	if err := os.RemoveAll(dst); err != nil {
		return []string{err.Error()}
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return []string{err.Error()}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return []string{err.Error()}
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return []string{err.Error()}
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			return []string{err.Error()}
		}
	}
	return nil
}

func dirSize(dir string) int64 {
	var n int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			n += info.Size()
		}
	}
	return n
}

// summary: "4 leaked/gc-proof, 1 healthy/release".
func summary(l corpus.Labels) string {
	m := map[string]int{}
	for _, g := range l.Goroutines {
		m[g.Label+"/"+g.How]++
	}
	var parts []string
	for _, k := range sortedKeys(m) {
		parts = append(parts, fmt.Sprintf("%d %s", m[k], k))
	}
	return strings.Join(parts, ", ")
}
