// The fitted model: per input kind a bias, one log-odds weight per weighted rule, and two
// probability thresholds (medium, high). `npm run fit:rules` writes weights.json from the labelled
// corpus (docs/leak-corpus.md); nothing here is tuned by hand. Every parked goroutine gets its own
// level, so twelve instances of one function can split into "9 leaked, 3 still in use".
import { CONFIDENCES, confidenceRank, type Confidence, type InputKind } from '../verdict';
import type { RowFeatures } from './features';

export type ModelKind = 'trace' | 'debug2' | 'debug1' | 'debug0';

export interface KindModel {
  readonly bias: number;
  /** Log-odds weight per rule id (missing: 0). */
  readonly weights: Readonly<Record<string, number>>;
  /** Probability at and above which a goroutine is medium / high. */
  readonly medium: number;
  readonly high: number;
  /** The ridge penalty the fit chose (informational). */
  readonly l2?: number;
}

export interface Model {
  readonly version: 1;
  /** How the weights were obtained (corpus, programs, families). */
  readonly fitted: Readonly<Record<string, string | number>>;
  readonly kinds: Readonly<Record<ModelKind, KindModel>>;
}

/** A goroutineleak profile's own groups are proofs; its shape is a debug=0 or debug=2 profile. */
export function modelKindOf(kind: InputKind): ModelKind {
  return kind === 'goroutineleak' ? 'debug0' : kind;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Levels as small numbers for typed arrays: 0 low … 3 proven. */
export const LEVELS: readonly Confidence[] = [...CONFIDENCES].reverse();
export const levelOf = (c: Confidence): number => confidenceRank(c) - 1;

export interface RowScores {
  readonly logit: Float64Array;
  /** LEVELS index per row, after caps and floors. */
  readonly level: Uint8Array;
}

/** Column indices of the model's weights in the feature order. */
export function weightVector(model: KindModel, feat: Pick<RowFeatures, 'weighted'>): Float64Array {
  return Float64Array.from(feat.weighted, (r) => model.weights[r.id] ?? 0);
}

export function scoreRows(model: KindModel, feat: RowFeatures): RowScores {
  const n = feat.facts.count;
  const W = feat.weighted.length;
  const B = feat.bounds.length;
  const w = weightVector(model, feat);
  const logit = new Float64Array(n);
  const level = new Uint8Array(n);
  const medium = Math.log(model.medium / (1 - model.medium));
  const high = model.high >= 1 ? Infinity : Math.log(model.high / (1 - model.high));
  for (let i = 0; i < n; i++) {
    let z = model.bias;
    for (let r = 0; r < W; r++) if (feat.bits[i * W + r]) z += w[r];
    logit[i] = z;
    let lv = z >= high ? 2 : z >= medium ? 1 : 0;
    // Caps first (a sleep ends by itself), then floors (a proof or `select {}` overrides a cap).
    for (const pass of ['cap', 'floor'] as const)
      for (let b = 0; b < B; b++) {
        const rule = feat.bounds[b];
        if (rule.kind !== pass || !rule.bound || !feat.boundBits[i * B + b]) continue;
        const bound = levelOf(rule.bound);
        if (pass === 'cap' ? lv > bound : lv < bound) lv = bound;
      }
    level[i] = lv;
  }
  return { logit, level };
}
