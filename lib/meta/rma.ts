/**
 * Fixed-effect and random-effects meta-analysis (intercept-only model), computed as metafor's
 * `rma.uni()` (metafor 3.8/4.x defaults), with the τ² estimators FE, DL, HE, HS, SJ, ML, REML, EB
 * and PM, Wald-z or Knapp–Hartung tests, Cochran's Q, I² and H² in both definitions, the
 * prediction interval, and Q-profile confidence intervals for τ², τ, I² and H² ({@link confint}).
 *
 * Field names follow metafor (`beta`, `se`, `zval`, `pval`, `ci_lb`, `tau2`, `QE`, `I2`, ...,
 * with `.` replaced by `_`). Two heterogeneity definitions, clearly labelled:
 * - `I2`, `H2`: metafor's, based on τ²: I² = 100 τ² / (τ² + ṽ), H² = 1 + τ²/ṽ with the "typical"
 *   sampling variance ṽ = (k-1) / (Σw - Σw²/Σw), w = 1/vi (`vt`). For method "FE" they come from QE.
 * - `I2_Q`, `H2_Q`: Higgins & Thompson's, based on Q: I² = max(0, (QE - df)/QE) × 100, H² = QE/df.
 *
 * Under `test: "knha"` the standard error is rescaled by Knapp & Hartung's factor, tests and
 * intervals use t with k-1 df, and QM is an F statistic (df 1, k-1), as in metafor. The
 * prediction interval uses t(k-1) under knha and z otherwise.
 *
 * This path allocates no matrices (closed forms of metafor's matrix expressions for X = 1), so
 * it is fast enough for simulation studies; meta-regression lives in `metareg.ts`.
 *
 * @example
 * ```ts
 * import { rma } from "./rma.ts";
 * const yi = [0.5, 1.0, 1.8, 1.4, 0.1], vi = [0.06, 0.03, 0.23, 0.12, 0.08];
 * const fe = rma({ yi, vi, method: "FE" });
 * // the fixed-effect estimate is the inverse-variance weighted mean
 * const w = vi.map((v) => 1 / v), sw = w.reduce((a, b) => a + b, 0);
 * if (Math.abs(fe.beta - yi.reduce((a, y, i) => a + w[i] * y, 0) / sw) > 1e-12) throw new Error("FE");
 * if (Math.abs(fe.se - Math.sqrt(1 / sw)) > 1e-12 || fe.tau2 !== 0) throw new Error("FE se");
 * ```
 * @module
 */
import { fail, parseInput } from "../validate.ts";
import { type Interval, normalizeLevel } from "../conventions.ts";
import { pchisq, pf, pnorm, pt, qchisq, qnorm, qt } from "../stats/distributions.ts";
import { uniroot, UNIROOT_TOL } from "../stats/_uniroot.ts";
import { estimateTau2 as estimateTau2Design, interceptDesign } from "./_tau2.ts";
import {
  assertRepresentable,
  checkStudies,
  knhaUndefined,
  METHOD_NAMES,
  rmaSchema,
  zeroViWarnings,
} from "./_validate.ts";

/** τ² estimators (metafor's names). "FE" is the fixed-effect (equal-effects) model. */
export type Tau2Method = "FE" | "DL" | "HE" | "HS" | "SJ" | "ML" | "REML" | "EB" | "PM";
/** All τ² estimators, in a stable order. */
export const TAU2_METHODS: readonly Tau2Method[] = METHOD_NAMES;
/** Test for the fixed effects: Wald z, or Knapp–Hartung (t / F with k-p df). */
export type TestType = "z" | "knha";

/** Input of {@link rma}. */
export interface RmaInput {
  /** Effect sizes, one per study (finite numbers). */
  yi: number[];
  /**
   * Sampling variances, one per study (finite and >= 0). As metafor, vi = 0 is accepted with a
   * warning: DL, HS and PM then stop, FE (or any fit ending with τ² = 0) stops with "Division by
   * zero when computing the inverse variance weights", and otherwise QE, QEp, I² and H² are null.
   */
  vi: number[];
  /** τ² estimator, default "REML". */
  method?: Tau2Method;
  /** "z" (default) or "knha". */
  test?: TestType;
  /** Confidence level in percent (95) or as a proportion (0.95), as metafor reads it; default 95. */
  level?: number;
  /** Study labels (default "1", "2", ...). */
  slab?: string[];
}

/** τ², the Q tests and I²/H², shared by {@link RmaResult} and meta-regression results. */
export interface RmaHeterogeneity {
  /** Estimated between-study variance τ² (0 for FE). */
  tau2: number;
  /** Standard error of τ² (null for FE). */
  se_tau2: number | null;
  /** Cochran's Q (residual heterogeneity with moderators); null (metafor's NA) when some vi = 0. */
  QE: number | null;
  /** Degrees of freedom of QE (k - p). */
  QEdf: number;
  /** p-value of QE; null when some vi = 0. */
  QEp: number | null;
  /** Omnibus test of the coefficient(s) (without moderators: of the intercept): chi² (z test) or F (knha). */
  QM: number;
  /** Degrees of freedom of QM: [numerator, denominator (null under z)]. */
  QMdf: [number, number | null];
  /** p-value of QM. */
  QMp: number;
  /** metafor's I² (%), τ²-based (from QE for FE); residual with moderators; null when some vi = 0. */
  I2: number | null;
  /** metafor's H², τ²-based (from QE for FE); null when some vi = 0. */
  H2: number | null;
}

/** Result of {@link rma}: metafor's quantities with metafor's names (JSON-serialisable). */
export interface RmaResult extends RmaHeterogeneity {
  /** Always "rma.uni" (intercept-only model). */
  model: "rma.uni";
  /** Number of studies. */
  k: number;
  /** Number of model coefficients (1: intercept only); metafor's `p`, not a p-value. */
  p: number;
  /** The τ² estimator used. */
  method: Tau2Method;
  /** The test used ("z" or "knha"). */
  test: TestType;
  /** Confidence level in percent (95 even when 0.95 was given). */
  level: number;
  /** Pooled estimate. */
  beta: number;
  /** Standard error of the pooled estimate. */
  se: number;
  /** Test statistic (z, or t under knha). */
  zval: number;
  /** Two-sided p-value of the pooled estimate. */
  pval: number;
  /** Lower bound of the confidence interval. */
  ci_lb: number;
  /** Upper bound of the confidence interval. */
  ci_ub: number;
  /** Lower bound of the prediction interval (for FE equal to the CI, since τ² = 0). */
  pi_lb: number;
  /** Upper bound of the prediction interval. */
  pi_ub: number;
  /** τ, the SD of the true effects. */
  tau: number;
  /** Higgins & Thompson's I² (%), Q-based: max(0, (QE - df)/QE)·100; null when some vi = 0. */
  I2_Q: number | null;
  /** Higgins & Thompson's H², Q-based: QE/df; null when some vi = 0. */
  H2_Q: number | null;
  /** metafor's "typical" within-study variance used for I2/H2; null when some vi = 0. */
  vt: number | null;
  /** Knapp–Hartung scale factor (1 under the z test). */
  s2w: number;
  /** Degrees of freedom of t/F under knha (k - p); null under z. */
  ddf: number | null;
  /** Critical value used for the CI (z or t). */
  crit: number;
  /** Iterations of the τ² algorithm (0 for closed forms). */
  iter: number;
  /** Weights in percent (w_i / Σw · 100, w = 1/(vi + τ²)). */
  weights: number[];
  /** The effect sizes analysed. */
  yi: number[];
  /** Their sampling variances. */
  vi: number[];
  /** Study labels. */
  slab: string[];
  /** What metafor would warn about (vi = 0: the Q-test, I² and H² cannot be computed); empty otherwise. */
  warnings: string[];
}

const RMA_KEYS = new Set(["yi", "vi", "method", "test", "level", "slab"]);

/**
 * Validate rma's input: shape and options with zod (unknown option names are errors, `level` as
 * 95 or 0.95), values per study with their 1-based row. Internal helper of the meta engine.
 */
export function validateRmaInput(input: RmaInput, context = "rma"): Required<Omit<RmaInput, "slab">> & {
  slab: string[];
} {
  // Fast path (the design simulator fits thousands of models): plain checks of the shape; zod
  // runs, and names the problem, only when something is off.
  const ok = input !== null && typeof input === "object" && Array.isArray(input.yi) && Array.isArray(input.vi) &&
    Object.keys(input).every((key) => RMA_KEYS.has(key)) &&
    (input.method === undefined || TAU2_METHODS.includes(input.method)) &&
    (input.test === undefined || input.test === "z" || input.test === "knha") &&
    (input.level === undefined ||
      (typeof input.level === "number" && input.level > 0 && input.level < 100)) &&
    (input.slab === undefined || (Array.isArray(input.slab) && input.slab.every((x) => typeof x === "string")));
  const d = ok
    ? { ...input, level: input.level === undefined ? undefined : normalizeLevel(input.level, context) }
    : parseInput(rmaSchema, input, context) as RmaInput;
  checkStudies(context, d.yi, d.vi, d.slab, true);
  return {
    yi: d.yi,
    vi: d.vi,
    method: d.method ?? "REML",
    test: d.test ?? "z",
    level: d.level ?? 95,
    slab: d.slab ?? d.yi.map((_, i) => String(i + 1)),
  };
}

/** Sums of the weights needed by the closed forms (X = 1). */
interface WSums {
  sw: number;
  sw2: number;
  /** weighted mean of yi */
  mu: number;
  /** y'Py = Σ w (y - mu)² */
  rss: number;
}

function wsums(yi: readonly number[], vi: readonly number[], tau2: number): WSums {
  const k = yi.length;
  let sw = 0, sw2 = 0, swy = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / (vi[i] + tau2);
    sw += w;
    sw2 += w * w;
    swy += w * yi[i];
  }
  const mu = swy / sw;
  let rss = 0;
  for (let i = 0; i < k; i++) {
    const e = yi[i] - mu;
    rss += e * e / (vi[i] + tau2);
  }
  return { sw, sw2, mu, rss };
}

/** tr(P) for P = W - w w'/Σw. */
function trP(s: WSums): number {
  return s.sw - s.sw2 / s.sw;
}

/** Generalised Q statistic Σ w (y - ȳ_w)², w = 1/(vi + tau2) (metafor's .QE.func without objective). */
export function qGen(yi: readonly number[], vi: readonly number[], tau2: number): number {
  return wsums(yi, vi, tau2).rss;
}

/**
 * Fit the model without validating the input (internal: callers have validated already).
 * Used by leave-one-out, trim-and-fill and r-sensitivity, which refit many times.
 */
export function rmaFit(
  yi: number[],
  vi: number[],
  method: Tau2Method,
  test: TestType,
  level: number,
  slab: string[],
  context = "rma",
): RmaResult {
  const k = yi.length;
  const p = 1;
  level = normalizeLevel(level, context);
  if (k === 1 && test !== "z") test = "z"; // metafor: "Setting argument test="z" since k=1."
  const { tau2, se_tau2, iter } = estimateTau2Design(interceptDesign(k), yi, vi, method, context);
  const warnings = zeroViWarnings(context, vi, tau2, method, true);
  const allvipos = warnings.length === 0;
  const s = wsums(yi, vi, tau2);
  const beta = s.mu;
  let vb = 1 / s.sw;
  let s2w = 1;
  let ddf: number | null = null;
  if (test === "knha") {
    s2w = s.rss <= 2.220446049250313e-16 ? 0 : s.rss / (k - p);
    vb *= s2w;
    ddf = k - p;
  }
  assertRepresentable(context, "beta", beta, yi, vi);
  assertRepresentable(context, "tau2", tau2, yi, vi);
  if (ddf !== null && s2w === 0) knhaUndefined(context, yi);
  const se = Math.sqrt(vb);
  assertRepresentable(context, "se", se, yi, vi);
  const zval = beta / se;
  const alpha = (100 - level) / 100;
  let pval: number, crit: number, QM: number, QMp: number;
  if (ddf !== null) {
    pval = 2 * pt(Math.abs(zval), ddf, { lower: false });
    crit = qt(alpha / 2, ddf, { lower: false });
    QM = beta * beta / vb;
    QMp = pf(QM, 1, ddf, { lower: false });
  } else {
    pval = 2 * pnorm(Math.abs(zval), 0, 1, { lower: false });
    crit = qnorm(alpha / 2, 0, 1, { lower: false });
    QM = beta * beta / vb;
    QMp = pchisq(QM, 1, { lower: false });
  }
  // Heterogeneity (always FE weights)
  let QE: number | null = 0, QEp: number | null = 1, I2: number | null = 0, H2: number | null = 1;
  let vt: number | null = 0, I2_Q: number | null = 0, H2_Q: number | null = 1;
  if (!allvipos) {
    QE =
      QEp =
      I2 =
      H2 =
      vt =
      I2_Q =
      H2_Q =
        null;
  } else if (k > p) {
    const s0 = wsums(yi, vi, 0);
    QE = Math.max(0, s0.rss);
    QEp = pchisq(QE, k - p, { lower: false });
    vt = (k - p) / trP(s0);
    I2_Q = QE > 0 ? Math.max(0, 100 * (QE - (k - p)) / QE) : 0;
    H2_Q = QE / (k - p);
    if (method === "FE") {
      I2 = I2_Q;
      H2 = H2_Q;
    } else {
      I2 = 100 * tau2 / (vt + tau2);
      H2 = tau2 / vt + 1;
    }
  }
  if (QE !== null) assertRepresentable(context, "QE", QE, yi, vi);
  if (I2 !== null) assertRepresentable(context, "I2", I2, yi, vi);
  if (H2 !== null) assertRepresentable(context, "H2", H2, yi, vi);
  if (se_tau2 !== null) assertRepresentable(context, "se_tau2", se_tau2, yi, vi);
  const piSe = Math.sqrt(vb + tau2);
  const weights = new Array<number>(k);
  for (let i = 0; i < k; i++) weights[i] = 100 / (vi[i] + tau2) / s.sw;
  return {
    model: "rma.uni",
    k,
    p,
    method,
    test,
    level,
    beta,
    se,
    zval,
    pval,
    ci_lb: beta - crit * se,
    ci_ub: beta + crit * se,
    pi_lb: beta - crit * piSe,
    pi_ub: beta + crit * piSe,
    tau2,
    tau: Math.sqrt(tau2),
    se_tau2,
    QE,
    QEdf: k - p,
    QEp,
    QM,
    QMdf: [1, ddf],
    QMp,
    I2,
    H2,
    I2_Q,
    H2_Q,
    vt,
    s2w,
    ddf,
    crit,
    iter,
    weights,
    yi: yi.slice(),
    vi: vi.slice(),
    slab: slab.slice(),
    warnings,
  };
}

/**
 * Fit a fixed-effect or random-effects meta-analysis (intercept only), as metafor's
 * `rma(yi, vi, method, test, level)`.
 * k = 1 gives τ² = 0, QE = 0, I² = 0 and a z test, as metafor does.
 * @example
 * const fit = rma({ yi: [-0.89, -1.59, -1.35], vi: [0.33, 0.19, 0.42], method: "DL", test: "knha" });
 * console.log(fit.beta, fit.ci_lb, fit.ci_ub, fit.tau2, fit.I2, fit.QE, fit.QEp);
 */
export function rma(input: RmaInput): RmaResult {
  const d = validateRmaInput(input, "rma");
  return rmaFit(d.yi, d.vi, d.method, d.test, d.level, d.slab);
}

/**
 * Q-profile confidence intervals of the heterogeneity parameters, each in the toolkit's one
 * interval shape (`estimate, ci_lb, ci_ub, level`; metafor's `confint(fit)$random` rows).
 */
export interface ConfintResult {
  /** τ² with its Q-profile CI. */
  tau2: Interval;
  /** τ with its CI. */
  tau: Interval;
  /** metafor's I² (%) with its CI. */
  I2: Interval;
  /** H² with its CI. */
  H2: Interval;
  /** Confidence level in percent. */
  level: number;
  /** true when the whole interval lies below 0 (Q(0) below the lower critical value): CI is empty. */
  ci_null: boolean;
  /** ">" when the upper bound is beyond the search limit, "<" below it, "" otherwise (metafor's ub.sign). */
  ub_sign: "" | ">" | "<";
  /** The same for the lower bound (metafor's lb.sign). */
  lb_sign: "" | ">" | "<";
}

/**
 * Q-profile confidence intervals for τ², τ, I² and H² (metafor's `confint(fit)` for rma.uni),
 * found with the same root finder, interval [min(0, τ²), max(100, 10 τ²)] and tolerance as metafor.
 * Throws for FE models and for k = 1.
 * @example
 * const ci = confint(rma({ yi: [0.5, 1.0, 1.8, 1.4, 0.1], vi: [0.06, 0.03, 0.23, 0.12, 0.08] }));
 * ci.tau2; // { estimate, ci_lb, ci_ub, level }
 */
export function confint(fit: RmaResult, level?: number): ConfintResult {
  if (fit === null || typeof fit !== "object" || !Array.isArray(fit.yi)) {
    fail("confint", "fit", "must be a result of rma()", fit);
  }
  if (fit.k < 2) fail("confint", "fit.k", "must be >= 2 (stopped because k = 1)", fit.k);
  if (fit.method === "FE") fail("confint", "fit.method", "must not be FE (no random-effects component)", "FE");
  if (fit.vt === null) {
    fail(
      "confint",
      "fit.vi",
      "Cannot compute CI for tau^2 when there are non-positive sampling variances in the data (as metafor)",
      0,
    );
  }
  if (fit.p !== 1) fail("confint", "fit.p", "must be 1 (Q-profile CI here is for intercept-only models)", fit.p);
  const lvl = normalizeLevel(level ?? fit.level, "confint", "level");
  const { yi, vi, k } = fit;
  const p = 1;
  const alpha = (100 - lvl) / 100;
  const critU = qchisq(alpha / 2, k - p, { lower: false });
  const critL = qchisq(alpha / 2, k - p);
  const tau2min = Math.min(0, fit.tau2);
  const tau2max = Math.max(100, fit.tau2 * 10, tau2min * 10);
  const Qmax = qGen(yi, vi, tau2max);
  const Qmin = qGen(yi, vi, tau2min);
  let lb = NaN, ub = NaN;
  let lbSign: "" | ">" | "<" = "", ubSign: "" | ">" | "<" = "";
  let ciNull = false;
  const solve = (objective: number, fLo: number, fHi: number) =>
    uniroot((t) => qGen(yi, vi, t) - objective, tau2min, tau2max, {
      tol: UNIROOT_TOL,
      maxiter: 1000,
      fLower: fLo - objective,
      fUpper: fHi - objective,
    }).root;
  if (Qmin < critL) {
    lb = tau2min;
    ub = tau2min;
    lbSign = "<";
    ubSign = "<";
    if (tau2min <= 0) ciNull = true;
  } else if (Qmax > critL) {
    ub = tau2max;
    ubSign = ">";
  } else {
    ub = solve(critL, Qmin, Qmax);
  }
  if (Qmax > critU) {
    lb = tau2max;
    ub = tau2max;
    lbSign = ">";
    ubSign = ">";
  } else if (Qmin < critU) {
    lb = tau2min;
    if (tau2min > 0) lbSign = "<";
  } else {
    lb = solve(critU, Qmin, Qmax);
  }
  const vt: number = fit.vt;
  const i2 = (t: number) => 100 * t / (vt + t);
  const h2 = (t: number) => t / vt + 1;
  const iv = (estimate: number, ci_lb: number, ci_ub: number): Interval => ({ estimate, ci_lb, ci_ub, level: lvl });
  return {
    tau2: iv(fit.tau2, lb, ub),
    tau: iv(Math.sqrt(Math.max(0, fit.tau2)), Math.sqrt(Math.max(0, lb)), Math.sqrt(Math.max(0, ub))),
    I2: iv(i2(fit.tau2), i2(lb), i2(ub)),
    H2: iv(h2(fit.tau2), h2(lb), h2(ub)),
    level: lvl,
    ci_null: ciNull,
    lb_sign: lbSign,
    ub_sign: ubSign,
  };
}
