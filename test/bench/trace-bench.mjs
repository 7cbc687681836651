// `npm run bench:trace`: runs `leakline inspect` and `leakline report` (the real commands,
// test/bench/cli-once.ts) on large traces and Go's reader (golang.org/x/exp/trace reading every
// event, test/bench/go-reader) on the same files in the same run, and prints wall and CPU time,
// MB/s, peak RSS as a multiple of the file and the throughput ratios. BENCH_MODEL=1 adds the full
// lifecycle model parse alone (test/bench/parse-once.ts). Inputs: test/fixtures-big/<workload>-<N>mb/trace.out (npm run
// fixtures:big); when there are none, a ~2 s ping-pong trace is generated with test/bench/gen-trace.
// An old-format (v1) trace is always part of it: when test/fixtures-big has none, a 50 MB one is
// written by the HTTP workload built with Go 1.21 (npm run fixtures:big:v1). For v1 traces the
// reader is also run alone (no model) to show what it holds itself: one batch per P plus the
// events it holds back, whatever the file size.
// Each run is its own child process (so peak RSS is per run); RUNS runs each (default 3), medians.
// Throughput is reported per wall second and per CPU second: on a shared machine CPU time is the
// steadier measure, so both ratios are printed.
// BENCH_BASELINE=<git revision> also runs that revision's inspect and report (its
// test/bench/cli-once.ts, so from ed5b485 on) in the same run: before/after ratios on equal terms.
import { execFileSync, execSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// Inside this checkout (out/ is ignored), so benchmarks of other checkouts do not overwrite its builds.
const tmp = path.join(root, 'out/bench/trace');
mkdirSync(tmp, { recursive: true });

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26, ...opts });
}

// 1. Build both readers once.
const goReader = path.join(tmp, 'go-reader');
run('go', ['build', '-o', goReader, '.'], { cwd: path.join(root, 'test/bench/go-reader') });
const tsReader = path.join(tmp, 'parse-once.mjs');
const cliOnce = path.join(tmp, 'cli-once.mjs');
const bundle = (entry, out) => run(path.join(root, 'node_modules/.bin/rolldown'), [entry, '--platform', 'node', '--format', 'esm', '-o', out, '--log-level', 'warn']);
bundle(path.join(root, 'test/bench/parse-once.ts'), tsReader);
bundle(path.join(root, 'test/bench/cli-once.ts'), cliOnce);
const baseRev = process.env.BENCH_BASELINE;
let baseCli = null;
if (baseRev) {
  const rev = run('git', ['-C', root, 'rev-parse', '--short', baseRev]).trim();
  const dir = path.join(tmp, `baseline-${rev}`);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    execSync(`git -C '${root}' archive ${rev} | tar -x -C '${dir}'`);
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  }
  baseCli = path.join(tmp, `baseline-${rev}.mjs`);
  bundle(path.join(dir, 'test/bench/cli-once.ts'), baseCli);
}

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
// BENCH_FILTER (a regular expression over the path) picks traces; then no v1 trace is written.
if (!files.some(isV1) && !process.env.BENCH_FILTER) {
  if (existsSync(GO121)) {
    console.log('test/fixtures-big has no old-format (Go 1.11–1.21) trace; writing a 50 MB one with Go 1.21 (npm run fixtures:big:v1)…');
    run('go', ['-C', path.join(root, 'test/goprograms'), 'run', './cmd/generate-big', '-go', GO121, '-sizes', '50', '-modes', 'http'], { stdio: ['ignore', 'inherit', 'inherit'] });
    files.push(path.join(bigDir, 'http-50mb-go1.21', 'trace.out'));
  } else {
    console.log(`WARNING: no old-format trace to benchmark and no Go 1.21 at ${GO121} to write one`);
  }
}
if (process.env.BENCH_FILTER) files = files.filter((f) => new RegExp(process.env.BENCH_FILTER).test(f));
if (files.length === 0) {
  const gen = path.join(tmp, 'generated-pingpong.out');
  if (!existsSync(gen)) {
    console.log('test/fixtures-big has no traces; generating one with test/bench/gen-trace (2 s of ping-pong)…');
    run('go', ['run', '.', '-o', gen, '-d', '2s'], { cwd: path.join(root, 'test/bench/gen-trace') });
  }
  files = [gen];
}

/** RUNS runs; the median of each measure (runs alternate with the other readers' by file). */
function median(cmd, args) {
  const rs = [];
  for (let i = 0; i < RUNS; i++) rs.push(JSON.parse(run(cmd, args).trim().split('\n').pop()));
  const med = (k) => rs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rs.length / 2)];
  return { ...rs[0], seconds: med('seconds'), cpu: med('cpu'), rssMB: med('rssMB') };
}

const mb = (n) => n / (1 << 20);
const fmt = (n, d = 1) => n.toFixed(d);
const node = (args) => median(process.execPath, ['--max-old-space-size=8192', ...args]);
const withModel = process.env.BENCH_MODEL === '1';
const rows = [];
for (const f of files) {
  const size = statSync(f).size;
  const go = median(goReader, [f]);
  const inspect = node([cliOnce, 'inspect', f]);
  const report = node([cliOnce, 'report', f]);
  const base = baseCli ? { inspect: node([baseCli, 'inspect', f]), report: node([baseCli, 'report', f]) } : null;
  const model = withModel ? node([tsReader, f]) : null;
  if (model && go.events !== model.events) console.log(`WARNING ${path.relative(root, f)}: event counts differ (Go ${go.events}, ours ${model.events})`);
  const alone = withModel && isV1(f) ? node([tsReader, f, '--stream']) : null;
  rows.push({ f, size, go, inspect, report, model, alone, base });
}

console.log(`\nTrace benchmark (${RUNS} runs each, medians; Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
const summary = [];
for (const { f, size, go, inspect, report, model, alone, base } of rows) {
  const v = headerVersion(f);
  const name = path.relative(bigDir, f).replace(/\/trace\.out$/, '');
  console.log(`${path.relative(root, f)} (go 1.${v} header, ${v <= 21 ? 'v1 format' : 'v2 format'}): ${fmt(mb(size))} MiB, ${go.events.toLocaleString('en-US')} events`);
  const line = (label, r) =>
    `  ${label.padEnd(26)} ${fmt(r.seconds, 2).padStart(7)} s wall ${fmt(r.cpu, 2).padStart(7)} s cpu ${fmt(mb(size) / r.seconds).padStart(6)} MB/s wall   peak RSS ${fmt(r.rssMB, 0).padStart(6)} MB (${fmt(r.rssMB / mb(size))}x file)`;
  console.log(line('Go x/exp/trace (events)', go));
  const baseRows = base ? [[`${baseRev} inspect`, base.inspect], [`${baseRev} report`, base.report]] : [];
  for (const [label, r] of [['leakline inspect', inspect], ['leakline report', report], ...baseRows, ...(model ? [['parse, full model', model]] : [])]) {
    const wallRatio = go.seconds / r.seconds;
    const cpuRatio = go.cpu / r.cpu;
    console.log(`${line(label, r)}   vs Go: ${fmt(wallRatio, 2)}x wall, ${fmt(cpuRatio, 2)}x cpu`);
    if (label.startsWith('leakline')) summary.push({ name, label, wallRatio, cpuRatio, mem: r.rssMB / mb(size) });
  }
  if (base) {
    const vs = (now, was) => `${fmt(was.seconds / now.seconds, 2)}x wall, ${fmt(was.cpu / now.cpu, 2)}x cpu, ${fmt(was.rssMB / now.rssMB, 2)}x less memory`;
    console.log(`  now vs ${baseRev}: inspect ${vs(inspect, base.inspect)}; report ${vs(report, base.report)}`);
  }
  if (alone) {
    const h = alone.heldBack;
    console.log(`  v1 reader alone (events, no model): ${fmt(mb(size) / alone.cpu)} MB/s cpu, peak RSS ${fmt(alone.rssMB)} MB (${fmt(alone.rssMB / mb(size), 2)}x file);` +
      ` ${alone.batches} batches, at most ${h.pool.toLocaleString('en-US')} events in flight (${h.reorder.toLocaleString('en-US')} held for syscall exits, ${h.lookahead.toLocaleString('en-US')} look-ahead)`);
  }
  console.log('');
}
console.log('Targets (issue 16; worst of the 50 and 200 MB traces): throughput >= 1.5x Go, peak RSS <= 3x the file');
// Wall time is what a user waits for but moves with the machine's load; CPU time is the steadier
// measure of work. Both are judged.
for (const label of ['leakline inspect', 'leakline report']) {
  const big = summary.filter((s) => s.label === label && /-(50|200)mb/.test(s.name));
  if (big.length === 0) continue;
  const wall = Math.min(...big.map((s) => s.wallRatio));
  const cpu = Math.min(...big.map((s) => s.cpuRatio));
  const mem = Math.max(...big.map((s) => s.mem));
  const hit = (ok) => (ok ? 'HIT' : 'MISS');
  console.log(`  ${label.padEnd(17)} worst ${fmt(wall, 2)}x wall ${hit(wall >= 1.5)}, ${fmt(cpu, 2)}x cpu ${hit(cpu >= 1.5)}; worst ${fmt(mem, 2)}x file ${hit(mem <= 3)}`);
}
