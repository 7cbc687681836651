// Several inputs of one process → one ranked list of verdicts. Each input yields suspect groups
// keyed by fingerprint (entry function + blocking function, the same in every input kind); the
// groups are fused: the strongest confidence wins, goroutine ids are united, the runtime's words
// (debug=2) are preferred for the wait reason, and snapshot series add growth (up) or shrinkage
// (down) — rules in docs/analysis.md.
import type { GoroutineProfile, ParsedTrace, Profile } from '../parsers/model';
import { GoState } from '../parsers/model';
import { alignProfiles } from './align';
import { inputKindOf, profileFacts } from './facts/profile-facts';
import { traceFacts } from './facts/trace-facts';
import { fingerprint } from './fingerprint';
import { blockingFrame, entryFunction, frameToSite } from './frames';
import { NO_RULES, type IgnoreRules } from './ignore';
import { fuseParts, KIND_PREFERENCE, type Fused, type Part } from './fuse';
import { judge } from './judge';
import { partialInputSentence, withArticle } from './phrasing';
import { LEVELS, levelOf, type Model } from './score/model';
import { DEFAULT_MODEL } from './score/weights';
import { rowIndex, testsOfGoroutines } from './test-attribution';
import {
  compareVerdicts,
  confidenceRank,
  lowerConfidence,
  type AnalysisResult,
  type Confidence,
  type FiredRule,
  type InputSummary,
  type SuspectGroup,
  type Verdict,
} from './verdict';

export type AnalysisInput =
  | { readonly file: string; readonly trace: ParsedTrace }
  | { readonly file: string; readonly profile: Profile };

export interface AnalyzeOptions {
  readonly rules?: IgnoreRules;
  /** The fitted model (default: analysis/score/weights.json). */
  readonly model?: Model;
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

function seriesRule(rule: 'snapshot-growth' | 'snapshot-shrink', detail: string, bound: Confidence, count: number): FiredRule {
  return { rule, kind: 'series', weight: 0, members: count, contribution: 0, bound, detail, source: 'snapshot series' };
}

/** One fused part → a verdict in the lead input's words; a snapshot series then moves it up or down. */
function verdictOf(fp: string, f: Fused<SuspectGroup>, groups: readonly SuspectGroup[], series: SeriesFacts | undefined): Verdict {
  const lead = f.lead.payload;
  let confidence: Confidence = LEVELS[f.level];
  const fired: FiredRule[] = [...lead.fired];
  let explanation = lead.explanation;
  if (series) {
    const c = series.counts;
    const rising = c.every((v, i) => i === 0 || v > c[i - 1]);
    const last = c[c.length - 1];
    if (rising && c.length >= 2) {
      const up: Confidence = c.length >= 3 ? 'high' : 'medium';
      if (confidenceRank(confidence) < confidenceRank(up)) confidence = up;
      fired.unshift(seriesRule('snapshot-growth', `the count grew in every one of the ${c.length - 1} snapshot intervals: ${c.join(' → ')}`, up, last));
      explanation += `; the group grew ${c.join(' → ')} across ${c.length} snapshots`;
    } else if (last < c[0]) {
      confidence = lowerConfidence(confidence);
      fired.push(seriesRule('snapshot-shrink', `the count shrank across snapshots (${c.join(' → ')}): goroutines here do finish, so the confidence was lowered`, confidence, last));
    }
  }
  if (confidence === 'proven' && !explanation.includes('proved')) explanation += '; the runtime proved they can never be unblocked';
  const byPref = [...groups].sort((a, b) => KIND_PREFERENCE[b.inputKind] - KIND_PREFERENCE[a.inputKind]);
  const reasonFrom = byPref.find((g) => g.inputKind === 'debug2' || g.inputKind === 'goroutineleak') ?? lead;
  const stackFrom = byPref.find((g) => g.inputKind === 'debug2') ?? lead;
  return {
    fingerprint: fp,
    confidence,
    count: series && !f.ids ? series.counts[series.counts.length - 1] : f.count,
    waitClass: lead.waitClass,
    waitReason: reasonFrom.waitReason,
    startFunction: lead.entryFunction,
    createdBy: lead.createdBy ?? byPref.find((g) => g.createdBy)?.createdBy,
    blockedAt: lead.blockedAt && lead.blockedAt.line > 0 ? lead.blockedAt : (byPref.find((g) => g.blockedAt && g.blockedAt.line > 0)?.blockedAt ?? lead.blockedAt),
    stack: stackFrom.stack.map(frameToSite),
    goroutineIds: f.ids && f.ids.length > 0 ? f.ids : undefined,
    blockedForNs: lead.blockedForNs ?? groups.find((g) => g.blockedForNs)?.blockedForNs,
    waitMinutes: lead.waitMinutes ?? groups.find((g) => g.waitMinutes)?.waitMinutes,
    probability: lead.probability,
    fired,
    explanation,
    evidence: fired.map((r) => ({ kind: r.rule, detail: r.detail, source: r.source })),
    sources: [...new Set(groups.map((g) => g.source))],
  };
}

function fuse(fp: string, groups: readonly SuspectGroup[], series: SeriesFacts | undefined): Verdict[] {
  const parts: Part<SuspectGroup>[] = groups.map((g) => ({
    ids: g.goroutineIds,
    count: g.count,
    level: levelOf(g.confidence),
    probability: g.probability,
    kind: g.inputKind,
    source: g.source,
    order: series?.files.indexOf(g.source) ?? -1,
    proof: g.inputKind === 'goroutineleak',
    payload: g,
  }));
  return fuseParts(parts).map((f) => verdictOf(fp, f, groups, series));
}

const rowsOf = new WeakMap<ParsedTrace, Map<number, number>>();

/** Names the test that created the group when a trace is from `go test -trace` (it has tRunner goroutines). */
function withTest(v: Verdict, traces: readonly ParsedTrace[]): Verdict {
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
  const model = opts.model ?? DEFAULT_MODEL;
  const warnings: string[] = [];
  const ignored: Record<string, number> = {};
  const suspects: SuspectGroup[] = [];
  const profiles: { file: string; profile: GoroutineProfile }[] = [];
  const addIgnored = (m: Record<string, number>) => {
    for (const [k, v] of Object.entries(m)) ignored[k] = (ignored[k] ?? 0) + v;
  };
  for (const input of inputs) {
    if ('trace' in input) {
      const s = traceFacts(input.trace, input.file, rules);
      for (const g of judge(s.facts, { model })) suspects.push(g);
      addIgnored(s.ignored);
      const cut = input.trace.partial;
      // A partial input is the first thing a reader must know: its warning goes before the others.
      if (cut) warnings.unshift(partialInputSentence(input.file, cut.offset, cut.offsetKind, cut.message, 'trace'));
    } else if (input.profile.kind === 'goroutines') {
      const s = profileFacts(input.profile, input.file, rules);
      for (const g of judge(s.facts, { model })) suspects.push(g);
      addIgnored(s.ignored);
      profiles.push({ file: input.file, profile: input.profile });
      const cut = input.profile.partial;
      if (cut) warnings.unshift(partialInputSentence(input.file, cut.offset, cut.offsetKind, cut.message, 'profile'));
    } else {
      warnings.push(`${input.file}: ${withArticle(input.profile.profileType)} profile carries no goroutine states, so it is not used for leak verdicts`);
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
  const verdicts = [...byFp].flatMap(([fp, groups]) => fuse(fp, groups, series.get(fp)).map((v) => withTest(v, traces))).sort(compareVerdicts);
  const summaries = inputs.map(summarize);
  return {
    inputs: summaries,
    goroutines: summaries.reduce((m, s) => Math.max(m, s.goroutines), 0),
    verdicts,
    ignored,
    warnings,
  };
}
