/**
 * Confidence intervals for a single proportion (a responder rate): Wilson score (R's
 * `prop.test(correct = FALSE)`), Wilson score with continuity correction (Newcombe 1998 method 4;
 * R's `prop.test(correct = TRUE)` except when x = n/2, where R drops the correction), Clopper–Pearson
 * exact (R's `binom.test`), Jeffreys (beta(x + 1/2, n - x + 1/2) quantiles) and Wald.
 *
 * Confidence levels follow `lib/conventions.ts`: `level` in percent (95), a proportion (0.95) is
 * read as a percentage; results carry `level` in percent and the interval as `ci_lb`/`ci_ub`.
 *
 * @example
 * propCI(81, 263, { method: "wilson" }); // { estimate: 0.308, ci_lb: 0.2553, ci_ub: 0.3662, level: 95, ... }
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { qf, qnorm } from "../stats/distributions.ts";
import { levelSchema } from "../_schemas.ts";
import type { Interval } from "../conventions.ts";

/** An interval method of {@link propCI}. */
export type PropCIMethod = "wilson" | "wilson-cc" | "clopper-pearson" | "jeffreys" | "wald";
/** The interval methods of {@link propCI}, in a fixed order. */
export const PROP_CI_METHODS: readonly PropCIMethod[] = ["wilson", "wilson-cc", "clopper-pearson", "jeffreys", "wald"];

/** A proportion x / n with its confidence interval (an {@link Interval} plus the counts and method). */
export interface PropCI extends Interval {
  /** Number of responders. */
  x: number;
  /** Number of patients. */
  n: number;
  /** The interval method. */
  method: PropCIMethod;
}

/** Options of {@link propCI}. */
export interface PropCIOptions {
  /** "wilson" (default), "wilson-cc", "clopper-pearson", "jeffreys" or "wald". */
  method?: PropCIMethod;
  /** Confidence level in percent (default 95); a proportion such as 0.95 is read as 95 %. */
  level?: number;
}

const countsSchema = z.object({
  x: z.number().int().nonnegative(),
  n: z.number().int().positive(),
  method: z.enum(["wilson", "wilson-cc", "clopper-pearson", "jeffreys", "wald"]),
  level: levelSchema,
});

/**
 * Quantile of the beta(a, b) distribution through the F distribution:
 * if F ~ F(2a, 2b) then aF / (b + aF) ~ beta(a, b).
 * @example qbeta(0.5, 1, 1) // 0.5
 */
export function qbeta(p: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) fail("qbeta", "a, b", "must be > 0", { a, b });
  if (!(p >= 0 && p <= 1)) fail("qbeta", "p", "must be in [0, 1]", p);
  if (p === 0) return 0;
  if (p === 1) return 1;
  const f = qf(p, 2 * a, 2 * b);
  return (a * f) / (b + a * f);
}

function wilson(x: number, n: number, z: number, cc: boolean): [number, number] {
  const p = x / n;
  const z2 = z * z;
  if (!cc) {
    const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
    return [Math.max(0, centre - half), Math.min(1, centre + half)];
  }
  // Newcombe (1998) method 4
  const lower = x === 0
    ? 0
    : (2 * n * p + z2 - 1 - z * Math.sqrt(z2 - 2 - 1 / n + 4 * p * (n * (1 - p) + 1))) / (2 * (n + z2));
  const upper = x === n
    ? 1
    : (2 * n * p + z2 + 1 + z * Math.sqrt(z2 + 2 - 1 / n + 4 * p * (n * (1 - p) - 1))) / (2 * (n + z2));
  return [Math.max(0, lower), Math.min(1, upper)];
}

/**
 * Interval for x responders out of n.
 * @example propCI(0, 20, { method: "clopper-pearson" }).ci_ub // 0.1684 (binom.test(0, 20))
 */
export function propCI(x: number, n: number, options: PropCIOptions = {}): PropCI {
  const p = parseInput(
    countsSchema,
    { x, n, method: options.method ?? "wilson", level: options.level ?? 95 },
    "propCI",
  );
  if (p.x > p.n) fail("propCI", "x", `must be <= n (${p.n})`, p.x);
  const alpha = 1 - p.level / 100;
  const z = qnorm(1 - alpha / 2);
  const est = p.x / p.n;
  let lower: number, upper: number;
  switch (p.method) {
    case "wilson":
      [lower, upper] = wilson(p.x, p.n, z, false);
      break;
    case "wilson-cc":
      [lower, upper] = wilson(p.x, p.n, z, true);
      break;
    case "clopper-pearson":
      lower = p.x === 0 ? 0 : qbeta(alpha / 2, p.x, p.n - p.x + 1);
      upper = p.x === p.n ? 1 : qbeta(1 - alpha / 2, p.x + 1, p.n - p.x);
      break;
    case "jeffreys":
      lower = p.x === 0 ? 0 : qbeta(alpha / 2, p.x + 0.5, p.n - p.x + 0.5);
      upper = p.x === p.n ? 1 : qbeta(1 - alpha / 2, p.x + 0.5, p.n - p.x + 0.5);
      break;
    case "wald": {
      const se = Math.sqrt((est * (1 - est)) / p.n);
      lower = Math.max(0, est - z * se);
      upper = Math.min(1, est + z * se);
      break;
    }
  }
  return { x: p.x, n: p.n, estimate: est, ci_lb: lower, ci_ub: upper, method: p.method, level: p.level };
}

/**
 * The whole number of responders x that a reported percentage of n implies, or null when no whole
 * number rounds to it (then the percentage and n are inconsistent).
 * @example respondersFromPercent(55, 137) // 75  (75/137 = 54.7%)
 */
export function respondersFromPercent(pct: number, n: number, decimals?: number): number | null {
  const p = parseInput(
    z.object({
      pct: z.number().min(0).max(100),
      n: z.number().int().positive(),
      decimals: z.number().int().min(0).optional(),
    }),
    { pct, n, decimals },
    "respondersFromPercent",
  );
  const d = p.decimals ?? (String(p.pct).split(".")[1]?.length ?? 0);
  const h = 0.5 * 10 ** -d + 1e-9;
  const k = Math.round((p.pct * p.n) / 100);
  return Math.abs((100 * k) / p.n - p.pct) <= h ? k : null;
}

/** A count reconstructed from a reported percentage of n (see {@link reconstructCount}). */
export interface ReconstructedCount {
  /** The percentage as reported. */
  reported_pct: number;
  /** The denominator used. */
  n: number;
  /** The count used: the whole number nearest to pct × n / 100. */
  x: number;
  /** 100 · x / n: what the count used really gives. */
  implied_pct: number;
  /** True when x / n rounds to the reported percentage (at its number of decimals). */
  exact: boolean;
}

/**
 * The count behind a reported percentage of n: the whole number whose percentage rounds to the
 * reported one when there is one (`exact: true`), else the nearest whole number (`exact: false`),
 * with the percentage that count really gives, so a reader sees the reconstruction instead of a
 * silent rounding.
 * @example reconstructCount(51, 42) // { x: 21, implied_pct: 50, exact: false, ... } (51 % of 42 is no whole number)
 */
export function reconstructCount(pct: number, n: number): ReconstructedCount {
  const exactX = respondersFromPercent(pct, n);
  const x = exactX ?? Math.round((pct * n) / 100);
  return { reported_pct: pct, n, x, implied_pct: (100 * x) / n, exact: exactX !== null };
}

/**
 * Which splits of `total` patients into two groups (n1 + n2 = total) make every reported
 * percentage of each group a whole number of patients. An empty list means that no split fits:
 * the percentages refer to other denominators (drop-out, per-outcome completeness) or are wrong.
 * @example splitsFittingPercentages(85, [51, 63], [58, 51]) // [] (no split of 85 fits Leeuw 2008's four percentages)
 */
export function splitsFittingPercentages(
  total: number,
  pcts1: readonly number[],
  pcts2: readonly number[],
): [number, number][] {
  const p = parseInput(
    z.object({
      total: z.number().int().min(2),
      pcts1: z.array(z.number().min(0).max(100)).min(1),
      pcts2: z.array(z.number().min(0).max(100)).min(1),
    }),
    { total, pcts1, pcts2 },
    "splitsFittingPercentages",
  );
  const out: [number, number][] = [];
  for (let n1 = 1; n1 < p.total; n1++) {
    const n2 = p.total - n1;
    if (
      p.pcts1.every((q) => respondersFromPercent(q, n1) !== null) &&
      p.pcts2.every((q) => respondersFromPercent(q, n2) !== null)
    ) out.push([n1, n2]);
  }
  return out;
}
