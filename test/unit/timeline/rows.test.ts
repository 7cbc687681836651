// Row list (filter, group, sort) and span kinds on fixture traces of real Go programs
// (test/fixtures/go1.26, and go1.21 for the old v1 trace format, made by test/goprograms). Expected leaks come from each scenario's
// truth.json, written by the program itself; orderings are checked against brute force.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../analysis/analyze';
import type { AnalysisResult } from '../../../analysis/verdict';
import { bytesSource } from '../../../parsers/model/byte-source';
import { GoState, type TraceModel } from '../../../parsers/model';
import { parseTrace } from '../../../parsers/trace';
import { expandSpans } from '../../../parsers/trace/expand-spans';
import { blockedForNs, buildLeakIndex, type LeakIndex } from '../../../renderer/src/timeline/leak-marks';
import { buildRows, compileQuery, DEFAULT_ROW_OPTIONS, startFunctionOf, type RowOptions } from '../../../renderer/src/timeline/rows';
import { finalKind, SpanKind, spanKinds } from '../../../renderer/src/timeline/span-kind';

const root = path.resolve(import.meta.dirname, '../../..');
const SCENARIOS = ['growing-leak', 'fanout-no-fanin', 'nil-chan-send', 'healthy-worker-pool'].flatMap((s) => [`go1.26/${s}`, `go1.21/${s}`]);
interface Truth {
  leaks: { startFunc: string; traceReason: string; ids: number[] }[];
}
const data = new Map<string, { m: TraceModel; a: AnalysisResult; leaks: LeakIndex; truth: Truth }>();

beforeAll(async () => {
  for (const s of SCENARIOS) {
    const dir = path.join(root, 'test/fixtures', s);
    const parsed = await parseTrace(bytesSource(s, new Uint8Array(readFileSync(path.join(dir, 'trace.out')))));
    const a = analyze([{ file: 'trace.out', trace: parsed }]);
    const m = expandSpans(parsed);
    data.set(s, { m, a, leaks: buildLeakIndex(a), truth: JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth });
  }
});

// Every goroutine unless a test says otherwise (the app hides the runtime's own by default).
const opts = (o: Partial<RowOptions>): RowOptions => ({ ...DEFAULT_ROW_OPTIONS, hideRuntime: false, ...o });
const ids = (m: TraceModel, rows: Int32Array) => [...rows].filter((r) => r >= 0).map((r) => m.goroutines.id[r]);

describe.each(SCENARIOS)('rows of %s', (s) => {
  it('hides exactly the runtime\'s own goroutines by default, never runtime.main or a leak', () => {
    const { m, leaks, truth } = data.get(s)!;
    expect(DEFAULT_ROW_OPTIONS.hideRuntime).toBe(true);
    const shown = new Set(ids(m, buildRows(m, leaks, DEFAULT_ROW_OPTIONS).rows));
    const hidden: string[] = [];
    for (let r = 0; r < m.goroutines.count; r++) if (!shown.has(m.goroutines.id[r])) hidden.push(startFunctionOf(m, r));
    expect(hidden.length).toBeGreaterThan(0);
    for (const fn of hidden) expect(fn).toMatch(/^(runtime\.|runtime\/trace\.|internal\/)/);
    expect(hidden).not.toContain('runtime.main');
    for (const id of truth.leaks.flatMap((l) => l.ids)) expect(shown.has(id)).toBe(true);
  });
  it('"suspects only" lists exactly the leaked goroutines, and they come first', () => {
    const { m, leaks, truth } = data.get(s)!;
    const expected = truth.leaks.flatMap((l) => l.ids).sort((a, b) => a - b);
    const got = ids(m, buildRows(m, leaks, opts({ suspectsOnly: true })).rows);
    expect([...got].sort((a, b) => a - b)).toEqual(expected);
  });

  it('sorting by time blocked is non-increasing within a confidence rank, and keeps every goroutine', () => {
    const { m, leaks } = data.get(s)!;
    const list = buildRows(m, leaks, opts({ sortBy: 'blocked' }));
    expect(list.rows.length).toBe(m.goroutines.count);
    let prevRank = Infinity;
    let prevBlocked = Infinity;
    for (const r of list.rows) {
      const c = leaks.verdictOf.get(m.goroutines.id[r])?.confidence;
      const rank = c ? ['low', 'medium', 'high', 'proven'].indexOf(c) + 1 : 0;
      expect(rank).toBeLessThanOrEqual(prevRank);
      if (rank < prevRank) prevBlocked = Infinity;
      expect(blockedForNs(m, r)).toBeLessThanOrEqual(prevBlocked);
      prevRank = rank;
      prevBlocked = blockedForNs(m, r);
    }
  });

  it('grouping by start function: one header per function, counts add up, collapsing hides members', () => {
    const { m, leaks } = data.get(s)!;
    const list = buildRows(m, leaks, opts({ groupBy: 'start' }));
    const funcs = new Set<string>();
    for (let r = 0; r < m.goroutines.count; r++) funcs.add(startFunctionOf(m, r));
    expect(list.groups.map((g) => g.key).sort()).toEqual([...funcs].sort());
    expect(list.groups.reduce((n, g) => n + g.members.length, 0)).toBe(m.goroutines.count);
    for (const g of list.groups) for (const r of g.members) expect(startFunctionOf(m, r)).toBe(g.key);
    expect(list.rows.length).toBe(m.goroutines.count + list.groups.length);
    // Groups with suspects first.
    const ranks = list.groups.map((g) => g.leakRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const big = list.groups.reduce((a, b) => (a.members.length >= b.members.length ? a : b));
    const collapsed = buildRows(m, leaks, opts({ groupBy: 'start', collapsed: new Set([big.key]) }));
    expect(collapsed.rows.length).toBe(list.rows.length - big.members.length);
  });

  it('the final-state filter keeps only goroutines whose final kind is selected', () => {
    const { m, leaks } = data.get(s)!;
    const cache = new Map();
    const want = new Set<SpanKind>([SpanKind.ChanSend, SpanKind.ChanRecv]);
    const list = buildRows(m, leaks, opts({ kinds: want }));
    let brute = 0;
    for (let r = 0; r < m.goroutines.count; r++) if (want.has(finalKind(m, r, cache))) brute++;
    expect(list.rows.length).toBe(brute);
    for (const r of list.rows) expect(want.has(finalKind(m, r, cache))).toBe(true);
  });
});

describe('search and span kinds', () => {
  it.each(['go1.26', 'go1.21'])('%s: search matches function substrings, /regex/ and #id', (v) => {
    const { m, leaks, truth } = data.get(`${v}/growing-leak`)!;
    const leak = truth.leaks[0];
    const bySub = ids(m, buildRows(m, leaks, opts({ query: leak.startFunc.split('.').slice(-2).join('.') })).rows);
    expect(bySub.sort((a, b) => a - b)).toEqual([...leak.ids].sort((a, b) => a - b));
    const byRe = ids(m, buildRows(m, leaks, opts({ query: '/^main\\.subscribe\\.func\\d$/' })).rows);
    expect(byRe.length).toBe(leak.ids.length);
    expect(ids(m, buildRows(m, leaks, opts({ query: `#${leak.ids[3]}` })).rows)).toContain(leak.ids[3]);
    expect(compileQuery('/unclosed(/')!('anything', 1)).toBe(false);
  });

  it('every Waiting span that the trace says is a chan send/receive is drawn as one', () => {
    for (const s of SCENARIOS) {
      const { m, truth } = data.get(s)!;
      const kinds = spanKinds(m);
      let checked = 0;
      for (let i = 0; i < m.spans.count; i++) {
        if (m.spans.state[i] !== GoState.Waiting) continue;
        const reason = m.strings.strings[m.spans.reason[i]];
        if (reason === 'chan send') expect(kinds[i]).toBe(SpanKind.ChanSend);
        else if (reason === 'chan receive') expect(kinds[i]).toBe(SpanKind.ChanRecv);
        else continue;
        checked++;
      }
      // Where the leak itself is a channel wait, there is at least that.
      if (truth.leaks.some((l) => /^chan (send|receive)$/.test(l.traceReason))) expect(checked, s).toBeGreaterThan(0);
    }
  });

  it('the leaked goroutines end in the state truth.json names', () => {
    for (const s of SCENARIOS.filter((x) => !x.endsWith('/healthy-worker-pool'))) {
      const { m, truth } = data.get(s)!;
      const cache = new Map();
      for (const l of truth.leaks)
        for (const id of l.ids) {
          const r = [...m.goroutines.id].indexOf(id);
          const k = finalKind(m, r, cache);
          const want = l.traceReason === 'chan send' ? SpanKind.ChanSend : l.traceReason === 'chan receive' ? SpanKind.ChanRecv : k;
          expect(k).toBe(want);
          expect(blockedForNs(m, r)).toBeGreaterThan(0);
        }
    }
  });
});
