// L2-regularised logistic regression by Newton's method (iteratively reweighted least squares):
// the fit behind weights.json. Small and dense on purpose — a few dozen rules, a few thousand
// groups — so the fit is exact and repeatable, with no dependency.

export interface FitInput {
  /** n × d feature rows, row-major. */
  readonly x: Float64Array;
  readonly n: number;
  readonly d: number;
  /** 1 = leaked, 0 = healthy. */
  readonly y: Uint8Array;
  /** Sample weights (balance families, programs and group sizes). */
  readonly w: Float64Array;
  /** Ridge penalty on the weights (not on the bias). */
  readonly l2: number;
}

export interface FitResult {
  readonly bias: number;
  readonly weights: Float64Array;
  readonly iterations: number;
}

/** Solves A z = b for a symmetric positive-definite A (d × d) by Cholesky; A is overwritten. */
function solveSpd(a: Float64Array, b: Float64Array, d: number): Float64Array {
  for (let j = 0; j < d; j++) {
    let s = a[j * d + j];
    for (let k = 0; k < j; k++) s -= a[j * d + k] * a[j * d + k];
    const diag = Math.sqrt(Math.max(s, 1e-12));
    a[j * d + j] = diag;
    for (let i = j + 1; i < d; i++) {
      let t = a[i * d + j];
      for (let k = 0; k < j; k++) t -= a[i * d + k] * a[j * d + k];
      a[i * d + j] = t / diag;
    }
  }
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let t = b[i];
    for (let k = 0; k < i; k++) t -= a[i * d + k] * z[k];
    z[i] = t / a[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    let t = z[i];
    for (let k = i + 1; k < d; k++) t -= a[k * d + i] * z[k];
    z[i] = t / a[i * d + i];
  }
  return z;
}

export function fitLogistic(input: FitInput, maxIterations = 100): FitResult {
  const { x, n, d, y, w, l2 } = input;
  const D = d + 1; // bias first
  const beta = new Float64Array(D);
  let it = 0;
  for (; it < maxIterations; it++) {
    const grad = new Float64Array(D);
    const hess = new Float64Array(D * D);
    const row = new Float64Array(D);
    for (let i = 0; i < n; i++) {
      row[0] = 1;
      for (let j = 0; j < d; j++) row[j + 1] = x[i * d + j];
      let z = 0;
      for (let j = 0; j < D; j++) z += beta[j] * row[j];
      const p = 1 / (1 + Math.exp(-z));
      const r = w[i] * (p - y[i]);
      const v = w[i] * p * (1 - p);
      for (let j = 0; j < D; j++) {
        grad[j] += r * row[j];
        if (row[j] === 0) continue;
        for (let k = 0; k <= j; k++) hess[j * D + k] += v * row[j] * row[k];
      }
    }
    for (let j = 1; j < D; j++) {
      grad[j] += l2 * beta[j];
      hess[j * D + j] += l2;
    }
    hess[0] += 1e-9; // keeps the bias solvable when one class is absent
    for (let j = 0; j < D; j++) for (let k = j + 1; k < D; k++) hess[j * D + k] = hess[k * D + j];
    const step = solveSpd(hess, grad, D);
    let change = 0;
    for (let j = 0; j < D; j++) {
      beta[j] -= step[j];
      change = Math.max(change, Math.abs(step[j]));
    }
    if (change < 1e-9) break;
  }
  return { bias: beta[0], weights: beta.slice(1), iterations: it + 1 };
}
