// The fit behind weights.json against closed forms: with one binary feature and no penalty the
// maximum-likelihood logistic regression reproduces the observed log-odds of each cell exactly;
// the ridge shrinks weights toward zero; sample weights count like repeated rows.
import { describe, expect, it } from 'vitest';
import { fitLogistic } from '../../../analysis/score/logistic';
import { familyFolds } from '../../../analysis/score/fit';

const logit = (p: number) => Math.log(p / (1 - p));

/** Rows: [feature, label, count]. */
function data(rows: [number, number, number][], weighted = false) {
  const expanded = weighted ? rows.map(([f, l, n]) => [[f, l, n]] as [number, number, number][]).flat() : rows.flatMap(([f, l, n]) => Array.from({ length: n }, () => [f, l, 1] as [number, number, number]));
  return {
    x: Float64Array.from(expanded.map((r) => r[0])),
    y: Uint8Array.from(expanded.map((r) => r[1])),
    w: Float64Array.from(expanded.map((r) => r[2])),
    n: expanded.length,
    d: 1,
  };
}

describe('logistic fit', () => {
  const cells: [number, number, number][] = [
    [0, 1, 2],
    [0, 0, 8], // feature off: 20% leaked
    [1, 1, 9],
    [1, 0, 3], // feature on: 75% leaked
  ];

  it('reproduces the observed log-odds with no penalty', () => {
    const fit = fitLogistic({ ...data(cells), l2: 0 });
    expect(fit.bias).toBeCloseTo(logit(0.2), 6);
    expect(fit.weights[0]).toBeCloseTo(logit(0.75) - logit(0.2), 6);
    expect(fit.iterations).toBeLessThan(20);
  });

  it('sample weights count like repeated rows', () => {
    const a = fitLogistic({ ...data(cells), l2: 0.5 });
    const b = fitLogistic({ ...data(cells, true), l2: 0.5 });
    expect(b.bias).toBeCloseTo(a.bias, 8);
    expect(b.weights[0]).toBeCloseTo(a.weights[0], 8);
  });

  it('the ridge shrinks the weight toward zero, not the bias', () => {
    const free = fitLogistic({ ...data(cells), l2: 0 }).weights[0];
    const some = fitLogistic({ ...data(cells), l2: 5 }).weights[0];
    const lots = fitLogistic({ ...data(cells), l2: 500 }).weights[0];
    expect(Math.abs(some)).toBeLessThan(Math.abs(free));
    expect(Math.abs(lots)).toBeLessThan(Math.abs(some));
    expect(Math.abs(lots)).toBeLessThan(0.05);
  });

  it('a feature that never fires gets no weight, and a separable one stays finite under the ridge', () => {
    const never = fitLogistic({ x: new Float64Array(10), y: Uint8Array.from([1, 0, 1, 0, 1, 0, 1, 0, 1, 0]), w: new Float64Array(10).fill(1), n: 10, d: 1, l2: 1 });
    expect(never.weights[0]).toBe(0);
    const sep = fitLogistic({ ...data([[1, 1, 5], [0, 0, 5]]), l2: 1 });
    expect(Number.isFinite(sep.weights[0])).toBe(true);
    expect(sep.weights[0]).toBeGreaterThan(1);
  });
});

describe('family folds', () => {
  it('split families deterministically, every family in exactly one fold', () => {
    const fams = ['c', 'a', 'b', 'a', 'e', 'd'];
    const folds = familyFolds(fams, 2);
    expect(folds).toEqual([
      ['a', 'c', 'e'],
      ['b', 'd'],
    ]);
    expect(familyFolds(['x'], 5)).toEqual([['x']]);
  });
});
