// Pass 2, step 2: syscall exits at their real time. The runtime writes GoSysExit when the
// goroutine gets a P back, and records the moment the syscall returned as an argument; Go's reader
// moves the event to that time and stable-sorts the merged stream by time. Streaming that sort:
// events wait here until no GoSysExit still to come can move before them. Pass 1 collected every
// real exit time, so the earliest one not merged yet bounds what may go: the wait is the time a
// goroutine spent runnable after its syscall (microseconds to a few milliseconds of events).
import { ParseError } from '../../model/errors';
import { GrowableColumn } from '../columns';
import { LiveRows } from './live-rows';
import type { V1Event } from './event';
import { DONE, NEED } from './merge';
import { V1 } from './spec';

/** FIFO without per-push allocation (array + head index, compacted as it drains). */
export class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(v: T): void {
    this.items.push(v);
  }

  peek(i = 0): T {
    return this.items[this.head + i];
  }

  shift(): T {
    const v = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return v;
  }
}

/** Where merged events come from (the Merger, or a wrapper that turns its errors into DONE). */
export interface MergedEvents {
  next(): V1Event | typeof NEED | typeof DONE;
}

export class SysExitOrder {
  /** Merged events that keep their time, in merge order (so in time order). */
  private readonly regular = new Fifo<V1Event>();
  /** Merged GoSysExits moved to their real time: a min-heap on (time, merge order). */
  private readonly moved: V1Event[] = [];
  /** Every real exit time, sorted; the ones below `idx` or counted in `taken` have been merged. */
  private idx = 0;
  private readonly taken = new Map<number, number>();
  private readonly blockRow = new LiveRows();
  private readonly blockTs = new GrowableColumn(Float64Array);
  /** No more events will come from the merge (it finished, or failed). */
  upstreamDone = false;
  /** Most events held here at once (reported by the tests and the benchmark). */
  peak = 0;

  constructor(private readonly exits: Float64Array) {}

  get held(): number {
    return this.regular.length + this.moved.length;
  }

  /** Earliest real exit time of a GoSysExit not merged yet (Infinity when none is left). */
  private unmergedMin(): number {
    const ex = this.exits;
    while (this.idx < ex.length) {
      const v = ex[this.idx];
      const k = this.taken.get(v);
      if (k === undefined) return v;
      if (k === 1) this.taken.delete(v);
      else this.taken.set(v, k - 1);
      this.idx++;
    }
    return Infinity;
  }

  next(merger: MergedEvents): V1Event | typeof NEED | typeof DONE {
    for (;;) {
      const r = this.regular.length > 0 ? this.regular.peek() : null;
      const m = this.moved.length > 0 ? this.moved[0] : null;
      const c = r === null ? m : m === null ? r : m.ts < r.ts || (m.ts === r.ts && m.pos < r.pos) ? m : r;
      if (c !== null && (this.upstreamDone || c.ts <= this.unmergedMin())) {
        if (c === r) return this.regular.shift();
        return popMoved(this.moved);
      }
      if (this.upstreamDone) return DONE;
      const e = merger.next();
      if (e === NEED) return NEED;
      if (e === DONE) {
        this.upstreamDone = true;
        continue;
      }
      this.take(e);
      if (this.held > this.peak) this.peak = this.held;
    }
  }

  private take(e: V1Event): void {
    if (e.typ === V1.GoSysBlock || e.typ === V1.GoInSyscall) {
      let row = this.blockRow.find(e.g);
      if (row < 0) {
        row = this.blockRow.add(e.g);
        if (row === this.blockTs.length) this.blockTs.push(0);
      }
      this.blockTs.data[row] = e.ts;
    } else if (e.typ === V1.GoSysExit && e.hasRealTs) {
      this.taken.set(e.realTs, (this.taken.get(e.realTs) ?? 0) + 1);
      const row = this.blockRow.find(e.g);
      if (row < 0) throw new ParseError('corrupt', 'stray syscall exit', e.offset);
      if (e.realTs < this.blockTs.data[row]) throw new ParseError('corrupt', 'time stamps out of order (syscall exit before its block)', e.offset);
      e.ts = e.realTs;
      pushMoved(this.moved, e);
      return;
    }
    if (e.typ === V1.GoEnd) this.blockRow.remove(e.g);
    this.regular.push(e);
  }
}

const before = (a: V1Event, b: V1Event): boolean => a.ts < b.ts || (a.ts === b.ts && a.pos < b.pos);

function pushMoved(h: V1Event[], e: V1Event): void {
  h.push(e);
  let i = h.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!before(h[i], h[p])) break;
    const t = h[p];
    h[p] = h[i];
    h[i] = t;
    i = p;
  }
}

function popMoved(h: V1Event[]): V1Event {
  const top = h[0];
  const last = h.pop()!;
  if (h.length > 0) {
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l], h[m])) m = l;
      if (r < h.length && before(h[r], h[m])) m = r;
      if (m === i) break;
      const t = h[m];
      h[m] = h[i];
      h[i] = t;
      i = m;
    }
  }
  return top;
}
