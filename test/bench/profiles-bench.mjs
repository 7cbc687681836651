// `npm run bench:profiles`: parse time and peak memory of Leakline's profile parsers on a
// 100k-goroutine debug=2 dump and a 64k-sample goroutine proto (made by ./goprof, output in the
// git-ignored test/bench/out/), against `go tool pprof -raw` on the same proto in the same run.
// Prints ratios; no thresholds (machines differ, the ratio is what is tracked).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'out');
const runs = Number(process.env.BENCH_RUNS ?? 3);
mkdirSync(out, { recursive: true });

const goprof = path.join(out, 'goprof');
execFileSync('go', ['build', '-o', goprof, '.'], { cwd: path.join(here, 'goprof'), stdio: 'inherit' });
const dump = path.join(out, 'goroutines-100k.debug2.txt');
const proto = path.join(out, 'goroutines-large.pb.gz');
const dumpTwin = path.join(out, 'goroutines-100k.pb.gz');
if (!existsSync(dump) || !existsSync(proto) || !existsSync(dumpTwin)) execFileSync(goprof, ['gen', out], { stdio: 'inherit' });

// Bundle the TypeScript child once with vite (already a dev dependency) for plain node.
const { build } = await import('vite');
await build({
  logLevel: 'warn',
  configFile: false,
  build: { ssr: path.join(here, 'profile-parse-child.ts'), outDir: path.join(out, 'child'), emptyOutDir: true, minify: false },
  ssr: { noExternal: true },
});
const child = path.join(out, 'child', 'profile-parse-child.js');

const measure = (cmd, args) => JSON.parse(execFileSync(goprof, ['measure', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 }));
const parseChild = (file) => JSON.parse(execFileSync('node', [child, file], { encoding: 'utf8' }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function bench(label, file) {
  const ours = [];
  for (let i = 0; i < runs; i++) {
    const inner = parseChild(file);
    const outer = measure('node', [child, file]);
    ours.push({ parseMs: inner.parseMs, wallMs: outer.wallMs, cpuMs: outer.cpuMs, rssKiB: outer.maxRssKiB, info: inner });
  }
  const m = (k) => median(ours.map((o) => o[k]));
  return { label, file, parseMs: m('parseMs'), wallMs: m('wallMs'), cpuMs: m('cpuMs'), rssKiB: m('rssKiB'), info: ours[0].info };
}

const nodeBaseline = median(Array.from({ length: runs }, () => measure('node', ['-e', '0'])).map((m) => m.maxRssKiB));
const d2 = bench('debug=2 dump, 100k goroutines', dump);
const pb = bench('goroutine proto, 64k samples', proto);
const go = Array.from({ length: runs }, () => measure('go', ['tool', 'pprof', '-raw', proto]));
const goWall = median(go.map((m) => m.wallMs));
const goCpu = median(go.map((m) => m.cpuMs));
const goRss = median(go.map((m) => m.maxRssKiB));

// No Go tool reads debug=2; the nearest reference is go tool pprof on the same goroutines' proto.
const twin = Array.from({ length: runs }, () => measure('go', ['tool', 'pprof', '-raw', dumpTwin]));
const twinCpu = median(twin.map((m) => m.cpuMs));
const twinRss = median(twin.map((m) => m.maxRssKiB));

const mib = (k) => `${(k / 1024).toFixed(1)} MiB`;
console.log(`\nprofile parsers (median of ${runs}; node baseline RSS ${mib(nodeBaseline)})`);
for (const r of [d2, pb]) {
  console.log(`  ${r.label}: parse ${r.parseMs.toFixed(0)} ms, process ${r.wallMs.toFixed(0)} ms wall / ${r.cpuMs.toFixed(0)} ms CPU, peak RSS ${mib(r.rssKiB)} (${mib(r.rssKiB - nodeBaseline)} above node) ${JSON.stringify(r.info)}`);
}
console.log(`  go tool pprof -raw on the same proto: process ${goWall.toFixed(0)} ms wall / ${goCpu.toFixed(0)} ms CPU, peak RSS ${mib(goRss)}`);
console.log(
  `  ratio leakline/go (proto): CPU ${(pb.cpuMs / goCpu).toFixed(2)}x, wall ${(pb.wallMs / goWall).toFixed(2)}x, parse-only vs go wall ${(pb.parseMs / goWall).toFixed(2)}x, peak RSS ${(pb.rssKiB / goRss).toFixed(2)}x`,
);
console.log(
  `  debug=2 dump vs go tool pprof -raw on the same 100k goroutines' proto (${twinCpu.toFixed(0)} ms CPU, ${mib(twinRss)}): CPU ${(d2.cpuMs / twinCpu).toFixed(2)}x, peak RSS ${(d2.rssKiB / twinRss).toFixed(2)}x (text is 52 MB, proto ${'<'}1 MB)`,
);
console.log(`  (wall times are noisy on a shared machine; the CPU ratio is the one to track)`);
