// Scenario mutex-error-path: see manifest.json.
package main

import (
	_ "embed"
	"errors"
	"sync"

	"goprograms/internal/harness"
)

//go:embed manifest.json
var manifest []byte

func main() {
	harness.Main(harness.Scenario{Manifest: manifest, Run: run})
}

func run(h *harness.H) func() {
	writeAll()
	return nil
}

type store struct {
	mu   sync.Mutex
	data map[int]int
}

//go:noinline
func (s *store) put(k int) error {
	s.mu.Lock()
	if k < 0 {
		return errors.New("invalid key") // missing s.mu.Unlock()
	}
	s.data[k] = k
	s.mu.Unlock()
	return nil
}

//go:noinline
func writeAll() {
	s := &store{data: map[int]int{}}
	_ = s.put(1)
	_ = s.put(-1)
	for i := 0; i < 3; i++ {
		i := i
		go func() {
			_ = s.put(i)
		}()
	}
}
