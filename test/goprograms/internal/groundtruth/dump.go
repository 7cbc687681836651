// Package groundtruth parses debug=2 goroutine dumps and matches them against a
// scenario manifest. It is shared by the harness (to wait until the declared
// goroutines are parked), the generator (to write truth.json) and the corpus test.
// It must build with Go 1.19: every toolchain in the corpus compiles it.
package groundtruth

import (
	"bufio"
	"regexp"
	"strconv"
	"strings"
)

// Goroutine is one record of a debug=2 dump (runtime.Stack(buf, true) format).
type Goroutine struct {
	ID         int64
	WaitReason string // status inside the brackets, without ", N minutes", ", locked to thread", " (leaked)"
	Leaked     bool   // Go 1.26 goroutineleak marker " (leaked)"
	Funcs      []string
	Files      []string // "file:line", parallel to Funcs
	CreatedBy  string
	StartFunc  string // bottom frame's function: the goroutine's entry point
}

var headerRE = regexp.MustCompile(`^goroutine (\d+)[^\[]*\[(.*)\]:$`)

// ParseDump splits a debug=2 dump into goroutines.
func ParseDump(text string) []Goroutine {
	var out []Goroutine
	var cur *Goroutine
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if m := headerRE.FindStringSubmatch(line); m != nil {
			if cur != nil {
				out = append(out, finish(*cur))
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
		if cur == nil || line == "" {
			continue
		}
		if strings.HasPrefix(line, "\t") {
			f := strings.TrimSpace(line)
			if i := strings.LastIndex(f, " +0x"); i >= 0 {
				f = f[:i]
			}
			if len(cur.Files) < len(cur.Funcs) {
				cur.Files = append(cur.Files, f)
			}
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
		if strings.HasPrefix(line, "...") {
			continue // "...additional frames elided..."
		}
		cur.Funcs = append(cur.Funcs, stripArgs(line))
	}
	if cur != nil {
		out = append(out, finish(*cur))
	}
	return out
}

func finish(g Goroutine) Goroutine {
	if len(g.Funcs) > 0 {
		g.StartFunc = g.Funcs[len(g.Funcs)-1]
	}
	return g
}

func stripArgs(line string) string {
	if i := strings.LastIndex(line, "("); i > 0 && strings.HasSuffix(line, ")") {
		return line[:i]
	}
	return line
}

// BlockedIn is the innermost frame of the program's own code (package main or
// the goprograms module): where the goroutine is stuck, below runtime/sync/time.
func (g Goroutine) BlockedIn() string {
	for _, f := range g.Funcs {
		if strings.HasPrefix(f, "main.") || strings.HasPrefix(f, "goprograms/") {
			return f
		}
	}
	return ""
}
