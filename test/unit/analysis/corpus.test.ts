// The leak analysis on the whole fixture corpus (every Go version, every scenario, every input
// kind; Go 1.19/1.21 traces in the v1 format too), scored against truth.json with the committed model. These scenarios are part of the
// training corpus, so recall and precision here are in-sample and only printed; how well the
// verdicts hold on code the model never saw is detect-eval.test.ts (leave one family out).
// Enforced here is what does not depend on fitted weights:
//  - floors: nil-channel and `select {}` leaks at high or above from a trace and a debug=2 dump;
//    groups the goroutineleak profile proves are proven, with exactly the proven goroutine ids;
//  - a growing-leak series (3 snapshots, growing every interval) is high;
//  - every verdict's evidence is its fired rules, in order (the words come from the rules).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { analyze } from '../../../analysis/analyze';
import { atLeast } from '../../../analysis/verdict';
import { FIXTURES, filesFor, load, readTruth, scenarios, score, versions, type CorpusKind } from './corpus';

const KINDS: readonly CorpusKind[] = ['trace', 'debug2', 'debug1', 'debug0', 'goroutineleak', 'series', 'all'];

interface Row {
  expected: number;
  found: number;
  flagged: number;
  tp: number;
  scenarios: number;
  problems: string[];
  refused: string[];
}

const pct = (a: number, b: number) => (b === 0 ? '   –  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

describe('leak analysis on the fixture corpus', () => {
  const table = new Map<string, Row>();
  const vs = versions();

  it('finds the corpus', () => {
    expect(vs.length).toBeGreaterThanOrEqual(4);
  });

  for (const version of vs) {
    it(`${version}: every input kind, every scenario`, async () => {
      for (const sc of scenarios(version)) {
        const dir = join(FIXTURES, version, sc);
        const truth = readTruth(dir);
        for (const kind of KINDS) {
          const files = filesFor(kind, dir);
          if (files.length === 0 || (kind === 'series' && files.length < 2)) continue;
          const { inputs, refused } = await load(dir, files);
          const key = `${version} ${kind}`;
          const row = table.get(key) ?? { expected: 0, found: 0, flagged: 0, tp: 0, scenarios: 0, problems: [], refused: [] };
          table.set(key, row);
          row.refused.push(...refused);
          if (inputs.length === 0) continue;
          const result = analyze(inputs);
          const s = score(kind, truth, result.verdicts);
          row.scenarios++;
          row.expected += s.expected;
          row.found += s.found;
          row.flagged += s.flagged;
          row.tp += s.truePositives;
          row.problems.push(...s.problems);
          if (kind === 'debug2' || kind === 'trace') {
            for (const g of truth.leaks.filter((l) => /nil chan|no cases/.test(l.waitReason))) {
              const v = result.verdicts.find((x) => x.startFunction === g.startFunc);
              expect(v && atLeast(v.confidence, 'high'), `${version} ${sc}: ${g.startFunc} from ${kind}`).toBe(true);
            }
          }
          if (kind === 'goroutineleak') {
            for (const g of truth.leaks.filter((l) => l.inLeakProfile)) {
              const proven = result.verdicts.filter((x) => x.startFunction === g.startFunc && x.confidence === 'proven');
              const ids = proven.flatMap((x) => x.goroutineIds ?? []).sort((a, b) => a - b);
              expect(proven.length, `${version} ${sc}: ${g.startFunc} proven`).toBeGreaterThan(0);
              if (ids.length > 0) expect(ids, `${version} ${sc}: proven ids`).toEqual([...(g.leakedIds ?? g.ids)].sort((a, b) => a - b));
            }
          }
          if (kind === 'series' && sc === 'growing-leak') {
            const grown = result.verdicts.find((x) => x.fired.some((r) => r.rule === 'snapshot-growth'));
            expect(grown?.confidence, `${version} growing-leak series`).toBe('high');
          }
          for (const v of result.verdicts) expect(v.evidence.map((e) => e.kind)).toEqual(v.fired.map((r) => r.rule));
        }
      }
      const lines = [`recall / precision of leak verdicts at medium+ (${version}, committed model, in-sample)`];
      for (const kind of KINDS) {
        const r = table.get(`${version} ${kind}`);
        if (!r) continue;
        if (r.scenarios === 0) {
          lines.push(`  ${kind.padEnd(13)} not analysed: ${r.refused[0] ?? 'no input'}`);
          continue;
        }
        lines.push(
          `  ${kind.padEnd(13)} recall ${pct(r.found, r.expected)} (${r.found}/${r.expected} groups)  precision ${pct(r.tp, r.flagged)} (${r.tp}/${r.flagged})  ${r.scenarios} scenarios`,
        );
      }
      console.log(lines.join('\n'));
    });
  }

  it('analysed the trace of every scenario of every version (v1 Go 1.19/1.21 included)', () => {
    for (const v of vs) {
      const r = table.get(`${v} trace`);
      expect(r?.refused ?? [], v).toEqual([]);
      expect(r?.scenarios ?? 0, v).toBeGreaterThan(15);
    }
  });
});
