/**
 * Comparing responder rates between two groups: the difference with Newcombe's hybrid score
 * interval (method 10, or 11 with continuity correction; Newcombe 1998, Stat Med 17:873-890), the
 * risk ratio (Katz log interval) and odds ratio (Woolf log interval, 0.5 added to every cell when
 * one is zero), and the number needed to treat with Altman's (1998) interval, which is split into
 * NNT(benefit) and NNT(harm) when the interval of the difference includes 0.
 *
 * @example
 * const d = riskDifference(56, 70, 48, 80); // d.estimate 0.2, d.lower 0.0524, d.upper 0.3339
 * nnt(d); // { nnt: 5, ... }
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { qnorm } from "../stats/distributions.ts";
import { propCI } from "./intervals.ts";

const twoGroups = z.object({
  x1: z.number().int().nonnegative(),
  n1: z.number().int().positive(),
  x2: z.number().int().nonnegative(),
  n2: z.number().int().positive(),
  level: z.number().gt(0).lt(1),
});

function parseTwo(context: string, x1: number, n1: number, x2: number, n2: number, level = 0.95) {
  const p = parseInput(twoGroups, { x1, n1, x2, n2, level }, context);
  if (p.x1 > p.n1) fail(context, "x1", `must be <= n1 (${p.n1})`, p.x1);
  if (p.x2 > p.n2) fail(context, "x2", `must be <= n2 (${p.n2})`, p.x2);
  return p;
}

/** A difference of two proportions p1 - p2 with its interval. */
export interface RiskDifference {
  p1: number;
  p2: number;
  estimate: number;
  lower: number;
  upper: number;
  method: "newcombe" | "newcombe-cc" | "wald";
  level: number;
}

/**
 * p1 - p2 with Newcombe's hybrid score interval (default), its continuity-corrected version, or Wald.
 * @example riskDifference(56, 70, 48, 80) // estimate 0.2, interval 0.0524 to 0.3339 (Newcombe 1998, Table II)
 */
export function riskDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  options: { method?: "newcombe" | "newcombe-cc" | "wald"; level?: number } = {},
): RiskDifference {
  const p = parseTwo("riskDifference", x1, n1, x2, n2, options.level);
  const method = parseInput(
    z.enum(["newcombe", "newcombe-cc", "wald"]),
    options.method ?? "newcombe",
    "riskDifference method",
  );
  const p1 = p.x1 / p.n1, p2 = p.x2 / p.n2, d = p1 - p2;
  if (method === "wald") {
    const z = qnorm(1 - (1 - p.level) / 2);
    const se = Math.sqrt((p1 * (1 - p1)) / p.n1 + (p2 * (1 - p2)) / p.n2);
    return {
      p1,
      p2,
      estimate: d,
      lower: Math.max(-1, d - z * se),
      upper: Math.min(1, d + z * se),
      method,
      level: p.level,
    };
  }
  const m = method === "newcombe" ? "wilson" : "wilson-cc";
  const a = propCI(p.x1, p.n1, { method: m, level: p.level });
  const b = propCI(p.x2, p.n2, { method: m, level: p.level });
  const lower = d - Math.sqrt((p1 - a.lower) ** 2 + (b.upper - p2) ** 2);
  const upper = d + Math.sqrt((a.upper - p1) ** 2 + (p2 - b.lower) ** 2);
  return { p1, p2, estimate: d, lower: Math.max(-1, lower), upper: Math.min(1, upper), method, level: p.level };
}

/** A ratio (risk or odds) with its log-scale interval. */
export interface Ratio {
  estimate: number;
  lower: number;
  upper: number;
  /** log(estimate) and its standard error. */
  log: number;
  se_log: number;
  /** True when 0.5 was added to every cell (a zero cell). */
  corrected: boolean;
  level: number;
}

function ratio(logEst: number, se: number, level: number, corrected: boolean): Ratio {
  const z = qnorm(1 - (1 - level) / 2);
  return {
    estimate: Math.exp(logEst),
    lower: Math.exp(logEst - z * se),
    upper: Math.exp(logEst + z * se),
    log: logEst,
    se_log: se,
    corrected,
    level,
  };
}

/**
 * Risk ratio (p1 / p2) with the Katz log interval; 0.5 is added to each cell when a cell is zero.
 * @example riskRatio(56, 70, 48, 80).estimate // 1.3333
 */
export function riskRatio(x1: number, n1: number, x2: number, n2: number, options: { level?: number } = {}): Ratio {
  const p = parseTwo("riskRatio", x1, n1, x2, n2, options.level);
  const zero = p.x1 === 0 || p.x2 === 0 || p.x1 === p.n1 || p.x2 === p.n2;
  const c = zero ? 0.5 : 0;
  const a = p.x1 + c, b = p.n1 - p.x1 + c, cc = p.x2 + c, d = p.n2 - p.x2 + c;
  const logRR = Math.log(a / (a + b)) - Math.log(cc / (cc + d));
  const se = Math.sqrt(1 / a - 1 / (a + b) + 1 / cc - 1 / (cc + d));
  return ratio(logRR, se, p.level, zero);
}

/**
 * Odds ratio with the Woolf log interval; 0.5 is added to each cell when a cell is zero.
 * @example oddsRatio(56, 70, 48, 80).estimate // 2.6667
 */
export function oddsRatio(x1: number, n1: number, x2: number, n2: number, options: { level?: number } = {}): Ratio {
  const p = parseTwo("oddsRatio", x1, n1, x2, n2, options.level);
  const zero = p.x1 === 0 || p.x2 === 0 || p.x1 === p.n1 || p.x2 === p.n2;
  const c = zero ? 0.5 : 0;
  const a = p.x1 + c, b = p.n1 - p.x1 + c, cc = p.x2 + c, d = p.n2 - p.x2 + c;
  const logOR = Math.log((a * d) / (b * cc));
  const se = Math.sqrt(1 / a + 1 / b + 1 / cc + 1 / d);
  return ratio(logOR, se, p.level, zero);
}

/** Number needed to treat with its interval (Altman 1998). */
export interface NNT {
  /** 1 / |difference| (Infinity when the difference is 0). */
  nnt: number;
  /** "benefit" when the difference is > 0 (group 1 has more responders), "harm" when < 0. */
  direction: "benefit" | "harm" | "none";
  /**
   * "contiguous": the difference's CI excludes 0 and the NNT lies in [lower, upper].
   * "split": the CI includes 0; the NNT interval runs from `nntb_from` benefit through infinity
   * to `nnth_from` harm (Altman 1998), and is NOT [lower, upper].
   */
  interval:
    | { kind: "contiguous"; lower: number; upper: number }
    | { kind: "split"; nntb_from: number; nnth_from: number };
  /** A one-line description, e.g. "NNT(benefit) 5.0 (95% CI 3.0 to 19.1)". */
  text: string;
}

/**
 * NNT from a difference of proportions (group 1 minus group 2, positive = benefit of group 1),
 * with a correct interval when the difference's CI spans 0.
 * @example nnt({ estimate: 0.07, lower: -0.14, upper: 0.28 }).interval // { kind: "split", nntb_from: 3.57, nnth_from: 7.14 }
 */
export function nnt(diff: { estimate: number; lower: number; upper: number; level?: number }): NNT {
  const p = parseInput(
    z.object({
      estimate: z.number().finite(),
      lower: z.number().finite(),
      upper: z.number().finite(),
      level: z.number().optional(),
    })
      .refine((d) => d.lower <= d.estimate && d.estimate <= d.upper, {
        message: "must satisfy lower <= estimate <= upper",
      }),
    { estimate: diff.estimate, lower: diff.lower, upper: diff.upper, level: diff.level },
    "nnt",
  );
  const lvl = Math.round((p.level ?? 0.95) * 100);
  const n = p.estimate === 0 ? Infinity : 1 / Math.abs(p.estimate);
  const direction = p.estimate > 0 ? "benefit" : p.estimate < 0 ? "harm" : "none";
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "∞");
  if (p.lower > 0 || p.upper < 0) {
    const a = 1 / Math.abs(p.lower), b = 1 / Math.abs(p.upper);
    const lower = Math.min(a, b), upper = Math.max(a, b);
    const label = direction === "benefit" ? "NNT(benefit)" : "NNT(harm)";
    return {
      nnt: n,
      direction,
      interval: { kind: "contiguous", lower, upper },
      text: `${label} ${f(n)} (${lvl}% CI ${f(lower)} to ${f(upper)})`,
    };
  }
  const nntb_from = p.upper > 0 ? 1 / p.upper : Infinity;
  const nnth_from = p.lower < 0 ? 1 / -p.lower : Infinity;
  const label = direction === "harm" ? "NNT(harm)" : "NNT(benefit)";
  return {
    nnt: n,
    direction,
    interval: { kind: "split", nntb_from, nnth_from },
    text: `${label} ${f(n)} (${lvl}% CI NNT(benefit) ${f(nntb_from)} to ∞ to NNT(harm) ${f(nnth_from)})`,
  };
}
