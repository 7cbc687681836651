// The v1 event stream: pass 1 (index-pass.ts), then events pulled through merge → syscall-exit
// reordering → ns times and checks → conversion, handed out one at a time as 1.22+-style
// TraceEvents with a Sync first and last, exactly the sequence Go's reader returns for the file.
// Same pull interface as the v2 EventStream: step() until it asks for data, then await loadNext().
import type { ByteSource } from '../../model/byte-source';
import { ParseError } from '../../model/errors';
import { TraceEvent } from '../event';
import { Step } from '../event-stream';
import { Ev, NONE } from '../spec';
import { Converter } from './convert';
import { EventPool, type V1Event } from './event';
import { indexV1, type V1Index } from './index-pass';
import { DONE, Merger, NEED } from './merge';
import { V1 } from './spec';
import { Fifo, type MergedEvents, SysExitOrder } from './sysexit';
import { V1Tables } from './tables';
import { Validator } from './validate';
import type { CancelSignal } from '../../model/cancel';

/**
 * Ticks per second assumed when a trace lacks its frequency footer (cut before the end): the
 * runtime counted CPU ticks / 64 on x86, ~47 M/s at 3 GHz. Times are then approximate, and the
 * model says so (its `partial` error).
 */
export const ASSUMED_TICKS_PER_SEC = 3e9 / 64;

export class V1Stream {
  /** The current event after step() returned Step.Event; valid until the next step(). */
  event: TraceEvent;
  ix!: V1Index;
  readonly pool = new EventPool();
  private tables!: V1Tables;
  private merger!: Merger;
  private reorder!: SysExitOrder;
  private validator!: Validator;
  private converter!: Converter;
  /** Checked events waiting for conversion (a GoSysCall needs to see its goroutine's next event). */
  private readonly ahead = new Fifo<V1Event>();
  private scanFrom = 1;
  /** Most events ever waiting in `ahead`. */
  peakAhead = 0;
  private upstreamEnded = false;
  private error: ParseError | null = null;
  private mergeError: ParseError | null = null;
  private readonly sync = new TraceEvent();
  private syncs = 0;
  private pendingSync = false;
  private started = false;
  private finished = false;
  /** End of the furthest batch pass 2 has read (pass 1 has read the whole file by then). */
  private pass2Read = 0;
  /** Batches loaded in pass 2. */
  batchesLoaded = 0;

  constructor(
    private readonly source: ByteSource,
    readonly version: number,
    private readonly signal?: CancelSignal,
  ) {
    this.event = this.sync;
  }

  /** Pass 1: indexes the file. Throws only when nothing after the header can be used. */
  async open(): Promise<void> {
    const ix = await indexV1(this.source, this.version, this.signal);
    this.ix = ix;
    if (ix.batches === 0) {
      throw ix.error ?? new ParseError('truncated', 'the trace contains no event batch', ix.dataEnd);
    }
    this.tables = new V1Tables(ix);
    this.merger = new Merger(ix, this.tables, this.pool);
    this.reorder = new SysExitOrder(ix.sysExitTs);
    this.validator = new Validator(ix.ticksPerSec > 0 ? ix.ticksPerSec : ASSUMED_TICKS_PER_SEC, ix.timerGoroutines, this.tables);
    this.converter = new Converter(this.version, this.tables);
  }

  /** Bytes of batches read in pass 2 (for progress during the merge). */
  get mergedBytes(): number {
    return this.pass2Read;
  }

  get heldBack(): { reorder: number; lookahead: number; pool: number } {
    return { reorder: this.reorder.peak, lookahead: this.peakAhead, pool: this.pool.peak };
  }

  get tablesGen(): V1Tables['gen'] {
    return this.tables.gen;
  }

  /** Goroutine → start-PC stack id, for the goroutines that existed when tracing started. */
  get preTraceStarts(): ReadonlyMap<number, number> {
    return this.converter.preTraceStarts;
  }

  /** Reads the batch the merge waits for. */
  async loadNext(): Promise<void> {
    if (this.signal?.aborted) throw new ParseError('cancelled', 'parsing was cancelled', this.pass2Read);
    const c = this.merger.pending;
    if (!c) return;
    this.merger.pending = null;
    try {
      this.pass2Read = Math.max(this.pass2Read, await c.load(this.source, this.ix));
    } catch (e) {
      if (!(e instanceof ParseError) || e.code === 'cancelled') throw e;
      // The merge cannot go on without this batch: what was merged is still handed out.
      this.mergeError ??= e;
      this.reorder.upstreamDone = true;
    }
    this.batchesLoaded++;
  }

  private readonly fromMerge: MergedEvents = {
    next: (): V1Event | typeof NEED | typeof DONE => {
      try {
        return this.merger.next();
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.mergeError ??= e;
        return DONE;
      }
    },
  };

  /** Moves the next checked event into `ahead`; NEED when a batch must be read first. */
  private pull(): typeof NEED | void {
    let e: V1Event | typeof NEED | typeof DONE;
    try {
      e = this.reorder.next(this.fromMerge);
    } catch (err) {
      this.fail(err);
      return;
    }
    if (e === NEED) return NEED;
    if (e === DONE) {
      this.upstreamEnded = true;
      return;
    }
    try {
      this.validator.process(e);
    } catch (err) {
      this.pool.release(e);
      this.fail(err);
      return;
    }
    if (!this.started) {
      // Go's reader starts with a Sync 1 ns before the first event.
      this.started = true;
      this.queueSync(e.ts - 1);
    }
    this.ahead.push(e);
    if (this.ahead.length > this.peakAhead) this.peakAhead = this.ahead.length;
  }

  private fail(err: unknown): void {
    if (!(err instanceof ParseError)) throw err;
    this.error ??= err;
    this.upstreamEnded = true;
  }

  private queueSync(time: number): void {
    const s = this.sync;
    this.syncs++;
    s.typ = Ev.SyncOut;
    s.time = time;
    s.a0 = s.a1 = s.a2 = s.a3 = 0;
    s.g = s.p = s.m = NONE;
    s.extra = 0;
    s.gen = this.tables.gen;
    s.syncN = this.syncs;
    s.offset = this.pass2Read;
    this.pendingSync = true;
  }

  /** Whether the goroutine of the GoSysCall at the head of `ahead` next does GoSysBlock. */
  private sysCallBlocks(head: V1Event): boolean | typeof NEED {
    for (;;) {
      for (; this.scanFrom < this.ahead.length; this.scanFrom++) {
        const e = this.ahead.peek(this.scanFrom);
        if (e.g === head.g) return e.typ === V1.GoSysBlock;
      }
      if (this.upstreamEnded) return false;
      if (this.pull() === NEED) return NEED;
    }
  }

  step(): Step {
    for (;;) {
      if (this.pendingSync) {
        this.pendingSync = false;
        this.event = this.sync;
        return Step.Event;
      }
      const out = this.converter.pop();
      if (out !== null) {
        this.event = out;
        return Step.Event;
      }
      if (this.ahead.length > 0) {
        const head = this.ahead.peek();
        let blocked = false;
        if (head.typ === V1.GoSysCall) {
          const r = this.sysCallBlocks(head);
          if (r === NEED) return Step.NeedGeneration;
          blocked = r;
        }
        this.ahead.shift();
        this.scanFrom = 1;
        try {
          this.converter.convert(head, blocked);
        } finally {
          this.pool.release(head);
        }
        continue;
      }
      if (!this.upstreamEnded) {
        if (this.pull() === NEED) return Step.NeedGeneration;
        continue;
      }
      if (this.finished) return Step.Done;
      this.finished = true;
      const err = this.finalError();
      if (err) throw err;
      // …and a Sync 1 ns after the last one.
      this.queueSync(this.converter.lastTs + 1);
    }
  }

  /**
   * Why the stream ended early, if it did. Damage to the file (pass 1 stopped, or the footer with
   * the tick frequency is missing) is the cause and names its offset; when the merge or the checks
   * also stopped, which they do when a cut removed batches that other Ps' events wait for, the
   * message adds where (in a v1 trace, events before the cut can depend on batches after it).
   */
  private finalError(): ParseError | null {
    const ix = this.ix;
    const cause =
      ix.error ??
      (ix.ticksPerSec > 0
        ? null
        : new ParseError(
            'truncated',
            `the trace ends before its footer (no tick frequency: the file is cut, or tracing did not stop cleanly); times assume ${ASSUMED_TICKS_PER_SEC / 1e6} M ticks/s`,
            ix.dataEnd,
          ));
    const stop = this.error ?? this.mergeError;
    if (!cause || !stop) return cause ?? stop;
    return new ParseError(cause.code, `${cause.message}; ordering stopped at the event at byte ${stop.offset}: ${stop.message}`, cause.offset);
  }
}
