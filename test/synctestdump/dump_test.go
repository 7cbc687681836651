// Package synctestdump prints runtime.Stack(all) from inside a testing/synctest bubble while
// bubble goroutines are durably blocked, so the Go 1.25+ header variants (" (durable)",
// ", synctest bubble N", with "locked to thread") come from the real runtime. Run by
// test/differential/synctest.test.ts: `go test -run TestDump -count=1 .` (Go ≥1.25).
package synctestdump

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"testing/synctest"
)

func TestDump(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int)
		quit := make(chan struct{})
		never := make(chan struct{})
		var mu sync.Mutex
		cond := sync.NewCond(&mu)
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { <-ch }()                                // chan receive (durable)
		go func() { mu.Lock(); cond.Wait(); mu.Unlock() }() // sync.Cond.Wait (durable)
		go func() { wg.Wait() }()                           // sync.WaitGroup.Wait (durable)
		go func() {                                         // select (durable), locked to thread
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			select {
			case <-quit:
			case <-never:
			}
		}()
		synctest.Wait()
		buf := make([]byte, 1<<20)
		n := runtime.Stack(buf, true)
		fmt.Print("=== DUMP ===\n", string(buf[:n]), "=== END ===\n")
		ch <- 1
		mu.Lock()
		cond.Signal()
		mu.Unlock()
		wg.Done()
		close(quit)
	})
}
