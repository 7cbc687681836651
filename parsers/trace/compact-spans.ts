// The compact span store (layout and cost: docs/span-encoding.md). Spans arrive in event order
// (all goroutines interleaved) into a small reused window; when the window is cut (a streaming
// chunk, a full window, or a time range that no longer fits 32 bits) its spans are grouped by
// goroutine — a counting sort over at most WINDOW_MAX spans, in cache — and written once, in
// final order, into exact-size arrays of that window: per span a 32-bit time offset from the
// window's base, state + woken + reason in 16 bits and a 32-bit stack id; per wake-up the waker's
// id and stack. A goroutine's spans are the chain of its segments (one per window it had spans
// in). Nothing is copied again after that: no growth copies, no final scatter.
import { GoroutineSpans, type SpanStore } from '../model/span-store';
import { GrowableColumn } from './columns';

/** Spans buffered in event order at most (~8.6 MB of window columns). */
export const WINDOW_MAX = 1 << 18;
/** Largest time offset from a window's base; the sentinel above it marks an exact time kept aside. */
const MAX_OFFSET = 0xfffffffe;
const OFFSET_ASIDE = 0xffffffff;
const WOKEN = 8;
/** Reason slot of the 12-bit field meaning "the StringId is kept aside" (more than 4,095 reasons). */
const REASON_ASIDE = 0xfff;

/** One cut window's spans in event order: what a streaming chunk carries. Fresh arrays. */
export interface WindowSpans {
  readonly count: number;
  readonly row: Uint32Array;
  readonly startNs: Float64Array;
  readonly state: Uint8Array;
  readonly reason: Uint32Array;
  readonly stack: Uint32Array;
  readonly wakerId: Float64Array;
  readonly wakerStack: Uint32Array;
}

/** The window columns (event order), reused from one window to the next. */
class Window {
  row: Uint32Array;
  start: Float64Array;
  /** GoState | WOKEN. */
  state: Uint8Array;
  reason: Uint32Array;
  stack: Uint32Array;
  waker: Float64Array;
  wakerStack: Uint32Array;
  n = 0;
  min = Infinity;
  max = -Infinity;

  constructor(cap: number) {
    this.row = new Uint32Array(cap);
    this.start = new Float64Array(cap);
    this.state = new Uint8Array(cap);
    this.reason = new Uint32Array(cap);
    this.stack = new Uint32Array(cap);
    this.waker = new Float64Array(cap);
    this.wakerStack = new Uint32Array(cap);
  }

  grow(): void {
    const cap = this.row.length * 2;
    const g = <T extends Uint32Array | Float64Array | Uint8Array>(a: T, c: new (n: number) => T): T => {
      const b = new c(cap);
      b.set(a as never);
      return b;
    };
    this.row = g(this.row, Uint32Array);
    this.start = g(this.start, Float64Array);
    this.state = g(this.state, Uint8Array);
    this.reason = g(this.reason, Uint32Array);
    this.stack = g(this.stack, Uint32Array);
    this.waker = g(this.waker, Float64Array);
    this.wakerStack = g(this.wakerStack, Uint32Array);
  }
}

export class CompactSpans implements SpanStore {
  count = 0;
  /** Set when streaming: each cut also keeps the window's event-order spans for the chunk. */
  keepCuts = false;
  cuts: WindowSpans[] = [];

  private w = new Window(1 << 12);
  private counts: Uint32Array | undefined;
  // Per cut window: base time and the spans grouped by goroutine.
  private readonly base: number[] = [];
  private readonly off: Uint32Array[] = [];
  private readonly sr: Uint16Array[] = [];
  private readonly stk: Uint32Array[] = [];
  private readonly wakerId: Float64Array[] = [];
  private readonly wakerStk: Uint32Array[] = [];
  /** Exact times and reasons that did not fit, per window: position → value. */
  private readonly timeAside: (Map<number, number> | undefined)[] = [];
  private readonly reasonAside: (Map<number, number> | undefined)[] = [];
  // Segments: a goroutine's spans within one window.
  private readonly segWindow = new GrowableColumn(Uint32Array);
  private readonly segStart = new GrowableColumn(Uint32Array);
  private readonly segCount = new GrowableColumn(Uint32Array);
  private readonly segWake = new GrowableColumn(Uint32Array);
  private readonly segNext = new GrowableColumn(Int32Array);
  // Per goroutine row: first and last segment (-1: none).
  private readonly first = new GrowableColumn(Int32Array);
  private readonly last = new GrowableColumn(Int32Array);
  // Reasons (StringIds) ↔ 12-bit slots.
  private readonly reasons: number[] = [];
  /** Slot + 1 by StringId (0: none yet); StringIds are dense, so an array beats a Map here. */
  private slotOf = new Uint16Array(256);
  // Cut scratch: window-local index of a row (valid when localRow[localOf[r]] === r).
  private readonly localOf = new GrowableColumn(Int32Array);

  /** Rows are added in order by the model builder (0, 1, 2, …). */
  addRow(): void {
    this.first.push(-1);
    this.last.push(-1);
    this.localOf.push(0);
  }

  push(row: number, start: number, state: number, woken: boolean, reason: number, stack: number, waker: number, wakerStack: number): void {
    const w = this.w;
    const lo = start < w.min ? start : w.min;
    const hi = start > w.max ? start : w.max;
    if (w.n === WINDOW_MAX || (w.n > 0 && hi - lo > MAX_OFFSET)) this.cut();
    if (w.n === w.row.length) w.grow();
    const i = w.n++;
    if (start < w.min) w.min = start;
    if (start > w.max) w.max = start;
    w.row[i] = row;
    w.start[i] = start;
    w.state[i] = woken ? state | WOKEN : state;
    w.reason[i] = reason;
    w.stack[i] = stack;
    w.waker[i] = waker;
    w.wakerStack[i] = wakerStack;
    this.count++;
  }

  /** Writes the window's spans, grouped by goroutine, into the store and empties the window. */
  cut(): void {
    const w = this.w;
    const n = w.n;
    if (n === 0) return;
    if (this.keepCuts) this.cuts.push(this.eventOrder());
    const wi = this.base.length;
    const base = w.min;
    // Pass 1: window-local goroutines in order of first span; spans and wake-ups of each.
    const localOf = this.localOf.data;
    const localRow = new Uint32Array(n);
    const spans = new Uint32Array(n);
    const wakes = new Uint32Array(n);
    let locals = 0;
    for (let i = 0; i < n; i++) {
      const r = w.row[i];
      let l = localOf[r];
      if (l >= locals || localRow[l] !== r) {
        l = localOf[r] = locals++;
        localRow[l] = r;
      }
      spans[l]++;
      if (w.state[i] & WOKEN) wakes[l]++;
    }
    // Pass 2: one segment per local goroutine, chained to the goroutine's previous one; the
    // counts become each segment's write cursors.
    let pos = 0;
    let wpos = 0;
    for (let l = 0; l < locals; l++) {
      const r = localRow[l];
      const seg = this.segWindow.push(wi);
      this.segStart.push(pos);
      this.segCount.push(spans[l]);
      this.segWake.push(wpos);
      this.segNext.push(-1);
      if (this.last.data[r] < 0) this.first.data[r] = seg;
      else this.segNext.data[this.last.data[r]] = seg;
      this.last.data[r] = seg;
      const c = spans[l];
      spans[l] = pos;
      pos += c;
      const wc = wakes[l];
      wakes[l] = wpos;
      wpos += wc;
    }
    // Pass 3: every span written once, at its final place.
    const off = new Uint32Array(n);
    const sr = new Uint16Array(n);
    const stk = new Uint32Array(n);
    const wakerId = new Float64Array(wpos);
    const wakerStk = new Uint32Array(wpos);
    let timeAside: Map<number, number> | undefined;
    let reasonAside: Map<number, number> | undefined;
    for (let i = 0; i < n; i++) {
      const l = localOf[w.row[i]];
      const d = spans[l]++;
      const t = w.start[i] - base;
      if (t >= 0 && t <= MAX_OFFSET && Number.isInteger(t)) off[d] = t;
      else {
        off[d] = OFFSET_ASIDE;
        (timeAside ??= new Map()).set(d, w.start[i]);
      }
      const slot = this.slot(w.reason[i]);
      if (slot === REASON_ASIDE) (reasonAside ??= new Map()).set(d, w.reason[i]);
      sr[d] = w.state[i] | (slot << 4);
      stk[d] = w.stack[i];
      if (w.state[i] & WOKEN) {
        const k = wakes[l]++;
        wakerId[k] = w.waker[i];
        wakerStk[k] = w.wakerStack[i];
      }
    }
    this.base.push(base);
    this.off.push(off);
    this.sr.push(sr);
    this.stk.push(stk);
    this.wakerId.push(wakerId);
    this.wakerStk.push(wakerStk);
    this.timeAside.push(timeAside);
    this.reasonAside.push(reasonAside);
    w.n = 0;
    w.min = Infinity;
    w.max = -Infinity;
  }

  private slot(reason: number): number {
    if (reason < this.slotOf.length) {
      const s = this.slotOf[reason];
      if (s !== 0) return s - 1;
    }
    return this.newSlot(reason);
  }

  private newSlot(reason: number): number {
    if (this.reasons.length >= REASON_ASIDE) return REASON_ASIDE;
    if (reason >= this.slotOf.length) {
      let cap = this.slotOf.length * 2;
      while (cap <= reason) cap *= 2;
      const next = new Uint16Array(cap);
      next.set(this.slotOf);
      this.slotOf = next;
    }
    this.reasons.push(reason);
    this.slotOf[reason] = this.reasons.length;
    return this.reasons.length - 1;
  }

  /** The window's spans in event order, as fresh exact-size arrays (a streaming chunk's). */
  private eventOrder(): WindowSpans {
    const w = this.w;
    const n = w.n;
    const state = w.state.slice(0, n);
    for (let i = 0; i < n; i++) state[i] &= ~WOKEN;
    return {
      count: n,
      row: w.row.slice(0, n),
      startNs: w.start.slice(0, n),
      state,
      reason: w.reason.slice(0, n),
      stack: w.stack.slice(0, n),
      wakerId: w.waker.slice(0, n),
      wakerStack: w.wakerStack.slice(0, n),
    };
  }

  /** Spans pushed since the last cut (still in the window). */
  get pending(): number {
    return this.w.n;
  }

  /**
   * Ends building: cuts the last window and frees the window and cut scratch. `counts` (spans
   * per row, the goroutine table's spanCount) lets `read` size its output without walking the
   * chain twice.
   */
  seal(counts?: Uint32Array): this {
    this.cut();
    this.counts = counts;
    this.w = new Window(0);
    this.localOf.release();
    for (const c of [this.segWindow, this.segStart, this.segCount, this.segWake, this.segNext, this.first, this.last]) c.trim();
    return this;
  }

  get bytes(): number {
    let b = 0;
    for (let i = 0; i < this.base.length; i++) {
      b += this.off[i].byteLength + this.sr[i].byteLength + this.stk[i].byteLength + this.wakerId[i].byteLength + this.wakerStk[i].byteLength;
    }
    const segs = this.segWindow.length;
    return b + segs * 20 + this.first.length * 8;
  }

  read(row: number, out: GoroutineSpans): number {
    let total = 0;
    if (this.counts) total = this.counts[row];
    else for (let s = this.first.data[row]; s >= 0; s = this.segNext.data[s]) total += this.segCount.data[s];
    out.reserve(total);
    const reasons = this.reasons;
    let n = 0;
    for (let s = this.first.data[row]; s >= 0; s = this.segNext.data[s]) {
      const wi = this.segWindow.data[s];
      const base = this.base[wi];
      const off = this.off[wi];
      const sr = this.sr[wi];
      const stk = this.stk[wi];
      const wakerId = this.wakerId[wi];
      const wakerStk = this.wakerStk[wi];
      let k = this.segWake.data[s];
      const p0 = this.segStart.data[s];
      const p1 = p0 + this.segCount.data[s];
      for (let p = p0; p < p1; p++, n++) {
        const o = off[p];
        out.startNs[n] = o === OFFSET_ASIDE ? this.timeAside[wi]!.get(p)! : base + o;
        const v = sr[p];
        out.state[n] = v & 7;
        const slot = v >>> 4;
        out.reason[n] = slot === REASON_ASIDE ? this.reasonAside[wi]!.get(p)! : reasons[slot];
        out.stack[n] = stk[p];
        if (v & WOKEN) {
          out.wakerId[n] = wakerId[k];
          out.wakerStack[n] = wakerStk[k++];
        } else {
          out.wakerId[n] = -1;
          out.wakerStack[n] = 0;
        }
      }
    }
    return n;
  }

  lastStack(row: number): number {
    const s = this.last.data[row];
    if (s < 0) return 0;
    return this.stk[this.segWindow.data[s]][this.segStart.data[s] + this.segCount.data[s] - 1];
  }
}

export { GoroutineSpans };
