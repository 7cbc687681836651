// Per-goroutine and per-group time breakdown (renderer/src/timeline/time-breakdown.ts) on real
// traces: every goroutine's breakdown adds up to its life in the trace, a group's to its members',
// a range clips it, and the http-handler-leak fixture's leaked goroutines (truth.json, written by
// the Go program) spent most of their time blocked on chan send.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import type { TraceModel } from '../../../parsers/model';
import { expandSpans, parseTrace } from '../../../parsers/trace';
import { spanKinds } from '../../../renderer/src/timeline/span-kind';
import { timeBreakdown } from '../../../renderer/src/timeline/time-breakdown';
import { corpus, fixtures } from '../../support/corpus';

const load = async (file: string) => expandSpans(await parseTrace(bytesSource(file, new Uint8Array(readFileSync(file)))));
let leak: TraceModel;
let real: TraceModel;

beforeAll(async () => {
  leak = await load(fixtures('go1.26', 'http-handler-leak', 'trace.out'));
  real = await load(corpus('realworld', 'traces', '011.trace'));
});

/** A goroutine's life inside the trace, from the goroutine table alone (not from its spans). */
function lifeNs(m: TraceModel, r: number): number {
  const g = m.goroutines;
  const from = Number.isNaN(g.createdNs[r]) ? 0 : g.createdNs[r];
  const to = Number.isNaN(g.endNs[r]) ? m.durationNs : g.endNs[r];
  return to - from;
}

describe('time breakdown', () => {
  it('adds up to each goroutine life, and a group to the sum of its members', () => {
    for (const m of [leak, real]) {
      const kinds = spanKinds(m);
      let sum = 0;
      const all: number[] = [];
      for (let r = 0; r < m.goroutines.count; r++) {
        const b = timeBreakdown(m, kinds, [r]);
        // Spans cover a goroutine's life without gaps once it is first seen.
        expect(b.totalNs).toBeLessThanOrEqual(lifeNs(m, r) + 1);
        expect(b.entries.reduce((a, e) => a + e.ns, 0)).toBeCloseTo(b.totalNs, 3);
        sum += b.totalNs;
        all.push(r);
      }
      const whole = timeBreakdown(m, kinds, all);
      expect(whole.totalNs).toBeCloseTo(sum, 0);
      expect(whole.goroutines).toBe(m.goroutines.count);
      // A range clips: the first half and the second half add up to the whole.
      const half = m.durationNs / 2;
      const a = timeBreakdown(m, kinds, all, 0, half).totalNs;
      const b = timeBreakdown(m, kinds, all, half, m.durationNs).totalNs;
      expect(a + b).toBeCloseTo(whole.totalNs, 0);
    }
  });

  it('the leaked goroutines of http-handler-leak spent most of their life blocked on chan send', () => {
    const truth = JSON.parse(readFileSync(fixtures('go1.26', 'http-handler-leak', 'truth.json'), 'utf8')) as { leaks: { ids: number[] }[] };
    const kinds = spanKinds(leak);
    const rows = truth.leaks[0].ids.map((id) => leak.goroutines.id.indexOf(id));
    expect(rows.every((r) => r >= 0)).toBe(true);
    for (const r of rows) {
      const b = timeBreakdown(leak, kinds, [r]);
      expect(b.entries[0].label).toBe('blocked: chan send');
      expect(b.entries.map((e) => e.label)).toContain('running');
    }
    const group = timeBreakdown(leak, kinds, rows);
    expect(group.entries[0].label).toBe('blocked: chan send');
    expect(group.entries[0].ns / group.totalNs).toBeGreaterThan(0.5);
  });
});
