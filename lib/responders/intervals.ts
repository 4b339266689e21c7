/**
 * Confidence intervals for a single proportion (a responder rate): Wilson score (R's
 * `prop.test(correct = FALSE)`), Wilson score with continuity correction (Newcombe 1998 method 4;
 * R's `prop.test(correct = TRUE)` except when x = n/2, where R drops the correction), Clopper–Pearson
 * exact (R's `binom.test`), Jeffreys (beta(x + 1/2, n - x + 1/2) quantiles) and Wald.
 *
 * @example
 * propCI(81, 263, { method: "wilson" }); // { estimate: 0.308, lower: 0.2553, upper: 0.3662, ... }
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { qf, qnorm } from "../stats/distributions.ts";

/** The interval methods of {@link propCI}. */
export const PROP_CI_METHODS = ["wilson", "wilson-cc", "clopper-pearson", "jeffreys", "wald"] as const;
/** One of {@link PROP_CI_METHODS}. */
export type PropCIMethod = typeof PROP_CI_METHODS[number];

/** A proportion with its interval. */
export interface PropCI {
  x: number;
  n: number;
  estimate: number;
  lower: number;
  upper: number;
  method: PropCIMethod;
  level: number;
}

const countsSchema = z.object({
  x: z.number().int().nonnegative(),
  n: z.number().int().positive(),
  method: z.enum(PROP_CI_METHODS),
  level: z.number().gt(0).lt(1),
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
 * @param options.method "wilson" (default), "wilson-cc", "clopper-pearson", "jeffreys" or "wald"
 * @param options.level confidence level in (0, 1), default 0.95
 * @example propCI(0, 20, { method: "clopper-pearson" }).upper // 0.1684 (binom.test(0, 20))
 */
export function propCI(
  x: number,
  n: number,
  options: { method?: PropCIMethod; level?: number } = {},
): PropCI {
  const p = parseInput(
    countsSchema,
    { x, n, method: options.method ?? "wilson", level: options.level ?? 0.95 },
    "propCI",
  );
  if (p.x > p.n) fail("propCI", "x", `must be <= n (${p.n})`, p.x);
  const alpha = 1 - p.level;
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
  return { x: p.x, n: p.n, estimate: est, lower, upper, method: p.method, level: p.level };
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
