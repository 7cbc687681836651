// Step series for the tracks above the rows, and their per-pixel maxima (Perfetto draws counter
// tracks from per-bucket max values so a spike narrower than a pixel still shows).
import type { TraceModel } from '../../../parsers/model';
import type { CssPixels } from './units';
import { xToNs, type Viewport } from './viewport';

export interface StepSeries {
  /** Sorted change times. */
  readonly timeNs: Float64Array;
  /** Value from timeNs[i] until timeNs[i + 1]. */
  readonly value: Float64Array;
  readonly max: number;
}

const countByModel = new WeakMap<TraceModel, StepSeries>();

/** Live goroutines over time: +1 at creation (or at 0 when it predates the trace), −1 at its end. */
export function goroutineCountSeries(m: TraceModel): StepSeries {
  const cached = countByModel.get(m);
  if (cached) return cached;
  const g = m.goroutines;
  const t: number[] = [];
  const d: number[] = [];
  for (let r = 0; r < g.count; r++) {
    t.push(Number.isNaN(g.createdNs[r]) ? 0 : g.createdNs[r]);
    d.push(1);
    if (!Number.isNaN(g.endNs[r])) {
      t.push(g.endNs[r]);
      d.push(-1);
    }
  }
  const order = Array.from(t.keys()).sort((a, b) => t[a] - t[b] || d[a] - d[b]);
  const timeNs: number[] = [];
  const value: number[] = [];
  let cur = 0;
  let max = 0;
  for (const i of order) {
    cur += d[i];
    if (timeNs.length > 0 && timeNs[timeNs.length - 1] === t[i]) value[value.length - 1] = cur;
    else {
      timeNs.push(t[i]);
      value.push(cur);
    }
    if (cur > max) max = cur;
  }
  const s = { timeNs: Float64Array.from(timeNs), value: Float64Array.from(value), max };
  countByModel.set(m, s);
  return s;
}

export function heapSeries(m: TraceModel): StepSeries {
  let max = 0;
  for (const v of m.heap.bytes) if (v > max) max = v;
  if (m.heapGoal) for (const v of m.heapGoal.bytes) if (v > max) max = v;
  return { timeNs: m.heap.timeNs, value: m.heap.bytes, max };
}

/** Index of the last change at or before `ns`, −1 before the first. */
export function indexAt(s: StepSeries, ns: number): number {
  let lo = 0;
  let hi = s.timeNs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s.timeNs[mid] <= ns) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export function valueAt(s: StepSeries, ns: number): number {
  const i = indexAt(s, ns);
  return i < 0 ? 0 : s.value[i];
}

/** Maximum of the series over each `step`-pixel column of the viewport. NaN before the first sample. */
export function columnMax(s: StepSeries, vp: Viewport, step: CssPixels): Float64Array {
  const n = Math.max(1, Math.ceil(vp.widthPx / step));
  const out = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const a = xToNs(vp, c * step);
    const b = xToNs(vp, (c + 1) * step);
    let i = indexAt(s, a);
    let v = i < 0 ? NaN : s.value[i];
    for (i = i + 1; i < s.timeNs.length && s.timeNs[i] < b; i++) if (!(s.value[i] <= v)) v = s.value[i];
    out[c] = v;
  }
  return out;
}
