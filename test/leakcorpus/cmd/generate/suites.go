package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"leakcorpus/internal/corpus"
)

// suiteFile is suites/suites.json.
type suiteFile struct {
	Suites []suite `json:"suites"`
}

type suite struct {
	Name     string         `json:"name"`
	Module   string         `json:"module"`
	Version  string         `json:"version"`
	Packages []suitePackage `json:"packages"`
}

type suitePackage struct {
	Path string `json:"path"`
	Dir  string `json:"dir"`
	Run  string `json:"run"`
	Skip string `json:"skip,omitempty"`
}

// suiteCPU: GOMAXPROCS of every suite run (go test -cpu), recorded in labels.json.
const suiteCPU = 2

// testMainOverlay is added to the package under test with `go test -overlay` (the module's
// files are never edited). The go command refuses overlays beneath GOMODCACHE, which rules out
// overlaying the go1.27 toolchain's own testing package (it lives there) and the module as
// downloaded: each module is copied unchanged out of the cache and required through a replace.
// m.Run stops the trace in (*M).writeProfiles just before it returns, so the profiles below
// are taken right after the trace stopped. Imports are aliased so they cannot collide with the
// package's own names.
const testMainOverlay = `package %s

import (
	leaklineOS "os"
	leaklinePprof "runtime/pprof"
	leaklineTesting "testing"
)

func TestMain(m *leaklineTesting.M) {
	code := m.Run()
	if dir := leaklineOS.Getenv("LEAKLINE_SUITE_OUT"); dir != "" {
		for _, p := range []struct {
			file, name string
			debug      int
		}{
			{"goroutine.debug2.txt", "goroutine", 2}, {"goroutine.debug1.txt", "goroutine", 1},
			{"goroutine.pb.gz", "goroutine", 0},
			{"goroutineleak.pb.gz", "goroutineleak", 0}, {"goroutineleak.debug2.txt", "goroutineleak", 2},
		} {
			prof := leaklinePprof.Lookup(p.name)
			f, err := leaklineOS.Create(dir + "/" + p.file)
			if prof == nil || err != nil {
				leaklineOS.Exit(3)
			}
			prof.WriteTo(f, p.debug)
			f.Close()
		}
	}
	leaklineOS.Exit(code)
}
`

var go127 = toolchain{"go1.27", "go", []string{"GOTOOLCHAIN=go1.27.3"}}

// runSuites builds each listed package's test binary with the TestMain overlay in one module
// that requires the listed versions, runs it with -test.trace from the package's directory, and
// labels its parked goroutines: leaked/gc-proof where goroutineleak proves them, else
// healthy/default (test suites are healthy by default).
func runSuites(c *config) {
	b, err := os.ReadFile(filepath.Join(c.root, "suites", "suites.json"))
	must(err)
	var sf suiteFile
	must(json.Unmarshal(b, &sf))
	version, err := goOutput(go127, os.TempDir(), "env", "GOVERSION")
	if err != nil {
		c.failures = append(c.failures, "suites: "+err.Error())
		return
	}
	goroot, _ := goOutput(go127, os.TempDir(), "env", "GOROOT")
	modcache, _ := goOutput(go127, os.TempDir(), "env", "GOMODCACHE")
	machine := append(append([]string{}, c.machine...), goroot, modcache)
	ws := filepath.Join(c.tmp, "suites")
	must(os.MkdirAll(filepath.Join(ws, "bin"), 0o755))
	must(os.WriteFile(filepath.Join(ws, "go.mod"), []byte("module leaklinesuites\n\ngo 1.22\n"), 0o644))
	fmt.Printf("== suites (%s)\n", version)
	for _, s := range sf.Suites {
		if err := requireCopy(ws, s); err != nil {
			c.failures = append(c.failures, fmt.Sprintf("suite %s: %v", s.Name, err))
			continue
		}
		for _, p := range s.Packages {
			var problems []string
			for attempt := 1; attempt <= 2; attempt++ {
				problems = runSuitePackage(c, ws, version, s, p, machine)
				if len(problems) == 0 {
					break
				}
				fmt.Printf("  suite-%s/%s attempt %d FAILED:\n    %s\n", s.Name, p.Dir, attempt, strings.Join(problems, "\n    "))
			}
			if len(problems) > 0 {
				c.failures = append(c.failures, fmt.Sprintf("suite-%s/%s: %s", s.Name, p.Dir, problems[0]))
			}
		}
	}
}

func runSuitePackage(c *config, ws, version string, s suite, p suitePackage, machine []string) []string {
	info, err := goOutput(go127, ws, "list", "-f", "{{.Dir}}\t{{.Name}}\t{{range .TestGoFiles}}{{.}} {{end}}{{range .XTestGoFiles}}{{.}} {{end}}", p.Path)
	if err != nil {
		return []string{err.Error()}
	}
	parts := strings.SplitN(info, "\t", 3)
	pkgDir, pkgName := parts[0], parts[1]
	for _, f := range strings.Fields(parts[2]) {
		src, _ := os.ReadFile(filepath.Join(pkgDir, f))
		if strings.Contains(string(src), "func TestMain(") {
			return []string{p.Path + " has its own TestMain: the overlay cannot add the capture"}
		}
	}
	ovDir := filepath.Join(ws, "overlay", s.Name, p.Dir)
	must(os.MkdirAll(ovDir, 0o755))
	mainFile := filepath.Join(ovDir, "zz_leakline_main_test.go")
	must(os.WriteFile(mainFile, []byte(fmt.Sprintf(testMainOverlay, pkgName)), 0o644))
	ov, _ := json.Marshal(map[string]map[string]string{"Replace": {filepath.Join(pkgDir, "zz_leakline_main_test.go"): mainFile}})
	ovJSON := filepath.Join(ovDir, "overlay.json")
	must(os.WriteFile(ovJSON, ov, 0o644))

	bin := filepath.Join(ws, "bin", s.Name+"-"+p.Dir+".test")
	if out, err := goOutput(go127, ws, "test", "-c", "-trimpath", "-overlay", ovJSON, "-o", bin, p.Path); err != nil {
		return []string{"go test -c: " + firstLines(out+err.Error(), 5)}
	}
	dir := filepath.Join(c.tmp, "out", "go1.27", "suite-"+s.Name, p.Dir)
	must(os.RemoveAll(dir))
	must(os.MkdirAll(dir, 0o755))
	args := []string{"-test.count=1", fmt.Sprintf("-test.cpu=%d", suiteCPU), "-test.timeout=5m", "-test.trace=" + filepath.Join(dir, "trace.out")}
	if p.Run != "" {
		args = append(args, "-test.run="+p.Run)
	}
	if p.Skip != "" {
		args = append(args, "-test.skip="+p.Skip)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = pkgDir
	cmd.Env = append(os.Environ(), "LEAKLINE_SUITE_OUT="+dir)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		return []string{fmt.Sprintf("tests failed (%v): %s", err, lastLines(string(out), 8))}
	}
	labels, err := labelSuite(dir, version, s, p)
	if err != nil {
		return []string{err.Error()}
	}
	if err := labels.Write(filepath.Join(dir, "labels.json")); err != nil {
		return []string{err.Error()}
	}
	problems, labels := checkOutputs(c, dir, machine)
	if len(problems) > 0 {
		return problems
	}
	fmt.Printf("  ok suite-%-48s %8.1f KB %5.1fs  %s\n", s.Name+"/"+p.Dir, float64(dirSize(dir))/1024, time.Since(start).Seconds(), summary(labels))
	return finish(c, dir, filepath.Join(c.outRoot, "go1.27", "suite-"+s.Name, p.Dir), labels)
}

// labelSuite: every goroutine of the suite parked when the profiles were taken; leaked by GC
// proof, healthy by default.
func labelSuite(dir, version string, s suite, p suitePackage) (corpus.Labels, error) {
	l := corpus.Labels{
		Program: "suite-" + s.Name + "/" + p.Dir, Family: "suite-" + s.Name, Kind: "suite", GoVersion: version,
		Surroundings: corpus.Surroundings{GOMAXPROCS: suiteCPU, TraceStart: "before", TailMs: 0},
	}
	d2, err := os.ReadFile(filepath.Join(dir, "goroutine.debug2.txt"))
	if err != nil {
		return l, fmt.Errorf("no goroutine profile (did the TestMain overlay run?): %v", err)
	}
	lk, err := os.ReadFile(filepath.Join(dir, "goroutineleak.debug2.txt"))
	if err != nil {
		return l, err
	}
	proven := map[int64]bool{}
	for _, g := range corpus.ParseDump(string(lk)) {
		if g.Leaked {
			proven[g.ID] = true
		}
	}
	for _, g := range corpus.ParseDump(string(d2)) {
		if corpus.NotTheProgram(g) || !g.Parked() {
			continue
		}
		lb := corpus.Label{ID: g.ID, Label: "healthy", How: "default", StartFunc: g.StartFunc(), WaitReason: g.WaitReason, BlockedIn: g.BlockedIn()}
		if proven[g.ID] {
			lb.Label, lb.How = "leaked", "gc-proof"
		}
		l.Goroutines = append(l.Goroutines, lb)
	}
	return l, l.Validate()
}

// requireCopy makes the workspace require s.Module at s.Version (with its test dependencies) and
// replaces it by an unchanged copy of the downloaded module outside the module cache.
func requireCopy(ws string, s suite) error {
	if out, err := goOutput(go127, ws, "get", "-t", s.Module+"/...@"+s.Version); err != nil {
		return fmt.Errorf("go get: %s", firstLines(out+err.Error(), 3))
	}
	out, err := goOutput(go127, ws, "mod", "download", "-json", s.Module+"@"+s.Version)
	if err != nil {
		return fmt.Errorf("go mod download: %v", err)
	}
	var info struct{ Dir, GoMod string }
	if err := json.Unmarshal([]byte(out), &info); err != nil || info.Dir == "" {
		return fmt.Errorf("go mod download gave no directory: %s", firstLines(out, 3))
	}
	dst := filepath.Join(ws, "src", s.Name)
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	if err := copyTree(info.Dir, dst); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dst, "go.mod")); err != nil {
		// A module from before modules (+incompatible): use the go.mod the proxy serves for it.
		b, err := os.ReadFile(info.GoMod)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, "go.mod"), b, 0o644); err != nil {
			return err
		}
	}
	if out, err := goOutput(go127, ws, "mod", "edit", "-replace", s.Module+"=./src/"+s.Name); err != nil {
		return fmt.Errorf("go mod edit: %s", out)
	}
	return nil
}

func copyTree(src, dst string) error {
	return filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if fi.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, " | ")
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
