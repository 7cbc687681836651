// The indexer adds len(docs) to the WaitGroup up front, then starts a goroutine only for docs
// that pass the language filter. The count never reaches zero and the goroutine waiting to
// publish the index waits forever; batches where every doc passed were published.
package main

import (
	"strings"
	"sync"

	"leakcorpus/internal/lab"
)

type doc struct {
	id, lang, text string
}

type indexer struct {
	mu    sync.Mutex
	terms map[string]int
}

//go:noinline
func (ix *indexer) indexBatch(docs []doc, published chan<- int) {
	var wg sync.WaitGroup
	wg.Add(len(docs)) // the bug: counts docs the filter drops
	for _, d := range docs {
		if d.lang != "en" {
			continue
		}
		go func(d doc) {
			defer wg.Done()
			ix.mu.Lock()
			for _, w := range strings.Fields(d.text) {
				ix.terms[w]++
			}
			ix.mu.Unlock()
		}(d)
	}
	go func() {
		wg.Wait()
		published <- len(docs)
	}()
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			ix := &indexer{terms: map[string]int{}}
			pub := make(chan int, 4)
			ix.indexBatch([]doc{{"1", "en", "go trace"}, {"2", "en", "leak"}}, pub)
			<-pub
			ix.indexBatch([]doc{{"3", "en", "hello"}, {"4", "de", "hallo welt"}}, pub)
			ix.indexBatch([]doc{{"5", "fr", "bonjour"}, {"6", "en", "world"}, {"7", "nl", "hoi"}}, pub)
			l.WaitGone("main.(*indexer).indexBatch.func1")
			l.WaitParked("main.(*indexer).indexBatch.func2", 2)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*indexer).indexBatch.func2", Leaked: 2}},
	})
}
