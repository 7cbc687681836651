// What a span is drawn as: the goroutine state, with Waiting split by the analysis' wait class
// (analysis/wait-class.ts is the one classifier; this file only folds its classes into the
// dozen colours a timeline can show apart).
import { classifyTraceReason, type WaitClass } from '../../../analysis/wait-class';
import { GoState, type TraceModel } from '../../../parsers/model';

export const SpanKind = {
  None: 0, // undetermined / not existing
  Running: 1,
  Runnable: 2,
  Syscall: 3,
  ChanSend: 4,
  ChanRecv: 5,
  Select: 6,
  Forever: 7,
  Sync: 8,
  Timer: 9,
  Io: 10,
  GcSystem: 11,
  OtherWait: 12,
} as const;
export type SpanKind = (typeof SpanKind)[keyof typeof SpanKind];
export const SPAN_KIND_COUNT = 13;

export const SPAN_KIND_LABELS: readonly string[] = [
  'not running',
  'running',
  'runnable',
  'syscall',
  'chan send',
  'chan receive',
  'select',
  'blocked forever',
  'sync',
  'sleep / timer',
  'I/O',
  'GC / system',
  'other wait',
];

export function kindOfClass(cls: WaitClass): SpanKind {
  switch (cls) {
    case 'channel-send':
      return SpanKind.ChanSend;
    case 'channel-recv':
      return SpanKind.ChanRecv;
    case 'select':
      return SpanKind.Select;
    case 'forever':
      return SpanKind.Forever;
    case 'sync-mutex':
    case 'sync-rwmutex':
    case 'sync-waitgroup':
    case 'sync-cond':
    case 'sync-other':
      return SpanKind.Sync;
    case 'timer':
      return SpanKind.Timer;
    case 'io':
      return SpanKind.Io;
    case 'gc-system':
      return SpanKind.GcSystem;
    case 'syscall':
      return SpanKind.Syscall;
    case 'running':
      return SpanKind.Running;
    case 'runnable':
      return SpanKind.Runnable;
    default:
      return SpanKind.OtherWait;
  }
}

/** Kind of a (state, reason, stack) triple; `cache` is keyed by reason and stack id. */
export function kindOf(m: TraceModel, state: number, reason: number, stack: number, cache: Map<number, SpanKind>): SpanKind {
  switch (state) {
    case GoState.Running:
      return SpanKind.Running;
    case GoState.Runnable:
      return SpanKind.Runnable;
    case GoState.Syscall:
      return SpanKind.Syscall;
    case GoState.Waiting: {
      // 2^26 reasons × 2^27 stacks stays below 2^53: the key is exact.
      const key = reason * 134_217_728 + stack;
      let k = cache.get(key);
      if (k === undefined) {
        k = kindOfClass(classifyTraceReason(m.strings.strings[reason] ?? '', m.stacks.stacks[stack] ?? []));
        cache.set(key, k);
      }
      return k;
    }
    default:
      return SpanKind.None;
  }
}

const kindsByModel = new WeakMap<TraceModel, Uint8Array>();

/**
 * One SpanKind per span, computed once per model object (a streaming model is a new object per
 * chunk). Distinct (reason, stack) pairs are few (hundreds), so the cost is one Map lookup per
 * span: ~40 ms for 2 M spans.
 */
export function spanKinds(m: TraceModel): Uint8Array {
  let kinds = kindsByModel.get(m);
  if (kinds) return kinds;
  const s = m.spans;
  kinds = new Uint8Array(s.count);
  const cache = new Map<number, SpanKind>();
  for (let i = 0; i < s.count; i++) kinds[i] = kindOf(m, s.state[i], s.reason[i], s.stack[i], cache);
  kindsByModel.set(m, kinds);
  return kinds;
}

/** Kind of a goroutine's final state (for the row badge and the state filter). */
export function finalKind(m: TraceModel, row: number, cache: Map<number, SpanKind>): SpanKind {
  const g = m.goroutines;
  if (!Number.isNaN(g.endNs[row])) return SpanKind.None;
  return kindOf(m, g.finalState[row], g.finalReason[row], g.finalStack[row], cache);
}
