// Unblock links of a selected span: who woke it (the flow arrow drawn on the rows canvas) and who
// else blocked at the same line (listed in the span details). Pure: unit-tested without a DOM.
import { blockingFrame } from '../../../analysis/frames';
import { GoState, type TraceModel } from '../../../parsers/model';

export interface Wake {
  /** Goroutine id of the waker. */
  readonly id: number;
  /** The waker's stack at the unblock, 0 when the trace has none. */
  readonly stack: number;
  /** When the wait ended (the start of the Runnable span the waker began). */
  readonly atNs: number;
  /** The span of the woken goroutine that carries the waker (the wait itself or the next span). */
  readonly span: number;
}

/** The span that ended a wait: a wait is followed by the Runnable span its waker began. */
export function wakeOf(m: TraceModel, span: number): Wake | null {
  const s = m.spans;
  const row = s.goroutine[span];
  const last = m.goroutines.firstSpan[row] + m.goroutines.spanCount[row] - 1;
  for (const i of [span, span + 1]) {
    if (i > last || s.wakerId[i] < 0 || Number.isNaN(s.wakerId[i])) continue;
    return { id: s.wakerId[i], stack: s.wakerStack?.[i] ?? 0, atNs: s.startNs[i], span: i };
  }
  return null;
}

export interface SameSite {
  /** "func file:line" of the developer's frame the span blocked at, '' when it has no stack. */
  readonly site: string;
  /** Goroutine rows (other than the span's own) with a wait at that line, and how many waits each. */
  readonly rows: readonly { row: number; waits: number }[];
}

/**
 * Every other goroutine that waited at the same line as `span` (the developer's blocking frame of
 * its stack, as the leak analysis names sites). O(spans) with one lookup per distinct stack.
 */
export function blockedAtSameLine(m: TraceModel, span: number): SameSite {
  const s = m.spans;
  const frames = m.stacks.stacks[s.stack[span]];
  const f = frames && frames.length > 0 ? blockingFrame(frames) : undefined;
  if (!f || s.state[span] !== GoState.Waiting) return { site: '', rows: [] };
  const site = `${f.func} ${f.file}:${f.line}`;
  const match = new Map<number, boolean>();
  const atSite = (stack: number): boolean => {
    let v = match.get(stack);
    if (v === undefined) {
      const st = m.stacks.stacks[stack];
      const b = st && st.length > 0 ? blockingFrame(st) : undefined;
      v = b !== undefined && b.func === f.func && b.file === f.file && b.line === f.line;
      match.set(stack, v);
    }
    return v;
  };
  const own = s.goroutine[span];
  const waits = new Map<number, number>();
  for (let i = 0; i < s.count; i++) {
    if (s.state[i] !== GoState.Waiting || s.goroutine[i] === own || !atSite(s.stack[i])) continue;
    waits.set(s.goroutine[i], (waits.get(s.goroutine[i]) ?? 0) + 1);
  }
  return { site, rows: [...waits].map(([row, n]) => ({ row, waits: n })).sort((a, b) => a.row - b.row) };
}
