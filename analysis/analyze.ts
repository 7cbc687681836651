// Several inputs of one process → one ranked list of verdicts. Each input yields suspect groups
// keyed by fingerprint (entry function + blocking function, the same in every input kind); the
// groups are fused: the strongest confidence wins, goroutine ids are united, the runtime's words
// (debug=2) are preferred for the wait reason, and snapshot series add growth (up) or shrinkage
// (down) — rules in docs/analysis.md.
import type { GoroutineProfile, Profile, TraceModel } from '../parsers/model';
import { GoState } from '../parsers/model';
import { alignProfiles } from './align';
import { fingerprint } from './fingerprint';
import { blockingFrame, entryFunction, frameToSite } from './frames';
import { NO_RULES, type IgnoreRules } from './ignore';
import { inputKindOf, profileSignals } from './profile-signals';
import { rowIndex, testsOfGoroutines } from './test-attribution';
import { traceSignals } from './trace-signals';
import {
  compareVerdicts,
  confidenceRank,
  lowerConfidence,
  maxConfidence,
  type AnalysisResult,
  type Confidence,
  type Evidence,
  type InputKind,
  type InputSummary,
  type SuspectGroup,
  type Verdict,
} from './verdict';

export type AnalysisInput =
  | { readonly file: string; readonly trace: TraceModel }
  | { readonly file: string; readonly profile: Profile };

export interface AnalyzeOptions {
  readonly rules?: IgnoreRules;
}

/** Growth per fingerprint across one format's snapshots, oldest first. */
interface SeriesFacts {
  counts: number[];
  files: string[];
}

// Inputs given together from one capture often hold the same moment in several formats
// (goroutine.pb.gz + .debug1.txt + .debug2.txt): a series is built per format, so three views
// of one moment never read as "no growth" or as growth.
function seriesByFingerprint(profiles: readonly { file: string; profile: GoroutineProfile }[]): Map<string, SeriesFacts> {
  const out = new Map<string, SeriesFacts>();
  const byFormat = new Map<string, { file: string; profile: GoroutineProfile }[]>();
  for (const p of profiles) {
    if (p.profile.profileType !== 'goroutine') continue;
    const list = byFormat.get(p.profile.format) ?? [];
    list.push(p);
    byFormat.set(p.profile.format, list);
  }
  const best = [...byFormat.values()].sort((a, b) => b.length - a.length)[0];
  if (!best || best.length < 2) return out;
  const ordered = best.every((p) => p.profile.timeNanos !== undefined)
    ? [...best].sort((a, b) => (a.profile.timeNanos ?? 0) - (b.profile.timeNanos ?? 0))
    : best;
  const al = alignProfiles(ordered.map((p) => p.profile));
  for (const g of al.groups) {
    const fp = fingerprint(entryFunction(g.stack), blockingFrame(g.stack)?.func ?? '');
    const f = out.get(fp) ?? { counts: new Array<number>(ordered.length).fill(0), files: ordered.map((p) => p.file) };
    g.counts.forEach((c, i) => (f.counts[i] += c));
    out.set(fp, f);
  }
  return out;
}

// Evidence that says the same thing from every input: kept from the richest input only.
const ONCE = new Set<string>(['gc-proven', 'bounded-wait', 'forever', 'blocked-at-end', 'inferred-reason']);

const KIND_PREFERENCE: Record<InputKind, number> = { trace: 5, debug2: 4, goroutineleak: 3, debug1: 2, debug0: 1 };

function fuse(fp: string, groups: readonly SuspectGroup[], series: SeriesFacts | undefined): Verdict {
  // Richest kind first; within a kind, the latest snapshot of a series first.
  const order = (g: SuspectGroup) => series?.files.indexOf(g.source) ?? -1;
  const byPref = [...groups].sort((a, b) => KIND_PREFERENCE[b.inputKind] - KIND_PREFERENCE[a.inputKind] || order(b) - order(a));
  let confidence: Confidence = 'low';
  for (const g of groups) confidence = maxConfidence(confidence, g.confidence);
  // Evidence richest input first; one entry per kind and detail, and an input's "unknown
  // operation" caveats dropped when a richer input knows the operation.
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  const seenKind = new Map<string, InputKind>();
  for (const g of byPref) {
    for (const e of g.evidence) {
      if (e.kind === 'bounded-wait' && g.waitClass !== byPref[0].waitClass) continue;
      if (e.kind === 'inferred-reason' && g !== byPref[0]) continue;
      const firstKind = seenKind.get(e.kind);
      if (firstKind !== undefined && firstKind !== g.inputKind && ONCE.has(e.kind)) continue;
      const key = `${e.kind}\n${e.detail}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (firstKind === undefined) seenKind.set(e.kind, g.inputKind);
      evidence.push(e);
    }
  }
  if (series) {
    const c = series.counts;
    const rising = c.every((v, i) => i === 0 || v > c[i - 1]);
    const last = c[c.length - 1];
    if (rising && c.length >= 2) {
      const up: Confidence = c.length >= 3 ? 'high' : 'medium';
      confidence = confidenceRank(confidence) >= confidenceRank(up) ? confidence : up;
      evidence.push({ kind: 'snapshot-growth', detail: `count grew in every one of ${c.length - 1} snapshot interval(s): ${c.join(' → ')}` });
    } else if (last < c[0]) {
      confidence = lowerConfidence(confidence);
      evidence.push({ kind: 'snapshot-shrink', detail: `count shrank across snapshots (${c.join(' → ')}): goroutines here do finish; confidence lowered` });
    }
  }
  // Explanation from the richest input (a trace says what happened, a dump only where it is).
  let explanation = byPref[0].explanation;
  if (confidence === 'proven' && !explanation.includes('proved')) explanation += '; the runtime proved they can never be unblocked';
  if (series && series.counts.length >= 2 && series.counts.every((v, i) => i === 0 || v > series.counts[i - 1]))
    explanation += `; the group grew ${series.counts.join(' → ')} across ${series.counts.length} snapshots`;
  const ids = new Set<number>();
  for (const g of groups) for (const id of g.goroutineIds ?? []) ids.add(id);
  const withIds = byPref.find((g) => g.inputKind === 'trace') ?? byPref.find((g) => g.goroutineIds);
  const reasonFrom = byPref.find((g) => g.inputKind === 'debug2' || g.inputKind === 'goroutineleak') ?? byPref[0];
  const minutes = groups.find((g) => g.waitMinutes)?.waitMinutes;
  const blockedFor = groups.find((g) => g.blockedForNs)?.blockedForNs;
  const stackFrom = byPref.find((g) => g.inputKind === 'debug2') ?? byPref[0];
  return {
    fingerprint: fp,
    confidence,
    count: series ? series.counts[series.counts.length - 1] : (withIds?.count ?? Math.max(...groups.map((g) => g.count))),
    waitClass: byPref[0].waitClass,
    waitReason: reasonFrom.waitReason,
    startFunction: byPref[0].entryFunction,
    createdBy: byPref.find((g) => g.createdBy)?.createdBy,
    blockedAt: byPref.find((g) => g.blockedAt && g.blockedAt.line > 0)?.blockedAt ?? byPref[0].blockedAt,
    stack: stackFrom.stack.map(frameToSite),
    goroutineIds: ids.size > 0 ? [...ids].sort((a, b) => a - b) : undefined,
    blockedForNs: blockedFor,
    waitMinutes: minutes,
    explanation,
    evidence,
    sources: [...new Set(groups.map((g) => g.source))],
  };
}

const rowsOf = new WeakMap<TraceModel, Map<number, number>>();

/** Names the test that created the group when a trace is from `go test -trace` (it has tRunner goroutines). */
function withTest(v: Verdict, traces: readonly TraceModel[]): Verdict {
  if (!v.goroutineIds || v.goroutineIds.length === 0) return v;
  for (const t of traces) {
    if (!t.strings.strings.includes('testing.tRunner')) continue;
    let rows = rowsOf.get(t);
    if (!rows) rowsOf.set(t, (rows = rowIndex(t)));
    const tests = testsOfGoroutines(t, v.goroutineIds, rows);
    if (tests.length > 0) return { ...v, test: tests.join(', ') };
  }
  return v;
}

function summarize(input: AnalysisInput): InputSummary {
  if ('trace' in input) {
    const t = input.trace;
    let alive = 0;
    for (let r = 0; r < t.goroutines.count; r++) if (t.goroutines.finalState[r] !== GoState.NotExist) alive++;
    return { file: input.file, format: t.format, kind: 'trace', goroutines: alive, goVersion: t.goVersion, partial: t.partial?.message };
  }
  const p = input.profile;
  if (p.kind !== 'goroutines') return { file: input.file, format: p.format, kind: 'debug0', goroutines: 0 };
  return { file: input.file, format: p.format, kind: inputKindOf(p), goroutines: p.total, goVersion: p.goVersion, partial: p.partial?.message };
}

export function analyze(inputs: readonly AnalysisInput[], opts: AnalyzeOptions = {}): AnalysisResult {
  const rules = opts.rules ?? NO_RULES;
  const warnings: string[] = [];
  const ignored: Record<string, number> = {};
  const suspects: SuspectGroup[] = [];
  const profiles: { file: string; profile: GoroutineProfile }[] = [];
  const addIgnored = (m: Record<string, number>) => {
    for (const [k, v] of Object.entries(m)) ignored[k] = (ignored[k] ?? 0) + v;
  };
  for (const input of inputs) {
    if ('trace' in input) {
      const s = traceSignals(input.trace, input.file, rules);
      suspects.push(...s.suspects);
      addIgnored(s.ignored);
      if (input.trace.partial) warnings.push(`${input.file}: trace is partial (${input.trace.partial.message}); verdicts reflect the part read`);
    } else if (input.profile.kind === 'goroutines') {
      const s = profileSignals(input.profile, input.file, rules);
      suspects.push(...s.suspects);
      addIgnored(s.ignored);
      profiles.push({ file: input.file, profile: input.profile });
      if (input.profile.partial) warnings.push(`${input.file}: profile is partial (${input.profile.partial.message})`);
    } else {
      warnings.push(`${input.file}: ${input.profile.profileType} profile: carries no goroutine states, not used for leak verdicts`);
    }
  }
  const series = seriesByFingerprint(profiles);
  const byFp = new Map<string, SuspectGroup[]>();
  for (const s of suspects) {
    const list = byFp.get(s.fingerprint);
    if (list) list.push(s);
    else byFp.set(s.fingerprint, [s]);
  }
  const traces = inputs.flatMap((i) => ('trace' in i ? [i.trace] : []));
  const verdicts = [...byFp].map(([fp, groups]) => withTest(fuse(fp, groups, series.get(fp)), traces)).sort(compareVerdicts);
  const summaries = inputs.map(summarize);
  return {
    inputs: summaries,
    goroutines: Math.max(0, ...summaries.map((s) => s.goroutines)),
    verdicts,
    ignored,
    warnings,
  };
}
