// Builds the columnar goroutine lifecycle model from the ordered event stream, one event at a
// time with no per-event allocation: goroutine rows in growable typed arrays, spans in the
// compact store (compact-spans.ts), which writes them grouped by goroutine as it goes.
import { GoState } from '../model/goroutine-state';
import type { GoroutineTable, TimeRange } from '../model/trace-model';
import { GrowableColumn } from './columns';
import { CompactSpans } from './compact-spans';
import type { TraceEvent } from './event';
import { Interner } from './interner';
import { IdSet, NumIndex } from './num-map';
import { Ev, NONE } from './spec';
import { GoTransition, ProcTransition, eventStack, goTransition, procTransition } from './transition';
import { AuxBuilder } from './aux-builder';

/** One goroutine transition, resolved, for consumers that ask for them (differential tests). */
export interface GoroutineTransitionRecord {
  /** Absolute ns on the trace clock (as Go's reader reports it). */
  readonly time: number;
  readonly goroutineId: number;
  readonly from: GoState;
  readonly to: GoState;
  readonly reason: string;
  /** Global StackId of StateTransition.Stack (resolve with the interner's / model's stacks). */
  readonly stack: number;
  /** Wire event type that caused it. */
  readonly eventType: number;
}

export class ModelBuilder {
  readonly interner = new Interner();
  readonly aux: AuxBuilder;
  events = 0;
  origin = NaN;
  lastTime = NaN;
  syncTime = 0;
  onTransition?: (t: GoroutineTransitionRecord) => void;
  /** Collect goroutines that end, for streaming chunks (only when someone listens). */
  trackEnded = false;
  endedIds: number[] = [];
  endedNs: number[] = [];

  private readonly rowOf = new NumIndex();
  readonly gId = new GrowableColumn(Float64Array);
  private readonly gParent = new GrowableColumn(Float64Array);
  private readonly gCreated = new GrowableColumn(Float64Array);
  private readonly gCreationStack = new GrowableColumn(Uint32Array);
  private readonly gStartFunc = new GrowableColumn(Uint32Array);
  private readonly gEnd = new GrowableColumn(Float64Array);
  private readonly gState = new GrowableColumn(Uint8Array);
  private readonly gReason = new GrowableColumn(Uint32Array);
  private readonly gStack = new GrowableColumn(Uint32Array);
  private readonly gSince = new GrowableColumn(Float64Array);
  private readonly gSpans = new GrowableColumn(Uint32Array);

  /** Spans, grouped by goroutine as windows are cut; `wakerStack` is the unblocker's stack (Event.Stack of GoUnblock). */
  readonly spans = new CompactSpans();
  /**
   * Summary mode, for callers that read only goroutine end states (`leakline inspect`): no spans
   * are kept (the store stays empty, spanCount 0) and a goroutine's row is recycled once it ends,
   * so memory follows the goroutines alive at once, not all that ever lived. `dropped` counts them.
   */
  summary = false;
  dropped = 0;
  private readonly freeRows: number[] = [];
  private readonly droppedIds = new IdSet();

  private readonly gt = new GoTransition();
  private readonly pt = new ProcTransition();

  constructor() {
    this.aux = new AuxBuilder(this.interner);
  }

  get goroutineCount(): number {
    return this.gId.length;
  }

  // Direct-mapped cache in front of rowOf: the goroutines of one stretch of the trace are few.
  private readonly cacheKey = new Float64Array(1024).fill(NaN);
  private readonly cacheRow = new Int32Array(1024);

  private row(id: number): number {
    const slot = id & 1023;
    if (this.cacheKey[slot] === id) return this.cacheRow[slot];
    let r = this.rowOf.get(id);
    if (r < 0) r = this.newRow(id);
    this.cacheKey[slot] = id;
    this.cacheRow[slot] = r;
    return r;
  }

  private newRow(id: number): number {
    if (this.summary) {
      // Goroutine ids are not reused, except by cgo callbacks (GoCreateSyscall on the same M).
      if (this.droppedIds.delete(id)) this.dropped--;
      if (this.freeRows.length > 0) return this.reuseRow(this.freeRows.pop()!, id);
    }
    const r = this.gId.push(id);
    this.rowOf.set(id, r);
    this.gParent.push(-1);
    this.gCreated.push(NaN);
    this.gCreationStack.push(0);
    this.gStartFunc.push(0);
    this.gEnd.push(NaN);
    this.gState.push(GoState.Undetermined);
    this.gReason.push(0);
    this.gStack.push(0);
    this.gSince.push(NaN);
    this.gSpans.push(0);
    this.spans.addRow();
    return r;
  }

  private reuseRow(r: number, id: number): number {
    this.gId.data[r] = id;
    this.rowOf.set(id, r);
    this.gParent.data[r] = -1;
    this.gCreated.data[r] = NaN;
    this.gCreationStack.data[r] = 0;
    this.gStartFunc.data[r] = 0;
    this.gEnd.data[r] = NaN;
    this.gState.data[r] = GoState.Undetermined;
    this.gReason.data[r] = 0;
    this.gStack.data[r] = 0;
    this.gSince.data[r] = NaN;
    return r;
  }

  /** Summary mode: forgets an ended goroutine (counted in `dropped`) and frees its row. */
  private drop(row: number, id: number): void {
    this.rowOf.delete(id);
    const slot = id & 1023;
    if (this.cacheKey[slot] === id) this.cacheKey[slot] = NaN;
    this.freeRows.push(row);
    this.droppedIds.add(id);
    this.dropped++;
  }

  event(e: TraceEvent): void {
    this.events++;
    if (e.typ === Ev.SyncOut) {
      if (this.origin !== this.origin) this.origin = e.time;
      this.syncTime = e.time - this.origin;
      this.lastTime = e.time;
      this.aux.origin = this.origin;
      this.aux.syncTime = this.syncTime;
      return;
    }
    this.lastTime = e.time;
    const gt = this.gt;
    if (goTransition(e, gt)) {
      this.transition(e, gt);
      return;
    }
    // Times are computed inside (from aux.origin): passing a fresh double to a call that is not
    // inlined boxes it, one allocation per event.
    if (procTransition(e, this.pt)) {
      this.aux.proc(e, this.pt);
      return;
    }
    this.aux.other(e);
  }

  private transition(e: TraceEvent, gt: GoTransition): void {
    const t = e.time - this.origin;
    const gen = e.gen!;
    const it = this.interner;
    const row = this.row(gt.g);
    const stack = gt.stack === 0 ? 0 : it.stack(gen, gt.stack);
    const reason = gt.reason === 0 ? 0 : it.str(gen, gt.reason);
    if (this.onTransition) {
      this.onTransition({ time: e.time, goroutineId: gt.g, from: gt.from as GoState, to: gt.to as GoState, reason: it.strings[reason], stack, eventType: e.typ });
    }
    if (stack !== 0 && this.gStartFunc.data[row] === 0) {
      // The outermost frame of the first stack seen is the goroutine's entry function (Go's
      // summary.go rule): runtime.goexit is stripped by the runtime, so it is the go statement's target.
      const frames = it.stacks[stack];
      this.gStartFunc.data[row] = it.intern(frames[frames.length - 1].func);
    }
    if (gt.from === GoState.NotExist) {
      this.gParent.data[row] = e.typ === Ev.GoCreateSyscall ? -1 : e.g;
      this.gCreated.data[row] = t;
      this.gCreationStack.data[row] = e.typ === Ev.GoCreateSyscall ? 0 : it.stack(gen, e.a2);
      this.gEnd.data[row] = NaN;
    }
    if (gt.from === gt.to) {
      // A later generation's status event: no information, except a stack for goroutines that
      // were already blocked when the trace began (Go 1.23+ GoStatusStack).
      if (this.gStack.data[row] === 0) this.gStack.data[row] = stack;
      return;
    }
    const start = gt.from === GoState.Undetermined ? this.syncTime : t;
    if (!this.summary) {
      const woken = gt.from === GoState.Waiting && gt.to === GoState.Runnable;
      // The unblocker's stack names the partner site for the leak analysis.
      const ws = woken ? eventStack(e) : 0;
      this.spans.push(row, start, gt.to, woken, reason, stack, woken ? e.g : NONE, ws === 0 ? 0 : it.stack(gen, ws));
      this.gSpans.data[row]++;
    }
    this.gState.data[row] = gt.to;
    this.gReason.data[row] = reason;
    this.gStack.data[row] = stack;
    this.gSince.data[row] = start;
    if (gt.to === GoState.NotExist) {
      this.gEnd.data[row] = t;
      if (this.trackEnded) {
        this.endedIds.push(gt.g);
        this.endedNs.push(t);
      }
      if (this.summary) this.drop(row, gt.g);
    }
  }

  /**
   * Sets the entry function of goroutine `id` from a stack whose innermost frame is its start PC
   * (v1 traces list every goroutine alive when tracing started with such a stack). Goroutines with
   * no row (never in a transition) are left out.
   */
  setStartFrom(id: number, stack: number): void {
    const r = this.rowOf.get(id);
    const frames = this.interner.stacks[stack];
    if (r < 0 || !frames || frames.length === 0) return;
    this.gStartFunc.data[r] = this.interner.intern(frames[0].func);
  }

  /** Goroutine ids and end times for rows [from, count). */
  get endColumn(): Float64Array {
    return this.gEnd.data;
  }

  /** Builds the final goroutine table and seals the span store. */
  finish(): { goroutines: GoroutineTable; spans: CompactSpans } {
    const n = this.gId.length;
    const counts = this.gSpans.take();
    // firstSpan: where each goroutine's spans start in the flat grouped order (expandSpans).
    const first = new Uint32Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) {
      first[r] = total;
      total += counts[r];
    }
    const finalState = this.gState.take();
    for (let r = 0; r < n; r++) if (finalState[r] === GoState.Undetermined) finalState[r] = GoState.NotExist;
    const goroutines: GoroutineTable = {
      count: n,
      id: this.gId.take(),
      parentId: this.gParent.take(),
      createdNs: this.gCreated.take(),
      creationStack: this.gCreationStack.take(),
      startFunc: this.gStartFunc.take(),
      endNs: this.gEnd.take(),
      finalState,
      finalReason: this.gReason.take(),
      finalStack: this.gStack.take(),
      finalSinceNs: this.gSince.take(),
      firstSpan: first,
      spanCount: counts,
    };
    return { goroutines: this.freeRows.length > 0 ? withoutRows(goroutines, this.freeRows) : goroutines, spans: this.spans.seal(counts) };
  }

  gcRanges(): TimeRange[] {
    return this.aux.gc;
  }
}

/** The table without the given (recycled) rows. */
function withoutRows(g: GoroutineTable, dead: readonly number[]): GoroutineTable {
  const isDead = new Uint8Array(g.count);
  for (const r of dead) isDead[r] = 1;
  const keep: number[] = [];
  for (let r = 0; r < g.count; r++) if (!isDead[r]) keep.push(r);
  const pick = <T extends Float64Array | Uint32Array | Uint8Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(keep.length);
    for (let i = 0; i < keep.length; i++) out[i] = a[keep[i]];
    return out;
  };
  return {
    count: keep.length,
    id: pick(g.id),
    parentId: pick(g.parentId),
    createdNs: pick(g.createdNs),
    creationStack: pick(g.creationStack),
    startFunc: pick(g.startFunc),
    endNs: pick(g.endNs),
    finalState: pick(g.finalState),
    finalReason: pick(g.finalReason),
    finalStack: pick(g.finalStack),
    finalSinceNs: pick(g.finalSinceNs),
    firstSpan: pick(g.firstSpan),
    spanCount: pick(g.spanCount),
  };
}
