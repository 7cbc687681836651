// A token bucket: a refill goroutine puts one token per tick into a buffered channel and Take
// receives one. The refill loop returns when its context is cancelled — and the API client's
// Close cancels it while requests are still queued on Take, so they wait forever for tokens
// that no one will put. Only the waiters hold the bucket: GC-proven.
package main

import (
	"context"
	"time"

	"leakcorpus/internal/lab"
)

type bucket struct{ tokens chan struct{} }

func newBucket(ctx context.Context, burst int, every time.Duration) *bucket {
	b := &bucket{tokens: make(chan struct{}, burst)}
	go b.refill(ctx, every)
	return b
}

func (b *bucket) refill(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			select {
			case b.tokens <- struct{}{}:
			default:
			}
		case <-ctx.Done():
			return
		}
	}
}

func (b *bucket) Take() { <-b.tokens }

type apiClient struct {
	b      *bucket
	cancel context.CancelFunc
}

//go:noinline
func (c *apiClient) callAsync(n int, done chan<- int) {
	for i := 0; i < n; i++ {
		i := i
		go func() {
			c.b.Take()
			done <- i
		}()
	}
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ctx, cancel := context.WithCancel(context.Background())
			c := &apiClient{b: newBucket(ctx, 1, 2*time.Millisecond), cancel: cancel}
			done := make(chan int, 8)
			c.callAsync(2, done)
			<-done
			<-done
			c.cancel() // Close
			l.WaitGone("main.(*bucket).refill")
			for len(c.b.tokens) > 0 {
				<-c.b.tokens
			}
			c.callAsync(3, done)
			l.WaitParked("main.(*apiClient).callAsync.func1", 3)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*apiClient).callAsync.func1", Leaked: 3}},
	})
}
