// The compact span store against a plain per-goroutine list of the same pushes, on the inputs
// its encoding has to step around: time gaps past 32 bits (a cut), times that are not whole ns or
// lie before the window's first (kept aside), more reasons than 12 bits name (kept aside), windows
// that fill up, cuts at any moment (streaming chunks). Real traces go through it in every parse
// test (test/differential/trace.test.ts compares its spans with Go's reader's transitions).
import { describe, expect, it } from 'vitest';
import { GoroutineSpans } from '../../../parsers/model/span-store';
import { CompactSpans, WINDOW_MAX } from '../../../parsers/trace/compact-spans';
import { rng } from '../fuzz/mutate';

interface Pushed {
  start: number;
  state: number;
  reason: number;
  stack: number;
  wakerId: number;
  wakerStack: number;
}

function roundTrip(seed: number, spans: number, opts: { rows: number; reasons: number; bigGaps: boolean; cutEvery: number }): void {
  const rand = rng(seed);
  const store = new CompactSpans();
  store.keepCuts = opts.cutEvery > 0;
  const want: Pushed[][] = [];
  for (let r = 0; r < opts.rows; r++) {
    store.addRow();
    want.push([]);
  }
  let t = 1000;
  let seen = 0;
  for (let i = 0; i < spans; i++) {
    const r = Math.floor(rand() * opts.rows);
    const last = want[r][want[r].length - 1];
    t += opts.bigGaps && rand() < 0.01 ? 2 ** 33 + Math.floor(rand() * 1e9) : Math.floor(rand() * 5000);
    // Now and then a fractional or an earlier time (a goroutine's first span starts at Sync).
    const start = rand() < 0.005 ? t + 0.5 : rand() < 0.005 && last === undefined ? t - 10_000 : t;
    const woken = rand() < 0.3;
    const p: Pushed = {
      start: last !== undefined && start < last.start ? last.start : start,
      state: 1 + Math.floor(rand() * 5),
      reason: Math.floor(rand() * opts.reasons),
      stack: Math.floor(rand() * 100_000),
      wakerId: woken ? Math.floor(rand() * 1e6) - 1 : -1,
      wakerStack: woken ? Math.floor(rand() * 100) : 0,
    };
    want[r].push(p);
    store.push(r, p.start, p.state, woken, p.reason, p.stack, p.wakerId, p.wakerStack);
    if (opts.cutEvery > 0 && i % opts.cutEvery === opts.cutEvery - 1) {
      store.cut();
      seen += store.cuts.reduce((n, c) => n + c.count, 0);
      store.cuts = [];
    }
  }
  store.seal();
  if (opts.cutEvery > 0) expect(seen + store.cuts.reduce((n, c) => n + c.count, 0)).toBe(spans);
  expect(store.count).toBe(spans);
  const sc = new GoroutineSpans();
  for (let r = 0; r < opts.rows; r++) {
    const n = store.read(r, sc);
    const got: Pushed[] = [];
    for (let k = 0; k < n; k++) {
      got.push({ start: sc.startNs[k], state: sc.state[k], reason: sc.reason[k], stack: sc.stack[k], wakerId: sc.wakerId[k], wakerStack: sc.wakerStack[k] });
    }
    expect(got, `row ${r}`).toEqual(want[r]);
    expect(store.lastStack(r)).toBe(want[r].length > 0 ? want[r][want[r].length - 1].stack : 0);
  }
}

describe('compact span store', () => {
  it('gives back every span of every goroutine as pushed (several full windows)', () => {
    roundTrip(1, 2 * WINDOW_MAX + 12_345, { rows: 5000, reasons: 40, bigGaps: false, cutEvery: 0 });
  });

  it('keeps times past 32 bits from the window base, fractional and earlier times exact', () => {
    roundTrip(2, 100_000, { rows: 300, reasons: 40, bigGaps: true, cutEvery: 0 });
  });

  it('keeps reasons beyond the 4,095 a span can name in 12 bits', () => {
    roundTrip(3, 60_000, { rows: 200, reasons: 10_000, bigGaps: false, cutEvery: 0 });
  });

  it('cut at any moment (streaming chunks): the chunks hold every span once, the store all of them', () => {
    roundTrip(4, 50_000, { rows: 1000, reasons: 30, bigGaps: true, cutEvery: 777 });
  });

  it('a goroutine without spans reads as none', () => {
    const s = new CompactSpans();
    s.addRow();
    s.seal();
    expect(s.read(0, new GoroutineSpans())).toBe(0);
    expect(s.lastStack(0)).toBe(0);
    expect(s.count).toBe(0);
  });
});
