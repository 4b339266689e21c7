/**
 * Funnel plots for comparing institutional performance (Spiegelhalter 2005, "Funnel plots for
 * comparing institutional performance", Stat Med 24:1185-1202; NHS-R FunnelPlotR).
 *
 * Three kinds of indicator:
 * - `proportion`: `O` events out of `n` patients against a target proportion `p0` (e.g. the share
 *   of admitted patients with mild disability). Exact binomial limits with interpolation
 *   (Spiegelhalter 2005, appendix A.1.1); overdispersion on the arcsine-square-root scale
 *   (as FunnelPlotR's "PR").
 * - `ratio`: observed `O` over expected `E` (indirectly standardised ratio, target 1). Exact Poisson
 *   limits via chi-square quantiles (as FunnelPlotR); overdispersion on the square-root scale
 *   (Spiegelhalter 2005 and FunnelPlotR's "CQC" method), z = 2(sqrt(O) - sqrt(E)).
 * - `mean`: a difference observed - expected in a continuous score with a known standard error
 *   `se` per unit (target 0); normal limits.
 *
 * Overdispersion: phi = (1/k) sum z_i^2 over z-scores winsorised at `trim` (10%) in each tail;
 * multiplicative: limits target +- z sqrt(phi) s; additive (random effects):
 * tau2 = (k phi - (k - 1)) / (sum w - sum w^2 / sum w), w = 1/s^2, limits target +- z sqrt(s^2 + tau2),
 * all on the transformed scale, then back-transformed.
 *
 * Confidence levels are percentages (95, 99.8) and proportions are accepted (0.95, 0.998). Control
 * limits are returned as `pi_lb`/`pi_ub` (metafor's names for a prediction interval: the range an
 * in-control unit's indicator falls in with the given probability).
 *
 * @example
 * ```ts
 * import { funnel } from "./mod.ts";
 * const f = funnel({ type: "ratio", units: [{ id: "A", O: 30, E: 25 }, { id: "B", O: 18, E: 24 }] });
 * if (f.rows[0].flags[0] !== 0) throw new Error("A is inside the 95% limits");
 * ```
 * @module
 */
// @ts-types="@types/d3-array"
import { median, quantileSorted } from "d3-array";
import { normalizeLevel } from "../conventions.ts";
import { dbinom, pbinom, pchisq, qbinom, qchisq, qnorm } from "../stats/distributions.ts";
import { fail, parseInput } from "../validate.ts";
import { binomSchema, funnelSchema, odSchema, poissonSchema, winsorSchema } from "./_schemas.ts";
import { estimateCentreTau2 } from "./tau2.ts";

/** Kind of indicator a funnel plot shows. */
export type FunnelType = "proportion" | "ratio" | "mean";
/** Overdispersion adjustment. */
export type OverdispersionMethod = "none" | "multiplicative" | "additive";
/**
 * Estimator of the additive between-unit variance tau2 on the transformed scale:
 * `"spiegelhalter-winsorised"` (Spiegelhalter 2005 / FunnelPlotR: moments from z-scores winsorised
 * at `trim` in each tail), `"spiegelhalter"` (the same without winsorising), `"DL"`
 * (DerSimonian-Laird) or `"REML"` (both through `lib/meta`'s `rma` on the units' transformed
 * estimates and variances). The default is the one whose false-flag rates were closest to nominal
 * in the calibration table (`calibrateOverdispersion`).
 */
export type FunnelTau2Method = "spiegelhalter-winsorised" | "spiegelhalter" | "DL" | "REML";

/**
 * z for a two-sided control limit at `level` in percent, or as a proportion (95 or 0.95 ->
 * 1.959964, 99.8 or 0.998 -> 3.090232).
 */
export function zFor(level: number): number {
  const pct = normalizeLevel(level, "zFor", "level");
  return qnorm(0.5 + pct / 200);
}

/** A pair of control limits (a prediction interval for an in-control unit). */
export interface ControlLimits {
  /** Lower control limit. */
  pi_lb: number;
  /** Upper control limit. */
  pi_ub: number;
  /** Level in percent (e.g. 95). */
  level: number;
}

/** Input of {@link binomialLimits}. */
export interface BinomialLimitsInput {
  /** Target proportion, in (0, 1). */
  p0: number;
  /** Number of cases (> 0; rounded for exact limits). */
  n: number;
  /** Level in percent, or a proportion (default 95). */
  level?: number;
  /** `exact` (default, interpolated binomial) or `normal`. */
  method?: "exact" | "normal";
}

/**
 * Control limits for a proportion with `n` cases around `p0`. `exact`: Spiegelhalter 2005
 * appendix A.1.1: r_p = qbinom(p, n, p0), alpha = (P(R <= r_p) - p) / P(R = r_p), limit = (r_p - alpha)/n
 * (n is rounded for the binomial; non-integer n is used as is by the normal method).
 * `normal`: p0 +- z sqrt(p0 (1 - p0) / n).
 *
 * @example
 * ```ts
 * import { binomialLimits } from "./mod.ts";
 * const l = binomialLimits({ p0: 0.6, n: 50, level: 95, method: "normal" });
 * if (Math.abs(l.pi_lb - 0.46421) > 1e-5 || Math.abs(l.pi_ub - 0.73579) > 1e-5) throw new Error("limits");
 * ```
 */
export function binomialLimits(input: BinomialLimitsInput): ControlLimits {
  const { p0, n, level, method } = parseInput(binomSchema, input, "binomialLimits");
  return binomialLimitsAt(p0, n, level, method);
}

/** {@link binomialLimits} on validated input, level in percent (the funnel's curves call it per point). */
function binomialLimitsAt(p0: number, n: number, level: number, method: "exact" | "normal"): ControlLimits {
  if (method === "normal") {
    const h = zFor(level) * Math.sqrt((p0 * (1 - p0)) / n);
    return { pi_lb: p0 - h, pi_ub: p0 + h, level };
  }
  const size = Math.round(n);
  if (size < 1) fail("binomialLimits", "n", "must be >= 1 for exact limits", n);
  const a = 1 - level / 100;
  const at = (p: number) => {
    const r = qbinom(p, size, p0);
    const alpha = (pbinom(r, size, p0) - p) / dbinom(r, size, p0);
    return (r - alpha) / size;
  };
  return { pi_lb: Math.max(0, at(a / 2)), pi_ub: Math.min(1, at(1 - a / 2)), level };
}

/** Input of {@link poissonRatioLimits}. */
export interface PoissonLimitsInput {
  /** Expected events (> 0). */
  E: number;
  /** Level in percent, or a proportion (default 95). */
  level?: number;
}

/**
 * Exact Poisson control limits for an indirectly standardised ratio O/E with `E` expected events
 * (as FunnelPlotR): lower = qchisq(a/2, 2E) / (2E), upper = qchisq(1 - a/2, 2(E + 1)) / (2E), a = 1 - level.
 *
 * @example
 * ```ts
 * import { poissonRatioLimits } from "./mod.ts";
 * // FunnelPlotR's published test values for E = 20: 0.6108260 and 1.544419
 * const l = poissonRatioLimits({ E: 20, level: 95 });
 * if (Math.abs(l.pi_lb - 0.6108260) > 5e-8 || Math.abs(l.pi_ub - 1.544419) > 5e-7) throw new Error("FunnelPlotR");
 * ```
 */
export function poissonRatioLimits(input: PoissonLimitsInput): ControlLimits {
  const { E, level } = parseInput(poissonSchema, input, "poissonRatioLimits");
  return poissonRatioLimitsAt(E, level);
}

/** {@link poissonRatioLimits} on validated input, level in percent. */
function poissonRatioLimitsAt(E: number, level: number): ControlLimits {
  const a = 1 - level / 100;
  return { pi_lb: qchisq(a / 2, 2 * E) / (2 * E), pi_ub: qchisq(1 - a / 2, 2 * (E + 1)) / (2 * E), level };
}

/** Input of {@link winsorise}. */
export interface WinsoriseInput {
  /** z-scores (finite). */
  z: readonly number[];
  /** Share trimmed in each tail, in [0, 0.5) (default 0.1). */
  trim?: number;
}

/**
 * Winsorise z-scores: values below the `trim` quantile (R type 7, d3-array's `quantileSorted`) are
 * set to it, values above the `1 - trim` quantile likewise (as FunnelPlotR's `winsorisation`).
 *
 * @example
 * ```ts
 * import { winsorise } from "./mod.ts";
 * const w = winsorise({ z: [-5, 0, 1, 2, 9], trim: 0.1 }).map((v) => Math.round(v * 10) / 10);
 * if (w.join() !== "-3,0,1,2,6.2") throw new Error(w.join());
 * ```
 */
export function winsorise(input: WinsoriseInput): number[] {
  const { z: zs, trim } = parseInput(winsorSchema, input, "winsorise");
  const sorted = [...zs].sort((a, b) => a - b);
  const lo = quantileSorted(sorted, trim) as number;
  const hi = quantileSorted(sorted, 1 - trim) as number;
  return zs.map((v) => (v < lo ? lo : v > hi ? hi : v));
}

/** Input of {@link overdispersion}. */
export interface OverdispersionInput {
  /** z-scores of the units (finite, at least 2). */
  z: readonly number[];
  /** Standard errors on the transformed scale (positive, one per z). */
  s: readonly number[];
  /** Share winsorised in each tail (default 0.1). */
  trim?: number;
}

/** Result of {@link overdispersion}. */
export interface Overdispersion {
  /** Number of units. */
  k: number;
  /** phi = (1/k) sum of squared winsorised z-scores. */
  phi: number;
  /** Additive between-unit variance on the transformed scale (0 if k phi < k - 1). */
  tau2: number;
  /** The winsorised z-scores used. */
  zWinsorised: number[];
  /** Upper-tail p-value of k phi against chi-square with k - 1 df (a test for overdispersion). */
  pval: number;
}

/**
 * Overdispersion factor and additive tau2 (Spiegelhalter 2005 sections 3.2 and 3.3; FunnelPlotR
 * `phi_func`, `tau_func`): phi = (1/k) sum zW_i^2; tau2 = max(0, (k phi - (k - 1)) / (sum w - sum w^2 / sum w)),
 * with w_i = 1 / s_i^2, s_i the standard error on the transformed scale.
 */
export function overdispersion(input: OverdispersionInput): Overdispersion {
  const { z: zs, s, trim } = parseInput(odSchema, input, "overdispersion");
  if (zs.length !== s.length) fail("overdispersion", "s", `must have ${zs.length} elements (like z)`, s.length);
  const k = zs.length;
  const zW = winsorise({ z: zs, trim });
  const phi = zW.reduce((a, v) => a + v * v, 0) / k;
  const w = s.map((v) => 1 / (v * v));
  const sw = w.reduce((a, v) => a + v, 0);
  const sw2 = w.reduce((a, v) => a + v * v, 0);
  const tau2 = k * phi < k - 1 ? 0 : Math.max(0, (k * phi - (k - 1)) / (sw - sw2 / sw));
  const pval = chiUpper(k * phi, k - 1);
  return { k, phi, tau2, zWinsorised: zW, pval };
}

function chiUpper(x: number, df: number): number {
  return pchisq(x, df, { lower: false });
}

/** One unit (centre) entering a funnel plot. */
export interface FunnelUnit {
  /** Unit (centre) name. */
  id: string;
  /** Observed: events (proportion, ratio) or observed mean (mean). */
  O: number;
  /** Number of patients (proportion; optional elsewhere, for display). */
  n?: number;
  /** Expected events (ratio) or expected mean (mean). */
  E?: number;
  /** Standard error of O - E (mean only). */
  se?: number;
}

/** Input of {@link funnel}. */
export interface FunnelInput {
  /** Kind of indicator. */
  type: FunnelType;
  /** The units (at least 2). */
  units: readonly FunnelUnit[];
  /** Target: default the pooled proportion, 1 for ratios, 0 for means. */
  target?: number;
  /** Control-limit levels in percent, or proportions (default [95, 99.8]). */
  levels?: readonly number[];
  /** Overdispersion adjustment (default `"none"`). */
  od?: OverdispersionMethod;
  /** Estimator of tau2 for the additive adjustment (default `"DL"`, see {@link FunnelTau2Method}). */
  tau2Method?: FunnelTau2Method;
  /** Share winsorised in each tail for phi (multiplicative) and `"spiegelhalter-winsorised"` tau2 (default 0.1). */
  trim?: number;
  /** Unadjusted limits: `exact` (default) or `normal`. */
  limits?: "exact" | "normal";
  /** Points on the limit curves (default 200; 0 to skip them). */
  curvePoints?: number;
}

/** Per-unit result of {@link funnel}. */
export interface FunnelRow {
  /** Unit name. */
  id: string;
  /** Precision axis: n (proportion, mean) or E (ratio). */
  x: number;
  /** The indicator plotted: O/n, O/E, or O - E. */
  y: number;
  /** Unadjusted z-score on the transformed scale. */
  z: number;
  /** z-score after the overdispersion adjustment (equal to z when od is "none"). */
  zAdj: number;
  /** Standard error on the transformed scale. */
  s: number;
  /** Lower control limits at the unit's own precision, one per level, in the order of `levels`. */
  pi_lb: number[];
  /** Upper control limits at the unit's own precision, one per level. */
  pi_ub: number[];
  /** Outside the limits at each level: -1 below, +1 above, 0 inside. */
  flags: number[];
}

/** One point of the limit curves: precision `x` and the limits there, one per level. */
export interface FunnelCurvePoint {
  /** Precision (n or E). */
  x: number;
  /** Lower limits, one per level. */
  pi_lb: number[];
  /** Upper limits, one per level. */
  pi_ub: number[];
}

/** Result of {@link funnel}: rows, the limit curves for the plot, and the overdispersion estimate. */
export interface FunnelResult {
  /** Kind of indicator. */
  type: FunnelType;
  /** The target the limits are drawn around. */
  target: number;
  /** Control-limit levels in percent (e.g. [95, 99.8]). */
  levels: number[];
  /** Overdispersion adjustment used. */
  od: OverdispersionMethod;
  /** Overdispersion factor phi (mean squared winsorised z). */
  phi: number;
  /** Additive between-unit variance on the transformed scale. */
  tau2: number;
  /** The estimator of tau2 used (REML falls back to DL when it does not converge, said here). */
  tau2Method: string;
  /** p-value of the chi-square test for overdispersion (k phi on k - 1 df). */
  pval: number;
  /** One row per unit, in input order. */
  rows: FunnelRow[];
  /** Limit curves over the range of x (empty when curvePoints is 0). */
  curve: FunnelCurvePoint[];
}

/** Which limit a unit is outside of, by the one flag rule of {@link funnelFlag}. */
export interface FunnelFlag {
  /** `"low"` below, `"high"` above, `null` inside every limit. */
  direction: "low" | "high" | null;
  /** The outermost level (percent) whose limit is crossed, or `null` when inside. */
  level: number | null;
  /** `"low (99.8%)"`, `"high (95%)"`, or `""` when inside. */
  label: string;
}

/**
 * The one flag rule used by the tables, the CLI and the plots: a unit is flagged at the
 * outermost (highest) level whose limit it crosses, in the direction it crosses it.
 *
 * @example
 * ```ts
 * import { funnelFlag } from "./mod.ts";
 * const f = funnelFlag([-1, -1], [95, 99.8]);
 * if (f.label !== "low (99.8%)" || funnelFlag([1, 0], [95, 99.8]).label !== "high (95%)") throw new Error(f.label);
 * ```
 */
export function funnelFlag(flags: readonly number[], levels: readonly number[]): FunnelFlag {
  if (flags.length !== levels.length) {
    fail("funnelFlag", "flags", `must have ${levels.length} elements (like levels)`, flags.length);
  }
  let best = -1;
  levels.forEach((lv, j) => {
    if (flags[j] !== 0 && (best === -1 || lv > levels[best])) best = j;
  });
  if (best === -1) return { direction: null, level: null, label: "" };
  const level = normalizeLevel(levels[best], "funnelFlag", "levels");
  const direction = flags[best] < 0 ? "low" : "high";
  return { direction, level, label: `${direction} (${Number(level.toFixed(4))}%)` };
}

interface Scale {
  /** Transformed indicator and its standard error for a unit. */
  Y: (u: FunnelUnit) => { Y: number; s: number; x: number; y: number };
  /** Target on the transformed scale. */
  T: number;
  /** Standard error at precision x on the transformed scale. */
  sAt: (x: number) => number;
  /** Back-transform a transformed limit. */
  back: (v: number) => number;
  /** Unadjusted (exact where available) limits at precision x. */
  exact: (x: number, level: number) => { lower: number; upper: number };
}

function scaleFor(type: FunnelType, target: number, limits: "exact" | "normal"): Scale {
  if (type === "proportion") {
    const T = Math.asin(Math.sqrt(target));
    return {
      Y: (u) => {
        const n = u.n as number;
        const p = u.O / n;
        return { Y: Math.asin(Math.sqrt(p)), s: 1 / (2 * Math.sqrt(n)), x: n, y: p };
      },
      T,
      sAt: (x) => 1 / (2 * Math.sqrt(x)),
      back: (v) => {
        const c = Math.min(Math.max(v, 0), Math.PI / 2);
        return Math.sin(c) ** 2;
      },
      exact: (x, level) => {
        const l = binomialLimitsAt(target, x, level, limits);
        return { lower: l.pi_lb, upper: l.pi_ub };
      },
    };
  }
  if (type === "ratio") {
    return {
      Y: (u) => {
        const E = u.E as number;
        return { Y: Math.sqrt(u.O / E), s: 1 / (2 * Math.sqrt(E)), x: E, y: u.O / E };
      },
      T: Math.sqrt(target),
      sAt: (x) => 1 / (2 * Math.sqrt(x)),
      back: (v) => Math.max(v, 0) ** 2,
      exact: (x, level) => {
        if (limits === "exact") {
          const l = poissonRatioLimitsAt(x, level);
          return { lower: l.pi_lb * target, upper: l.pi_ub * target };
        }
        const h = zFor(level) / (2 * Math.sqrt(x));
        return { lower: Math.max(Math.sqrt(target) - h, 0) ** 2, upper: (Math.sqrt(target) + h) ** 2 };
      },
    };
  }
  // mean: x is the precision 1/se^2 would be odd to read; we plot against n, and carry se.
  return {
    Y: (u) => ({ Y: u.O - (u.E as number), s: u.se as number, x: u.n as number, y: u.O - (u.E as number) }),
    T: target,
    sAt: () => NaN, // replaced per call below (needs sigma)
    back: (v) => v,
    exact: () => ({ lower: NaN, upper: NaN }),
  };
}

/**
 * Funnel-plot analysis: indicator, z-score, overdispersion estimate, control limits and flags per
 * unit, and limit curves for plotting. Flags use the same limits as the curves (exact when
 * `od` is "none" and `limits` is "exact", else normal on the transformed scale).
 *
 * For `mean`, give each unit `O` (observed mean), `E` (expected mean), `se` and `n`; the curve
 * assumes se = sigma / sqrt(n) with sigma estimated as the median of se_i sqrt(n_i).
 *
 * @example
 * ```ts
 * import { funnel } from "./mod.ts";
 * const f = funnel({ type: "proportion", units: [{ id: "A", O: 12, n: 40 }, { id: "B", O: 30, n: 60 }], target: 0.4 });
 * if (f.levels.join() !== "95,99.8" || f.rows[1].y !== 0.5) throw new Error("funnel");
 * ```
 */
export function funnel(input: FunnelInput): FunnelResult {
  const p = parseInput(funnelSchema, input, "funnel");
  const { type, units, levels, od, trim, limits, curvePoints, tau2Method } = p;
  units.forEach((u, i) => {
    if (type === "proportion") {
      if (u.n === undefined) fail("funnel", `units[${i}].n`, "is required for proportions");
      if (u.O < 0 || u.O > (u.n as number)) fail("funnel", `units[${i}].O`, `must be in [0, n = ${u.n}]`, u.O);
    } else if (type === "ratio") {
      if (u.E === undefined || !(u.E > 0)) fail("funnel", `units[${i}].E`, "must be > 0 for ratios", u.E);
      if (u.O < 0) fail("funnel", `units[${i}].O`, "must be >= 0 for ratios", u.O);
    } else {
      if (u.E === undefined) fail("funnel", `units[${i}].E`, "is required for means (expected mean)");
      if (u.se === undefined) fail("funnel", `units[${i}].se`, "is required for means");
      if (u.n === undefined) fail("funnel", `units[${i}].n`, "is required for means (x axis)");
    }
  });
  let target = p.target;
  if (target === undefined) {
    if (type === "proportion") {
      const O = units.reduce((a, u) => a + u.O, 0);
      const n = units.reduce((a, u) => a + (u.n as number), 0);
      target = O / n;
    } else target = type === "ratio" ? 1 : 0;
  }
  if (type === "proportion" && !(target > 0 && target < 1)) fail("funnel", "target", "must be in (0, 1)", target);
  if (type === "ratio" && !(target > 0)) fail("funnel", "target", "must be > 0", target);
  const sc = scaleFor(type, target, limits);
  let sAt = sc.sAt;
  if (type === "mean") {
    const sigma = median(units.map((u) => (u.se as number) * Math.sqrt(u.n as number))) as number;
    sAt = (x) => sigma / Math.sqrt(x);
  }
  const tr = units.map((u) => sc.Y(u));
  const zs = tr.map((t) => (t.Y - sc.T) / t.s);
  const odEst = overdispersion({ z: zs, s: tr.map((t) => t.s), trim });
  const phi = odEst.phi;
  const { tau2, method: tau2Used } = unitTau2(tr, zs, tau2Method, odEst.tau2);
  const useExact = od === "none" && limits === "exact" && type !== "mean";
  const limitsAt = (x: number, s: number, level: number) => {
    if (useExact) return sc.exact(x, level);
    const zc = zFor(level);
    const sd = od === "multiplicative"
      ? Math.sqrt(Math.max(phi, 1)) * s
      : od === "additive"
      ? Math.sqrt(s * s + tau2)
      : s;
    return { lower: sc.back(sc.T - zc * sd), upper: sc.back(sc.T + zc * sd) };
  };
  const rows: FunnelRow[] = units.map((u, i) => {
    const t = tr[i];
    const lims = levels.map((lv) => limitsAt(t.x, t.s, lv));
    const zAdj = od === "multiplicative"
      ? zs[i] / Math.sqrt(Math.max(phi, 1))
      : od === "additive"
      ? (t.Y - sc.T) / Math.sqrt(t.s * t.s + tau2)
      : zs[i];
    return {
      id: u.id,
      x: t.x,
      y: t.y,
      z: zs[i],
      zAdj,
      s: t.s,
      pi_lb: lims.map((l) => l.lower),
      pi_ub: lims.map((l) => l.upper),
      flags: lims.map((l) => (t.y < l.lower ? -1 : t.y > l.upper ? 1 : 0)),
    };
  });
  const xs = tr.map((t) => t.x);
  const xmin = Math.max(Math.min(...xs) * 0.8, type === "proportion" ? 1 : 1e-3);
  const xmax = Math.max(...xs) * 1.1;
  const curve = Array.from({ length: curvePoints }, (_, j) => {
    const x = xmin * Math.pow(xmax / xmin, j / Math.max(curvePoints - 1, 1));
    const lims = levels.map((lv) => limitsAt(x, sAt(x), lv));
    return { x, pi_lb: lims.map((l) => l.lower), pi_ub: lims.map((l) => l.upper) };
  });
  return { type, target, levels: [...levels], od, phi, tau2, tau2Method: tau2Used, pval: odEst.pval, rows, curve };
}

/** tau2 of the units on the transformed scale by the chosen estimator. */
function unitTau2(
  tr: readonly { Y: number; s: number }[],
  zs: readonly number[],
  method: FunnelTau2Method,
  winsorised: number,
): { tau2: number; method: string } {
  if (method === "spiegelhalter-winsorised") return { tau2: winsorised, method };
  if (method === "spiegelhalter") {
    return { tau2: overdispersion({ z: zs, s: tr.map((t) => t.s), trim: 0 }).tau2, method };
  }
  const est = estimateCentreTau2(tr.map((t) => t.Y), tr.map((t) => t.s * t.s), method);
  return { tau2: est.tau2, method: est.method };
}
