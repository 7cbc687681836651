// A document session: the engine worker that parsed a document keeps its model and answers typed
// requests over the port it already has (the host ↔ worker channel). Main and `leakline serve`
// only forward these; every parse (evidence files too) and every analysis runs in the worker.
// Types only.
import type { AnalysisResult } from '../parsers/model/analysis-result';
import type { Comparison, MatchMode } from '../parsers/model/compare-result';
import type { FlameTree } from '../parsers/model/flame-result';
import type { Profile } from '../parsers/model/profile-model';
import type { EvidenceFile, HuntIgnoreRules, HuntReportFormat } from './hunt';

/** Request kinds, what each carries and what its reply is. */
export interface SessionRequests {
  /** Parses an evidence file (cached for later analyses); refuses one that is no usable input. */
  'check-evidence': { req: { file: EvidenceFile }; reply: { format: string } };
  /** The document fused with its evidence under the ignore rules. */
  analyse: { req: { evidence: EvidenceFile[]; rules: HuntIgnoreRules }; reply: AnalysisResult };
  /** The same analysis written as a report (`leakline report`'s writers). */
  export: { req: { evidence: EvidenceFile[]; rules: HuntIgnoreRules; format: HuntReportFormat; tool: { name: string; version: string } }; reply: string };
  /** The document as a goroutine profile: itself, or a trace's end state (the compare view). */
  'end-state': { req: Record<never, never>; reply: Profile };
  /**
   * Snapshots (end states main got from each document's session) in capture order when
   * `autoOrder`, aligned: `order` indexes `snapshots`; `comparison` is null unless every one of the
   * series is a goroutine profile and there are at least two. goroutineleak profiles list only
   * leaked goroutines: they are `evidence` (indexes), never part of the series, and `proven` says
   * how many goroutines of each compared group (by signature) they prove leaked.
   */
  /**
   * The compare view's flame graph: the differential tree of the first and last profile when they
   * have the same shape (both goroutine profiles, or the same sample types), else the last one's.
   */
  flame: { req: { profiles: Profile[]; sampleIndex: number | null }; reply: FlameTree };
  compare: {
    req: { snapshots: { name: string; profile: Profile }[]; mode: MatchMode; autoOrder: boolean };
    reply: { order: number[]; comparison: Comparison | null; evidence: number[]; proven: [signature: string, goroutines: number][] };
  };
}

export type SessionRequestKind = keyof SessionRequests;
export type SessionRequest<K extends SessionRequestKind = SessionRequestKind> = K extends SessionRequestKind ? { kind: K } & SessionRequests[K]['req'] : never;
export type SessionReply<K extends SessionRequestKind> = SessionRequests[K]['reply'];

/**
 * Why a request failed, as plain data (it crosses a worker boundary): a parser's refusal of a
 * named file, a file system error on a path, the document's own load failing, or a bug.
 */
export type SessionFailure =
  | { kind: 'parse'; code: string; message: string; file: string }
  | { kind: 'fs'; errno: string; path: string }
  | { kind: 'closed'; message: string }
  | { kind: 'internal'; message: string };

/** Host → worker and worker → host envelopes on the engine's port. */
export type SessionCall = { type: 'request'; id: number; request: SessionRequest };
export type SessionAnswer = { type: 'reply'; id: number; ok: true; value: unknown } | { type: 'reply'; id: number; ok: false; failure: SessionFailure };
