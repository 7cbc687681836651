// Reads every labelled run the leak model learns from and is graded on:
//  - the labelled leak corpus, test/corpus/leaks/<toolchain>/<family>/<program>/labels.json
//    (docs/leak-corpus.md: labels by the runtime's GC proof and by release);
//  - the 25 fixture scenarios, test/fixtures/go1.XX/<scenario>/truth.json (declared by their
//    programs), one family per scenario so its six Go versions are held out together.
// Each input (trace, debug=2/1/0, goroutineleak) becomes facts → rule features with the labels
// of its groups. Parsing is the costly part; a run's inputs are parsed once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { NO_RULES } from '../../analysis/ignore';
import { profileFacts } from '../../analysis/facts/profile-facts';
import { traceFacts } from '../../analysis/facts/trace-facts';
import type { ParkedFacts } from '../../analysis/facts/parked';
import { RULES } from '../../analysis/rules';
import { rowFeatures } from '../../analysis/score/features';
import type { LabelledRun, RunInput } from '../../analysis/score/evaluate';
import { modelKindOf } from '../../analysis/score/model';
import { bytesSource, GoState, ParseError, type GoroutineProfile, type ParsedTrace } from '../../parsers/model';
import { parseGoroutineText } from '../../parsers/goroutines/index';
import { parsePprof } from '../../parsers/pprof/index';
import { parseTrace } from '../../parsers/trace/index';
import { corpus, fixtures } from '../support/corpus';

/**
 * `unproven`: a test suite's goroutine the GC did not prove leaked (labelled healthy/default in
 * labels.json). That is the absence of a proof, not a machine label of health — bigcache's
 * tests leave cleanup tickers running that nothing will stop, for instance — so these goroutines
 * are neither fitted on nor scored; `npm run eval:detect` reports how many are flagged.
 */
export type Label = 'leaked' | 'healthy' | 'unproven';

interface LabelsFile {
  program: string;
  family: string;
  kind?: 'program' | 'suite';
  goVersion: string;
  goroutines: { id: number; label: 'leaked' | 'healthy'; how: string }[];
}

interface TruthFile {
  scenario: string;
  leaks: { ids: number[] }[];
  healthy: { ids: number[] }[];
}

/** Where a run's files are and what its goroutines are. */
export interface RunSource {
  readonly family: string;
  readonly program: string;
  readonly dir: string;
  readonly labels: ReadonlyMap<number, Label>;
  /** 'leaks' (the labelled corpus) or 'fixtures' (the parser fixtures' declared truth). */
  readonly origin: 'leaks' | 'fixtures';
  readonly suite: boolean;
}

function listDirs(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
}

export function labelledCorpusSources(): RunSource[] {
  const out: RunSource[] = [];
  const root = corpus('leaks');
  for (const tc of listDirs(root))
    for (const fam of listDirs(join(root, tc)))
      for (const prog of listDirs(join(root, tc, fam))) {
        const dir = join(root, tc, fam, prog);
        const file = join(dir, 'labels.json');
        if (!existsSync(file)) continue;
        const l = JSON.parse(readFileSync(file, 'utf8')) as LabelsFile;
        out.push({
          family: l.family,
          program: `${l.program}@${tc}`,
          dir,
          labels: new Map(l.goroutines.map((g) => [g.id, g.how === 'default' ? 'unproven' : g.label])),
          origin: 'leaks',
          suite: l.kind === 'suite',
        });
      }
  return out;
}

export function fixtureSources(): RunSource[] {
  const out: RunSource[] = [];
  for (const v of listDirs(fixtures()).filter((d) => /^go1\.\d+$/.test(d)))
    for (const sc of listDirs(fixtures(v))) {
      const dir = fixtures(v, sc);
      if (!existsSync(join(dir, 'truth.json'))) continue;
      const t = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as TruthFile;
      const labels = new Map<number, Label>();
      for (const g of t.leaks) for (const id of g.ids) labels.set(id, 'leaked');
      for (const g of t.healthy) for (const id of g.ids) labels.set(id, 'healthy');
      out.push({ family: `fixture/${sc}`, program: `${sc}@${v}`, dir, labels, origin: 'fixtures', suite: false });
    }
  return out;
}

/** The files of a run, by input kind (the goroutineleak profile in its proto form). */
const FILES: readonly [RunInput['kind'], readonly string[]][] = [
  ['trace', ['trace.out', 'trace.out.gz']],
  ['debug2', ['goroutine.debug2.txt']],
  ['debug1', ['goroutine.debug1.txt']],
  ['debug0', ['goroutine.pb.gz']],
  ['goroutineleak', ['goroutineleak.pb.gz']],
];

async function parseInput(dir: string, file: string): Promise<ParsedTrace | GoroutineProfile | undefined> {
  let bytes = new Uint8Array(readFileSync(join(dir, file)));
  if (file.endsWith('.out.gz')) bytes = new Uint8Array(gunzipSync(bytes));
  const src = bytesSource(file, bytes);
  try {
    if (file.startsWith('trace.out')) return await parseTrace(src);
    if (file.endsWith('.pb.gz')) {
      const p = await parsePprof(src);
      return p.kind === 'goroutines' ? p : undefined;
    }
    return await parseGoroutineText(src);
  } catch (e) {
    if (e instanceof ParseError && e.code === 'unsupported-version') return undefined; // v1 traces, until that reader lands
    throw e;
  }
}

/** Labelled goroutines parked in a parsed input (ids), by label. */
function parkedTotals(m: ParsedTrace | GoroutineProfile, labels: ReadonlyMap<number, Label>): { leaked: number; healthy: number } | undefined {
  let leaked = 0;
  let healthy = 0;
  const count = (id: number) => {
    const l = labels.get(id);
    if (l === 'leaked') leaked++;
    else if (l === 'healthy') healthy++;
  };
  if ('spans' in m) {
    const G = m.goroutines;
    for (let r = 0; r < G.count; r++) if (G.finalState[r] === GoState.Waiting) count(G.id[r]);
  } else if (m.goroutines) {
    for (const g of m.goroutines) if (!/^(running|runnable|syscall)/.test(g.state)) count(g.id);
  } else return undefined;
  return { leaked, healthy };
}

/** Per fact row: labelled leaked / healthy goroutines. Rows with ids by id; rows without (debug=0/1
 * groups) get their fingerprint's labels (from an input with ids) shared in proportion to their weight. */
function labelRows(facts: ParkedFacts, labels: ReadonlyMap<number, Label>, byFp?: ReadonlyMap<string, { leaked: number; healthy: number }>) {
  const leaked = new Float64Array(facts.count);
  const healthy = new Float64Array(facts.count);
  if (byFp) {
    const fpWeight = new Map<string, number>();
    for (let i = 0; i < facts.count; i++) {
      const fp = facts.groups[facts.group[i]].fingerprint;
      fpWeight.set(fp, (fpWeight.get(fp) ?? 0) + facts.weight[i]);
    }
    for (let i = 0; i < facts.count; i++) {
      const fp = facts.groups[facts.group[i]].fingerprint;
      const share = facts.weight[i] / (fpWeight.get(fp) ?? 1);
      leaked[i] = (byFp.get(fp)?.leaked ?? 0) * share;
      healthy[i] = (byFp.get(fp)?.healthy ?? 0) * share;
    }
  } else {
    for (let i = 0; i < facts.count; i++) {
      const l = labels.get(facts.id[i]);
      if (l === 'leaked') leaked[i] = 1;
      else if (l === 'healthy') healthy[i] = 1;
    }
  }
  return { leaked, healthy };
}

export async function loadRun(src: RunSource): Promise<LabelledRun> {
  const inputs: RunInput[] = [];
  let byFp: Map<string, { leaked: number; healthy: number }> | undefined;
  let idTotals = { leaked: 0, healthy: 0 };
  const later: { kind: RunInput['kind']; facts: ParkedFacts }[] = [];
  for (const [kind, names] of FILES) {
    const file = names.find((n) => existsSync(join(src.dir, n)));
    if (!file) continue;
    const m = await parseInput(src.dir, file);
    if (!m) continue;
    const facts = 'spans' in m ? traceFacts(m, file, NO_RULES).facts : profileFacts(m, file, NO_RULES).facts;
    const totals = parkedTotals(m, src.labels);
    if (!totals) {
      later.push({ kind, facts }); // debug=0/1: labelled by fingerprint once a dump with ids is read
      continue;
    }
    const { leaked, healthy } = labelRows(facts, src.labels);
    if (kind === 'debug2' || (kind === 'trace' && !byFp)) {
      const fps = new Map<string, { leaked: number; healthy: number }>();
      for (let i = 0; i < facts.count; i++) {
        const fp = facts.groups[facts.group[i]].fingerprint;
        const acc = fps.get(fp) ?? { leaked: 0, healthy: 0 };
        acc.leaked += leaked[i];
        acc.healthy += healthy[i];
        fps.set(fp, acc);
      }
      byFp = fps;
      idTotals = totals;
    }
    inputs.push(input(src, kind, facts, leaked, healthy, totals));
  }
  for (const { kind, facts } of later) {
    const { leaked, healthy } = labelRows(facts, src.labels, byFp ?? new Map());
    inputs.push(input(src, kind, facts, leaked, healthy, idTotals));
  }
  return { family: src.family, program: src.program, inputs };
}

function input(src: RunSource, kind: RunInput['kind'], facts: ParkedFacts, leaked: Float64Array, healthy: Float64Array, totals: { leaked: number; healthy: number }): RunInput {
  return {
    family: src.family,
    program: src.program,
    kind,
    model: modelKindOf(kind),
    feat: rowFeatures(facts, RULES),
    leaked,
    healthy,
    leakedTotal: totals.leaked,
    healthyTotal: totals.healthy,
  };
}

export async function loadLabelledRuns(which: 'all' | 'leaks' | 'fixtures' = 'all'): Promise<LabelledRun[]> {
  const sources = [...(which !== 'fixtures' ? labelledCorpusSources() : []), ...(which !== 'leaks' ? fixtureSources() : [])];
  const runs: LabelledRun[] = [];
  for (const s of sources) runs.push(await loadRun(s));
  return runs;
}
