// Where a goroutine's (or a group's) time went, as `go tool trace`'s goroutine analysis shows it:
// running, scheduler wait (runnable, waiting for a P), syscall, and each reason it was blocked
// for. Sums span durations from the span table, clipped to a time range when one is given.
// Pure and linear in the spans of the rows asked for.
import { GoState, type TraceModel } from '../../../parsers/model';
import { SPAN_KIND_LABELS, SpanKind } from './span-kind';

export interface BreakdownEntry {
  /** "running", "runnable (scheduler wait)", "blocked: chan receive"… */
  readonly label: string;
  /** Colour of the entry: the span kind it is drawn as on the timeline. */
  readonly kind: SpanKind;
  readonly ns: number;
}

export interface Breakdown {
  /** Largest first. */
  readonly entries: readonly BreakdownEntry[];
  /** Sum of the entries: the goroutines' lives inside the range. */
  readonly totalNs: number;
  readonly goroutines: number;
}

// Runnable is waiting for a P: go tool trace's "scheduler wait".
const RUNNABLE = 'scheduler wait';

function labelOf(m: TraceModel, kind: SpanKind, state: number, reason: number): string {
  if (kind === SpanKind.Running) return 'running';
  if (kind === SpanKind.Runnable) return RUNNABLE;
  if (kind === SpanKind.Syscall) return 'syscall';
  const why = m.strings.strings[reason];
  if (state === GoState.Waiting) return `blocked: ${why || SPAN_KIND_LABELS[kind]}`;
  return why ? `${SPAN_KIND_LABELS[kind]}: ${why}` : SPAN_KIND_LABELS[kind];
}

export function timeBreakdown(m: TraceModel, kinds: Uint8Array, rows: Iterable<number>, fromNs = 0, toNs = m.durationNs): Breakdown {
  const g = m.goroutines;
  const s = m.spans;
  const byLabel = new Map<string, { kind: SpanKind; ns: number }>();
  let total = 0;
  let n = 0;
  for (const r of rows) {
    n++;
    const first = g.firstSpan[r];
    const end = first + g.spanCount[r];
    for (let i = first; i < end; i++) {
      const a = Math.max(s.startNs[i], fromNs);
      const b = Math.min(s.endNs[i], toNs);
      if (!(b > a)) continue;
      const kind = kinds[i] as SpanKind;
      if (kind === SpanKind.None) continue;
      const label = labelOf(m, kind, s.state[i], s.reason[i]);
      const e = byLabel.get(label);
      if (e) e.ns += b - a;
      else byLabel.set(label, { kind, ns: b - a });
      total += b - a;
    }
  }
  const entries = [...byLabel].map(([label, e]) => ({ label, kind: e.kind, ns: e.ns })).sort((x, y) => y.ns - x.ns || (x.label < y.label ? -1 : 1));
  return { entries, totalNs: total, goroutines: n };
}
