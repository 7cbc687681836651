// Tables for `npm run eval:detect` and the evaluation test, and the ablation helper.
import { rowFeatures } from '../../analysis/score/features';
import {
  familyBalanced,
  groupPrecision,
  groupRecall,
  healthyRate,
  recall,
  type EvalKind,
  type Evaluation,
  type LabelledRun,
  type Tally,
} from '../../analysis/score/evaluate';
import { RULES } from '../../analysis/rules';

export const EVAL_KINDS: readonly EvalKind[] = ['trace', 'debug2', 'debug1', 'debug0', 'goroutineleak', 'all'];

const pct = (x: number): string => (Number.isNaN(x) ? '    –' : `${(100 * x).toFixed(1).padStart(5)}%`);

function line(label: string, t: Tally): string {
  return [
    label.padEnd(34),
    `recall ${pct(recall(t))} (${t.leakedFlagged}/${t.leaked})`.padEnd(28),
    `healthy≥medium ${pct(healthyRate(t))} (${t.healthyFlagged}/${t.healthy})`.padEnd(34),
    `healthy@high ${t.healthyHigh}`.padEnd(16),
    `groups: recall ${pct(groupRecall(t))} precision ${pct(groupPrecision(t))}`.padEnd(44),
    `first verdict right ${t.rankedRight}/${t.leakingRuns}`,
  ].join(' ');
}

export function formatEvaluation(ev: Evaluation, opts: { families: boolean; compact?: string; against?: Evaluation }): string {
  const out: string[] = [];
  if (opts.compact) {
    // Family-balanced: per-goroutine figures barely move when one 10,000-goroutine family dominates.
    const parts: string[] = [];
    for (const k of ['trace', 'debug2', 'all'] as const) {
      const r = familyBalanced(ev, k, 'recall').value;
      const h = familyBalanced(ev, k, 'healthyRate').value;
      const br = opts.against ? familyBalanced(opts.against, k, 'recall').value : NaN;
      const bh = opts.against ? familyBalanced(opts.against, k, 'healthyRate').value : NaN;
      const d = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;
      parts.push(`${k} recall ${pct(r)} (${d(r - br)}) healthy ${pct(h)} (${d(h - bh)})`);
    }
    return `  - ${opts.compact.padEnd(22)} ${parts.join(' | ')}`;
  }
  for (const k of EVAL_KINDS) {
    const t = ev.byKind.get(k);
    if (t) out.push(line(k, t));
  }
  out.push('', 'family-balanced (each family counts once; a 5,000-goroutine family no more than a 3-goroutine one):');
  for (const k of EVAL_KINDS) {
    const r = familyBalanced(ev, k, 'recall');
    const h = familyBalanced(ev, k, 'healthyRate');
    if (r.families + h.families === 0) continue;
    out.push(`${k.padEnd(34)} recall ${pct(r.value)} over ${r.families} families   healthy≥medium ${pct(h.value)} over ${h.families} families`);
  }
  if (opts.families) {
    const cell = (t: Tally | undefined, which: 'l' | 'h') => {
      if (!t) return '—'.padStart(9);
      const [k, n] = which === 'l' ? [t.leakedFlagged, t.leaked] : [t.healthyFlagged, t.healthy];
      return n === 0 ? '·'.padStart(9) : `${Math.round(k)}/${Math.round(n)}`.padStart(9);
    };
    out.push('', 'per family: leaked found / leaked, healthy flagged / healthy (medium or above)');
    out.push(`  ${'family'.padEnd(36)} ${'trace'.padStart(19)} ${'debug=2'.padStart(19)} ${'all inputs'.padStart(19)}`);
    for (const [fam, byKind] of [...ev.byFamily].sort((a, b) => a[0].localeCompare(b[0]))) {
      const parts = (['trace', 'debug2', 'all'] as const).map((k) => `${cell(byKind.get(k), 'l')} ${cell(byKind.get(k), 'h')}`);
      out.push(`  ${fam.padEnd(36)} ${parts.join(' ')}`);
    }
  }
  return out.join('\n');
}

/** The same runs with one weighted rule never firing (its column recomputed without it). */
export function withoutRule(runs: readonly LabelledRun[], ruleId: string): LabelledRun[] {
  const rules = RULES.filter((r) => r.id !== ruleId);
  return runs.map((run) => ({
    ...run,
    inputs: run.inputs.map((inp) => ({ ...inp, feat: rowFeatures(inp.feat.facts, rules) })),
  }));
}
