// Package corpus holds what the harness, the generator and the checks share: a parser for
// debug=2 goroutine dumps (runtime.Stack(all) format) and the labels.json schema.
// Standard library only, Go 1.22: every toolchain of the corpus compiles it.
package corpus

import (
	"bufio"
	"regexp"
	"strconv"
	"strings"
)

// Goroutine is one record of a debug=2 dump.
type Goroutine struct {
	ID int64
	// WaitReason is the status inside the brackets without ", N minutes", ", locked to
	// thread" and the " (leaked)" flag: "chan send", "running", "sync.Mutex.Lock"…
	WaitReason string
	Leaked     bool // goroutineleak marks the GC-proven ones " (leaked)" (Go 1.26+)
	Funcs      []string
	CreatedBy  string
}

var headerRE = regexp.MustCompile(`^goroutine (\d+)[^\[]*\[(.*)\]:$`)

// ParseDump splits a debug=2 dump into goroutines, in dump order.
func ParseDump(text string) []Goroutine {
	var out []Goroutine
	var cur *Goroutine
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		if m := headerRE.FindStringSubmatch(line); m != nil {
			if cur != nil {
				out = append(out, *cur)
			}
			id, _ := strconv.ParseInt(m[1], 10, 64)
			status := m[2]
			g := Goroutine{ID: id}
			if strings.Contains(status, " (leaked)") {
				g.Leaked = true
				status = strings.Replace(status, " (leaked)", "", 1)
			}
			if i := strings.Index(status, ", "); i >= 0 {
				status = status[:i]
			}
			g.WaitReason = status
			cur = &g
			continue
		}
		if cur == nil || line == "" || strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "...") {
			continue
		}
		if strings.HasPrefix(line, "created by ") {
			c := strings.TrimPrefix(line, "created by ")
			if i := strings.Index(c, " in goroutine "); i >= 0 {
				c = c[:i]
			}
			cur.CreatedBy = c
			continue
		}
		cur.Funcs = append(cur.Funcs, stripArgs(line))
	}
	if cur != nil {
		out = append(out, *cur)
	}
	return out
}

func stripArgs(line string) string {
	if i := strings.LastIndex(line, "("); i > 0 && strings.HasSuffix(line, ")") {
		return line[:i]
	}
	return line
}

// StartFunc is the goroutine's entry function: the bottom frame of its stack (compiler
// wrappers such as gowrap are hidden by the traceback, so `go s.loop()` shows main.(*s).loop).
func (g Goroutine) StartFunc() string {
	if len(g.Funcs) == 0 {
		return ""
	}
	return g.Funcs[len(g.Funcs)-1]
}

// Parked: blocked in the scheduler (any wait reason), not running, runnable or in a syscall.
func (g Goroutine) Parked() bool {
	switch g.WaitReason {
	case "running", "runnable", "syscall", "idle", "dead", "copystack", "preempted", "":
		return false
	}
	return true
}

// IsOwnCode: a frame outside the standard library (package main, the corpus module, or a module
// whose path starts with a domain), where a developer would change the line.
func IsOwnCode(fn string) bool {
	if strings.HasPrefix(fn, "main.") {
		return true
	}
	first := fn
	if i := strings.IndexAny(first, "/."); i >= 0 {
		if first[i] == '/' {
			first = first[:i]
		} else {
			return false // "sync.(*Mutex).Lock": no slash, std
		}
	}
	return first == "leakcorpus" || strings.Contains(first, ".")
}

// BlockedIn is the innermost frame of the program's own code; when the whole stack is standard
// library (net/http's connection goroutines), the innermost frame that is not runtime.*.
func (g Goroutine) BlockedIn() string {
	for _, f := range g.Funcs {
		if IsOwnCode(f) {
			return f
		}
	}
	for _, f := range g.Funcs {
		if !strings.HasPrefix(f, "runtime.") {
			return f
		}
	}
	return ""
}

// NotTheProgram: goroutines that are not labelled because they belong to the runtime, the
// tracer, os/signal's dispatcher, the testing framework or the harness itself.
func NotTheProgram(g Goroutine) bool {
	if g.ID == 1 {
		return true // the main goroutine: it runs the harness
	}
	sf := g.StartFunc()
	for _, p := range []string{"runtime.", "runtime/trace.", "os/signal.", "testing.", "leakcorpus/internal/"} {
		if strings.HasPrefix(sf, p) {
			return true
		}
	}
	return sf == ""
}
