/**
 * The one τ² estimator of the meta engine (internal). It serves the intercept-only model
 * (`rma`) and any design matrix (`rmaMods`, subgroups, Egger's test, trim-and-fill) through the
 * same code: metafor's start values, Fisher-scoring steps, step halving, stopping rules, the
 * `ll0check` of ML/REML and the standard errors of τ², written once.
 *
 * Every quantity the estimators need is expressed with p x p algebra on weighted cross-products
 * X' diag(c) X (never a k x k matrix): with W = diag(w), A = (X'WX)^-1 and P = W - WXAX'W,
 *
 * - y'Py = Σ w e², e = y - Xb, and y'PPy = Σ w² e²;
 * - tr(P) = Σw - tr(A X'W²X), tr(PP) = Σw² - 2 tr(A X'W³X) + tr((A X'W²X)²);
 * - tr(PV) = Σwv - tr(A X'diag(w²v)X);
 * - tr(PVPV) = Σw²v² - 2 tr(A X'diag(w³v²)X) + tr((A X'diag(w²v)X)²);
 * - tr(PPV) = Σw²v - 2 tr(A X'diag(w³v)X) + tr(A X'W²X A X'diag(w²v)X).
 *
 * For X = 1 (p = 1) these reduce to the closed forms (X'diag(c)X = Σc), so the intercept-only
 * model costs O(k) per iteration and allocates only a few small arrays.
 * @module
 */
import { median } from "d3-array";
import { fail } from "../validate.ts";
import { zeroViWarnings } from "./_validate.ts";
import { uniroot, UNIROOT_TOL } from "../stats/_uniroot.ts";
import type { Tau2Method } from "./rma.ts";

/**
 * A design matrix stored row-major (k rows, p columns); `ones` marks X = 1 (intercept only), whose
 * entries are not stored (`x` may be empty).
 */
export interface Design {
  k: number;
  p: number;
  /** Row-major entries, length k * p. */
  x: Float64Array;
  /** True when X is a single column of ones. */
  ones: boolean;
}

function zeros(n: number): number[] {
  if (n === 1) return [0];
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

const NO_ENTRIES = new Float64Array(0);

/** The intercept-only design (X = 1). */
export function interceptDesign(k: number): Design {
  return { k, p: 1, x: NO_ENTRIES, ones: true };
}

/** A design from rows (`X[i][j]`). */
export function designOf(rows: readonly (readonly number[])[]): Design {
  const k = rows.length, p = k ? rows[0].length : 0;
  const x = new Float64Array(k * p);
  let ones = p === 1;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < p; j++) {
      x[i * p + j] = rows[i][j];
      if (rows[i][j] !== 1) ones = false;
    }
  }
  return { k, p, x, ones };
}

/** X' diag(c) X as a p x p row-major array. */
function crossprod(d: Design, c: ArrayLike<number>): number[] {
  const { k, p, x } = d;
  const out = zeros(p * p);
  if (p === 1) {
    let s = 0;
    for (let i = 0; i < k; i++) s += c[i] * x[i] * x[i];
    out[0] = s;
    return out;
  }
  for (let i = 0; i < k; i++) {
    const ci = c[i], o = i * p;
    for (let a = 0; a < p; a++) {
      const xa = ci * x[o + a];
      for (let b = 0; b <= a; b++) out[a * p + b] += xa * x[o + b];
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) out[b * p + a] = out[a * p + b];
  return out;
}

/** Product of two p x p matrices. */
function mmul(A: number[], B: number[], p: number): number[] {
  if (p === 1) return [A[0] * B[0]];
  const out = zeros(p * p);
  for (let i = 0; i < p; i++) {
    for (let l = 0; l < p; l++) {
      const a = A[i * p + l];
      for (let j = 0; j < p; j++) out[i * p + j] += a * B[l * p + j];
    }
  }
  return out;
}

/** tr(AB) of two p x p matrices. */
function trAB(A: number[], B: number[], p: number): number {
  let s = 0;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) s += A[i * p + j] * B[j * p + i];
  return s;
}

/**
 * Inverse and log-determinant of a symmetric positive definite p x p matrix (Cholesky). A matrix
 * that is not positive definite means the moderators are redundant or constant.
 */
export function invSPD(M: number[], p: number, context: string): { inv: number[]; logdet: number } {
  if (p === 1) {
    if (!(M[0] > 0)) {
      fail(context, "mods", "give a model matrix that is not of full rank (redundant or constant moderators)");
    }
    return { inv: [1 / M[0]], logdet: Math.log(M[0]) };
  }
  const L = zeros(p * p);
  let logdet = 0;
  for (let j = 0; j < p; j++) {
    let s = (M[j * p + j] + M[j * p + j]) / 2;
    for (let l = 0; l < j; l++) s -= L[j * p + l] * L[j * p + l];
    if (!(s > 0)) {
      fail(context, "mods", "give a model matrix that is not of full rank (redundant or constant moderators)");
    }
    const djj = Math.sqrt(s);
    L[j * p + j] = djj;
    logdet += 2 * Math.log(djj);
    for (let i = j + 1; i < p; i++) {
      let t = (M[i * p + j] + M[j * p + i]) / 2;
      for (let l = 0; l < j; l++) t -= L[i * p + l] * L[j * p + l];
      L[i * p + j] = t / djj;
    }
  }
  // inverse of L, then A = L^-T L^-1
  const Li = zeros(p * p);
  for (let i = 0; i < p; i++) {
    Li[i * p + i] = 1 / L[i * p + i];
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let l = j; l < i; l++) s -= L[i * p + l] * Li[l * p + j];
      Li[i * p + j] = s / L[i * p + i];
    }
  }
  const inv = zeros(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let l = i; l < p; l++) s += Li[l * p + i] * Li[l * p + j];
      inv[i * p + j] = s;
      inv[j * p + i] = s;
    }
  }
  return { inv, logdet };
}

/** Weighted least squares quantities for weights `w` (see the module doc). */
export interface WStats {
  /** (X'WX)^-1, row-major p x p. */
  A: number[];
  /** log |X'WX|. */
  logdet: number;
  sw: number;
  sw2: number;
  beta: number[];
  yPy: number;
  yPPy: number;
  /** tr(P) and tr(PP) (NaN unless requested). */
  trP: number;
  trPP: number;
  /** X'W²X (empty unless tr(P) was requested). */
  M2: number[];
}

/** Weighted least squares of y on X with weights w, and (on request) tr(P), tr(PP). */
export function wstats(d: Design, w: ArrayLike<number>, y: ArrayLike<number>, context: string, needPP = true): WStats {
  const { k, p, x } = d;
  const pp = p * p;
  const M1 = zeros(pp), M2 = zeros(needPP ? pp : 0), M3 = zeros(needPP ? pp : 0);
  const xwy = zeros(p);
  let sw = 0, sw2 = 0;
  if (d.ones) {
    let m2 = 0, m3 = 0, xy = 0;
    for (let i = 0; i < k; i++) {
      const wi = w[i], w2 = wi * wi;
      sw += wi;
      sw2 += w2;
      m2 += w2;
      m3 += w2 * wi;
      xy += wi * y[i];
    }
    M1[0] = sw;
    if (needPP) {
      M2[0] = m2;
      M3[0] = m3;
    }
    xwy[0] = xy;
  } else if (p === 1) {
    let m1 = 0, m2 = 0, m3 = 0, xy = 0;
    for (let i = 0; i < k; i++) {
      const wi = w[i], xi = x[i], wx = wi * xi * xi;
      sw += wi;
      sw2 += wi * wi;
      m1 += wx;
      m2 += wi * wx;
      m3 += wi * wi * wx;
      xy += wi * xi * y[i];
    }
    M1[0] = m1;
    if (needPP) {
      M2[0] = m2;
      M3[0] = m3;
    }
    xwy[0] = xy;
  } else {
    for (let i = 0; i < k; i++) {
      const wi = w[i], o = i * p;
      sw += wi;
      sw2 += wi * wi;
      for (let a = 0; a < p; a++) {
        const xa = x[o + a];
        xwy[a] += wi * xa * y[i];
        for (let b = 0; b <= a; b++) {
          const xx = wi * xa * x[o + b];
          M1[a * p + b] += xx;
          if (needPP) {
            M2[a * p + b] += wi * xx;
            M3[a * p + b] += wi * wi * xx;
          }
        }
      }
    }
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < a; b++) {
        M1[b * p + a] = M1[a * p + b];
        if (needPP) {
          M2[b * p + a] = M2[a * p + b];
          M3[b * p + a] = M3[a * p + b];
        }
      }
    }
  }
  const { inv: A, logdet } = invSPD(M1, p, context);
  const beta = zeros(p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) beta[a] += A[a * p + b] * xwy[b];
  let yPy = 0, yPPy = 0;
  for (let i = 0; i < k; i++) {
    let f = 0;
    if (d.ones) f = beta[0];
    else for (let a = 0; a < p; a++) f += x[i * p + a] * beta[a];
    const e = y[i] - f;
    const we = w[i] * e * e;
    yPy += we;
    yPPy += w[i] * we;
  }
  let trP = NaN, trPP = NaN;
  if (needPP) {
    if (p === 1) {
      const am2 = A[0] * M2[0];
      trP = sw - am2;
      trPP = sw2 - 2 * A[0] * M3[0] + am2 * am2;
    } else {
      const AM2 = mmul(A, M2, p);
      let tAM2 = 0;
      for (let a = 0; a < p; a++) tAM2 += AM2[a * p + a];
      trP = sw - tAM2;
      trPP = sw2 - 2 * trAB(A, M3, p) + trAB(AM2, AM2, p);
    }
  }
  return { A, logdet, sw, sw2, beta, yPy, yPPy, trP, trPP, M2 };
}

/**
 * {@link wstats} for the weights w = 1/(vi + t) of a τ² value; for X = 1 without allocating the
 * weights (the intercept-only model is fitted thousands of times by the design simulator).
 */
export function wstatsTau(
  d: Design,
  vi: readonly number[],
  t: number,
  y: ArrayLike<number>,
  context: string,
  needPP = true,
): WStats {
  if (!d.ones) return wstats(d, vi.map((v) => 1 / (v + t)), y, context, needPP);
  const k = d.k;
  let sw = 0, sw2 = 0, sw3 = 0, swy = 0;
  for (let i = 0; i < k; i++) {
    const wi = 1 / (vi[i] + t), w2 = wi * wi;
    sw += wi;
    sw2 += w2;
    sw3 += w2 * wi;
    swy += wi * y[i];
  }
  if (!(sw > 0)) {
    fail(context, "mods", "give a model matrix that is not of full rank (redundant or constant moderators)");
  }
  const a = 1 / sw, b = swy * a;
  let yPy = 0, yPPy = 0;
  for (let i = 0; i < k; i++) {
    const wi = 1 / (vi[i] + t), e = y[i] - b;
    const we = wi * e * e;
    yPy += we;
    yPPy += wi * we;
  }
  let trP = NaN, trPP = NaN;
  if (needPP) {
    const am2 = a * sw2;
    trP = sw - am2;
    trPP = sw2 - 2 * a * sw3 + am2 * am2;
  }
  return { A: [a], logdet: Math.log(sw), sw, sw2, beta: [b], yPy, yPPy, trP, trPP, M2: needPP ? [sw2] : [] };
}

/** tr(PV), tr(PVPV) and tr(PPV) for weights w (HE and SJ need them). */
function pvTraces(d: Design, s: WStats, w: ArrayLike<number>, vi: readonly number[], all = true) {
  const { k, p } = d;
  if (d.ones) {
    // X = 1: X'diag(c)X = Σc and A = 1/Σw
    let swv = 0, sw2v2 = 0, sw2v = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
    for (let i = 0; i < k; i++) {
      const wi = w[i], v = vi[i], w2 = wi * wi;
      swv += wi * v;
      sw2v2 += w2 * v * v;
      sw2v += w2 * v;
      s1 += w2 * v;
      s2 += w2 * wi * v * v;
      s3 += w2 * wi * v;
      s4 += w2;
    }
    const a = s.A[0];
    const trPV = swv - a * s1;
    if (!all) return { trPV, trPVPV: NaN, trPPV: NaN };
    return { trPV, trPVPV: sw2v2 - 2 * a * s2 + (a * s1) ** 2, trPPV: sw2v - 2 * a * s3 + a * s4 * a * s1 };
  }
  const c1 = zeros(k), c2 = zeros(k), c3 = zeros(k), c4 = zeros(k);
  let swv = 0, sw2v2 = 0, sw2v = 0;
  for (let i = 0; i < k; i++) {
    const wi = w[i], v = vi[i];
    swv += wi * v;
    sw2v2 += wi * wi * v * v;
    sw2v += wi * wi * v;
    c1[i] = wi * wi * v; // diag(w²v)
    c2[i] = wi * wi * wi * v * v; // diag(w³v²)
    c3[i] = wi * wi * wi * v; // diag(w³v)
    c4[i] = wi * wi;
  }
  const AMb = mmul(s.A, crossprod(d, c1), p);
  let tAMb = 0;
  for (let a = 0; a < p; a++) tAMb += AMb[a * p + a];
  const trPV = swv - tAMb;
  if (!all) return { trPV, trPVPV: NaN, trPPV: NaN };
  const trPVPV = sw2v2 - 2 * trAB(s.A, crossprod(d, c2), p) + trAB(AMb, AMb, p);
  const M2 = s.M2.length ? s.M2 : crossprod(d, c4);
  const trPPV = sw2v - 2 * trAB(s.A, crossprod(d, c3), p) + trAB(mmul(s.A, M2, p), AMb, p);
  return { trPV, trPVPV, trPPV };
}

/** R's mad(): 1.4826 × the median absolute deviation from the median (d3-array's median). */
export function mad(x: readonly number[]): number {
  const m = median(x) ?? NaN;
  return 1.4826 * (median(x.map((v) => Math.abs(v - m))) ?? NaN);
}

/** τ², its standard error (null for FE and k = 1) and the number of iterations. */
export interface Tau2Fit {
  tau2: number;
  se_tau2: number | null;
  iter: number;
}

const THRESHOLD = 1e-5;
const MAXITER = 100;

/**
 * Estimate τ² for design `d` as metafor does (centred yi, same start values, steps and stopping
 * rules). `d` is {@link interceptDesign} for `rma` and {@link designOf} for meta-regression.
 */
export function estimateTau2(
  d: Design,
  yi: readonly number[],
  vi: readonly number[],
  method: Tau2Method,
  context = "rma",
): Tau2Fit {
  const { k, p } = d;
  const allvipos = vi.every((v) => v > 0);
  if (!allvipos && (method === "DL" || method === "HS" || method === "PM")) {
    // metafor: "<method> estimator cannot be used when there are non-positive sampling variances in the data."
    fail(
      context,
      "method",
      `cannot be ${method} here: "${method} estimator cannot be used when there are non-positive sampling ` +
        `variances in the data" (some vi = 0), as metafor stops; use REML, ML, EB, HE or SJ`,
      method,
    );
  }
  if (method === "FE") return { tau2: 0, se_tau2: null, iter: 0 };
  if (k === 1 && p === 1) return { tau2: 0, se_tau2: null, iter: 0 };
  if (p + 1 > k) {
    fail(context, "mods", `need more studies than parameters: k = ${k}, p + 1 = ${p + 1} (coefficients + tau2)`);
  }
  // metafor estimates τ² from mean-centred yi (for stability; the estimates are invariant to it)
  let ybar = 0;
  for (const v of yi) ybar += v;
  ybar /= k;
  const y = yi.map((v) => v - ybar);
  let iter = 0;
  const weights = (t: number): number[] => vi.map((v) => 1 / (v + t));
  const ws = (t: number, needPP = true) => wstatsTau(d, vi, t, y, context, needPP);
  const sqrtPos = (x: number) => Math.sqrt(Math.max(0, x));
  const fin = (t: number, se: (tt: number) => number): Tau2Fit => {
    const tt = Math.max(0, t);
    return { tau2: tt, se_tau2: se(tt), iter };
  };
  let onesW: number[] | null = null;
  // the OLS fit: HE estimate, and the start value of ML, REML and EB
  const olsHE = (all = true) => {
    const ones = onesW ??= vi.map(() => 1);
    const s = wstats(d, ones, y, context, false);
    const { trPV, trPVPV } = pvTraces(d, s, ones, vi, all);
    return { rss: s.yPy, trPV, trPVPV };
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
      const { rss, trPV, trPVPV } = olsHE();
      return fin(
        (rss - trPV) / (k - p),
        (t) => sqrtPos(1 / (k - p) ** 2 * (2 * trPVPV + 4 * t * trPV + 2 * t * t * (k - p))),
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
      for (let i = 0; i < k; i++) ss += y[i] * y[i];
      const tau20 = ss / k; // var(yi) * (k - 1) / k
      const w = weights(tau20);
      const s = wstats(d, w, y, context, true);
      const { trPVPV, trPPV } = pvTraces(d, s, w, vi);
      return fin(
        tau20 * s.yPy / (k - p),
        (t) => sqrtPos(tau20 ** 2 / (k - p) ** 2 * (2 * trPVPV + 4 * t * trPPV + 2 * t * t * s.trPP)),
      );
    }
    case "PM": {
      const target = k - p;
      const tau2max = Math.max(100, 10 * mad(yi as number[]) ** 2);
      const Q = (t: number) => ws(t, false).yPy;
      const q0 = Q(0);
      let tau2 = 0;
      if (q0 >= target) {
        const qmax = Q(tau2max);
        if (qmax > target) {
          fail(context, "method", `PM: tau2 is above the search limit ${tau2max}; use another method`, "PM");
        }
        const r = uniroot((t) => Q(t) - target, 0, tau2max, {
          tol: UNIROOT_TOL,
          maxiter: MAXITER,
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
      const he = olsHE(false);
      let tau2 = Math.max(0, (he.rss - he.trPV) / (k - p));
      let change = THRESHOLD + 1;
      while (change > THRESHOLD) {
        iter++;
        // metafor stops inside the loop once a weight 1/(vi + tau2) is infinite (vi = 0 at tau2 = 0)
        if (tau2 === 0 && !allvipos) zeroViWarnings(context, vi, 0, method, p === 1);
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
        if (iter > MAXITER) {
          fail(context, "method", `${method}: Fisher scoring did not converge in ${MAXITER} iterations`, method);
        }
      }
      if (method !== "EB" && allvipos) {
        // metafor's ll0check (only when every vi > 0, as metafor): if the (restricted) likelihood is larger at tau2 = 0, use 0.
        const ll = (t: number) => {
          const s = ws(t, false);
          let sl = 0;
          for (const v of vi) sl += Math.log(v + t);
          if (method === "ML") return -0.5 * k * Math.log(2 * Math.PI) - 0.5 * sl - 0.5 * s.yPy;
          return -0.5 * (k - p) * Math.log(2 * Math.PI) - 0.5 * sl - 0.5 * s.logdet - 0.5 * s.yPy;
        };
        if (ll(0) - ll(tau2) > UNIROOT_TOL && tau2 > THRESHOLD) tau2 = 0;
      }
      return fin(tau2, (t) => {
        const s = ws(t, method === "REML");
        if (method === "ML") return Math.sqrt(2 / s.sw2);
        if (method === "REML") return Math.sqrt(2 / s.trPP);
        return Math.sqrt(2 * k * k / (k - p) / s.sw ** 2);
      });
    }
  }
  return fail(context, "method", "is not a known tau2 estimator", method);
}
