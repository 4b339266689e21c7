/**
 * Linear mixed model with random centre intercepts, fitted by REML (internal; the public entry is
 * `fitMixedCaseMix` in casemix.ts):
 *
 *   y_ij = x_ij' beta + u_j + e_ij,  u_j ~ N(0, tau2),  e_ij ~ N(0, sigma2).
 *
 * With lambda = tau2 / sigma2, V_j^-1 = (I - c_j 11') / sigma2, c_j = lambda / (1 + n_j lambda), so
 * every quantity is a sum over centres of p x p pieces: X'WX = sum (X_j'X_j - c_j s_j s_j'), with
 * s_j the column sums of X_j. The profiled restricted log-likelihood
 *
 *   l_R(lambda) = -1/2 [ (N - p) log(Q / (N - p)) + sum log(1 + n_j lambda) + log|X'WX| ],
 *   Q = sum_j (r_j'r_j - c_j (1'r_j)^2),  r = y - X beta(lambda),
 *
 * is maximised over log lambda by golden-section search (and compared with lambda = 0);
 * sigma2 = Q / (N - p). For a balanced one-way layout this gives the ANOVA estimator
 * tau2 = max(0, (MSB - MSW) / n) (checked in the tests).
 * @module
 */
import { Matrix, solve } from "ml-matrix";
import { fail } from "../validate.ts";

/** Result of the REML fit. */
export interface MixedFit {
  /** Coefficients (intercept first). */
  beta: number[];
  /** Their standard errors (from (X'V^-1 X)^-1). */
  se: number[];
  /** Between-centre variance of the intercepts. */
  tau2: number;
  /** Residual variance. */
  sigma2: number;
  /** Restricted log-likelihood at the optimum (up to a constant). */
  logLik: number;
  /** Centre names in the order of `blup`. */
  groups: string[];
  /** Best linear unbiased predictions of the centre intercepts u_j. */
  blup: number[];
}

interface Pieces {
  p: number;
  N: number;
  groups: string[];
  n: number[];
  XtX: number[][][];
  s: number[][];
  Xty: number[][];
  sy: number[];
  rows: number[][];
  y: number[];
  idx: number[][];
}

function pieces(X: readonly (readonly number[])[], y: readonly number[], g: readonly string[]): Pieces {
  const p = X[0].length;
  const groups = [...new Set(g)].sort();
  const at = new Map(groups.map((k, j) => [k, j]));
  const J = groups.length;
  const n = new Array(J).fill(0);
  const XtX = Array.from({ length: J }, () => Array.from({ length: p }, () => new Array(p).fill(0)));
  const s = Array.from({ length: J }, () => new Array(p).fill(0));
  const Xty = Array.from({ length: J }, () => new Array(p).fill(0));
  const sy = new Array(J).fill(0);
  const idx: number[][] = Array.from({ length: J }, () => []);
  X.forEach((row, i) => {
    const j = at.get(g[i]) as number;
    n[j]++;
    idx[j].push(i);
    sy[j] += y[i];
    for (let a = 0; a < p; a++) {
      s[j][a] += row[a];
      Xty[j][a] += row[a] * y[i];
      for (let b = 0; b <= a; b++) XtX[j][a][b] += row[a] * row[b];
    }
  });
  for (const M of XtX) for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) M[a][b] = M[b][a];
  return { p, N: y.length, groups, n, XtX, s, Xty, sy, rows: X.map((r) => [...r]), y: [...y], idx };
}

/**
 * The generalised-least-squares system of a random-intercept model, summed over centres j:
 * A = sum (S_j - c_j s_j s_j'), b = sum (t_j - c_j s_j u_j), with S_j = X_j'W_jX_j, s_j = X_j'w_j,
 * t_j = X_j'W_jy_j, u_j = w_j'y_j (W_j = I in the Gaussian model) and c_j the shrinkage of the
 * centre's sum; beta solves A beta = b. Throws when A is singular.
 */
function glsAt(
  S: readonly (readonly (readonly number[])[])[],
  s: readonly (readonly number[])[],
  t: readonly (readonly number[])[],
  u: readonly number[],
  c: readonly number[],
): { A: number[][]; AM: Matrix; beta: number[] } {
  const p = s[0].length;
  const A = Array.from({ length: p }, () => new Array(p).fill(0));
  const b = new Array(p).fill(0);
  for (let j = 0; j < c.length; j++) {
    for (let a = 0; a < p; a++) {
      b[a] += t[j][a] - c[j] * s[j][a] * u[j];
      for (let e = 0; e < p; e++) A[a][e] += S[j][a][e] - c[j] * s[j][a] * s[j][e];
    }
  }
  const AM = new Matrix(A);
  try {
    return { A, AM, beta: solve(AM, Matrix.columnVector(b)).to1DArray() };
  } catch {
    return fail("fitMixedCaseMix", "X", "is singular: a covariate is constant or a linear combination of others");
  }
}

/**
 * Golden-section search for the maximum of f on [lo, hi] (at most 200 steps, until the bracket
 * is narrower than tol); the midpoint of the last bracket.
 */
function goldenMax(f: (x: number) => number, lo: number, hi: number, tol: number): number {
  const gr = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - gr * (hi - lo), x2 = lo + gr * (hi - lo);
  let f1 = f(x1), f2 = f(x2);
  for (let it = 0; it < 200 && hi - lo > tol; it++) {
    if (f1 < f2) {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + gr * (hi - lo);
      f2 = f(x2);
    } else {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - gr * (hi - lo);
      f1 = f(x1);
    }
  }
  return (lo + hi) / 2;
}

function atLambda(d: Pieces, lambda: number) {
  const { p } = d;
  const { A, AM, beta } = glsAt(d.XtX, d.s, d.Xty, d.sy, d.n.map((nj) => lambda / (1 + nj * lambda)));
  if (!beta.every(Number.isFinite)) {
    fail("fitMixedCaseMix", "X", "is singular: a covariate is constant or a linear combination of others");
  }
  let Q = 0;
  const rsum = new Array(d.n.length).fill(0);
  d.idx.forEach((ids, j) => {
    let rr = 0, rs = 0;
    for (const i of ids) {
      const r = d.y[i] - d.rows[i].reduce((acc, v, k) => acc + v * beta[k], 0);
      rr += r * r;
      rs += r;
    }
    rsum[j] = rs;
    Q += rr - (lambda / (1 + d.n[j] * lambda)) * rs * rs;
  });
  const df = d.N - p;
  const sigma2 = Q / df;
  // log|A| via the LU determinant (A is symmetric positive definite)
  const det = new Matrix(A).clone();
  const logDet = Math.log(Math.abs(luDet(det)));
  const logLik = -0.5 * (df * Math.log(sigma2) + d.n.reduce((acc, nj) => acc + Math.log(1 + nj * lambda), 0) + logDet);
  return { beta, A: AM, sigma2, logLik, rsum };
}

function luDet(M: Matrix): number {
  // Gaussian elimination with partial pivoting on a p x p matrix
  const a = M.to2DArray();
  const p = a.length;
  let det = 1;
  for (let k = 0; k < p; k++) {
    let piv = k;
    for (let i = k + 1; i < p; i++) if (Math.abs(a[i][k]) > Math.abs(a[piv][k])) piv = i;
    if (a[piv][k] === 0) return 0;
    if (piv !== k) {
      [a[piv], a[k]] = [a[k], a[piv]];
      det = -det;
    }
    det *= a[k][k];
    for (let i = k + 1; i < p; i++) {
      const f = a[i][k] / a[k][k];
      for (let j = k; j < p; j++) a[i][j] -= f * a[k][j];
    }
  }
  return det;
}

/** REML fit of the random-intercept model on validated input (X includes the intercept column). */
export function mixedFit(X: readonly (readonly number[])[], y: readonly number[], g: readonly string[]): MixedFit {
  const d = pieces(X, y, g);
  if (d.groups.length < 3) fail("fitMixedCaseMix", "groups", "must hold at least 3 centres", d.groups.length);
  if (d.N <= d.p + 1) fail("fitMixedCaseMix", "X", `must have more rows than coefficients + 1 (${d.p + 1})`, d.N);
  // golden-section search for the maximum over log lambda in [-20, 10]
  let lambda = Math.exp(goldenMax((t) => atLambda(d, Math.exp(t)).logLik, -20, 10, 1e-9));
  let best = atLambda(d, lambda);
  const zero = atLambda(d, 0);
  if (zero.logLik >= best.logLik || lambda < 1e-8) {
    lambda = 0;
    best = zero;
  }
  const inv = solve(best.A, Matrix.eye(d.p));
  const se = best.beta.map((_, k) => Math.sqrt(best.sigma2 * inv.get(k, k)));
  const tau2 = lambda * best.sigma2;
  const blup = d.n.map((nj, j) => (lambda / (1 + nj * lambda)) * best.rsum[j]);
  return { beta: best.beta, se, tau2, sigma2: best.sigma2, logLik: best.logLik, groups: d.groups, blup };
}

/**
 * Weighted random-intercept fit with known residual variances 1 / w_i (the working model of
 * penalised quasi-likelihood): V_j = diag(1 / w_j) + tau2 11', V_j^-1 = W_j - c_j w_j w_j',
 * c_j = tau2 / (1 + tau2 sum w_j); tau2 by REML (golden section over log tau2, and tau2 = 0).
 */
function weightedFit(
  X: readonly (readonly number[])[],
  z: readonly number[],
  w: readonly number[],
  idx: readonly number[][],
): { beta: number[]; tau2: number; inv: Matrix; blup: number[] } {
  const p = X[0].length;
  const J = idx.length;
  // per-centre pieces that do not depend on tau2
  const XtWX = idx.map((ids) => {
    const M = Array.from({ length: p }, () => new Array(p).fill(0));
    for (const i of ids) for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) M[a][b] += w[i] * X[i][a] * X[i][b];
    for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) M[a][b] = M[b][a];
    return M;
  });
  const XtWz = idx.map((ids) => {
    const v = new Array(p).fill(0);
    for (const i of ids) for (let a = 0; a < p; a++) v[a] += w[i] * X[i][a] * z[i];
    return v;
  });
  const sw = idx.map((ids) => ids.reduce((acc, i) => acc + w[i], 0));
  const swx = idx.map((ids) => {
    const v = new Array(p).fill(0);
    for (const i of ids) for (let a = 0; a < p; a++) v[a] += w[i] * X[i][a];
    return v;
  });
  const swz = idx.map((ids) => ids.reduce((acc, i) => acc + w[i] * z[i], 0));
  const at = (tau2: number) => {
    const { AM, beta } = glsAt(XtWX, swx, XtWz, swz, sw.map((s) => tau2 / (1 + tau2 * s)));
    let quad = 0, logV = 0;
    const rsum = new Array(J).fill(0);
    for (let j = 0; j < J; j++) {
      let rWr = 0, wr = 0;
      for (const i of idx[j]) {
        const r = z[i] - X[i].reduce((acc, v, k) => acc + v * beta[k], 0);
        rWr += w[i] * r * r;
        wr += w[i] * r;
      }
      rsum[j] = wr;
      quad += rWr - (tau2 / (1 + tau2 * sw[j])) * wr * wr;
      logV += Math.log(1 + tau2 * sw[j]);
    }
    const logLik = -0.5 * (logV + Math.log(Math.abs(luDet(AM))) + quad);
    return { beta, A: AM, logLik, rsum };
  };
  let tau2 = Math.exp(goldenMax((t) => at(Math.exp(t)).logLik, -20, 6, 1e-8));
  let best = at(tau2);
  const zero = at(0);
  if (zero.logLik >= best.logLik) {
    tau2 = 0;
    best = zero;
  }
  const blup = sw.map((s, j) => (tau2 / (1 + tau2 * s)) * best.rsum[j]);
  return { beta: best.beta, tau2, inv: solve(best.A, Matrix.eye(p)), blup };
}

/** Result of the logistic random-intercept fit. */
export interface LogisticMixedFit {
  /** Coefficients (intercept first). */
  beta: number[];
  /** Their standard errors. */
  se: number[];
  /** Between-centre variance of the intercepts on the logit scale. */
  tau2: number;
  /** Centres, sorted. */
  groups: string[];
  /** Predicted centre intercepts (logit scale). */
  blup: number[];
  /** PQL iterations. */
  iterations: number;
}

/**
 * Logistic regression with random centre intercepts by penalised quasi-likelihood (Breslow &
 * Clayton 1993): iterate the working response z = eta + (y - mu) / (mu (1 - mu)) with weights
 * mu (1 - mu), fitting the weighted random-intercept model (tau2 by REML) until beta and tau2 settle.
 */
export function logisticMixedFit(
  X: readonly (readonly number[])[],
  y: readonly (0 | 1)[],
  g: readonly string[],
): LogisticMixedFit {
  const groups = [...new Set(g)].sort();
  if (groups.length < 3) fail("fitMixedCaseMix", "groups", "must hold at least 3 centres", groups.length);
  const at = new Map(groups.map((k, j) => [k, j]));
  const idx: number[][] = groups.map(() => []);
  g.forEach((k, i) => idx[at.get(k) as number].push(i));
  const ybar = y.reduce((a: number, v) => a + v, 0) / y.length;
  if (ybar === 0 || ybar === 1) fail("fitMixedCaseMix", "y", "must contain both 0s and 1s", ybar);
  const p = X[0].length;
  let beta = new Array(p).fill(0);
  beta[0] = Math.log(ybar / (1 - ybar));
  let u = new Array(groups.length).fill(0);
  let tau2 = 0;
  let iterations = 0;
  let inv: Matrix = Matrix.eye(p);
  for (let it = 1; it <= 100; it++) {
    iterations = it;
    const z: number[] = [], w: number[] = [];
    X.forEach((row, i) => {
      const eta = row.reduce((acc, v, k) => acc + v * beta[k], 0) + u[at.get(g[i]) as number];
      const mu = 1 / (1 + Math.exp(-eta));
      const v = Math.max(mu * (1 - mu), 1e-10);
      w.push(v);
      z.push(eta + (y[i] - mu) / v);
    });
    const fit = weightedFit(X, z, w, idx);
    const change = Math.max(...fit.beta.map((b, k) => Math.abs(b - beta[k]))) + Math.abs(fit.tau2 - tau2);
    beta = fit.beta;
    tau2 = fit.tau2;
    u = fit.blup;
    inv = fit.inv;
    if (!beta.every(Number.isFinite) || beta.some((b) => Math.abs(b) > 50)) {
      fail("fitMixedCaseMix", "y", "is (quasi-)completely separated by X: coefficients diverge");
    }
    if (change < 1e-8) break;
    if (it === 100) fail("fitMixedCaseMix", "y", "penalised quasi-likelihood did not converge in 100 iterations");
  }
  return { beta, se: beta.map((_, k) => Math.sqrt(inv.get(k, k))), tau2, groups, blup: u, iterations };
}
