// The engine protocol: what a document's engine (parser + analysis, off the UI thread) sends to
// the renderer and what the renderer sends back. Types only. The same messages travel over an
// Electron MessagePort (structured clone) and over the serve WebSocket (binary frames, see
// ColumnFrameHeader); the renderer's stream client is one implementation for both.
import type { Frame } from '../parsers/model/stack';
import type { GoroutineTable, TimeRange, TraceModel } from '../parsers/model/trace-model';
import type { Profile } from '../parsers/model/profile-model';
import type { AnalysisResult } from '../parsers/model/analysis-result';
import type { Unsubscribe } from './bridge';

/** What sniffing found (parsers/sniff.ts), as the engine reports it before parsing. */
export type EngineFormat = 'go-trace' | 'pprof-proto' | 'goroutine-debug1' | 'goroutine-debug2' | 'unknown';

/** ParseErrorCode (parsers/model/errors.ts) plus the engine's own failures. */
export type EngineErrorCode =
  | 'unknown-format'
  | 'unsupported-version'
  | 'truncated'
  | 'corrupt'
  | 'too-large'
  | 'cancelled'
  | 'io' // the file could not be read (vanished, permissions)
  | 'crashed' // the engine's worker died (out of memory, a bug): only this document is lost
  | 'internal';

export interface EngineError {
  code: EngineErrorCode;
  message: string;
  /** Byte (binary formats) or 1-based line (text formats) where it happened; -1 when unknown. */
  offset: number;
  offsetKind: 'byte' | 'line';
  /** File name the error is about, so every message names it. */
  file: string;
}

export interface EngineProgress {
  phase: 'read' | 'analyse';
  bytesRead: number;
  bytesTotal: number;
  goroutinesSoFar: number;
  generation: number;
}

/**
 * A TraceChunk (parsers/model) made wire-friendly: only the strings and stacks interned since the
 * previous chunk (ids `stringsFrom…`, `stacksFrom…`), typed-array columns sent as transferables.
 */
export interface WireTraceChunk {
  seq: number;
  generation: number;
  bytesRead: number;
  bytesTotal: number;
  events: number;
  goroutinesSoFar: number;
  stringsFrom: number;
  newStrings: string[];
  stacksFrom: number;
  newStacks: Frame[][];
  spans: {
    count: number;
    goroutineId: Float64Array;
    startNs: Float64Array;
    state: Uint8Array;
    reason: Uint32Array;
    stack: Uint32Array;
    wakerId: Float64Array;
    wakerStack: Uint32Array;
  };
  ended: { goroutineId: Float64Array; endNs: Float64Array };
}

/**
 * The end of a trace: everything of the TraceModel except the span table (the renderer already
 * has every span from the chunks and groups them itself) and the string/stack tables (deltas).
 */
export interface WireTraceFinal
  extends Omit<TraceModel, 'strings' | 'stacks' | 'spans' | 'goroutines' | 'partial' | 'gc' | 'stw'> {
  stringsFrom: number;
  newStrings: string[];
  stacksFrom: number;
  newStacks: Frame[][];
  goroutines: GoroutineTable;
  spanCount: number;
  gc: TimeRange[];
  stw: TimeRange[];
  partial?: EngineError;
}

export type EngineMessage =
  | { type: 'start'; file: string; format: EngineFormat; bytesTotal: number }
  | { type: 'progress'; progress: EngineProgress }
  /** One generation's new spans and ended goroutines. Costs one credit. */
  | { type: 'trace-chunk'; chunk: WireTraceChunk }
  | { type: 'trace-final'; final: WireTraceFinal }
  /** Profiles and goroutine dumps are small: one structured message. */
  | { type: 'profile'; profile: Profile }
  /** The verdicts (types from the model layer, parsers/model/analysis-result.ts). */
  | { type: 'analysis'; result: AnalysisResult }
  /** Last message of a successful load; `partial` repeats why the load stopped early, if it did. */
  | { type: 'done'; partial?: EngineError; analysisError?: EngineError }
  /** Last message of a failed load: nothing (more) usable will come. */
  | { type: 'error'; error: EngineError };

export type EngineMessageType = EngineMessage['type'];

/**
 * Renderer → engine. Credit-based back-pressure: the engine sends a `trace-chunk` only while it
 * holds credit and stops reading the file while a chunk waits, so its buffer is bounded by the
 * window the renderer grants (ENGINE_CREDIT_WINDOW) plus the generation being parsed.
 */
export type EngineControl = { type: 'credit'; n: number } | { type: 'cancel' };

/** Chunks in flight before the renderer must acknowledge one (each ack grants one credit). */
export const ENGINE_CREDIT_WINDOW = 4;
/** Largest single grant a consumer may send (validation bound). */
export const ENGINE_MAX_CREDIT = 64;

/** The renderer's end of one document's stream, whatever the transport. */
export interface EngineStreamPort {
  send(msg: EngineControl): void;
  onMessage(cb: (msg: EngineMessage) => void): Unsubscribe;
  /** The transport went away before `done`/`error` (server stopped, port closed). */
  onDisconnect(cb: () => void): Unsubscribe;
  close(): void;
}

/** How many engines (parsing workers) are alive on the Node side. */
export interface EngineStatus {
  liveEngines: number;
  openDocuments: number;
}

// ---- binary frames (serve WebSocket) ----

/** Typed-array kinds a frame may carry. */
export type ColumnKind = 'f64' | 'u32' | 'u8';

/**
 * A binary stream frame: u32 little-endian header length, the header as UTF-8 JSON, zero padding
 * to a multiple of 8, then the columns back to back, each starting at a multiple of 8. In `json`
 * (the message), every typed array is replaced by `{ $col: i }` naming `columns[i]`.
 */
export interface ColumnFrameHeader {
  json: unknown;
  columns: { kind: ColumnKind; offset: number; length: number }[];
}

/** Browser mode: the stream of one document is its own WebSocket at STREAM_PATH?doc=<id>. */
export const STREAM_PATH = '/stream';
