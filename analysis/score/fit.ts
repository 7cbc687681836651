// Fitting the model on labelled goroutines: per input kind, a logistic regression over the rules'
// bits, then the two thresholds. Pure: the labelled corpus is read by the caller (test/eval), so
// the same code runs in `npm run fit:rules`, `npm run eval:detect` and the tests.
//
// Weighting: every family counts the same (a family with 40 programs must not outvote one with 4),
// and within a family a goroutine in a group of n counts 1/√n (a 10,000-goroutine leak matters
// more than one goroutine, but not 10,000 times more). Identical rows are merged before fitting.
// The ridge penalty and the thresholds come from out-of-fold predictions on the training families
// (an inner split by family), never from the fitted data itself: `medium` is the lowest probability
// at which at most MEDIUM_HEALTHY_RATE of healthy goroutines (family-balanced) would be flagged;
// `high` sits HIGH_MARGIN_LOGIT above the most confident healthy goroutine.
import type { InputKind } from '../verdict';
import type { RowFeatures } from './features';
import { fitLogistic } from './logistic';
import { sigmoid, type KindModel, type Model, type ModelKind } from './model';

export const MODEL_KINDS: readonly ModelKind[] = ['trace', 'debug2', 'debug1', 'debug0'];
/** Ridge penalties tried; the one with the best out-of-fold log-loss (inner family folds) is used. */
export const L2_GRID: readonly number[] = [0.003, 0.01, 0.03, 0.1, 0.3, 1];
export const MEDIUM_HEALTHY_RATE = 0.01;
export const HIGH_MARGIN_LOGIT = 0.5;
export const INNER_FOLDS = 5;

/** One input of one labelled program, with the labels of its fact rows. */
export interface LabelledInput {
  readonly family: string;
  readonly program: string;
  readonly kind: InputKind;
  readonly model: ModelKind;
  readonly feat: RowFeatures;
  /** Per fact row: labelled leaked / healthy goroutines it stands for (debug=0/1 rows: shares of their fingerprint's labels). */
  readonly leaked: Float64Array;
  readonly healthy: Float64Array;
}

/** Distinct (family, bits) rows with their summed leaked / healthy weights. */
interface Samples {
  readonly columns: readonly string[];
  readonly family: string[];
  readonly bits: Uint8Array[];
  readonly leaked: number[];
  readonly healthy: number[];
}

/** Rule ids (column order) of a model kind, taken from the first input of that kind. */
export function columnsOf(inputs: readonly LabelledInput[], kind: ModelKind): string[] {
  const first = inputs.find((i) => i.model === kind);
  return first ? first.feat.weighted.map((r) => r.id) : [];
}

/** Labelled goroutines per fingerprint group of an input (for the 1/√n weights). */
function groupSizes(inp: LabelledInput): Float64Array {
  const sizes = new Float64Array(inp.feat.facts.groups.length);
  for (let i = 0; i < inp.feat.facts.count; i++) sizes[inp.feat.facts.group[i]] += inp.leaked[i] + inp.healthy[i];
  return sizes;
}

function samplesOf(inputs: readonly LabelledInput[], columns: readonly string[]): Samples {
  const out: Samples = { columns, family: [], bits: [], leaked: [], healthy: [] };
  const index = new Map<string, number>();
  const famTotal = new Map<string, number>();
  const raw: { fam: string; key: string; bits: Uint8Array; leaked: number; healthy: number }[] = [];
  for (const inp of inputs) {
    const W = inp.feat.weighted.length;
    const cols = columns.map((c) => inp.feat.weighted.findIndex((r) => r.id === c));
    const sizes = groupSizes(inp);
    for (let i = 0; i < inp.feat.facts.count; i++) {
      const l = inp.leaked[i];
      const h = inp.healthy[i];
      if (l + h <= 0) continue;
      const scale = 1 / Math.sqrt(sizes[inp.feat.facts.group[i]]);
      const bits = Uint8Array.from(cols, (c) => (c < 0 ? 0 : inp.feat.bits[i * W + c]));
      raw.push({ fam: inp.family, key: `${inp.family}\n${bits.join('')}`, bits, leaked: l * scale, healthy: h * scale });
      famTotal.set(inp.family, (famTotal.get(inp.family) ?? 0) + (l + h) * scale);
    }
  }
  for (const r of raw) {
    const norm = famTotal.get(r.fam) ?? 1;
    let k = index.get(r.key);
    if (k === undefined) {
      k = out.bits.length;
      index.set(r.key, k);
      out.family.push(r.fam);
      out.bits.push(r.bits);
      out.leaked.push(0);
      out.healthy.push(0);
    }
    out.leaked[k] += r.leaked / norm;
    out.healthy[k] += r.healthy / norm;
  }
  return out;
}

function fitSamples(s: Samples, keep: (family: string) => boolean, l2: number): { bias: number; weights: Float64Array } {
  const d = s.columns.length;
  const x: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  s.bits.forEach((bits, k) => {
    if (!keep(s.family[k])) return;
    for (const [label, weight] of [
      [1, s.leaked[k]],
      [0, s.healthy[k]],
    ] as const) {
      if (weight <= 0) continue;
      for (const b of bits) x.push(b);
      y.push(label);
      w.push(weight);
    }
  });
  if (y.length === 0) return { bias: 0, weights: new Float64Array(d) };
  const fit = fitLogistic({ x: Float64Array.from(x), n: y.length, d, y: Uint8Array.from(y), w: Float64Array.from(w), l2 });
  return { bias: fit.bias, weights: fit.weights };
}

const logitOfBits = (m: { bias: number; weights: Float64Array }, bits: Uint8Array): number => {
  let z = m.bias;
  for (let j = 0; j < bits.length; j++) if (bits[j]) z += m.weights[j];
  return z;
};

/** Families split into `k` folds deterministically (sorted names, round robin). */
export function familyFolds(families: readonly string[], k: number): string[][] {
  const sorted = [...new Set(families)].sort();
  const folds: string[][] = Array.from({ length: Math.min(k, sorted.length) }, () => []);
  sorted.forEach((f, i) => folds[i % folds.length].push(f));
  return folds;
}

interface OutOfFold {
  /** Family-balanced log-loss, each sample predicted by a model fitted without its fold's families. */
  loss: number;
  /** Out-of-fold probability and family-balanced healthy share of every sample with healthy weight. */
  healthy: { p: number; share: number }[];
}

function outOfFold(s: Samples, l2: number): OutOfFold {
  const out: OutOfFold = { loss: 0, healthy: [] };
  // A sample's share of its family's healthy weight, over the families that have healthy goroutines.
  const famHealthy = new Map<string, number>();
  s.family.forEach((f, k) => s.healthy[k] > 0 && famHealthy.set(f, (famHealthy.get(f) ?? 0) + s.healthy[k]));
  for (const fold of familyFolds(s.family, INNER_FOLDS)) {
    const held = new Set(fold);
    const m = fitSamples(s, (f) => !held.has(f), l2);
    s.bits.forEach((bits, k) => {
      if (!held.has(s.family[k])) return;
      const p = Math.min(1 - 1e-9, Math.max(1e-9, sigmoid(logitOfBits(m, bits))));
      out.loss -= s.leaked[k] * Math.log(p) + s.healthy[k] * Math.log(1 - p);
      if (s.healthy[k] > 0) out.healthy.push({ p, share: s.healthy[k] / (famHealthy.get(s.family[k]) ?? 1) / famHealthy.size });
    });
  }
  return out;
}

/** Thresholds from out-of-fold probabilities of healthy goroutines (family-balanced shares). */
function thresholds(healthy: { p: number; share: number }[]): { medium: number; high: number } {
  const items = [...healthy].sort((a, b) => b.p - a.p);
  // Flag from the top down while the flagged healthy share stays within the rate; the first
  // healthy sample that would exceed it (and every tie with it) stays below `medium`. Never below
  // 0.5: a goroutine must look more leaked than not.
  let flagged = 0;
  let medium = 0.5;
  for (const it of items) {
    if (flagged + it.share > MEDIUM_HEALTHY_RATE) {
      medium = Math.max(medium, it.p + 1e-6);
      break;
    }
    flagged += it.share;
  }
  const worst = items.length > 0 ? items[0].p : 0;
  const worstLogit = Math.log(Math.max(worst, 1e-12) / Math.max(1 - worst, 1e-12));
  const high = Math.max(medium, sigmoid(worstLogit + HIGH_MARGIN_LOGIT));
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { medium: round(medium), high: Math.min(0.999999, round(high)) };
}

/**
 * Fits every model kind on `inputs`: the ridge penalty and the thresholds are chosen from inner
 * family folds (out-of-fold predictions only), then the weights are fitted on all of `inputs`.
 */
export function fitModel(inputs: readonly LabelledInput[], fitted: Record<string, string | number> = {}): Model {
  const kinds = {} as Record<ModelKind, KindModel>;
  for (const kind of MODEL_KINDS) {
    const columns = columnsOf(inputs, kind);
    const s = samplesOf(
      inputs.filter((i) => i.model === kind),
      columns,
    );
    let best: { l2: number; oof: OutOfFold } | undefined;
    for (const l2 of L2_GRID) {
      const oof = outOfFold(s, l2);
      if (!best || oof.loss < best.oof.loss) best = { l2, oof };
    }
    const l2 = best?.l2 ?? L2_GRID[L2_GRID.length - 1];
    const m = fitSamples(s, () => true, l2);
    const weights: Record<string, number> = {};
    columns.forEach((c, j) => (weights[c] = Math.round(m.weights[j] * 1e6) / 1e6));
    kinds[kind] = { bias: Math.round(m.bias * 1e6) / 1e6, weights, ...thresholds(best?.oof.healthy ?? []), l2 };
  }
  return { version: 1, fitted, kinds };
}
