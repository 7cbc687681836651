// Processor (P) and user-annotation lanes, derived once per model: the P running intervals
// sorted per P, and user tasks/regions packed into lanes so overlapping ones stack. Pure (no
// DOM): unit-tested in test/unit/timeline. Drawing reads these without allocating per frame.
import type { TraceModel } from '../../../parsers/model';

export interface ProcIndex {
  /** Span indices of each P (into model.procs.spans), sorted by start. */
  readonly order: Uint32Array;
  /** order[first[p] .. first[p] + count[p]) are P p's spans. */
  readonly first: Uint32Array;
  readonly count: Uint32Array;
  /** Ps in drawing order (by P id: P0 first), as indices into model.procs. */
  readonly byId: Uint32Array;
}

export interface Annotation {
  readonly kind: 'task' | 'region';
  readonly name: string;
  readonly goroutineId: number;
  readonly taskId: number;
  readonly startNs: number;
  readonly endNs: number;
  /** Lane within its kind's track (overlapping annotations stack). */
  readonly lane: number;
}

export interface AnnotationIndex {
  readonly tasks: readonly Annotation[];
  readonly taskLanes: number;
  readonly regions: readonly Annotation[];
  readonly regionLanes: number;
  /** Log marks sorted by time. */
  readonly logs: TraceModel['logs'];
}

const procMemo = new WeakMap<TraceModel['procs'], ProcIndex>();

export function procIndex(m: TraceModel): ProcIndex {
  const hit = procMemo.get(m.procs);
  if (hit) return hit;
  const p = m.procs;
  const s = p.spans;
  const count = new Uint32Array(p.count);
  for (let i = 0; i < s.count; i++) count[s.proc[i]]++;
  const first = new Uint32Array(p.count);
  for (let k = 1; k < p.count; k++) first[k] = first[k - 1] + count[k - 1];
  const fill = first.slice();
  const order = new Uint32Array(s.count);
  for (let i = 0; i < s.count; i++) order[fill[s.proc[i]]++] = i;
  for (let k = 0; k < p.count; k++) {
    const part = order.subarray(first[k], first[k] + count[k]);
    part.sort((a, b) => s.startNs[a] - s.startNs[b] || a - b);
  }
  const byId = Uint32Array.from({ length: p.count }, (_, k) => k).sort((a, b) => p.id[a] - p.id[b]);
  const idx = { order, first, count, byId };
  procMemo.set(m.procs, idx);
  return idx;
}

/**
 * First position in P `proc`'s sorted spans whose interval ends after `ns` (binary search: one P
 * runs one interval at a time, so sorted by start its ends are sorted too).
 */
export function firstProcSpanEndingAfter(m: TraceModel, idx: ProcIndex, proc: number, ns: number): number {
  const e = m.procs.spans.endNs;
  let lo = idx.first[proc];
  let hi = lo + idx.count[proc];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (e[idx.order[mid]] <= ns) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const annMemo = new WeakMap<object, AnnotationIndex>();

/**
 * Tasks and regions with their open ends closed at the trace's edges (a region begun before the
 * trace starts at 0, one still open at the end ends at the trace end), packed into lanes greedily
 * by start so overlapping ones never cover each other.
 */
export function annotationIndex(m: TraceModel): AnnotationIndex {
  const hit = annMemo.get(m.tasks);
  if (hit) return hit;
  const clamp = (a: number, b: number) => [Number.isNaN(a) ? 0 : a, Number.isNaN(b) ? m.durationNs : b] as const;
  const tasks = m.tasks.map((t) => {
    const [a, b] = clamp(t.startNs, t.endNs);
    return { kind: 'task' as const, name: t.name, goroutineId: t.goroutineId, taskId: t.id, startNs: a, endNs: b, lane: 0 };
  });
  const regions = m.regions.map((r) => {
    const [a, b] = clamp(r.startNs, r.endNs);
    return { kind: 'region' as const, name: r.name, goroutineId: r.goroutineId, taskId: r.taskId, startNs: a, endNs: b, lane: 0 };
  });
  const taskLanes = packLanes(tasks);
  const regionLanes = packLanes(regions);
  const logs = [...m.logs].sort((a, b) => a.timeNs - b.timeNs);
  const idx = { tasks, taskLanes, regions, regionLanes, logs };
  annMemo.set(m.tasks, idx);
  return idx;
}

function packLanes(items: { startNs: number; endNs: number; lane: number }[]): number {
  items.sort((a, b) => a.startNs - b.startNs || b.endNs - a.endNs);
  const laneEnd: number[] = [];
  for (const it of items) {
    let lane = laneEnd.findIndex((end) => end <= it.startNs);
    if (lane < 0) lane = laneEnd.push(0) - 1;
    laneEnd[lane] = it.endNs;
    it.lane = lane;
  }
  return laneEnd.length;
}
