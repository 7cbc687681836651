// The reader-level event: one reused object per queue slot, never one allocation per event.
// Context (g/p/m) is the context *before* the event, as in Go's Event.Goroutine()/Proc()/Thread().
import type { Generation } from './generation';
import { NONE } from './spec';

export class TraceEvent {
  typ = 0;
  /** ns on the trace clock (absolute), after the reader's strictly-increasing clamp. */
  time = 0;
  /** Wire args after dt (a0 = first). */
  a0 = 0;
  a1 = 0;
  a2 = 0;
  a3 = 0;
  g = NONE;
  p = NONE;
  m = NONE;
  /**
   * Facts the ordering derives (Go smuggles them into spare args): GoStatus → old GoState;
   * ProcStatus → old ProcState; ProcSteal → old wire proc status; UserTaskEnd → parent task.
   */
  extra = 0;
  /** UserTaskEnd: the task's name (carried across generations as a string). */
  extraStr = '';
  /** Tables (strings, stacks) of the generation the event belongs to; null for Sync at the end. */
  gen: Generation | null = null;
  /** Sync: 1-based sequence number. */
  syncN = 0;
  /** File offset of the event's bytes (diagnostics). */
  offset = 0;

  copyFrom(o: TraceEvent): void {
    this.typ = o.typ;
    this.time = o.time;
    this.a0 = o.a0;
    this.a1 = o.a1;
    this.a2 = o.a2;
    this.a3 = o.a3;
    this.g = o.g;
    this.p = o.p;
    this.m = o.m;
    this.extra = o.extra;
    this.extraStr = o.extraStr;
    this.gen = o.gen;
    this.syncN = o.syncN;
    this.offset = o.offset;
  }

  arg(i: number): number {
    return i === 0 ? this.a0 : i === 1 ? this.a1 : i === 2 ? this.a2 : this.a3;
  }
}

/** FIFO of events produced by one ordering step (at most 3 per step; 8 slots). */
export class EventQueue {
  private readonly slots: TraceEvent[] = Array.from({ length: 8 }, () => new TraceEvent());
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  /** A slot to fill; it becomes visible to pop() immediately. */
  push(): TraceEvent {
    const e = this.slots[this.end & 7];
    this.end++;
    e.extra = 0;
    e.extraStr = '';
    e.syncN = 0;
    return e;
  }

  pop(): TraceEvent | null {
    if (this.end === this.start) return null;
    return this.slots[this.start++ & 7];
  }
}
