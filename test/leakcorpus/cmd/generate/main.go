// Command generate builds every corpus program with each toolchain, runs it under surroundings
// chosen from a hash of its name, checks its outputs (labels.json written by the harness, the
// trace's end state read by Go's own trace reader in test/oracle, no machine paths) and writes
// them to test/corpus/leaks/<toolchain>/<family>/<program>/. Suites: see suites.go.
//
//	go run ./cmd/generate [-go go1.27,go1.23] [-family a,b] [-only prog,family/prog] [-suites=false] [-programs=false]
//	go run ./cmd/generate -compare   # run again, write nothing, compare label counts with the committed ones
package main

import (
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

type toolchain struct {
	name string // output folder
	cmd  string
	env  []string
}

var toolchains = []toolchain{
	{"go1.27", "go", []string{"GOTOOLCHAIN=go1.27.3"}},
	{"go1.23", "/usr/lib/go-1.23/bin/go", []string{"GOTOOLCHAIN=local"}},
}

type program struct{ family, name string }

func (p program) id() string { return p.family + "/" + p.name }

// surroundings of a program, the same for every toolchain: a hash of its name picks GOMAXPROCS,
// where the trace starts and the tail (the harness may override "after", and says so).
type surroundings struct {
	procs int
	start string
	tail  time.Duration
}

func surroundingsOf(p program) surroundings {
	h := fnv.New32a()
	h.Write([]byte(p.id()))
	v := h.Sum32()
	return surroundings{
		procs: []int{1, 2, 4}[v%3],
		start: []string{"before", "after"}[(v/3)%2],
		tail:  []time.Duration{20 * time.Millisecond, 100 * time.Millisecond, 500 * time.Millisecond}[(v/6)%3],
	}
}

type config struct {
	root     string // test/leakcorpus
	outRoot  string // test/corpus/leaks
	tmp      string // fixed build and run directory
	oracle   string // test/oracle binary
	compare  bool
	machine  []string // paths no output may contain
	failures []string
	flakes   []string
	sizes    map[string]int64 // output folder → bytes
	diffs    []string
}

func main() {
	gos := flag.String("go", "", "comma-separated toolchains (default: go1.27,go1.23)")
	families := flag.String("family", "", "comma-separated families (default: all)")
	only := flag.String("only", "", "comma-separated programs, by name or family/name (default: all)")
	suites := flag.Bool("suites", true, "also run the open-source test suites (go1.27 only)")
	programs := flag.Bool("programs", true, "run the corpus programs (-programs=false: suites only)")
	compare := flag.Bool("compare", false, "run everything again, write nothing, compare label counts with the committed outputs")
	flag.Parse()

	root, err := os.Getwd()
	must(err)
	if _, err := os.Stat(filepath.Join(root, "programs")); err != nil {
		must(fmt.Errorf("run from test/leakcorpus (no programs/ in %s)", root))
	}
	c := &config{
		root:    root,
		outRoot: filepath.Join(root, "..", "corpus", "leaks"),
		// A fixed, user-neutral directory: pprof mappings record the binary's absolute path,
		// and that path ends up in the committed profiles.
		tmp:     filepath.Join(os.TempDir(), "leakline-leakcorpus"),
		compare: *compare,
		sizes:   map[string]int64{},
	}
	must(os.RemoveAll(c.tmp))
	must(os.MkdirAll(c.tmp, 0o755))
	defer os.RemoveAll(c.tmp)
	c.machine = []string{filepath.Dir(filepath.Dir(root)), os.Getenv("HOME")}
	c.oracle = buildOracle(c)

	if *programs {
		progs := listPrograms(root, *families, *only)
		fmt.Printf("%d programs\n", len(progs))
		for _, tc := range toolchains {
			if *gos != "" && !inList(*gos, tc.name) {
				continue
			}
			runToolchain(c, tc, progs)
		}
	}
	if *suites && (*gos == "" || inList(*gos, "go1.27")) && *families == "" && *only == "" {
		runSuites(c)
	}
	report(c)
}

func runToolchain(c *config, tc toolchain, progs []program) {
	version, err := goOutput(tc, os.TempDir(), "env", "GOVERSION")
	if err != nil {
		c.failures = append(c.failures, tc.name+": toolchain not usable: "+err.Error())
		return
	}
	goroot, _ := goOutput(tc, os.TempDir(), "env", "GOROOT")
	machine := append(append([]string{}, c.machine...), goroot)
	fmt.Printf("== %s (%s)\n", tc.name, version)
	bin := filepath.Join(c.tmp, "bin", tc.name)
	must(os.MkdirAll(bin, 0o755))
	if err := buildPrograms(tc, c.root, bin, progs); err != nil {
		c.failures = append(c.failures, tc.name+": build: "+err.Error())
		return
	}
	for _, p := range progs {
		var problems []string
		for attempt := 1; attempt <= 3; attempt++ {
			problems = runProgram(c, tc, bin, p, machine)
			if len(problems) == 0 {
				if attempt > 1 {
					c.flakes = append(c.flakes, fmt.Sprintf("%s/%s passed on attempt %d", tc.name, p.id(), attempt))
				}
				break
			}
			fmt.Printf("  %s attempt %d FAILED:\n    %s\n", p.id(), attempt, strings.Join(problems, "\n    "))
		}
		if len(problems) > 0 {
			c.failures = append(c.failures, tc.name+"/"+p.id()+": "+problems[0])
		}
	}
}

// buildPrograms builds all programs in one go command (the harness is compiled once); program
// names are unique across families, so each binary is named by its directory.
func buildPrograms(tc toolchain, root, bin string, progs []program) error {
	args := []string{"build", "-trimpath", "-o", bin + string(filepath.Separator)}
	for _, p := range progs {
		args = append(args, "./programs/"+p.id())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	cmd := goCmd(ctx, tc, root, args...)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%v: %s", err, b)
	}
	return nil
}

func runProgram(c *config, tc toolchain, bin string, p program, machine []string) []string {
	s := surroundingsOf(p)
	dir := filepath.Join(c.tmp, "out", tc.name, p.family, p.name)
	must(os.RemoveAll(dir))
	must(os.MkdirAll(dir, 0o755))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(bin, p.name),
		"-out", dir, "-name", p.id(), "-gomaxprocs", fmt.Sprint(s.procs), "-trace-start", s.start, "-tail", s.tail.String())
	cmd.Dir = c.tmp
	cmd.Env = append(os.Environ(), "GODEBUG=")
	start := time.Now()
	if b, err := cmd.CombinedOutput(); err != nil {
		return []string{fmt.Sprintf("run: %v: %s", err, strings.TrimSpace(string(b)))}
	}
	problems, labels := checkOutputs(c, dir, machine)
	if len(problems) > 0 {
		return problems
	}
	size := dirSize(dir)
	fmt.Printf("  ok %-55s %s %3dms %-6s %6.1f KB %4.1fs  %s\n", p.id(), fmt.Sprint(s.procs), s.tail.Milliseconds(), labels.Surroundings.TraceStart,
		float64(size)/1024, time.Since(start).Seconds(), summary(labels))
	return finish(c, dir, filepath.Join(c.outRoot, tc.name, p.family, p.name), labels)
}

func report(c *config) {
	var total int64
	perTC := map[string]int64{}
	keys := make([]string, 0, len(c.sizes))
	for k, v := range c.sizes {
		keys = append(keys, k)
		total += v
		perTC[strings.SplitN(k, "/", 2)[0]] += v
	}
	sort.Strings(keys)
	fmt.Println()
	for _, k := range sortedKeys(perTC) {
		fmt.Printf("%-8s %7.2f MB\n", k, float64(perTC[k])/(1<<20))
	}
	fmt.Printf("total    %7.2f MB in %d folders\n", float64(total)/(1<<20), len(keys))
	for _, f := range c.flakes {
		fmt.Println("flake:", f)
	}
	if c.compare {
		if len(c.diffs) == 0 {
			fmt.Println("compare: label counts agree with the committed outputs in every folder")
		} else {
			fmt.Printf("compare: %d folders differ:\n  %s\n", len(c.diffs), strings.Join(c.diffs, "\n  "))
		}
	}
	if len(c.failures) > 0 || len(c.diffs) > 0 {
		fmt.Printf("\nFAILED (%d):\n  %s\n", len(c.failures), strings.Join(c.failures, "\n  "))
		os.Exit(1)
	}
}

func listPrograms(root, families, only string) []program {
	var out []program
	seen := map[string]string{}
	fams, err := os.ReadDir(filepath.Join(root, "programs"))
	must(err)
	for _, f := range fams {
		if !f.IsDir() || (families != "" && !inList(families, f.Name())) {
			continue
		}
		progs, err := os.ReadDir(filepath.Join(root, "programs", f.Name()))
		must(err)
		for _, p := range progs {
			if !p.IsDir() {
				continue
			}
			pr := program{f.Name(), p.Name()}
			if other, dup := seen[p.Name()]; dup {
				must(fmt.Errorf("program name %s is used in %s and %s: names must be unique (binaries are named by them)", p.Name(), other, f.Name()))
			}
			seen[p.Name()] = f.Name()
			if only != "" && !inList(only, pr.name) && !inList(only, pr.id()) {
				continue
			}
			out = append(out, pr)
		}
	}
	return out
}

func goCmd(ctx context.Context, tc toolchain, dir string, args ...string) *exec.Cmd {
	c := exec.CommandContext(ctx, tc.cmd, args...)
	c.Dir = dir
	c.Env = append(os.Environ(), tc.env...)
	c.Env = append(c.Env, "GOFLAGS=-buildvcs=false", "CGO_ENABLED=0")
	return c
}

func goOutput(tc toolchain, dir string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	b, err := goCmd(ctx, tc, dir, args...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%v: %s", err, strings.TrimSpace(string(b)))
	}
	return strings.TrimSpace(string(b)), nil
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
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

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
