// What a comparison of goroutine snapshots says, as types only (analysis/align.ts and
// analysis/compare.ts compute it and re-export these): the compare view reads a Comparison that
// the document's session computed, without importing analysis code.
import type { Site } from './analysis-result';
import type { Frame } from './stack';

export type MatchMode = 'stack' | 'function';
export type AlignStatus = 'new' | 'grown' | 'shrunk' | 'vanished' | 'same';

export interface AlignedGroup {
  readonly signature: string;
  /** Entry function of the goroutines (outermost frame). */
  readonly function: string;
  readonly blockedAt?: Site;
  /** Representative normalised stack, innermost first. */
  readonly stack: readonly Frame[];
  /** Goroutine count per snapshot (0 where absent). */
  readonly counts: readonly number[];
  /** last − first */
  readonly delta: number;
  readonly status: AlignStatus;
  /** Count rose in every consecutive interval (needs ≥ 2 snapshots). */
  readonly growsEveryInterval: boolean;
  /** Wait states seen per snapshot (debug=2 only), e.g. ["chan send"]. */
  readonly states: readonly (readonly string[])[];
  readonly waitMinutes: readonly ({ readonly min: number; readonly max: number } | undefined)[];
  /** GC-proven leaked goroutines per snapshot. */
  readonly leaked: readonly number[];
  readonly ids: readonly (readonly number[])[];
  readonly createdBy?: { readonly func: string; readonly file: string; readonly line: number };
  /**
   * For snapshots without states (debug=0/1): the wait reason the park site suggests
   * (wait-class inferFromStack, e.g. "chan receive"); absent when the stack names none.
   */
  readonly inferredState?: string;
}

export interface ComparedGroup extends AlignedGroup {
  /** delta / first × 100; Infinity for a new group, -100 for a vanished one. */
  readonly growthPct: number;
  /** Goroutines added per minute over the series, when every snapshot has a capture time. */
  readonly perMinute?: number;
  /** Mean goroutines added per snapshot interval. */
  readonly perInterval: number;
  /** The goroutine that wrote the profile (one per snapshot, an artifact of capturing). */
  readonly profileWriter: boolean;
}

export interface TotalsRow {
  readonly name: string;
  readonly goroutines: number;
  /** Capture time, ns since the Unix epoch, when the format records it (proto time_nanos). */
  readonly timeNanos?: number;
}

export interface Comparison {
  readonly mode: MatchMode;
  readonly snapshots: readonly TotalsRow[];
  readonly groups: readonly ComparedGroup[];
  readonly totalDelta: number;
  readonly totalGrowthPct: number;
  /** last − first capture time, when known. */
  readonly elapsedNs?: number;
  /**
   * Groups that grew in every interval of a series of at least three snapshots: the leak
   * suspects. Two snapshots have one interval, where "grew every time" only restates "grown".
   */
  readonly suspects: readonly ComparedGroup[];
}
