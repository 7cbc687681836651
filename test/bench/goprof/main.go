// Command goprof makes the large inputs of the profile benchmark and measures commands.
//
//	goprof gen <dir>          writes <dir>/goroutines-100k.debug2.txt (100,000 goroutines,
//	                          20 distinct stacks) and the same goroutines as goroutines-100k.pb.gz and <dir>/goroutines-large.pb.gz
//	                          (100,000 goroutines, 64,000 distinct samples: deep stacks, labels)
//	goprof measure <cmd> ...  runs cmd, prints {"wallMs":…,"cpuMs":…,"maxRssKiB":…} (getrusage of
//	                          the child; CPU time is the stable number on a shared machine)
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// Goroutines stay parked until the process exits, so each population lives in its own process.
type population struct {
	recv   chan struct{} // nobody sends
	send   chan struct{} // nobody receives
	sel    chan struct{} // nobody sends
	mu     sync.Mutex
	wg     sync.WaitGroup
	parked sync.WaitGroup
}

// Each kind parks in a different runtime wait: chan receive, chan send, select, mutex, cond.
func (p *population) block(kind int) {
	p.parked.Done()
	switch kind {
	case 0:
		<-p.recv
	case 1:
		p.send <- struct{}{}
	case 2:
		select {
		case <-p.sel:
		case <-time.After(time.Hour):
		}
	case 3:
		p.mu.Lock()
		p.mu.Unlock()
	default:
		p.wg.Wait()
	}
}

//go:noinline
func descend(p *population, depth, kind int) {
	if depth > 0 {
		descend(p, depth-1, kind)
		return
	}
	p.block(kind)
}

// spawn starts n goroutines: depth i%depths, kind (i/depths)%5, and with labels>0 a pprof
// label shard=(i/(5*depths))%labels, so depth × kind × label combinations are all distinct.
func spawn(n, depths, labels int) *population {
	p := &population{recv: make(chan struct{}), send: make(chan struct{}), sel: make(chan struct{})}
	p.mu.Lock()
	p.wg.Add(1)
	p.parked.Add(n)
	for i := 0; i < n; i++ {
		depth, kind := i%depths, (i/depths)%5
		if labels == 0 {
			go descend(p, depth, kind)
			continue
		}
		lbl := pprof.Labels("shard", strconv.Itoa((i/(5*depths))%labels))
		go pprof.Do(context.Background(), lbl, func(context.Context) { descend(p, depth, kind) })
	}
	p.parked.Wait()
	time.Sleep(200 * time.Millisecond) // let the last ones actually park
	return p
}

func write(path, profile string, debug int) {
	f, err := os.Create(path)
	if err != nil {
		panic(err)
	}
	if err := pprof.Lookup(profile).WriteTo(f, debug); err != nil {
		panic(err)
	}
	f.Close()
}

func gen(dir string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		panic(err)
	}
	for _, what := range []string{"debug2", "proto"} {
		cmd := exec.Command(os.Args[0], "gen-one", what, dir)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			panic(err)
		}
	}
}

func genOne(what, dir string) {
	if what == "debug2" {
		// debug=2 is capped at 64 MiB by runtime/pprof; shallow stacks keep 100k goroutines under it.
		spawn(100_000, 4, 0)
		write(filepath.Join(dir, "goroutines-100k.debug2.txt"), "goroutine", 2)
		write(filepath.Join(dir, "goroutines-100k.pb.gz"), "goroutine", 0)
		return
	}
	spawn(100_000, 64, 200)
	write(filepath.Join(dir, "goroutines-large.pb.gz"), "goroutine", 0)
}

func measure(args []string) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout = nil // the measured output is discarded
	cmd.Stderr = os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	// Linux reports ru_maxrss in KiB, macOS in bytes.
	rss := int64(ru.Maxrss)
	if runtime.GOOS == "darwin" {
		rss /= 1024
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"wallMs":    float64(wall.Microseconds()) / 1000,
		"cpuMs":     float64(cpu.Microseconds()) / 1000,
		"maxRssKiB": rss,
	})
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: goprof gen <dir> | goprof measure <cmd> [args...]")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "gen":
		gen(os.Args[2])
	case "gen-one":
		genOne(os.Args[2], os.Args[3])
	case "measure":
		measure(os.Args[2:])
	default:
		os.Exit(2)
	}
}
