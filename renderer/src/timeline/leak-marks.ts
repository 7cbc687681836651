// Which goroutines the analysis suspects, by goroutine id, and which were still blocked when the
// trace ended (the leak mark: hatching on the last span plus an icon in the row header).
import { GoState, type TraceModel } from '../../../parsers/model';
import { confidenceRank, type AnalysisResult, type Confidence, type Verdict } from '../../../analysis/verdict';

export interface LeakIndex {
  /** Goroutine id → the strongest verdict naming it. */
  readonly verdictOf: ReadonlyMap<number, Verdict>;
}

export function buildLeakIndex(analysis: AnalysisResult | null | undefined): LeakIndex {
  const verdictOf = new Map<number, Verdict>();
  for (const v of analysis?.verdicts ?? []) {
    for (const id of v.goroutineIds ?? []) {
      const prev = verdictOf.get(id);
      if (!prev || confidenceRank(v.confidence) > confidenceRank(prev.confidence)) verdictOf.set(id, v);
    }
  }
  return { verdictOf };
}

/** Alive and parked (Waiting) at the end of the trace. */
export function blockedAtEnd(m: TraceModel, row: number): boolean {
  return Number.isNaN(m.goroutines.endNs[row]) && m.goroutines.finalState[row] === GoState.Waiting;
}

/** How long a goroutine blocked at the end had been blocked; 0 otherwise. */
export function blockedForNs(m: TraceModel, row: number): number {
  if (!blockedAtEnd(m, row)) return 0;
  const since = m.goroutines.finalSinceNs[row];
  return Number.isNaN(since) ? m.durationNs : Math.max(0, m.durationNs - since);
}

export function confidenceOf(idx: LeakIndex, m: TraceModel, row: number): Confidence | undefined {
  return idx.verdictOf.get(m.goroutines.id[row])?.confidence;
}
