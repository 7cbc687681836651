// A document store keeps a cache and a search index, each with its own mutex. Put locks the
// cache then the index; Reindex (run by a background compactor) locks the index then the
// cache. Three stores run Put and Reindex concurrently: Reindex walks the index for a while
// before touching the cache, so in the store where a Put arrives mid-walk both block forever.
// The other stores' Put and Reindex ran one after the other and finished.
package main

import (
	"sync"
	"time"

	"leakcorpus/internal/lab"
)

type store struct {
	cacheMu sync.Mutex
	cache   map[string]string
	indexMu sync.Mutex
	index   map[string][]string
}

func (s *store) Put(id, body string) {
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	s.cache[id] = body
	s.indexMu.Lock()
	defer s.indexMu.Unlock()
	s.index[body] = append(s.index[body], id)
}

func (s *store) Reindex(walk time.Duration) {
	s.indexMu.Lock()
	defer s.indexMu.Unlock()
	time.Sleep(walk) // walking the index
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	for id, body := range s.cache {
		s.index[body] = append(s.index[body][:0], id)
	}
}

func newStore() *store { return &store{cache: map[string]string{}, index: map[string][]string{}} }

func (s *store) compact(walk time.Duration) { s.Reindex(walk) }
func (s *store) write(id string)            { s.Put(id, "hello") }

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for i := 0; i < 2; i++ {
				s := newStore()
				go s.write("doc")
				l.WaitGone("main.(*store).write")
				go s.compact(0)
				l.WaitGone("main.(*store).compact")
			}
			s := newStore()
			go s.compact(40 * time.Millisecond)
			l.WaitParkedIn("main.(*store).compact", "sleep", 1)
			go s.write("doc")
			l.WaitParkedIn("main.(*store).write", "sync.Mutex.Lock", 1)
			l.WaitParkedIn("main.(*store).compact", "sync.Mutex.Lock", 1)
		},
		Expect: []lab.Expect{
			{StartFunc: "main.(*store).write", Leaked: 1},
			{StartFunc: "main.(*store).compact", Leaked: 1},
		},
	})
}
