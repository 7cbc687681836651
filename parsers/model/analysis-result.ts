// What the analysis says, as types only: the verdict model every layer may import (main/,
// renderer/, contract/ and the CLI read results; analysis/ produces them and re-exports these
// from analysis/verdict.ts). No code here, so importing it pulls no analysis into a bundle.
import type { Frame } from './stack';

export type Confidence = 'proven' | 'high' | 'medium' | 'low';

/** One vocabulary for "why is this goroutine not running" (analysis/wait-class.ts classifies). */
export type WaitClass =
  | 'channel-send'
  | 'channel-recv'
  | 'select'
  | 'forever' // nil channel operation or `select {}`: nothing can ever wake it
  | 'sync-mutex'
  | 'sync-rwmutex'
  | 'sync-waitgroup'
  | 'sync-cond'
  | 'sync-other' // a runtime semaphore we could not attribute (plain `semacquire`)
  | 'timer' // time.Sleep
  | 'io' // netpoller: sockets, pipes
  | 'syscall'
  | 'gc-system' // GC workers, sweeper, finalizers, trace reader…
  | 'running'
  | 'runnable'
  | 'other' // preempted, debug call, synctest, coroutine switch…
  | 'unknown';

/** A place in the user's code (analysis/frames.ts picks it from a stack). */
export interface Site {
  readonly function: string;
  readonly file: string;
  readonly line: number;
}

/**
 * Evidence kinds are rule ids (analysis/rules: `never-woken-here`, `gc-proven`, …) plus the
 * series rules `snapshot-growth` and `snapshot-shrink`; stable strings (they appear in JSON and
 * SARIF reports).
 */
export type EvidenceKind = string;

/** One rule's part in a verdict, with its sentence: what the explanation and evidence are made of. */
export interface FiredRule {
  readonly rule: string;
  readonly kind: 'weighted' | 'floor' | 'cap' | 'series';
  /** Fitted log-odds weight (0 for floors, caps and series rules). */
  readonly weight: number;
  /** Goroutines of the group it fired for. */
  readonly members: number;
  /** weight × the fraction of the group it fired for: its part of the group's log-odds. */
  readonly contribution: number;
  /** Floors, caps and series rules: the confidence they set. */
  readonly bound?: Confidence;
  readonly detail: string;
  /** Input file whose facts fired it. */
  readonly source: string;
}

export interface Evidence {
  readonly kind: EvidenceKind;
  readonly detail: string;
  /** Input file the evidence came from. */
  readonly source?: string;
}

export type InputKind = 'trace' | 'debug2' | 'debug1' | 'debug0' | 'goroutineleak';

/** One input's view of one group; fused into a Verdict by analyze.ts. */
export interface SuspectGroup {
  readonly fingerprint: string;
  readonly source: string;
  readonly inputKind: InputKind;
  readonly confidence: Confidence;
  readonly count: number;
  readonly waitClass: WaitClass;
  /** The runtime's words when the input had them ("chan send"), else synthesised from the class. */
  readonly waitReason: string;
  readonly entryFunction: string;
  readonly createdBy?: Site;
  readonly blockedAt?: Site;
  /** Representative stack, innermost first. */
  readonly stack: readonly Frame[];
  readonly goroutineIds?: readonly number[];
  readonly blockedForNs?: { readonly min: number; readonly max: number };
  readonly blockedSinceNs?: { readonly min: number; readonly max: number };
  readonly waitMinutes?: { readonly min: number; readonly max: number };
  /** The model's probability that the group leaked (before floors and caps); NaN when no model applies. */
  readonly probability: number;
  /** Every rule that fired, strongest first: the only source of `explanation` and `evidence`. */
  readonly fired: readonly FiredRule[];
  readonly explanation: string;
  readonly evidence: readonly Evidence[];
}

export interface Verdict {
  readonly fingerprint: string;
  readonly confidence: Confidence;
  readonly count: number;
  readonly waitClass: WaitClass;
  readonly waitReason: string;
  readonly startFunction: string;
  readonly createdBy?: Site;
  readonly blockedAt?: Site;
  readonly stack: readonly Site[];
  readonly goroutineIds?: readonly number[];
  readonly blockedForNs?: { readonly min: number; readonly max: number };
  readonly waitMinutes?: { readonly min: number; readonly max: number };
  /** Highest model probability over its inputs (NaN when none had a model). */
  readonly probability: number;
  /** Rules that fired, from the input that set the confidence first, then the series rules. */
  readonly fired: readonly FiredRule[];
  readonly explanation: string;
  readonly evidence: readonly Evidence[];
  /**
   * `go test -trace` traces: the test whose goroutine created the group (analysis/test-attribution.ts);
   * several tests are listed most goroutines first, joined by ", ".
   */
  readonly test?: string;
  /** Input files that contributed. */
  readonly sources: readonly string[];
}

export interface InputSummary {
  readonly file: string;
  /** 'go-trace' | 'pprof-proto' | 'goroutine-debug1' | 'goroutine-debug2' */
  readonly format: string;
  readonly kind: InputKind;
  readonly goroutines: number;
  readonly goVersion?: string;
  readonly partial?: string;
}

export interface AnalysisResult {
  readonly inputs: readonly InputSummary[];
  /** Goroutines in the largest input (the series' last snapshot, or the trace). */
  readonly goroutines: number;
  /** Ranked: confidence, then count, then fingerprint (stable order). */
  readonly verdicts: readonly Verdict[];
  /** Goroutines skipped by built-in or user ignore rules, by reason. */
  readonly ignored: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
}
