// The reader loop (x/exp trace/reader.go + batchcursor.go): one cursor per M over its batches,
// a min-heap of cursors by the time of their next event, the ordering deciding which may go,
// CPU samples interleaved by time, a Sync event per generation, and the strictly increasing
// time clamp. Events come out through a reused TraceEvent; nothing is allocated per event.
import type { ByteSource } from '../model/byte-source';
import { ParseError } from '../model/errors';
import { ByteReader } from './byte-reader';
import { TraceEvent } from './event';
import { type Batch, type Generation, readGeneration126, readGenerationWithSpill } from './generation';
import { HEADER_SIZE, isV1Version, readHeader } from './header';
import { type MState, Ordering } from './order';
import { Ev, NUM_SPECS, STACK_ARG_MASK, STRING_ARG_MASK, TIMED_ARGC, EVENT_NAMES, WIRE_NONE, NONE } from './spec';
import { uvarint, vr } from './varint';
import type { CancelSignal } from '../model/cancel';

class Cursor {
  idx = 0;
  dataOff = 0;
  lastTs = 0;
  readonly ev = new TraceEvent();
  ms: MState | null = null;
  constructor(
    readonly m: number,
    readonly batches: Batch[],
  ) {}

  /** Decodes the next event into `ev`; false when this M has no more events. */
  next(freq: number, gen: Generation): boolean {
    let b = this.batches[this.idx];
    while (b !== undefined && b.data.length === this.dataOff) {
      this.idx++;
      this.dataOff = 0;
      this.lastTs = 0;
      b = this.batches[this.idx];
    }
    if (b === undefined) return false;
    if (this.lastTs === 0) this.lastTs = Math.trunc(b.time * freq);
    const data = b.data;
    const end = data.length;
    let p = this.dataOff;
    const ev = this.ev;
    ev.offset = b.offset + p;
    ev.gen = gen;
    const typ = data[p++];
    if (typ >= NUM_SPECS) throw new ParseError('corrupt', `found invalid event type: ${typ}`, ev.offset);
    const argc = TIMED_ARGC[typ];
    if (argc === 0) throw new ParseError('corrupt', `found event without a timestamp: type=${typ}`, ev.offset);
    ev.typ = typ;
    // Inline fast path for 1-byte varints (most dt and arg values in real traces).
    let v = data[p];
    let ts: number;
    if (p < end && v < 0x80) {
      ts = v;
      p++;
    } else {
      ts = uvarint(data, p, end);
      if (vr.len <= 0) throw new ParseError(vr.len === 0 ? 'truncated' : 'corrupt', 'found invalid uvarint for timestamp', b.offset + p);
      p += vr.len;
    }
    for (let i = 1; i < argc; i++) {
      v = data[p];
      if (p < end && v < 0x80) {
        p++;
      } else {
        v = uvarint(data, p, end);
        if (vr.len <= 0) throw new ParseError(vr.len === 0 ? 'truncated' : 'corrupt', 'found invalid uvarint', b.offset + p);
        p += vr.len;
        if (v === WIRE_NONE) v = NONE;
      }
      if (i === 1) ev.a0 = v;
      else if (i === 2) ev.a1 = v;
      else if (i === 3) ev.a2 = v;
      else ev.a3 = v;
    }
    ev.time = Math.trunc(ts * freq) + this.lastTs;
    this.lastTs = ev.time;
    this.dataOff = p;
    return true;
  }
}

export const enum Step {
  Event = 1,
  /** The current generation is exhausted: call loadNext() (async) before step() again. */
  NeedGeneration = 2,
  Done = 3,
}

export interface StreamInfo {
  version: number;
  generations: number;
  bytesRead: number;
}

/**
 * Pull-based event stream. Usage:
 *   for (;;) { const s = stream.step(); if (s === Step.Event) use(stream.event);
 *              else if (s === Step.NeedGeneration) await stream.loadNext(); else break; }
 * step() throws ParseError when the trace is broken; events returned before remain valid.
 */
export class EventStream {
  version = 0;
  /** The current event after step() returned Step.Event; valid until the next step(). */
  event: TraceEvent;
  /** Storage for events made here (Sync, CPU samples); ordered events are queue slots. */
  private readonly own = new TraceEvent();
  readonly order = new Ordering();
  gen: Generation | null = null;
  /** Generations fully loaded so far. */
  generations = 0;
  lastTs = 0;
  syncs = 0;
  private reader!: ByteReader;
  private frontier: Cursor[] = [];
  private cpu: Generation['cpuSamples'] = [];
  private cpuIdx = 0;
  private spill: Batch | null = null;
  private spillErr: ParseError | null = null;
  private spillErrSync = false;
  private readGenErr: ParseError | null = null;
  private done = false;
  private pendingSync = false;
  private pendingError: ParseError | null = null;
  /**
   * Failed ordering attempts allowed before giving up. Real traces fail a few attempts per event;
   * a hostile file with thousands of blocked Ms could make every event cost a pass over all of them
   * (quadratic, as in Go's reader), so the total is capped relative to the file size.
   */
  private attemptBudget = 0;

  constructor(
    private readonly source: ByteSource,
    private readonly signal?: CancelSignal,
  ) {
    this.event = this.own;
  }

  async open(): Promise<void> {
    const head = await this.source.read(0, HEADER_SIZE);
    this.version = readHeader(head.slice());
    if (isV1Version(this.version)) {
      throw new ParseError('unsupported-version', `go 1.${this.version} trace: EventStream reads the Go 1.22+ format; parseTrace reads this one (v1/)`, 0);
    }
    this.reader = new ByteReader(this.source, HEADER_SIZE, this.signal);
    this.attemptBudget = 64 * this.source.size + 10_000_000;
  }

  get bytesRead(): number {
    return this.reader ? this.reader.offset : 0;
  }

  /** Offset where the current generation started (everything before is complete). */
  get genStartOffset(): number {
    return this.gen ? this.gen.startOffset : HEADER_SIZE;
  }

  step(): Step {
    if (this.pendingError) {
      const e = this.pendingError;
      this.pendingError = null;
      this.done = true;
      throw e;
    }
    if (this.pendingSync) {
      this.pendingSync = false;
      this.event = this.own;
      return Step.Event;
    }
    if (this.done) return Step.Done;
    const q = this.order.queue.pop();
    if (q !== null) return this.out(q);
    if (this.frontier.length === 0 && this.cpuIdx >= this.cpu.length) return Step.NeedGeneration;
    const gen = this.gen!;
    if (this.cpuIdx < this.cpu.length && (this.frontier.length === 0 || this.cpu[this.cpuIdx].time < this.frontier[0].ev.time)) {
      const s = this.cpu[this.cpuIdx++];
      const e = this.own;
      this.event = e;
      e.typ = Ev.CPUSample;
      e.time = s.time;
      e.a0 = s.stack;
      e.a1 = e.a2 = e.a3 = 0;
      e.g = s.g;
      e.p = s.p;
      e.m = s.m;
      e.gen = gen;
      e.extra = 0;
      return this.finish(e);
    }
    if (this.frontier.length === 0) throw new ParseError('corrupt', 'broken trace: frontier is empty', this.bytesRead);
    if (!this.tryAdvance(0)) {
      // A sorted array is a valid heap; try the others in time order (stable for ties, like Go's
      // insertion sort for the ≤12 cursors a real trace has).
      sortByTime(this.frontier);
      let ok = false;
      for (let i = 1; i < this.frontier.length; i++) {
        if (--this.attemptBudget < 0) {
          throw new ParseError('too-large', 'ordering the events needs too many attempts (pathological trace)', this.frontier[i].ev.offset);
        }
        if (this.tryAdvance(i)) {
          ok = true;
          break;
        }
      }
      if (!ok) {
        const head = this.frontier[0].ev;
        throw new ParseError('corrupt', `broken trace: failed to advance: no M can make progress (first blocked event ${EVENT_NAMES[head.typ]} at M ${this.frontier[0].m})`, head.offset);
      }
    }
    return this.out(this.order.queue.pop()!);
  }

  private tryAdvance(i: number): boolean {
    const c = this.frontier[i];
    const gen = this.gen!;
    if (c.ms === null && c.m !== NONE) c.ms = this.order.mState(c.m);
    if (!this.order.advance(c.ev, gen, c.m, gen.gen, c.ms ?? undefined)) return false;
    if (c.next(gen.freq, gen)) heapUpdate(this.frontier, i);
    else heapRemove(this.frontier, i);
    return true;
  }

  private out(q: TraceEvent): Step {
    this.event = q;
    return this.finish(q);
  }

  private finish(e: TraceEvent): Step {
    validateTableIds(e);
    if (e.time <= this.lastTs) e.time = this.lastTs + 1;
    this.lastTs = e.time;
    return Step.Event;
  }

  private sync(gen: Generation | null, time: number): void {
    const e = this.own;
    this.syncs++;
    e.typ = Ev.SyncOut;
    e.a0 = e.a1 = e.a2 = e.a3 = 0;
    e.g = e.p = e.m = NONE;
    e.gen = gen;
    e.extra = 0;
    e.syncN = this.syncs;
    e.offset = this.bytesRead;
    // Sync events are clamped like every other event (Go's deferred clamp in ReadEvent).
    if (time <= this.lastTs) time = this.lastTs + 1;
    this.lastTs = e.time = time;
    this.pendingSync = true;
  }

  /** Loads the next generation (or finishes) and queues its Sync event. */
  async loadNext(): Promise<void> {
    if (this.version < 26) {
      if (this.spillErr) {
        if (this.spillErrSync) {
          this.pendingError = this.spillErr;
          return;
        }
        this.spillErrSync = true;
        this.sync(null, this.lastTs);
        return;
      }
      if (this.gen !== null && this.spill === null) {
        this.done = true;
        this.sync(null, this.lastTs);
        return;
      }
      let res;
      try {
        res = await readGenerationWithSpill(this.reader, this.spill, this.version);
      } catch (e) {
        if (!(e instanceof ParseError) || e.code === 'cancelled') throw e;
        this.gen = null;
        this.spill = null;
        this.spillErr = e;
        this.spillErrSync = true;
        this.sync(null, this.lastTs);
        return;
      }
      this.spill = res.spill;
      this.spillErr = res.err;
      this.install(res.gen);
      return;
    }
    if (this.readGenErr) {
      this.pendingError = this.readGenErr;
      return;
    }
    let g: Generation | null;
    try {
      g = await readGeneration126(this.reader, this.version);
    } catch (e) {
      if (!(e instanceof ParseError) || e.code === 'cancelled') throw e;
      this.readGenErr = e;
      this.gen = null;
      this.sync(null, this.lastTs);
      return;
    }
    this.install(g);
  }

  private install(g: Generation | null): void {
    if (g === null) {
      this.gen = null;
      this.done = true;
      this.sync(null, this.lastTs);
      return;
    }
    this.gen = g;
    this.generations++;
    this.cpu = g.cpuSamples;
    this.cpuIdx = 0;
    this.frontier = [];
    for (const m of g.batchMs) {
      const c: Cursor = new Cursor(m, g.batches.get(m)!);
      if (!c.next(g.freq, g)) continue;
      heapInsert(this.frontier, c);
    }
    this.sync(g, Math.trunc(g.minTs * g.freq));
  }
}

const byTime = (a: Cursor, b: Cursor): number => a.ev.time - b.ev.time;

/**
 * Stable sort of the frontier by time, in place. Go sorts with slices.SortFunc, an insertion
 * sort for ≤ 12 elements (stable, identical order); V8's Array.sort would allocate a work array
 * on every call, and this runs whenever the earliest M cannot advance.
 */
function sortByTime(h: Cursor[]): void {
  const n = h.length;
  if (n > 32) {
    h.sort(byTime);
    return;
  }
  for (let i = 1; i < n; i++) {
    const c = h[i];
    const t = c.ev.time;
    let j = i;
    while (j > 0 && h[j - 1].ev.time > t) {
      h[j] = h[j - 1];
      j--;
    }
    h[j] = c;
  }
}

function validateTableIds(e: TraceEvent): void {
  const sm = STACK_ARG_MASK[e.typ];
  const tm = STRING_ARG_MASK[e.typ];
  if ((sm | tm) === 0 || e.typ === Ev.CPUSample) return;
  const g = e.gen!;
  for (let i = 0; i < 4; i++) {
    if (sm & (1 << i)) {
      const id = e.arg(i);
      const ok = g.stackOk !== null && id < g.stackOk.length ? g.stackOk[id] === 1 : id === 0 || g.stacks.has(id);
      if (!ok) throw new ParseError('corrupt', `found invalid stack ID ${id} for event ${EVENT_NAMES[e.typ]}`, e.offset);
    }
    if (tm & (1 << i)) {
      const id = e.arg(i);
      const ok = g.stringOk !== null && id < g.stringOk.length ? g.stringOk[id] === 1 : id === 0 || g.strings.has(id);
      if (!ok) throw new ParseError('corrupt', `found invalid string ID ${id} for event ${EVENT_NAMES[e.typ]}`, e.offset);
    }
  }
}

// Binary min-heap on cursor time, with exactly Go's sift rules so ties resolve the same way.
function heapInsert(h: Cursor[], c: Cursor): void {
  h.push(c);
  siftUp(h, h.length - 1);
}

function heapUpdate(h: Cursor[], i: number): void {
  if (siftUp(h, i) !== i) return;
  siftDown(h, i);
}

function heapRemove(h: Cursor[], i: number): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    const t = h[p];
    h[p] = h[i];
    h[i] = t;
    i = p;
  }
  const last = h.length - 1;
  const t = h[0];
  h[0] = h[last];
  h[last] = t;
  h.pop();
  siftDown(h, 0);
}

function siftUp(h: Cursor[], i: number): number {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!(h[p].ev.time > h[i].ev.time)) break;
    const t = h[p];
    h[p] = h[i];
    h[i] = t;
    i = p;
  }
  return i;
}

function siftDown(h: Cursor[], i: number): void {
  const n = h.length;
  for (;;) {
    let m = i;
    let minT = i < n ? h[i].ev.time : Infinity;
    const l = 2 * i + 1;
    const r = l + 1;
    if (l < n && h[l].ev.time < minT) {
      minT = h[l].ev.time;
      m = l;
    }
    if (r < n && h[r].ev.time < minT) m = r;
    if (m === i) return;
    const t = h[i];
    h[i] = h[m];
    h[m] = t;
    i = m;
  }
}
