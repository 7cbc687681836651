// Coordinate conversions, zoom/pan invariants, axis ticks and navigation history. The invariants
// are the oracle: a zoom keeps the time under the cursor where it was, a pan moves everything by
// the same number of pixels, undo returns exactly the window before.
import { describe, expect, it } from 'vitest';
import { createNavStore } from '../../../renderer/src/timeline/nav-store';
import { axisTicks, formatDuration, formatTick, tickStep } from '../../../renderer/src/timeline/time-axis';
import { clampViewport, fitViewport, MIN_VISIBLE_NS, nsPerPx, nsToX, panBy, xToNs, zoomAt, zoomToRange } from '../../../renderer/src/timeline/viewport';

const D = 30_523_655; // duration of the fanout-no-fanin fixture trace, ns

describe('viewport conversions', () => {
  it('nsToX and xToNs are inverse and linear', () => {
    const vp = { startNs: 1_000, endNs: 901_000, widthPx: 900 };
    for (const x of [0, 1, 450.5, 899, 900]) expect(nsToX(vp, xToNs(vp, x))).toBeCloseTo(x, 9);
    expect(xToNs(vp, 0)).toBe(1_000);
    expect(xToNs(vp, 900)).toBe(901_000);
    expect(nsPerPx(vp)).toBe(1000);
  });

  it('fit shows the whole trace with a 1 % right margin', () => {
    const vp = fitViewport(D, 1200);
    expect(vp.startNs).toBe(0);
    expect(nsToX(vp, D)).toBeCloseTo(1200 / 1.01, 6);
  });

  it('zoomAt keeps the time under the anchor fixed, at any anchor and factor', () => {
    let vp = fitViewport(D, 1000);
    for (const [factor, x] of [
      [2, 100],
      [10, 731],
      [0.5, 400],
      [37, 999],
    ] as const) {
      const before = xToNs(vp, x);
      const next = zoomAt(vp, factor, x, D);
      expect(xToNs(next, x)).toBeCloseTo(before, 3);
      expect(next.endNs - next.startNs).toBeCloseTo((vp.endNs - vp.startNs) / factor, 3);
      vp = next;
    }
  });

  it('zoom stops at MIN_VISIBLE_NS and zoom-out stops at the trace bounds', () => {
    let vp = fitViewport(D, 1000);
    for (let i = 0; i < 100; i++) vp = zoomAt(vp, 10, 500, D);
    expect(vp.endNs - vp.startNs).toBe(MIN_VISIBLE_NS);
    for (let i = 0; i < 100; i++) vp = zoomAt(vp, 0.1, 500, D);
    expect(vp.startNs).toBeCloseTo(-0.05 * D, 3);
    expect(vp.endNs).toBeCloseTo(1.05 * D, 3);
  });

  it('panBy moves every time by the same pixel amount and is clamped at the ends', () => {
    const vp = zoomAt(fitViewport(D, 1000), 8, 500, D);
    const p = panBy(vp, 120, D);
    for (const x of [0, 300, 880]) expect(nsToX(p, xToNs(vp, x + 120))).toBeCloseTo(x, 6);
    let far = vp;
    for (let i = 0; i < 1000; i++) far = panBy(far, 500, D);
    expect(far.endNs).toBeCloseTo(1.05 * D, 3);
    expect(far.endNs - far.startNs).toBeCloseTo(vp.endNs - vp.startNs, 3);
  });

  it('zoomToRange accepts either order and clamps', () => {
    const vp = fitViewport(D, 1000);
    expect(zoomToRange(vp, 2e6, 1e6, D)).toMatchObject({ startNs: 1e6, endNs: 2e6 });
    expect(clampViewport({ startNs: -1e12, endNs: 1e12, widthPx: 10 }, D)).toMatchObject({ startNs: -0.05 * D });
  });
});

describe('time axis', () => {
  it('steps are 1, 2 or 5 × 10^k and at least the minimum gap apart', () => {
    for (const span of [150, 9_999, 1e6, 3.3e7, 8.1e10]) {
      const vp = { startNs: 0, endNs: span, widthPx: 1000 };
      const step = tickStep(vp, 90);
      const mant = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5]).toContain(Math.round(mant));
      expect(nsToX(vp, step)).toBeGreaterThanOrEqual(90 - 1e-9);
      const ticks = axisTicks(vp);
      for (let i = 1; i < ticks.length; i++) expect(ticks[i].x - ticks[i - 1].x).toBeGreaterThanOrEqual(90 - 1e-6);
    }
  });

  it('labels use the unit of the step with just enough decimals', () => {
    expect(formatTick(5e6, 5e6)).toBe('5 ms');
    expect(formatTick(2.5e6, 5e5)).toBe('2.5 ms');
    expect(formatTick(1.2e9, 2e8)).toBe('1.2 s');
    expect(formatTick(340_000, 20_000)).toBe('340 µs');
    expect(formatTick(40, 20)).toBe('40 ns');
    expect(formatDuration(29_400_000)).toBe('29.4 ms');
    expect(formatDuration(853_000)).toBe('853 µs');
    expect(formatDuration(61e9)).toBe('1 min 1 s');
  });
});

describe('navigation history', () => {
  it('undo and redo walk back and forth through discrete steps', () => {
    const nav = createNavStore(D, 1000);
    const s = () => nav.store.getState().viewport;
    const fit = s();
    nav.zoomBy(4, 250);
    const z = s();
    nav.panBy(100);
    const p = s();
    nav.undo();
    expect(s()).toEqual(z);
    nav.undo();
    expect(s()).toEqual(fit);
    nav.undo();
    expect(s()).toEqual(fit);
    nav.redo();
    nav.redo();
    expect(s()).toEqual(p);
  });

  it('a continuous gesture (wheel, drag) becomes one undo step', () => {
    const nav = createNavStore(D, 1000);
    const fit = nav.store.getState().viewport;
    for (let i = 0; i < 20; i++) nav.zoomBy(1.1, 500, true);
    nav.endGesture();
    expect(nav.store.getState().past).toHaveLength(1);
    nav.undo();
    expect(nav.store.getState().viewport).toEqual(fit);
  });

  it('resizing keeps the time scale once the user navigated, and refits before', () => {
    const nav = createNavStore(D, 1000);
    nav.setWidth(500);
    expect(nav.store.getState().viewport).toEqual(fitViewport(D, 500));
    nav.zoomBy(2, 0);
    const before = nav.store.getState().viewport;
    nav.setWidth(1000);
    const after = nav.store.getState().viewport;
    expect(nsPerPx(after)).toBeCloseTo(nsPerPx(before), 6);
    expect(after.startNs).toBe(before.startNs);
  });
});
