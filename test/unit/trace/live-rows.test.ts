// NumIndex.delete (backward-shift deletion in linear probing) and LiveRows (per-goroutine rows
// freed when the goroutine ends) against a plain Map, under seeded random insert/delete mixes
// that force collisions, wrap-around and growth.
import { describe, expect, it } from 'vitest';
import { NumIndex } from '../../../parsers/trace/num-map';
import { LiveRows } from '../../../parsers/trace/v1/live-rows';
import { rng } from '../fuzz/mutate';

describe('NumIndex.delete', () => {
  for (const [seed, range] of [[1, 64], [2, 5000], [3, 1e12]] as const) {
    it(`seed ${seed}: 20,000 random set/delete/get over keys < ${range} agree with a Map`, () => {
      const r = rng(seed);
      const ix = new NumIndex(16);
      const ref = new Map<number, number>();
      for (let i = 0; i < 20000; i++) {
        const k = Math.floor(r() * range);
        const op = r();
        if (op < 0.5) {
          ix.set(k, i);
          ref.set(k, i);
        } else if (op < 0.8) {
          ix.delete(k);
          ref.delete(k);
        } else expect(ix.get(k)).toBe(ref.get(k) ?? -1);
      }
      expect(ix.size).toBe(ref.size);
      for (const [k, v] of ref) expect(ix.get(k)).toBe(v);
    });
  }
});

describe('LiveRows', () => {
  it('reuses the rows of removed goroutines, so rows follow the live count', () => {
    const rows = new LiveRows();
    // 100,000 goroutines, at most 50 alive at once (ids are never reused, as in the runtime).
    const alive: number[] = [];
    for (let g = 1; g <= 100000; g++) {
      expect(rows.find(g)).toBe(-1);
      const r = rows.add(g);
      expect(rows.find(g)).toBe(r);
      alive.push(g);
      if (alive.length > 50) rows.remove(alive.shift()!);
    }
    expect(rows.live).toBe(50);
    expect(rows.count).toBeLessThanOrEqual(51);
    for (const g of alive) expect(rows.find(g)).toBeGreaterThanOrEqual(0);
    expect(new Set(alive.map((g) => rows.find(g))).size).toBe(50);
    expect(rows.find(1)).toBe(-1);
  });
});
