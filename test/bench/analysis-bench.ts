// `npm run bench:analysis`: how long the leak analysis takes on large traces and profiles,
// measured against the reference in the same run: parsing the same file with our own parser. The
// analysis should cost a small fraction of the parse (it walks the columnar model once).
// Inputs: test/fixtures-big/<workload>-<N>mb/{trace.out, goroutine.pb.gz, goroutine.debug2.txt}
// (`npm run fixtures:big`), or LEAKLINE_BIG_DIR; without them, the corpus's largest traces, said so.
// Times are CPU seconds (process.cpuUsage: steadier than wall time on a shared machine), best of
// BENCH_RUNS (default 3) for the analysis; the parse runs once per file (it dominates).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { bytesSource, type GoroutineProfile, type ParsedTrace } from '../../parsers/model';
import { parseTrace } from '../../parsers/trace/index';
import { parsePprof } from '../../parsers/pprof/index';
import { parseGoroutineText } from '../../parsers/goroutines/index';
import { analyze, type AnalysisInput } from '../../analysis/analyze';

const root = process.cwd();
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const bigDir = process.env['LEAKLINE_BIG_DIR'] ?? path.join(root, 'test/fixtures-big');

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
async function timed<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = cpuSeconds();
  const v = await f();
  return [v, cpuSeconds() - t0];
}
const MB = 1 << 20;
const fmt = (n: number, d = 2) => n.toFixed(d);
let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
setInterval(sample, 50).unref();

interface Case {
  name: string;
  dir: string;
}
// The huge single-group leaks (issue 14: a million goroutines at one send must report in under
// 3x the parse time, memory linear in goroutines): generated once by test/bench/gen-hugeleak.
if (process.env['BENCH_HUGE'] !== '0') {
  for (const n of [500_000, 1_000_000]) {
    const dir = path.join(bigDir, `hugeleak-${n / 1000}k`);
    if (existsSync(path.join(dir, 'trace.out'))) continue;
    console.log(`generating ${dir} (${n.toLocaleString('en')} goroutines leaked at one send)…`);
    execFileSync('go', ['-C', path.join(root, 'test/bench/gen-hugeleak'), 'run', '-trimpath', '.', '-n', String(n), '-o', dir], { stdio: 'inherit' });
  }
}
let cases: Case[] = [];
if (existsSync(bigDir)) {
  cases = readdirSync(bigDir)
    .filter((d) => existsSync(path.join(bigDir, d, 'trace.out')))
    .sort((a, b) => statSync(path.join(bigDir, a, 'trace.out')).size - statSync(path.join(bigDir, b, 'trace.out')).size)
    .map((d) => ({ name: d, dir: path.join(bigDir, d) }));
}
if (cases.length === 0) {
  console.log(`${bigDir} has no traces (run \`npm run fixtures:big\`); using the corpus's go1.26 traces instead.`);
  const c = path.join(root, 'test/fixtures/go1.26');
  cases = readdirSync(c).map((d) => ({ name: `corpus/${d}`, dir: path.join(c, d) }));
}
if (process.env['BENCH_ONLY']) cases = cases.filter((c) => c.name.includes(process.env['BENCH_ONLY']!));

console.log('file                       MB   parse s  analyse s  analyse/parse  goroutines  suspects (p/h/m/l)   peak RSS MB  RSS/goroutine');
for (const c of cases) {
  const tracePath = path.join(c.dir, 'trace.out');
  const bytes = new Uint8Array(readFileSync(tracePath));
  const [trace, parseS] = await timed(() => parseTrace(bytesSource(tracePath, bytes)));
  sample();
  const inputs: AnalysisInput[] = [{ file: 'trace.out', trace: trace as ParsedTrace }];
  let profS = 0;
  for (const f of ['goroutine.pb.gz', 'goroutine.debug2.txt']) {
    const p = path.join(c.dir, f);
    if (!existsSync(p)) continue;
    const b = new Uint8Array(readFileSync(p));
    const [prof, s] = await timed(() => (f.endsWith('.pb.gz') ? parsePprof(bytesSource(f, b)) : parseGoroutineText(bytesSource(f, b))));
    profS += s;
    inputs.push({ file: f, profile: prof as GoroutineProfile });
  }
  let best = Infinity;
  let result = analyze(inputs);
  for (let i = 0; i < RUNS; i++) {
    const [r, s] = await timed(() => analyze(inputs));
    result = r;
    best = Math.min(best, s);
    sample();
  }
  const by = { proven: 0, high: 0, medium: 0, low: 0 };
  for (const v of result.verdicts) by[v.confidence]++;
  console.log(
    [
      c.name.padEnd(24),
      fmt(bytes.length / MB, 1).padStart(6),
      fmt(parseS + profS).padStart(8),
      fmt(best, 3).padStart(10),
      `${fmt((100 * best) / (parseS + profS), 1)}%`.padStart(14),
      String(result.goroutines).padStart(11),
      `${result.verdicts.length} (${by.proven}/${by.high}/${by.medium}/${by.low})`.padStart(20),
      fmt(peakRss / MB, 0).padStart(13),
      `${fmt(peakRss / Math.max(1, trace.goroutines.count), 0)} B`.padStart(14),
    ].join(' '),
  );
  if ((trace as ParsedTrace).partial) console.log(`    (trace parsed partially: ${(trace as ParsedTrace).partial?.message})`);
  if (process.env['BENCH_VERBOSE']) for (const v of result.verdicts.slice(0, 5)) console.log(`    ${v.confidence}: ${v.explanation}`);
}
