// Ablation, in-sample and fast: every weighted rule is dropped in turn and the corpus is scored
// again with the committed weights (no refit, so this shows what each rule carries in the model as
// fitted; the held-out ablation, refitting without the rule, is `npm run eval:detect`). Printed for
// the reader. Asserted: a rule the corpus never exercises carries no weight (the fit invents
// nothing for it: it is listed as unexercised, in docs/analysis.md too), and most rules are
// exercised.
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../../analysis/rules';
import { evaluate, familyBalanced, type Evaluation, type LabelledRun } from '../../../analysis/score/evaluate';
import { DEFAULT_MODEL } from '../../../analysis/score/weights';
import { loadLabelledRuns } from '../../eval/labelled-corpus';
import { withoutRule } from '../../eval/report-eval';

let runs: LabelledRun[];
let all: Evaluation;

beforeAll(async () => {
  runs = await loadLabelledRuns();
  all = evaluate(DEFAULT_MODEL, runs);
}, 600_000);

const weighted = RULES.filter((r) => r.kind === 'weighted');

function firings(rs: readonly LabelledRun[], ruleId: string): number {
  let n = 0;
  for (const run of rs) {
    for (const inp of run.inputs) {
      const col = inp.feat.weighted.findIndex((r) => r.id === ruleId);
      if (col < 0) continue;
      const w = inp.feat.weighted.length;
      for (let i = 0; i < inp.feat.facts.count; i++) n += inp.feat.bits[i * w + col];
    }
  }
  return n;
}

/** Family-balanced points (×100) for the figures a user feels: trace recall, healthy rate, all-inputs recall. */
function figures(ev: Evaluation): [number, number, number] {
  return [
    100 * familyBalanced(ev, 'trace', 'recall').value,
    100 * familyBalanced(ev, 'trace', 'healthyRate').value,
    100 * familyBalanced(ev, 'all', 'recall').value,
  ];
}

describe('ablation (committed weights, one rule dropped)', () => {
  it('prints what dropping each rule changes; a rule that never fires in the corpus weighs nothing', () => {
    const base = figures(all);
    const lines = [`${'rule'.padEnd(32)} ${'fires'.padStart(7)}  Δ trace recall  Δ trace healthy  Δ all recall (family-balanced points)`];
    const dead: string[] = [];
    for (const rule of weighted) {
      const n = firings(runs, rule.id);
      const d = figures(evaluate(DEFAULT_MODEL, withoutRule(runs, rule.id))).map((v, k) => v - base[k]);
      lines.push(`${rule.id.padEnd(32)} ${String(n).padStart(7)}  ${d.map((x) => (x >= 0 ? '+' : '') + x.toFixed(2)).map((s) => s.padStart(14)).join('  ')}`);
      if (n === 0) dead.push(rule.id);
    }
    console.log(lines.join('\n'));
    console.log(`unexercised by the corpus (weight 0): ${dead.join(', ') || 'none'}`);
    for (const id of dead) {
      for (const [kind, m] of Object.entries(DEFAULT_MODEL.kinds)) expect(m.weights[id] ?? 0, `${id} (${kind})`).toBe(0);
    }
    expect(dead.length).toBeLessThan(weighted.length / 5);
  }, 600_000);
});
