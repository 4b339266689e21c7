/**
 * Comparing responder rates between two groups: the difference with Newcombe's hybrid score
 * interval (method 10, or 11 with continuity correction; Newcombe 1998, Stat Med 17:873-890), the
 * risk ratio (Katz log interval) and odds ratio (Woolf log interval, 0.5 added to every cell when
 * one is zero), and the number needed to treat with Altman's (1998) interval, which is split into
 * NNT(benefit) and NNT(harm) when the interval of the difference includes 0.
 *
 * @example
 * const d = riskDifference(56, 70, 48, 80); // d.estimate 0.2, d.ci_lb 0.0524, d.ci_ub 0.3339
 * nnt(d); // { nnt: 5, ... }
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { qnorm } from "../stats/distributions.ts";
import { levelSchema } from "../_schemas.ts";
import type { Interval } from "../conventions.ts";
import { type PropCI, propCI, reconstructCount, type ReconstructedCount } from "./intervals.ts";

const twoGroups = z.object({
  x1: z.number().int().nonnegative(),
  n1: z.number().int().positive(),
  x2: z.number().int().nonnegative(),
  n2: z.number().int().positive(),
  level: levelSchema,
});

function parseTwo(
  context: string,
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  level: number = 95,
): { x1: number; n1: number; x2: number; n2: number; level: number } {
  const p = parseInput(twoGroups, { x1, n1, x2, n2, level }, context);
  if (p.x1 > p.n1) fail(context, "x1", `must be <= n1 (${p.n1})`, p.x1);
  if (p.x2 > p.n2) fail(context, "x2", `must be <= n2 (${p.n2})`, p.x2);
  return p;
}

/** The interval methods of {@link riskDifference}. */
export type RiskDifferenceMethod = "newcombe" | "newcombe-cc" | "wald";

/** A difference of two proportions p1 - p2 with its interval (`level` in percent). */
export interface RiskDifference extends Interval {
  /** x1 / n1. */
  p1: number;
  /** x2 / n2. */
  p2: number;
  /** The interval method. */
  method: RiskDifferenceMethod;
}

/** Options of {@link riskDifference}. */
export interface RiskDifferenceOptions {
  /** "newcombe" (hybrid score, default), "newcombe-cc" or "wald". */
  method?: RiskDifferenceMethod;
  /** Confidence level in percent (default 95); 0.95 is read as 95 %. */
  level?: number;
}

/** Options of {@link riskRatio} and {@link oddsRatio}. */
export interface RatioOptions {
  /** Confidence level in percent (default 95); 0.95 is read as 95 %. */
  level?: number;
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
  options: RiskDifferenceOptions = {},
): RiskDifference {
  const p = parseTwo("riskDifference", x1, n1, x2, n2, options.level);
  const method = parseInput(
    z.enum(["newcombe", "newcombe-cc", "wald"]),
    options.method ?? "newcombe",
    "riskDifference method",
  );
  const p1 = p.x1 / p.n1, p2 = p.x2 / p.n2, d = p1 - p2;
  if (method === "wald") {
    const z = qnorm(1 - (1 - p.level / 100) / 2);
    const se = Math.sqrt((p1 * (1 - p1)) / p.n1 + (p2 * (1 - p2)) / p.n2);
    return {
      p1,
      p2,
      estimate: d,
      ci_lb: Math.max(-1, d - z * se),
      ci_ub: Math.min(1, d + z * se),
      method,
      level: p.level,
    };
  }
  const m = method === "newcombe" ? "wilson" : "wilson-cc";
  const a = propCI(p.x1, p.n1, { method: m, level: p.level });
  const b = propCI(p.x2, p.n2, { method: m, level: p.level });
  const lower = d - Math.sqrt((p1 - a.ci_lb) ** 2 + (b.ci_ub - p2) ** 2);
  const upper = d + Math.sqrt((a.ci_ub - p1) ** 2 + (p2 - b.ci_lb) ** 2);
  return { p1, p2, estimate: d, ci_lb: Math.max(-1, lower), ci_ub: Math.min(1, upper), method, level: p.level };
}

/** A ratio (risk or odds) with its log-scale interval (`level` in percent). */
export interface Ratio extends Interval {
  /** log(estimate). */
  log: number;
  /** Standard error of log(estimate). */
  se_log: number;
  /** True when 0.5 was added to every cell (a zero cell). */
  corrected: boolean;
}

function ratio(logEst: number, se: number, level: number, corrected: boolean): Ratio {
  const z = qnorm(1 - (1 - level / 100) / 2);
  return {
    estimate: Math.exp(logEst),
    ci_lb: Math.exp(logEst - z * se),
    ci_ub: Math.exp(logEst + z * se),
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
export function riskRatio(x1: number, n1: number, x2: number, n2: number, options: RatioOptions = {}): Ratio {
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
export function oddsRatio(x1: number, n1: number, x2: number, n2: number, options: RatioOptions = {}): Ratio {
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
   * "contiguous": the difference's CI excludes 0 and the NNT lies in [ci_lb, ci_ub].
   * "split": the CI includes 0; the NNT interval runs from `nntb_from` benefit through infinity
   * to `nnth_from` harm (Altman 1998), and is NOT [ci_lb, ci_ub].
   */
  interval:
    | { kind: "contiguous"; ci_lb: number; ci_ub: number }
    | { kind: "split"; nntb_from: number; nnth_from: number };
  /** Confidence level in percent. */
  level: number;
  /** A one-line description, e.g. "NNT(benefit) 5.0 (95% CI 3.0 to 19.1)". */
  text: string;
}

/** Input of {@link nnt}: a difference of proportions with its interval (a {@link RiskDifference} will do). */
export interface NntInput {
  /** The difference p1 - p2 (positive = group 1 better). */
  estimate: number;
  /** Lower bound of its interval. */
  ci_lb: number;
  /** Upper bound of its interval. */
  ci_ub: number;
  /** Confidence level in percent (default 95). */
  level?: number;
}

/**
 * NNT from a difference of proportions (group 1 minus group 2, positive = benefit of group 1),
 * with a correct interval when the difference's CI spans 0.
 * @example nnt({ estimate: 0.07, ci_lb: -0.14, ci_ub: 0.28 }).interval // { kind: "split", nntb_from: 3.57, nnth_from: 7.14 }
 */
export function nnt(diff: NntInput): NNT {
  const p = parseInput(
    z.object({
      estimate: z.number().finite(),
      ci_lb: z.number().finite(),
      ci_ub: z.number().finite(),
      level: levelSchema.optional(),
    })
      .refine((d) => d.ci_lb <= d.estimate && d.estimate <= d.ci_ub, {
        message: "must satisfy ci_lb <= estimate <= ci_ub",
      }),
    { estimate: diff?.estimate, ci_lb: diff?.ci_lb, ci_ub: diff?.ci_ub, level: diff?.level },
    "nnt",
  );
  const level = p.level ?? 95;
  const lvl = Number(level.toFixed(4));
  const n = p.estimate === 0 ? Infinity : 1 / Math.abs(p.estimate);
  const direction = p.estimate > 0 ? "benefit" : p.estimate < 0 ? "harm" : "none";
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "∞");
  if (p.ci_lb > 0 || p.ci_ub < 0) {
    const a = 1 / Math.abs(p.ci_lb), b = 1 / Math.abs(p.ci_ub);
    const lower = Math.min(a, b), upper = Math.max(a, b);
    const label = direction === "benefit" ? "NNT(benefit)" : "NNT(harm)";
    return {
      nnt: n,
      direction,
      interval: { kind: "contiguous", ci_lb: lower, ci_ub: upper },
      level,
      text: `${label} ${f(n)} (${lvl}% CI ${f(lower)} to ${f(upper)})`,
    };
  }
  const nntb_from = p.ci_ub > 0 ? 1 / p.ci_ub : Infinity;
  const nnth_from = p.ci_lb < 0 ? 1 / -p.ci_lb : Infinity;
  const label = direction === "harm" ? "NNT(harm)" : "NNT(benefit)";
  return {
    nnt: n,
    direction,
    interval: { kind: "split", nntb_from, nnth_from },
    level,
    text: `${label} ${f(n)} (${lvl}% CI NNT(benefit) ${f(nntb_from)} to ∞ to NNT(harm) ${f(nnth_from)})`,
  };
}

/** One group of {@link compareReportedRates}: a reported responder percentage and its denominator. */
export interface ReportedGroup {
  /** Group label ("EXP"). */
  label: string;
  /** The responder percentage as reported (0-100). */
  pct: number;
  /** The number of patients it refers to (reported or assumed). */
  n: number;
}

/** One group's reconstructed count with its Wilson interval. */
export interface ReportedGroupResult extends ReconstructedCount {
  /** Group label. */
  label: string;
  /** Wilson interval of x / n. */
  ci: PropCI;
}

/** Result of {@link compareReportedRates}. */
export interface ReportedComparison {
  /** Group 1 and group 2 with the counts used. */
  groups: [ReportedGroupResult, ReportedGroupResult];
  /** p1 - p2 (from the counts used) with Newcombe's hybrid score interval. */
  difference: RiskDifference;
  /** Risk ratio (Katz). */
  rr: Ratio;
  /** Odds ratio (Woolf). */
  or: Ratio;
  /** NNT with Altman's interval. */
  nnt: NNT;
  /** Each reported percentage that no whole number of its n gives, with the percentage used instead. */
  warnings: string[];
}

/**
 * Compare two groups from reported responder percentages: the counts are reconstructed from the
 * percentages and the group sizes ({@link reconstructCount}), and when a percentage is not a whole
 * number of its group, the result says so in `warnings` (with the percentage the count used really
 * gives) instead of rounding silently. Then the Newcombe difference, RR, OR and NNT of the counts.
 * @example compareReportedRates({ label: "EXP", pct: 51, n: 42 }, { label: "GA", pct: 58, n: 43 }).warnings[0] // "EXP: 51% of 42 is not a whole number of patients; 21/42 = 50.0% is used"
 */
export function compareReportedRates(
  group1: ReportedGroup,
  group2: ReportedGroup,
  options: RatioOptions = {},
): ReportedComparison {
  const schema = z.object({
    label: z.string().min(1),
    pct: z.number().min(0).max(100),
    n: z.number().int().positive(),
  });
  const g1 = parseInput(schema, group1, "compareReportedRates group1");
  const g2 = parseInput(schema, group2, "compareReportedRates group2");
  const level = parseInput(levelSchema.optional(), options.level, "compareReportedRates level") ?? 95;
  const warnings: string[] = [];
  const groups = [g1, g2].map((g) => {
    const c = reconstructCount(g.pct, g.n);
    if (!c.exact) {
      warnings.push(
        `${g.label}: ${g.pct}% of ${g.n} is not a whole number of patients; ${c.x}/${g.n} = ${
          c.implied_pct.toFixed(1)
        }% is used`,
      );
    }
    return { label: g.label, ...c, ci: propCI(c.x, g.n, { level }) };
  }) as [ReportedGroupResult, ReportedGroupResult];
  const [a, b] = groups;
  const difference = riskDifference(a.x, a.n, b.x, b.n, { level });
  return {
    groups,
    difference,
    rr: riskRatio(a.x, a.n, b.x, b.n, { level }),
    or: oddsRatio(a.x, a.n, b.x, b.n, { level }),
    nnt: nnt(difference),
    warnings,
  };
}
