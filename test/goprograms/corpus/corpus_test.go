// Package corpus checks the committed fixture corpus (../../fixtures) against
// the manifests: every declared goroutine is in each run's debug=2 dump with
// its count, start function, blocking function and wait reason, and truth.json
// is exactly what that dump implies.
package corpus

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"goprograms/internal/groundtruth"
)

// fixtures is the committed corpus, or LEAKLINE_FIXTURES (absolute path).
var fixtures = func() string {
	if d := os.Getenv("LEAKLINE_FIXTURES"); d != "" {
		return d
	}
	return "../../fixtures"
}()

var versions = []string{"go1.26", "go1.25", "go1.23", "go1.22", "go1.21", "go1.19"}

func manifests(t *testing.T) map[string]groundtruth.Manifest {
	paths, err := filepath.Glob("../*/manifest.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no manifests (%v)", err)
	}
	out := map[string]groundtruth.Manifest{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		m, err := groundtruth.ParseManifest(b)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if m.Scenario != filepath.Base(filepath.Dir(p)) {
			t.Errorf("%s names scenario %q", p, m.Scenario)
		}
		if (m.Kind == "leak") != (len(m.Leaks) > 0) {
			t.Errorf("%s: kind %s with %d leak groups", p, m.Kind, len(m.Leaks))
		}
		out[m.Scenario] = m
	}
	return out
}

func read(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCorpusMatchesManifests(t *testing.T) {
	ms := manifests(t)
	for _, v := range versions {
		for name, m := range ms {
			dir := filepath.Join(fixtures, v, name)
			t.Run(v+"/"+name, func(t *testing.T) {
				checkScenario(t, dir, v, m)
			})
		}
	}
}

func checkScenario(t *testing.T, dir, v string, m groundtruth.Manifest) {
	var truth groundtruth.Truth
	if err := json.Unmarshal(read(t, filepath.Join(dir, "truth.json")), &truth); err != nil {
		t.Fatal(err)
	}
	if groundtruth.GoMinor(truth.GoVersion) != strings.TrimPrefix(v, "go") {
		t.Errorf("truth.json goVersion %s in %s", truth.GoVersion, v)
	}
	dump := groundtruth.ParseDump(string(read(t, filepath.Join(dir, "goroutine.debug2.txt"))))
	if len(dump) == 0 {
		t.Fatal("empty debug=2 dump")
	}
	for _, e := range groundtruth.Check(m, dump, truth.GoVersion) {
		t.Error(e)
	}
	var leakDump []groundtruth.Goroutine
	if v == "go1.26" {
		leakDump = groundtruth.ParseDump(string(read(t, filepath.Join(dir, "goroutineleak.debug2.txt"))))
		want := 0
		for _, g := range m.Leaks {
			if g.InLeakProfile != nil && *g.InLeakProfile {
				want += g.Count
			}
		}
		got := 0
		for _, g := range leakDump {
			if g.Leaked {
				got++
			}
		}
		if got != want {
			t.Errorf("goroutineleak debug=2 marks %d goroutines leaked, manifest declares %d", got, want)
		}
	}
	// truth.json must be exactly what the manifest and this run's dumps imply.
	want, _ := json.Marshal(groundtruth.Resolve(m, dump, leakDump, truth.GoVersion))
	var got bytes.Buffer
	if err := json.Compact(&got, read(t, filepath.Join(dir, "truth.json"))); err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("truth.json differs from the dump:\n got %s\nwant %s", got.String(), want)
	}
	files := []string{"trace.out", "goroutine.pb.gz", "goroutine.debug1.txt", "goroutine.debug2.txt", "truth.json"}
	if v == "go1.26" {
		files = append(files, "goroutineleak.pb.gz", "goroutineleak.debug1.txt", "goroutineleak.debug2.txt")
	}
	if m.Scenario == "growing-leak" {
		for i, n := range []int{5, 10, 15} {
			p := filepath.Join(dir, "goroutine-"+string(rune('1'+i)))
			files = append(files, filepath.Base(p)+".pb.gz", filepath.Base(p)+".debug1.txt")
			d := groundtruth.ParseDump(string(read(t, p+".debug2.txt")))
			c := 0
			for _, g := range d {
				if m.Leaks[0].Matches(g, truth.GoVersion) {
					c++
				}
			}
			if c != n {
				t.Errorf("%s.debug2.txt: %d leaked, want %d", p, c, n)
			}
		}
	}
	if m.Scenario == "http-handler-leak" {
		files = append(files, "cpu.pb.gz", "heap.pb.gz", "allocs.pb.gz", "block.pb.gz", "mutex.pb.gz", "threadcreate.pb.gz")
	}
	var total int64
	for _, f := range files {
		b := read(t, filepath.Join(dir, f))
		total += int64(len(b))
		if strings.HasSuffix(f, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if b, err = io.ReadAll(zr); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
		}
		for _, bad := range []string{"/work/", "/root/", "/home/", "/usr/lib/go", "/usr/local/go"} {
			if bytes.Contains(b, []byte(bad)) {
				t.Errorf("%s contains a machine path (%s)", f, bad)
			}
		}
	}
	if total > 1<<20 {
		t.Errorf("scenario outputs are %d bytes, budget 1 MB", total)
	}
}

// TestNoStrayFixtures: every fixture folder belongs to a manifest.
func TestNoStrayFixtures(t *testing.T) {
	ms := manifests(t)
	dirs, _ := filepath.Glob(filepath.Join(fixtures, "go1.*", "*"))
	for _, d := range dirs {
		if _, ok := ms[filepath.Base(d)]; !ok {
			t.Errorf("%s has no manifest", d)
		}
	}
}
