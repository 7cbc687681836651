package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// leakLabels is the part of test/corpus/leaks/**/labels.json this test reads (the schema and
// the other checks are test/leakcorpus/check's).
type leakLabels struct {
	Program    string `json:"program"`
	Goroutines []struct {
		ID        int64  `json:"id"`
		Label     string `json:"label"`
		StartFunc string `json:"startFunc"`
	} `json:"goroutines"`
}

// TestLeakCorpusEndStates reads every trace of the labelled leak corpus with x/exp/trace: each
// labelled goroutine (labelled from the debug=2 dump taken right after the trace stopped) must
// exist in the trace and end it Waiting, so the evaluation can join trace, dumps and labels by
// goroutine id.
func TestLeakCorpusEndStates(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "corpus", "leaks", "go1.*", "*", "*", "labels.json"))
	if err != nil || len(files) < 300 {
		t.Fatalf("found %d labels.json under test/corpus/leaks (%v); the corpus has ~350", len(files), err)
	}
	sort.Strings(files)
	labelled := 0
	for _, lf := range files {
		b, err := os.ReadFile(lf)
		if err != nil {
			t.Fatal(err)
		}
		var l leakLabels
		if err := json.Unmarshal(b, &l); err != nil {
			t.Fatalf("%s: %v", lf, err)
		}
		tr := loadTrace(t, filepath.Join(filepath.Dir(lf), "trace.out"))
		final := map[int64]string{}
		for _, g := range tr.Goroutines {
			final[g.ID] = g.Final.State
		}
		for _, g := range l.Goroutines {
			labelled++
			if st, ok := final[g.ID]; !ok || st != "Waiting" {
				t.Errorf("%s: g%d (%s, %s) ends the trace %q, want Waiting", lf, g.ID, g.StartFunc, g.Label, st)
			}
		}
	}
	t.Logf("%d labelled goroutines in %d runs end their traces Waiting", labelled, len(files))
}
