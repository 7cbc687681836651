# One-off scaffolding used to write the scenario directories; kept so the
# programs and manifests can be reviewed side by side. Not needed to regenerate.
import json, os, textwrap
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def G(count, start, reason, trace, blocked=None, before=None):
    g = {"count": count, "startFunc": start}
    g["blockedIn"] = blocked or start
    g["waitReason"] = reason
    if before: g["waitReasonBefore"] = before
    g["traceReason"] = trace
    return g

S = []
def sc(name, kind, desc, code, leaks=(), healthy=(), ended=(), imports=(), allp=False):
    S.append(dict(name=name, kind=kind, desc=desc, code=code, leaks=list(leaks), healthy=list(healthy), ended=list(ended), imports=list(imports), allp=allp))

sc("chan-send-early-return", "leak",
   "fetch() starts a worker that sends its result on an unbuffered channel, then returns early on a validation error without receiving: the worker blocks in chan send forever. One call takes the happy path (its worker ends).",
   '''
func run(h *harness.H) func() {
	if _, err := fetch(false); err != nil {
		harness.Fail("happy path failed: %v", err)
	}
	for i := 0; i < 3; i++ {
		_, _ = fetch(true)
	}
	return nil
}

//go:noinline
func fetch(invalid bool) (int, error) {
	ch := make(chan int)
	go func() {
		ch <- compute()
	}()
	if invalid {
		return 0, errors.New("validation failed")
	}
	return <-ch, nil
}

//go:noinline
func compute() int { return 42 }
''', leaks=[G(3, "main.fetch.func1", "chan send", "chan send")], imports=["errors"])

sc("chan-recv-no-sender", "leak",
   "startJob() starts a goroutine that waits for a message on a channel; the code path that would send it is skipped, so the receiver waits forever.",
   '''
func run(h *harness.H) func() {
	startJob(false)
	startJob(false)
	return nil
}

//go:noinline
func startJob(send bool) {
	msgs := make(chan string)
	go func() {
		m := <-msgs
		consume(m)
	}()
	if send {
		msgs <- "go"
	}
}

//go:noinline
func consume(string) {}
''', leaks=[G(2, "main.startJob.func1", "chan receive", "chan receive")])

sc("range-unclosed", "leak",
   "A producer sends three items and returns without close(); the consumer's for-range never terminates.",
   '''
func run(h *harness.H) func() {
	pipeline()
	pipeline()
	return nil
}

//go:noinline
func pipeline() {
	items := make(chan int)
	go func() {
		sum := 0
		for v := range items {
			sum += v
		}
		consume(sum)
	}()
	for i := 0; i < 3; i++ {
		items <- i
	}
	// missing close(items)
}

//go:noinline
func consume(int) {}
''', leaks=[G(2, "main.pipeline.func1", "chan receive", "chan receive")])

sc("ctx-timeout-result-send", "leak",
   "query() selects on ctx.Done() and the result channel; after its 5 ms timeout it returns. The slow backend goroutine later sends its result on the unbuffered channel and blocks forever (only the caller selects on ctx.Done()).",
   '''
func run(h *harness.H) func() {
	release := make(chan struct{})
	for i := 0; i < 2; i++ {
		if _, err := query(context.Background(), release); err == nil {
			harness.Fail("query did not time out")
		}
	}
	close(release) // the backend answers only after both callers gave up
	return nil
}

//go:noinline
func query(ctx context.Context, release chan struct{}) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Millisecond)
	defer cancel()
	result := make(chan int)
	go func() {
		<-release
		result <- 42
	}()
	select {
	case v := <-result:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
''', leaks=[G(2, "main.query.func1", "chan send", "chan send")], imports=["context", "time"])

sc("fanout-no-fanin", "leak",
   "fanOut() starts one worker per item, each sending its result on a shared unbuffered channel, and returns without collecting any result.",
   '''
func run(h *harness.H) func() {
	fanOut([]int{1, 2, 3, 4})
	return nil
}

//go:noinline
func fanOut(items []int) {
	results := make(chan int)
	for _, it := range items {
		it := it
		go func() {
			results <- it * it
		}()
	}
	// missing: for range items { <-results }
}
''', leaks=[G(4, "main.fanOut.func1", "chan send", "chan send")])

sc("n-senders-one-recv", "leak",
   "firstReply() asks five replicas and takes the first answer from an unbuffered channel; the four slower replicas block in chan send forever.",
   '''
func run(h *harness.H) func() {
	consume(firstReply(5))
	return nil
}

//go:noinline
func firstReply(n int) int {
	replies := make(chan int)
	for i := 0; i < n; i++ {
		i := i
		go func() {
			replies <- i
		}()
	}
	return <-replies
}

//go:noinline
func consume(int) {}
''', leaks=[G(4, "main.firstReply.func1", "chan send", "chan send")])

sc("double-send", "leak",
   "A worker reports an error and then, missing a return, also sends nil on the same channel; the caller receives once, so the second send blocks forever.",
   '''
func run(h *harness.H) func() {
	for _, v := range []int{-1, 5, -2} {
		_ = process(v)
	}
	return nil
}

//go:noinline
func process(v int) error {
	errc := make(chan error)
	go func() {
		if v < 0 {
			errc <- errors.New("negative")
			// missing return
		}
		errc <- nil
	}()
	return <-errc
}
''', leaks=[G(2, "main.process.func1", "chan send", "chan send")], imports=["errors"])

sc("start-without-stop", "leak",
   "A Poller with a Start()/Stop() contract: Start() launches a select loop on stop and jobs channels; callers drop the poller without calling Stop().",
   '''
func run(h *harness.H) func() {
	for i := 0; i < 2; i++ {
		p := newPoller()
		p.Start()
		p.jobs <- i
		// missing p.Stop()
	}
	return nil
}

type poller struct {
	stop chan struct{}
	jobs chan int
}

//go:noinline
func newPoller() *poller { return &poller{stop: make(chan struct{}), jobs: make(chan int)} }

//go:noinline
func (p *poller) Start() {
	go func() {
		p.loop()
	}()
}

//go:noinline
func (p *poller) Stop() { close(p.stop) }

//go:noinline
func (p *poller) loop() {
	for {
		select {
		case <-p.stop:
			return
		case j := <-p.jobs:
			consume(j)
		}
	}
}

//go:noinline
func consume(int) {}
''', leaks=[G(2, "main.(*poller).Start.func1", "select", "select", blocked="main.(*poller).loop")])

sc("waitgroup-missing-done", "leak",
   "runBatch() waits for its workers in a coordinator goroutine; one worker returns early on bad input without calling Done(), so wg.Wait() never returns.",
   '''
func run(h *harness.H) func() {
	_ = runBatch([]int{1, -1, 2})
	_ = runBatch([]int{-3, 4})
	return nil
}

//go:noinline
func runBatch(items []int) <-chan struct{} {
	var wg sync.WaitGroup
	done := make(chan struct{})
	for _, it := range items {
		it := it
		wg.Add(1)
		go func() {
			if it < 0 {
				return // missing wg.Done()
			}
			wg.Done()
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	return done
}
''', leaks=[G(2, "main.runBatch.func2", "sync.WaitGroup.Wait", "sync", before={"1.25": "semacquire"})], imports=["sync"])

sc("mutex-error-path", "leak",
   "store.put() returns on an invalid key while holding the mutex; three later writers block in Lock forever.",
   '''
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
''', leaks=[G(3, "main.writeAll.func1", "sync.Mutex.Lock", "sync", blocked="main.(*store).put", before={"1.20": "semacquire"})], imports=["errors", "sync"])

sc("cond-never-signalled", "leak",
   "Two goroutines wait on a sync.Cond for a ready flag that is never set and never signalled.",
   '''
func run(h *harness.H) func() {
	waitReady(2)
	return nil
}

//go:noinline
func waitReady(n int) {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	for i := 0; i < n; i++ {
		go func() {
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			mu.Unlock()
		}()
	}
}
''', leaks=[G(2, "main.waitReady.func1", "sync.Cond.Wait", "sync.(*Cond).Wait")], imports=["sync"])

sc("nil-chan-send", "leak",
   "A channel field is never initialised (nil); sending on it blocks forever.",
   '''
type notifier struct{ events chan int }

func run(h *harness.H) func() {
	n := &notifier{} // missing make(chan int)
	notify(n, 1)
	notify(n, 2)
	return nil
}

//go:noinline
func notify(n *notifier, v int) {
	go func() {
		n.events <- v
	}()
}
''', leaks=[G(2, "main.notify.func1", "chan send (nil chan)", "forever")])

sc("nil-chan-recv", "leak",
   "A channel field is never initialised (nil); receiving from it blocks forever.",
   '''
type listener struct{ events chan int }

func run(h *harness.H) func() {
	l := &listener{} // missing make(chan int)
	listen(l)
	listen(l)
	return nil
}

//go:noinline
func listen(l *listener) {
	go func() {
		v := <-l.events
		consume(v)
	}()
}

//go:noinline
func consume(int) {}
''', leaks=[G(2, "main.listen.func1", "chan receive (nil chan)", "forever")])

sc("select-empty", "leak",
   "Goroutines that park themselves forever with select {} (a 'keep alive' idiom used in the wrong place).",
   '''
func run(h *harness.H) func() {
	park()
	park()
	return nil
}

//go:noinline
func park() {
	go func() {
		select {}
	}()
}
''', leaks=[G(2, "main.park.func1", "select (no cases)", "forever")])

sc("ticker-never-stopped", "leak",
   "startHeartbeat() runs a loop over a 5 ms time.Ticker that nothing ever stops (no Stop(), no exit path): the goroutine and its timer live forever. Captured after at least 5 ticks each.",
   '''
var beats int64

func run(h *harness.H) func() {
	startHeartbeat()
	startHeartbeat()
	for atomic.LoadInt64(&beats) < 10 {
		time.Sleep(time.Millisecond)
	}
	return nil
}

//go:noinline
func startHeartbeat() {
	t := time.NewTicker(5 * time.Millisecond)
	go func() {
		for range t.C {
			atomic.AddInt64(&beats, 1)
		}
	}()
}
''', leaks=[G(2, "main.startHeartbeat.func1", "chan receive", "chan receive")], imports=["sync/atomic", "time"])

sc("time-after-loop", "leak",
   "watch() loops on select over an events channel nobody sends to or closes, with a fresh time.After(5 ms) per iteration (timer churn); the loop never exits. Captured after at least 5 timeouts each.",
   '''
var timeouts int64

func run(h *harness.H) func() {
	watch()
	watch()
	for atomic.LoadInt64(&timeouts) < 10 {
		time.Sleep(time.Millisecond)
	}
	return nil
}

//go:noinline
func watch() {
	events := make(chan int)
	go func() {
		for {
			select {
			case e := <-events:
				consume(e)
			case <-time.After(5 * time.Millisecond):
				atomic.AddInt64(&timeouts, 1)
			}
		}
	}()
}

//go:noinline
func consume(int) {}
''', leaks=[G(2, "main.watch.func1", "select", "select")], imports=["sync/atomic", "time"])

sc("http-handler-leak", "leak",
   "An HTTP server on 127.0.0.1 whose handler starts a lookup goroutine and, on a cache hit, answers without receiving its result: one goroutine leaks per cache-hit request. 10 sequential client requests (keep-alives off), 6 of them hits. Also writes heap, allocs, block, mutex, threadcreate and CPU profiles. The accept loop is healthy and is shut down after the capture.",
   '''
var srv *http.Server

func run(h *harness.H) func() {
	addr := startServer()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for i := 0; i < 10; i++ {
		q := "miss"
		if i%5 < 3 {
			q = "hit"
		}
		resp, err := client.Get(fmt.Sprintf("http://%s/item?cache=%s", addr, q))
		if err != nil {
			harness.Fail("request: %v", err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return func() {
		if err := srv.Shutdown(context.Background()); err != nil {
			harness.Fail("shutdown: %v", err)
		}
		h.WaitGone("main.startServer.func1")
	}
}

//go:noinline
func startServer() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		harness.Fail("listen: %v", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/item", handleItem)
	srv = &http.Server{Handler: mux}
	go func() {
		_ = srv.Serve(ln)
	}()
	return ln.Addr().String()
}

func handleItem(w http.ResponseWriter, r *http.Request) {
	res := make(chan string)
	go func() {
		res <- lookup(r.URL.Path)
	}()
	if r.URL.Query().Get("cache") == "hit" {
		_, _ = io.WriteString(w, "cached")
		return // the lookup goroutine is left blocked on res
	}
	_, _ = io.WriteString(w, <-res)
}

// lookup burns ~10 ms of CPU so the CPU profile has samples.
//go:noinline
func lookup(p string) string {
	sum := sha256.Sum256([]byte(p))
	for i := 0; i < 20000; i++ {
		sum = sha256.Sum256(sum[:])
	}
	return fmt.Sprintf("%x", sum[:4])
}
''', leaks=[G(6, "main.handleItem.func1", "chan send", "chan send")],
   healthy=[G(1, "main.startServer.func1", "IO wait", "network")],
   imports=["context", "crypto/sha256", "fmt", "io", "net", "net/http"], allp=True)

sc("growing-leak", "leak",
   "subscribe() starts a listener goroutine on a channel that is never closed; 5 more leak in each of three phases. Goroutine profiles are written after each phase (goroutine-1/2/3: 5, 10, 15 leaked) for snapshot comparison; goroutine.* is the final capture (15).",
   '''
func run(h *harness.H) func() {
	for phase := 1; phase <= 3; phase++ {
		for i := 0; i < 5; i++ {
			subscribe()
		}
		h.WaitParked("main.subscribe.func1", "chan receive", 5*phase)
		h.Snapshot(fmt.Sprintf("goroutine-%d", phase))
	}
	return nil
}

//go:noinline
func subscribe() {
	events := make(chan int)
	go func() {
		for e := range events {
			consume(e)
		}
	}()
}

//go:noinline
func consume(int) {}
''', leaks=[G(15, "main.subscribe.func1", "chan receive", "chan receive")], imports=["fmt"])

sc("healthy-worker-pool", "healthy",
   "Four workers of a bounded pool process 20 jobs, then sit idle in for-range over the job channel. After the capture the channel is closed and the workers exit (inside the trace).",
   '''
func run(h *harness.H) func() {
	return startPool(4, 20)
}

//go:noinline
func startPool(workers, jobs int) func() {
	ch := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				consume(j)
			}
		}()
	}
	for j := 0; j < jobs; j++ {
		ch <- j
	}
	return func() {
		close(ch)
		wg.Wait()
	}
}

//go:noinline
func consume(int) {}
''', healthy=[G(4, "main.startPool.func1", "chan receive", "chan receive")], imports=["sync"])

sc("healthy-pipeline-cancelled", "healthy",
   "A three-stage pipeline (generate, square, sink) whose context is cancelled after 50 results; every stage selects on ctx.Done() and all goroutines exit before the capture.",
   '''
func run(h *harness.H) func() {
	pipeline(50)
	return nil
}

//go:noinline
func pipeline(n int) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	nums := make(chan int)
	squares := make(chan int)
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case nums <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		defer wg.Done()
		for {
			select {
			case v := <-nums:
				select {
				case squares <- v * v:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	for i := 0; i < n; i++ {
		<-squares
	}
	cancel()
	wg.Wait()
}
''', ended=[{"count": 1, "startFunc": "main.pipeline.func1"}, {"count": 1, "startFunc": "main.pipeline.func2"}], imports=["context", "sync"])

sc("healthy-server-shutdown", "healthy",
   "An HTTP server on 127.0.0.1 serves 5 requests (keep-alives off) and idles in Accept; after the capture it is shut down gracefully with Shutdown() and its goroutine exits.",
   '''
func run(h *harness.H) func() {
	srv, addr := startServer()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for i := 0; i < 5; i++ {
		resp, err := client.Get("http://" + addr + "/")
		if err != nil {
			harness.Fail("request: %v", err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return func() {
		if err := srv.Shutdown(context.Background()); err != nil {
			harness.Fail("shutdown: %v", err)
		}
		h.WaitGone("main.startServer.func1")
	}
}

//go:noinline
func startServer() (*http.Server, string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		harness.Fail("listen: %v", err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "ok")
	})}
	go func() {
		_ = srv.Serve(ln)
	}()
	return srv, ln.Addr().String()
}
''', healthy=[G(1, "main.startServer.func1", "IO wait", "network")], imports=["context", "io", "net", "net/http"])

sc("healthy-ticker-stopped", "healthy",
   "A loop over a 5 ms ticker that also selects on a stop channel; captured after 5 ticks, then stopped (ticker.Stop, goroutine exits) inside the trace.",
   '''
var ticks int64

func run(h *harness.H) func() {
	stop := startTicker()
	for atomic.LoadInt64(&ticks) < 5 {
		time.Sleep(time.Millisecond)
	}
	return stop
}

//go:noinline
func startTicker() func() {
	stop := make(chan struct{})
	done := make(chan struct{})
	t := time.NewTicker(5 * time.Millisecond)
	go func() {
		defer close(done)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				atomic.AddInt64(&ticks, 1)
			case <-stop:
				return
			}
		}
	}()
	return func() {
		close(stop)
		<-done
	}
}
''', healthy=[G(1, "main.startTicker.func1", "select", "select")], imports=["sync/atomic", "time"])

sc("healthy-bounded-sleep", "healthy",
   "Three goroutines in a long but bounded time.Sleep (1.5 s); captured while they sleep, then waited for inside the trace.",
   '''
func run(h *harness.H) func() {
	return napAll(3)
}

//go:noinline
func napAll(n int) func() {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(1500 * time.Millisecond)
		}()
	}
	return wg.Wait
}
''', healthy=[G(3, "main.napAll.func1", "sleep", "sleep")], imports=["sync", "time"])

for s in S:
    d = os.path.join(HERE, s["name"])
    os.makedirs(d, exist_ok=True)
    m = {"scenario": s["name"], "kind": s["kind"], "description": s["desc"], "leaks": s["leaks"], "healthy": s["healthy"]}
    if s["ended"]: m["ended"] = s["ended"]
    old = os.path.join(d, "manifest.json")
    if os.path.exists(old):
        continue  # manifests are hand-maintained once written
    with open(old, "w") as f:
        json.dump(m, f, indent=2); f.write("\n")
    imps = sorted(set(s["imports"]) | {"_ embed"})
    lines = []
    for i in imps:
        if i == "_ embed": lines.append('\t_ "embed"')
        else: lines.append('\t"%s"' % i)
    lines.append('')
    lines.append('\t"goprograms/internal/harness"')
    src = "// Scenario %s: see manifest.json.\npackage main\n\nimport (\n%s\n)\n\n//go:embed manifest.json\nvar manifest []byte\n\nfunc main() {\n\tharness.Main(harness.Scenario{Manifest: manifest, Run: run%s})\n}\n%s" % (
        s["name"], "\n".join(lines), ", AllProfiles: true" if s["allp"] else "", s["code"])
    with open(os.path.join(d, "main.go"), "w") as f:
        f.write(src)
