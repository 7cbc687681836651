// The goroutine lifecycle model built from an execution trace. Columnar (typed arrays plus
// interned strings and stacks) because a 200 MB trace has millions of spans: one object per span
// would cost ~100 bytes each and GC pauses; a column costs 1–8 bytes per span.
// Immutable once built; only builders mutate. Times are ns relative to the trace's first event.
import type { ParseWarning, ParseError } from './errors';
import type { SpanStore } from './span-store';
import type { Frame } from './stack';
import type { Nanoseconds, RowIndex, StackId, StringId } from './units';

/** Interned strings; id 0 is ''. */
export interface StringTable {
  readonly strings: readonly string[];
}

/** Interned stacks; id 0 is the empty stack. Frames are innermost first. */
export interface StackTable {
  readonly stacks: readonly (readonly Frame[])[];
}

/** One row per goroutine id seen in the trace. */
export interface GoroutineTable {
  readonly count: number;
  /** Go's goroutine id (fits a double: ids are < 2^53 in practice). */
  readonly id: Float64Array;
  /** Creator goroutine id, or -1 (runtime-internal creator, or existed before the trace). */
  readonly parentId: Float64Array;
  /** Creation time; NaN when the goroutine existed before the trace started. */
  readonly createdNs: Float64Array;
  /** Creator's stack at the go statement (the `created by` site); 0 when unknown. */
  readonly creationStack: Uint32Array;
  /** Entry function (StringId); 0 when unknown. */
  readonly startFunc: Uint32Array;
  /** Time of GoDestroy; NaN while alive at the end of the trace. */
  readonly endNs: Float64Array;
  /** GoState at the end of the trace (NotExist when it ended). */
  readonly finalState: Uint8Array;
  /**
   * Reason (StringId) of the transition into the final state, as the trace spells it: the block
   * reason for Waiting ("chan receive"), the stop reason for Runnable after GoStop; 0 when none
   * (e.g. goroutines already blocked when the trace began). Later same-state status events do
   * not overwrite it.
   */
  readonly finalReason: Uint32Array;
  /**
   * Stack of the transition into the final state (where it blocked); when that transition had
   * none, the first stack a later status event of the same state carried (Go 1.23+). 0 when unknown.
   */
  readonly finalStack: Uint32Array;
  /**
   * Start time of the final state (blocked since). For goroutines whose state is first known from
   * a status event it is the Sync time of that generation (trace start). NaN when unknown.
   */
  readonly finalSinceNs: Float64Array;
  /** Index of this goroutine's first span in SpanTable (spans are grouped by goroutine). */
  readonly firstSpan: Uint32Array;
  /** Number of spans this goroutine has. */
  readonly spanCount: Uint32Array;
}

/**
 * State spans, grouped by goroutine row and sorted by start within a goroutine.
 * A span covers [start, end) in one state; the last span of a live goroutine ends at the trace end.
 */
export interface SpanTable {
  readonly count: number;
  readonly goroutine: Uint32Array; // RowIndex into GoroutineTable
  readonly startNs: Float64Array;
  readonly endNs: Float64Array;
  readonly state: Uint8Array; // GoState
  readonly reason: Uint32Array; // StringId: block/stop reason of the transition that began the span
  readonly stack: Uint32Array; // StackId: stack at that transition
  /** Goroutine id that made this goroutine runnable (unblocker), -1 when none / unknown. */
  readonly wakerId: Float64Array;
  /**
   * The unblocker's stack at the GoUnblock that began this Runnable span (Go's `Event.Stack()` of
   * that event), 0 when none: the leak analysis names the partner site with it ("nothing sent at
   * pipeline.go:31 afterwards").
   */
  readonly wakerStack: Uint32Array;
}

export interface TimeRange {
  readonly startNs: Nanoseconds;
  readonly endNs: Nanoseconds;
  readonly label: string;
}

/**
 * `S` is how the spans are held: the parser hands out a compact `SpanStore` read per goroutine
 * (`ParsedTrace`); the renderer rebuilds flat `SpanTable` columns from the streamed chunks for its
 * timeline (the default, `TraceModel`).
 */
export interface TraceModel<S = SpanTable> {
  readonly format: 'go-trace';
  /** "1.22", "1.23", "1.25", "1.26" as written in the header. */
  readonly goVersion: string;
  readonly bytes: number;
  /** Reader-level events, counted as Go's reader would. */
  readonly events: number;
  readonly generations: number;
  /** Absolute timestamp of the first event (ns), for mapping back to the reader's times. */
  readonly originNs: Nanoseconds;
  readonly durationNs: Nanoseconds;
  readonly strings: StringTable;
  readonly stacks: StackTable;
  readonly goroutines: GoroutineTable;
  readonly spans: S;
  readonly gc: readonly TimeRange[];
  readonly stw: readonly TimeRange[];
  /** Heap samples over time (HeapAlloc metric), parallel arrays. */
  readonly heap: { readonly timeNs: Float64Array; readonly bytes: Float64Array };
  readonly warnings: readonly ParseWarning[];
  /** Set when parsing stopped early; everything before `error.offset` is in the model. */
  readonly partial?: ParseError;
  /**
   * Summary parses only (parseTrace's `summary` option): goroutines that ended during the trace
   * and were left out of `goroutines` (and have no spans).
   */
  readonly goroutinesDropped?: number;
  // Every other column is required: models come from the parser (parseTrace, or the renderer's
  // stream accumulator, which groups with parsers/trace/group-spans.ts — what expandSpans yields),
  // so a column a builder forgets is a compile error, not a silent gap. Only `partial`,
  // `goroutinesDropped` and `wallClock` may be absent: facts a trace may not have.
  /** HeapGoal metric samples, parallel arrays. */
  readonly heapGoal: { readonly timeNs: Float64Array; readonly bytes: Float64Array };
  /** GOMAXPROCS (ProcsChange metric) samples. */
  readonly gomaxprocs: { readonly timeNs: Float64Array; readonly value: Float64Array };
  /** Ps seen in the trace and their running intervals. */
  readonly procs: ProcTable;
  readonly tasks: readonly UserTask[];
  readonly regions: readonly UserRegion[];
  readonly logs: readonly UserLog[];
  readonly cpuSamples: CpuSampleTable;
  /** Wall-clock anchor (Go 1.25+ ClockSnapshot of the first generation), when the trace has one. */
  readonly wallClock?: { readonly traceNs: Nanoseconds; readonly unixSec: number; readonly unixNsec: number };
}

/** What parseTrace returns: the model with its spans in the compact store. */
export type ParsedTrace = TraceModel<SpanStore>;

/** One row per P; `spans` are Running intervals (ProcStart/Status Running → Stop/Steal). */
export interface ProcTable {
  readonly count: number;
  readonly id: Float64Array;
  readonly spans: {
    readonly count: number;
    readonly proc: Uint32Array; // RowIndex into ProcTable
    readonly startNs: Float64Array;
    readonly endNs: Float64Array;
    /** OS thread (M) that ran the P. */
    readonly thread: Float64Array;
  };
}

/** runtime/trace user task. Times NaN when the begin/end is outside the trace. */
export interface UserTask {
  readonly id: number;
  /** -1 for none. */
  readonly parentId: number;
  readonly name: string;
  readonly startNs: Nanoseconds;
  readonly endNs: Nanoseconds;
  readonly goroutineId: number;
}

export interface UserRegion {
  readonly goroutineId: number;
  readonly taskId: number;
  readonly name: string;
  /** NaN when the region began before the trace. */
  readonly startNs: Nanoseconds;
  /** NaN when it had not ended by the end of the trace. */
  readonly endNs: Nanoseconds;
  readonly stack: StackId;
}

export interface UserLog {
  readonly timeNs: Nanoseconds;
  readonly goroutineId: number;
  readonly taskId: number;
  readonly category: string;
  readonly message: string;
  readonly stack: StackId;
}

export interface CpuSampleTable {
  readonly count: number;
  readonly timeNs: Float64Array;
  /** -1 when the sample hit no goroutine. */
  readonly goroutineId: Float64Array;
  readonly stack: Uint32Array;
}

/**
 * Streaming output, one per generation: what became known in it. Span rows are in event order
 * (not grouped); ids refer to `strings`/`stacks`, which only grow, so a UI can keep references.
 */
export interface TraceChunk {
  readonly generation: number;
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly events: number;
  readonly goroutinesSoFar: number;
  readonly strings: StringTable;
  readonly stacks: StackTable;
  /** Spans that began in this generation (the last one of each goroutine may still be open). */
  readonly spans: {
    readonly count: number;
    readonly goroutineId: Float64Array;
    readonly startNs: Float64Array;
    readonly state: Uint8Array;
    readonly reason: Uint32Array;
    readonly stack: Uint32Array;
    /** SpanTable.wakerId and wakerStack of these spans, so a stream rebuilds every column. */
    readonly wakerId: Float64Array;
    readonly wakerStack: Uint32Array;
  };
  /** Goroutines that ended (reached NotExist) in this generation, and when. */
  readonly ended: { readonly goroutineId: Float64Array; readonly endNs: Float64Array };
}

/** What a streaming parser hands out after each generation: new rows since the previous chunk. */
export interface TraceProgress {
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly generation: number;
  readonly goroutinesSoFar: number;
}

export type { RowIndex, StackId, StringId };
