package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"

	"golang.org/x/exp/trace"
)

type traceOut struct {
	GoVersion   string                   `json:"goVersion"`
	Events      int                      `json:"events"`
	SyncEvents  int                      `json:"syncEvents"`
	FirstTime   string                   `json:"firstTime"`
	DurationNs  int64                    `json:"durationNs"`
	Goroutines  []*goroutine             `json:"goroutines"`
	Transitions map[string][]*transition `json:"transitions"`
}

type goroutine struct {
	ID           int64    `json:"id"`
	Parent       int64    `json:"parent"`
	Created      *int64   `json:"created"`
	StartFunc    string   `json:"startFunc"`
	CreatorStack []string `json:"creatorStack"`
	Ended        *int64   `json:"ended"`
	Final        final    `json:"final"`
}

type final struct {
	State  string   `json:"state"`
	Reason string   `json:"reason"`
	Since  *int64   `json:"since"`
	Stack  []string `json:"stack"`
}

type transition struct {
	T      int64    `json:"t"`
	From   string   `json:"from"`
	To     string   `json:"to"`
	Reason string   `json:"reason"`
	Stack  []string `json:"stack"`
}

var headerRE = regexp.MustCompile(`^go 1\.(\d+) trace\x00\x00\x00$`)

func readTrace(r *bufio.Reader) (*traceOut, error) {
	hdr, err := r.Peek(16)
	if err != nil {
		return nil, fmt.Errorf("reading header: %w", err)
	}
	m := headerRE.FindSubmatch(hdr)
	if m == nil {
		return nil, fmt.Errorf("not a Go execution trace (header %q)", hdr)
	}
	goVersion := "1." + string(m[1]) // copy: m aliases the bufio buffer
	tr, err := trace.NewReader(r)
	if err != nil {
		return nil, err
	}
	out := &traceOut{GoVersion: goVersion, Goroutines: []*goroutine{}, Transitions: map[string][]*transition{}}
	gs := map[trace.GoID]*goroutine{}
	trs := map[trace.GoID][]*transition{}
	stacks := map[trace.Stack][]string{} // stacks are interned per generation; cache by handle
	frames := func(s trace.Stack) []string {
		if s == trace.NoStack {
			return []string{}
		}
		if v, ok := stacks[s]; ok {
			return v
		}
		v := []string{}
		for f := range s.Frames() {
			v = append(v, f.Func+" "+f.File+":"+strconv.FormatUint(f.Line, 10))
		}
		stacks[s] = v
		return v
	}
	var first, last trace.Time
	for {
		ev, err := tr.ReadEvent()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("after %d events: %w", out.Events, err)
		}
		if out.Events == 0 {
			first = ev.Time()
		}
		last = ev.Time()
		out.Events++
		switch ev.Kind() {
		case trace.EventSync:
			out.SyncEvents++
		case trace.EventStateTransition:
			st := ev.StateTransition()
			if st.Resource.Kind != trace.ResourceGoroutine {
				continue
			}
			id := st.Resource.Goroutine()
			from, to := st.Goroutine()
			t := int64(ev.Time() - first)
			g := gs[id]
			if g == nil {
				g = &goroutine{ID: int64(id), Parent: -1, CreatorStack: []string{}, Final: final{Stack: []string{}}}
				gs[id] = g
			}
			stk := frames(st.Stack)
			if from == trace.GoNotExist && to != trace.GoNotExist {
				tt := t
				g.Created = &tt
				g.Parent = int64(ev.Goroutine()) // NoGoroutine is -1
				if len(stk) > 0 {
					for f := range st.Stack.Frames() {
						g.StartFunc = f.Func
						break
					}
				}
				g.CreatorStack = frames(ev.Stack())
			}
			if to == trace.GoNotExist && from != trace.GoNotExist {
				tt := t
				g.Ended = &tt
			}
			tt := t
			g.Final = final{State: to.String(), Reason: st.Reason, Since: &tt, Stack: stk}
			trs[id] = append(trs[id], &transition{T: t, From: from.String(), To: to.String(), Reason: st.Reason, Stack: stk})
		}
	}
	if out.Events == 0 {
		return nil, errors.New("trace holds no events")
	}
	out.FirstTime = strconv.FormatInt(int64(first), 10)
	out.DurationNs = int64(last - first)
	ids := make([]trace.GoID, 0, len(gs))
	for id := range gs {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		out.Goroutines = append(out.Goroutines, gs[id])
		out.Transitions[strconv.FormatInt(int64(id), 10)] = trs[id]
	}
	return out, nil
}
