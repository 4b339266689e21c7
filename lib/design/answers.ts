/**
 * Answer strategies: the analyses a study would run on its data. Each returns an estimate, a
 * confidence interval at `level` percent (95 or 0.95) and a p-value (null where the strategy has none), on the oriented scale
 * (positive = improvement). Two-arm strategies: difference in means (pooled-variance t),
 * Welch t, ANCOVA (post ~ arm + baseline, least squares with ml-matrix), change-score t-test,
 * responder-rate difference. Single-arm (pre-post cohort): change-score t-test, standardised
 * mean change (SMCR via lib/effects/escalc), responder rate. Missing post scores: complete case,
 * baseline observation carried forward (BOCF), or arm-mean imputation.
 *
 * @example
 * const d = { pre: Float64Array.of(0, 0, 0, 0), post: Float64Array.of(1, 2, 0, 1), treat: Uint8Array.of(1, 1, 0, 0) };
 * diffInMeans(d, 95).estimate; // 1
 * @module
 */
import { inverse, Matrix } from "ml-matrix";
import { pnorm, pt, qnorm, qt } from "../stats/distributions.ts";
import { escalc } from "../effects/escalc.ts";
import { propCI } from "../responders/intervals.ts";
import { riskDifference } from "../responders/compare.ts";
import { normalizeLevel } from "../conventions.ts";

/** Two-sided alpha of a confidence level (95 → 0.05 exactly, as (100 − level) / 100). */
function alphaOf(level: number): number {
  return (100 - normalizeLevel(level, "answers", "level")) / 100;
}

/** What one answer strategy reports for one simulated data set. */
export interface AnswerResult {
  /** Point estimate (null when the strategy gives none). */
  estimate: number | null;
  /** Lower bound of the confidence interval. */
  ci_lb: number | null;
  /** Upper bound of the confidence interval. */
  ci_ub: number | null;
  /** Two-sided p-value (null without a test). */
  pval: number | null;
}

/** Two-arm data (oriented scores; NaN = missing post score). */
export interface TwoArm {
  pre: Float64Array;
  post: Float64Array;
  /** 1 = intervention, 0 = comparator. */
  treat: Uint8Array;
}

/** Single-arm pre-post data (oriented scores; NaN = missing post score). */
export interface SingleArm {
  pre: Float64Array;
  post: Float64Array;
}

/** How missing post scores are handled. */
export type Missing = "complete-case" | "bocf" | "mean";

const EMPTY: AnswerResult = { estimate: null, ci_lb: null, ci_ub: null, pval: null };

const qtCache = new Map<string, number>();
/** qt(1 - alpha/2, df), cached for whole df (the common case without dropout). */
function tcrit(alpha: number, df: number): number {
  if (!Number.isInteger(df)) return qt(1 - alpha / 2, df);
  const key = `${alpha}:${df}`;
  let v = qtCache.get(key);
  if (v === undefined) {
    v = qt(1 - alpha / 2, df);
    if (qtCache.size > 10_000) qtCache.clear();
    qtCache.set(key, v);
  }
  return v;
}

function twoSidedT(t: number, df: number): number {
  return Math.min(1, 2 * pt(Math.abs(t), df, { lower: false }));
}

/**
 * Apply a missing-data rule to two-arm data: complete case drops rows with a missing post score;
 * BOCF sets the post score to the baseline (no change); `mean` imputes the arm's observed mean.
 * Returns new arrays; rows with a missing baseline never occur in the simulator.
 * @example handleMissing({ pre: Float64Array.of(1, 2), post: Float64Array.of(NaN, 3), treat: Uint8Array.of(1, 1) }, "bocf").post // [1, 3]
 */
export function handleMissing(d: TwoArm, missing: Missing): TwoArm {
  const n = d.pre.length;
  let nmiss = 0;
  for (let i = 0; i < n; i++) if (Number.isNaN(d.post[i])) nmiss++;
  if (nmiss === 0) return d;
  if (missing === "complete-case") {
    const m = n - nmiss;
    const pre = new Float64Array(m), post = new Float64Array(m), treat = new Uint8Array(m);
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(d.post[i])) continue;
      pre[j] = d.pre[i];
      post[j] = d.post[i];
      treat[j++] = d.treat[i];
    }
    return { pre, post, treat };
  }
  const post = Float64Array.from(d.post);
  if (missing === "bocf") {
    for (let i = 0; i < n; i++) if (Number.isNaN(post[i])) post[i] = d.pre[i];
  } else {
    const s = [0, 0], c = [0, 0];
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(post[i])) {
        s[d.treat[i]] += post[i];
        c[d.treat[i]]++;
      }
    }
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(post[i])) post[i] = c[d.treat[i]] > 0 ? s[d.treat[i]] / c[d.treat[i]] : NaN;
    }
  }
  return { pre: d.pre, post, treat: d.treat };
}

interface ArmStats {
  n: [number, number];
  mean: [number, number];
  ss: [number, number];
}

function armStats(y: ArrayLike<number>, treat: Uint8Array): ArmStats {
  const n: [number, number] = [0, 0], s: [number, number] = [0, 0];
  for (let i = 0; i < y.length; i++) {
    if (Number.isNaN(y[i])) continue;
    n[treat[i]]++;
    s[treat[i]] += y[i];
  }
  const mean: [number, number] = [s[0] / n[0], s[1] / n[1]];
  const ss: [number, number] = [0, 0];
  for (let i = 0; i < y.length; i++) {
    if (Number.isNaN(y[i])) continue;
    const r = y[i] - mean[treat[i]];
    ss[treat[i]] += r * r;
  }
  return { n, mean, ss };
}

function pooledT(st: ArmStats, level: number): AnswerResult {
  const [n0, n1] = st.n;
  if (n0 < 2 || n1 < 2) return EMPTY;
  const df = n0 + n1 - 2;
  const s2 = (st.ss[0] + st.ss[1]) / df;
  const est = st.mean[1] - st.mean[0];
  const se = Math.sqrt(s2 * (1 / n0 + 1 / n1));
  if (!(se > 0)) return EMPTY;
  const q = tcrit(alphaOf(level), df);
  return { estimate: est, ci_lb: est - q * se, ci_ub: est + q * se, pval: twoSidedT(est / se, df) };
}

/**
 * Difference in mean post scores (intervention − comparator) with the pooled-variance t CI and test
 * (R's `t.test(var.equal = TRUE)`). Missing post scores are skipped (apply {@link handleMissing} first
 * for another rule). Returns nulls when an arm has fewer than 2 observations.
 * @example diffInMeans({ pre: new Float64Array(4), post: Float64Array.of(1, 3, 0, 2), treat: Uint8Array.of(1, 1, 0, 0) }, 95).estimate // 1
 */
export function diffInMeans(d: TwoArm, level: number): AnswerResult {
  return pooledT(armStats(d.post, d.treat), level);
}

/**
 * Welch's unequal-variance t test and CI of the difference in mean post scores (R's `t.test`).
 * @example welch({ pre: new Float64Array(4), post: Float64Array.of(1, 3, 0, 2), treat: Uint8Array.of(1, 1, 0, 0) }, 95).estimate // 1
 */
export function welch(d: TwoArm, level: number): AnswerResult {
  const st = armStats(d.post, d.treat);
  const [n0, n1] = st.n;
  if (n0 < 2 || n1 < 2) return EMPTY;
  const v0 = st.ss[0] / (n0 - 1) / n0, v1 = st.ss[1] / (n1 - 1) / n1;
  const se = Math.sqrt(v0 + v1);
  if (!(se > 0)) return EMPTY;
  const df = (v0 + v1) ** 2 / (v0 ** 2 / (n0 - 1) + v1 ** 2 / (n1 - 1));
  const est = st.mean[1] - st.mean[0];
  const q = qt(1 - alphaOf(level) / 2, df);
  return { estimate: est, ci_lb: est - q * se, ci_ub: est + q * se, pval: twoSidedT(est / se, df) };
}

/**
 * Difference in mean change scores (post − pre) between arms, pooled-variance t.
 * @example changeScoreT({ pre: Float64Array.of(0, 1, 0, 1), post: Float64Array.of(1, 3, 0, 2), treat: Uint8Array.of(1, 1, 0, 0) }, 95).estimate // 1
 */
export function changeScoreT(d: TwoArm, level: number): AnswerResult {
  const ch = new Float64Array(d.pre.length);
  for (let i = 0; i < ch.length; i++) ch[i] = d.post[i] - d.pre[i];
  return pooledT(armStats(ch, d.treat), level);
}

/**
 * ANCOVA: least squares of post on (1, arm, baseline) with ml-matrix; the arm coefficient with its
 * t CI and test on n − 3 df. Rows with a missing post score are skipped.
 * @example ancova({ pre: Float64Array.of(0, 1, 0, 1, 2), post: Float64Array.of(1, 2, 0, 1, 2.2), treat: Uint8Array.of(1, 1, 0, 0, 0) }, 95).estimate
 */
export function ancova(d: TwoArm, level: number): AnswerResult {
  const fit = ancovaFit(d);
  if (fit === null) return EMPTY;
  const { est, se, df } = fit;
  const q = tcrit(alphaOf(level), df);
  return { estimate: est, ci_lb: est - q * se, ci_ub: est + q * se, pval: twoSidedT(est / se, df) };
}

/**
 * Non-inferiority by ANCOVA: the arm coefficient with its two-sided CI at `level`, and the
 * one-sided p-value of H0: effect <= −margin (IMSR worse than the comparator by the margin or
 * more) against H1: effect > −margin. Power is then the share of trials that conclude
 * non-inferiority at `alpha` (one-sided by construction; the design's `sided` does not apply).
 * @example niAncova({ pre: Float64Array.of(0, 1, 0, 1, 2), post: Float64Array.of(1, 2, 0, 1, 2.2), treat: Uint8Array.of(1, 1, 0, 0, 0) }, 95, 1).pval
 */
export function niAncova(d: TwoArm, level: number, margin: number): AnswerResult {
  const fit = ancovaFit(d);
  if (fit === null) return EMPTY;
  const { est, se, df } = fit;
  const q = tcrit(alphaOf(level), df);
  return {
    estimate: est,
    ci_lb: est - q * se,
    ci_ub: est + q * se,
    pval: pt((est + margin) / se, df, { lower: false }),
  };
}

function ancovaFit(d: TwoArm): { est: number; se: number; df: number } | null {
  // accumulate X'X and X'y for X = [1, treat, pre]
  let n = 0, st = 0, sp = 0, stt = 0, stp = 0, spp = 0, sy = 0, sty = 0, spy = 0, syy = 0;
  for (let i = 0; i < d.post.length; i++) {
    const y = d.post[i];
    if (Number.isNaN(y)) continue;
    const t = d.treat[i], p = d.pre[i];
    n++;
    st += t;
    sp += p;
    stt += t * t;
    stp += t * p;
    spp += p * p;
    sy += y;
    sty += t * y;
    spy += p * y;
    syy += y * y;
  }
  if (n < 4 || st < 1 || st > n - 1) return null;
  const XtX = new Matrix([[n, st, sp], [st, stt, stp], [sp, stp, spp]]);
  let inv: Matrix;
  try {
    inv = inverse(XtX);
  } catch {
    return null;
  }
  const Xty = [sy, sty, spy];
  const b = [0, 1, 2].map((r) => inv.get(r, 0) * Xty[0] + inv.get(r, 1) * Xty[1] + inv.get(r, 2) * Xty[2]);
  // residual sum of squares = y'y - b'X'y
  const rss = syy - (b[0] * Xty[0] + b[1] * Xty[1] + b[2] * Xty[2]);
  const df = n - 3;
  const s2 = Math.max(rss, 0) / df;
  const se = Math.sqrt(s2 * inv.get(1, 1));
  if (!(se > 0) || !Number.isFinite(b[1])) return null;
  return { est: b[1], se, df };
}

/**
 * Responder proportion of one group (improvement post − pre ≥ MCID) with a Wilson interval
 * (lib/responders `propCI`).
 * No test (null p): a cohort's responder rate has no comparison.
 * @example responderRate({ pre: Float64Array.of(0, 0), post: Float64Array.of(3, 0) }, 2, 95).estimate // 0.5
 */
export function responderRate(d: SingleArm, mcid: number, level: number): AnswerResult {
  let x = 0, n = 0;
  for (let i = 0; i < d.pre.length; i++) {
    if (Number.isNaN(d.post[i])) continue;
    n++;
    if (d.post[i] - d.pre[i] >= mcid) x++;
  }
  if (n === 0) return EMPTY;
  const ci = propCI(x, n, { method: "wilson", level });
  return { estimate: x / n, ci_lb: ci.ci_lb, ci_ub: ci.ci_ub, pval: null };
}

/**
 * Difference in responder proportions (intervention − comparator; responder = improvement ≥
 * MCID) with Newcombe's hybrid score interval (method 10, lib/responders `riskDifference`) and a
 * pooled z test.
 * @example responderDiff({ pre: new Float64Array(4), post: Float64Array.of(3, 3, 0, 3), treat: Uint8Array.of(1, 1, 0, 0) }, 2, 95).estimate // 0.5
 */
export function responderDiff(d: TwoArm, mcid: number, level: number): AnswerResult {
  const x = [0, 0], n = [0, 0];
  for (let i = 0; i < d.pre.length; i++) {
    if (Number.isNaN(d.post[i])) continue;
    n[d.treat[i]]++;
    if (d.post[i] - d.pre[i] >= mcid) x[d.treat[i]]++;
  }
  if (n[0] === 0 || n[1] === 0) return EMPTY;
  const rd = riskDifference(x[1], n[1], x[0], n[0], { method: "newcombe", level });
  const est = rd.estimate, lb = rd.ci_lb, ub = rd.ci_ub;
  const pbar = (x[0] + x[1]) / (n[0] + n[1]);
  const se0 = Math.sqrt(pbar * (1 - pbar) * (1 / n[0] + 1 / n[1]));
  const p = se0 > 0 ? Math.min(1, 2 * pnorm(Math.abs(est) / se0, 0, 1, { lower: false })) : 1;
  return { estimate: est, ci_lb: lb, ci_ub: ub, pval: p };
}

/**
 * One-sample t test and CI of the mean change (post − pre) in a single group.
 * @example meanChange({ pre: Float64Array.of(0, 0, 0), post: Float64Array.of(1, 2, 3) }, 95).estimate // 2
 */
export function meanChange(d: SingleArm, level: number): AnswerResult {
  let n = 0, s = 0;
  for (let i = 0; i < d.pre.length; i++) {
    if (Number.isNaN(d.post[i])) continue;
    n++;
    s += d.post[i] - d.pre[i];
  }
  if (n < 2) return EMPTY;
  const m = s / n;
  let ss = 0;
  for (let i = 0; i < d.pre.length; i++) {
    if (Number.isNaN(d.post[i])) continue;
    ss += (d.post[i] - d.pre[i] - m) ** 2;
  }
  const se = Math.sqrt(ss / (n - 1) / n);
  if (!(se > 0)) return EMPTY;
  const q = tcrit(alphaOf(level), n - 1);
  return { estimate: m, ci_lb: m - q * se, ci_ub: m + q * se, pval: twoSidedT(m / se, n - 1) };
}

/**
 * Standardised mean change of one group, standardised by the baseline SD (metafor's SMCR, via
 * lib/effects/escalc, with the observed pre–post correlation), with a Wald CI and z test.
 * Complete cases only.
 * @example smc({ pre: Float64Array.of(1, 2, 3, 4), post: Float64Array.of(2, 4, 4, 6) }, 95).estimate
 */
export function smc(d: SingleArm, level: number): AnswerResult {
  let n = 0, s1 = 0, s2 = 0;
  for (let i = 0; i < d.pre.length; i++) {
    if (Number.isNaN(d.post[i])) continue;
    n++;
    s1 += d.pre[i];
    s2 += d.post[i];
  }
  if (n < 3) return EMPTY;
  const m1 = s1 / n, m2 = s2 / n;
  let v1 = 0, v2 = 0, c = 0;
  for (let i = 0; i < d.pre.length; i++) {
    if (Number.isNaN(d.post[i])) continue;
    const a = d.pre[i] - m1, b = d.post[i] - m2;
    v1 += a * a;
    v2 += b * b;
    c += a * b;
  }
  if (!(v1 > 0) || !(v2 > 0)) return EMPTY;
  const r = Math.max(-1, Math.min(1, c / Math.sqrt(v1 * v2)));
  const es = escalc("SMCR", { m1i: [m2], m2i: [m1], sd1i: [Math.sqrt(v1 / (n - 1))], ni: [n], ri: [r] });
  const yi = es.yi[0], se = Math.sqrt(es.vi[0]);
  const q = qnorm(1 - alphaOf(level) / 2);
  return {
    estimate: yi,
    ci_lb: yi - q * se,
    ci_ub: yi + q * se,
    pval: 2 * pnorm(Math.abs(yi) / se, 0, 1, { lower: false }),
  };
}

/** Least squares of y on the columns of X (rows with a NaN y skipped): coefficient `j` with its SE and df. */
function olsCoefficient(
  rows: number,
  p: number,
  xRow: (i: number, out: Float64Array) => void,
  y: ArrayLike<number>,
  j: number,
): { est: number; se: number; df: number } | null {
  const xtx = Array.from({ length: p }, () => new Float64Array(p));
  const xty = new Float64Array(p);
  const x = new Float64Array(p);
  let n = 0, yy = 0;
  for (let i = 0; i < rows; i++) {
    const yi = y[i];
    if (Number.isNaN(yi)) continue;
    xRow(i, x);
    n++;
    yy += yi * yi;
    for (let a = 0; a < p; a++) {
      if (x[a] === 0) continue;
      xty[a] += x[a] * yi;
      for (let b = 0; b < p; b++) xtx[a][b] += x[a] * x[b];
    }
  }
  const df = n - p;
  if (df < 1) return null;
  let inv: Matrix;
  try {
    inv = inverse(new Matrix(xtx.map((r) => Array.from(r))));
  } catch {
    return null;
  }
  const beta = new Float64Array(p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) beta[a] += inv.get(a, b) * xty[b];
  let bxy = 0;
  for (let a = 0; a < p; a++) bxy += beta[a] * xty[a];
  const s2 = Math.max(yy - bxy, 0) / df;
  const se = Math.sqrt(s2 * inv.get(j, j));
  if (!(se > 0) || !Number.isFinite(beta[j])) return null;
  return { est: beta[j], se, df };
}

/** Stepped-wedge data: two-arm data with each patient's centre and period (0-based). */
export interface SteppedWedge extends TwoArm {
  /** Centre of each patient. */
  cluster: Int32Array;
  /** Period of each patient. */
  period: Int32Array;
  /** Number of centres. */
  clusters: number;
  /** Number of periods. */
  periods: number;
}

/**
 * Stepped-wedge analysis: least squares of the post score on the arm, the baseline, period fixed
 * effects (the secular trend) and centre fixed effects; the arm coefficient with its t CI and
 * test (n − p df). Centre fixed effects absorb centre differences; the CI ignores residual
 * within-centre correlation beyond them.
 * @example swRegression(sw, 95).estimate
 */
export function swRegression(d: SteppedWedge, level: number): AnswerResult {
  const P = d.periods, C = d.clusters, p = 3 + (P - 1) + (C - 1);
  const fit = olsCoefficient(
    d.post.length,
    p,
    (i, x) => {
      x.fill(0);
      x[0] = 1;
      x[1] = d.treat[i];
      x[2] = d.pre[i];
      if (d.period[i] > 0) x[2 + d.period[i]] = 1;
      if (d.cluster[i] > 0) x[2 + (P - 1) + d.cluster[i]] = 1;
    },
    d.post,
    1,
  );
  if (fit === null) return EMPTY;
  const q = tcrit(alphaOf(level), fit.df);
  return {
    estimate: fit.est,
    ci_lb: fit.est - q * fit.se,
    ci_ub: fit.est + q * fit.se,
    pval: twoSidedT(fit.est / fit.se, fit.df),
  };
}

/**
 * Interrupted time series by segmented regression of the period means y_t on (1, t, after,
 * (t − T0)·after): the level change at the interruption T0 with its t CI and test on
 * (periods − 4) df (no autocorrelation correction).
 * @example itsSegmented(Float64Array.of(1, 1.1, 1.2, 1.3, 3.4, 3.5, 3.6, 3.7), 4, 95).estimate // 2
 */
export function itsSegmented(means: Float64Array, interruption: number, level: number): AnswerResult {
  const T0 = interruption;
  const fit = olsCoefficient(
    means.length,
    4,
    (t, x) => {
      const after = t >= T0 ? 1 : 0;
      x[0] = 1;
      x[1] = t;
      x[2] = after;
      x[3] = after * (t - T0);
    },
    means,
    2,
  );
  if (fit === null) return EMPTY;
  const q = tcrit(alphaOf(level), fit.df);
  return {
    estimate: fit.est,
    ci_lb: fit.est - q * fit.se,
    ci_ub: fit.est + q * fit.se,
    pval: twoSidedT(fit.est / fit.se, fit.df),
  };
}
