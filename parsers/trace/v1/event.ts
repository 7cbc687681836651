// One v1 event on its way from a batch to the converter, and the exact 64-bit uvarint the tick
// fields need. Events are pooled: the pipeline holds only the few between merge and conversion.

/** A decoded v1 event (Go's tracev1.Event plus where it came from). */
export class V1Event {
  typ = 0;
  /** Ticks relative to the trace's tick base while merging; ns relative to the first event after. */
  ts = 0;
  /** Goroutine the event happened on (0 = none), or the one it is about for GoSysExit/GoWaiting/GoInSyscall. */
  g = 0;
  /** P of the batch (−1 = no P), or one of the pseudo-Ps once the reader moved it. */
  p = 0;
  a0 = 0;
  a1 = 0;
  a2 = 0;
  a3 = 0;
  /** Stack id (0 = none). */
  stk = 0;
  /** GoSysExit: the real exit time (relative ticks), when the runtime recorded one. */
  realTs = 0;
  hasRealTs = false;
  /** File offset of the event's first byte (for errors). */
  offset = 0;
  /** Merge order (0, 1, 2, …): ties in the final time sort keep it, as Go's stable sort does. */
  pos = 0;
  /** Index of the merge cursor that produced it. */
  proc = 0;

  copyFrom(o: V1Event): void {
    this.typ = o.typ;
    this.ts = o.ts;
    this.g = o.g;
    this.p = o.p;
    this.a0 = o.a0;
    this.a1 = o.a1;
    this.a2 = o.a2;
    this.a3 = o.a3;
    this.stk = o.stk;
    this.realTs = o.realTs;
    this.hasRealTs = o.hasRealTs;
    this.offset = o.offset;
    this.pos = o.pos;
    this.proc = o.proc;
  }
}

export class EventPool {
  private readonly free: V1Event[] = [];
  /** Most events ever out of the pool at once (the pipeline's buffering, reported by tests). */
  peak = 0;
  private out = 0;

  get(): V1Event {
    this.out++;
    if (this.out > this.peak) this.peak = this.out;
    return this.free.pop() ?? new V1Event();
  }

  release(e: V1Event): void {
    this.out--;
    this.free.push(e);
  }
}

/**
 * Result of the last uvarint64() call: the value's low and high 32 bits (exact), bytes consumed
 * (> 0 ok, 0 input ended, −1 more than 64 bits). Tick values are absolute CPU ticks that pass 2^53
 * on machines up for a few weeks, so they are kept as two halves and made relative to a base.
 */
export const v64 = { lo: 0, hi: 0, len: 0 };

const TWO32 = 4294967296;

export function uvarint64(buf: Uint8Array, pos: number, end: number): void {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < 10; i++) {
    if (pos + i >= end) {
      v64.len = 0;
      return;
    }
    const b = buf[pos + i];
    const v = b & 0x7f;
    if (i === 9 && b > 1) {
      v64.len = -1;
      return;
    }
    const s = 7 * i;
    if (s + 7 <= 32) lo += v * 2 ** s;
    else if (s < 32) {
      lo += (v & ((1 << (32 - s)) - 1)) * 2 ** s;
      hi += v >>> (32 - s);
    } else hi += v * 2 ** (s - 32);
    if (b < 0x80) {
      v64.lo = lo;
      v64.hi = hi;
      v64.len = i + 1;
      return;
    }
  }
  v64.len = -1;
}

/** A 64-bit tick value (hi, lo) minus the base, exact while the difference stays below 2^53. */
export function relTicks(hi: number, lo: number, baseHi: number, baseLo: number): number {
  return (hi - baseHi) * TWO32 + (lo - baseLo);
}

export function isMaxUint64(hi: number, lo: number): boolean {
  return hi === 0xffffffff && lo === 0xffffffff;
}
