// Flame model on real corpus profiles: totals equal the profiles' sample sums, and per-function
// flat/cum values equal `go tool pprof -top` on the same file (differential test against Go).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { diffFlame, flameChange, flameOfProfile, functionTotals, layoutFlame, searchFlame, type FlameNode } from '../../../analysis/flame';
import type { Profile } from '../../../parsers/model';
import { fixture, loadProfile, versionsWith } from './corpus';

const KINDS = ['goroutine', 'heap', 'allocs', 'cpu', 'block', 'mutex'];
const ALL = versionsWith('http-handler-leak', 'heap.pb.gz');

function sampleSums(p: Profile): number[] {
  if (p.kind === 'goroutines') return [p.groups.reduce((s, g) => s + g.count, 0)];
  return p.sampleTypes.map((_, i) => p.samples.reduce((s, x) => s + (x.values[i] ?? 0), 0));
}

function checkInvariants(n: FlameNode): void {
  const kids = n.children.reduce((s, c) => s + c.total, 0);
  expect(n.self + kids).toBe(n.total);
  for (const c of n.children) checkInvariants(c);
}

const UNIT_FLAG: Record<string, string> = { bytes: 'B', nanoseconds: 'ns' };

/** `go tool pprof -top` → total and function → {flat, cum}, exact thanks to -unit. */
function pprofTop(file: string, sampleType: string, unit: string): { total: number; fns: Map<string, { flat: number; cum: number }> } {
  const args = ['tool', 'pprof', '-top', '-nodefraction=0', '-nodecount=1000000', `-sample_index=${sampleType}`];
  if (UNIT_FLAG[unit]) args.push(`-unit=${UNIT_FLAG[unit]}`);
  const out = execFileSync('go', [...args, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const total = Number(/of (-?[\d.]+)(?:B|ns)? total/.exec(out)?.[1] ?? 0);
  const fns = new Map<string, { flat: number; cum: number }>();
  for (const line of out.split('\n')) {
    const m = /^\s*(-?[\d.]+)(?:B|ns)?\s+-?[\d.]+%\s+-?[\d.]+%\s+(-?[\d.]+)(?:B|ns)?\s+-?[\d.]+%\s+(.+?)(?: \(inline\))?$/.exec(line);
    if (m) fns.set(m[3], { flat: Number(m[1]), cum: Number(m[2]) });
  }
  return { total, fns };
}

describe('flame model: totals are the profile sample sums', () => {
  it('the corpus has profiles of every kind', () => expect(ALL.length).toBeGreaterThan(0));
  for (const v of ALL) {
    it(`${v}: ${KINDS.join(', ')} — every sample type`, async () => {
      for (const k of KINDS) {
        const p = await loadProfile(fixture(v, 'http-handler-leak', `${k}.pb.gz`));
        const sums = sampleSums(p);
        sums.forEach((sum, i) => {
          const t = flameOfProfile(p, i);
          expect({ k, i, total: t.root.total }).toEqual({ k, i, total: sum });
          checkInvariants(t.root);
        });
      }
    });
  }
});

describe('flame model: per-function values equal go tool pprof -top', () => {
  // Two versions keep the run short: every pprof call costs ~0.3 s of a shared CPU.
  for (const v of [ALL[0], ALL[ALL.length - 1]].filter((x, i, a) => x && a.indexOf(x) === i)) {
    it(`${v}: every kind, every sample type`, async () => {
      let compared = 0;
      for (const k of KINDS) {
        const file = fixture(v, 'http-handler-leak', `${k}.pb.gz`);
        const p = await loadProfile(file);
        const types = p.kind === 'goroutines' ? [{ type: 'goroutine', unit: 'count' }] : p.sampleTypes;
        for (let i = 0; i < types.length; i++) {
          const ours = functionTotals(flameOfProfile(p, i).root);
          const go = pprofTop(file, types[i].type, types[i].unit);
          expect({ k, type: types[i].type, total: flameOfProfile(p, i).root.total }).toEqual({ k, type: types[i].type, total: go.total });
          const nonZero = new Map([...ours].filter(([, e]) => e.cum !== 0));
          expect(new Set(nonZero.keys())).toEqual(new Set(go.fns.keys()));
          for (const [fn, e] of go.fns) expect({ k, fn, ...nonZero.get(fn) }).toEqual({ k, fn, ...e });
          compared++;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(10);
    });
  }
});

describe('inverted flame graph and search, against go tool pprof -top', () => {
  const v = ALL[ALL.length - 1];
  it(`${v}: the inverted tree's roots are the flat values; a search covers the cum value once`, async () => {
    let compared = 0;
    for (const k of ['goroutine', 'heap', 'cpu']) {
      const file = fixture(v, 'http-handler-leak', `${k}.pb.gz`);
      const p = await loadProfile(file);
      const i = p.kind === 'samples' ? p.sampleTypes.length - 1 : 0;
      const type = p.kind === 'goroutines' ? { type: 'goroutine', unit: 'count' } : p.sampleTypes[i];
      const go = pprofTop(file, type.type, type.unit);
      const inverted = flameOfProfile(p, i, true);
      checkInvariants(inverted.root);
      expect(inverted.root.total).toBe(go.total);
      // Bottom-up: the first level holds each function where samples end, with its flat value.
      const roots = new Map(inverted.root.children.filter((c) => c.total !== 0).map((c) => [c.name, c.total]));
      const flat = new Map([...go.fns].filter(([, e]) => e.flat !== 0).map(([fn, e]) => [fn, e.flat]));
      expect(roots).toEqual(flat);
      // Searching a function highlights every cell of it and covers its cum value, recursion counted once.
      const tree = flameOfProfile(p, i);
      for (const [fn, e] of go.fns) {
        const exact = `/^${fn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$/`;
        expect({ k, fn, value: searchFlame(tree.root, exact).value }).toEqual({ k, fn, value: e.cum });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    // A plain query is a case-insensitive substring; a bad regex matches nothing instead of throwing.
    const g = flameOfProfile(await loadProfile(fixture(v, 'http-handler-leak', 'goroutine.pb.gz')));
    expect(searchFlame(g.root, 'HANDLEITEM').matches.size).toBeGreaterThan(0);
    expect(searchFlame(g.root, '/(/').matches.size).toBe(0);
  });
});

describe('differential flame', () => {
  const GROWING = versionsWith('growing-leak', 'goroutine-3.pb.gz');
  it('snapshot 1 vs 3 of growing-leak: base and target totals are the two profiles; the leak path is pure growth', async () => {
    expect(GROWING.length).toBeGreaterThan(0);
    for (const v of GROWING) {
      const a = await loadProfile(fixture(v, 'growing-leak', 'goroutine-1.pb.gz'));
      const b = await loadProfile(fixture(v, 'growing-leak', 'goroutine-3.debug2.txt'));
      const t = diffFlame(a, b);
      expect(t.root.baseTotal).toBe(sampleSums(a)[0]);
      expect(t.root.total).toBe(sampleSums(b)[0]);
      const leak = t.root.children.find((c) => c.name === 'main.subscribe.func1')!;
      expect(leak.baseTotal).toBe(5);
      expect(leak.total).toBe(15);
      expect(flameChange(leak)).toBeCloseTo(0.5);
      // Everything else is the same in both snapshots: no change anywhere off the leak path.
      for (const c of t.root.children.filter((x) => x !== leak)) expect(flameChange(c)).toBe(0);
      const rects = layoutFlame(t);
      expect(rects[0].w).toBe(1);
      expect(rects.find((r) => r.node === leak)!.w).toBeCloseTo(20 / (sampleSums(a)[0] + sampleSums(b)[0]));
    }
  });
});
