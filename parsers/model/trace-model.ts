// The goroutine lifecycle model built from an execution trace. Columnar (typed arrays plus
// interned strings and stacks) because a 200 MB trace has millions of spans: one object per span
// would cost ~100 bytes each and GC pauses; a column costs 1–8 bytes per span.
// Immutable once built; only builders mutate. Times are ns relative to the trace's first event.
import type { GoState } from './goroutine-state';
import type { ParseWarning, ParseError } from './errors';
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
  /** Block reason (StringId) of the final Waiting state, as the trace spells it; 0 otherwise. */
  readonly finalReason: Uint32Array;
  /** Stack of the final transition (where it blocked); 0 when unknown. */
  readonly finalStack: Uint32Array;
  /** Start time of the final state (blocked since). NaN when unknown. */
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
   * Added by the analysis helper: the unblocker's stack at the GoUnblock that began this Runnable
   * span (Go's `Event.Stack()` of that event), 0 when none. Optional: the leak analysis uses it to
   * name the partner site ("nothing sent at pipeline.go:31 afterwards") and degrades without it.
   */
  readonly wakerStack?: Uint32Array;
}

export interface TimeRange {
  readonly startNs: Nanoseconds;
  readonly endNs: Nanoseconds;
  readonly label: string;
}

export interface TraceModel {
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
  readonly spans: SpanTable;
  readonly gc: readonly TimeRange[];
  readonly stw: readonly TimeRange[];
  /** Heap samples over time (HeapAlloc metric), parallel arrays. */
  readonly heap: { readonly timeNs: Float64Array; readonly bytes: Float64Array };
  readonly warnings: readonly ParseWarning[];
  /** Set when parsing stopped early; everything before `error.offset` is in the model. */
  readonly partial?: ParseError;
}

/** What a streaming parser hands out after each generation: new rows since the previous chunk. */
export interface TraceProgress {
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly generation: number;
  readonly goroutinesSoFar: number;
}

export type { RowIndex, StackId, StringId };
