// Clients of a batch service poll a job's status every few milliseconds until it is "done" or
// "failed". The runner recovers a panic in the job and returns, leaving the status "running",
// so its pollers never stop; pollers of jobs that completed returned. The service's result
// store is a package-level map, so nothing about the pollers is provable by the GC.
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

var (
	mu     sync.Mutex
	status = map[string]string{}
)

func setStatus(id, s string) {
	mu.Lock()
	status[id] = s
	mu.Unlock()
}

func getStatus(id string) string {
	mu.Lock()
	defer mu.Unlock()
	return status[id]
}

func runJob(id string, work func()) {
	setStatus(id, "running")
	defer func() {
		if recover() != nil {
			return // the bug: status stays "running"
		}
		setStatus(id, "done")
	}()
	work()
}

//go:noinline
func awaitJob(id string, results chan<- string) {
	go func() {
		for {
			switch s := getStatus(id); s {
			case "done", "failed":
				results <- id + ":" + s
				return
			}
			time.Sleep(25 * time.Millisecond)
		}
	}()
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			results := make(chan string, 8)
			jobs := map[string]func(){
				"resize": func() {},
				"encode": func() { var m map[string]int; m["x"]++ },
				"index":  func() {},
			}
			for _, id := range []string{"resize", "encode", "index"} {
				runJob(id, jobs[id])
				awaitJob(id, results)
				awaitJob(id, results)
			}
			for i := 0; i < 4; i++ {
				<-results
			}
			l.WaitParked("main.awaitJob.func1", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.awaitJob.func1", Leaked: 2}},
	})
}
