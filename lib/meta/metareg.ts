/**
 * Meta-regression (mixed-effects models with moderators), as metafor's `rma(yi, vi, mods = ...)`:
 * the same τ² estimators as {@link rma}, Wald-z or Knapp–Hartung tests, the omnibus test of the
 * moderators QM (chi² or F), the residual heterogeneity test QE, I²/H² of the residual
 * heterogeneity, and the pseudo-R² (proportion of τ² accounted for, metafor's default definition).
 * The τ² estimator is the one of `rma` (`_tau2.ts`), on the design matrix.
 *
 * Moderators: `mods` is a record of named columns. Numeric columns enter as they are; string
 * columns are categorical and are dummy-coded with the first level as the reference, named
 * `<column><level>` as R does (e.g. `allocrandom`). Levels are sorted as R's `sort()` in the C /
 * C.UTF-8 locale of the fixtures: by code point, so upper case before lower case (`Quasi`, `RCT`,
 * `cohort`), whatever the machine's locale. R's own order follows the locale (en_US gives `cohort`,
 * `Quasi`, `RCT`), so to reproduce a fit in R set `factor(x, levels = ...)` explicitly, as the
 * script of `deno task meta --emit-r` does.
 *
 * @example
 * ```ts
 * import { rmaMods } from "./metareg.ts";
 * // effect sizes exactly on a line in x: the slope is found, no residual heterogeneity
 * const x = [1, 2, 3, 4, 5];
 * const fit = rmaMods({ yi: x.map((v) => 0.1 + 0.2 * v), vi: [0.1, 0.2, 0.1, 0.3, 0.2], mods: { x }, method: "DL" });
 * if (fit.colnames.join() !== "intrcpt,x" || Math.abs(fit.beta[1] - 0.2) > 1e-12) throw new Error("slope");
 * if (fit.tau2 !== 0 || fit.QE === null || Math.abs(fit.QE) > 1e-20) throw new Error("QE");
 * ```
 * @module
 */
import { fail, parseInput, ValidationError } from "../validate.ts";
import { normalizeLevel } from "../conventions.ts";
import { pchisq, pf, pnorm, pt, qnorm, qt } from "../stats/distributions.ts";
import { rmaFit, type RmaHeterogeneity, type Tau2Method, type TestType } from "./rma.ts";
import { designOf, estimateTau2, invSPD, wstats } from "./_tau2.ts";
import { assertRepresentable, checkStudies, knhaUndefined, rmaModsSchema, zeroViWarnings } from "./_validate.ts";

/** Input of {@link rmaMods}. */
export interface RmaModsInput {
  /** Effect sizes, one per study. */
  yi: number[];
  /** Sampling variances (> 0), one per study. */
  vi: number[];
  /** Named moderator columns: numbers (continuous) or strings (categorical, at least 2 levels). */
  mods: Record<string, number[] | string[]>;
  /** Include an intercept (default true). Without it, a single categorical moderator gives one coefficient per level. */
  intercept?: boolean;
  /** τ² estimator, default "REML". */
  method?: Tau2Method;
  /** "z" (default) or "knha". */
  test?: TestType;
  /** Confidence level in percent (95) or as a proportion (0.95); default 95. */
  level?: number;
  /** Study labels (default "1", "2", ...). */
  slab?: string[];
}

/**
 * Result of {@link rmaMods} (metafor's names; vectors are per coefficient in `colnames` order). QE is
 * the residual heterogeneity test, QM the omnibus test of the moderators (all coefficients except the
 * intercept), I² and H² residual.
 */
export interface RmaModsResult extends RmaHeterogeneity {
  /** Always "rma.uni.mods" (a model with moderators). */
  model: "rma.uni.mods";
  /** Number of studies. */
  k: number;
  /** Number of coefficients (metafor's `p`, not a p-value). */
  p: number;
  /** The τ² estimator used. */
  method: Tau2Method;
  /** The test used. */
  test: TestType;
  /** Confidence level in percent. */
  level: number;
  /** Coefficient names as R's model.matrix names them (`intrcpt`, `ablat`, `allocrandom`). */
  colnames: string[];
  /** Coefficients. */
  beta: number[];
  /** Their standard errors. */
  se: number[];
  /** Test statistics (z, or t under knha). */
  zval: number[];
  /** Two-sided p-values. */
  pval: number[];
  /** Lower confidence bounds. */
  ci_lb: number[];
  /** Upper confidence bounds. */
  ci_ub: number[];
  /** Variance-covariance matrix of beta (rows). */
  vb: number[][];
  /**
   * Pseudo-R² (%), as metafor 3.8.1: for random-effects models max(0, (τ²_RE - τ²)/τ²_RE) with τ²_RE
   * from the intercept-only model (0 when τ²_RE = 0); for `method: "FE"` max(0, adjusted R² of the
   * weighted linear model lm(yi ~ X, weights = 1/vi)). Null without intercept or moderators, or for
   * FE when k = p or all yi are equal (R gives NaN).
   */
  R2: number | null;
  /** Knapp–Hartung scale factor (1 under z). */
  s2w: number;
  /** Denominator df under knha (k - p); null under z. */
  ddf: number | null;
  /** Iterations of the τ² algorithm. */
  iter: number;
  /** The effect sizes analysed. */
  yi: number[];
  /** Their sampling variances. */
  vi: number[];
  /** The model matrix (rows). */
  X: number[][];
  /** Study labels. */
  slab: string[];
  /** What metafor would warn about (vi = 0: the QE-test, I² and H² cannot be computed); empty otherwise. */
  warnings: string[];
}

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
    if ((col as unknown[]).some((v) => typeof v === "string")) {
      const empty = (col as string[]).findIndex((v) => typeof v !== "string" || v.trim() === "");
      if (empty >= 0) {
        throw new ValidationError(context, [{
          path: `mods.${name}`,
          row: empty + 1,
          rule: "is empty or not text (a categorical moderator needs a level for every study)",
          received: col[empty],
        }]);
      }
      const levels = [...new Set(col as string[])].sort();
      if (levels.length < 2) {
        fail(
          context,
          `mods.${name}`,
          `has only one level (${JSON.stringify(levels[0])}): a categorical moderator needs at least 2 levels`,
          levels.length,
        );
      }
      // without intercept, the first factor gets all its levels (as R does)
      const used = !intercept && first ? levels : levels.slice(1);
      for (const lev of used) {
        cols.push((col as string[]).map((v) => (v === lev ? 1 : 0)));
        names.push(`${name}${lev}`);
      }
    } else {
      const bad = (col as number[]).findIndex((v) => typeof v !== "number" || !Number.isFinite(v));
      if (bad >= 0) {
        throw new ValidationError(context, [{
          path: `mods.${name}`,
          row: bad + 1,
          rule: "must be a finite number (drop studies with a missing moderator first)",
          received: col[bad],
        }]);
      }
      cols.push((col as number[]).slice());
      names.push(name);
    }
    first = false;
  }
  if (cols.length === 0) fail(context, "mods", "gives an empty model matrix (no intercept, no moderators)");
  const X = Array.from({ length: k }, (_, i) => cols.map((c) => c[i]));
  return { X, colnames: names };
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
  const X = designOf(Xrows);
  const p = X.p;
  if (p > k) fail(context, "mods", `need at least as many studies as coefficients: k = ${k}, p = ${p}`);
  level = normalizeLevel(level, context);
  if (k === 1 && test !== "z") test = "z";
  const { tau2, se_tau2, iter } = estimateTau2(X, yi, vi, method, context);
  // vi = 0 as metafor: stop when tau2 = 0, else warn and report QE, QEp, I2 and H2 as NA (null)
  const warnings = zeroViWarnings(context, vi, tau2, method, hasIntercept && p === 1);
  const allvipos = warnings.length === 0;
  const w = vi.map((v) => 1 / (v + tau2));
  const s = wstats(X, w, yi, context, false);
  const beta = s.beta;
  const rssF = s.yPy;
  let s2w = 1;
  let ddf: number | null = null;
  if (test === "knha") {
    s2w = rssF <= 2.220446049250313e-16 ? 0 : rssF / (k - p);
    ddf = k - p;
    if (s2w === 0 && k > p) knhaUndefined(context, yi);
  }
  beta.forEach((b) => assertRepresentable(context, "beta", b, yi, vi));
  assertRepresentable(context, "tau2", tau2, yi, vi);
  const vb = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => s.A[i * p + j] * s2w));
  const btt = colnames.map((_, j) => j).filter((j) => !(hasIntercept && j === 0));
  const m = btt.length;
  let QM = 0;
  if (m > 0) {
    const vsub = new Array<number>(m * m).fill(0);
    btt.forEach((bi, a) => btt.forEach((bj, b) => (vsub[a * m + b] = vb[bi][bj])));
    const inv = invSPD(vsub, m, context).inv;
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) QM += beta[btt[a]] * inv[a * m + b] * beta[btt[b]];
  }
  const se = beta.map((_, j) => Math.sqrt(vb[j][j]));
  const zval = beta.map((b, j) => b / se[j]);
  const alpha = (100 - level) / 100;
  let pval: number[], crit: number, QMp: number;
  if (ddf !== null) {
    if (m > 0) QM = QM / m;
    QMp = m > 0 ? pf(QM, m, ddf, { lower: false }) : NaN;
    pval = zval.map((z) => 2 * pt(Math.abs(z), ddf!, { lower: false }));
    crit = qt(alpha / 2, ddf, { lower: false });
  } else {
    QMp = m > 0 ? pchisq(QM, m, { lower: false }) : NaN;
    pval = zval.map((z) => 2 * pnorm(Math.abs(z), 0, 1, { lower: false }));
    crit = qnorm(alpha / 2, 0, 1, { lower: false });
  }
  let QE: number | null = 0, QEp: number | null = 1, I2: number | null = 0, H2: number | null = 1;
  if (!allvipos) {
    QE =
      QEp =
      I2 =
      H2 =
        null;
  } else if (k > p) {
    const ybar = yi.reduce((a, b) => a + b, 0) / k;
    const s0 = wstats(X, vi.map((v) => 1 / v), yi.map((v) => v - ybar), context);
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
  for (const [name, v] of [["QE", QE], ["I2", I2], ["H2", H2], ["QM", QM]] as const) {
    if (v !== null) assertRepresentable(context, name, v, yi, vi);
  }
  if (se_tau2 !== null) assertRepresentable(context, "se_tau2", se_tau2, yi, vi);
  let R2: number | null = null;
  if (hasIntercept && p > 1) {
    if (method === "FE") {
      // metafor 3.8.1: max(0, 100 * adjusted R² of lm(yi ~ X, weights = 1/vi)). The weighted residual
      // sum of squares is QE and the weighted total sum of squares the Q of the intercept-only model.
      R2 = k > p && QE !== null ? fixedEffectR2(yi, vi, QE, k, p) : null;
    } else if (allvipos) {
      const tau2RE = rmaFit(yi, vi, method, "z", level, slab, context).tau2;
      R2 = tau2RE === 0 ? 0 : Math.max(0, 100 * (tau2RE - tau2) / tau2RE);
    } else {
      // metafor fits the intercept-only model in try(); when that stops (tau2 = 0 with vi = 0), R2 is NA
      try {
        const tau2RE = rmaFit(yi, vi, method, "z", level, slab, context).tau2;
        R2 = Math.max(0, 100 * (tau2RE - tau2) / tau2RE);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        warnings.push(`${context}: R2 is NA: the model without moderators stops (${e.message})`);
      }
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
    vb,
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
    warnings,
  };
}

/** Adjusted R² (%) of the 1/vi-weighted linear model, floored at 0 (metafor's R² for FE models). */
function fixedEffectR2(yi: number[], vi: number[], QE: number, k: number, p: number): number | null {
  let sw = 0, swy = 0;
  for (let i = 0; i < k; i++) {
    sw += 1 / vi[i];
    swy += yi[i] / vi[i];
  }
  const ybar = swy / sw;
  let tss = 0;
  for (let i = 0; i < k; i++) tss += (yi[i] - ybar) ** 2 / vi[i];
  if (!(tss > 0)) return null; // all yi equal: lm's R² is 0/0 and metafor reports NaN
  const adj = 1 - (QE / (k - p)) / (tss / (k - 1));
  return Math.max(0, 100 * adj);
}

/**
 * Meta-regression with continuous and/or categorical moderators, as metafor's
 * `rma(yi, vi, mods = ~ ..., method, test)`.
 * @example
 * const fit = rmaMods({ yi: [-0.9, -1.6, -1.3, -1.4], vi: [0.33, 0.19, 0.42, 0.01], mods: { ablat: [44, 55, 42, 52] }, method: "DL" });
 * fit.colnames; // ["intrcpt", "ablat"]
 */
export function rmaMods(input: RmaModsInput): RmaModsResult {
  const d = parseInput(rmaModsSchema, input, "rmaMods") as RmaModsInput;
  checkStudies("rmaMods", d.yi, d.vi, d.slab, true);
  const k = d.yi.length;
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
