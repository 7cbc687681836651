// Shared by the analysis corpus tests: loads a fixture scenario's files as analysis inputs per
// input kind, and scores verdicts against the scenario's truth.json (ground truth written by the
// Go generator from the same run's debug=2 dump, independent of our parsers).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bytesSource, ParseError } from '../../../parsers/model';
import { parseGoroutineText } from '../../../parsers/goroutines/index';
import { parsePprof } from '../../../parsers/pprof/index';
import { parseTrace } from '../../../parsers/trace/index';
import type { AnalysisInput } from '../../../analysis/analyze';
import { atLeast, type Verdict } from '../../../analysis/verdict';

export const FIXTURES = resolve(__dirname, '../../fixtures');

export interface TruthGroup {
  count: number;
  startFunc: string;
  blockedIn?: string;
  waitReason: string;
  traceReason: string;
  inLeakProfile?: boolean;
  ids: number[];
  leakedIds?: number[];
}
export interface Truth {
  scenario: string;
  kind: 'leak' | 'healthy';
  goVersion: string;
  leaks: TruthGroup[];
  healthy: TruthGroup[];
}

export type CorpusKind = 'trace' | 'debug2' | 'debug1' | 'debug0' | 'goroutineleak' | 'series' | 'all';

/** Files of each input kind, relative to the scenario folder. */
export function filesFor(kind: CorpusKind, dir: string): string[] {
  const has = (f: string) => existsSync(join(dir, f));
  switch (kind) {
    case 'trace':
      return ['trace.out'].filter(has);
    case 'debug2':
      return ['goroutine.debug2.txt'].filter(has);
    case 'debug1':
      return ['goroutine.debug1.txt'].filter(has);
    case 'debug0':
      return ['goroutine.pb.gz'].filter(has);
    case 'goroutineleak':
      return ['goroutineleak.pb.gz', 'goroutineleak.debug1.txt', 'goroutineleak.debug2.txt'].filter(has);
    case 'series':
      return readdirSync(dir)
        .filter((f) => /^goroutine-\d+\.pb\.gz$/.test(f))
        .sort();
    case 'all':
      return readdirSync(dir)
        .filter((f) => f !== 'truth.json')
        .sort();
  }
}

export interface Loaded {
  inputs: AnalysisInput[];
  /** Files a parser refused with a reason (none in the corpus: every trace version is read). */
  refused: string[];
}

export async function load(dir: string, files: readonly string[]): Promise<Loaded> {
  const inputs: AnalysisInput[] = [];
  const refused: string[] = [];
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(join(dir, f)));
    const src = bytesSource(f, bytes);
    try {
      if (f.endsWith('.out')) inputs.push({ file: f, trace: await parseTrace(src) });
      else if (f.endsWith('.pb.gz')) inputs.push({ file: f, profile: await parsePprof(src) });
      else inputs.push({ file: f, profile: await parseGoroutineText(src) });
    } catch (e) {
      if (e instanceof ParseError && e.code === 'unsupported-version') refused.push(`${f}: ${e.message}`);
      else throw e;
    }
  }
  return { inputs, refused };
}

export function versions(): string[] {
  return readdirSync(FIXTURES)
    .filter((d) => /^go1\.\d+$/.test(d))
    .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
}

export function scenarios(version: string): string[] {
  return readdirSync(join(FIXTURES, version))
    .filter((s) => existsSync(join(FIXTURES, version, s, 'truth.json')))
    .sort();
}

export function readTruth(dir: string): Truth {
  return JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;
}

const KINDS_WITH_IDS = new Set<CorpusKind>(['trace', 'debug2', 'goroutineleak', 'all']);

export interface Score {
  /** Declared leak groups expected to be found by this input kind. */
  expected: number;
  found: number;
  /** Verdicts at medium or above. */
  flagged: number;
  truePositives: number;
  problems: string[];
}

function matches(v: Verdict, g: TruthGroup): boolean {
  if (v.startFunction !== g.startFunc) return false;
  return !g.blockedIn || !v.blockedAt || v.blockedAt.function === g.blockedIn;
}

/**
 * A declared leak counts as found when a verdict at medium or above names its start function and
 * blocking function and — for inputs that carry ids — exactly its goroutine ids. Every verdict at
 * medium or above must be such a leak (else it is a false positive, e.g. a healthy control).
 */
export function score(kind: CorpusKind, truth: Truth, verdicts: readonly Verdict[]): Score {
  const serious = verdicts.filter((v) => atLeast(v.confidence, 'medium'));
  const expectedGroups = truth.leaks.filter((g) => kind !== 'goroutineleak' || g.inLeakProfile === true);
  const problems: string[] = [];
  let found = 0;
  for (const g of expectedGroups) {
    const v = serious.find((x) => matches(x, g));
    if (!v) {
      const low = verdicts.find((x) => matches(x, g));
      problems.push(`${truth.scenario}: ${g.startFunc} not found at medium+${low ? ` (reported ${low.confidence})` : ''}`);
      continue;
    }
    if (KINDS_WITH_IDS.has(kind)) {
      const want = [...(kind === 'goroutineleak' ? (g.leakedIds ?? g.ids) : g.ids)].sort((a, b) => a - b);
      const got = [...(v.goroutineIds ?? [])].sort((a, b) => a - b);
      if (want.join(',') !== got.join(',')) {
        problems.push(`${truth.scenario}: ${g.startFunc} ids ${got.join(',')} ≠ truth ${want.join(',')}`);
        continue;
      }
    }
    found++;
  }
  let tp = 0;
  for (const v of serious) {
    if (truth.leaks.some((g) => matches(v, g))) tp++;
    else problems.push(`${truth.scenario}: false positive ${v.confidence} ${v.startFunction} (${v.explanation})`);
  }
  return { expected: expectedGroups.length, found, flagged: serious.length, truePositives: tp, problems };
}
