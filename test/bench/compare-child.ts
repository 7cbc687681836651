// Benchmark child for `npm run bench:compare`: parses two snapshots, aligns them (both match
// modes) and builds the differential flame tree; prints the phase timings as JSON. Runs in its
// own process so its peak RSS is this comparison alone.
import { readFileSync } from 'node:fs';
import { compareSnapshots } from '../../analysis/compare';
import { diffFlame } from '../../analysis/flame';
import { bytesSource, type GoroutineProfile } from '../../parsers/model';
import { parseGoroutineText } from '../../parsers/goroutines/index';
import { parsePprof } from '../../parsers/pprof/index';
import { sniff } from '../../parsers/sniff';

async function load(file: string): Promise<GoroutineProfile> {
  const bytes = new Uint8Array(readFileSync(file));
  const src = bytesSource(file, bytes);
  const p = sniff(bytes) === 'pprof-proto' ? await parsePprof(src) : await parseGoroutineText(src);
  if (p.kind !== 'goroutines') throw new Error(`${file}: not a goroutine profile`);
  return p;
}

async function main(): Promise<void> {
  const [a, b] = process.argv.slice(2);
  const t0 = performance.now();
  const pa = await load(a);
  const pb = await load(b);
  const t1 = performance.now();
  const c = compareSnapshots([{ name: a, profile: pa }, { name: b, profile: pb }], 'stack');
  const t2 = performance.now();
  const cf = compareSnapshots([{ name: a, profile: pa }, { name: b, profile: pb }], 'function');
  const t3 = performance.now();
  const flame = diffFlame(pa, pb);
  const t4 = performance.now();
  const out = {
    parseMs: t1 - t0,
    alignStackMs: t2 - t1,
    alignFunctionMs: t3 - t2,
    diffFlameMs: t4 - t3,
    goroutines: [pa.total, pb.total],
    inputGroups: [pa.groups.length, pb.groups.length],
    alignedGroups: c.groups.length,
    alignedGroupsFunction: cf.groups.length,
    grown: c.groups.filter((g) => g.status === 'grown').length,
    new: c.groups.filter((g) => g.status === 'new').length,
    vanished: c.groups.filter((g) => g.status === 'vanished').length,
    flameRoot: [flame.root.baseTotal, flame.root.total],
    maxRssKiB: process.resourceUsage().maxRSS,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

void main();
