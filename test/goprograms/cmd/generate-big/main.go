// Command generate-big writes large traces for benchmarks into
// test/fixtures-big/ (git-ignored): <workload>-<N>mb/{trace.out,goroutine.pb.gz,goroutine.debug2.txt}.
//
//	go run ./cmd/generate-big [-out ../fixtures-big] [-sizes 10,50,200] [-modes http,fanout]
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
	flag.Parse()
	tmp, err := os.MkdirTemp("", "leakline-big-")
	check(err)
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "big")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "./big")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	check(build.Run())
	for _, mode := range strings.Split(*modes, ",") {
		for _, mb := range strings.Split(*sizes, ",") {
			dir := filepath.Join(*out, fmt.Sprintf("%s-%smb", mode, mb))
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
