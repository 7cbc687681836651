// Rebuilds a TraceModel from the engine's stream. Chunks append spans in event order; a snapshot
// groups them by goroutine with the parser's own groupSpans (parsers/trace/group-spans.ts, what
// ModelBuilder.finish runs) so the result has exactly TraceModel's shape and semantics at every step. Before the
// final message, goroutine rows are provisional (first-seen order, creation facts unknown);
// the final message carries the parser's goroutine table and the snapshot then equals parseTrace.
// Pure: no DOM, so the Node protocol tests run it.
import type { WireTraceChunk, WireTraceFinal } from '../../../contract';
import { GoState } from '../../../parsers/model/goroutine-state';
import { ParseError, type ParseErrorCode } from '../../../parsers/model/errors';
import type { Frame } from '../../../parsers/model/stack';
import type { GoroutineTable, SpanTable, TraceModel } from '../../../parsers/model/trace-model';
import { GrowableColumn } from '../../../parsers/trace/columns';
import { groupSpans } from '../../../parsers/trace/group-spans';

const PARSE_CODES: readonly string[] = ['unknown-format', 'unsupported-version', 'truncated', 'corrupt', 'too-large', 'cancelled'];

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

export class TraceAccumulator {
  readonly strings: string[] = [];
  readonly stacks: (readonly Frame[])[] = [];
  private readonly stringIndex = new Map<string, number>();
  // spans, in arrival (event) order
  /** Provisional goroutine row of each span (assigned on arrival: one Map lookup per span, once). */
  private readonly sRow = new GrowableColumn(Uint32Array);
  private readonly sStart = new GrowableColumn(Float64Array);
  private readonly sState = new GrowableColumn(Uint8Array);
  private readonly sReason = new GrowableColumn(Uint32Array);
  private readonly sStack = new GrowableColumn(Uint32Array);
  private readonly sWaker = new GrowableColumn(Float64Array);
  private readonly sWakerStack = new GrowableColumn(Uint32Array);
  // provisional goroutine rows (first-seen order)
  private readonly rowOf = new Map<number, number>();
  private readonly gId = new GrowableColumn(Float64Array, 256);
  private readonly gEnd = new GrowableColumn(Float64Array, 256);
  private readonly gStartFunc = new GrowableColumn(Uint32Array, 256);
  private lastNs = 0;
  chunks = 0;
  generation = 0;
  bytesRead = 0;
  bytesTotal = 0;
  events = 0;
  goroutinesSoFar = 0;
  final: WireTraceFinal | null = null;
  /** Set when the stream ended early without a final message (crash, disconnect). */
  stoppedEarly: ParseError | null = null;

  private sealedSpans = 0;

  get spanCount(): number {
    return this.sealed ? this.sealedSpans : this.sRow.length;
  }

  private addTables(m: { stringsFrom: number; newStrings: string[]; stacksFrom: number; newStacks: Frame[][] }): void {
    if (m.stringsFrom !== this.strings.length || m.stacksFrom !== this.stacks.length) {
      throw new ProtocolError(`string/stack delta out of order (have ${this.strings.length}/${this.stacks.length}, got ${m.stringsFrom}/${m.stacksFrom})`);
    }
    for (const s of m.newStrings) {
      if (!this.stringIndex.has(s)) this.stringIndex.set(s, this.strings.length);
      this.strings.push(s);
    }
    for (const st of m.newStacks) this.stacks.push(st);
  }

  private row(id: number): number {
    let r = this.rowOf.get(id);
    if (r === undefined) {
      r = this.gId.push(id);
      this.rowOf.set(id, r);
      this.gEnd.push(NaN);
      this.gStartFunc.push(0);
    }
    return r;
  }

  applyChunk(c: WireTraceChunk): void {
    if (this.final) throw new ProtocolError('chunk after the final message');
    if (c.seq !== this.chunks) throw new ProtocolError(`chunk ${c.seq} arrived, expected ${this.chunks}`);
    this.addTables(c);
    const s = c.spans;
    this.sStart.append(s.startNs);
    this.sState.append(s.state);
    this.sReason.append(s.reason);
    this.sStack.append(s.stack);
    this.sWaker.append(s.wakerId);
    this.sWakerStack.append(s.wakerStack);
    for (let i = 0; i < s.count; i++) {
      const r = this.row(s.goroutineId[i]);
      this.sRow.push(r);
      if (s.startNs[i] > this.lastNs) this.lastNs = s.startNs[i];
      const stack = s.stack[i];
      if (stack !== 0 && this.gStartFunc.data[r] === 0) {
        // ModelBuilder's rule: the outermost frame of the first stack seen is the entry function.
        const frames = this.stacks[stack];
        const fn = frames?.[frames.length - 1]?.func;
        if (fn !== undefined) this.gStartFunc.data[r] = this.stringIndex.get(fn) ?? 0;
      }
    }
    for (let i = 0; i < c.ended.goroutineId.length; i++) {
      const r = this.row(c.ended.goroutineId[i]);
      this.gEnd.data[r] = c.ended.endNs[i];
      if (c.ended.endNs[i] > this.lastNs) this.lastNs = c.ended.endNs[i];
    }
    this.chunks++;
    this.generation = c.generation;
    this.bytesRead = c.bytesRead;
    this.bytesTotal = c.bytesTotal;
    this.events = c.events;
    this.goroutinesSoFar = c.goroutinesSoFar;
  }

  applyFinal(f: WireTraceFinal): void {
    this.addTables(f);
    if (f.spanCount !== this.sRow.length) throw new ProtocolError(`final says ${f.spanCount} spans, the chunks brought ${this.sRow.length}`);
    this.final = f;
    this.bytesRead = f.bytes;
    this.bytesTotal = f.bytes;
    this.events = f.events;
    this.goroutinesSoFar = f.goroutines.count;
  }

  /** The stream ended without a final message: what arrived stays, marked partial. */
  markStopped(code: string, message: string): void {
    const c = (PARSE_CODES.includes(code) ? code : 'truncated') as ParseErrorCode;
    this.stoppedEarly = new ParseError(c, message, this.bytesRead);
  }

  private memo: { key: string; model: TraceModel } | null = null;

  /** A TraceModel of everything so far: O(spans) once per change, memoised until the next. */
  snapshot(): TraceModel {
    const key = `${this.chunks}/${this.final ? 1 : 0}/${this.stoppedEarly ? 1 : 0}`;
    if (this.memo && (this.sealed || this.memo.key === key)) return this.memo.model;
    // While loading, rebuild only once spans grew by a quarter since the last build: the builds'
    // total cost then stays within ~5 builds of the whole trace however many generations it has
    // (rebuilding per chunk would be quadratic: 200 generations × 40M spans).
    const ending = this.final !== null || this.stoppedEarly !== null;
    if (this.memo && !ending && (this.spanCount - this.memo.model.spans.count) * 4 < this.memo.model.spans.count) return this.memo.model;
    const model = this.build();
    this.memo = { key, model };
    if (this.final) this.seal();
    return model;
  }

  private sealed = false;

  /**
   * After the final model is built nothing more arrives: the arrival-order span columns (~37
   * bytes a span, 550 MB for 15M spans) are dropped, the grouped model keeps everything.
   */
  private seal(): void {
    this.sealed = true;
    this.sealedSpans = this.sRow.length;
    for (const c of [this.sRow, this.sStart, this.sState, this.sReason, this.sStack, this.sWaker, this.sWakerStack]) c.release();
  }

  private build(): TraceModel {
    const f = this.final;
    const goroutines = f ? f.goroutines : this.provisionalGoroutines();
    const durationNs = f ? f.durationNs : this.lastNs;
    const spans = this.groupSpans(goroutines.count, f ? this.remapRows(f.goroutines.id) : null, durationNs);
    const empty = new Float64Array(0);
    const partial = f?.partial ? toParseError(f.partial) : (this.stoppedEarly ?? undefined);
    return {
      format: 'go-trace',
      goVersion: f?.goVersion ?? '',
      bytes: this.bytesTotal,
      events: this.events,
      generations: f?.generations ?? this.generation,
      originNs: f?.originNs ?? 0,
      durationNs,
      strings: { strings: this.strings.slice() },
      stacks: { stacks: this.stacks.slice() },
      goroutines: f ? goroutines : this.finishProvisional(goroutines, spans),
      spans,
      gc: f?.gc ?? [],
      stw: f?.stw ?? [],
      heap: f?.heap ?? { timeNs: empty, bytes: empty },
      warnings: f?.warnings ?? [],
      ...(partial ? { partial } : {}),
      // Before the final message the aux tables are empty: they come whole with it.
      heapGoal: f?.heapGoal ?? { timeNs: empty, bytes: empty },
      gomaxprocs: f?.gomaxprocs ?? { timeNs: empty, value: empty },
      procs: f?.procs ?? { count: 0, id: empty, spans: { count: 0, proc: new Uint32Array(0), startNs: empty, endNs: empty, thread: empty } },
      tasks: f?.tasks ?? [],
      regions: f?.regions ?? [],
      logs: f?.logs ?? [],
      cpuSamples: f?.cpuSamples ?? { count: 0, timeNs: empty, goroutineId: empty, stack: new Uint32Array(0) },
      ...(f?.wallClock ? { wallClock: f.wallClock } : {}),
    };
  }

  /** Provisional row → row of the final goroutine table (the parser's first-seen order). */
  private remapRows(finalIds: Float64Array): Uint32Array {
    const finalRow = indexRows(finalIds);
    const n = this.gId.length;
    const remap = new Uint32Array(n);
    for (let r = 0; r < n; r++) {
      const to = finalRow.get(this.gId.data[r]);
      if (to === undefined) throw new ProtocolError(`goroutine ${this.gId.data[r]} has spans but no row in the final table`);
      remap[r] = to;
    }
    return remap;
  }

  private groupSpans(rows: number, remap: Uint32Array | null, endNs: number): SpanTable {
    const total = this.sRow.length;
    const provisional = this.sRow.data.subarray(0, total);
    const row = remap ? new Uint32Array(total) : provisional;
    const counts = new Uint32Array(rows);
    if (remap) {
      for (let i = 0; i < total; i++) {
        const r = remap[provisional[i]];
        row[i] = r;
        counts[r]++;
      }
    } else {
      for (let i = 0; i < total; i++) counts[row[i]]++;
    }
    const page = <T extends Float64Array | Uint32Array | Uint8Array>(c: GrowableColumn<T>): T[] => [c.data.subarray(0, total) as T];
    return groupSpans(
      {
        row: [row],
        start: page(this.sStart),
        state: page(this.sState),
        reason: page(this.sReason),
        stack: page(this.sStack),
        waker: page(this.sWaker),
        wakerStack: page(this.sWakerStack),
      },
      counts,
      endNs,
    ).spans;
  }

  private provisionalGoroutines(): GoroutineTable {
    const n = this.gId.length;
    return {
      count: n,
      id: this.gId.data.slice(0, n),
      parentId: new Float64Array(n).fill(-1),
      createdNs: new Float64Array(n).fill(NaN),
      creationStack: new Uint32Array(n),
      startFunc: this.gStartFunc.data.slice(0, n),
      endNs: this.gEnd.data.slice(0, n),
      finalState: new Uint8Array(n),
      finalReason: new Uint32Array(n),
      finalStack: new Uint32Array(n),
      finalSinceNs: new Float64Array(n).fill(NaN),
      firstSpan: new Uint32Array(n),
      spanCount: new Uint32Array(n),
    };
  }

  /** Fills the span-derived columns of provisional rows (the last span is the current state). */
  private finishProvisional(g: GoroutineTable, spans: SpanTable): GoroutineTable {
    const first = g.firstSpan as Uint32Array;
    const count = g.spanCount as Uint32Array;
    for (let i = 0; i < spans.count; i++) {
      const r = spans.goroutine[i];
      if (count[r] === 0) first[r] = i;
      count[r]++;
    }
    for (let r = 0; r < g.count; r++) {
      if (count[r] === 0) {
        g.finalState[r] = GoState.NotExist;
        continue;
      }
      const last = first[r] + count[r] - 1;
      g.finalState[r] = spans.state[last];
      g.finalReason[r] = spans.reason[last];
      g.finalStack[r] = spans.stack[last];
      g.finalSinceNs[r] = spans.startNs[last];
    }
    return g;
  }
}

function indexRows(ids: Float64Array): Map<number, number> {
  const m = new Map<number, number>();
  for (let r = 0; r < ids.length; r++) m.set(ids[r], r);
  return m;
}

export function toParseError(e: { code: string; message: string; offset: number; offsetKind: 'byte' | 'line' }): ParseError {
  const c = (PARSE_CODES.includes(e.code) ? e.code : 'truncated') as ParseErrorCode;
  return new ParseError(c, e.message, e.offset, e.offsetKind);
}
