/**
 * Conversions between the ways studies report uncertainty, and re-expression of standardised
 * effects: CI → SE, p → SE (two-sided, normal), SE ↔ variance, SMD → log odds ratio (Hasselblad &
 * Hedges: × π/√3), and re-expressing a pooled standardised mean change on a familiar instrument's
 * scale by multiplying by a typical SD (as the seed's review table does: "RMDQ 4.91").
 *
 * @example
 * ```ts
 * import { ciToSe, seToVar, smdToLogOr, varToSe } from "./convert.ts";
 * if (Math.abs(ciToSe(-0.2, 0.6) - 0.2041) > 5e-5) throw new Error("ciToSe");
 * if (Math.abs(varToSe(seToVar(0.3)) - 0.3) > 1e-15) throw new Error("round trip");
 * if (Math.abs(smdToLogOr(0.5, 0.04).yi - 0.5 * Math.PI / Math.sqrt(3)) > 1e-15) throw new Error("logOR");
 * ```
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { qnorm } from "../stats/distributions.ts";
import { finite, levelSchema } from "./_schemas.ts";

/** Options of {@link ciToSe}. */
export interface CiToSeOptions {
  /** Confidence level of the interval, in percent (95) or as a proportion (0.95); default 95. */
  level?: number;
  /** The bounds are ratios (OR, RR): the SE is of the log ratio. Default false. */
  log?: boolean;
}

/** A re-expressed effect: estimate (and CI bounds when given) on the instrument's scale. */
export interface Reexpressed {
  /** The effect on the instrument's scale (smc × sd). */
  estimate: number;
  /** Lower bound on the instrument's scale, or null when not given. */
  ci_lb: number | null;
  /** Upper bound on the instrument's scale, or null when not given. */
  ci_ub: number | null;
  /** The SD used. */
  sd: number;
}

/**
 * Standard error from a confidence interval (normal): (upper - lower) / (2 z_{1-α/2}).
 * With `{ log: true }` the bounds are ratios (OR, RR) and the SE is on the log scale.
 * @example ciToSe(1.2, 2.5, { level: 95, log: true }) // SE of log ratio
 */
export function ciToSe(lower: number, upper: number, options: CiToSeOptions = {}): number {
  const d = parseInput(
    z.object({ lower: finite, upper: finite, level: levelSchema }),
    { lower, upper, level: options?.level ?? 95 },
    "ciToSe",
  );
  const log = options?.log ?? false;
  let lo = d.lower, hi = d.upper;
  if (log) {
    if (!(lo > 0)) fail("ciToSe", "lower", "must be > 0 for a ratio CI (log: true)", lo);
    if (!(hi > 0)) fail("ciToSe", "upper", "must be > 0 for a ratio CI (log: true)", hi);
    lo = Math.log(lo);
    hi = Math.log(hi);
  }
  if (!(hi > lo)) fail("ciToSe", "upper", `must be > lower (${d.lower})`, d.upper);
  const z975 = qnorm((100 - d.level) / 200, 0, 1, { lower: false });
  return (hi - lo) / (2 * z975);
}

/**
 * Standard error from an estimate and its two-sided p-value (normal test): |est| / z_{p/2}.
 * @example pToSe(0.5, 0.05) // 0.2551
 */
export function pToSe(estimate: number, p: number): number {
  const d = parseInput(
    z.object({ estimate: finite, p: z.number().gt(0).lt(1) }),
    { estimate, p },
    "pToSe",
  );
  if (d.estimate === 0) fail("pToSe", "estimate", "must not be 0 (the SE cannot be recovered from p)", 0);
  return Math.abs(d.estimate) / qnorm(d.p / 2, 0, 1, { lower: false });
}

/**
 * Variance from a standard error.
 * @example seToVar(0.2) // 0.04
 */
export function seToVar(se: number): number {
  const s = parseInput(z.number().finite().nonnegative(), se, "seToVar: se");
  return s * s;
}

/**
 * Standard error from a variance.
 * @example varToSe(0.04) // 0.2
 */
export function varToSe(vi: number): number {
  const v = parseInput(z.number().finite().nonnegative(), vi, "varToSe: vi");
  return Math.sqrt(v);
}

/**
 * Standardised mean difference → log odds ratio (logistic approximation, Chinn 2000):
 * log OR = d π/√3, var = v π²/3.
 * @example smdToLogOr(0.5, 0.04) // { yi: 0.9069, vi: 0.1316 }
 */
export function smdToLogOr(d: number, vi: number): { yi: number; vi: number } {
  const x = parseInput(z.object({ d: finite, vi: z.number().finite().nonnegative() }), { d, vi }, "smdToLogOr");
  return { yi: x.d * Math.PI / Math.sqrt(3), vi: x.vi * Math.PI * Math.PI / 3 };
}

/**
 * Re-express a standardised (mean change) effect on an instrument's own scale: estimate × SD
 * (and its CI bounds when given), e.g. an SMC of 0.98 with a typical RMDQ SD of 5 → 4.9 points.
 * @example reexpress(0.98, 5.01, { ci_lb: 0.7, ci_ub: 1.2 })
 */
export function reexpress(
  smc: number,
  sd: number,
  ci: { ci_lb?: number; ci_ub?: number } = {},
): Reexpressed {
  const x = parseInput(
    z.object({ smc: finite, sd: z.number().finite().positive(), ci_lb: finite.optional(), ci_ub: finite.optional() }),
    { smc, sd, ...ci },
    "reexpress",
  );
  return {
    estimate: x.smc * x.sd,
    ci_lb: x.ci_lb === undefined ? null : x.ci_lb * x.sd,
    ci_ub: x.ci_ub === undefined ? null : x.ci_ub * x.sd,
    sd: x.sd,
  };
}
