// `npm run bench:engine`: the engine on large traces, measured three ways in one run:
//  1. reference: Go's reader (golang.org/x/exp/trace, test/bench/go-reader) reading every event;
//  2. the engine in a worker_thread (the built out/cli/engine-worker.js, as `leakline serve` and
//     Electron run it) with an ack-per-chunk consumer: time to first chunk, to the full model, to
//     the analysis, and the host event loop's worst delay meanwhile (it should stay tiny: parsing
//     is off that loop);
//  3. the browser: `leakline serve <trace>` + Chromium (Playwright): time to the first goroutine
//     rows and to "done" as the page saw them, and the renderer's JS heap after load (CDP
//     Performance.getMetrics after a forced GC); the server's RSS idle, with the document loaded
//     (its engine worker keeps the model as the document's session) and after closing the tab.
// Inputs: test/fixtures-big/*/trace.out of ≥ 40 MB (npm run fixtures:big); when there are none, a
// ~50 MB trace is generated with test/e2e/bigtrace.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { chromium } from 'playwright-core';
import { findChromium } from '../support/prerequisites.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = path.join(os.tmpdir(), 'leakline-bench');
mkdirSync(tmp, { recursive: true });
const CHROMIUM = findChromium();
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26, ...opts });
const mb = (n) => n / (1 << 20);
const f1 = (n) => n.toFixed(1);
const f2 = (n) => n.toFixed(2);

// Built app (the worker script and the renderer).
// Always rebuilt (a stale out/ would measure old code) unless BENCH_NO_BUILD=1.
const workerFile = path.join(root, 'out/cli/engine-worker.js');
if (process.env.BENCH_NO_BUILD !== '1' || !existsSync(workerFile)) {
  console.log('building the app (npm run build)…');
  run('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// Inputs.
const bigRoot = path.join(root, 'test/fixtures-big');
let files = existsSync(bigRoot)
  ? readdirSync(bigRoot)
      .map((d) => path.join(bigRoot, d, 'trace.out'))
      .filter((f) => existsSync(f) && statSync(f).size >= 40 * 2 ** 20)
  : [];
if (files.length === 0) {
  const dir = path.join(bigRoot, 'engine-50mb');
  mkdirSync(dir, { recursive: true });
  console.log('no large traces in test/fixtures-big; generating one with test/e2e/bigtrace (~10 s, at least 8 s of tracing)…');
  run('go', ['run', '.', '-o', path.join(dir, 'trace.out'), '-profile', path.join(dir, 'goroutine.pb.gz'), '-mb', '48'], { cwd: path.join(root, 'test/e2e/bigtrace'), stdio: 'inherit' });
  files = [path.join(dir, 'trace.out')];
}
files.sort((a, b) => statSync(a).size - statSync(b).size);

const goReader = path.join(tmp, 'go-reader');
run('go', ['build', '-o', goReader, '.'], { cwd: path.join(root, 'test/bench/go-reader') });

// The parser alone, no streaming (test/bench/parse-once.ts, as `npm run bench` builds it): the
// engine's overhead is the difference.
const parseOnce = path.join(tmp, 'parse-once.mjs');
run(path.join(root, 'node_modules/.bin/rolldown'), [path.join(root, 'test/bench/parse-once.ts'), '--platform', 'node', '--format', 'esm', '-o', parseOnce]);
function plainParse(file) {
  return JSON.parse(run(process.execPath, ['--max-old-space-size=4096', parseOnce, file]).trim().split('\n').pop());
}

function goRead(file) {
  const t = performance.now();
  const line = run(goReader, [file]).trim().split('\n').pop();
  return { seconds: (performance.now() - t) / 1000, events: JSON.parse(line).events };
}

/** The event loop's worst delay while doing nothing for `ms`: this machine's noise floor. */
async function idleLoopDelay(ms) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  await new Promise((r) => setTimeout(r, ms));
  h.disable();
  return h.max / 1e6;
}

function engineRun(file) {
  return new Promise((resolve, reject) => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const t0 = performance.now();
    const w = new Worker(workerFile, { workerData: { path: file, name: path.basename(file) } });
    const r = { firstChunk: NaN, model: NaN, done: NaN, chunks: 0, goroutines: 0, spans: 0, verdicts: 0 };
    w.on('message', (m) => {
      const t = (performance.now() - t0) / 1000;
      if (m.type === 'trace-chunk') {
        if (r.chunks++ === 0) r.firstChunk = t;
        r.spans += m.chunk.spans.count;
        w.postMessage({ type: 'credit', n: 1 });
      } else if (m.type === 'trace-final') {
        r.model = t;
        r.goroutines = m.final.goroutines.count;
      } else if (m.type === 'analysis') {
        r.verdicts = m.result.verdicts.length;
      } else if (m.type === 'done' || m.type === 'error') {
        r.done = t;
        delay.disable();
        r.maxLoopDelayMs = delay.max / 1e6;
        void w.terminate();
        if (m.type === 'error') reject(new Error(`${m.error.code}: ${m.error.message}`));
        else resolve(r);
      }
    });
    w.on('error', reject);
    w.postMessage({ type: 'credit', n: 4 });
  });
}

/**
 * Resident set size of a process and its descendants (Linux /proc), in bytes; NaN elsewhere.
 * `leakline serve` runs the server in a child of bin/leakline.js: both count.
 */
function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    let total = m ? Number(m[1]) * 1024 : NaN;
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    for (const kid of kids ? kids.split(/\s+/) : []) total += rssOf(Number(kid));
    return total;
  } catch {
    return NaN;
  }
}

/**
 * Cancel at `atSeconds` into a worker load (as the UI does: the shared flag, then the message):
 * how long until the parse stopped (the final message of the partial model) and until done.
 */
function cancelRun(file, atSeconds) {
  return new Promise((resolve, reject) => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const w = new Worker(workerFile, { workerData: { path: file, name: path.basename(file), cancelFlag: flag } });
    let cancelAt = NaN;
    // stoppedMs: the parser's last chunk after the cancel (it stopped reading and flushed what it
    // had); modelMs: the partial model finished (grouped) and sent; doneMs: analysed too.
    const r = { stoppedMs: NaN, modelMs: NaN, doneMs: NaN, cutFraction: NaN, cancelledBeforeEnd: false };
    const timer = setTimeout(() => {
      cancelAt = performance.now();
      Atomics.store(flag, 0, 1);
      w.postMessage({ type: 'cancel' });
    }, atSeconds * 1000);
    w.on('message', (m) => {
      if (m.type === 'trace-chunk') {
        if (!Number.isNaN(cancelAt)) r.stoppedMs = performance.now() - cancelAt;
        w.postMessage({ type: 'credit', n: 1 });
      } else if (m.type === 'trace-final') {
        r.modelMs = performance.now() - cancelAt;
        if (Number.isNaN(r.stoppedMs)) r.stoppedMs = r.modelMs;
      }
      else if (m.type === 'done' || m.type === 'error') {
        clearTimeout(timer);
        r.doneMs = performance.now() - cancelAt;
        const cut = m.type === 'done' ? m.partial : m.error;
        r.cancelledBeforeEnd = cut?.code === 'cancelled';
        r.cutFraction = cut && cut.offset >= 0 ? cut.offset / statSync(file).size : 1;
        void w.terminate();
        if (m.type === 'error' && m.error.code !== 'cancelled') reject(new Error(`${m.error.code}: ${m.error.message}`));
        else resolve(r);
      }
    });
    w.on('error', reject);
    w.postMessage({ type: 'credit', n: 4 });
  });
}

async function browserRun(file) {
  const child = spawn(process.execPath, [path.join(root, 'bin/leakline.js'), 'serve', file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /serving on (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${out}`)));
  });
  await new Promise((r) => setTimeout(r, 2000));
  const rssIdle = rssOf(child.pid);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.__bench = { rows: NaN, done: NaN };
      new MutationObserver(() => {
        const b = window.__bench;
        if (Number.isNaN(b.rows) && document.querySelector('[data-testid="goroutine-row"]')) b.rows = performance.now();
        if (Number.isNaN(b.done) && document.querySelector('[data-testid="document-view"][data-status="done"]')) b.done = performance.now();
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(url);
    const start = await page.evaluate(() => performance.timeOrigin);
    await page.waitForSelector('[data-testid="document-view"][data-status="done"]', { timeout: 600_000 });
    const marks = await page.evaluate(() => window.__bench);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    // ArrayBuffer backing stores are swept after the GC, concurrently: give it a moment.
    await new Promise((r) => setTimeout(r, 1000));
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (n) => metrics.find((m) => m.name === n)?.value ?? NaN;
    // Typed-array columns live outside the JS heap (ArrayBuffer backing stores): counted apart.
    const usage = await cdp.send('Runtime.getHeapUsage').catch(() => ({}));
    void start;
    const rssLoaded = rssOf(child.pid);
    // Close the tab: the server ends the document's session (terminates its worker) and deletes
    // nothing of the user's; its RSS should return near the idle size.
    await page.getByRole('button', { name: `Close ${path.basename(file)}` }).click();
    await page.getByRole('tab', { name: path.basename(file) }).waitFor({ state: 'detached', timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 5000));
    const rssClosed = rssOf(child.pid);
    return { rows: marks.rows / 1000, done: marks.done / 1000, heapUsed: metric('JSHeapUsedSize'), heapTotal: metric('JSHeapTotalSize'), backing: usage.backingStorageSize ?? NaN, rssIdle, rssLoaded, rssClosed };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

console.log(`\nEngine benchmark (Node ${process.version}, ${os.cpus().length} CPUs; times in seconds, wall clock)\n`);
for (const file of files) {
  const size = statSync(file).size;
  const go = goRead(file);
  const plain = plainParse(file);
  const idle = await idleLoopDelay(5000);
  const e = await engineRun(file);
  const c = await cancelRun(file, e.model / 3);
  const b = await browserRun(file);
  const name = path.relative(root, file);
  console.log(`${name}: ${f1(mb(size))} MiB, ${go.events.toLocaleString('en-US')} events, ${e.goroutines.toLocaleString('en-US')} goroutines, ${e.spans.toLocaleString('en-US')} spans, ${e.chunks} chunks, ${e.verdicts} verdicts`);
  console.log(`  Go x/exp/trace, read all events (reference) ${f2(go.seconds).padStart(7)}`);
  console.log(`  parseTrace alone, no streaming (in a child)  ${f2(plain.seconds).padStart(7)}   ${f2(plain.seconds / go.seconds)}x reference`);
  console.log(`  engine (worker) first chunk                 ${f2(e.firstChunk).padStart(7)}   ${f2(e.firstChunk / go.seconds)}x reference`);
  console.log(`  engine (worker) full model                  ${f2(e.model).padStart(7)}   ${f2(e.model / go.seconds)}x reference, ${f2(e.model / plain.seconds)}x parseTrace alone`);
  console.log(`  engine (worker) model + analysis            ${f2(e.done).padStart(7)}   ${f2(e.done / go.seconds)}x reference`);
  console.log(`  cancel at a third of the load: parse stopped ${f1(c.stoppedMs).padStart(7)} ms after the cancel (last chunk out); partial model sent after ${f1(c.modelMs)} ms, analysed after ${f1(c.doneMs)} ms; cut at ${f1(100 * c.cutFraction)} % of the file${c.cancelledBeforeEnd ? '' : ' (NOT cancelled: the load ended first)'}`);
  console.log(`  host event loop worst delay meanwhile       ${f1(e.maxLoopDelayMs).padStart(7)} ms (idle for 5 s on this machine: ${f1(idle)} ms)`);
  console.log(`  browser: first goroutine rows on screen     ${f2(b.rows).padStart(7)}   (from navigation start)`);
  console.log(`  browser: load done                          ${f2(b.done).padStart(7)}   ${f2(b.done / go.seconds)}x reference`);
  console.log(`  renderer JS heap after load (after GC)      ${f1(mb(b.heapUsed)).padStart(7)} MiB used, ${f1(mb(b.heapTotal))} MiB total`);
  console.log(`  renderer ArrayBuffer backing stores         ${f1(mb(b.backing)).padStart(7)} MiB (the model's columns)`);
  console.log(`  renderer memory after load, heap + columns  ${f1(mb(b.heapUsed + b.backing)).padStart(7)} MiB (${f2((b.heapUsed + b.backing) / size)}x file size)`);
  console.log(`  server RSS idle                             ${f1(mb(b.rssIdle)).padStart(7)} MiB`);
  console.log(`  server RSS, document open (session + model) ${f1(mb(b.rssLoaded)).padStart(7)} MiB (${f2((b.rssLoaded - b.rssIdle) / size)}x file size over idle)`);
  console.log(`  server RSS 5 s after closing the tab        ${f1(mb(b.rssClosed)).padStart(7)} MiB (${f1(mb(b.rssClosed - b.rssIdle))} MiB over idle)\n`);
}
