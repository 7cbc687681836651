// Rules → bits per parked goroutine: for every rule that can fire for the input kind, whether it
// fired for fact row i. A goroutine's log-odds is the fitted bias plus the weights of its bits;
// the same bits feed the fit (`npm run fit:rules`) and the verdicts, so they cannot drift apart.
// One byte per rule per row: a million parked goroutines and 35 rules cost 35 MB, once.
import type { ParkedFacts } from '../facts/parked';
import type { Rule } from '../rules';
import type { InputKind } from '../verdict';

export interface RowFeatures {
  readonly facts: ParkedFacts;
  /** Weighted rules that can fire for this input kind, in column order. */
  readonly weighted: readonly Rule[];
  /** Floors and caps that can fire for this input kind. */
  readonly bounds: readonly Rule[];
  /** facts.count × weighted.length: 1 where the rule fired for the row. */
  readonly bits: Uint8Array;
  /** facts.count × bounds.length. */
  readonly boundBits: Uint8Array;
}

export function rulesFor(rules: readonly Rule[], kind: InputKind): { weighted: Rule[]; bounds: Rule[] } {
  const usable = rules.filter((r) => r.inputs.includes(kind));
  return { weighted: usable.filter((r) => r.kind === 'weighted'), bounds: usable.filter((r) => r.kind !== 'weighted') };
}

export function rowFeatures(f: ParkedFacts, rules: readonly Rule[]): RowFeatures {
  const { weighted, bounds } = rulesFor(rules, f.kind);
  const W = weighted.length;
  const B = bounds.length;
  const bits = new Uint8Array(f.count * W);
  const boundBits = new Uint8Array(f.count * B);
  for (let i = 0; i < f.count; i++) {
    for (let r = 0; r < W; r++) if (weighted[r].applies(f, i)) bits[i * W + r] = 1;
    for (let b = 0; b < B; b++) if (bounds[b].applies(f, i)) boundBits[i * B + b] = 1;
  }
  return { facts: f, weighted, bounds, bits, boundBits };
}
