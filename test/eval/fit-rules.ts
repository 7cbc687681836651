// `npm run fit:rules`: fits the leak model on every labelled run (the labelled corpus and the
// fixture scenarios) and writes analysis/score/weights.json. Deterministic: the same corpus gives
// the same file.
import { writeFileSync } from 'node:fs';
import { fitModel } from '../../analysis/score/fit';
import { repoRoot } from '../support/corpus';
import { loadLabelledRuns } from './labelled-corpus';

const runs = await loadLabelledRuns();
const families = new Set(runs.map((r) => r.family));
const model = fitModel(
  runs.flatMap((r) => r.inputs),
  { corpus: 'test/corpus/leaks + test/fixtures', runs: runs.length, families: families.size, script: 'npm run fit:rules' },
);
const file = `${repoRoot}/analysis/score/weights.json`;
writeFileSync(file, `${JSON.stringify(model, null, 2)}\n`);
console.log(`fit on ${runs.length} runs in ${families.size} families → ${file}`);
for (const [kind, m] of Object.entries(model.kinds)) {
  const ws = Object.entries(m.weights).sort((a, b) => b[1] - a[1]);
  console.log(`\n${kind}: bias ${m.bias.toFixed(2)}, medium ≥ ${m.medium.toFixed(3)}, high ≥ ${m.high.toFixed(3)}`);
  for (const [id, w] of ws) console.log(`  ${w >= 0 ? '+' : ''}${w.toFixed(2).padStart(6)}  ${id}`);
}
