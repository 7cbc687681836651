// A service starts its subscribers before it is ready; they wait on `ready`, which Start closes
// once the configuration has loaded. When loading fails Start returns the error without closing
// it, so the three subscribers wait forever. Only they hold the service: GC-proven.
package main

import (
	"errors"

	"leakcorpus/internal/lab"
)

type config struct{ topics []string }

type service struct {
	ready chan struct{}
	cfg   *config
	seen  map[string]int
}

func loadConfig(path string) (*config, error) {
	if path == "" {
		return nil, errors.New("no config path")
	}
	return &config{topics: []string{"a", "b"}}, nil
}

//go:noinline
func (s *service) subscribe(topic string) {
	go func() {
		<-s.ready
		s.seen[topic]++
	}()
}

func Start(path string) (*service, error) {
	s := &service{ready: make(chan struct{}), seen: map[string]int{}}
	for _, t := range []string{"orders", "payments", "refunds"} {
		s.subscribe(t)
	}
	cfg, err := loadConfig(path)
	if err != nil {
		return nil, err // the bug: ready is never closed
	}
	s.cfg = cfg
	close(s.ready)
	return s, nil
}

func main() {
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			if _, err := Start(""); err == nil {
				lab.Fail("want a config error")
			}
			l.WaitParked("main.(*service).subscribe.func1", 3)
		},
		Expect: []lab.Expect{{StartFunc: "main.(*service).subscribe.func1", Leaked: 3}},
	})
}
