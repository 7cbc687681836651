// Models for pprof profiles and goroutine dumps. Goroutine-shaped inputs (goroutine and
// goroutineleak profiles in any form, debug=2 dumps, panic tracebacks) become GoroutineProfile;
// every other pprof profile becomes SampleProfile (top tables, flame graphs).
import type { ParseWarning, ParseError } from './errors';
import type { Frame } from './stack';

/** 'trace-end-state': the goroutines alive at the end of an execution trace (analysis/trace-end-state). */
export type ProfileFormat = 'pprof-proto' | 'goroutine-debug1' | 'goroutine-debug2' | 'trace-end-state';

export type ProfileType =
  | 'goroutine'
  | 'goroutineleak'
  | 'heap'
  | 'allocs'
  | 'block'
  | 'mutex'
  | 'threadcreate'
  | 'cpu'
  | 'unknown';

export interface CreatedBy {
  readonly func: string;
  readonly file: string;
  readonly line: number;
  /** `created by F in goroutine N` (Go 1.21+); absent in older dumps. */
  readonly parentId?: number;
}

/** Goroutines that share one stack signature (and, in debug=2, one state). */
export interface GoroutineGroup {
  /** stackSignature(stack), plus the state for debug=2 groups so states are never mixed. */
  readonly signature: string;
  readonly count: number;
  /** Innermost first. */
  readonly stack: readonly Frame[];
  /** Wait reason / status as the runtime prints it ("chan receive", "running", "sync.Mutex.Lock"). */
  readonly state?: string;
  readonly waitMinutes?: { readonly min: number; readonly max: number };
  /** Goroutine ids, where the format has them (debug=2). */
  readonly ids?: readonly number[];
  readonly lockedToThread?: boolean;
  readonly createdBy?: CreatedBy;
  /** GC-proven leak: from a goroutineleak profile or a `(leaked)` header. */
  readonly leaked?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
  /** debug=2: the header said `(durable)` (synctest, Go 1.25+) for some goroutine of the group. */
  readonly durable?: boolean;
  /** debug=2: `synctest bubble N` (Go 1.25+). */
  readonly bubble?: number;
  /** debug=2: the stack had an elision line (`...N frames elided...`), so `stack` is incomplete. */
  readonly elidedFrames?: number;
}

/** One goroutine as a debug=2 dump / traceback prints it (ids are unique only within one dump). */
export interface GoroutineRecord {
  readonly id: number;
  /** Index into GoroutineProfile.groups. */
  readonly group: number;
  readonly state: string;
  readonly waitMinutes?: number;
  readonly lockedToThread: boolean;
  readonly leaked: boolean;
  /** Frames printed (elision line not counted). */
  readonly frameCount: number;
  /** Frames the runtime elided: N from `...N frames elided...`, -1 for `...additional frames elided...`. */
  readonly elided?: number;
  readonly createdBy?: CreatedBy;
  readonly labels?: Readonly<Record<string, string>>;
  /** GODEBUG=tracebackancestors: the creators' stacks at creation time, newest first. */
  readonly ancestors?: readonly { readonly id: number; readonly stack: readonly Frame[]; readonly createdBy?: CreatedBy }[];
  /** 1-based line of the `goroutine N [...]:` header. */
  readonly line: number;
}

export interface GoroutineProfile {
  readonly kind: 'goroutines';
  readonly format: ProfileFormat;
  readonly profileType: 'goroutine' | 'goroutineleak';
  readonly goVersion?: string;
  readonly total: number;
  readonly groups: readonly GoroutineGroup[];
  /** Capture time when the format records it (proto time_nanos), ns since the Unix epoch. */
  readonly timeNanos?: number;
  /** time_nanos as exact decimal text (it exceeds 2^53, so timeNanos is rounded). */
  readonly timeNanosExact?: string;
  /** Proto only: the sample types (goroutine/count or goroutineleak/count). */
  readonly sampleTypes?: readonly ValueType[];
  /** debug=2 only: every goroutine in input order. */
  readonly goroutines?: readonly GoroutineRecord[];
  readonly warnings: readonly ParseWarning[];
  readonly partial?: ParseError;
}

export interface ValueType {
  readonly type: string;
  readonly unit: string;
}

export interface Sample {
  /** Index into SampleProfile.stacks. */
  readonly stack: number;
  /** One value per sample type. Numbers: pprof int64 values here stay below 2^53. */
  readonly values: readonly number[];
  /** Only when some value is outside ±2^53 (values[] is then rounded): exact decimal text. */
  readonly exactValues?: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  /** String labels with more than one value for a key (legal in pprof, never written by Go). */
  readonly multiLabels?: Readonly<Record<string, readonly string[]>>;
  /** Numeric labels (heap `bytes`), with units where set. */
  readonly numLabels?: Readonly<Record<string, readonly number[]>>;
  readonly numUnits?: Readonly<Record<string, readonly string[]>>;
}

export interface SampleProfile {
  readonly kind: 'samples';
  readonly format: 'pprof-proto';
  readonly profileType: ProfileType;
  readonly sampleTypes: readonly ValueType[];
  readonly defaultSampleType?: string;
  readonly stacks: readonly (readonly Frame[])[];
  readonly samples: readonly Sample[];
  readonly timeNanos?: number;
  /** time_nanos as exact decimal text. */
  readonly timeNanosExact?: string;
  readonly durationNanos?: number;
  readonly comments?: readonly string[];
  readonly period?: { readonly type: ValueType; readonly value: number };
  readonly warnings: readonly ParseWarning[];
  readonly partial?: ParseError;
}

export type Profile = GoroutineProfile | SampleProfile;
