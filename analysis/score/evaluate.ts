// Scoring a model against labelled runs, per goroutine and per group, by input kind and by
// family; and leave-one-family-out: every family scored by a model fitted without it. Pure.
// Levels come from the same scoring (scoreRows) and the same fusion (fuseParts) as the analysis.
import { fuseParts, type Part } from '../fuse';
import type { InputKind } from '../verdict';
import { fitModel, type LabelledInput } from './fit';
import { modelKindOf, scoreRows, sigmoid, type Model } from './model';

/** One input of a labelled run, with its labelled totals. */
export interface RunInput extends LabelledInput {
  /** Labelled goroutines parked in this input, whether or not its facts kept them. */
  readonly leakedTotal: number;
  readonly healthyTotal: number;
}

/** One program run (one toolchain) and its inputs. */
export interface LabelledRun {
  readonly family: string;
  readonly program: string;
  readonly inputs: readonly RunInput[];
}

export type EvalKind = InputKind | 'all';

export interface Tally {
  leaked: number;
  leakedFlagged: number;
  healthy: number;
  healthyFlagged: number;
  healthyHigh: number;
  leakedGroups: number;
  leakedGroupsFlagged: number;
  flaggedGroups: number;
  flaggedGroupsLeaked: number;
  /** Leaking runs, and those whose first verdict is a real leak at medium or above. */
  leakingRuns: number;
  rankedRight: number;
  runs: number;
}

export const emptyTally = (): Tally => ({
  leaked: 0,
  leakedFlagged: 0,
  healthy: 0,
  healthyFlagged: 0,
  healthyHigh: 0,
  leakedGroups: 0,
  leakedGroupsFlagged: 0,
  flaggedGroups: 0,
  flaggedGroupsLeaked: 0,
  leakingRuns: 0,
  rankedRight: 0,
  runs: 0,
});

export function addTally(a: Tally, b: Tally): void {
  for (const k of Object.keys(a) as (keyof Tally)[]) a[k] += b[k];
}

/** A verdict as the evaluation sees it: one fingerprint at one level, with its labels. */
interface Scored {
  fingerprint: string;
  level: number;
  probability: number;
  count: number;
  leaked: number;
  healthy: number;
}

/** Sub-verdicts of one input (fingerprint × level), with per-id labels kept for fusion. */
function scoreInput(model: Model, inp: RunInput): { verdicts: Scored[]; parts: Map<string, Part<Scored>[]> } {
  const m = model.kinds[modelKindOf(inp.kind)];
  const f = inp.feat.facts;
  const { logit, level } = scoreRows(m, inp.feat);
  const byKey = new Map<number, Scored & { logitSum: number; ids: number[] }>();
  for (let i = 0; i < f.count; i++) {
    const key = f.group[i] * 4 + level[i];
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { fingerprint: f.groups[f.group[i]].fingerprint, level: level[i], probability: 0, count: 0, leaked: 0, healthy: 0, logitSum: 0, ids: [] }));
    s.count += f.weight[i];
    s.leaked += inp.leaked[i];
    s.healthy += inp.healthy[i];
    s.logitSum += logit[i] * f.weight[i];
    if (!Number.isNaN(f.id[i])) s.ids.push(f.id[i]);
  }
  const verdicts: Scored[] = [];
  const parts = new Map<string, Part<Scored>[]>();
  for (const s of byKey.values()) {
    s.probability = sigmoid(s.logitSum / (s.count || 1));
    verdicts.push(s);
    const list = parts.get(s.fingerprint) ?? [];
    list.push({
      ids: s.ids.length > 0 ? s.ids : undefined,
      count: s.count,
      level: s.level,
      probability: s.probability,
      kind: inp.kind,
      source: inp.program + inp.kind,
      order: -1,
      proof: inp.kind === 'goroutineleak',
      payload: s,
    });
    parts.set(s.fingerprint, list);
  }
  return { verdicts, parts };
}

function tally(verdicts: readonly Scored[], totals: { leakedTotal: number; healthyTotal: number }): Tally {
  const t = emptyTally();
  t.runs = 1;
  t.leaked = totals.leakedTotal;
  t.healthy = totals.healthyTotal;
  const leakedByFp = new Map<string, { leaked: number; healthy: number; flagged: boolean }>();
  let first: Scored | undefined;
  for (const s of verdicts) {
    const flagged = s.level >= 1;
    if (flagged) {
      t.leakedFlagged += s.leaked;
      t.healthyFlagged += s.healthy;
      t.flaggedGroups++;
      if (s.leaked > s.healthy) t.flaggedGroupsLeaked++;
    }
    if (s.level === 2) t.healthyHigh += s.healthy;
    const g = leakedByFp.get(s.fingerprint) ?? { leaked: 0, healthy: 0, flagged: false };
    g.leaked += s.leaked;
    g.healthy += s.healthy;
    g.flagged ||= flagged && s.leaked > 0;
    leakedByFp.set(s.fingerprint, g);
    if (!first || s.level > first.level || (s.level === first.level && (s.probability - first.probability || s.count - first.count) > 0)) first = s;
  }
  for (const g of leakedByFp.values()) {
    if (g.leaked <= 0 || g.leaked < g.healthy) continue;
    t.leakedGroups++;
    if (g.flagged) t.leakedGroupsFlagged++;
  }
  if (totals.leakedTotal > 0) {
    t.leakingRuns = 1;
    if (first && first.leaked > first.healthy && first.level >= 1) t.rankedRight = 1;
  }
  return t;
}

/** Per input kind, and 'all': every input of the run fused as the analysis fuses them. */
export function evaluateRun(model: Model, run: LabelledRun): Map<EvalKind, Tally> {
  const out = new Map<EvalKind, Tally>();
  const allParts = new Map<string, Part<Scored>[]>();
  // Per-id labels for the fused verdicts come from the inputs with ids.
  const labelOf = new Map<number, 'leaked' | 'healthy'>();
  for (const inp of run.inputs) {
    const { verdicts, parts } = scoreInput(model, inp);
    out.set(inp.kind, tally(verdicts, inp));
    for (const [fp, list] of parts) allParts.set(fp, [...(allParts.get(fp) ?? []), ...list]);
    const f = inp.feat.facts;
    for (let i = 0; i < f.count; i++) {
      if (Number.isNaN(f.id[i])) continue;
      if (inp.leaked[i] > 0) labelOf.set(f.id[i], 'leaked');
      else if (inp.healthy[i] > 0) labelOf.set(f.id[i], 'healthy');
    }
  }
  const fused: Scored[] = [];
  for (const [fp, parts] of allParts) {
    for (const r of fuseParts(parts)) {
      let leaked = 0;
      let healthy = 0;
      if (r.ids) {
        for (const id of r.ids) {
          const l = labelOf.get(id);
          if (l === 'leaked') leaked++;
          else if (l === 'healthy') healthy++;
        }
      } else {
        leaked = r.lead.payload.leaked;
        healthy = r.lead.payload.healthy;
      }
      fused.push({ fingerprint: fp, level: r.level, probability: r.lead.probability, count: r.count, leaked, healthy });
    }
  }
  const totals = {
    leakedTotal: run.inputs.reduce((m, i) => Math.max(m, i.leakedTotal), 0),
    healthyTotal: run.inputs.reduce((m, i) => Math.max(m, i.healthyTotal), 0),
  };
  out.set('all', tally(fused, totals));
  return out;
}

export interface Evaluation {
  /** kind → tally over every run. */
  readonly byKind: Map<EvalKind, Tally>;
  /** family → kind → tally. */
  readonly byFamily: Map<string, Map<EvalKind, Tally>>;
}

function accumulate(into: Evaluation, family: string, perKind: Map<EvalKind, Tally>): void {
  let fam = into.byFamily.get(family);
  if (!fam) into.byFamily.set(family, (fam = new Map()));
  for (const [k, t] of perKind) {
    for (const m of [into.byKind, fam]) {
      let acc = m.get(k);
      if (!acc) m.set(k, (acc = emptyTally()));
      addTally(acc, t);
    }
  }
}

/** In-sample: one model for every run. */
export function evaluate(model: Model, runs: readonly LabelledRun[]): Evaluation {
  const ev: Evaluation = { byKind: new Map(), byFamily: new Map() };
  for (const run of runs) accumulate(ev, run.family, evaluateRun(model, run));
  return ev;
}

/** Leave-one-family-out: each family scored by a model fitted on the others. */
export function leaveOneFamilyOut(runs: readonly LabelledRun[], only?: (family: string) => boolean): Evaluation {
  const ev: Evaluation = { byKind: new Map(), byFamily: new Map() };
  const families = [...new Set(runs.map((r) => r.family))].sort();
  for (const fam of families) {
    if (only && !only(fam)) continue;
    const model = fitModel(runs.filter((r) => r.family !== fam).flatMap((r) => r.inputs));
    for (const run of runs) if (run.family === fam) accumulate(ev, fam, evaluateRun(model, run));
  }
  return ev;
}

export const recall = (t: Tally): number => (t.leaked === 0 ? NaN : t.leakedFlagged / t.leaked);
export const healthyRate = (t: Tally): number => (t.healthy === 0 ? NaN : t.healthyFlagged / t.healthy);
export const groupRecall = (t: Tally): number => (t.leakedGroups === 0 ? NaN : t.leakedGroupsFlagged / t.leakedGroups);
export const groupPrecision = (t: Tally): number => (t.flaggedGroups === 0 ? NaN : t.flaggedGroupsLeaked / t.flaggedGroups);
export const precision = (t: Tally): number => (t.leakedFlagged + t.healthyFlagged === 0 ? NaN : t.leakedFlagged / (t.leakedFlagged + t.healthyFlagged));

/** Mean over families of a per-family figure (each family counts once), and how many families had it. */
export function familyBalanced(ev: Evaluation, kind: EvalKind, figure: 'recall' | 'healthyRate'): { value: number; families: number } {
  const values: number[] = [];
  for (const m of ev.byFamily.values()) {
    const t = m.get(kind);
    if (!t) continue;
    if (figure === 'recall' && t.leaked > 0) values.push(recall(t));
    if (figure === 'healthyRate' && t.healthy > 0) values.push(healthyRate(t));
  }
  return { value: values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN, families: values.length };
}
