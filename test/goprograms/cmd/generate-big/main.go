// Command generate-big writes large traces for benchmarks into
// test/fixtures-big/ (git-ignored): <workload>-<N>mb/{trace.out,goroutine.pb.gz,goroutine.debug2.txt}.
// With -go, the workload is built by that toolchain and the folders are named
// <workload>-<N>mb-go1.XX: Go 1.21 (/usr/lib/go-1.21/bin/go) writes the old (v1) trace format.
//
//	go run ./cmd/generate-big [-out ../fixtures-big] [-sizes 10,50,200] [-modes http,fanout] [-go /usr/lib/go-1.21/bin/go]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	out := flag.String("out", "../fixtures-big", "output root")
	sizes := flag.String("sizes", "10,50,200", "trace sizes in MB")
	modes := flag.String("modes", "http,fanout", "workloads")
	goCmd := flag.String("go", "", "build the workload with this go command (e.g. /usr/lib/go-1.21/bin/go); folders get a -go1.XX suffix")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "leakline-big-")
	check(err)
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "big")
	gobin, suffix := "go", ""
	var env []string
	if *goCmd != "" {
		gobin = *goCmd
		// The Debian toolchains must not switch themselves to a newer one.
		env = append(os.Environ(), "GOTOOLCHAIN=local")
		v, err := exec.Command(gobin, "env", "GOVERSION").Output()
		check(err)
		// go1.21.13 → -go1.21
		parts := strings.SplitN(strings.TrimSpace(string(v)), ".", 3)
		suffix = "-" + strings.Join(parts[:2], ".")
	}
	build := exec.Command(gobin, "build", "-trimpath", "-o", bin, "./big")
	build.Env = env
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	check(build.Run())
	for _, mode := range strings.Split(*modes, ",") {
		for _, mb := range strings.Split(*sizes, ",") {
			dir := filepath.Join(*out, fmt.Sprintf("%s-%smb%s", mode, mb, suffix))
			fmt.Printf("%s ... ", dir)
			c := exec.Command(bin, "-mode", mode, "-mb", mb, "-out", dir)
			c.Stdout, c.Stderr = os.Stdout, os.Stderr
			check(c.Run())
			st, err := os.Stat(filepath.Join(dir, "trace.out"))
			check(err)
			fmt.Printf("%.1f MB\n", float64(st.Size())/(1<<20))
		}
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "generate-big:", err)
		os.Exit(1)
	}
}
