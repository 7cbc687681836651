// Command generate rebuilds test/fixtures/go1.XX/<scenario>/ with every Go
// toolchain it finds: build each scenario with -trimpath, run it, check its
// debug=2 dump against the manifest (exit 1 if a declared goroutine is
// missing), write truth.json, and refuse outputs that contain machine paths.
//
//	go run ./cmd/generate [-out ../fixtures] [-go go1.26,go1.23] [-only a,b] [-big]
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"goprograms/internal/groundtruth"
)

type toolchain struct {
	name string // corpus folder, e.g. go1.23
	cmd  string
	env  []string
}

var toolchains = []toolchain{
	{"go1.26", "go", []string{"GOTOOLCHAIN=local", "GOEXPERIMENT=goroutineleakprofile"}},
	{"go1.25", "go", []string{"GOTOOLCHAIN=go1.25.5"}},
	{"go1.23", "/usr/lib/go-1.23/bin/go", []string{"GOTOOLCHAIN=local"}},
	{"go1.22", "/usr/lib/go-1.22/bin/go", []string{"GOTOOLCHAIN=local"}},
	{"go1.21", "/usr/lib/go-1.21/bin/go", []string{"GOTOOLCHAIN=local"}},
	{"go1.19", "/usr/lib/go-1.19/bin/go", []string{"GOTOOLCHAIN=local"}},
}

func main() {
	out := flag.String("out", "../fixtures", "corpus root")
	only := flag.String("only", "", "comma-separated scenarios (default: all)")
	gos := flag.String("go", "", "comma-separated toolchains, e.g. go1.26,go1.23 (default: all found)")
	flag.Parse()

	root, err := os.Getwd()
	must(err)
	outRoot, err := filepath.Abs(*out)
	must(err)
	scenarios := listScenarios(root, *only)

	var failures, produced, skipped []string
	for _, tc := range toolchains {
		if *gos != "" && !inList(*gos, tc.name) {
			continue
		}
		version, why := probe(tc)
		if why != "" {
			skipped = append(skipped, tc.name+": "+why)
			fmt.Printf("SKIP %s: %s\n", tc.name, why)
			continue
		}
		fmt.Printf("== %s (%s)\n", tc.name, version)
		// A fixed, user-neutral directory: pprof mappings record the binary's
		// absolute path, and that path ends up in the committed profiles.
		tmp := filepath.Join(os.TempDir(), "leakline-fixtures")
		must(os.RemoveAll(tmp))
		must(os.MkdirAll(tmp, 0o755))
		paths := []string{root, os.Getenv("HOME"), goroot(tc)}
		if errs := buildAll(tc, root, tmp, scenarios); len(errs) > 0 {
			failures = append(failures, tc.name+": "+errs[0])
			fmt.Printf("  build FAILED: %s\n", errs[0])
			continue
		}
		for _, sc := range scenarios {
			var errs []string
			for attempt := 1; attempt <= 2; attempt++ {
				errs = runScenario(tc, version, root, tmp, sc, outRoot, paths)
				if len(errs) == 0 {
					break
				}
				fmt.Printf("  %s attempt %d FAILED:\n    %s\n", sc, attempt, strings.Join(errs, "\n    "))
			}
			if len(errs) > 0 {
				failures = append(failures, tc.name+"/"+sc+": "+errs[0])
			} else {
				fmt.Printf("  ok %s\n", sc)
			}
		}
		os.RemoveAll(tmp)
		produced = append(produced, tc.name)
	}
	fmt.Printf("\nproduced: %s\n", strings.Join(produced, ", "))
	for _, s := range skipped {
		fmt.Printf("skipped: %s\n", s)
	}
	if len(failures) > 0 {
		fmt.Printf("\nFAILED (%d):\n  %s\n", len(failures), strings.Join(failures, "\n  "))
		os.Exit(1)
	}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func inList(list, s string) bool {
	for _, x := range strings.Split(list, ",") {
		if strings.TrimSpace(x) == s {
			return true
		}
	}
	return false
}

func listScenarios(root, only string) []string {
	entries, err := os.ReadDir(root)
	must(err)
	var out []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := os.Stat(filepath.Join(root, e.Name(), "manifest.json")); err != nil {
			continue
		}
		if only != "" && !inList(only, e.Name()) {
			continue
		}
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func goCmd(ctx context.Context, tc toolchain, dir string, args ...string) *exec.Cmd {
	c := exec.CommandContext(ctx, tc.cmd, args...)
	c.Dir = dir
	c.Env = append(os.Environ(), tc.env...)
	c.Env = append(c.Env, "GOFLAGS=-trimpath -buildvcs=false", "CGO_ENABLED=0")
	return c
}

// probe returns the toolchain's version ("go1.23.5") or why it is skipped.
func probe(tc toolchain) (string, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	b, err := goCmd(ctx, tc, os.TempDir(), "env", "GOVERSION").CombinedOutput()
	if err != nil {
		return "", fmt.Sprintf("%s not usable (%v): %s", tc.cmd, err, firstLine(string(b)))
	}
	v := strings.TrimSpace(string(b))
	if groundtruth.GoMinor(v) != strings.TrimPrefix(tc.name, "go") {
		return "", fmt.Sprintf("%s reports %s", tc.cmd, v)
	}
	return v, ""
}

func goroot(tc toolchain) string {
	b, err := goCmd(context.Background(), tc, os.TempDir(), "env", "GOROOT").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func runScenario(tc toolchain, version, root, tmp, sc, outRoot string, paths []string) []string {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	m, err := readManifest(filepath.Join(root, sc, "manifest.json"))
	if err != nil {
		return []string{err.Error()}
	}
	dir := filepath.Join(tmp, sc)
	os.RemoveAll(dir)
	must(os.MkdirAll(dir, 0o755))
	if sc == "testleak" {
		c := goCmd(ctx, tc, root, "test", "-count=1", "-trace", filepath.Join(dir, "trace.out"), "-o", filepath.Join(tmp, "testleak.test"), "./testleak")
		c.Env = append(c.Env, "LEAKLINE_OUT="+dir)
		if b, err := c.CombinedOutput(); err != nil {
			return []string{fmt.Sprintf("go test: %v: %s", err, b)}
		}
	} else {
		c := exec.CommandContext(ctx, filepath.Join(tmp, "bin", sc), "-out", dir)
		c.Dir = tmp
		if b, err := c.CombinedOutput(); err != nil {
			return []string{fmt.Sprintf("run: %v: %s", err, b)}
		}
	}
	d2, err := os.ReadFile(filepath.Join(dir, "goroutine.debug2.txt"))
	if err != nil {
		return []string{err.Error()}
	}
	dump := groundtruth.ParseDump(string(d2))
	if errs := groundtruth.Check(m, dump, version); len(errs) > 0 {
		return errs
	}
	var leakDump []groundtruth.Goroutine
	if b, err := os.ReadFile(filepath.Join(dir, "goroutineleak.debug2.txt")); err == nil {
		leakDump = groundtruth.ParseDump(string(b))
	} else if tc.name == "go1.26" {
		return []string{"go1.26 run wrote no goroutineleak profile"}
	}
	truth := groundtruth.Resolve(m, dump, leakDump, version)
	for _, g := range truth.Leaks {
		if leakDump != nil && g.InLeakProfile != nil && *g.InLeakProfile != (len(g.LeakedIDs) == g.Count) {
			return []string{fmt.Sprintf("%s: inLeakProfile=%v but goroutineleak marked %d of %d", g.StartFunc, *g.InLeakProfile, len(g.LeakedIDs), g.Count)}
		}
	}
	tb, err := json.MarshalIndent(truth, "", "  ")
	must(err)
	must(os.WriteFile(filepath.Join(dir, "truth.json"), append(tb, '\n'), 0o644))
	if errs := checkFiles(dir, paths); len(errs) > 0 {
		return errs
	}
	dst := filepath.Join(outRoot, tc.name, sc)
	must(os.RemoveAll(dst))
	must(os.MkdirAll(filepath.Dir(dst), 0o755))
	return copyDir(dir, dst)
}

// buildAll builds every scenario in one go command (one link per program,
// shared compilation of the harness).
func buildAll(tc toolchain, root, tmp string, scenarios []string) []string {
	args := []string{"build", "-o", filepath.Join(tmp, "bin") + string(filepath.Separator)}
	for _, sc := range scenarios {
		if sc != "testleak" {
			args = append(args, "./"+sc)
		}
	}
	if len(args) == 3 {
		return nil
	}
	must(os.MkdirAll(filepath.Join(tmp, "bin"), 0o755))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if b, err := goCmd(ctx, tc, root, args...).CombinedOutput(); err != nil {
		return []string{fmt.Sprintf("build: %v: %s", err, b)}
	}
	return nil
}

func readManifest(p string) (groundtruth.Manifest, error) {
	b, err := os.ReadFile(p)
	if err != nil {
		return groundtruth.Manifest{}, err
	}
	m, err := groundtruth.ParseManifest(b)
	if err != nil {
		return m, fmt.Errorf("%s: %v", p, err)
	}
	return m, nil
}

// checkFiles refuses machine paths (module dir, temp dir, $HOME, GOROOT) and
// any scenario folder over 1 MB.
func checkFiles(dir string, paths []string) []string {
	var errs []string
	var total int64
	entries, err := os.ReadDir(dir)
	if err != nil {
		return []string{err.Error()}
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return []string{err.Error()}
		}
		total += int64(len(b))
		if strings.HasSuffix(e.Name(), ".gz") {
			if zr, err := gzip.NewReader(bytes.NewReader(b)); err == nil {
				if u, err := io.ReadAll(zr); err == nil {
					b = append(b, u...)
				}
			}
		}
		for _, p := range paths {
			if len(p) > 1 && bytes.Contains(b, []byte(p)) {
				errs = append(errs, fmt.Sprintf("%s contains machine path %q (build without -trimpath?)", e.Name(), p))
			}
		}
	}
	if total > 1<<20 {
		errs = append(errs, fmt.Sprintf("outputs are %d bytes, over the 1 MB budget", total))
	}
	return errs
}

func copyDir(src, dst string) []string {
	must(os.MkdirAll(dst, 0o755))
	entries, err := os.ReadDir(src)
	if err != nil {
		return []string{err.Error()}
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return []string{err.Error()}
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			return []string{err.Error()}
		}
	}
	return nil
}
