// Command labelprof writes one goroutine capture whose goroutines carry pprof labels with
// awkward values (spaces, quotes, backslashes, tabs, newlines, non-ASCII, empty), in all three
// encodings: <dir>/goroutine.pb.gz, goroutine.debug1.txt and goroutine.debug2.txt. Run with
// GODEBUG=tracebacklabels=1 on Go 1.26+ to get labels in the debug=2 headers too. The label
// corpus the fixture programs lack; test/differential/labels.test.ts runs it.
package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"
)

var labelSets = [][]string{
	{"worker", "a b", "id", "7"},
	{"quote", `say "hi"`, "path", `C:\tmp\x`},
	{"ctl", "tab\there\nnewline", "unicode", "café ☕"},
	{"empty", ""},
	{"plain", "v1.2/x_y"},
}

func park(ch chan struct{}) { <-ch }

func main() {
	dir := os.Args[1]
	block := make(chan struct{})
	for i, set := range labelSets {
		for j := 0; j <= i; j++ {
			pprof.Do(context.Background(), pprof.Labels(set...), func(context.Context) { go park(block) })
		}
	}
	go park(block) // unlabelled, same stack as the labelled ones
	time.Sleep(200 * time.Millisecond)
	for _, c := range []struct {
		file  string
		debug int
	}{{"goroutine.pb.gz", 0}, {"goroutine.debug1.txt", 1}, {"goroutine.debug2.txt", 2}} {
		f, err := os.Create(filepath.Join(dir, c.file))
		if err != nil {
			panic(err)
		}
		if err := pprof.Lookup("goroutine").WriteTo(f, c.debug); err != nil {
			panic(err)
		}
		f.Close()
	}
}
