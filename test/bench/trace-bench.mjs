// `npm run bench`: parses large traces with this parser (full lifecycle model) and with Go's
// reader (golang.org/x/exp/trace reading every event, test/bench/go-reader) in the same run, and
// prints MB/s, events/s, peak RSS and the ratios. Inputs: test/fixtures-big/<workload>-<N>mb/trace.out (npm run
// fixtures:big); when there are none, a ~2 s ping-pong trace is generated with test/bench/gen-trace.
// An old-format (v1) trace is always part of it: when test/fixtures-big has none, a 50 MB one is
// written by the HTTP workload built with Go 1.21 (npm run fixtures:big:v1). For v1 traces the
// reader is also run alone (no model) to show what it holds itself: one batch per P plus the
// events it holds back, whatever the file size.
// Each reader runs in its own child process (so peak RSS is per parse), best of RUNS by CPU time.
// Throughput is reported per wall second and per CPU second: on a shared machine CPU time is the
// steadier measure; ratios use CPU time.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const tmp = path.join(os.tmpdir(), 'leakline-bench');
mkdirSync(tmp, { recursive: true });

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26, ...opts });
}

// 1. Build both readers once.
const goReader = path.join(tmp, 'go-reader');
run('go', ['build', '-o', goReader, '.'], { cwd: path.join(root, 'test/bench/go-reader') });
const tsReader = path.join(tmp, 'parse-once.mjs');
run(path.join(root, 'node_modules/.bin/rolldown'), [path.join(root, 'test/bench/parse-once.ts'), '--platform', 'node', '--format', 'esm', '-o', tsReader]);

// 2. Inputs.
const bigDir = path.join(root, 'test/fixtures-big');
// Layout from test/goprograms/cmd/generate-big: <workload>-<N>mb/trace.out (plain *.out too).
let files = [];
if (existsSync(bigDir)) {
  for (const e of readdirSync(bigDir).sort()) {
    const p = path.join(bigDir, e);
    if (e.endsWith('.out')) files.push(p);
    else if (existsSync(path.join(p, 'trace.out'))) files.push(path.join(p, 'trace.out'));
  }
}
function headerVersion(f) {
  const b = Buffer.alloc(16);
  const fd = openSync(f, 'r');
  readSync(fd, b, 0, 16, 0);
  closeSync(fd);
  return Number(/^go 1\.(\d+) trace/.exec(b.toString('latin1'))?.[1] ?? 0);
}
const isV1 = (f) => headerVersion(f) <= 21;
const GO121 = '/usr/lib/go-1.21/bin/go';
if (!files.some(isV1)) {
  if (existsSync(GO121)) {
    console.log('test/fixtures-big has no old-format (Go 1.11–1.21) trace; writing a 50 MB one with Go 1.21 (npm run fixtures:big:v1)…');
    run('go', ['-C', path.join(root, 'test/goprograms'), 'run', './cmd/generate-big', '-go', GO121, '-sizes', '50', '-modes', 'http'], { stdio: ['ignore', 'inherit', 'inherit'] });
    files.push(path.join(bigDir, 'http-50mb-go1.21', 'trace.out'));
  } else {
    console.log(`WARNING: no old-format trace to benchmark and no Go 1.21 at ${GO121} to write one`);
  }
}
if (process.env.BENCH_FILTER) files = files.filter((f) => f.includes(process.env.BENCH_FILTER));
if (files.length === 0) {
  const gen = path.join(tmp, 'generated-pingpong.out');
  if (!existsSync(gen)) {
    console.log('test/fixtures-big has no traces; generating one with test/bench/gen-trace (2 s of ping-pong)…');
    run('go', ['run', '.', '-o', gen, '-d', '2s'], { cwd: path.join(root, 'test/bench/gen-trace') });
  }
  files = [gen];
}

function best(cmd, args) {
  let b = null;
  for (let i = 0; i < RUNS; i++) {
    const line = run(cmd, args).trim().split('\n').pop();
    const r = JSON.parse(line);
    if (!b || r.cpu < b.cpu) b = { ...r, rssMB: Math.max(r.rssMB, b ? b.rssMB : 0) };
  }
  return b;
}

const mb = (n) => n / (1 << 20);
const fmt = (n, d = 1) => n.toFixed(d);
const rows = [];
for (const f of files) {
  const size = statSync(f).size;
  const go = best(goReader, [f]);
  const ts = best(process.execPath, ['--max-old-space-size=4096', tsReader, f]);
  if (go.events !== ts.events) console.log(`WARNING ${path.relative(root, f)}: event counts differ (Go ${go.events}, ours ${ts.events})`);
  const alone = isV1(f) ? best(process.execPath, ['--max-old-space-size=4096', tsReader, f, '--stream']) : null;
  rows.push({ f, size, go, ts, alone });
}

console.log(`\nTrace parser benchmark (${RUNS} runs each, best by CPU time; Node ${process.version}, ${os.cpus().length} CPUs)\n`);
for (const { f, size, go, ts, alone } of rows) {
  const v = headerVersion(f);
  console.log(`${path.relative(root, f)} (go 1.${v} header, ${v <= 21 ? 'v1 format' : 'v2 format'}): ${fmt(mb(size))} MiB, ${go.events.toLocaleString('en-US')} events (Go reader) / ${ts.events.toLocaleString('en-US')} (ours), ${ts.spans.toLocaleString('en-US')} spans, ${ts.goroutines} goroutines`);
  const line = (name, r) =>
    `  ${name.padEnd(28)} ${fmt(mb(size) / r.seconds).padStart(7)} MB/s wall ${fmt(mb(size) / r.cpu).padStart(7)} MB/s cpu ${fmt(r.events / r.cpu / 1e6, 2).padStart(6)} M events/s cpu   peak RSS ${fmt(r.rssMB).padStart(7)} MB (${fmt(r.rssMB / mb(size))}x file)`;
  console.log(line('Go x/exp/trace (events)', go));
  console.log(line('leakline (full model)', ts));
  const thr = go.cpu / ts.cpu;
  console.log(`  throughput ratio leakline/Go: ${fmt(thr, 2)}x by CPU time, ${fmt(go.seconds / ts.seconds, 2)}x by wall time (target ≥ 2x: ${thr >= 2 ? 'HIT' : 'MISS'})`);
  console.log(`  peak memory: ${fmt(ts.rssMB / mb(size))}x the trace size (target ≤ 3x: ${ts.rssMB <= 3 * mb(size) ? 'HIT' : 'MISS'}); Go's reader ${fmt(go.rssMB / mb(size))}x without a model`);
  if (alone) {
    const h = alone.heldBack;
    console.log(`  v1 reader alone (events, no model): ${fmt(mb(size) / alone.cpu)} MB/s cpu, peak RSS ${fmt(alone.rssMB)} MB (${fmt(alone.rssMB / mb(size), 2)}x file);` +
      ` ${alone.batches} batches, at most ${h.pool.toLocaleString('en-US')} events in flight (${h.reorder.toLocaleString('en-US')} held for syscall exits, ${h.lookahead.toLocaleString('en-US')} look-ahead)`);
  }
  console.log('');
}
