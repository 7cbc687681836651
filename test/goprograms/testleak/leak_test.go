// Package testleak is the `go test -trace` fixture: two parallel tests, one of
// which leaks a goroutine, so a viewer can attribute the leak to TestLeaky by
// walking the creator chain back to its testing.tRunner goroutine.
package testleak

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"testing"
	"time"

	"goprograms/internal/harness"
)

func TestLeaky(t *testing.T) {
	t.Parallel()
	results := make(chan int)
	go func() {
		v := <-results // nobody ever sends: the test forgot to
		consume(v)
	}()
	// Return only once the goroutine is parked, so the trace (stopped when the
	// test binary finishes) and the dump written by TestMain both show it.
	waitParked(t, "goprograms/testleak.TestLeaky.func1", "chan receive")
}

func TestClean(t *testing.T) {
	t.Parallel()
	results := make(chan int)
	go func() {
		results <- work()
	}()
	if v := <-results; v != 42 {
		t.Fatalf("work() = %d", v)
	}
}

//go:noinline
func work() int {
	time.Sleep(2 * time.Millisecond)
	return 42
}

//go:noinline
func consume(int) {}

func waitParked(t *testing.T, startFunc, reason string) {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		for _, g := range harness.Dump() {
			if g.StartFunc == startFunc && g.WaitReason == reason {
				return
			}
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("%s never parked in %s", startFunc, reason)
}

// TestMain writes the goroutine profiles after the tests (and the trace that
// `go test -trace` stops inside m.Run) when LEAKLINE_OUT names a directory.
func TestMain(m *testing.M) {
	code := m.Run()
	if dir := os.Getenv("LEAKLINE_OUT"); dir != "" {
		if err := writeProfiles(dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
		}
	}
	os.Exit(code)
}

func writeProfiles(dir string) error {
	for _, name := range []string{"goroutine", "goroutineleak"} {
		p := pprof.Lookup(name)
		if p == nil {
			continue // goroutineleak needs Go 1.26 + GOEXPERIMENT=goroutineleakprofile
		}
		for _, f := range []struct {
			suffix string
			debug  int
		}{{".pb.gz", 0}, {".debug1.txt", 1}, {".debug2.txt", 2}} {
			out, err := os.Create(filepath.Join(dir, name+f.suffix))
			if err != nil {
				return err
			}
			if err := p.WriteTo(out, f.debug); err != nil {
				return err
			}
			if err := out.Close(); err != nil {
				return err
			}
		}
	}

	return nil
}
