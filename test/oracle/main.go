// Command oracle prints a canonical JSON view of a Go execution trace (read
// with golang.org/x/exp/trace, Go's own reader) or of a pprof profile (read
// with github.com/google/pprof/profile). Leakline's TypeScript parsers are
// tested against it. See README.md for the output schema.
//
//	oracle trace <file>
//	oracle profile <file>
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

func main() {
	if len(os.Args) != 3 || (os.Args[1] != "trace" && os.Args[1] != "profile") {
		fmt.Fprintln(os.Stderr, "usage: oracle trace|profile <file>")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[2])
	if err != nil {
		fail(err)
	}
	defer f.Close()
	var v any
	if os.Args[1] == "trace" {
		v, err = readTrace(bufio.NewReaderSize(f, 1<<20))
	} else {
		v, err = readProfile(f)
	}
	if err != nil {
		fail(err)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	if err := writeJSON(w, v); err != nil {
		fail(err)
	}
	if err := w.Flush(); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "oracle: %s: %v\n", os.Args[len(os.Args)-1], err)
	os.Exit(1)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
