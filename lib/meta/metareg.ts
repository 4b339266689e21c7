/**
 * Meta-regression (mixed-effects models with moderators), as metafor's `rma(yi, vi, mods = ...)`:
 * the same τ² estimators as {@link rma}, Wald-z or Knapp–Hartung tests, the omnibus test of the
 * moderators QM (chi² or F), the residual heterogeneity test QE, I²/H² of the residual
 * heterogeneity, and the pseudo-R² (proportion of τ² accounted for, metafor's default definition).
 * Linear algebra with ml-matrix.
 *
 * Moderators: `mods` is a record of named columns. Numeric columns enter as they are; string
 * columns are categorical and are dummy-coded with the first level (sorted, as R's `factor()`) as
 * the reference, named `<column><level>` as R does (e.g. `allocrandom`).
 *
 * @example
 * const fit = rmaMods({ yi, vi, mods: { ablat: [44, 55, 42] }, method: "REML" });
 * fit.beta; // [intercept, slope]
 * fit.QM; fit.QMp; fit.R2;
 * @module
 */
import { z } from "zod";
import { CholeskyDecomposition, Matrix } from "ml-matrix";
import { fail, parseInput } from "../validate.ts";
import { pchisq, pf, pnorm, pt, qnorm, qt } from "../stats/distributions.ts";
import { rmaFit, type RmaHeterogeneity, TAU2_METHODS, type Tau2Method, type TestType } from "./rma.ts";
import { uniroot, UNIROOT_TOL } from "./uniroot.ts";

/** Input of {@link rmaMods}. */
export interface RmaModsInput {
  yi: number[];
  vi: number[];
  /** Named moderator columns: numbers (continuous) or strings (categorical). */
  mods: Record<string, number[] | string[]>;
  /** Include an intercept (default true). Without it, a single categorical moderator gives one coefficient per level. */
  intercept?: boolean;
  method?: Tau2Method;
  test?: TestType;
  level?: number;
  slab?: string[];
}

/**
 * Result of {@link rmaMods} (metafor's names; vectors are per coefficient in `colnames` order). QE is
 * the residual heterogeneity test, QM the omnibus test of the moderators (all coefficients except the
 * intercept), I² and H² residual.
 */
export interface RmaModsResult extends RmaHeterogeneity {
  model: "rma.uni.mods";
  k: number;
  p: number;
  method: Tau2Method;
  test: TestType;
  level: number;
  colnames: string[];
  beta: number[];
  se: number[];
  zval: number[];
  pval: number[];
  ci_lb: number[];
  ci_ub: number[];
  /** Variance-covariance matrix of beta (rows). */
  vb: number[][];
  /** Pseudo-R² (%): (τ²_RE - τ²)/τ²_RE with τ²_RE from the intercept-only model; null without intercept. */
  R2: number | null;
  s2w: number;
  ddf: number | null;
  iter: number;
  yi: number[];
  vi: number[];
  X: number[][];
  slab: string[];
}

const COL = z.union([z.array(z.number().finite()), z.array(z.string())]);
const SCHEMA = z.object({
  yi: z.array(z.number().finite()).min(1, { message: "must have at least 1 element (k = 0: no studies)" }),
  vi: z.array(z.number().finite().positive()),
  mods: z.record(z.string(), COL),
  intercept: z.boolean().optional(),
  method: z.enum(TAU2_METHODS as unknown as [Tau2Method, ...Tau2Method[]]).optional(),
  test: z.enum(["z", "knha"]).optional(),
  level: z.number().gt(0).lt(100).optional(),
  slab: z.array(z.string()).optional(),
});

/** Build the model matrix from named moderator columns (R's model.matrix with treatment contrasts). */
export function modelMatrix(
  mods: Record<string, number[] | string[]>,
  k: number,
  intercept = true,
  context = "rmaMods",
): { X: number[][]; colnames: string[] } {
  const cols: number[][] = [];
  const names: string[] = [];
  if (intercept) {
    cols.push(new Array(k).fill(1));
    names.push("intrcpt");
  }
  let first = true;
  for (const [name, col] of Object.entries(mods)) {
    if (col.length !== k) fail(context, `mods.${name}`, `must have ${k} elements (like yi)`, col.length);
    if (col.length > 0 && typeof col[0] === "string") {
      const levels = [...new Set(col as string[])].sort();
      // without intercept, the first factor gets all its levels (as R does)
      const used = !intercept && first ? levels : levels.slice(1);
      for (const lev of used) {
        cols.push((col as string[]).map((v) => (v === lev ? 1 : 0)));
        names.push(`${name}${lev}`);
      }
    } else {
      cols.push((col as number[]).slice());
      names.push(name);
    }
    first = false;
  }
  if (cols.length === 0) fail(context, "mods", "gives an empty model matrix (no intercept, no moderators)");
  const X = Array.from({ length: k }, (_, i) => cols.map((c) => c[i]));
  return { X, colnames: names };
}

function symmetrize(A: Matrix): Matrix {
  const n = A.rows;
  const B = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) B.set(i, j, (A.get(i, j) + A.get(j, i)) / 2);
  }
  return B;
}

/** Inverse and log-determinant of a symmetric positive definite matrix (Cholesky). */
function invSPD(A: Matrix, context: string): { inv: Matrix; logdet: number } {
  const S = symmetrize(A);
  const ch = new CholeskyDecomposition(S);
  if (!ch.isPositiveDefinite()) {
    fail(context, "mods", "give a model matrix that is not of full rank (redundant or constant moderators)");
  }
  const L = ch.lowerTriangularMatrix;
  let logdet = 0;
  for (let i = 0; i < S.rows; i++) logdet += 2 * Math.log(L.get(i, i));
  return { inv: symmetrize(ch.solve(Matrix.eye(S.rows))), logdet };
}

interface PStuff {
  P: Matrix;
  inv: Matrix;
  /** log|X'WX| */
  logdet: number;
  sw: number;
  sw2: number;
}

/** P = W - W X (X'WX)^-1 X'W for weights w. */
function pMatrix(X: Matrix, w: number[], context: string): PStuff {
  const k = X.rows;
  const WX = X.clone();
  for (let i = 0; i < k; i++) for (let j = 0; j < X.columns; j++) WX.set(i, j, X.get(i, j) * w[i]);
  const XtWX = X.transpose().mmul(WX);
  const { inv, logdet } = invSPD(XtWX, context);
  const P = WX.mmul(inv).mmul(WX.transpose()).neg();
  let sw = 0, sw2 = 0;
  for (let i = 0; i < k; i++) {
    P.set(i, i, P.get(i, i) + w[i]);
    sw += w[i];
    sw2 += w[i] * w[i];
  }
  return { P, inv, logdet, sw, sw2 };
}

/**
 * The quantities the estimators need, computed with p x p algebra only (no k x k matrix):
 * with A = (X'WX)^-1 and P = W - WXAX'W,
 * y'Py = y'Wy - (X'Wy)'A(X'Wy), tr(P) = Σw - tr(A X'W²X),
 * tr(PP) = Σw² - 2 tr(A X'W³X) + tr(A X'W²X A X'W²X), and Py = w ∘ (y - Xb).
 */
interface WStats {
  A: Matrix;
  logdet: number;
  sw: number;
  sw2: number;
  beta: number[];
  yPy: number;
  trP: number;
  trPP: number;
  yPPy: number;
}

function wstats(Xr: number[][], w: number[], y: number[], context: string, needPP = true): WStats {
  const k = Xr.length, p = Xr[0].length;
  const M1 = new Matrix(p, p), M2 = new Matrix(p, p), M3 = new Matrix(p, p);
  const xwy = new Array<number>(p).fill(0);
  let sw = 0, sw2 = 0;
  for (let i = 0; i < k; i++) {
    const wi = w[i], xi = Xr[i];
    sw += wi;
    sw2 += wi * wi;
    for (let a = 0; a < p; a++) {
      xwy[a] += wi * xi[a] * y[i];
      for (let b = 0; b <= a; b++) {
        const xx = xi[a] * xi[b];
        M1.set(a, b, M1.get(a, b) + wi * xx);
        if (needPP) {
          M2.set(a, b, M2.get(a, b) + wi * wi * xx);
          M3.set(a, b, M3.get(a, b) + wi * wi * wi * xx);
        }
      }
    }
  }
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < a; b++) {
      M1.set(b, a, M1.get(a, b));
      M2.set(b, a, M2.get(a, b));
      M3.set(b, a, M3.get(a, b));
    }
  }
  const { inv: A, logdet } = invSPD(M1, context);
  const beta = A.mmul(Matrix.columnVector(xwy)).to1DArray();
  let yPy = 0, yPPy = 0;
  for (let i = 0; i < k; i++) {
    let f = 0;
    for (let a = 0; a < p; a++) f += Xr[i][a] * beta[a];
    const e = y[i] - f;
    yPy += w[i] * e * e;
    yPPy += w[i] * w[i] * e * e;
  }
  let trP = NaN, trPP = NaN;
  if (needPP) {
    const AM2 = A.mmul(M2), AM3 = A.mmul(M3);
    let tAM2 = 0, tAM3 = 0, tAM2AM2 = 0;
    for (let a = 0; a < p; a++) {
      tAM2 += AM2.get(a, a);
      tAM3 += AM3.get(a, a);
      for (let b = 0; b < p; b++) tAM2AM2 += AM2.get(a, b) * AM2.get(b, a);
    }
    trP = sw - tAM2;
    trPP = sw2 - 2 * tAM3 + tAM2AM2;
  }
  return { A, logdet, sw, sw2, beta, yPy, trP, trPP, yPPy };
}

function quad(P: Matrix, y: number[]): number {
  const k = y.length;
  let s = 0;
  for (let i = 0; i < k; i++) {
    let r = 0;
    for (let j = 0; j < k; j++) r += P.get(i, j) * y[j];
    s += y[i] * r;
  }
  return s;
}
function sumSq(P: Matrix): number {
  let s = 0;
  for (let i = 0; i < P.rows; i++) for (let j = 0; j < P.columns; j++) s += P.get(i, j) ** 2;
  return s;
}
/** Σ_ij P_ij² v_i v_j (= sum(PV * t(PV)) for symmetric P) and Σ_ij P_ij² v_j (= sum(PV * P)). */
function pvSums(P: Matrix, vi: number[]): { pvpv: number; pvp: number } {
  let pvpv = 0, pvp = 0;
  for (let i = 0; i < P.rows; i++) {
    for (let j = 0; j < P.columns; j++) {
      const q = P.get(i, j) ** 2;
      pvpv += q * vi[i] * vi[j];
      pvp += q * vi[j];
    }
  }
  return { pvpv, pvp };
}

function mad(x: number[]): number {
  const med = (a: number[]) => {
    const s = [...a].sort((u, v) => u - v);
    const n = s.length, h = Math.floor(n / 2);
    return n % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
  };
  const m = med(x);
  return 1.4826 * med(x.map((v) => Math.abs(v - m)));
}

/** τ² for a model with design X, as metafor (centred yi, same starts, steps and stopping rules). */
function estimateTau2X(
  X: Matrix,
  Xr: number[][],
  yi: number[],
  vi: number[],
  method: Tau2Method,
  context: string,
): { tau2: number; se_tau2: number | null; iter: number } {
  const k = yi.length, p = X.columns;
  if (method === "FE") return { tau2: 0, se_tau2: null, iter: 0 };
  if (p + 1 > k) {
    fail(context, "mods", `need more studies than parameters: k = ${k}, p + 1 = ${p + 1} (coefficients + tau2)`);
  }
  const ybar = yi.reduce((a, b) => a + b, 0) / k;
  const y = yi.map((v) => v - ybar); // metafor estimates tau2 from mean-centred yi
  let iter = 0;
  const sqrtPos = (x: number) => Math.sqrt(Math.max(0, x));
  const fin = (t: number, se: (tt: number) => number) => {
    const tt = Math.max(0, t);
    return { tau2: tt, se_tau2: se(tt), iter };
  };
  const ws = (t: number, needPP = true) => wstats(Xr, vi.map((v) => 1 / (v + t)), y, context, needPP);
  // HE pieces (OLS projection), also the start value of ML, REML and EB
  const he = () => {
    const P = pMatrix(X, new Array(k).fill(1), context).P;
    let trPV = 0;
    for (let i = 0; i < k; i++) trPV += P.get(i, i) * vi[i];
    return { P, rss: quad(P, y), trPV };
  };
  switch (method) {
    case "HS": {
      const s = ws(0);
      return fin(
        (s.yPy - k) / s.sw,
        (t) => sqrtPos(1 / s.sw ** 2 * (2 * (k - p) + 4 * t * s.trP + 2 * t * t * s.trPP)),
      );
    }
    case "HE": {
      const { P, rss, trPV } = he();
      const { pvpv } = pvSums(P, vi);
      return fin(
        (rss - trPV) / (k - p),
        (t) => sqrtPos(1 / (k - p) ** 2 * (2 * pvpv + 4 * t * trPV + 2 * t * t * (k - p))),
      );
    }
    case "DL": {
      const s = ws(0);
      return fin(
        (s.yPy - (k - p)) / s.trP,
        (t) => sqrtPos(1 / s.trP ** 2 * (2 * (k - p) + 4 * t * s.trP + 2 * t * t * s.trPP)),
      );
    }
    case "SJ": {
      let ss = 0;
      for (const e of y) ss += e * e;
      const tau20 = ss / k;
      const s = pMatrix(X, vi.map((v) => 1 / (v + tau20)), context);
      const rss = quad(s.P, y);
      const { pvpv, pvp } = pvSums(s.P, vi);
      const spp = sumSq(s.P);
      return fin(
        tau20 * rss / (k - p),
        (t) => sqrtPos(tau20 ** 2 / (k - p) ** 2 * (2 * pvpv + 4 * t * pvp + 2 * t * t * spp)),
      );
    }
    case "PM": {
      const target = k - p;
      const tau2max = Math.max(100, 10 * mad(yi) ** 2);
      const Q = (t: number) => ws(t, false).yPy;
      const q0 = Q(0);
      let tau2 = 0;
      if (q0 >= target) {
        const qmax = Q(tau2max);
        if (qmax > target) fail(context, "method", `PM: tau2 is above the search limit ${tau2max}`, "PM");
        const r = uniroot((t) => Q(t) - target, 0, tau2max, {
          tol: UNIROOT_TOL,
          maxiter: 100,
          fLower: q0 - target,
          fUpper: qmax - target,
        });
        tau2 = r.root;
        iter = r.iter;
      }
      return fin(tau2, (t) => Math.sqrt(2 * k * k / (k - p) / ws(t, false).sw ** 2));
    }
    case "ML":
    case "REML":
    case "EB": {
      // HE start without a k x k matrix: RSS_ols and tr(PV) = Σ v_i (1 - h_ii), h_ii = x_i'(X'X)^-1 x_i
      const ols = wstats(Xr, new Array(k).fill(1), y, context, false);
      let trPVols = 0;
      for (let i = 0; i < k; i++) {
        let hii = 0;
        for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) hii += Xr[i][a] * ols.A.get(a, b) * Xr[i][b];
        trPVols += vi[i] * (1 - hii);
      }
      let tau2 = Math.max(0, (ols.yPy - trPVols) / (k - p));
      let change = 1e-5 + 1;
      while (change > 1e-5) {
        iter++;
        const old = tau2;
        const s = ws(tau2, method !== "EB");
        let adj: number;
        if (method === "EB") adj = (s.yPy * k / (k - p) - k) / s.sw;
        else if (method === "ML") adj = (s.yPPy - s.sw) / s.sw2;
        else adj = (s.yPPy - s.trP) / s.trPP;
        if (Number.isNaN(adj)) adj = 0;
        while (tau2 + adj < 0) adj /= 2;
        tau2 += adj;
        change = Math.abs(old - tau2);
        if (iter > 100) fail(context, "method", `${method}: Fisher scoring did not converge in 100 iterations`, method);
      }
      if (method !== "EB") {
        const ll = (t: number) => {
          const s = ws(t, false);
          const sl = vi.reduce((a, v) => a + Math.log(v + t), 0);
          if (method === "ML") return -0.5 * k * Math.log(2 * Math.PI) - 0.5 * sl - 0.5 * s.yPy;
          return -0.5 * (k - p) * Math.log(2 * Math.PI) - 0.5 * sl - 0.5 * s.logdet - 0.5 * s.yPy;
        };
        if (ll(0) - ll(tau2) > UNIROOT_TOL && tau2 > 1e-5) tau2 = 0;
      }
      return fin(tau2, (t) => {
        const s = ws(t);
        if (method === "ML") return Math.sqrt(2 / s.sw2);
        if (method === "REML") return Math.sqrt(2 / s.trPP);
        return Math.sqrt(2 * k * k / (k - p) / s.sw ** 2);
      });
    }
  }
  throw new Error(`unknown method ${method}`);
}

/** Fit a model with a given design matrix (internal; inputs already validated). */
export function rmaX(
  yi: number[],
  vi: number[],
  Xrows: number[][],
  colnames: string[],
  method: Tau2Method,
  test: TestType,
  level: number,
  slab: string[],
  hasIntercept: boolean,
  context = "rmaMods",
): RmaModsResult {
  const k = yi.length;
  const X = new Matrix(Xrows);
  const p = X.columns;
  if (p > k) fail(context, "mods", `need at least as many studies as coefficients: k = ${k}, p = ${p}`);
  if (k === 1 && test !== "z") test = "z";
  const { tau2, se_tau2, iter } = estimateTau2X(X, Xrows, yi, vi, method, context);
  const w = vi.map((v) => 1 / (v + tau2));
  const s = wstats(Xrows, w, yi, context, false);
  const beta = s.beta;
  const rssF = s.yPy;
  let vb = s.A.clone();
  let s2w = 1;
  let ddf: number | null = null;
  if (test === "knha") {
    s2w = rssF <= 2.220446049250313e-16 ? 0 : rssF / (k - p);
    vb = vb.mul(s2w);
    ddf = k - p;
  }
  const btt = colnames.map((_, j) => j).filter((j) => !(hasIntercept && j === 0));
  const m = btt.length;
  let QM = 0;
  if (m > 0) {
    const bsub = Matrix.columnVector(btt.map((j) => beta[j]));
    const vsub = new Matrix(btt.map((i) => btt.map((j) => vb.get(i, j))));
    QM = bsub.transpose().mmul(invSPD(vsub, context).inv).mmul(bsub).get(0, 0);
  }
  const se = beta.map((_, j) => Math.sqrt(vb.get(j, j)));
  const zval = beta.map((b, j) => b / se[j]);
  const alpha = (100 - level) / 100;
  let pval: number[], crit: number, QMp: number;
  if (ddf !== null) {
    QM = QM / m;
    QMp = m > 0 ? pf(QM, m, ddf, { lower: false }) : NaN;
    pval = zval.map((z) => 2 * pt(Math.abs(z), ddf!, { lower: false }));
    crit = qt(alpha / 2, ddf, { lower: false });
  } else {
    QMp = m > 0 ? pchisq(QM, m, { lower: false }) : NaN;
    pval = zval.map((z) => 2 * pnorm(Math.abs(z), 0, 1, { lower: false }));
    crit = qnorm(alpha / 2, 0, 1, { lower: false });
  }
  let QE = 0, QEp = 1, I2 = 0, H2 = 1;
  if (k > p) {
    const ybar = yi.reduce((a, b) => a + b, 0) / k;
    const s0 = wstats(Xrows, vi.map((v) => 1 / v), yi.map((v) => v - ybar), context);
    QE = Math.max(0, s0.yPy);
    QEp = pchisq(QE, k - p, { lower: false });
    const vt = (k - p) / s0.trP;
    if (method === "FE") {
      I2 = QE > 0 ? Math.max(0, 100 * (QE - (k - p)) / QE) : 0;
      H2 = QE / (k - p);
    } else {
      I2 = 100 * tau2 / (vt + tau2);
      H2 = tau2 / vt + 1;
    }
  }
  let R2: number | null = null;
  if (hasIntercept && p > 1) {
    if (method === "FE") {
      R2 = null; // metafor uses a weighted lm adjusted R² here; not provided
    } else {
      const tau2RE = rmaFit(yi, vi, method, test, level, slab).tau2;
      R2 = tau2RE === 0 ? 0 : Math.max(0, 100 * (tau2RE - tau2) / tau2RE);
    }
  }
  return {
    model: "rma.uni.mods",
    k,
    p,
    method,
    test,
    level,
    colnames,
    beta,
    se,
    zval,
    pval,
    ci_lb: beta.map((b, j) => b - crit * se[j]),
    ci_ub: beta.map((b, j) => b + crit * se[j]),
    vb: vb.to2DArray(),
    tau2,
    se_tau2,
    QE,
    QEdf: k - p,
    QEp,
    QM: m > 0 ? QM : 0,
    QMdf: [m, ddf],
    QMp: m > 0 ? QMp : 1,
    I2,
    H2,
    R2,
    s2w,
    ddf,
    iter,
    yi: yi.slice(),
    vi: vi.slice(),
    X: Xrows,
    slab,
  };
}

/**
 * Meta-regression with continuous and/or categorical moderators, as metafor's
 * `rma(yi, vi, mods = ~ ..., method, test)`.
 * @example
 * const fit = rmaMods({ yi: [-0.9, -1.6, -1.3, -1.4], vi: [0.33, 0.19, 0.42, 0.01], mods: { ablat: [44, 55, 42, 52] }, method: "DL" });
 * fit.colnames; // ["intrcpt", "ablat"]
 */
export function rmaMods(input: RmaModsInput): RmaModsResult {
  const d = parseInput(SCHEMA, input, "rmaMods") as RmaModsInput;
  const k = d.yi.length;
  if (d.vi.length !== k) fail("rmaMods", "vi", `must have ${k} elements (like yi)`, d.vi.length);
  if (d.slab && d.slab.length !== k) fail("rmaMods", "slab", `must have ${k} elements (like yi)`, d.slab.length);
  const intercept = d.intercept ?? true;
  const { X, colnames } = modelMatrix(d.mods, k, intercept);
  return rmaX(
    d.yi,
    d.vi,
    X,
    colnames,
    d.method ?? "REML",
    d.test ?? "z",
    d.level ?? 95,
    d.slab ?? d.yi.map((_, i) => String(i + 1)),
    intercept,
  );
}
