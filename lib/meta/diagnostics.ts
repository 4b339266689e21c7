/**
 * Model diagnostics and publication-bias tools for univariate meta-analyses (fits of `rma()` and
 * `rmaMods()`), as metafor 3.8.1 computes them: {@link influence} (externally studentised
 * residuals, DFFITS, Cook's distances, covariance ratios, leave-one-out τ² and QE, hat values,
 * weights, DFBETAS and the influential flags), {@link baujat} data, {@link cumul} (cumulative
 * meta-analysis in the order of a column), {@link ranktest} (Begg's rank correlation test),
 * {@link fsn} (fail-safe N: Rosenthal, Orwin, Rosenberg), {@link permutest} (exact permutation
 * tests), {@link knhaAdhoc} (the modified Knapp–Hartung test) and {@link selmodel} (the
 * step-function selection model, 3PSM).
 *
 * A fit is anything with `yi`, `vi`, `tau2`, `method` (and `test`, `level`; with moderators the
 * model matrix `X` and `colnames`), i.e. the results of `rma()` and `rmaMods()`. Refits (leave one
 * out, cumulative, permutations) use the same τ² estimator through `rma()` / `rmaMods()`.
 *
 * @example
 * ```ts
 * import { rma } from "./rma.ts";
 * import { influence } from "./diagnostics.ts";
 * const fit = rma({ yi: [0.1, 0.5, 0.3, 0.8, 0.2, 1.9], vi: [0.02, 0.03, 0.02, 0.05, 0.04, 0.03] });
 * const inf = influence(fit);
 * if (inf.hat.length !== 6 || Math.abs(inf.weight.reduce((a, b) => a + b, 0) - 100) > 1e-9) throw new Error("weights sum to 100 %");
 * ```
 * @module
 */
import { fail, failAt, ValidationError } from "../validate.ts";
import { normalizeLevel } from "../conventions.ts";
import { pchisq, pf, pnorm, pt, qnorm, qt } from "../stats/distributions.ts";
import { rma } from "./rma.ts";
import { rmaMods } from "./metareg.ts";
import { spdInverse } from "../stats/_linalg.ts";
import { createRandom } from "../stats/random.ts";
import { bfgs } from "./_mv_optim.ts";
import { pushRefit, refitColumns } from "./_refits.ts";

/** A univariate fit as `rma()` / `rmaMods()` return it (the fields the diagnostics use). */
export interface DiagFit {
  /** Effect sizes. */
  yi: number[];
  /** Sampling variances. */
  vi: number[];
  /** Estimated τ². */
  tau2: number;
  /** τ² estimator ("FE", "DL", "REML", ...). */
  method: string;
  /** "z" (default) or "knha". */
  test?: string;
  /** Confidence level in percent (default 95). */
  level?: number;
  /** Model matrix (rows); absent for intercept-only fits. */
  X?: number[][];
  /** Coefficient names. */
  colnames?: string[];
}

type Method = "FE" | "DL" | "HE" | "HS" | "SJ" | "ML" | "REML" | "EB" | "PM";

interface Fit0 {
  yi: number[];
  vi: number[];
  X: number[][];
  p: number;
  k: number;
  method: Method;
  test: "z" | "knha";
  level: number;
  tau2: number;
  intercept: boolean;
}

function fit0(tool: string, fit: DiagFit): Fit0 {
  if (fit === null || typeof fit !== "object" || !Array.isArray(fit.yi) || !Array.isArray(fit.vi)) {
    fail(tool, "fit", "must be a result of rma() or rmaMods() (with yi, vi, tau2, method)", fit);
  }
  const k = fit.yi.length;
  if (fit.vi.length !== k) fail(tool, "fit.vi", `must have ${k} elements (like yi)`, fit.vi.length);
  if (typeof fit.tau2 !== "number" || !Number.isFinite(fit.tau2)) {
    fail(tool, "fit.tau2", "must be a finite number", fit.tau2);
  }
  const X = fit.X ?? fit.yi.map(() => [1]);
  const test = (fit.test ?? "z") as "z" | "knha";
  if (test !== "z" && test !== "knha") fail(tool, "fit.test", 'must be "z" or "knha"', fit.test);
  return {
    yi: fit.yi,
    vi: fit.vi,
    X,
    p: X[0].length,
    k,
    method: fit.method as Method,
    test,
    level: normalizeLevel(fit.level ?? 95, tool, "fit.level"),
    tau2: fit.tau2,
    intercept: X.every((r) => r[0] === 1) && (fit.colnames === undefined || fit.colnames[0] === "intrcpt"),
  };
}

/** Weighted least squares with weights 1/(vi + tau2): beta, A = (X'WX)^-1, residuals, Σ w e². */
interface Gls {
  beta: number[];
  A: number[][];
  w: number[];
  resid: number[];
  rss: number;
}

function gls(tool: string, yi: number[], vi: number[], X: number[][], tau2: number): Gls {
  const k = yi.length, p = X[0].length;
  const w = vi.map((v) => 1 / (v + tau2));
  const XtWX = new Float64Array(p * p), XtWy = new Float64Array(p);
  for (let i = 0; i < k; i++) {
    for (let a = 0; a < p; a++) {
      XtWy[a] += X[i][a] * w[i] * yi[i];
      for (let b = 0; b < p; b++) XtWX[a * p + b] += X[i][a] * w[i] * X[i][b];
    }
  }
  const inv = spdInverse(XtWX, p);
  if (inv === null) fail(tool, "mods", "the model matrix is not of full rank in this subset");
  const A = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => inv.inv[a * p + b]));
  const beta = A.map((row) => row.reduce((s, v, b) => s + v * XtWy[b], 0));
  const resid = yi.map((y, i) => y - X[i].reduce((s, x, a) => s + x * beta[a], 0));
  const rss = resid.reduce((s, e, i) => s + w[i] * e * e, 0);
  return { beta, A, w, resid, rss };
}

/** τ² of a refit with the fit's estimator (through rma() / rmaMods()). */
function tau2Of(yi: number[], vi: number[], X: number[][], method: Method): number {
  if (method === "FE") return 0;
  if (yi.length === 1) return 0;
  const p = X[0].length;
  if (p === 1 && X.every((r) => r[0] === 1)) return rma({ yi, vi, method }).tau2;
  const intercept = X.every((r) => r[0] === 1);
  const mods: Record<string, number[]> = {};
  for (let j = intercept ? 1 : 0; j < p; j++) mods[`x${j}`] = X.map((r) => r[j]);
  return rmaMods({ yi, vi, mods, intercept, method }).tau2;
}

/** QE = Σ (y - X b_FE)² / vi. */
function qe(tool: string, yi: number[], vi: number[], X: number[][]): number {
  return Math.max(0, gls(tool, yi, vi, X, 0).rss);
}

function det(A: number[][]): number {
  const p = A.length;
  const f = new Float64Array(p * p);
  A.forEach((r, a) => r.forEach((v, b) => (f[a * p + b] = v)));
  const inv = spdInverse(f, p);
  return inv === null ? 0 : Math.exp(inv.logdet);
}

interface Loo {
  tau2: number[];
  QE: (number | null)[];
  beta: number[][];
  vb: number[][][];
}

function leaveOneOut(tool: string, f: Fit0): Loo {
  const out: Loo = { tau2: [], QE: [], beta: [], vb: [] };
  for (let i = 0; i < f.k; i++) {
    const keep = (_: unknown, j: number) => j !== i;
    const yi = f.yi.filter(keep), vi = f.vi.filter(keep), X = f.X.filter(keep);
    const t2 = tau2Of(yi, vi, X, f.method);
    const g = gls(tool, yi, vi, X, t2);
    let vb = g.A;
    if (f.test === "knha") {
      const s2w = g.rss / (yi.length - f.p);
      vb = vb.map((r) => r.map((v) => v * s2w));
    }
    out.tau2.push(t2);
    // metafor: QE.del is NA when the refit has a non-positive sampling variance (vi = 0)
    out.QE.push(vi.every((v) => v > 0) ? qe(tool, yi, vi, X) : null);
    out.beta.push(g.beta);
    out.vb.push(vb);
  }
  return out;
}

const quad = (x: number[], A: number[][], y: number[]) =>
  x.reduce((s, xa, a) => s + xa * A[a].reduce((t, v, b) => t + v * y[b], 0), 0);

/** Result of {@link influence} (metafor's `influence()` columns, one entry per study). */
export interface InfluenceResult {
  /** Externally studentised residuals (metafor's `rstudent`). */
  rstudent_z: number[];
  /** Deleted residuals y_i - x_i' b_(-i) and their standard errors (metafor's `rstudent()` resid, se, z). */
  rstudent: { resid: number[]; se: number[]; z: number[] };
  /** DFFITS. */
  dffits: number[];
  /** Cook's distances. */
  cook_d: number[];
  /** Covariance ratios det(vb_(-i)) / det(vb). */
  cov_r: number[];
  /** Leave-one-out τ². */
  tau2_del: number[];
  /** Leave-one-out QE (null, metafor's NA, when the refit keeps a study with vi = 0). */
  QE_del: (number | null)[];
  /** Hat values. */
  hat: number[];
  /** Weights in percent. */
  weight: number[];
  /** DFBETAS, one array per coefficient. */
  dfbs: number[][];
  /** "*" for influential studies, "" otherwise. */
  inf_mark: string[];
  /** Influential by metafor's rule (any of: |dffits| > 3√(p/(k-p)), pchisq(cook_d, p) > 0.5, hat > 3p/k, any |dfbs| > 1). */
  is_infl: boolean[];
}

/**
 * Leave-one-out influence diagnostics, as metafor's `influence(fit)` (each study left out and the
 * model refitted with the same τ² estimator and test).
 *
 * @example
 * ```ts
 * import { rma } from "./rma.ts";
 * import { influence } from "./diagnostics.ts";
 * const fit = rma({ yi: [0.1, 0.2, 0.15, 0.12, 1.5], vi: [0.01, 0.01, 0.01, 0.01, 0.01], method: "FE" });
 * if (!influence(fit).is_infl[4]) throw new Error("the outlier is influential");
 * ```
 */
export function influence(fit: DiagFit): InfluenceResult {
  const tool = "influence";
  const f = fit0(tool, fit);
  const { k, p } = f;
  if (k <= p + 1) fail(tool, "fit", `needs at least ${p + 2} studies for leave-one-out refits`, k);
  const full = gls(tool, f.yi, f.vi, f.X, f.tau2);
  let vb = full.A;
  if (f.test === "knha") vb = vb.map((r) => r.map((v) => (v * full.rss) / (k - p)));
  const vbInvF = spdInverse(Float64Array.from(vb.flat()), p)!;
  const vbInv = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => vbInvF.inv[a * p + b]));
  const detVb = det(vb);
  const loo = leaveOneOut(tool, f);
  const sw = full.w.reduce((a, b) => a + b, 0);
  const hat = f.X.map((x, i) => full.w[i] * quad(x, full.A, x));
  const yhat = f.X.map((x) => x.reduce((s, v, a) => s + v * full.beta[a], 0));
  const resid: number[] = [], se: number[] = [], z: number[] = [], dffits: number[] = [], cook: number[] = [];
  const covr: number[] = [];
  const dfbs: number[][] = Array.from({ length: p }, () => []);
  for (let i = 0; i < k; i++) {
    const x = f.X[i], bi = loo.beta[i];
    const pred = x.reduce((s, v, a) => s + v * bi[a], 0);
    const r = f.yi[i] - pred;
    const s = Math.sqrt(f.vi[i] + loo.tau2[i] + quad(x, loo.vb[i], x));
    resid.push(r);
    se.push(s);
    z.push(r / s);
    dffits.push((yhat[i] - pred) / Math.sqrt(hat[i] * (loo.tau2[i] + f.vi[i])));
    const d = full.beta.map((b, a) => b - bi[a]);
    cook.push(quad(d, vbInv, d));
    covr.push(det(loo.vb[i]) / detVb);
    // vb.del: all k rows with weights 1/(vi + tau2_(-i))
    const del = gls(tool, f.yi, f.vi, f.X, loo.tau2[i]).A;
    for (let a = 0; a < p; a++) dfbs[a].push(d[a] / Math.sqrt(del[a][a]));
  }
  const cutDffits = 3 * Math.sqrt(p / (k - p));
  const is_infl = Array.from(
    { length: k },
    (_, i) =>
      Math.abs(dffits[i]) > cutDffits || pchisq(cook[i], p) > 0.5 || hat[i] > (3 * p) / k ||
      dfbs.some((col) => Math.abs(col[i]) > 1),
  );
  return {
    rstudent_z: z,
    rstudent: { resid, se, z },
    dffits,
    cook_d: cook,
    cov_r: covr,
    tau2_del: loo.tau2,
    QE_del: loo.QE,
    hat,
    weight: full.w.map((w) => (100 * w) / sw),
    dfbs,
    inf_mark: is_infl.map((b) => (b ? "*" : "")),
    is_infl,
  };
}

/** Result of {@link baujat}: the coordinates metafor's `baujat()` plots. */
export interface BaujatResult {
  /** Contribution to the heterogeneity: squared Pearson residual resid² / (τ² + vi). */
  x: number[];
  /** Influence on the overall result: (x_i'b - x_i'b_(-i))² / (x_i' vb_(-i) x_i). */
  y: number[];
  /** 1-based study ids. */
  ids: number[];
}

/**
 * Baujat plot data, as metafor's `baujat(fit)`.
 *
 * @example
 * ```ts
 * import { rma } from "./rma.ts";
 * import { baujat } from "./diagnostics.ts";
 * const b = baujat(rma({ yi: [0.1, 0.5, 0.3, 0.8, 0.2], vi: [0.02, 0.03, 0.02, 0.05, 0.04], method: "FE" }));
 * if (b.x.length !== 5 || b.ids[4] !== 5) throw new Error("one point per study");
 * ```
 */
export function baujat(fit: DiagFit): BaujatResult {
  const tool = "baujat";
  const f = fit0(tool, fit);
  if (f.k <= f.p + 1) fail(tool, "fit", `needs at least ${f.p + 2} studies for leave-one-out refits`, f.k);
  const full = gls(tool, f.yi, f.vi, f.X, f.tau2);
  const loo = leaveOneOut(tool, f);
  const x = full.resid.map((e, i) => (e * e) / (f.tau2 + f.vi[i]));
  const y = f.X.map((xi, i) => {
    const d = xi.reduce((s, v, a) => s + v * (full.beta[a] - loo.beta[i][a]), 0);
    return (d * d) / quad(xi, loo.vb[i], xi);
  });
  return { x, y, ids: f.yi.map((_, i) => i + 1) };
}

/** Result of {@link cumul}: one entry per step (studies added in order). */
export interface CumulResult {
  /** 1-based ids of the studies in the cumulative order. */
  order_ids: number[];
  /** Pooled estimate after each step. */
  estimate: number[];
  /** Its standard error. */
  se: number[];
  /** Test statistic (z, or t under knha). */
  zval: number[];
  /** p-value. */
  pval: number[];
  /** Confidence bounds. */
  ci_lb: number[];
  /** Confidence bounds. */
  ci_ub: number[];
  /** Cochran's Q and its p-value. */
  Q: (number | null)[];
  /** p-value of Q. */
  Qp: (number | null)[];
  /** τ² (null for a fixed-effect fit). */
  tau2: number[] | null;
  /** I² (%) and H². */
  I2: (number | null)[];
  /** H². */
  H2: (number | null)[];
}

/**
 * Cumulative meta-analysis, as metafor's `cumul(fit, order)`: studies are added in ascending order
 * of `order` (stable: ties keep the data order) and the model is refitted at each step with the
 * fit's method and test (τ² = 0 at the first step). Intercept-only fits.
 *
 * @example
 * ```ts
 * import { rma } from "./rma.ts";
 * import { cumul } from "./diagnostics.ts";
 * const fit = rma({ yi: [0.1, 0.5, 0.3], vi: [0.02, 0.03, 0.02] });
 * const c = cumul(fit, [2001, 1999, 2005]);
 * if (c.order_ids.join() !== "2,1,3" || c.Q[0] !== 0) throw new Error("ordered by year");
 * ```
 */
export function cumul(fit: DiagFit, order: number[]): CumulResult {
  const tool = "cumul";
  const f = fit0(tool, fit);
  if (f.p !== 1 || !f.intercept) fail(tool, "fit", "must be an intercept-only fit (rma())", f.p);
  if (!Array.isArray(order) || order.length !== f.k) {
    fail(tool, "order", `must have ${f.k} values (one per study)`, order?.length);
  }
  order.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      failAt(tool, i + 1, `order[${i}]`, "must be a finite number", v);
    }
  });
  const idx = order.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[1]);
  const out: CumulResult = {
    order_ids: idx.map((i) => i + 1),
    ...refitColumns(f.method === "FE" ? null : [] as number[]),
  };
  for (let j = 1; j <= f.k; j++) {
    const sel = idx.slice(0, j);
    let r;
    try {
      r = rma({
        yi: sel.map((i) => f.yi[i]),
        vi: sel.map((i) => f.vi[i]),
        method: f.method,
        test: f.test,
        level: f.level,
      });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      // Name the step, not rma's positions inside it: the user called cumul.
      const where = `step ${j} (the first ${j} studies in the cumulative order, rows ${
        sel.map((i) => i + 1).join(", ")
      })`;
      throw new ValidationError(
        "cumul",
        e.issues.map((i) => ({ ...i, path: `${i.path} in ${where}`, row: undefined })),
      );
    }
    pushRefit(out, r, j === 1);
  }
  return out;
}

/** Result of {@link ranktest}. */
export interface RanktestResult {
  /** Kendall's tau (tau-b with ties). */
  tau: number;
  /** Two-sided p-value. */
  pval: number;
  /** Whether there were ties (then the normal approximation was used, as R does). */
  ties: boolean;
  /** Warnings (ties). */
  warnings: string[];
}

/** P(T ≤ q) for Kendall's T (number of concordant pairs) with n untied observations (R's pkendall). */
function pkendall(q: number, n: number): number {
  const max = (n * (n - 1)) / 2;
  if (q < 0) return 0;
  if (q >= max) return 1;
  // probabilities of the number of inversions, built up one element at a time
  let prob = new Float64Array(max + 1);
  prob[0] = 1;
  let top = 0;
  for (let m = 2; m <= n; m++) {
    const next = new Float64Array(max + 1);
    const newTop = top + m - 1;
    // next[k] = (1/m) Σ_{j=0}^{m-1} prob[k - j] (sliding window)
    let win = 0;
    for (let kk = 0; kk <= newTop; kk++) {
      win += kk <= top ? prob[kk] : 0;
      if (kk - m >= 0 && kk - m <= top) win -= prob[kk - m];
      next[kk] = win / m;
    }
    prob = next;
    top = newTop;
  }
  let s = 0;
  for (let kk = 0; kk <= q; kk++) s += prob[kk];
  return Math.min(1, s);
}

/**
 * Begg & Mazumdar's rank correlation test for funnel-plot asymmetry, as metafor's `ranktest()`:
 * Kendall's tau between the standardised deviations from the fixed-effect mean and the sampling
 * variances; exact p-value without ties (R's `cor.test(exact = TRUE)`), the normal approximation
 * with tie-corrected variance otherwise.
 *
 * @example
 * ```ts
 * import { rma } from "./rma.ts";
 * import { ranktest } from "./diagnostics.ts";
 * const r = ranktest(rma({ yi: [0.1, 0.5, 0.3, 0.8, 0.2], vi: [0.02, 0.03, 0.01, 0.05, 0.04] }));
 * if (!(r.pval > 0 && r.pval <= 1) || r.ties) throw new Error("ranktest");
 * ```
 */
export function ranktest(fit: DiagFit): RanktestResult {
  const tool = "ranktest";
  const f = fit0(tool, fit);
  const k = f.k;
  if (k < 3) fail(tool, "fit", "needs at least 3 studies", k);
  const w = f.vi.map((v) => 1 / v);
  const sw = w.reduce((a, b) => a + b, 0);
  const theta = f.yi.reduce((s, y, i) => s + w[i] * y, 0) / sw;
  const ys = f.yi.map((y, i) => (y - theta) / Math.sqrt(f.vi[i] - 1 / sw));
  const x = ys, y = f.vi;
  let S = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) S += Math.sign(x[i] - x[j]) * Math.sign(y[i] - y[j]);
  const tieGroups = (v: number[]) => {
    const m = new Map<number, number>();
    v.forEach((a) => m.set(a, (m.get(a) ?? 0) + 1));
    return [...m.values()].filter((t) => t > 1);
  };
  const tx = tieGroups(x), ty = tieGroups(y);
  const T0 = (k * (k - 1)) / 2;
  const T1 = tx.reduce((s, t) => s + (t * (t - 1)) / 2, 0), T2 = ty.reduce((s, t) => s + (t * (t - 1)) / 2, 0);
  const tau = S / Math.sqrt((T0 - T1) * (T0 - T2));
  const ties = tx.length > 0 || ty.length > 0;
  let pval: number;
  const warnings: string[] = [];
  if (!ties) {
    const q = Math.round(((tau + 1) * k * (k - 1)) / 4);
    const pk = q > (k * (k - 1)) / 4 ? 1 - pkendall(q - 1, k) : pkendall(q, k);
    pval = Math.min(1, 2 * pk);
  } else {
    warnings.push(`${tool}: ties in the data; the p-value uses the normal approximation (as R's cor.test)`);
    const sum = (a: number[], g: (t: number) => number) => a.reduce((s, t) => s + g(t), 0);
    const v0 = k * (k - 1) * (2 * k + 5);
    const vt = sum(tx, (t) => t * (t - 1) * (2 * t + 5)), vu = sum(ty, (t) => t * (t - 1) * (2 * t + 5));
    const v1 = sum(tx, (t) => t * (t - 1)) * sum(ty, (t) => t * (t - 1));
    const v2 = sum(tx, (t) => t * (t - 1) * (t - 2)) * sum(ty, (t) => t * (t - 1) * (t - 2));
    const varS = (v0 - vt - vu) / 18 + v1 / (2 * k * (k - 1)) + v2 / (9 * k * (k - 1) * (k - 2));
    const zs = S / Math.sqrt(varS);
    pval = 2 * Math.min(pnorm(zs), pnorm(zs, 0, 1, { lower: false }));
  }
  return { tau, pval, ties, warnings };
}

/** Options of {@link fsn}. */
export interface FsnOptions {
  /** "Rosenthal" (default), "Orwin" or "Rosenberg". */
  type?: "Rosenthal" | "Orwin" | "Rosenberg";
  /** Significance threshold (proportion, default 0.05; one-sided for Rosenthal, two-sided for Rosenberg). */
  alpha?: number;
  /** Orwin: the target (default: half the mean effect). */
  target?: number;
  /** Orwin: 1/vi-weighted mean instead of the unweighted mean. */
  weighted?: boolean;
}

/** Result of {@link fsn}. */
export interface FsnResult {
  /** The method. */
  type: "Rosenthal" | "Orwin" | "Rosenberg";
  /** Fail-safe N (rounded up). */
  fsnum: number;
  /** Significance threshold used. */
  alpha: number;
  /** p-value of the combined test (null for Orwin). */
  pval: number | null;
  /** Mean effect used (null for Rosenthal). */
  meanes: number | null;
  /** Target effect (Orwin; null otherwise). */
  target: number | null;
}

function ceilTol(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) < 1.5e-8 ? r : Math.ceil(x);
}

/**
 * Fail-safe N, as metafor's `fsn(yi, vi, type)`: Rosenthal's (Stouffer's combined z, one-sided
 * alpha), Orwin's (studies with a null effect needed to bring the mean down to `target`), and
 * Rosenberg's (weighted fixed-effect z test).
 *
 * @example
 * ```ts
 * import { fsn } from "./diagnostics.ts";
 * const r = fsn({ yi: [0.5, 0.6, 0.4, 0.7], vi: [0.04, 0.05, 0.04, 0.06] }, { type: "Orwin" });
 * if (r.fsnum !== 4) throw new Error("Orwin: k (mean - target) / target = 4");
 * ```
 */
export function fsn(data: { yi: number[]; vi: number[] }, options: FsnOptions = {}): FsnResult {
  const tool = "fsn";
  const yi = data?.yi, vi = data?.vi;
  if (!Array.isArray(yi) || !Array.isArray(vi) || yi.length !== vi.length || yi.length < 1) {
    fail(tool, "vi", "yi and vi must be arrays of the same positive length", vi?.length);
  }
  vi.forEach((v, i) => {
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0) || !Number.isFinite(yi[i])) {
      failAt(tool, i + 1, `vi[${i}]`, "yi must be finite and vi > 0", v);
    }
  });
  const type = options.type ?? "Rosenthal";
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) fail(tool, "alpha", "must be a proportion in (0, 1)", alpha);
  const k = yi.length;
  if (type === "Rosenthal") {
    const zsum = Math.abs(yi.reduce((s, y, i) => s + y / Math.sqrt(vi[i]), 0)) / Math.sqrt(k);
    const pval = pnorm(zsum, 0, 1, { lower: false });
    const fsnum = Math.max(0, ceilTol(k * (zsum / qnorm(1 - alpha)) ** 2 - k));
    return { type, fsnum, alpha, pval, meanes: null, target: null };
  }
  if (type === "Orwin") {
    const w = options.weighted ? vi.map((v) => 1 / v) : vi.map(() => 1);
    const sw = w.reduce((a, b) => a + b, 0);
    const meanes = yi.reduce((s, y, i) => s + w[i] * y, 0) / sw;
    let target = options.target ?? meanes / 2;
    if (Math.sign(target) !== Math.sign(meanes)) target = -target;
    if (target === 0) fail(tool, "target", "must not be 0", target);
    const fsnum = Math.max(0, ceilTol((k * (meanes - target)) / target));
    return { type, fsnum, alpha, pval: null, meanes, target };
  }
  if (type === "Rosenberg") {
    const w = vi.map((v) => 1 / v);
    const sw = w.reduce((a, b) => a + b, 0);
    const swy = yi.reduce((s, y, i) => s + w[i] * y, 0);
    const meanes = swy / sw;
    const zval = meanes * Math.sqrt(sw);
    const pval = 2 * pnorm(Math.abs(zval), 0, 1, { lower: false });
    const fsnum = Math.max(0, ceilTol((k * ((swy / qnorm(1 - alpha / 2)) ** 2 - sw)) / sw));
    return { type, fsnum, alpha, pval, meanes, target: null };
  }
  return fail(tool, "type", "must be Rosenthal, Orwin or Rosenberg", type);
}

/** Result of {@link knhaAdhoc}: the coefficients' inference under the modified Knapp–Hartung test. */
export interface KnhaAdhocResult {
  /** Coefficients. */
  beta: number[];
  /** Standard errors (scaled by √max(1, s2w)). */
  se: number[];
  /** t statistics. */
  tval: number[];
  /** p-values (t with k - p df). */
  pval: number[];
  /** Confidence bounds. */
  ci_lb: number[];
  /** Confidence bounds. */
  ci_ub: number[];
  /** Denominator df k - p. */
  ddf: number;
  /** The scale used: max(1, Σ w e² / (k - p)). */
  s2w: number;
  /** Omnibus F test of the moderators (or of the intercept without them). */
  QM: number;
  /** Its df [m, k - p]. */
  QMdf: [number, number];
  /** Its p-value. */
  QMp: number;
  /** Covariance matrix of the coefficients. */
  vb: number[][];
}

/**
 * The modified Knapp–Hartung test (metafor's `test = "adhoc"`): the Knapp–Hartung scale s2w is
 * replaced by max(1, s2w), so the interval is never narrower than the z-based one.
 *
 * @example
 * ```ts
 * import { rma } from "./rma.ts";
 * import { knhaAdhoc } from "./diagnostics.ts";
 * const fit = rma({ yi: [0.30, 0.31, 0.29, 0.30], vi: [0.04, 0.05, 0.04, 0.06], method: "DL" });
 * if (knhaAdhoc(fit).s2w !== 1) throw new Error("a KH scale below 1 is raised to 1");
 * ```
 */
export function knhaAdhoc(fit: DiagFit, options: { level?: number } = {}): KnhaAdhocResult {
  const tool = "knhaAdhoc";
  const f = fit0(tool, fit);
  const { k, p } = f;
  if (k <= p) fail(tool, "fit", `needs more studies than coefficients (k = ${k}, p = ${p})`, k);
  const level = normalizeLevel(options.level ?? f.level, tool, "level");
  const g = gls(tool, f.yi, f.vi, f.X, f.tau2);
  const s2w = Math.max(1, g.rss / (k - p));
  const vb = g.A.map((r) => r.map((v) => v * s2w));
  const ddf = k - p;
  const se = g.beta.map((_, j) => Math.sqrt(vb[j][j]));
  const tval = g.beta.map((b, j) => b / se[j]);
  const crit = qt((1 - level / 100) / 2, ddf, { lower: false });
  const btt = f.intercept && p > 1 ? g.beta.map((_, j) => j).slice(1) : g.beta.map((_, j) => j);
  const m = btt.length;
  const sub = Float64Array.from(btt.flatMap((a) => btt.map((b) => vb[a][b])));
  const inv = spdInverse(sub, m)!;
  let QM = 0;
  btt.forEach((a, s) => btt.forEach((b, t) => (QM += g.beta[a] * inv.inv[s * m + t] * g.beta[b])));
  QM /= m;
  return {
    beta: g.beta,
    se,
    tval,
    pval: tval.map((t) => 2 * pt(Math.abs(t), ddf, { lower: false })),
    ci_lb: g.beta.map((b, j) => b - crit * se[j]),
    ci_ub: g.beta.map((b, j) => b + crit * se[j]),
    ddf,
    s2w,
    QM,
    QMdf: [m, ddf],
    QMp: pf(QM, m, ddf, { lower: false }),
    vb,
  };
}

/** Options of {@link permutest}. */
export interface PermutestOptions {
  /** Exact test (all sign flips / all distinct row permutations): "auto" (default) when there are at most `maxExact` arrangements. */
  exact?: boolean | "auto";
  /** Largest number of arrangements enumerated by the exact test under "auto" (default 10 000). */
  maxExact?: number;
  /** Monte Carlo permutations when not exact (default 1000). */
  iter?: number;
  /** Seed of the Monte Carlo permutations (required when the test is not exact). */
  seed?: number;
}

/** Result of {@link permutest}. */
export interface PermutestResult {
  /** Whether all arrangements were enumerated. */
  exact: boolean;
  /** Number of arrangements (permutations, or sign flips) evaluated, the observed one included. */
  n_permutations: number;
  /** Observed test statistics of the coefficients. */
  zval: number[];
  /** Permutation p-values of the coefficients. */
  pval: number[];
  /** Observed omnibus statistic. */
  QM: number;
  /** Permutation p-value of QM. */
  QMp: number;
  /** Monte Carlo standard error of QMp (0 for the exact test). */
  mcse: number;
  /** The permutation distribution: one row per arrangement (coefficients' statistics). */
  zval_perm: number[][];
  /** The permutation distribution of QM. */
  QM_perm: number[];
}

/** zval of every coefficient and QM of a refit on (yi, X). */
function refitStats(tool: string, yi: number[], vi: number[], X: number[][], f: Fit0): { z: number[]; QM: number } {
  const t2 = tau2Of(yi, vi, X, f.method);
  const g = gls(tool, yi, vi, X, t2);
  const { k, p } = f;
  const s2w = f.test === "knha" ? g.rss / (k - p) : 1;
  const vb = g.A.map((r) => r.map((v) => v * s2w));
  const z = g.beta.map((b, j) => b / Math.sqrt(vb[j][j]));
  const btt = f.intercept && p > 1 ? g.beta.map((_, j) => j).slice(1) : g.beta.map((_, j) => j);
  const m = btt.length;
  const inv = spdInverse(Float64Array.from(btt.flatMap((a) => btt.map((b) => vb[a][b]))), m);
  if (inv === null) return { z, QM: NaN };
  let QM = 0;
  btt.forEach((a, s) => btt.forEach((b, t) => (QM += g.beta[a] * inv.inv[s * m + t] * g.beta[b])));
  return { z, QM: f.test === "knha" ? QM / m : QM };
}

/**
 * Permutation tests as metafor's `permutest(fit, exact)`: for an intercept-only model all 2^k sign
 * flips of yi, with moderators all distinct permutations of the rows of X (k!/Π n_g! for a
 * factor); each arrangement refitted with the fit's τ² estimator and test;
 * `pval = mean(|z_perm| ≥ |z_obs| - √eps)`, `QMp = mean(QM_perm ≥ QM_obs - √eps)`. When the
 * enumeration is too large, a seeded Monte Carlo test with the observed arrangement counted once:
 * p = (1 + #{perm ≥ obs}) / (iter + 1), with its Monte Carlo SE.
 *
 * @example
 * ```ts
 * import { rma } from "./rma.ts";
 * import { permutest } from "./diagnostics.ts";
 * const fit = rma({ yi: [0.4, 0.6, 0.5, 0.7, 0.3], vi: [0.02, 0.03, 0.02, 0.05, 0.04], method: "DL" });
 * const pt = permutest(fit);
 * if (pt.n_permutations !== 32 || Math.abs(pt.pval[0] - 2 / 32) > 1e-12) throw new Error("all signs equal: p = 2/32");
 * ```
 */
export function permutest(fit: DiagFit, options: PermutestOptions = {}): PermutestResult {
  const tool = "permutest";
  const f = fit0(tool, fit);
  const { k, p } = f;
  const eps = Math.sqrt(2.220446049250313e-16);
  const obs = refitStats(tool, f.yi, f.vi, f.X, f);
  const signOnly = p === 1 && f.intercept;
  // row types (identical rows of X) for the distinct permutations
  const keys = f.X.map((r) => r.join("\u0000"));
  const typeOf = new Map<string, number>();
  keys.forEach((key) => typeOf.has(key) || typeOf.set(key, typeOf.size));
  const types = keys.map((key) => typeOf.get(key)!);
  const typeRow = new Map<number, number[]>();
  types.forEach((t, i) => typeRow.has(t) || typeRow.set(t, f.X[i]));
  let total: number;
  if (signOnly) total = Math.pow(2, k);
  else {
    // multinomial k! / Π n_g!
    const counts = new Map<number, number>();
    types.forEach((t) => counts.set(t, (counts.get(t) ?? 0) + 1));
    let lt = 0;
    for (let i = 2; i <= k; i++) lt += Math.log(i);
    for (const c of counts.values()) for (let i = 2; i <= c; i++) lt -= Math.log(i);
    total = Math.round(Math.exp(lt));
  }
  const maxExact = options.maxExact ?? 10000;
  const exact = options.exact === undefined || options.exact === "auto" ? total <= maxExact : options.exact;
  if (exact && total > 1e6) {
    fail(tool, "exact", `would enumerate ${total} arrangements; use exact: false with a seed`, total);
  }
  const zperm: number[][] = [], qperm: number[] = [];
  const record = (s: { z: number[]; QM: number }) => {
    zperm.push(s.z);
    qperm.push(s.QM);
  };
  if (exact) {
    if (signOnly) {
      for (let r = 0; r < total; r++) {
        const y = f.yi.map((v, i) => ((r >>> i) & 1 ? -v : v)); // k ≤ 19 here (total ≤ 1e6)
        record(refitStats(tool, y, f.vi, f.X, f));
      }
    } else {
      // distinct permutations of the row types, in lexicographic order from the sorted multiset
      const a = types.slice().sort((x, y) => x - y);
      for (;;) {
        record(refitStats(tool, f.yi, f.vi, a.map((t) => typeRow.get(t)!), f));
        let i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) i--;
        if (i < 0) break;
        let j = a.length - 1;
        while (a[j] <= a[i]) j--;
        [a[i], a[j]] = [a[j], a[i]];
        for (let l = i + 1, r = a.length - 1; l < r; l++, r--) [a[l], a[r]] = [a[r], a[l]];
      }
    }
  } else {
    if (options.seed === undefined || !Number.isInteger(options.seed)) {
      fail(tool, "seed", "is required (an integer) for the Monte Carlo permutation test", options.seed);
    }
    const iter = options.iter ?? 1000;
    if (!Number.isInteger(iter) || iter < 1) fail(tool, "iter", "must be a positive integer", iter);
    const rng = createRandom(options.seed);
    record(obs);
    for (let b = 0; b < iter; b++) {
      if (signOnly) record(refitStats(tool, f.yi.map((v) => (rng.uniform() < 0.5 ? -v : v)), f.vi, f.X, f));
      else {
        const perm = f.X.map((_, i) => i);
        for (let i = perm.length - 1; i > 0; i--) {
          const j = rng.int(0, i);
          [perm[i], perm[j]] = [perm[j], perm[i]];
        }
        record(refitStats(tool, f.yi, f.vi, perm.map((i) => f.X[i]), f));
      }
    }
  }
  const n = zperm.length;
  const pval = obs.z.map((z, j) => zperm.filter((zp) => Math.abs(zp[j]) >= Math.abs(z) - eps).length / n);
  const QMp = qperm.filter((q) => q >= obs.QM - eps).length / n;
  for (
    const [name, v] of [["QM", obs.QM], ...pval.map((pv, j) => [`pval[${j}]`, pv] as [string, number])] as [
      string,
      number,
    ][]
  ) {
    if (!Number.isFinite(v)) fail(tool, name, "is not finite (a permuted model could not be fitted)", v);
  }
  return {
    exact,
    n_permutations: n,
    zval: obs.z,
    pval,
    QM: obs.QM,
    QMp,
    mcse: exact ? 0 : Math.sqrt((QMp * (1 - QMp)) / n),
    zval_perm: zperm,
    QM_perm: qperm,
  };
}

/** Options of {@link selmodel}. */
export interface SelmodelOptions {
  /** "stepfun" (default: step function, 3PSM with one step) or "beta" (weight p^(δ1-1) (1-p)^(δ2-1), Citkowicz & Vevea). */
  type?: "stepfun" | "beta";
  /** stepfun: upper bounds of the p-value intervals (1 is appended), default [0.025]. */
  steps?: number[];
  /** Direction of the one-sided p-values: "greater" (default: p = 1 - Φ(yi/√vi)) or "less" (p = Φ(yi/√vi)). */
  alternative?: "greater" | "less";
  /** Confidence level in percent or as a proportion (default 95). */
  level?: number;
}

/** Result of {@link selmodel}: the step-function selection model fitted by ML (metafor's names). */
export interface SelmodelResult {
  /** Always "ML". */
  method: "ML";
  /** Number of studies. */
  k: number;
  /** Coefficients adjusted for selection. */
  beta: number[];
  /** Standard errors (from the numerical Hessian of the log-likelihood). */
  se: number[];
  /** z statistics. */
  zval: number[];
  /** p-values. */
  pval: number[];
  /** Confidence bounds. */
  ci_lb: number[];
  /** Confidence bounds. */
  ci_ub: number[];
  /** τ² and its standard error. */
  tau2: number;
  /** Standard error of τ² (null at the boundary τ² = 0). */
  se_tau2: number | null;
  /** Selection weights per interval (the first fixed at 1). */
  delta: number[];
  /** Their standard errors (null for the fixed one). */
  se_delta: (number | null)[];
  /** Tests of delta = 1. */
  zval_delta: (number | null)[];
  /** p-values of delta = 1. */
  pval_delta: (number | null)[];
  /** Confidence bounds of delta (truncated at 0). */
  ci_lb_delta: (number | null)[];
  /** Confidence bounds of delta. */
  ci_ub_delta: (number | null)[];
  /** Which deltas are fixed. */
  delta_fixed: boolean[];
  /** Likelihood-ratio test of selection (against the ML model without selection). */
  LRT: number;
  /** Its df. */
  LRTdf: number;
  /** Its p-value. */
  LRTp: number;
  /** Likelihood-ratio test of τ² = 0 within the selection model. */
  LRT_tau2: number;
  /** Its p-value. */
  LRTp_tau2: number;
  /** Maximised log-likelihood. */
  logLik: number;
  /** ML log-likelihood of the model without selection. */
  logLik_no_selection: number;
  /** One-sided p-values of the studies. */
  p_values_used: number[];
  /** stepfun: interval bounds (with 1); null for beta. */
  steps: number[] | null;
  /** stepfun: studies per interval; null for beta. */
  k_per_interval: number[] | null;
  /** Warnings (an empty interval: no interior maximum). */
  warnings: string[];
}

const GK_X = [
  0.991455371120812639206854697526329,
  0.949107912342758524526189684047851,
  0.864864423359769072789712788640926,
  0.741531185599394439863864773280788,
  0.586087235467691130294144845693013,
  0.405845151377397166906606412076961,
  0.207784955007898467600689403773245,
  0,
];
const GK_WK = [
  0.022935322010529224963732008058970,
  0.063092092629978553290700663189204,
  0.104790010322250183839876322541518,
  0.140653259715525918745189590510238,
  0.169004726639267902826583426598550,
  0.190350578064785409913256402421014,
  0.204432940075298892414161999234649,
  0.209482141084727828012999174891714,
];
const GK_WG = [
  0.129484966168869693270611432679082,
  0.279705391489276667901467771423780,
  0.381830050505118944950369775488975,
  0.417959183673469387755102040816327,
];

/** One Gauss–Kronrod (7/15) panel on [a, b]: the Kronrod estimate and its error (|K - G|). */
function gkPanel(f: (x: number) => number, a: number, b: number): [number, number] {
  const c = (a + b) / 2, h = (b - a) / 2;
  const fc = f(c);
  let kron = GK_WK[7] * fc, gauss = GK_WG[3] * fc;
  for (let i = 0; i < 7; i++) {
    const dx = h * GK_X[i];
    const s = f(c - dx) + f(c + dx);
    kron += GK_WK[i] * s;
    if (i % 2 === 1) gauss += GK_WG[(i - 1) / 2] * s;
  }
  return [kron * h, Math.abs(kron - gauss) * h];
}

/**
 * Globally adaptive Gauss–Kronrod (7/15) quadrature of f over the panels between `points`:
 * the panel with the largest error is bisected until the total error is below `tol` × |integral|
 * (or 500 panels).
 */
function adaptiveGK(f: (x: number) => number, points: number[], tol: number): number {
  const panels: { a: number; b: number; v: number; e: number }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [v, e] = gkPanel(f, points[i], points[i + 1]);
    panels.push({ a: points[i], b: points[i + 1], v, e });
  }
  for (let it = 0; it < 500; it++) {
    let total = 0, err = 0, worst = 0;
    panels.forEach((q, i) => {
      total += q.v;
      err += q.e;
      if (q.e > panels[worst].e) worst = i;
    });
    if (err <= tol * Math.abs(total)) return total;
    const q = panels[worst], m = (q.a + q.b) / 2;
    const [v1, e1] = gkPanel(f, q.a, m), [v2, e2] = gkPanel(f, m, q.b);
    panels.splice(worst, 1, { a: q.a, b: m, v: v1, e: e1 }, { a: m, b: q.b, v: v2, e: e2 });
  }
  return panels.reduce((s, q) => s + q.v, 0);
}

/** Hessian of f at x by central differences with one Richardson extrapolation step. */
function hessian(f: (x: number[]) => number, x: number[]): number[][] {
  const n = x.length;
  const at = (h: number[]) => {
    const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    const f0 = f(x);
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const e = (di: number, dj: number) => {
          const z = x.slice();
          z[i] += di * h[i];
          z[j] += dj * h[j];
          return f(z);
        };
        const v = i === j
          ? (e(1, 0) - 2 * f0 + e(-1, 0)) / (h[i] * h[i])
          : (e(1, 1) - e(1, -1) - e(-1, 1) + e(-1, -1)) / (4 * h[i] * h[j]);
        H[i][j] = H[j][i] = v;
      }
    }
    return H;
  };
  const h1 = x.map((v) => 1e-4 * Math.max(Math.abs(v), 1e-2));
  const A = at(h1), B = at(h1.map((h) => h / 2));
  return A.map((r, i) => r.map((v, j) => (4 * B[i][j] - v) / 3));
}

/**
 * Step-function selection model (with one step at 0.025: the three-parameter selection model,
 * 3PSM), as metafor's `selmodel(fit, type = "stepfun", steps, alternative)`, always fitted by ML:
 * the likelihood of each study is weighted by delta_j of the interval its one-sided p-value falls
 * in (delta_1 = 1) and renormalised. Standard errors from the numerical Hessian; likelihood-ratio
 * tests against the model without selection and of τ² = 0.
 *
 * @example
 * ```ts
 * import { rma } from "./rma.ts";
 * import { selmodel } from "./diagnostics.ts";
 * const yi = [0.9, 0.7, 0.05, 0.8, 0.1, 0.6, 0.02, 0.75, 0.3, 0.5], vi = yi.map(() => 0.04);
 * const s = selmodel(rma({ yi, vi }), { steps: [0.025] });
 * if (s.k_per_interval?.join() !== "6,4" || !(s.delta[1] > 0)) throw new Error("3PSM");
 * ```
 */
export function selmodel(fit: DiagFit, options: SelmodelOptions = {}): SelmodelResult {
  const tool = "selmodel";
  const f = fit0(tool, fit);
  const { k, p, yi, vi, X } = f;
  const alt = options.alternative ?? "greater";
  if (alt !== "greater" && alt !== "less") fail(tool, "alternative", 'must be "greater" or "less"', alt);
  const level = normalizeLevel(options.level ?? 95, tool, "level");
  const type = options.type ?? "stepfun";
  if (type !== "stepfun" && type !== "beta") fail(tool, "type", 'must be "stepfun" or "beta"', type);
  const st = options.steps ?? [0.025];
  st.forEach((s, i) => {
    if (!(s > 0 && s < 1) || (i > 0 && !(s > st[i - 1]))) fail(tool, `steps[${i}]`, "must increase within (0, 1)", s);
  });
  const steps = [...st, 1];
  const J = steps.length;
  const pmin = 1e-5; // metafor's pval.min for the beta model
  const pRaw = yi.map((y, i) => pnorm(y / Math.sqrt(vi[i]), 0, 1, { lower: alt === "less" }));
  const pv = type === "beta" ? pRaw.map((q) => Math.min(1 - pmin, Math.max(pmin, q))) : pRaw;
  const interval = pv.map((q) => steps.findIndex((s) => q <= s));
  const kPer = steps.map((_, j) => interval.filter((v) => v === j).length);
  const warnings: string[] = [];
  if (type === "stepfun" && kPer.some((c) => c === 0)) {
    fail(
      tool,
      "steps",
      `an interval holds no study (k per interval: ${kPer.join(", ")}): the likelihood has no interior maximum`,
      kPer,
    );
  }
  const cut = steps.map((s) => qnorm(alt === "less" ? s : 1 - s)); // p ≤ s ⇔ y/√vi ≤ cut (less) or ≥ cut (greater)
  const lpdf = (y: number, mu: number, sd: number) => {
    const z = (y - mu) / sd;
    return -0.5 * Math.log(2 * Math.PI) - Math.log(sd) - 0.5 * z * z;
  };
  // beta weight of a (clipped) p-value
  const betaW = (q: number, d: number[]) => Math.pow(q, d[0] - 1) * Math.pow(1 - q, d[1] - 1);
  // normalising constant of the beta model: ∫ w(p(y)) N(y; mu, sd²) dy, on z = (y - mu)/sd, split at
  // the clipping points p(y) = pmin and 1 - pmin (where the integrand has kinks)
  const betaA = (mu: number, sd: number, v: number, d: number[]) => {
    const sv = Math.sqrt(v);
    const g = (z: number) => {
      const y = mu + sd * z;
      let q = pnorm(y / sv, 0, 1, { lower: alt === "less" });
      q = Math.min(1 - pmin, Math.max(pmin, q));
      return betaW(q, d) * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    };
    const kinks = [qnorm(pmin), qnorm(1 - pmin)].map((c) => (sv * c - mu) / sd).filter((z) => z > -38 && z < 38);
    const pts = [-38, -8, ...kinks.sort((a, b) => a - b), 8, 38].sort((a, b) => a - b);
    return adaptiveGK(g, pts, 1e-12);
  };
  // log-likelihood at (beta, tau2, delta)
  const ll = (beta: number[], tau2: number, delta: number[]): number => {
    let s = 0;
    for (let i = 0; i < k; i++) {
      const mu = X[i].reduce((a, x, j) => a + x * beta[j], 0);
      const sd = Math.sqrt(vi[i] + tau2);
      if (type === "beta") {
        s += Math.log(betaW(pv[i], delta)) + lpdf(yi[i], mu, sd) - Math.log(betaA(mu, sd, vi[i], delta));
        continue;
      }
      // probability of each p-value interval
      let A = 0, prev = 0;
      for (let j = 0; j < J; j++) {
        const bound = cut[j] * Math.sqrt(vi[i]);
        const F = j === J - 1
          ? 1
          : alt === "less"
          ? pnorm((bound - mu) / sd)
          : pnorm((bound - mu) / sd, 0, 1, { lower: false });
        A += (j === 0 ? 1 : delta[j - 1]) * (F - prev);
        prev = F;
      }
      const w = interval[i] === 0 ? 1 : delta[interval[i] - 1];
      s += Math.log(w) + lpdf(yi[i], mu, sd) - Math.log(A);
    }
    return s;
  };
  const start = gls(tool, yi, vi, X, f.tau2);
  const nd = type === "beta" ? 2 : J - 1;
  // unconstrained parameterisation for the optimiser: beta, log tau2, log delta
  const fitSel = (fixTau0: boolean): { beta: number[]; tau2: number; delta: number[]; ll: number } => {
    const unpack = (x: number[]) => ({
      beta: x.slice(0, p),
      tau2: fixTau0 ? 0 : Math.exp(x[p]),
      delta: x.slice(fixTau0 ? p : p + 1).map(Math.exp),
    });
    const obj = (x: number[]) => {
      const u = unpack(x);
      const v = -ll(u.beta, u.tau2, u.delta);
      return Number.isFinite(v) ? v : 1e300;
    };
    const x0 = [...start.beta, ...(fixTau0 ? [] : [Math.log(Math.max(f.tau2, 0.01))]), ...new Array(nd).fill(0)];
    let x = bfgs(obj, x0);
    x = bfgs(obj, x); // restart from the optimum (fresh curvature) to polish
    const u = unpack(x);
    return { ...u, ll: ll(u.beta, u.tau2, u.delta) };
  };
  const sel = fitSel(false);
  const sel0 = fitSel(true);
  // model without selection, ML
  const noSel = (() => {
    const t2 = tau2Of(yi, vi, X, "ML");
    const g = gls(tool, yi, vi, X, t2);
    return ll(g.beta, t2, new Array(nd).fill(1));
  })();
  // standard errors from the Hessian of -ll on (beta, tau2, delta)
  const negll = (x: number[]) => -ll(x.slice(0, p), x[p], x.slice(p + 1));
  const theta = [...sel.beta, sel.tau2, ...sel.delta];
  const H = hessian(negll, theta);
  const n = theta.length;
  const inv = spdInverse(Float64Array.from(H.flat()), n);
  if (inv === null) {
    fail(tool, "fit", "the Hessian of the selection model is not positive definite (no interior maximum)");
  }
  const se = theta.map((_, i) => Math.sqrt(inv.inv[i * n + i]));
  const crit = qnorm((1 - level / 100) / 2, 0, 1, { lower: false });
  const beta = sel.beta, seB = se.slice(0, p);
  const zval = beta.map((b, j) => b / seB[j]);
  const seD = se.slice(p + 1);
  const LRT = Math.max(0, 2 * (sel.ll - noSel));
  const LRT_tau2 = Math.max(0, 2 * (sel.ll - sel0.ll));
  // stepfun: delta_1 = 1 is fixed; beta: both deltas are estimated
  const first = type === "stepfun";
  const dAll: (number)[] = first ? [1, ...sel.delta] : sel.delta;
  const sAll: (number | null)[] = first ? [null, ...seD] : seD;
  const zD = dAll.map((d, j) => (sAll[j] === null ? null : (d - 1) / sAll[j]!));
  const out: SelmodelResult = {
    method: "ML",
    k,
    beta,
    se: seB,
    zval,
    pval: zval.map((z) => 2 * pnorm(Math.abs(z), 0, 1, { lower: false })),
    ci_lb: beta.map((b, j) => b - crit * seB[j]),
    ci_ub: beta.map((b, j) => b + crit * seB[j]),
    tau2: sel.tau2,
    se_tau2: se[p],
    delta: dAll,
    se_delta: sAll,
    zval_delta: zD,
    pval_delta: zD.map((z) => (z === null ? null : 2 * pnorm(Math.abs(z), 0, 1, { lower: false }))),
    ci_lb_delta: dAll.map((d, j) => (sAll[j] === null ? null : Math.max(0, d - crit * sAll[j]!))),
    ci_ub_delta: dAll.map((d, j) => (sAll[j] === null ? null : d + crit * sAll[j]!)),
    delta_fixed: dAll.map((_, j) => first && j === 0),
    LRT,
    LRTdf: nd,
    LRTp: pchisq(LRT, nd, { lower: false }),
    LRT_tau2,
    LRTp_tau2: pchisq(LRT_tau2, 1, { lower: false }),
    logLik: sel.ll,
    logLik_no_selection: noSel,
    p_values_used: pv,
    steps: first ? steps : null,
    k_per_interval: first ? kPer : null,
    warnings,
  };
  for (const v of [...out.se, ...seD, out.logLik]) {
    if (!Number.isFinite(v)) {
      fail(tool, "fit", "the selection model could not be fitted (non-finite estimate or standard error)", v);
    }
  }
  return out;
}

/** One study of {@link influenceRows}: metafor's `print(influence(fit))` line. */
export interface InfluenceRow {
  /** Study label. */
  slab: string;
  /** Externally studentised residual. */
  rstudent: number;
  /** DFFITS. */
  dffits: number;
  /** Cook's distance. */
  cook_d: number;
  /** Covariance ratio. */
  cov_r: number;
  /** τ² without the study. */
  tau2_del: number;
  /** QE without the study (null when another study has vi = 0). */
  QE_del: number | null;
  /** Hat value. */
  hat: number;
  /** Weight (%). */
  weight: number;
  /** DFBETAS of the first coefficient. */
  dfbs: number;
  /** "*" for an influential study, as metafor marks it. */
  inf: string;
}

/**
 * The influence diagnostics as one row per study (metafor's printed table), for display.
 *
 * @example
 * ```ts
 * import { rma } from "./rma.ts";
 * import { influence, influenceRows } from "./diagnostics.ts";
 * const fit = rma({ yi: [0.1, 0.5, 0.3, 0.8, 0.2], vi: [0.02, 0.03, 0.02, 0.05, 0.04], slab: ["a", "b", "c", "d", "e"] });
 * const rows = influenceRows(influence(fit), fit.slab);
 * if (rows.length !== 5 || rows[3].slab !== "d") throw new Error("one row per study");
 * ```
 */
export function influenceRows(inf: InfluenceResult, slab?: readonly string[]): InfluenceRow[] {
  if (!inf || !Array.isArray(inf.rstudent_z)) fail("influenceRows", "inf", "must be the result of influence()");
  return inf.rstudent_z.map((r, i) => ({
    slab: slab?.[i] ?? String(i + 1),
    rstudent: r,
    dffits: inf.dffits[i],
    cook_d: inf.cook_d[i],
    cov_r: inf.cov_r[i],
    tau2_del: inf.tau2_del[i],
    QE_del: inf.QE_del[i],
    hat: inf.hat[i],
    weight: inf.weight[i],
    dfbs: inf.dfbs[0][i],
    inf: inf.inf_mark[i],
  }));
}
