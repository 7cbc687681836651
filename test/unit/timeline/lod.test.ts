// Level-of-detail layout and hit-testing on real traces (Go 1.23–1.26 programs from GitHub in
// test/corpus/realworld, and two in the old v1 format: Go 1.11 and 1.19). Every expectation is checked against a brute-force scan of the SpanTable,
// which is the independent oracle: the LOD may merge, but it must not lose, invent or reorder.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import type { TraceModel } from '../../../parsers/model';
import { expandSpans, parseTrace } from '../../../parsers/trace';
import { createBoxes, firstSpanEndingAfter, hitTestRow, layoutRow, rowItemAt } from '../../../renderer/src/timeline/lod';
import { spanKinds } from '../../../renderer/src/timeline/span-kind';
import { fitViewport, nsToX, xToNs, zoomAt, type Viewport } from '../../../renderer/src/timeline/viewport';
import { corpus } from '../../support/corpus';

const FILES = ['009.trace', '011.trace', '012.trace', '002.trace', '005.trace'];
const models = new Map<string, TraceModel>();

beforeAll(async () => {
  for (const f of FILES) {
    const bytes = new Uint8Array(readFileSync(corpus('realworld', 'traces', f)));
    models.set(f, expandSpans(await parseTrace(bytesSource(f, bytes))));
  }
});

/** Viewports a user reaches: fit, then zoomed 10×–10,000× at several anchors. */
function viewports(m: TraceModel, width: number): Viewport[] {
  const fit = fitViewport(m.durationNs, width);
  const out = [fit];
  for (const factor of [10, 1000, 10_000]) for (const a of [0.1, 0.5, 0.93]) out.push(zoomAt(fit, factor, a * width, m.durationNs));
  return out;
}

function rowsWithSpans(m: TraceModel): number[] {
  const rows: number[] = [];
  for (let r = 0; r < m.goroutines.count; r++) if (m.goroutines.spanCount[r] > 0) rows.push(r);
  return rows;
}

describe.each(FILES)('LOD layout on %s', (file) => {
  it('spans of each goroutine are sorted and disjoint (the binary searches rely on it)', () => {
    const m = models.get(file)!;
    const s = m.spans;
    for (const r of rowsWithSpans(m)) {
      const a = m.goroutines.firstSpan[r];
      for (let i = a + 1; i < a + m.goroutines.spanCount[r]; i++) {
        expect(s.goroutine[i]).toBe(r);
        expect(s.startNs[i]).toBeGreaterThanOrEqual(s.endNs[i - 1]);
      }
    }
  });

  for (const dpr of [1, 2]) {
    it(`boxes are ordered, at least one device pixel wide, bounded by the width, and account for every visible span (dpr ${dpr})`, () => {
      const m = models.get(file)!;
      const kinds = spanKinds(m);
      const width = 900;
      const minW = 1 / dpr;
      const out = createBoxes(16);
      let checkedRows = 0;
      let sawMerge = false;
      for (const vp of viewports(m, width)) {
        for (const r of rowsWithSpans(m)) {
          out.count = 0;
          layoutRow(m, kinds, r, vp, minW, out);
          // Oracle: a full scan of the goroutine's spans.
          const a = m.goroutines.firstSpan[r];
          const z = a + m.goroutines.spanCount[r];
          let visible = 0;
          const wide: number[] = [];
          for (let i = a; i < z; i++) {
            if (m.spans.endNs[i] <= vp.startNs || m.spans.startNs[i] >= vp.endNs) continue;
            visible++;
            const w = nsToX(vp, Math.min(m.spans.endNs[i], vp.endNs)) - nsToX(vp, Math.max(m.spans.startNs[i], vp.startNs));
            // A box may be cut by at most one device pixel where a merged run before it ends.
            if (w >= 2 * minW) wide.push(i);
          }
          let represented = 0;
          const plain = new Set<number>(); // spans that lead a box
          for (let b = 0; b < out.count; b++) {
            expect(out.x1[b] - out.x0[b]).toBeGreaterThanOrEqual(minW - 1e-4);
            expect(out.x0[b]).toBeGreaterThanOrEqual(-1e-3);
            expect(out.x0[b]).toBeLessThanOrEqual(width + 1e-3);
            if (b > 0) expect(out.x0[b]).toBeGreaterThanOrEqual(out.x0[b - 1]);
            represented += out.merged[b];
            plain.add(out.span[b]);
            if (out.merged[b] > 1) sawMerge = true;
            if (b > 0) expect(out.x0[b]).toBeGreaterThanOrEqual(out.x1[b - 1] - 1e-3);
            const sp = out.span[b];
            expect(m.spans.goroutine[sp]).toBe(r);
            if (out.merged[b] === 1) expect(out.kind[b]).toBe(kinds[sp]);
          }
          expect(represented).toBe(visible);
          for (const i of wide) expect(plain.has(i)).toBe(true);
          // One box per device pixel at most, plus the one straddling the right edge.
          expect(out.count).toBeLessThanOrEqual(width * dpr + 1);
          checkedRows++;
        }
      }
      expect(checkedRows).toBeGreaterThan(10);
      if (file === '011.trace' && dpr === 1) expect(sawMerge).toBe(true);
    });
  }

  it('hit-testing a point inside a plain box returns the span whose time range contains it', () => {
    const m = models.get(file)!;
    const kinds = spanKinds(m);
    const width = 900;
    const boxes = createBoxes();
    const scratch = createBoxes();
    let hits = 0;
    for (const vp of viewports(m, width)) {
      for (const r of rowsWithSpans(m).slice(0, 40)) {
        boxes.count = 0;
        layoutRow(m, kinds, r, vp, 1, boxes);
        for (let b = 0; b < boxes.count; b++) {
          if (boxes.merged[b] !== 1 || boxes.x1[b] - boxes.x0[b] < 3) continue;
          const x = (boxes.x0[b] + boxes.x1[b]) / 2;
          const ns = xToNs(vp, x);
          const got = hitTestRow(m, kinds, r, vp, 1, x, 2, scratch);
          expect(m.spans.startNs[got]).toBeLessThanOrEqual(ns);
          expect(m.spans.endNs[got]).toBeGreaterThan(ns);
          expect(got).toBe(boxes.span[b]);
          hits++;
        }
      }
    }
    expect(hits).toBeGreaterThan(20);
  });

  it('hit-testing inside a merged box returns a span of that goroutine near the point; empty space returns -1', () => {
    const m = models.get(file)!;
    const kinds = spanKinds(m);
    const vp = fitViewport(m.durationNs, 900);
    const boxes = createBoxes();
    const scratch = createBoxes();
    for (const r of rowsWithSpans(m)) {
      boxes.count = 0;
      layoutRow(m, kinds, r, vp, 1, boxes);
      for (let b = 0; b < boxes.count; b++) {
        if (boxes.merged[b] < 2) continue;
        const x = (boxes.x0[b] + boxes.x1[b]) / 2;
        const got = hitTestRow(m, kinds, r, vp, 1, x, 2, scratch);
        expect(m.spans.goroutine[got]).toBe(r);
        // Within the merged box's time range, widened by the 2 px slop.
        expect(m.spans.endNs[got]).toBeGreaterThanOrEqual(xToNs(vp, boxes.x0[b] - 2));
        expect(m.spans.startNs[got]).toBeLessThanOrEqual(xToNs(vp, boxes.x1[b] + 2));
      }
      // Left of the goroutine's first span (if it started late) there is nothing to hit.
      const firstX = nsToX(vp, m.spans.startNs[m.goroutines.firstSpan[r]]);
      if (firstX > 10) expect(hitTestRow(m, kinds, r, vp, 1, firstX - 8, 2, scratch)).toBe(-1);
    }
  });
});

describe('binary searches', () => {
  it('firstSpanEndingAfter agrees with a linear scan on every goroutine of 011.trace', () => {
    const m = models.get('011.trace')!;
    const s = m.spans;
    for (const r of rowsWithSpans(m).slice(0, 50)) {
      const a = m.goroutines.firstSpan[r];
      const z = a + m.goroutines.spanCount[r];
      for (let i = a; i < z; i += Math.max(1, ((z - a) / 7) | 0)) {
        for (const ns of [s.startNs[i], s.endNs[i], (s.startNs[i] + s.endNs[i]) / 2]) {
          let lin = a;
          while (lin < z && s.endNs[lin] <= ns) lin++;
          expect(firstSpanEndingAfter(s.endNs, a, z, ns)).toBe(lin);
        }
      }
    }
  });

  it('rowItemAt finds the virtual item under y and nothing in gaps or past the end', () => {
    const items = [
      { index: 4, start: 0, size: 22 },
      { index: 5, start: 22, size: 22 },
      { index: 6, start: 44, size: 30 },
      { index: 9, start: 100, size: 22 },
    ];
    expect(rowItemAt(items, 0)?.index).toBe(4);
    expect(rowItemAt(items, 21.9)?.index).toBe(4);
    expect(rowItemAt(items, 22)?.index).toBe(5);
    expect(rowItemAt(items, 73)?.index).toBe(6);
    expect(rowItemAt(items, 80)).toBeUndefined();
    expect(rowItemAt(items, 121)?.index).toBe(9);
    expect(rowItemAt(items, 122)).toBeUndefined();
  });
});
