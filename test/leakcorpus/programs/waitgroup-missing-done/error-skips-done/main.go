// A thumbnailer resizes images in goroutines that call wg.Done() only after a successful
// resize (no defer). A closer goroutine waits for the group and then closes the results
// channel; a reporter ranges over results. One corrupt image skips Done, so the closer waits
// forever and the reporter ranges forever: a chain of two leaks behind one missing Done.
package main

import (
	"errors"
	"sync"

	"leakcorpus/internal/lab"
)

type image struct {
	name string
	data []byte
}

func resize(img image) (int, error) {
	if len(img.data) == 0 {
		return 0, errors.New(img.name + ": corrupt")
	}
	return len(img.data) / 2, nil
}

//go:noinline
func thumbnailAll(imgs []image, report func(int)) {
	results := make(chan int)
	var wg sync.WaitGroup
	for _, img := range imgs {
		wg.Add(1)
		go func(img image) {
			n, err := resize(img)
			if err != nil {
				return // the bug: wg.Done() is skipped
			}
			results <- n
			wg.Done()
		}(img)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	go func() {
		for n := range results {
			report(n)
		}
	}()
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			var mu sync.Mutex
			total := 0
			thumbnailAll([]image{{"a.jpg", make([]byte, 64)}, {"b.jpg", nil}, {"c.jpg", make([]byte, 32)}}, func(n int) {
				mu.Lock()
				total += n
				mu.Unlock()
			})
			l.WaitGone("main.thumbnailAll.func1")
			l.WaitParkedIn("main.thumbnailAll.func2", "sync.WaitGroup.Wait|semacquire", 1)
			l.WaitParked("main.thumbnailAll.func3", 1)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.thumbnailAll.func2", Leaked: 1},
			{StartFunc: "main.thumbnailAll.func3", Leaked: 1},
		},
	})
}
