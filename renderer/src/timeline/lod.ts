// Level of detail: turns one goroutine's spans into the boxes a canvas row draws, in CSS pixels.
// Spans at least one device pixel wide become one box each; runs of narrower spans fold into a
// single "merged" box coloured by the kind that covers most of its time (gotraceui's merged
// spans; the Firefox Profiler's lastDrawnPixelX). The first visible span is found by binary search
// on the row's end times, and a dense device-pixel cell is skipped with another binary search, so
// a row costs O(boxes · log spans), never O(spans): a goroutine with 500k spans is as cheap as one
// with 500 once zoomed out. Drawing and hit-testing both read these boxes.
import type { TraceModel } from '../../../parsers/model';
import { SPAN_KIND_COUNT } from './span-kind';
import type { CssPixels } from './units';
import { nsToX, xToNs, type Viewport } from './viewport';

export interface SpanBoxes {
  count: number;
  x0: Float32Array;
  x1: Float32Array;
  kind: Uint8Array;
  /** The span the box stands for (the first one for a merged box). */
  span: Int32Array;
  /** Spans folded into the box (1 for a plain box), saturating at 65535. */
  merged: Uint16Array;
}

export function createBoxes(capacity = 4096): SpanBoxes {
  return {
    count: 0,
    x0: new Float32Array(capacity),
    x1: new Float32Array(capacity),
    kind: new Uint8Array(capacity),
    span: new Int32Array(capacity),
    merged: new Uint16Array(capacity),
  };
}

function grow(b: SpanBoxes): void {
  const cap = b.x0.length * 2;
  const x0 = new Float32Array(cap);
  x0.set(b.x0);
  const x1 = new Float32Array(cap);
  x1.set(b.x1);
  const kind = new Uint8Array(cap);
  kind.set(b.kind);
  const span = new Int32Array(cap);
  span.set(b.span);
  const merged = new Uint16Array(cap);
  merged.set(b.merged);
  Object.assign(b, { x0, x1, kind, span, merged });
}

function push(b: SpanBoxes, x0: number, x1: number, kind: number, span: number, merged: number): void {
  if (b.count === b.x0.length) grow(b);
  const i = b.count++;
  b.x0[i] = x0;
  b.x1[i] = x1;
  b.kind[i] = kind;
  b.span[i] = span;
  b.merged[i] = merged > 65535 ? 65535 : merged;
}

/** First index in [lo, hi) whose end time is > `ns` (spans of a goroutine are sorted and disjoint). */
export function firstSpanEndingAfter(endNs: Float64Array, lo: number, hi: number, ns: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (endNs[mid] > ns) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Spans scanned one by one inside a device-pixel cell before the rest of the cell is skipped. */
const DENSE_SCAN = 8;

/**
 * Appends the boxes of goroutine `row` inside `vp` to `out` (which is not cleared).
 * `minWidth` is the narrowest box in CSS pixels: one device pixel, 1 / devicePixelRatio.
 * Returns the number of boxes appended.
 */
export function layoutRow(m: TraceModel, kinds: Uint8Array, row: number, vp: Viewport, minWidth: CssPixels, out: SpanBoxes): number {
  const s = m.spans;
  const first = m.goroutines.firstSpan[row];
  const end = first + m.goroutines.spanCount[row];
  const before = out.count;
  let i = firstSpanEndingAfter(s.endNs, first, end, vp.startNs);
  const weights = new Float64Array(SPAN_KIND_COUNT);
  // The merged box being built: open while mStart >= 0.
  let mStart = -1;
  let mX0 = 0;
  let mX1 = 0;
  let mCount = 0;
  let cellEnd = 0; // CSS x where the current device-pixel cell of the merged box ends
  let inCell = 0;
  // Right edge of the last pushed box: nothing is drawn twice into a device pixel (the Firefox
  // Profiler's lastDrawnPixelX), which bounds a row at one box per device pixel.
  let painted = -Infinity;
  const flush = () => {
    if (mStart < 0) return;
    let best = 0;
    for (let k = 1; k < SPAN_KIND_COUNT; k++) if (weights[k] > weights[best]) best = k;
    const x1 = Math.max(mX1, mX0 + minWidth);
    push(out, mX0, x1, best, mStart, mCount);
    painted = x1;
    weights.fill(0);
    mStart = -1;
  };
  while (i < end) {
    const startNs = s.startNs[i];
    if (startNs >= vp.endNs) break;
    const x1 = nsToX(vp, Math.min(s.endNs[i], vp.endNs));
    let x0 = nsToX(vp, Math.max(startNs, vp.startNs));
    const k = kinds[i];
    if (mStart < 0 && x1 <= painted && out.count > before) {
      // Entirely inside the pixel the previous box already painted.
      const last = out.count - 1;
      if (out.merged[last] < 65535) out.merged[last]++;
      i++;
      continue;
    }
    if (x1 - Math.max(x0, painted) >= minWidth) {
      flush();
      x0 = Math.max(x0, painted);
      if (x1 - x0 >= minWidth) {
        push(out, x0, x1, k, i, 1);
        painted = x1;
        i++;
        continue;
      }
    }
    x0 = Math.max(x0, painted);
    if (mStart >= 0 && x0 > mX1 + minWidth) flush(); // a gap (goroutine not existing) ends the run
    if (mStart < 0) {
      mStart = i;
      mX0 = Math.max(x0, painted);
      mX1 = Math.max(x1, mX0);
      mCount = 0;
      cellEnd = mX0 + minWidth;
      inCell = 0;
    }
    weights[k] += x1 - x0 > 0 ? x1 - x0 : 1e-6;
    mCount++;
    if (x1 > mX1) mX1 = x1;
    i++;
    if (x1 >= cellEnd) {
      cellEnd = x1 + minWidth;
      inCell = 0;
    } else if (++inCell >= DENSE_SCAN) {
      // The rest of this cell cannot change what is drawn much: jump to the first span that
      // reaches past it. The skipped spans count as merged but are not weighed.
      const j = firstSpanEndingAfter(s.endNs, i, end, xToNs(vp, cellEnd));
      mCount += j - i;
      i = j;
      if (mX1 < cellEnd) mX1 = cellEnd;
      cellEnd += minWidth;
      inCell = 0;
    }
  }
  flush();
  return out.count - before;
}

/**
 * The span under CSS x in goroutine `row`, using the same boxes the canvas draws, widened by
 * `slop` pixels on each side so a 1-pixel box can be hovered. Inside a merged box the span whose
 * time range is nearest to x is returned. -1 when nothing is there.
 */
export function hitTestRow(m: TraceModel, kinds: Uint8Array, row: number, vp: Viewport, minWidth: CssPixels, x: CssPixels, slop: CssPixels, scratch: SpanBoxes): number {
  scratch.count = 0;
  layoutRow(m, kinds, row, vp, minWidth, scratch);
  let best = -1;
  let bestDist = Infinity;
  for (let b = 0; b < scratch.count; b++) {
    const a = scratch.x0[b];
    const z = scratch.x1[b];
    const dist = x < a ? a - x : x > z ? x - z : 0;
    if (dist <= slop && dist < bestDist) {
      bestDist = dist;
      best = b;
      if (dist === 0) break;
    }
  }
  if (best < 0) return -1;
  if (scratch.merged[best] <= 1) return scratch.span[best];
  const s = m.spans;
  const lastOfRow = m.goroutines.firstSpan[row] + m.goroutines.spanCount[row];
  const ns = xToNs(vp, x);
  const j = firstSpanEndingAfter(s.endNs, scratch.span[best], lastOfRow, ns);
  if (j >= lastOfRow) return lastOfRow - 1;
  // j ends after ns; if it starts after ns too, its predecessor may be closer.
  if (s.startNs[j] > ns && j > scratch.span[best] && ns - s.endNs[j - 1] < s.startNs[j] - ns) return j - 1;
  return j;
}

/** A virtualizer item: the row geometry the DOM headers and the canvas share. */
export interface RowItem {
  readonly index: number;
  readonly start: number;
  readonly size: number;
}

/** The item under content-space y (scroll offset already added), by binary search. */
export function rowItemAt(items: readonly RowItem[], y: number): RowItem | undefined {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].start + items[mid].size <= y) lo = mid + 1;
    else hi = mid;
  }
  const it = items[lo];
  return it && it.start <= y && y < it.start + it.size ? it : undefined;
}
