// `npm run eval:detect`: how well the leak verdicts hold, measured honestly. Prints, per input
// kind and per family, recall (leaked goroutines at medium or above), the healthy rate (healthy
// parked goroutines at medium or above), healthy at high, group recall/precision and ranking —
// leave-one-family-out (every family scored by weights fitted without it) and, for comparison,
// in-sample with the committed weights. Also an ablation: the held-out trace figures with each
// rule dropped. `--kind trace` etc. limits the tables; `--no-ablation` skips the slow part.
import { RULES } from '../../analysis/rules';
import { evaluate, leaveOneFamilyOut, type LabelledRun } from '../../analysis/score/evaluate';
import { DEFAULT_MODEL } from '../../analysis/score/weights';
import { loadLabelledRuns } from './labelled-corpus';
import { formatEvaluation, withoutRule } from './report-eval';

const args = process.argv.slice(2);
const t0 = performance.now();
const runs: LabelledRun[] = await loadLabelledRuns();
const families = new Set(runs.map((r) => r.family));
console.log(`${runs.length} labelled runs in ${families.size} families (read in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);

console.log('== leave-one-family-out (weights and thresholds fitted without the family scored) ==');
const held = leaveOneFamilyOut(runs);
console.log(formatEvaluation(held, { families: !args.includes('--no-families') }));

console.log('\n== in-sample, committed weights (analysis/score/weights.json) — optimistic, for comparison ==');
console.log(formatEvaluation(evaluate(DEFAULT_MODEL, runs), { families: false }));

if (!args.includes('--no-ablation')) {
  console.log('\n== ablation: held-out family-balanced figures with one rule dropped (Δ in points against all rules) ==');
  for (const rule of RULES.filter((r) => r.kind === 'weighted')) {
    const ev = leaveOneFamilyOut(withoutRule(runs, rule.id));
    console.log(formatEvaluation(ev, { families: false, compact: rule.id, against: held }));
  }
}
