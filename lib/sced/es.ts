/**
 * Within-case effect sizes for single-case (A/B) data, computed exactly as the R package
 * SingleCaseES 0.7.4 does (Pustejovsky, Chen & Swan): the non-overlap indices NAP, Tau, Tau-BC
 * (Tarlow 2017, with the optional Kendall baseline-trend pretest), Tau-U, PND, PEM, PAND and IRD,
 * and the parametric indices LRRi, LRRd, LOR, SMD (baseline or pooled SD) and LRM, with the
 * package's standard errors and confidence intervals, plus a batch over cases and outcomes.
 *
 * **Independence.** Every standard error and confidence interval here (as in SingleCaseES) treats
 * the observations within a phase as independent draws. Serially correlated single-case data
 * violate that: with positive autocorrelation the SEs are too small and the intervals too narrow.
 * The within-case SMD is scaled by the within-person SD, so it is not on the scale of a
 * between-group SMD; for that use the design-comparable `g_AB` of `bcsmd.ts`.
 *
 * @example
 * ```ts
 * import { esNAP, esSMD } from "./es.ts";
 * const A = [20, 20, 26, 25, 22, 23];
 * const B = [28, 25, 24, 27, 30, 30, 29];
 * const nap = esNAP(A, B);
 * if (Math.abs(nap.estimate! - 0.9166666666666666) > 1e-12) throw new Error("NAP");
 * const smd = esSMD(A, B, { stdDev: "pool" });
 * if (!(smd.ci_lb! < smd.estimate! && smd.estimate! < smd.ci_ub!)) throw new Error("SMD CI");
 * ```
 * @module
 */
// @ts-types="@types/d3-array"
import { median } from "d3-array";
import type { Improvement } from "../conventions.ts";
export type { Improvement } from "../conventions.ts";
import { normalizeLevel } from "../conventions.ts";
import { fail, ValidationError } from "../validate.ts";
import { pbinom, pnorm, qnorm } from "../stats/distributions.ts";
import { uniroot } from "../stats/_uniroot.ts";

const TOOL = "sced-es";

/** The effect sizes {@link scedEffectSize} and {@link batchScedEffectSizes} know. */
export type ScedEsName =
  | "NAP"
  | "Tau"
  | "Tau_BC"
  | "Tau_U"
  | "PND"
  | "PEM"
  | "PAND"
  | "IRD"
  | "LRRi"
  | "LRRd"
  | "LOR"
  | "SMD"
  | "LRM";

/** The names of {@link ScedEsName}, in a fixed order. */
export const SCED_ES_NAMES: readonly ScedEsName[] = [
  "NAP",
  "Tau",
  "Tau_BC",
  "Tau_U",
  "PND",
  "PEM",
  "PAND",
  "IRD",
  "LRRi",
  "LRRd",
  "LOR",
  "SMD",
  "LRM",
];

/** Measurement scale of the outcome (it sets the truncation constant of LRR and LOR). */
export type ScedScale = "count" | "rate" | "proportion" | "percentage" | "other";

/** Standard error formula of NAP, Tau and Tau-BC (SingleCaseES's `SE` argument). */
export type NapSeType = "unbiased" | "Hanley" | "null" | "none";

/** Options shared by the effect-size functions (each uses the ones it needs). */
export interface ScedEsOptions {
  /** Which direction of the raw score is an improvement. Default `"increase"` (LRRd: `"decrease"`). */
  improvement?: Improvement;
  /** Confidence level in percent (95) or as a proportion (0.95). Default 95. */
  level?: number;
  /** NAP/Tau/Tau-BC SE formula. Default `"unbiased"`. */
  seType?: NapSeType;
  /** Return the NAP truncation constant (`trunc`). Default false. */
  truncConst?: boolean;
  /**
   * Absolute tolerance of the root search for the NAP/Tau score interval. The default,
   * 2^-13 (≈ 1.22e-4, R's `uniroot` default), reproduces SingleCaseES's bounds, which can be
   * ~1e-5 away from the exact roots; pass e.g. 1e-13 for the exact interval.
   */
  rootTolerance?: number;
  /** Tau-BC: Kendall's tau-b against the phase dummy (Tarlow 2017) instead of Tau. Default false. */
  kendall?: boolean;
  /**
   * Tau-BC: significance threshold of the Kendall baseline-trend pretest (a proportion, e.g. 0.05);
   * the correction is applied only when the baseline trend is significant. Default `false` (always correct).
   */
  pretestTrend?: number | false;
  /** Measurement scale (LRRi, LRRd, LOR). Default `"count"` (LOR: `"percentage"`). */
  scale?: ScedScale;
  /** Number of intervals per session (proportion/percentage scales: truncation constant). */
  intervals?: number;
  /** Observation length per session (rate scale: truncation constant). */
  observationLength?: number;
  /** Truncation constant D given directly (overrides scale/intervals/observationLength). */
  dConst?: number;
  /** Small-sample bias correction (LRR, LOR, SMD). Default true. */
  biasCorrect?: boolean;
  /** LRRi/LRRd: also return the percentage change row. Default false. */
  pctChange?: boolean;
  /** SMD: standardise by the baseline SD or the pooled SD. Default `"baseline"`. */
  stdDev?: "baseline" | "pool";
  /** LRM: delta-method SE. Default false. */
  deltaMethod?: boolean;
}

/** One effect-size result row, as a row of SingleCaseES's output. */
export interface ScedEsRow {
  /** Effect-size name as SingleCaseES prints it (`NAP`, `Tau-BC`, `Pct_Change_i`, ...). */
  es: string;
  /** Point estimate; null when it is undefined or infinite for these data (see `warnings`). */
  estimate: number | null;
  /** Standard error (assumes independent observations); null when not computed or not finite. */
  se: number | null;
  /** Lower confidence bound; null when not computed or not finite. */
  ci_lb: number | null;
  /** Upper confidence bound; null when not computed or not finite. */
  ci_ub: number | null;
  /** Confidence level in percent, or null when there is no interval. */
  level: number | null;
  /** NAP/Tau truncation constant (with `truncConst`). */
  trunc?: number;
  /** Tau-BC: Theil–Sen baseline slope. */
  slope?: number;
  /** Tau-BC: Theil–Sen baseline intercept. */
  intercept?: number;
  /** Tau-BC: p-value of the Kendall baseline-trend pretest (with `pretestTrend`). */
  pval_slope: number | null;
  /** Tau-BC: whether the trend correction was applied. */
  corrected?: boolean;
  /** SMD: the baseline SD. */
  baseline_sd?: number;
  /** SMD: the pooled SD. */
  pooled_sd?: number;
  /** Messages (e.g. "baseline trend not significant") and reasons for null fields. */
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// helpers

function checkSeries(A: readonly number[], B: readonly number[], tool: string): void {
  for (const [name, x] of [["A", A], ["B", B]] as const) {
    if (!Array.isArray(x)) fail(tool, name, "must be an array of numbers", x);
    if (x.length < 1) fail(tool, name, "must have at least 1 observation", x.length);
    x.forEach((v, i) => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new ValidationError(tool, [{
          path: name,
          rule: "must be a finite number",
          received: v,
          row: i + 1,
        }]);
      }
    });
  }
}

function levelOf(opts: ScedEsOptions, tool: string): number {
  return opts.level === undefined ? 95 : normalizeLevel(opts.level, tool, "level");
}

function zOf(level: number): number {
  return qnorm(1 - (1 - level / 100) / 2);
}

function mean(x: readonly number[]): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

function variance(x: readonly number[]): number {
  if (x.length < 2) return NaN;
  const m = mean(x);
  let s = 0;
  for (const v of x) s += (v - m) * (v - m);
  return s / (x.length - 1);
}

function med(x: readonly number[]): number {
  return median(x as number[]) as number;
}

function row(es: string, estimate: number, extra: Partial<ScedEsRow> = {}): ScedEsRow {
  return {
    es,
    estimate,
    se: null,
    ci_lb: null,
    ci_ub: null,
    level: null,
    pval_slope: null,
    warnings: [],
    ...extra,
  };
}

/** Replace non-finite numbers by null and say so (no NaN/Infinity leaves this module). */
function sanitize(r: ScedEsRow): ScedEsRow {
  for (const key of ["estimate", "se", "ci_lb", "ci_ub"] as const) {
    const v = r[key];
    if (v !== null && !Number.isFinite(v)) {
      r.warnings.push(
        `${r.es}: ${key} is ${Number.isNaN(v) ? "undefined (NaN)" : String(v)} for these data; reported as null`,
      );
      r[key] = null;
    }
  }
  return r;
}

function flip(x: readonly number[], improvement: Improvement): number[] {
  return improvement === "decrease" ? x.map((v) => -v) : x.slice();
}

function improvementOf(opts: ScedEsOptions, tool: string, dflt: Improvement = "increase"): Improvement {
  const imp = opts.improvement ?? dflt;
  if (imp !== "increase" && imp !== "decrease") fail(tool, "improvement", 'must be "increase" or "decrease"', imp);
  return imp;
}

/**
 * R's `uniroot()` root finder (Brent's zeroin, shared with the meta engine in
 * `lib/stats/_uniroot.ts`), returning the root only, as SingleCaseES's interval bounds use it.
 */
export function zeroin(
  f: (x: number) => number,
  ax: number,
  bx: number,
  tol: number,
  maxit = 1000,
): number {
  return uniroot(f, ax, bx, { tol, maxiter: maxit }).root;
}

const R_UNIROOT_TOL = Math.pow(Number.EPSILON, 0.25);

// ---------------------------------------------------------------------------------------------
// non-overlap

interface NapCore {
  nap: number;
  se: number | null;
  trunc: number;
  ci_lb: number | null;
  ci_ub: number | null;
}

function napCore(A: number[], B: number[], seType: NapSeType, level: number, tol: number): NapCore {
  const m = A.length, n = B.length;
  const Q = new Float64Array(m * n);
  let sum = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const q = B[j] > A[i] ? 1 : B[j] === A[i] ? 0.5 : 0;
      Q[i * n + j] = q;
      sum += q;
    }
  }
  const nap = sum / (m * n);
  const trunc = 0.5 / (m * n);
  if (seType === "none") return { nap, se: null, trunc, ci_lb: null, ci_ub: null };
  let Q1 = 0, Q2 = 0, X = 0;
  for (let i = 0; i < m; i++) {
    let r = 0;
    for (let j = 0; j < n; j++) {
      const d = Q[i * n + j] - nap;
      r += d;
      X += d * d;
    }
    Q1 += r * r;
  }
  for (let j = 0; j < n; j++) {
    let c = 0;
    for (let i = 0; i < m; i++) c += Q[i * n + j] - nap;
    Q2 += c * c;
  }
  Q1 /= m * n * n;
  Q2 /= m * m * n;
  X /= m * n;
  const napT = Math.min(Math.max(nap, trunc), 1 - trunc);
  let V: number;
  if (seType === "unbiased") V = (napT * (1 - napT) + n * Q1 + m * Q2 - 2 * X) / ((m - 1) * (n - 1));
  else if (seType === "Hanley") V = (napT * (1 - napT) + (n - 1) * Q1 + (m - 1) * Q2) / (m * n);
  else V = (m + n + 1) / (12 * m * n);
  const h = (m + n) / 2 - 1;
  const z = zOf(level);
  const f = (x: number) =>
    m * n * (nap - x) ** 2 * (2 - x) * (1 + x) - z * z * x * (1 - x) * (2 + h + (1 + 2 * h) * x * (1 - x));
  const ci_lb = nap > 0 ? zeroin(f, 0, nap, tol) : 0;
  const ci_ub = nap < 1 ? zeroin(f, nap, 1, tol) : 1;
  return { nap, se: Math.sqrt(V), trunc, ci_lb, ci_ub };
}

function seTypeOf(opts: ScedEsOptions, tool: string): NapSeType {
  const s = opts.seType ?? "unbiased";
  if (!["unbiased", "Hanley", "null", "none"].includes(s)) {
    fail(tool, "seType", 'must be "unbiased", "Hanley", "null" or "none"', s);
  }
  return s;
}

function tolOf(opts: ScedEsOptions, tool: string): number {
  const t = opts.rootTolerance ?? R_UNIROOT_TOL;
  if (!(typeof t === "number" && t > 0 && Number.isFinite(t))) fail(tool, "rootTolerance", "must be a number > 0", t);
  return t;
}

/**
 * Non-overlap of all pairs (Parker & Vannest 2009) as SingleCaseES `NAP`: the share of
 * (A, B) pairs in which B improves on A, ties counting one half. SE `"unbiased"` (Sen 1967,
 * Mee 1990), `"Hanley"` or `"null"`; CI by Newcombe's (2006) symmetrised score inversion
 * (as the package: complete non-overlap, NAP = 1 or 0, gives the degenerate interval [1, 1] or
 * [0, 0]). The SEs assume independent observations.
 *
 * @example
 * ```ts
 * import { esNAP } from "./es.ts";
 * const r = esNAP([4, 3, 4, 3, 4, 7, 5, 2, 3, 2], [5, 9, 7, 9, 7, 5, 9, 11, 11, 10, 9]);
 * if (Math.abs(r.estimate! - 0.9636363636) > 1e-9) throw new Error("NAP");
 * ```
 */
export function esNAP(A: readonly number[], B: readonly number[], opts: ScedEsOptions = {}): ScedEsRow {
  const tool = `${TOOL} NAP`;
  checkSeries(A, B, tool);
  const imp = improvementOf(opts, tool);
  const level = levelOf(opts, tool);
  const seType = seTypeOf(opts, tool);
  const c = napCore(flip(A, imp), flip(B, imp), seType, level, tolOf(opts, tool));
  const r = row("NAP", c.nap, {
    se: c.se,
    ci_lb: c.ci_lb,
    ci_ub: c.ci_ub,
    level: c.ci_lb === null ? null : level,
  });
  if (opts.truncConst && seType !== "none") r.trunc = c.trunc;
  return sanitize(r);
}

function tauFromNap(c: NapCore): Pick<ScedEsRow, "estimate" | "se" | "ci_lb" | "ci_ub"> {
  return {
    estimate: 2 * c.nap - 1,
    se: c.se === null ? null : 2 * c.se,
    ci_lb: c.ci_lb === null ? null : 2 * c.ci_lb - 1,
    ci_ub: c.ci_ub === null ? null : 2 * c.ci_ub - 1,
  };
}

/**
 * Tau (non-overlap) as SingleCaseES `Tau`: 2·NAP − 1, with SE and CI transformed from NAP's.
 *
 * @example
 * ```ts
 * import { esTau } from "./es.ts";
 * const r = esTau([20, 20, 26, 25, 22, 23], [28, 25, 24, 27, 30, 30, 29]);
 * if (Math.abs(r.estimate! - 0.8333333333333333) > 1e-12) throw new Error("Tau");
 * ```
 */
export function esTau(A: readonly number[], B: readonly number[], opts: ScedEsOptions = {}): ScedEsRow {
  const tool = `${TOOL} Tau`;
  checkSeries(A, B, tool);
  const imp = improvementOf(opts, tool);
  const level = levelOf(opts, tool);
  const seType = seTypeOf(opts, tool);
  const c = napCore(flip(A, imp), flip(B, imp), seType, level, tolOf(opts, tool));
  const r = row("Tau", 0, { ...tauFromNap(c), level: c.ci_lb === null ? null : level });
  if (opts.truncConst && seType !== "none") r.trunc = 2 * c.trunc;
  return sanitize(r);
}

/**
 * Tau-U (Parker, Vannest, Davis & Sauber 2011) as SingleCaseES `Tau_U`: Kendall's S between
 * phases minus the baseline's S, over m·n. It can exceed 1; no SE.
 *
 * @example
 * ```ts
 * import { esTauU } from "./es.ts";
 * const r = esTauU([20, 20, 26, 25, 22, 23], [28, 25, 24, 27, 30, 30, 29]);
 * if (Math.abs(r.estimate! - 0.7380952380952381) > 1e-12) throw new Error("Tau-U");
 * ```
 */
export function esTauU(A: readonly number[], B: readonly number[], opts: ScedEsOptions = {}): ScedEsRow {
  const tool = `${TOOL} Tau_U`;
  checkSeries(A, B, tool);
  const imp = improvementOf(opts, tool);
  const a = flip(A, imp), b = flip(B, imp);
  const m = a.length, n = b.length;
  let sP = 0;
  for (const bj of b) for (const ai of a) sP += Math.sign(bj - ai);
  let sB = 0;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) sB += Math.sign(a[j] - a[i]);
  return sanitize(row("Tau-U", (sP - sB) / (m * n)));
}

/**
 * Kendall's S, tie counts and tau-b for two vectors. The data are rounded to single precision
 * first, as the R package Kendall (Fortran REAL) does: values that differ only in the last
 * double-precision bits (e.g. detrended residuals) are ties there.
 */
function kendall(xIn: readonly number[], yIn: readonly number[]): { S: number; tau: number; varS: number } {
  const x = xIn.map(Math.fround), y = yIn.map(Math.fround);
  const n = x.length;
  let S = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) S += Math.sign(x[j] - x[i]) * Math.sign(y[j] - y[i]);
  }
  const ties = (v: readonly number[]) => {
    const counts = new Map<number, number>();
    for (const t of v) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts.values()].filter((t) => t > 1);
  };
  const tx = ties(x), ty = ties(y);
  const n0 = n * (n - 1) / 2;
  const n1 = tx.reduce((s, t) => s + t * (t - 1) / 2, 0);
  const n2 = ty.reduce((s, t) => s + t * (t - 1) / 2, 0);
  const tau = S / Math.sqrt((n0 - n1) * (n0 - n2));
  const v0 = n * (n - 1) * (2 * n + 5);
  const vt = tx.reduce((s, t) => s + t * (t - 1) * (2 * t + 5), 0);
  const vu = ty.reduce((s, t) => s + t * (t - 1) * (2 * t + 5), 0);
  const t2 = tx.reduce((s, t) => s + t * (t - 1) * (t - 2), 0);
  const u2 = ty.reduce((s, t) => s + t * (t - 1) * (t - 2), 0);
  const t1 = tx.reduce((s, t) => s + t * (t - 1), 0);
  const u1 = ty.reduce((s, t) => s + t * (t - 1), 0);
  const varS = (v0 - vt - vu) / 18 + (n > 2 ? t2 * u2 / (9 * n * (n - 1) * (n - 2)) : 0) +
    t1 * u1 / (2 * n * (n - 1));
  return { S, tau, varS };
}

/**
 * p-value of the Kendall trend test as the R package Kendall reports it (`sl`): normal
 * approximation with continuity correction and tie-corrected variance; 1 for n ≤ 3 or a
 * constant series (the package's "error exit"). The package computes in single precision, so
 * its values agree with this one to about 1e-7. Used by {@link esTauBC}'s baseline-trend pretest.
 *
 * @example
 * ```ts
 * import { kendallTrendPval } from "./es.ts";
 * // 5 increasing points: S = 10, var(S) = 50/3, z = 9/√(50/3)
 * const p = kendallTrendPval([2, 3, 5, 6, 8]);
 * if (Math.abs(p - 0.027486) > 1e-6) throw new Error("Kendall sl");
 * if (kendallTrendPval([1, 2, 3]) !== 1) throw new Error("n <= 3 gives 1");
 * ```
 */
export function kendallTrendPval(x: readonly number[]): number {
  const n = x.length;
  if (n <= 3) return 1;
  if (x.every((v) => Math.fround(v) === Math.fround(x[0]))) return 1;
  const t = x.map((_, i) => i + 1);
  const { S, varS } = kendall(x, t);
  if (S === 0) return 1;
  const z = (S - Math.sign(S)) / Math.sqrt(varS);
  return Math.min(1, 2 * pnorm(-Math.abs(z)));
}

/**
 * Baseline-corrected Tau (Tarlow 2017) as SingleCaseES `Tau_BC`: a Theil–Sen line through the
 * baseline (times 1..m, then m+1..m+n for B) is removed from both phases and Tau (or, with
 * `kendall: true`, Kendall's tau-b against the phase dummy, SE √(2(1 − τ²)/(m + n))) is computed
 * on the residuals. With `pretestTrend: 0.05` the correction is made only when the Kendall
 * baseline-trend test is significant at that threshold. The SEs ignore the trend estimation and
 * assume independent observations.
 *
 * @example
 * ```ts
 * import { esTauBC } from "./es.ts";
 * const r = esTauBC([2, 3, 5, 6, 8], [9, 10, 9, 12, 13, 14]);
 * if (r.slope !== 1.5 || !(r.estimate! < 0)) throw new Error("trend removed");
 * ```
 */
export function esTauBC(A: readonly number[], B: readonly number[], opts: ScedEsOptions = {}): ScedEsRow {
  const tool = `${TOOL} Tau_BC`;
  checkSeries(A, B, tool);
  const imp = improvementOf(opts, tool);
  const level = levelOf(opts, tool);
  const seType = seTypeOf(opts, tool);
  const m = A.length, n = B.length;
  if (m < 2) fail(tool, "A", "must have at least 2 observations to estimate a baseline trend", m);
  const pre = opts.pretestTrend ?? false;
  const warnings: string[] = [];
  let adjust = true;
  let pval: number | null = null;
  if (pre !== false) {
    if (!(typeof pre === "number" && pre > 0 && pre < 1)) {
      fail(tool, "pretestTrend", "must be false or a significance threshold in (0, 1)", pre);
    }
    pval = kendallTrendPval(A);
    if (pval > pre) {
      adjust = false;
      warnings.push("The baseline trend is not statistically significant. Tau is calculated without trend correction.");
    }
  }
  const slopes: number[] = [];
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) slopes.push((A[j] - A[i]) / (j - i));
  const slope = med(slopes);
  const intercept = med(A.map((v, i) => v - (i + 1) * slope));
  let a = A.slice(), b = B.slice();
  if (adjust) {
    a = A.map((v, i) => v - intercept - slope * (i + 1));
    b = B.map((v, j) => v - intercept - slope * (m + j + 1));
  }
  let r: ScedEsRow;
  if (opts.kendall) {
    a = flip(a, imp);
    b = flip(b, imp);
    const all = a.concat(b);
    const mu = mean(all);
    const sd = Math.sqrt(all.reduce((s, v) => s + (v - mu) ** 2, 0) / (all.length - 1));
    const tau = sd === 0 ? 0 : kendall(all, all.map((_, i) => (i < m ? 0 : 1))).tau;
    const se = Math.sqrt((2 / (m + n)) * (1 - tau * tau));
    const z = zOf(level);
    r = row("Tau-BC", tau, { se, ci_lb: tau - z * se, ci_ub: tau + z * se, level });
  } else {
    const c = napCore(flip(a, imp), flip(b, imp), seType, level, tolOf(opts, tool));
    r = row("Tau-BC", 0, { ...tauFromNap(c), level: c.ci_lb === null ? null : level });
    if (opts.truncConst && seType !== "none") r.trunc = 2 * c.trunc;
  }
  r.slope = slope;
  r.intercept = intercept;
  r.pval_slope = pval;
  r.corrected = adjust;
  r.warnings.push(...warnings);
  return sanitize(r);
}

/**
 * Percentage of non-overlapping data (Scruggs, Mastropieri & Casto 1987) as SingleCaseES `PND`
 * (a proportion): the share of B points beyond the most extreme A point.
 *
 * @example
 * ```ts
 * import { esPND } from "./es.ts";
 * if (esPND([20, 20, 26, 25, 22, 23], [28, 25, 24, 27, 30, 30, 29]).estimate !== 5 / 7) throw new Error("PND");
 * ```
 */
export function esPND(A: readonly number[], B: readonly number[], opts: ScedEsOptions = {}): ScedEsRow {
  const tool = `${TOOL} PND`;
  checkSeries(A, B, tool);
  const imp = improvementOf(opts, tool);
  const a = flip(A, imp), b = flip(B, imp);
  const mx = Math.max(...a);
  return sanitize(row("PND", b.filter((v) => v > mx).length / b.length));
}

/**
 * Percentage exceeding the median (Ma 2006) as SingleCaseES `PEM` (a proportion; ties 0.5).
 *
 * @example
 * ```ts
 * import { esPEM } from "./es.ts";
 * if (esPEM([20, 20, 26, 25, 22, 23], [28, 25, 24, 27, 30, 30, 29]).estimate !== 1) throw new Error("PEM");
 * ```
 */
export function esPEM(A: readonly number[], B: readonly number[], opts: ScedEsOptions = {}): ScedEsRow {
  const tool = `${TOOL} PEM`;
  checkSeries(A, B, tool);
  const imp = improvementOf(opts, tool);
  const a = flip(A, imp), b = flip(B, imp);
  const md = med(a);
  let s = 0;
  for (const v of b) s += v > md ? 1 : v === md ? 0.5 : 0;
  return sanitize(row("PEM", s / b.length));
}

function pandCount(a: number[], b: number[]): number {
  const m = a.length, n = b.length;
  const X = [-Infinity, ...a.slice().sort((u, v) => u - v)];
  const Y = [...b.slice().sort((u, v) => u - v), Infinity];
  let best = 0;
  for (let i = 1; i <= m + 1; i++) {
    for (let j = 1; j <= n + 1; j++) {
      if (X[i - 1] < Y[j - 1]) best = Math.max(best, i + n - j);
    }
  }
  return best;
}

/**
 * Percentage of all non-overlapping data (Parker, Hagan-Burke & Vannest 2007) as SingleCaseES
 * `PAND` (a proportion): the most points that can be kept with no overlap, over m + n.
 *
 * @example
 * ```ts
 * import { esPAND } from "./es.ts";
 * const r = esPAND([20, 20, 26, 25, 22, 23], [28, 25, 24, 27, 30, 30, 29]);
 * if (Math.abs(r.estimate! - 11 / 13) > 1e-12) throw new Error("PAND");
 * ```
 */
export function esPAND(A: readonly number[], B: readonly number[], opts: ScedEsOptions = {}): ScedEsRow {
  const tool = `${TOOL} PAND`;
  checkSeries(A, B, tool);
  const imp = improvementOf(opts, tool);
  return sanitize(row("PAND", pandCount(flip(A, imp), flip(B, imp)) / (A.length + B.length)));
}

/**
 * Robust improvement rate difference (Parker, Vannest & Brown 2009) as SingleCaseES `IRD`:
 * ((m + n)² PAND − m² − n²) / (2 m n).
 *
 * @example
 * ```ts
 * import { esIRD } from "./es.ts";
 * const r = esIRD([20, 20, 26, 25, 22, 23], [28, 25, 24, 27, 30, 30, 29]);
 * if (Math.abs(r.estimate! - 58 / 84) > 1e-12) throw new Error("IRD");
 * ```
 */
export function esIRD(A: readonly number[], B: readonly number[], opts: ScedEsOptions = {}): ScedEsRow {
  const tool = `${TOOL} IRD`;
  checkSeries(A, B, tool);
  const imp = improvementOf(opts, tool);
  const m = A.length, n = B.length;
  const pand = pandCount(flip(A, imp), flip(B, imp)) / (m + n);
  return sanitize(row("IRD", ((m + n) ** 2 * pand - m * m - n * n) / (2 * m * n)));
}

// ---------------------------------------------------------------------------------------------
// parametric

function scaleOf(opts: ScedEsOptions, tool: string, dflt: ScedScale): ScedScale {
  const s = opts.scale ?? dflt;
  if (!["count", "rate", "proportion", "percentage", "other"].includes(s)) {
    fail(tool, "scale", 'must be "count", "rate", "proportion", "percentage" or "other"', s);
  }
  return s;
}

/** SingleCaseES `trunc_constant`: Inf when the needed argument is missing (no truncation). */
function truncConstant(scale: ScedScale, opts: ScedEsOptions, tool: string): number {
  if (opts.dConst !== undefined) {
    if (!(typeof opts.dConst === "number" && opts.dConst > 0)) {
      fail(tool, "dConst", "must be a number > 0", opts.dConst);
    }
    return opts.dConst;
  }
  const pos = (name: "intervals" | "observationLength") => {
    const v = opts[name];
    if (v === undefined) return Infinity;
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) fail(tool, name, "must be a finite number > 0", v);
    return v;
  };
  switch (scale) {
    case "count":
      return 1;
    case "rate":
      return pos("observationLength");
    case "proportion":
      return pos("intervals");
    case "percentage":
      return pos("intervals") / 100;
    default:
      return Infinity;
  }
}

interface PhaseStats {
  n: [number, number];
  M: [number, number];
  V: [number, number];
}

function phaseStats(A: readonly number[], B: readonly number[]): PhaseStats {
  return { n: [A.length, B.length], M: [mean(A), mean(B)], V: [variance(A), variance(B)] };
}

function shortPhaseWarnings(s: PhaseStats): string[] {
  const short = (["A", "B"] as const).filter((_, i) => s.n[i] < 2);
  return short.length
    ? [`${short.join(", ")} ${short.length > 1 ? "phases contain" : "phase contains"} less than 2 observations.`]
    : [];
}

function lrr(
  which: "LRRi" | "LRRd",
  A: readonly number[],
  B: readonly number[],
  opts: ScedEsOptions,
): ScedEsRow[] {
  const tool = `${TOOL} ${which}`;
  checkSeries(A, B, tool);
  const imp = improvementOf(opts, tool, which === "LRRi" ? "increase" : "decrease");
  const level = levelOf(opts, tool);
  const scale = scaleOf(opts, tool, "count");
  checkRange(A, B, scale, tool);
  const s = phaseStats(A, B);
  const warnings = shortPhaseWarnings(s);
  const complement = which === "LRRi" ? imp === "decrease" : imp === "increase";
  if (complement) {
    if (scale === "percentage") s.M = [100 - s.M[0], 100 - s.M[1]];
    if (scale === "proportion") s.M = [1 - s.M[0], 1 - s.M[1]];
  }
  const D = truncConstant(scale, opts, tool);
  if (D > 0) {
    for (const k of [0, 1]) {
      s.M[k] = Math.max(1 / (2 * D * s.n[k]), s.M[k]);
      s.V[k] = Math.max(1 / (D * D * s.n[k] ** 3), s.V[k]);
    }
  }
  const lm = (k: 0 | 1) => Math.log(s.M[k]) + ((opts.biasCorrect ?? true) ? s.V[k] / (2 * s.n[k] * s.M[k] ** 2) : 0);
  let est = lm(1) - lm(0);
  if (complement && scale !== "percentage" && scale !== "proportion") est = -est;
  const se = Math.sqrt(s.V[0] / (s.n[0] * s.M[0] ** 2) + s.V[1] / (s.n[1] * s.M[1] ** 2));
  const z = zOf(level);
  const main = row(which, est, { se, ci_lb: est - z * se, ci_ub: est + z * se, level, warnings });
  const out = [sanitize(main)];
  if (opts.pctChange) {
    const pc = (x: number) => 100 * (Math.exp(x) - 1);
    out.push(
      sanitize(
        row(which === "LRRi" ? "Pct_Change_i" : "Pct_Change_d", pc(est), {
          ci_lb: pc(est - z * se),
          ci_ub: pc(est + z * se),
          level,
          warnings: warnings.slice(),
        }),
      ),
    );
  }
  return out;
}

function checkRange(A: readonly number[], B: readonly number[], scale: ScedScale, tool: string): void {
  const hi = scale === "proportion" ? 1 : scale === "percentage" ? 100 : Infinity;
  for (const [name, x] of [["A", A], ["B", B]] as const) {
    x.forEach((v, i) => {
      if (v < 0 || v > hi) {
        throw new ValidationError(tool, [{
          path: name,
          rule: hi === Infinity ? `must be >= 0 on the ${scale} scale` : `must be in [0, ${hi}] on the ${scale} scale`,
          received: v,
          row: i + 1,
        }]);
      }
    });
  }
}

/**
 * Log response ratio, increasing version (Pustejovsky 2015, 2018) as SingleCaseES `LRRi`:
 * log(mean B / mean A), bias-corrected, with means and variances truncated at the scale's
 * constant. On percentage/proportion scales with `improvement: "decrease"` it works on the
 * complement (100 − p). Returns one row, or two with `pctChange`. SEs assume independence.
 *
 * @example
 * ```ts
 * import { esLRRi } from "./es.ts";
 * const [r] = esLRRi([2, 3, 2, 4], [6, 5, 7, 6], { biasCorrect: false });
 * if (Math.abs(r.estimate! - Math.log(6 / 2.75)) > 1e-12) throw new Error("LRRi");
 * ```
 */
export function esLRRi(A: readonly number[], B: readonly number[], opts: ScedEsOptions = {}): ScedEsRow[] {
  return lrr("LRRi", A, B, opts);
}

/**
 * Log response ratio, decreasing version, as SingleCaseES `LRRd` (default improvement
 * `"decrease"`: negative values are improvements). See {@link esLRRi}.
 *
 * @example
 * ```ts
 * import { esLRRd } from "./es.ts";
 * const [r] = esLRRd([6, 5, 7, 6], [2, 3, 2, 4], { biasCorrect: false });
 * if (Math.abs(r.estimate! - Math.log(2.75 / 6)) > 1e-12) throw new Error("LRRd");
 * ```
 */
export function esLRRd(A: readonly number[], B: readonly number[], opts: ScedEsOptions = {}): ScedEsRow[] {
  return lrr("LRRd", A, B, opts);
}

/**
 * Log odds ratio for proportions or percentages (Pustejovsky 2015) as SingleCaseES `LOR`,
 * with truncation and bias correction. Other scales are refused.
 *
 * @example
 * ```ts
 * import { esLOR } from "./es.ts";
 * const r = esLOR([20, 30, 25], [60, 70, 65], { scale: "percentage", intervals: 20, biasCorrect: false });
 * if (Math.abs(r.estimate! - (Math.log(0.65 / 0.35) - Math.log(0.25 / 0.75))) > 1e-12) throw new Error("LOR");
 * ```
 */
export function esLOR(A: readonly number[], B: readonly number[], opts: ScedEsOptions = {}): ScedEsRow {
  const tool = `${TOOL} LOR`;
  checkSeries(A, B, tool);
  const imp = improvementOf(opts, tool);
  const level = levelOf(opts, tool);
  const scale = scaleOf(opts, tool, "percentage");
  if (scale !== "proportion" && scale !== "percentage") {
    fail(tool, "scale", 'LOR needs "proportion" or "percentage"', scale);
  }
  checkRange(A, B, scale, tool);
  let D = truncConstant(scale, opts, tool);
  let a = A.slice(), b = B.slice();
  if (scale === "percentage") {
    a = a.map((v) => v / 100);
    b = b.map((v) => v / 100);
    D = 100 * D;
  }
  const s = phaseStats(a, b);
  const warnings = shortPhaseWarnings(s);
  if (D > 0) {
    for (const k of [0, 1]) {
      const tl = 1 / (2 * D * s.n[k]);
      s.M[k] = Math.min(1 - tl, Math.max(tl, s.M[k]));
      s.V[k] = Math.max(1 / (D * D * s.n[k] ** 3), s.V[k]);
    }
  }
  const lo = (k: 0 | 1) => {
    const M = s.M[k];
    const bc = (opts.biasCorrect ?? true) ? (2 * M - 1) * s.V[k] / (2 * s.n[k] * M * M * (1 - M) ** 2) : 0;
    return Math.log(M) - Math.log(1 - M) - bc;
  };
  let est = lo(1) - lo(0);
  if (imp === "decrease") est = -est;
  let v = 0;
  for (const k of [0, 1]) v += s.V[k] / (s.n[k] * s.M[k] ** 2 * (1 - s.M[k]) ** 2);
  const se = Math.sqrt(v);
  const z = zOf(level);
  return sanitize(row("LOR", est, { se, ci_lb: est - z * se, ci_ub: est + z * se, level, warnings }));
}

/**
 * Within-case standardised mean difference as SingleCaseES `SMD` (Gingerich 1984; Busk &
 * Serlin 1992): (mean B − mean A) over the baseline SD (df = m − 1) or the pooled SD
 * (df = m + n − 2), times Hedges' J = 1 − 3/(4 df − 1); SE = J √(1/m + s_B²/(n s_A²) + d²/(2 df))
 * (baseline) or J √(1/m + 1/n + d²/(2 df)) (pooled). It is scaled by the **within-case** SD,
 * so it is not comparable with a between-group SMD, and its SE assumes independent observations.
 *
 * @example
 * ```ts
 * import { esSMD } from "./es.ts";
 * const r = esSMD([20, 20, 26, 25, 22, 23], [28, 25, 24, 27, 30, 30, 29], { biasCorrect: false });
 * if (Math.abs(r.estimate! - (27.571428571428573 - 22.666666666666668) / r.baseline_sd!) > 1e-12) throw new Error("SMD");
 * ```
 */
export function esSMD(A: readonly number[], B: readonly number[], opts: ScedEsOptions = {}): ScedEsRow {
  const tool = `${TOOL} SMD`;
  checkSeries(A, B, tool);
  const imp = improvementOf(opts, tool);
  const level = levelOf(opts, tool);
  const stdDev = opts.stdDev ?? "baseline";
  if (stdDev !== "baseline" && stdDev !== "pool") fail(tool, "stdDev", 'must be "baseline" or "pool"', stdDev);
  const s = phaseStats(A, B);
  if (stdDev === "baseline" && s.n[0] < 2) {
    fail(tool, "A", "must have at least 2 observations for the baseline SD", s.n[0]);
  }
  if (stdDev === "pool" && s.n[0] + s.n[1] < 3) {
    fail(tool, "A, B", "must have at least 3 observations together for the pooled SD", s.n[0] + s.n[1]);
  }
  let df: number, s2: number, sv1: number;
  if (stdDev === "baseline") {
    df = s.n[0] - 1;
    s2 = s.V[0];
    sv1 = 1 / s.n[0] + s.V[1] / (s.n[1] * s.V[0]);
  } else {
    df = s.n[0] + s.n[1] - 2;
    s2 = ((s.n[0] - 1) * (s.n[0] > 1 ? s.V[0] : 0) + (s.n[1] - 1) * (s.n[1] > 1 ? s.V[1] : 0)) / df;
    sv1 = 1 / s.n[0] + 1 / s.n[1];
  }
  if (!(s2 > 0)) {
    fail(
      tool,
      stdDev === "baseline" ? "A" : "A, B",
      "has no variation (SD = 0): the SMD is undefined for these data",
      s2,
    );
  }
  const J = (opts.biasCorrect ?? true) ? 1 - 3 / (4 * df - 1) : 1;
  let d = J * (s.M[1] - s.M[0]) / Math.sqrt(s2);
  if (imp === "decrease") d = -d;
  const se = J * Math.sqrt(sv1 + d * d / (2 * df));
  const z = zOf(level);
  const r = row("SMD", d, { se, ci_lb: d - z * se, ci_ub: d + z * se, level, warnings: shortPhaseWarnings(s) });
  if (stdDev === "baseline") r.baseline_sd = Math.sqrt(s2);
  else r.pooled_sd = Math.sqrt(s2);
  return sanitize(r);
}

/**
 * Log ratio of medians as SingleCaseES `LRM`, with the order-statistic SE (or the delta-method
 * SE). With a zero median the estimate is infinite and reported as null with a warning.
 *
 * @example
 * ```ts
 * import { esLRM } from "./es.ts";
 * const r = esLRM([2, 3, 2, 4, 3], [6, 5, 7, 6, 8]);
 * if (Math.abs(r.estimate! - Math.log(6 / 3)) > 1e-12) throw new Error("LRM");
 * ```
 */
export function esLRM(A: readonly number[], B: readonly number[], opts: ScedEsOptions = {}): ScedEsRow {
  const tool = `${TOOL} LRM`;
  checkSeries(A, B, tool);
  const imp = improvementOf(opts, tool);
  const level = levelOf(opts, tool);
  const stats = (x: readonly number[]) => {
    const n = x.length;
    const md = med(x);
    const o1 = Math.max(Math.round(n / 2 - Math.sqrt(n)), 1);
    const o2 = n - o1 + 1;
    const p = pbinom(o1 - 1, n, 0.5);
    const z0 = qnorm(1 - p);
    const y = x.slice().sort((u, v) => u - v);
    const L1 = y[o1 - 1], U1 = y[o2 - 1];
    const v = opts.deltaMethod
      ? ((U1 - L1) / (2 * z0)) ** 2 / md ** 2
      : ((Math.log(U1) - Math.log(L1)) / (2 * z0)) ** 2;
    return { lm: Math.log(md), v };
  };
  const a = stats(A), b = stats(B);
  let est = b.lm - a.lm;
  if (imp === "decrease") est = -est;
  const se = Math.sqrt(a.v + b.v);
  const z = zOf(level);
  return sanitize(row("LRM", est, { se, ci_lb: est - z * se, ci_ub: est + z * se, level }));
}

/**
 * Any of the effect sizes by name (rows as SingleCaseES returns them: LRRi/LRRd with
 * `pctChange` give two rows).
 *
 * @example
 * ```ts
 * import { scedEffectSize } from "./es.ts";
 * const [r] = scedEffectSize("PND", [1, 2, 3], [4, 5, 2]);
 * if (Math.abs(r.estimate! - 2 / 3) > 1e-12) throw new Error("PND");
 * ```
 */
export function scedEffectSize(
  es: ScedEsName,
  A: readonly number[],
  B: readonly number[],
  opts: ScedEsOptions = {},
): ScedEsRow[] {
  switch (es) {
    case "NAP":
      return [esNAP(A, B, opts)];
    case "Tau":
      return [esTau(A, B, opts)];
    case "Tau_BC":
      return [esTauBC(A, B, opts)];
    case "Tau_U":
      return [esTauU(A, B, opts)];
    case "PND":
      return [esPND(A, B, opts)];
    case "PEM":
      return [esPEM(A, B, opts)];
    case "PAND":
      return [esPAND(A, B, opts)];
    case "IRD":
      return [esIRD(A, B, opts)];
    case "LRRi":
      return esLRRi(A, B, opts);
    case "LRRd":
      return esLRRd(A, B, opts);
    case "LOR":
      return [esLOR(A, B, opts)];
    case "SMD":
      return [esSMD(A, B, opts)];
    case "LRM":
      return [esLRM(A, B, opts)];
    default:
      return fail(TOOL, "es", `must be one of ${SCED_ES_NAMES.join(", ")}`, es);
  }
}

/** One measurement of the long-format input of {@link batchScedEffectSizes}. */
export interface ScedEsDataRow {
  /** Case (participant) identifier. */
  case: string;
  /** Outcome (measure) name; omit for a single outcome. */
  outcome?: string;
  /** Session number (rows are put in session order within a case and outcome). */
  session?: number;
  /** Phase label (compared: `baselinePhase` vs `treatmentPhase`). */
  phase: string;
  /** The measurement. */
  value: number;
}

/** Options of {@link batchScedEffectSizes}. */
export interface ScedEsBatchOptions extends ScedEsOptions {
  /** The effect sizes to compute. */
  es: readonly ScedEsName[];
  /** Baseline phase label. Default `"A"`. */
  baselinePhase?: string;
  /** Treatment phase label. Default `"B"`. */
  treatmentPhase?: string;
  /** Improvement direction per outcome (overrides `improvement`). */
  improvementByOutcome?: Record<string, Improvement>;
}

/** One row of {@link batchScedEffectSizes}: a case × outcome × effect size. */
export interface ScedEsBatchRow extends ScedEsRow {
  /** The case. */
  case: string;
  /** The outcome (empty string for a single unnamed outcome). */
  outcome: string;
}

/**
 * Effect sizes for every case and outcome of a long-format data set, as SingleCaseES's
 * `batch_calc_ES`. A case whose data cannot give an effect size gets a row with null fields and
 * the reason in `warnings` instead of stopping the batch. SEs assume independent observations.
 *
 * @example
 * ```ts
 * import { batchScedEffectSizes } from "./es.ts";
 * const data = [1, 2, 3, 6, 7, 8].flatMap((v, i) => [
 *   { case: "p1", session: i + 1, phase: i < 3 ? "A" : "B", value: v },
 *   { case: "p2", session: i + 1, phase: i < 3 ? "A" : "B", value: 10 - v },
 * ]);
 * const rows = batchScedEffectSizes(data, { es: ["NAP", "PND"], improvement: "increase" });
 * if (rows.length !== 4 || rows[0].estimate !== 1 || rows[2].estimate !== 0) throw new Error("batch");
 * ```
 */
export function batchScedEffectSizes(data: readonly ScedEsDataRow[], opts: ScedEsBatchOptions): ScedEsBatchRow[] {
  const tool = `${TOOL} batch`;
  if (!Array.isArray(data) || data.length === 0) fail(tool, "data", "must be a non-empty array of rows", data);
  if (!Array.isArray(opts?.es) || opts.es.length === 0) {
    fail(tool, "es", "must list at least one effect size", opts?.es);
  }
  for (const e of opts.es) {
    if (!SCED_ES_NAMES.includes(e)) fail(tool, "es", `must be one of ${SCED_ES_NAMES.join(", ")}`, e);
  }
  const aLab = opts.baselinePhase ?? "A", bLab = opts.treatmentPhase ?? "B";
  const groups = new Map<string, { c: string; o: string; rows: { s: number; i: number; p: string; v: number }[] }>();
  data.forEach((r, i) => {
    const where = (rule: string, path: string, v: unknown) => {
      throw new ValidationError(tool, [{ path, rule, received: v, row: i + 1 }]);
    };
    if (typeof r?.case !== "string" || r.case === "") where("must be a non-empty string", "case", r?.case);
    if (typeof r.phase !== "string") where("must be a string", "phase", r.phase);
    if (typeof r.value !== "number" || !Number.isFinite(r.value)) where("must be a finite number", "value", r.value);
    if (r.session !== undefined && !Number.isFinite(r.session)) where("must be a finite number", "session", r.session);
    const o = r.outcome ?? "";
    const key = JSON.stringify([r.case, o]);
    if (!groups.has(key)) groups.set(key, { c: r.case, o, rows: [] });
    groups.get(key)!.rows.push({ s: r.session ?? i, i, p: r.phase, v: r.value });
  });
  const out: ScedEsBatchRow[] = [];
  for (const g of groups.values()) {
    g.rows.sort((x, y) => x.s - y.s || x.i - y.i);
    const A = g.rows.filter((r) => r.p === aLab).map((r) => r.v);
    const B = g.rows.filter((r) => r.p === bLab).map((r) => r.v);
    const o = { ...opts, improvement: opts.improvementByOutcome?.[g.o] ?? opts.improvement };
    for (const e of opts.es) {
      try {
        if (A.length === 0 || B.length === 0) {
          fail(
            tool,
            "phase",
            `case ${g.c}${g.o ? `, outcome ${g.o}` : ""} has no ${A.length === 0 ? aLab : bLab} observations`,
          );
        }
        for (const r of scedEffectSize(e, A, B, o)) out.push({ case: g.c, outcome: g.o, ...r });
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        out.push({ case: g.c, outcome: g.o, ...row(e, 0), estimate: null, warnings: [err.message] });
      }
    }
  }
  return out;
}
