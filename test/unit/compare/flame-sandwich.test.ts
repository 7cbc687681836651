// Sandwich (callers/callees) view on real fixture profiles: for every function, both trees hold
// exactly the samples with the function on the stack (its cum, which flame.test.ts checks against
// `go tool pprof -top`), the callees tree's self values of the function add up to its flat value,
// and every node's self plus children equals its total.
import { describe, expect, it } from 'vitest';
import { defaultSampleIndex, flameOfProfile, functionTotals, sandwichOfProfile, type FlameNode } from '../../../analysis/flame';
import { fixture, loadProfile, versionsWith } from './corpus';

function checkInvariants(n: FlameNode): void {
  expect(n.self + n.children.reduce((s, c) => s + c.total, 0)).toBe(n.total);
  for (const c of n.children) checkInvariants(c);
}

function selfOf(n: FlameNode, fn: string): number {
  return (n.name === fn ? n.self : 0) + n.children.reduce((s, c) => s + selfOf(c, fn), 0);
}

const V = versionsWith('http-handler-leak', 'cpu.pb.gz').at(-1)!;

describe('sandwich view', () => {
  for (const kind of ['cpu', 'heap', 'goroutine']) {
    it(`${kind}: every function's callers and callees hold its cum, callees its flat`, async () => {
      const p = await loadProfile(fixture(V, 'http-handler-leak', `${kind}.pb.gz`));
      const idx = p.kind === 'samples' ? defaultSampleIndex(p) : 0;
      const totals = functionTotals(flameOfProfile(p, idx).root);
      expect(totals.size).toBeGreaterThan(0);
      for (const [fn, { flat, cum }] of totals) {
        const { callers, callees } = sandwichOfProfile(p, idx, fn);
        for (const t of [callers, callees]) {
          expect(t.root.total).toBe(cum);
          expect(t.root.children.map((c) => c.name)).toEqual([fn]);
          checkInvariants(t.root);
        }
        expect(selfOf(callees.root, fn)).toBe(flat);
      }
    });
  }
});
