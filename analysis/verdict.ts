// The verdict model: what the analysis says about one group of goroutines that share an entry
// function and a blocking site. Reports (JSON/Markdown/HTML/SARIF), the suspects panel and the
// CLI's exit code all read this and nothing else.
import type { Confidence, Verdict } from '../parsers/model/analysis-result';

// The types live in the types-only model layer, so main/ and renderer/ import no analysis code.
export type {
  AnalysisResult,
  Confidence,
  Evidence,
  EvidenceKind,
  FiredRule,
  InputKind,
  InputSummary,
  SuspectGroup,
  Verdict,
} from '../parsers/model/analysis-result';

export const CONFIDENCES: readonly Confidence[] = ['proven', 'high', 'medium', 'low'];
const RANK: Record<Confidence, number> = { proven: 4, high: 3, medium: 2, low: 1 };

export function confidenceRank(c: Confidence): number {
  return RANK[c];
}
export function atLeast(c: Confidence, threshold: Confidence): boolean {
  return RANK[c] >= RANK[threshold];
}
export function maxConfidence(a: Confidence, b: Confidence): Confidence {
  return RANK[a] >= RANK[b] ? a : b;
}
export function lowerConfidence(c: Confidence): Confidence {
  return c === 'proven' ? 'proven' : c === 'high' ? 'medium' : 'low';
}

export function compareVerdicts(a: Verdict, b: Verdict): number {
  return (
    confidenceRank(b.confidence) - confidenceRank(a.confidence) ||
    b.count - a.count ||
    (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0)
  );
}

export function highestConfidence(verdicts: readonly Verdict[]): Confidence | undefined {
  let best: Confidence | undefined;
  for (const v of verdicts) best = best === undefined ? v.confidence : maxConfidence(best, v.confidence);
  return best;
}
