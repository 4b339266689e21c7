/**
 * The case-mix fits on input already validated (internal: used by `fitLinear`/`fitLogistic` and by
 * `benchmarkCentres` on parsed rows, without validating every row twice).
 * @module
 */
import { EigenvalueDecomposition, Matrix, solve } from "ml-matrix";
import { fail } from "../validate.ts";
import type { CaseMixFit } from "./casemix.ts";

function design(
  context: string,
  X: readonly (readonly number[])[],
  y: readonly number[],
  names: readonly string[] | undefined,
  intercept: boolean,
): { rows: number[][]; names: string[] } {
  const p = X[0].length;
  X.forEach((row, i) => {
    if (row.length !== p) fail(context, `X[${i}]`, `must have ${p} columns (like X[0])`, row.length);
  });
  if (y.length !== X.length) fail(context, "y", `must have ${X.length} elements (like X)`, y.length);
  const nm = names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (nm.length !== p) fail(context, "names", `must have ${p} elements (one per column of X)`, nm.length);
  const rows = X.map((r) => (intercept ? [1, ...r] : [...r]));
  const allNames = intercept ? ["(Intercept)", ...nm] : [...nm];
  if (rows.length <= allNames.length) {
    fail(context, "X", `must have more rows than coefficients (${allNames.length})`, rows.length);
  }
  // Plain rows (no n x p ml-matrix copy: a national extract has 10⁶ rows); only p x p systems use ml-matrix.
  return { rows, names: allNames };
}

function invertSym(A: Matrix, context: string): Matrix {
  // Singular (or numerically so) when the smallest eigenvalue of the correlation-scaled matrix
  // D A D (D = diag(1/sqrt(A_ii))) is below 1e-10 of the largest.
  const p = A.rows;
  const d = Array.from({ length: p }, (_, i) => A.get(i, i));
  if (d.some((v) => !(v > 0))) return fail(context, "X", "has a column of zeros");
  const C = new Matrix(p, p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) C.set(i, j, A.get(i, j) / Math.sqrt(d[i] * d[j]));
  const ev = new EigenvalueDecomposition(C, { assumeSymmetric: true }).realEigenvalues;
  const max = Math.max(...ev);
  const min = Math.min(...ev);
  if (!(min > 1e-10 * max)) {
    return fail(context, "X", "is singular: a covariate is constant or a linear combination of others");
  }
  return solve(A, Matrix.eye(p), false);
}

/** Least squares on validated input. */
export function linearFit(
  X: readonly (readonly number[])[],
  y: readonly number[],
  names: readonly string[] | undefined,
  intercept = true,
): CaseMixFit {
  const { rows: rowsArr, names: nm } = design("fitLinear", X, y, names, intercept);
  const p = nm.length;
  // X'X and X'y accumulated directly; ml-matrix solves the p x p system.
  const xtx = Array.from({ length: p }, () => new Array(p).fill(0));
  const xty = new Array(p).fill(0);
  rowsArr.forEach((r, i) => {
    for (let a = 0; a < p; a++) {
      xty[a] += r[a] * y[i];
      for (let b = 0; b <= a; b++) xtx[a][b] += r[a] * r[b];
    }
  });
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) xtx[a][b] = xtx[b][a];
  const inv = invertSym(new Matrix(xtx), "fitLinear");
  const coef = inv.mmul(Matrix.columnVector(xty)).to1DArray();
  if (!coef.every(Number.isFinite)) fail("fitLinear", "X", "gives a singular fit (check for constant covariates)");
  const fitted = rowsArr.map((r) => r.reduce((a, v, j) => a + v * coef[j], 0));
  const n = y.length;
  const df = n - coef.length;
  const rss = y.reduce((a, v, i) => a + (v - fitted[i]) ** 2, 0);
  const ybar = y.reduce((a, v) => a + v, 0) / n;
  const tss = y.reduce((a, v) => a + (v - ybar) ** 2, 0);
  const sigma = Math.sqrt(rss / df);
  const se = coef.map((_, j) => sigma * Math.sqrt(inv.get(j, j)));
  return { names: nm, coef, se, fitted, sigma, dfResidual: df, r2: tss > 0 ? 1 - rss / tss : 0 };
}

/** Logistic regression (IRLS) on validated input. */
export function logisticFit(
  X: readonly (readonly number[])[],
  y: readonly (0 | 1)[],
  names: readonly string[] | undefined,
  intercept = true,
  maxIter = 50,
  tol = 1e-10,
): CaseMixFit {
  const { rows: rowsArr, names: nm } = design("fitLogistic", X, y, names, intercept);
  const n = y.length;
  const p = nm.length;
  const ybar = y.reduce((a: number, v) => a + v, 0) / n;
  if (ybar === 0 || ybar === 1) fail("fitLogistic", "y", "must contain both 0s and 1s", ybar);
  const beta = new Array(p).fill(0);
  if (intercept) beta[0] = Math.log(ybar / (1 - ybar));
  const etaOf = (b: number[]) => rowsArr.map((r) => r.reduce((a, v, j) => a + v * b[j], 0));
  // X' W X and X' (y - p) accumulated directly (n x p loops; only the p x p solve uses ml-matrix).
  const infoAndScore = (prob: number[]) => {
    const info = Array.from({ length: p }, () => new Array(p).fill(0));
    const score = new Array(p).fill(0);
    for (let i = 0; i < n; i++) {
      const r = rowsArr[i];
      const w = prob[i] * (1 - prob[i]);
      const e = y[i] - prob[i];
      for (let a = 0; a < p; a++) {
        score[a] += r[a] * e;
        const ra = r[a] * w;
        for (let b = 0; b <= a; b++) info[a][b] += ra * r[b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) info[a][b] = info[b][a];
    return { info: new Matrix(info), score };
  };
  const logistic = (e: number) => 1 / (1 + Math.exp(-e));
  let dev = Infinity;
  let converged = false;
  let iterations = 0;
  for (let it = 1; it <= maxIter; it++) {
    iterations = it;
    const prob = etaOf(beta).map(logistic);
    const { info, score } = infoAndScore(prob);
    let step: number[];
    try {
      step = solve(info, Matrix.columnVector(score)).to1DArray();
    } catch {
      return fail("fitLogistic", "X", "gives a singular information matrix (constant or collinear covariates)");
    }
    for (let j = 0; j < p; j++) beta[j] += step[j];
    const etaNew = etaOf(beta);
    const devNew = -2 *
      etaNew.reduce((a, e, j) => a + y[j] * e - Math.log1p(Math.exp(-Math.abs(e))) - Math.max(e, 0), 0);
    if (!Number.isFinite(devNew) || beta.some((b) => !Number.isFinite(b) || Math.abs(b) > 50)) {
      fail("fitLogistic", "y", "is (quasi-)completely separated by X: coefficients diverge");
    }
    if (Math.abs(devNew - dev) / (Math.abs(devNew) + 0.1) < tol) {
      dev = devNew;
      converged = true;
      break;
    }
    dev = devNew;
  }
  if (!converged) fail("fitLogistic", "maxIter", `reached without convergence`, maxIter);
  const prob = etaOf(beta).map(logistic);
  const inv = invertSym(infoAndScore(prob).info, "fitLogistic");
  const coef = [...beta];
  const nullDev = -2 * n * (ybar * Math.log(ybar) + (1 - ybar) * Math.log(1 - ybar));
  return {
    names: nm,
    coef,
    se: coef.map((_, j) => Math.sqrt(inv.get(j, j))),
    fitted: prob,
    sigma: 1,
    dfResidual: n - p,
    r2: 1 - dev / nullDev,
    iterations,
    converged,
  };
}
