// `npm run bench:compare`: comparing two 100k-goroutine snapshots of one process (made by
// ./gen-compare, output in the git-ignored test/bench/out/): parse both, align by stack and by
// function, build the differential flame tree; time and peak memory per input format. The
// reference, measured in the same run, is `go tool pprof -diff_base=A -top B` on the protos.
// Prints ratios; no thresholds (machines differ, the ratio is what is tracked).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'out');
const runs = Number(process.env.BENCH_RUNS ?? 3);
mkdirSync(out, { recursive: true });

const goprof = path.join(out, 'goprof');
if (!existsSync(goprof)) execFileSync('go', ['build', '-o', goprof, '.'], { cwd: path.join(here, 'goprof'), stdio: 'inherit' });
const gen = path.join(out, 'gen-compare');
execFileSync('go', ['build', '-trimpath', '-o', gen, '.'], { cwd: path.join(here, 'gen-compare'), stdio: 'inherit' });
const file = (snap, ext) => path.join(out, `compare-${snap}.${ext}`);
if (!['a', 'b'].every((s) => ['pb.gz', 'debug2.txt'].every((e) => existsSync(file(s, e))))) {
  console.log('generating two 100k-goroutine snapshots (takes ~30 s)…');
  execFileSync(gen, [out], { stdio: 'inherit' });
}

const { build } = await import('vite');
await build({
  logLevel: 'warn',
  configFile: false,
  build: { ssr: path.join(here, 'compare-child.ts'), outDir: path.join(out, 'compare-child'), emptyOutDir: true, minify: false },
  ssr: { noExternal: true },
});
const child = path.join(out, 'compare-child', 'compare-child.js');

const measure = (cmd, args) => JSON.parse(execFileSync(goprof, ['measure', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = (k) => `${(k / 1024).toFixed(1)} MiB`;

function bench(ext) {
  const a = file('a', ext);
  const b = file('b', ext);
  const inner = [];
  const outer = [];
  for (let i = 0; i < runs; i++) {
    inner.push(JSON.parse(execFileSync('node', [child, a, b], { encoding: 'utf8' })));
    outer.push(measure('node', [child, a, b]));
  }
  const pick = (k) => median(inner.map((r) => r[k]));
  return {
    ext,
    sizes: [statSync(a).size, statSync(b).size],
    parseMs: pick('parseMs'),
    alignStackMs: pick('alignStackMs'),
    alignFunctionMs: pick('alignFunctionMs'),
    diffFlameMs: pick('diffFlameMs'),
    wallMs: median(outer.map((m) => m.wallMs)),
    rssKiB: median(outer.map((m) => m.maxRssKiB)),
    info: inner[0],
  };
}

const nodeBase = median(Array.from({ length: runs }, () => measure('node', ['-e', '0'])).map((m) => m.maxRssKiB));
const results = [bench('pb.gz'), bench('debug2.txt')];
const go = Array.from({ length: runs }, () => measure('go', ['tool', 'pprof', '-diff_base', file('a', 'pb.gz'), '-top', file('b', 'pb.gz')]));
const goWall = median(go.map((m) => m.wallMs));
const goRss = median(go.map((m) => m.maxRssKiB));

console.log(`\ncompare two 100k-goroutine snapshots (median of ${runs}; node baseline RSS ${mib(nodeBase)})`);
for (const r of results) {
  const i = r.info;
  console.log(
    `  ${r.ext} (${(r.sizes[0] / 1e6).toFixed(1)} + ${(r.sizes[1] / 1e6).toFixed(1)} MB; ${i.goroutines.join(' → ')} goroutines, ${i.inputGroups.join(' / ')} input groups → ${i.alignedGroups} aligned by stack, ${i.alignedGroupsFunction} by function; ${i.grown} grown, ${i.new} new, ${i.vanished} vanished)`,
  );
  console.log(
    `    parse both ${r.parseMs.toFixed(0)} ms · align (stack) ${r.alignStackMs.toFixed(1)} ms · align (function) ${r.alignFunctionMs.toFixed(1)} ms · differential flame ${r.diffFlameMs.toFixed(1)} ms · whole process ${r.wallMs.toFixed(0)} ms · peak RSS ${mib(r.rssKiB)} (${mib(r.rssKiB - nodeBase)} above node)`,
  );
}
const pb = results[0];
console.log(`  go tool pprof -diff_base A -top B (protos): process ${goWall.toFixed(0)} ms, peak RSS ${mib(goRss)}`);
console.log(
  `  ratio leakline/go (protos, whole process: parse + both alignments + flame vs pprof's diff): time ${(pb.wallMs / goWall).toFixed(2)}x, peak RSS ${(pb.rssKiB / goRss).toFixed(2)}x`,
);
