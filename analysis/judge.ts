// Facts → suspect groups: every parked goroutine gets its own level from the fitted model (plus
// floors and caps); the goroutines of one fingerprint at one level form one suspect group, whose
// explanation and evidence are written from the rules that fired for its members — nothing else —
// so the words always say why this confidence. Linear in goroutines: sub-groups are row ranges of
// one counting sort, ids are collected per range, nothing is spread into a call.
import { describeGroup, parkedTail, waitMinutesTail } from './phrasing';
import type { ParkedFacts } from './facts/parked';
import { WAIT_CLASSES } from './facts/parked';
import { RULES, type Rule } from './rules';
import { rowFeatures, type RowFeatures } from './score/features';
import { LEVELS, modelKindOf, scoreRows, sigmoid, weightVector, type Model } from './score/model';
import type { Evidence, FiredRule, SuspectGroup } from './verdict';
import { waitReasonLabel, type WaitClass } from './wait-class';

/** Fact rows by (group, level): rows of key k are order[start[k] .. start[k+1]), k = group × 4 + level. */
export interface GroupRows {
  readonly order: Uint32Array;
  readonly start: Uint32Array;
}

export function groupRows(f: ParkedFacts, level: Uint8Array): GroupRows {
  const K = f.groups.length * 4;
  const start = new Uint32Array(K + 1);
  const key = (i: number) => f.group[i] * 4 + level[i];
  for (let i = 0; i < f.count; i++) start[key(i) + 1]++;
  for (let k = 0; k < K; k++) start[k + 1] += start[k];
  const next = start.slice(0, K);
  const order = new Uint32Array(f.count);
  for (let i = 0; i < f.count; i++) order[next[key(i)]++] = i;
  return { order, start };
}

function mostCommonClass(f: ParkedFacts, rows: GroupRows, g: number): WaitClass {
  const counts = new Float64Array(WAIT_CLASSES.length);
  for (let k = rows.start[g]; k < rows.start[g + 1]; k++) counts[f.waitClass[rows.order[k]]] += f.weight[rows.order[k]];
  let best = 0;
  for (let c = 1; c < counts.length; c++) if (counts[c] > counts[best]) best = c;
  return WAIT_CLASSES[best];
}

function range(f: ParkedFacts, rows: GroupRows, g: number, value: (i: number) => number): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let k = rows.start[g]; k < rows.start[g + 1]; k++) {
    const v = value(rows.order[k]);
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : undefined;
}

/** Examples kept per fired rule for its words. */
const EXAMPLES = 8;

interface SubGroup {
  readonly feat: RowFeatures;
  readonly rows: GroupRows;
  readonly k: number;
  readonly size: number;
}

/** The rules that fired for the sub-group's members, strongest first, with their words. */
function firedRules(sg: SubGroup, weights: Float64Array, source: string): FiredRule[] {
  const { feat, rows, k, size } = sg;
  const f = feat.facts;
  const info = f.groups[Math.floor(k / 4)];
  const all: { rule: Rule; col: number; bound: boolean }[] = [
    ...feat.bounds.map((rule, col) => ({ rule, col, bound: true })),
    ...feat.weighted.map((rule, col) => ({ rule, col, bound: false })),
  ];
  const out: FiredRule[] = [];
  for (const { rule, col, bound } of all) {
    const width = bound ? feat.bounds.length : feat.weighted.length;
    const bits = bound ? feat.boundBits : feat.bits;
    let members = 0;
    const examples: number[] = [];
    for (let j = rows.start[k]; j < rows.start[k + 1]; j++) {
      const i = rows.order[j];
      if (!bits[i * width + col]) continue;
      members += f.weight[i];
      if (examples.length < EXAMPLES) examples.push(i);
    }
    if (members === 0) continue;
    const weight = bound ? 0 : weights[col];
    const detail = rule.detail({ group: info, members, total: size, facts: f, rows: examples });
    out.push({
      rule: rule.id,
      kind: rule.kind,
      weight,
      members,
      contribution: (weight * members) / size,
      ...(rule.bound ? { bound: rule.bound } : {}),
      detail,
      source,
    });
  }
  return out.sort((a, b) => (a.kind === 'weighted' ? 1 : 0) - (b.kind === 'weighted' ? 1 : 0) || Math.abs(b.contribution) - Math.abs(a.contribution));
}

/** The clause that says why this confidence: the strongest rule pushing that way that has one. */
function clauseFor(sg: SubGroup, fired: readonly FiredRule[], up: boolean): string | undefined {
  const f = sg.feat.facts;
  const info = f.groups[Math.floor(sg.k / 4)];
  for (const r of fired) {
    const pushes = r.kind === 'floor' ? up : r.kind === 'cap' ? !up : up ? r.contribution > 0 : r.contribution < 0;
    if (!pushes) continue;
    const rule = RULES.find((x) => x.id === r.rule);
    if (rule?.clause) return rule.clause({ group: info, members: r.members, total: sg.size, facts: f, rows: [] });
  }
  return undefined;
}

function tailFor(f: ParkedFacts, rows: GroupRows, g: number): string | undefined {
  if (f.kind !== 'trace') {
    const minutes = range(f, rows, g, (i) => f.waitMinutes[i]);
    return minutes && minutes.max > 0 ? waitMinutesTail(minutes.max) : undefined;
  }
  const frac = range(f, rows, g, (i) => f.parkedFraction[i]);
  if (!frac) return undefined;
  return parkedTail(frac.max, f.durationNs, frac.min >= 1);
}

export interface JudgeOptions {
  readonly model: Model;
  readonly rules?: readonly Rule[];
}

export function judge(f: ParkedFacts, opts: JudgeOptions): SuspectGroup[] {
  const feat = rowFeatures(f, opts.rules ?? RULES);
  const model = opts.model.kinds[modelKindOf(f.kind)];
  const { logit, level } = scoreRows(model, feat);
  const weights = weightVector(model, feat);
  const rows = groupRows(f, level);
  const out: SuspectGroup[] = [];
  for (let k = 0; k < rows.start.length - 1; k++) {
    if (rows.start[k + 1] === rows.start[k]) continue;
    const info = f.groups[Math.floor(k / 4)];
    const confidence = LEVELS[k % 4];
    let size = 0;
    let meanLogit = 0;
    for (let j = rows.start[k]; j < rows.start[k + 1]; j++) {
      size += f.weight[rows.order[j]];
      meanLogit += logit[rows.order[j]] * f.weight[rows.order[j]];
    }
    meanLogit /= size || 1;
    const sg: SubGroup = { feat, rows, k, size };
    const fired = firedRules(sg, weights, f.source);
    const evidence: Evidence[] = fired.map((r) => ({ kind: r.rule, detail: r.detail, source: r.source }));
    const cls = mostCommonClass(f, rows, k);
    const ids: number[] = [];
    for (let j = rows.start[k]; j < rows.start[k + 1]; j++) {
      const id = f.id[rows.order[j]];
      if (!Number.isNaN(id)) ids.push(id);
    }
    ids.sort((a, b) => a - b);
    const dur = f.durationNs;
    const blockedFor = f.kind === 'trace' ? range(f, rows, k, (i) => f.parkedFraction[i] * dur) : undefined;
    const minutes = range(f, rows, k, (i) => (f.waitMinutes[i] > 0 ? f.waitMinutes[i] : NaN));
    const proven = confidence === 'proven';
    out.push({
      fingerprint: info.fingerprint,
      source: f.source,
      inputKind: f.kind,
      confidence,
      count: size,
      waitClass: cls,
      waitReason: info.reason || waitReasonLabel(cls),
      entryFunction: info.entry,
      createdBy: info.createdBy,
      blockedAt: info.blockedAt,
      stack: info.stack,
      goroutineIds: ids.length > 0 ? ids : undefined,
      blockedForNs: blockedFor,
      blockedSinceNs: blockedFor ? { min: dur - blockedFor.max, max: dur - blockedFor.min } : undefined,
      waitMinutes: minutes,
      probability: sigmoid(meanLogit),
      fired,
      explanation: describeGroup({
        count: size,
        entryFunction: info.entry,
        createdBy: info.createdBy,
        waitClass: cls,
        blockedAt: info.blockedAt,
        tail: tailFor(f, rows, k),
        clause: proven ? undefined : clauseFor(sg, fired, confidence !== 'low'),
        proven,
      }),
      evidence,
    });
  }
  return out;
}
