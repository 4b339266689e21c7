/**
 * Consistency checks for tables of reported numbers, in the spirit of statcheck: each check takes
 * plain numbers as printed, recomputes what follows from them, and returns {@link Finding}s that say
 * what was checked, the numbers, a severity and a plain-language explanation. A check that passes
 * returns no finding. {@link auditEvidence} runs every check over the seed's tables.
 *
 * Severity: `error` = the printed numbers cannot all be right; `warning` = very unlikely, or a
 * standard reading of the table fails; `note` = worth knowing (an extraction correction, a
 * convention that differs from the textbook one), not a contradiction.
 *
 * @example
 * checkEstimateInCI({ id: "x", estimate: -1.74, ci_lb: 11.23, ci_ub: 7.75 });
 * // [{ check: "estimate-in-ci", severity: "error", ... }]
 * @module
 */
import { z } from "zod";
// @ts-types="@types/d3-array"
import { sum as d3sum } from "d3-array";
import { fail, parseInput } from "../validate.ts";
import { pchisq, pnorm, pt, qnorm, qt } from "../stats/distributions.ts";
import { estimateValue, type Evidence } from "./load.ts";
import { respondersFromPercent } from "../responders/intervals.ts";

/** How serious a finding is. */
export type Severity = "error" | "warning" | "note";

/** One result of a consistency check. */
export interface Finding {
  /** The check's name, e.g. `ci-symmetry`. */
  check: string;
  /** The severity: error (cannot all be right), warning, or note. */
  severity: Severity;
  /** Ids of the rows involved. */
  ids: string[];
  /** The numbers involved (as printed and as recomputed). */
  numbers: Record<string, number | string | null>;
  /** One line: what is wrong or notable. */
  message: string;
  /** Plain-language explanation for a reader without statistics training. */
  explanation: string;
  /** Where in the seed (table id and lines), when known. */
  table_id?: string;
  /** Lines of the seed text where the numbers are printed. */
  seed_lines?: number[];
}

const num = z.number().finite();
const id = z.string().min(1);
const pOpSchema = z.enum(["=", "<", "<="]);

/** Number of decimals as printed (from the shortest JS representation). */
export function decimalsOf(x: number): number {
  const s = String(Math.abs(x));
  if (s.includes("e")) return 10;
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

// ---------------------------------------------------------------------------------------------
/** Input of {@link checkEstimateInCI}. */
export interface IntervalInput {
  /** Row id. */
  id: string;
  /** The printed estimate. */
  estimate: number;
  /** The printed lower limit. */
  ci_lb: number;
  /** The printed upper limit. */
  ci_ub: number;
}
const intervalSchema = z.object({ id, estimate: num, ci_lb: num, ci_ub: num });

/**
 * The estimate must lie inside its interval, and ci_lb <= ci_ub.
 * @example checkEstimateInCI({ id: "a", estimate: 1, ci_lb: 0.5, ci_ub: 1.5 }) // []
 */
export function checkEstimateInCI(input: IntervalInput): Finding[] {
  const { id, estimate: value, ci_lb: lower, ci_ub: upper } = parseInput(intervalSchema, input, "checkEstimateInCI");
  if (lower <= value && value <= upper) return [];
  return [{
    check: "estimate-in-ci",
    severity: "error",
    ids: [id],
    numbers: { estimate: value, ci_lb: lower, ci_ub: upper },
    message: `estimate ${value} lies outside its interval ${lower} to ${upper}`,
    explanation: lower > upper
      ? "The lower limit is above the upper limit, so at least one printed limit is wrong (often a lost minus sign)."
      : "A confidence interval is built around its estimate, so the estimate must lie between the limits; one of the three numbers is misprinted (often a lost minus sign).",
  }];
}

// ---------------------------------------------------------------------------------------------
/** Input of {@link checkCISymmetry}. */
export interface SymmetryInput extends IntervalInput {
  /** Decimals as printed; inferred from the numbers when omitted. */
  decimals?: number;
}

/**
 * A mean difference's (or SMD's) 95% CI is estimate ± 1.96·SE, so the midpoint of the limits must
 * equal the estimate within rounding (one unit of the last printed decimal). Asymmetry beyond
 * rounding is a warning; one half-width more than twice the other is an error. If the interval is
 * symmetric on the log scale instead (ratio measures), that is reported as a note.
 * @example checkCISymmetry({ id: "a", estimate: -17.84, ci_lb: -26.54, ci_ub: -0.14 })[0].severity // "error"
 */
export function checkCISymmetry(input: SymmetryInput): Finding[] {
  const p = parseInput(
    intervalSchema.extend({ decimals: z.number().int().min(0).optional() }),
    input,
    "checkCISymmetry",
  );
  const d = p.decimals ?? Math.max(decimalsOf(p.estimate), decimalsOf(p.ci_lb), decimalsOf(p.ci_ub));
  const unit = 10 ** -d;
  const mid = (p.ci_lb + p.ci_ub) / 2;
  const tol = unit * 1.0000001;
  if (Math.abs(mid - p.estimate) <= tol) return [];
  const hl = p.estimate - p.ci_lb, hu = p.ci_ub - p.estimate;
  const numbers = {
    estimate: p.estimate,
    ci_lb: p.ci_lb,
    ci_ub: p.ci_ub,
    midpoint: round(mid, d + 2),
    half_width_lower: round(hl, d + 2),
    half_width_upper: round(hu, d + 2),
    tolerance: round(tol, d + 2),
  };
  if (p.estimate > 0 && p.ci_lb > 0) {
    const lm = (Math.log(p.ci_lb) + Math.log(p.ci_ub)) / 2;
    if (Math.abs(Math.exp(lm) - p.estimate) <= tol + p.estimate * 0.01) {
      return [{
        check: "ci-symmetry",
        severity: "note",
        ids: [p.id],
        numbers,
        message: "interval is symmetric on the log scale, not the natural scale",
        explanation:
          "Ratio measures (risk or odds ratios) have intervals symmetric on the log scale; that is expected for them but not for a mean difference.",
      }];
    }
  }
  const ratio = Math.max(hl, hu) / Math.max(Math.min(hl, hu), 1e-12);
  const severe = ratio > 2 || hl < 0 || hu < 0;
  return [{
    check: "ci-symmetry",
    severity: severe ? "error" : "warning",
    ids: [p.id],
    numbers,
    message: `midpoint of the interval (${round(mid, d + 2)}) differs from the estimate ${p.estimate} by ${
      round(Math.abs(mid - p.estimate), d + 2)
    } (rounding allows ${round(tol, d + 2)})`,
    explanation: severe
      ? `A 95% CI of a mean difference is the estimate plus and minus the same margin; here the margins are ${
        round(hl, d)
      } and ${round(hu, d)}, so one limit (or the estimate) is misprinted.`
      : "A 95% CI of a mean difference is the estimate plus and minus the same margin; the small asymmetry is more than rounding alone explains.",
  }];
}

// ---------------------------------------------------------------------------------------------
/** Input of {@link checkPFromCI}. */
export interface PFromCIInput extends IntervalInput {
  /** The printed p-value. */
  pval: number;
  /** How it is qualified. */
  p_op: "=" | "<" | "<=";
  /** Degrees of freedom when the CI may be t-based (e.g. n - 2); the normal is always tried too. */
  df?: number;
  /** Decimals of the printed p (default: as printed). */
  decimals?: number;
}

/**
 * The p-value implied by an estimate and its 95% CI (SE = width / (2·1.96), z = estimate / SE,
 * two-sided; also with a t distribution when `df` is given), allowing for rounding of the printed
 * numbers, against the reported p. A mismatch that flips significance at 0.05 is an error
 * (statcheck's "decision error"), otherwise a warning.
 * @example checkPFromCI({ id: "a", estimate: 3.055, ci_lb: -0.018, ci_ub: 6.128, pval: 0.054, p_op: "=", df: 44 }) // []
 */
export function checkPFromCI(input: PFromCIInput): Finding[] {
  const p = parseInput(
    intervalSchema.extend({
      pval: z.number().min(0).max(1),
      p_op: pOpSchema,
      df: z.number().positive().optional(),
      decimals: z.number().int().min(0).optional(),
    }),
    input,
    "checkPFromCI",
  );
  const d = p.decimals ?? Math.max(decimalsOf(p.estimate), decimalsOf(p.ci_lb), decimalsOf(p.ci_ub));
  const h = 0.5 * 10 ** -d;
  const z975 = qnorm(0.975);
  // p over the rounding box of (value, lower, upper), for a normal-based and (if df) a t-based CI
  const ps: number[] = [];
  const crit: [number, number | undefined][] = [[z975, undefined]];
  if (p.df) crit.push([qt(0.975, p.df), p.df]);
  for (const [c, df] of crit) {
    for (const dv of [-h, h]) {
      for (const dl of [-h, h]) {
        for (const du of [-h, h]) {
          const se = (p.ci_ub + du - (p.ci_lb + dl)) / (2 * c);
          if (!(se > 0)) continue;
          const stat = Math.abs(p.estimate + dv) / se;
          ps.push(2 * (df ? pt(stat, df, { lower: false }) : pnorm(stat, 0, 1, { lower: false })));
        }
      }
    }
  }
  const lo = Math.min(...ps), hi = Math.max(...ps);
  const twoSided = (zv: number) => 2 * pnorm(zv, 0, 1, { lower: false });
  const rd = decimalsOf(p.pval);
  const rh = 0.5 * 10 ** -rd;
  let ok: boolean;
  if (p.p_op === "=") ok = lo <= p.pval + rh && hi >= p.pval - rh;
  else if (p.p_op === "<") ok = lo < p.pval;
  else ok = lo <= p.pval;
  if (ok) return [];
  const implied = twoSided(Math.abs(p.estimate) / ((p.ci_ub - p.ci_lb) / (2 * z975)));
  const reportedSig = p.p_op === "=" ? p.pval < 0.05 : p.pval <= 0.05;
  const impliedSig = implied < 0.05;
  return [{
    check: "p-from-ci",
    severity: reportedSig !== impliedSig ? "error" : "warning",
    ids: [p.id],
    numbers: {
      estimate: p.estimate,
      ci_lb: p.ci_lb,
      ci_ub: p.ci_ub,
      reported_p: `${p.p_op} ${p.pval}`,
      implied_p: round(implied, 5),
      implied_p_min: round(lo, 5),
      implied_p_max: round(hi, 5),
    },
    message: `reported p ${p.p_op} ${p.pval} but the estimate and CI imply p between ${round(lo, 4)} and ${
      round(hi, 4)
    }`,
    explanation: reportedSig !== impliedSig
      ? "The interval and the p-value lead to opposite conclusions about significance at 5%; one of them is misprinted."
      : "The interval and the p-value do not agree even allowing for rounding; they may come from different analyses.",
  }];
}

// ---------------------------------------------------------------------------------------------
/** Input of {@link checkQSignificance}. */
export interface QInput {
  /** Row id. */
  id: string;
  /** Cochran's Q. */
  Q: number;
  /** Its degrees of freedom. */
  df: number;
  /** `***` p < .001, `**` p < .01, `*` p < .05, `` not significant. */
  sig_mark: "" | "*" | "**" | "***";
}

/**
 * Cochran's Q with its df implies p = P(chi²_df > Q); the significance mark must match it.
 * @example checkQSignificance({ id: "a", Q: 19.98, df: 15, sig_mark: "" }) // []
 */
export function checkQSignificance(input: QInput): Finding[] {
  const p = parseInput(
    z.object({ id, Q: num.nonnegative(), df: z.number().int().positive(), sig_mark: z.enum(["", "*", "**", "***"]) }),
    input,
    "checkQSignificance",
  );
  const pv = pchisq(p.Q, p.df, { lower: false });
  const implied = pv < 0.001 ? "***" : pv < 0.01 ? "**" : pv < 0.05 ? "*" : "";
  if (implied === p.sig_mark) return [];
  return [{
    check: "q-significance",
    severity: "error",
    ids: [p.id],
    numbers: {
      Q: p.Q,
      df: p.df,
      p: Number(pv.toPrecision(4)),
      reported_mark: p.sig_mark || "none",
      implied_mark: implied || "none",
    },
    message: `Q = ${p.Q} on ${p.df} df gives p = ${pv.toPrecision(3)}, which deserves '${implied || "no mark"}', not '${
      p.sig_mark || "no mark"
    }'`,
    explanation:
      "The heterogeneity test's p-value follows from Q and its degrees of freedom; the stars printed next to it must match that p-value.",
  }];
}

// ---------------------------------------------------------------------------------------------
/** Input of {@link checkI2}. */
export interface I2Input {
  /** Row id. */
  id: string;
  /** Cochran's Q. */
  Q: number;
  /** Its degrees of freedom. */
  df: number;
  /** Reported I² in percent. */
  I2: number;
  /** Decimals of the printed I² (default: as printed). */
  decimals?: number;
}

/**
 * Recompute Higgins' I² = max(0, (Q - df) / Q) from Q and df and compare with the reported I².
 * A τ²-based I² (metafor's default with REML: τ² / (τ² + typical within-study variance)) equals the
 * Q-based value only for the DerSimonian–Laird τ²; with other estimators it can be higher or lower,
 * so a difference is a note when modest or when the reported value is lower (a τ²-based I² can be far
 * below the Q-based one, down to 0), a warning when it is more than 10 points higher, or when the
 * printed value is 100% although Q and df give less (a printed "100%" needs only I² >= 99.5%, i.e.
 * τ² >= 199 times the typical within-study variance).
 * Values outside [0, 100] are errors.
 * @example checkI2({ id: "a", Q: 584.06, df: 43, I2: 92.64 }) // []
 */
export function checkI2(input: I2Input): Finding[] {
  const p = parseInput(
    z.object({
      id,
      Q: num.nonnegative(),
      df: z.number().int().positive(),
      I2: num,
      decimals: z.number().int().min(0).optional(),
    }),
    input,
    "checkI2",
  );
  const higgins = p.Q > 0 ? Math.max(0, (p.Q - p.df) / p.Q) * 100 : 0;
  const numbers = { Q: p.Q, df: p.df, reported_I2: p.I2, higgins_I2: round(higgins, 2) };
  if (p.I2 < 0 || p.I2 > 100) {
    return [{
      check: "i2",
      severity: "error",
      ids: [p.id],
      numbers,
      message: `I² = ${p.I2}% is outside 0-100%`,
      explanation: "I² is a proportion of variance and cannot be below 0% or above 100%.",
    }];
  }
  const d = p.decimals ?? decimalsOf(p.I2);
  const tol = 0.5 * 10 ** -d + 0.005;
  if (Math.abs(p.I2 - higgins) <= tol) return [];
  const diff = p.I2 - higgins;
  // A printed value rounds to 100 at its decimals once the true I² reaches 100 - 0.5 * 10^-d
  // (a printed "100%" needs only I² >= 99.5%); a τ²-based I² = τ²/(τ² + s²) reaches that when
  // τ²/s² >= t / (1 - t) with t the threshold as a proportion (199 for "100%").
  const boundary = 100 - 0.5 * 10 ** -d;
  if (p.I2 >= boundary - 1e-9 && higgins < boundary) {
    const t = boundary / 100;
    const ratio = t / (1 - t);
    return [{
      check: "i2",
      severity: "warning",
      ids: [p.id],
      numbers: { ...numbers, printed_100_needs_I2_at_least: boundary, tau2_over_s2_needed: round(ratio, 1) },
      message: `I² = ${p.I2}% but Q and df give ${round(higgins, 2)}%; a printed ${p.I2}% needs I² >= ${boundary}%`,
      explanation: `Computed from Q and df, I² is ${
        round(higgins, 2)
      }%, which would not print as ${p.I2}%. A printed ${p.I2}% (${d} decimal${
        d === 1 ? "" : "s"
      }) needs only I² >= ${boundary}%, i.e. a τ²-based I² = τ²/(τ² + s²) with a between-cohort variance τ² of at least ${
        round(ratio, 1)
      } times the typical within-cohort variance s². That is possible with a τ²-based I² (e.g. REML) when a few cohorts have extreme effect sizes, so it is not a contradiction by itself; together with implausibly large effect sizes in the same row it points to extreme or erroneous values among the pooled cohorts.`,
    }];
  }
  const lower = diff < 0;
  const large = Math.abs(diff) > 10;
  return [{
    check: "i2",
    severity: large && !lower ? "warning" : "note",
    ids: [p.id],
    numbers,
    message: `reported I² = ${p.I2}% differs from Higgins' (Q - df)/Q = ${round(higgins, 2)}% by ${
      round(diff, 2)
    } points`,
    explanation: lower
      ? `The reported I² is lower than the Q-based value${
        large ? ", by a wide margin" : ""
      }. A τ²-based I² = τ²/(τ² + s²) (metafor's default with REML or ML) can legitimately be far below (Q - df)/Q, down to 0 when the estimated τ² is 0: Q is dominated by the most precise cohorts, while REML estimates τ² from all of them. So this is compatible with a τ²-based I² and is not by itself a misprint; the review should say which I² it reports.`
      : large
      ? "The reported I² is far above the value implied by Q and df. A τ²-based I² (e.g. with REML) can differ from the Q-based one in either direction, but a gap this large means the two numbers describe different models or one is misprinted."
      : "The reported I² is higher than the Q-based value. That is compatible with a τ²-based I² from an estimator other than DerSimonian–Laird (e.g. REML, metafor's default); it is not the textbook Higgins formula.",
  }];
}

// ---------------------------------------------------------------------------------------------
/**
 * Cochran's Q over N estimates has N - 1 degrees of freedom.
 * @example checkDf({ id: "a", N: 25, df: 25 })[0].severity // "error"
 */
export function checkDf(input: { id: string; N: number; df: number }): Finding[] {
  const p = parseInput(
    z.object({ id, N: z.number().int().positive(), df: z.number().int().nonnegative() }),
    input,
    "checkDf",
  );
  if (p.df === p.N - 1) return [];
  return [{
    check: "df",
    severity: "error",
    ids: [p.id],
    numbers: { N: p.N, df: p.df, expected_df: p.N - 1 },
    message: `df = ${p.df} but N = ${p.N} cohorts gives df = ${p.N - 1}`,
    explanation: "The heterogeneity test over N cohorts has N − 1 degrees of freedom; either N or df is misprinted.",
  }];
}

// ---------------------------------------------------------------------------------------------
/** Input of {@link checkCountsSum}. */
export interface CountsSumInput {
  /** Row id. */
  id: string;
  /** What is counted. */
  label: string;
  /** The parts, by name. */
  parts: Record<string, number>;
  /** The printed total. */
  total: number;
  /** Allowed absolute difference (default 0; use e.g. 0.1 for percentages rounded to 1 decimal). */
  tolerance?: number;
  /** Severity when the sum differs (default "error"). */
  severity?: Severity;
  /** Explanation to use instead of the default one. */
  explanation?: string;
}

/**
 * Counts (or percentages) that must add up to a total.
 * @example checkCountsSum({ id: "a", label: "direction", parts: { pos: 25, none: 4 }, total: 29 }) // []
 */
export function checkCountsSum(input: CountsSumInput): Finding[] {
  const p = parseInput(
    z.object({
      id,
      label: z.string(),
      parts: z.record(z.string(), num),
      total: num,
      tolerance: num.nonnegative().optional(),
      severity: z.enum(["error", "warning", "note"]).optional(),
      explanation: z.string().optional(),
    }),
    input,
    "checkCountsSum",
  );
  const sum = d3sum(Object.values(p.parts));
  if (Math.abs(sum - p.total) <= (p.tolerance ?? 0) + 1e-9) return [];
  return [{
    check: "counts-sum",
    severity: p.severity ?? "error",
    ids: [p.id],
    numbers: { ...p.parts, sum: round(sum, 6), total: p.total },
    message: `${p.label}: parts add up to ${round(sum, 6)}, not ${p.total}`,
    explanation: p.explanation ?? "These numbers describe parts of one whole and must add up to the reported total.",
  }];
}

// ---------------------------------------------------------------------------------------------
/** Input of {@link checkPercentOfN}. */
export interface PercentInput {
  /** Row id. */
  id: string;
  /** The printed percentage. */
  pct: number;
  /** The denominator. */
  n: number;
  /** The numerator when reported (checks k/n against pct); otherwise a GRIM test. */
  k?: number;
  /** Decimals of the printed percentage (default: as printed). */
  decimals?: number;
  /** Severity of a finding (default error). */
  severity?: Severity;
}

/**
 * A percentage of n people must be k/n for some whole k (a GRIM-style test), and, when k is
 * reported, 100·k/n must round to the reported percentage.
 * @example checkPercentOfN({ id: "a", pct: 83, n: 165, k: 137 }) // []
 */
export function checkPercentOfN(input: PercentInput): Finding[] {
  const p = parseInput(
    z.object({
      id,
      pct: num.min(0).max(100),
      n: z.number().int().positive(),
      k: z.number().int().nonnegative().optional(),
      decimals: z.number().int().min(0).optional(),
      severity: z.enum(["error", "warning", "note"]).optional(),
    }),
    input,
    "checkPercentOfN",
  );
  const d = p.decimals ?? decimalsOf(p.pct);
  const h = 0.5 * 10 ** -d + 1e-9;
  if (p.k !== undefined) {
    const exact = (100 * p.k) / p.n;
    if (Math.abs(exact - p.pct) <= h) return [];
    return [{
      check: "percent-of-n",
      severity: p.severity ?? "error",
      ids: [p.id],
      numbers: { k: p.k, n: p.n, reported_pct: p.pct, computed_pct: round(exact, 3) },
      message: `${p.k}/${p.n} = ${round(exact, 2)}%, not ${p.pct}%`,
      explanation: "The percentage should be the count divided by the total; the two do not match after rounding.",
    }];
  }
  const kLo = Math.ceil(((p.pct - h) * p.n) / 100), kHi = Math.floor(((p.pct + h) * p.n) / 100);
  if (kHi >= kLo) return [];
  const near = Math.round((p.pct * p.n) / 100);
  return [{
    check: "percent-of-n",
    severity: p.severity ?? "error",
    ids: [p.id],
    numbers: { reported_pct: p.pct, n: p.n, nearest_k: near, nearest_pct: round((100 * near) / p.n, 2) },
    message: `${p.pct}% of ${p.n} is not a whole number of people (nearest: ${near}/${p.n} = ${
      round((100 * near) / p.n, 2)
    }%)`,
    explanation:
      "A percentage of n people can only take the values 0/n, 1/n, 2/n, ...; this one cannot, so the percentage or the denominator is wrong.",
  }];
}

// ---------------------------------------------------------------------------------------------
/** The statistic kinds {@link checkMagnitude} knows. */
export type MagnitudeKind = "smd" | "smc" | "es" | "pct" | "I2" | "p" | "sd" | "n";

/**
 * Values that are impossible or implausible for their statistic type: percentages outside
 * [0, 100], p outside [0, 1], SD <= 0, n < 1 (errors); standardised effects with |x| > 50 (error:
 * not a standardised mean change of a real cohort) or |x| > 5 (warning).
 * @example checkMagnitude({ id: "a", kind: "smc", value: 4399.5 })[0].severity // "error"
 */
export function checkMagnitude(input: { id: string; kind: MagnitudeKind; value: number; label?: string }): Finding[] {
  const p = parseInput(
    z.object({
      id,
      kind: z.enum(["smd", "smc", "es", "pct", "I2", "p", "sd", "n"]),
      value: num,
      label: z.string().optional(),
    }),
    input,
    "checkMagnitude",
  );
  const v = p.value;
  const what = p.label ? `${p.label} ` : "";
  const out = (severity: Severity, message: string, explanation: string): Finding[] => [{
    check: "magnitude",
    severity,
    ids: [p.id],
    numbers: { kind: p.kind, value: v },
    message: what + message,
    explanation,
  }];
  switch (p.kind) {
    case "pct":
    case "I2":
      return v < 0 || v > 100 ? out("error", `${v}% is outside 0-100%`, "A percentage cannot lie outside 0-100.") : [];
    case "p":
      return v < 0 || v > 1 ? out("error", `p = ${v} is outside 0-1`, "A p-value is a probability.") : [];
    case "sd":
      return v <= 0 ? out("error", `SD = ${v} is not positive`, "A standard deviation is positive.") : [];
    case "n":
      return v < 1 || !Number.isInteger(v)
        ? out("error", `n = ${v} is not a count`, "A sample size is a whole number >= 1.")
        : [];
    default: {
      const a = Math.abs(v);
      if (a > 50) {
        return out(
          "error",
          `standardised effect ${v} is impossible in practice`,
          "A standardised mean change expresses change in standard deviations; real treatment effects are rarely above 2-3. A value in the hundreds or thousands means a raw score, a variance or a near-zero SD was used; it should not be in a summary of SMCs.",
        );
      }
      if (a > 5) {
        return out(
          "warning",
          `standardised effect ${v} is implausibly large`,
          "Standardised effects above 5 standard deviations almost never occur in rehabilitation trials and cohorts; check the original study (a very small SD or an error).",
        );
      }
      return [];
    }
  }
}

// ---------------------------------------------------------------------------------------------
/** Input of {@link checkMedianInRange}. */
export interface MedianRangeInput {
  /** Row id. */
  id: string;
  /** The printed median. */
  median: number;
  /** Lower end of the printed range. */
  range_lb: number;
  /** Upper end of the printed range. */
  range_ub: number;
}

/**
 * A median must lie within its range.
 * @example checkMedianInRange({ id: "a", median: 0.32, range_lb: 0, range_ub: 6.66 }) // []
 */
export function checkMedianInRange(input: MedianRangeInput): Finding[] {
  const p = parseInput(z.object({ id, median: num, range_lb: num, range_ub: num }), input, "checkMedianInRange");
  if (p.range_lb <= p.median && p.median <= p.range_ub) return [];
  return [{
    check: "median-in-range",
    severity: "error",
    ids: [p.id],
    numbers: { median: p.median, range_lb: p.range_lb, range_ub: p.range_ub },
    message: `median ${p.median} lies outside its range ${p.range_lb} to ${p.range_ub}`,
    explanation: "The median is one of the values (or between two), so it must lie between the smallest and largest.",
  }];
}

// ---------------------------------------------------------------------------------------------
/** A row for {@link checkIdenticalNumbers}: an id, a group label and the printed numbers. */
export interface TupleRow {
  /** Row id. */
  id: string;
  /** Group the numbers belong to. */
  group: string;
  /** The numbers printed for it. */
  numbers: number[];
}

/**
 * Two different groups reporting exactly the same set of two or more numbers (e.g. estimate and
 * p, or estimate and CI) is a warning: possibly a copy error, or the same studies in both groups.
 * @example checkIdenticalNumbers([{ id: "a", group: "x", numbers: [0.726, 0.004] }, { id: "b", group: "y", numbers: [0.726, 0.004] }]).length // 1
 */
export function checkIdenticalNumbers(rows: TupleRow[]): Finding[] {
  const p = parseInput(
    z.array(z.object({ id, group: z.string().min(1), numbers: z.array(num).min(2) })),
    rows,
    "checkIdenticalNumbers",
  );
  const byKey = new Map<string, { id: string; group: string }[]>();
  for (const r of p) {
    const key = r.numbers.join("|");
    byKey.set(key, [...(byKey.get(key) ?? []), { id: r.id, group: r.group }]);
  }
  const out: Finding[] = [];
  for (const [key, list] of byKey) {
    const groups = new Set(list.map((l) => l.group));
    if (groups.size < 2) continue;
    out.push({
      check: "identical-numbers",
      severity: "warning",
      ids: list.map((l) => l.id),
      numbers: { values: key.split("|").join(", "), groups: [...groups].join(" / ") },
      message: `different groups (${[...groups].join(", ")}) report identical numbers (${key.split("|").join(", ")})`,
      explanation:
        "Different groups rarely give exactly the same estimate and p-value; either the same studies make up both groups or a number was copied into the wrong place.",
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
/** One subgroup as printed: effect size and its p-value (with qualifier). */
export interface SubgroupStat {
  /** Row id. */
  id: string;
  /** The subgroup's effect size. */
  es: number;
  /** Its p-value. */
  pval: number;
  /** How the p-value is qualified. */
  p_op: "=" | "<" | "<=";
}

/** Bounds on the SE implied by an estimate and its two-sided p (with rounding of p). */
export function seBoundsFromP(es: number, p: number, op: "=" | "<" | "<="): { lo: number; hi: number } {
  const a = Math.abs(es);
  if (a === 0) return { lo: 0, hi: Infinity };
  const zOf = (pp: number) => qnorm(Math.min(Math.max(pp, 1e-300), 1) / 2, 0, 1, { lower: false });
  if (op === "=") {
    const h = 0.5 * 10 ** -decimalsOf(p);
    const zHi = zOf(Math.max(p - h, 1e-300)), zLo = zOf(Math.min(p + h, 1));
    return { lo: a / zHi, hi: zLo > 0 ? a / zLo : Infinity };
  }
  return { lo: 0, hi: a / zOf(p) };
}

/**
 * Can the reported p of a subgroup difference follow from the two subgroups' estimates and p-values
 * under an independent z-test? Each p gives bounds on that subgroup's SE; the difference's SE is
 * sqrt(SE_a² + SE_b²), which bounds the p of the difference. A reported p outside those bounds is a
 * warning (another test, e.g. a mixed-effects Q-test with a common τ², would have to have been used).
 * @example checkSubgroupDifference({ id: "t", a: { id: "a", es: 0.726, pval: 0.004, p_op: "=" }, b: { id: "b", es: 0.572, pval: 0.001, p_op: "<" }, pval: 0.3223, p_op: "=" })[0].severity // "warning"
 */
export function checkSubgroupDifference(input: {
  id: string;
  a: SubgroupStat;
  b: SubgroupStat;
  pval: number;
  p_op: "=" | "<" | "<=";
}): Finding[] {
  const sg = z.object({ id, es: num, pval: z.number().gt(0).max(1), p_op: pOpSchema });
  const p = parseInput(
    z.object({ id, a: sg, b: sg, pval: z.number().min(0).max(1), p_op: pOpSchema }),
    input,
    "checkSubgroupDifference",
  );
  const A = seBoundsFromP(p.a.es, p.a.pval, p.a.p_op), B = seBoundsFromP(p.b.es, p.b.pval, p.b.p_op);
  const diff = Math.abs(p.a.es - p.b.es);
  const seLo = Math.hypot(A.lo, B.lo), seHi = Math.hypot(A.hi, B.hi);
  const pOf = (se: number) => (se === 0 ? 0 : !Number.isFinite(se) ? 1 : 2 * pnorm(diff / se, 0, 1, { lower: false }));
  const pMin = pOf(seLo), pMax = pOf(seHi);
  const h = p.p_op === "=" ? 0.5 * 10 ** -decimalsOf(p.pval) : 0;
  const ok = p.p_op === "=" ? pMin <= p.pval + h && pMax >= p.pval - h : pMin < p.pval;
  if (ok) return [];
  return [{
    check: "subgroup-difference",
    severity: "warning",
    ids: [p.id, p.a.id, p.b.id],
    numbers: {
      es_a: p.a.es,
      p_a: `${p.a.p_op} ${p.a.pval}`,
      es_b: p.b.es,
      p_b: `${p.b.p_op} ${p.b.pval}`,
      difference: round(diff, 4),
      se_a_min: round(A.lo, 4),
      se_a_max: round(A.hi, 4),
      se_b_min: round(B.lo, 4),
      se_b_max: round(B.hi, 4),
      implied_p_min: round(pMin, 4),
      implied_p_max: round(pMax, 4),
      reported_p: `${p.p_op} ${p.pval}`,
    },
    message:
      `reported p ${p.p_op} ${p.pval} for the difference, but the subgroups' estimates and p-values allow only p between ${
        round(pMin, 3)
      } and ${round(pMax, 3)} under an independent z-test`,
    explanation:
      "Each subgroup's p-value tells how precise its estimate is. Here the less precise subgroup alone makes the difference too uncertain for the reported p; the reported test cannot be a simple comparison of the two independent subgroup estimates.",
  }];
}

// ---------------------------------------------------------------------------------------------
/**
 * Significance-mark legends must use "<" (p < .05 gets one star); a legend written with ">" says
 * the opposite of what the marks mean.
 * @example checkSignificanceLegend({ id: "t", legend: "*p < .05; **p < .01; ***p < .001" }) // []
 */
export function checkSignificanceLegend(input: { id: string; legend: string }): Finding[] {
  const p = parseInput(z.object({ id, legend: z.string() }), input, "checkSignificanceLegend");
  const wrong = [...p.legend.matchAll(/\*+\s*p\s*>\s*\.?\d+/g)].map((m) => m[0]);
  if (!wrong.length) return [];
  return [{
    check: "significance-legend",
    severity: "warning",
    ids: [p.id],
    numbers: { legend: p.legend },
    message: `legend reads '${p.legend}': the inequality points the wrong way`,
    explanation:
      "Stars mark small p-values (p < .05, < .01, < .001). Read literally, '***p > .001' would mean the starred tests are the least significant; the legend must be read with '<'.",
  }];
}

// ---------------------------------------------------------------------------------------------
/**
 * Two reports of the same quantity (e.g. the same cohort's pre-post n in two papers) should agree.
 * @example checkSameQuantity({ id: "x", label: "n", a: { id: "a", value: 149 }, b: { id: "b", value: 137 } })[0].severity // "note"
 */
export function checkSameQuantity(input: {
  id: string;
  label: string;
  a: { id: string; value: number };
  b: { id: string; value: number };
  severity?: Severity;
  explanation?: string;
}): Finding[] {
  const v = z.object({ id, value: num });
  const p = parseInput(
    z.object({
      id,
      label: z.string(),
      a: v,
      b: v,
      severity: z.enum(["error", "warning", "note"]).optional(),
      explanation: z.string().optional(),
    }),
    input,
    "checkSameQuantity",
  );
  if (p.a.value === p.b.value) return [];
  return [{
    check: "same-quantity",
    severity: p.severity ?? "note",
    ids: [p.a.id, p.b.id],
    numbers: { [p.a.id]: p.a.value, [p.b.id]: p.b.value },
    message: `${p.label}: ${p.a.value} vs ${p.b.value}`,
    explanation: p.explanation ?? "The same quantity is reported twice with different values.",
  }];
}

// ---------------------------------------------------------------------------------------------
/**
 * A note for each number whose text extraction was corrected (raw text and corrected value).
 * @example correctionNotes(ev.estimates.filter((e) => e.corrected)).length
 */
export function correctionNotes(
  rows: { id: string; raw: string; note: string; corrected: boolean; value?: number | null }[],
): Finding[] {
  return rows.filter((r) => r.corrected).map((r) => ({
    check: "extraction-correction",
    severity: "note" as const,
    ids: [r.id],
    numbers: { raw: r.raw, value: r.value ?? null },
    message: `text extraction corrected: '${r.raw}'`,
    explanation: `The text extracted from the PDF reads '${r.raw}'; the data hold the corrected value. ${r.note}`,
  }));
}

// ---------------------------------------------------------------------------------------------
/**
 * Denominators the audit assumes for percentages whose n the seed does not state next to them
 * (the study's total or analysed n). Findings from these are notes, never errors.
 */
export const AUDIT_DENOMINATORS: { n_id: string; pct_ids: string[]; reason: string }[] = [
  {
    n_id: "nicholas2012-n",
    pct_ids: ["nicholas2012-responders", "nicholas2012-sites", "nicholas2012-employed", "nicholas2012-unemployed"],
    reason: "all 567 patients; characteristics with missing answers would have a smaller denominator.",
  },
  {
    n_id: "meesters2016-n-prepost",
    pct_ids: ["meesters2016-resp-copm-perf", "meesters2016-resp-copm-sat"],
    reason: "the 149 patients with pre-post data.",
  },
  {
    n_id: "meesters2016-n",
    pct_ids: ["meesters2016-pain5y", "meesters2016-medication"],
    reason: "all 165 patients.",
  },
  {
    n_id: "volker2017-n-prepost",
    pct_ids: ["volker2017-resp-pdi-post"],
    reason: "the 137 patients with pre-post data.",
  },
  { n_id: "volker2017-n-24m", pct_ids: ["volker2017-resp-pdi-24m"], reason: "the 120 patients seen at 24 months." },
];

/** Estimates whose CI may be t-based: the row holding the study n (df = n - 2). */
export const AUDIT_T_DF: Record<string, string> = {
  "denhollander2016-ue-post": "denhollander2016-n",
  "denhollander2016-ue-fu6": "denhollander2016-n",
  "denhollander2016-le-fu6": "denhollander2016-n",
  "denhollander2016-le-post": "denhollander2016-n",
};

type Located = Finding & { table_id?: string; seed_lines?: number[] };

/**
 * Run every check over the seed's evidence tables and return all findings, each tagged with its
 * table and seed lines, in a stable order (table, then check, then ids).
 * @example const findings = auditEvidence(ev); findings.filter((f) => f.severity === "error")
 */
export function auditEvidence(ev: Evidence): Finding[] {
  const out: Located[] = [];
  const lineOf = new Map<string, { table_id: string; line: number }>();
  for (const e of ev.estimates) lineOf.set(e.id, { table_id: e.table_id, line: e.seed_line });
  for (const r of ev.smc) lineOf.set(r.id, { table_id: r.table_id, line: r.seed_line });
  for (const r of ev.directions) lineOf.set(`direction-${r.id}`, { table_id: r.table_id, line: r.seed_line });
  for (const r of ev.subgroups) lineOf.set(r.id, { table_id: r.table_id, line: r.seed_line });
  for (const r of ev.subgroupTests) lineOf.set(r.id, { table_id: r.table_id, line: r.seed_line });
  const push = (fs: Finding[], table_id?: string) => {
    for (const f of fs) {
      const locs = f.ids.map((i) => lineOf.get(i)).filter((x) => x !== undefined);
      out.push({
        ...f,
        table_id: table_id ?? locs[0]?.table_id,
        seed_lines: [...new Set(locs.map((l) => l.line))].sort((a, b) => a - b),
      });
    }
  };

  const v = (id: string) => estimateValue(ev, id);
  // 1. intervals of estimates (md, smd with ci95)
  for (const e of ev.estimates) {
    if (e.interval === "ci95" && e.value !== null && e.lower !== null && e.upper !== null) {
      const iv = { id: e.id, estimate: e.value, ci_lb: e.lower, ci_ub: e.upper };
      push(checkEstimateInCI(iv));
      push(checkCISymmetry(iv));
      if (e.p_value !== null && e.p_op !== "") {
        const nId = AUDIT_T_DF[e.id];
        push(checkPFromCI({ ...iv, pval: e.p_value, p_op: e.p_op, df: nId ? v(nId) - 2 : undefined }));
      }
    }
    if (e.interval === "range" && e.value !== null && e.lower !== null && e.upper !== null && e.statistic !== "mean") {
      push(checkMedianInRange({ id: e.id, median: e.value, range_lb: e.lower, range_ub: e.upper }));
    }
    if (e.statistic === "pct" || e.statistic === "pct_responders") {
      push(checkMagnitude({ id: e.id, kind: "pct", value: e.value! }));
    }
    if (e.statistic === "sd") push(checkMagnitude({ id: e.id, kind: "sd", value: e.value! }));
    if ((e.statistic === "es" || e.statistic === "smd") && e.value !== null) {
      push(checkMagnitude({ id: e.id, kind: "es", value: e.value }));
    }
  }
  push(correctionNotes(ev.estimates.map((e) => ({ ...e }))));
  push(correctionNotes(ev.smc.map((r) => ({ ...r, value: r.mdn_smc }))));

  // 2. counts that must add up
  push(checkCountsSum({
    id: "smeets2006-n",
    label: "Smeets 2006: arm sizes CT + CBT + APT + WLC vs 223 patients",
    parts: {
      CT: v("smeets2006-n-ct"),
      CBT: v("smeets2006-n-cbt"),
      APT: v("smeets2006-n-apt"),
      WLC: v("smeets2006-n-wlc"),
    },
    total: v("smeets2006-n"),
    severity: "warning",
    explanation:
      "The four arms should add up to the 223 patients in the study; they add up to 222. One patient may have been excluded after randomisation, but the table does not say so. (The three active arms, 172, do match Smeets 2009.)",
  }));
  push(checkCountsSum({
    id: "smeets2009-n",
    label: "Smeets 2009: 172 patients vs active arms of Smeets 2006 (CT + CBT + APT)",
    parts: { CT: v("smeets2006-n-ct"), CBT: v("smeets2006-n-cbt"), APT: v("smeets2006-n-apt") },
    total: v("smeets2009-n"),
  }));
  push(checkCountsSum({
    id: "dejong2008-n",
    label: "de Jong 2008: male + female vs 8 patients",
    parts: { male: v("dejong2008-male"), female: v("dejong2008-female") },
    total: v("dejong2008-n"),
  }));
  push(checkCountsSum({
    id: "dejong2005-n",
    label: "de Jong 2005: CRPS-I locations vs 8 patients",
    parts: {
      right_lower: v("dejong2005-loc-right-lower"),
      left_lower: v("dejong2005-loc-left-lower"),
      right_upper: v("dejong2005-loc-right-upper"),
      left_upper: v("dejong2005-loc-left-upper"),
    },
    total: v("dejong2005-n"),
  }));
  push(checkCountsSum({
    id: "denhollander2018-share-health",
    label: "Den Hollander 2018: shares of the cost saving",
    parts: { health: v("denhollander2018-share-health"), society: v("denhollander2018-share-society") },
    total: 100,
  }));
  push(checkCountsSum({
    id: "elbers2022-update-prefu-pos",
    label: "4c text: positive + no effect + adverse (pre to final follow-up)",
    parts: {
      positive: v("elbers2022-update-prefu-pos"),
      none: v("elbers2022-update-prefu-none"),
      adverse: v("elbers2022-update-adverse-pct"),
    },
    total: 100,
    tolerance: 0.15,
  }));
  push(checkCountsSum({
    id: "elbers2022-update-prepost-pos",
    label: "4c text: positive + no effect (pre-post)",
    parts: { positive: v("elbers2022-update-prepost-pos"), none: v("elbers2022-update-prepost-none") },
    total: 100,
    tolerance: 0.15,
    severity: "note",
    explanation:
      "82.6% positive and 17% without effect leave 0.4% unaccounted for; that would be the share of significantly adverse pre-post SMCs (about 1 of 253), which the text does not state.",
  }));
  // follow-up n vs percentages (Volker 2017)
  for (
    const [nId, pctId] of [
      ["volker2017-n-prepost", "volker2017-pct-prepost"],
      ["volker2017-n-12m", "volker2017-pct-12m"],
      ["volker2017-n-24m", "volker2017-pct-24m"],
    ]
  ) push(checkPercentOfN({ id: pctId, pct: v(pctId), n: v("volker2017-n"), k: v(nId) }));
  // responder / characteristic percentages against the study's n (GRIM); the seed does not state
  // these denominators, so the audit's reading is listed in AUDIT_DENOMINATORS and findings are notes
  for (const dn of AUDIT_DENOMINATORS) {
    for (const pctId of dn.pct_ids) {
      push(
        checkPercentOfN({ id: pctId, pct: v(pctId), n: v(dn.n_id), severity: "note" }).map((f) => ({
          ...f,
          explanation: `${f.explanation} The denominator (${dn.n_id} = ${
            v(dn.n_id)
          }) is the audit's reading: ${dn.reason}`,
        })),
      );
    }
  }
  // Timmers 2021: 60% with an unstated denominator; every n the seed prints for the study is a candidate
  const t60 = v("timmers2021-responders");
  const candidates = [
    ["timmers2021-n-enrolled", "enrolled"],
    ["timmers2021-n-completed", "who completed EXP"],
    ["timmers2021-n-fu6", "with 6-month follow-up"],
    ["timmers2021-n-fu6-mri", "with 6-month MRI data"],
  ].map(([nid, what]) => {
    const n = v(nid);
    return { nid, what, n, k: respondersFromPercent(t60, n) };
  });
  const fits = candidates.filter((c) => c.k !== null);
  const misfits = candidates.filter((c) => c.k === null);
  if (misfits.length) {
    const frac = (c: { n: number; k: number | null }) => `${c.k}/${c.n}`;
    push([{
      check: "percent-of-n",
      severity: "note",
      ids: ["timmers2021-responders"],
      numbers: {
        reported_pct: t60,
        ...Object.fromEntries(candidates.map((c) => [`n_${c.what.replace(/\W+/g, "_")}`, c.n])),
        fitting_denominators: fits.map((c) => c.n).join(", "),
      },
      message: `${t60}% is not a whole number of ${misfits.map((c) => `the ${c.n} ${c.what}`).join(" or ")}; it is of ${
        fits.map((c) => `the ${c.n} ${c.what} (${frac(c)})`).join(" and of ")
      }`,
      explanation: `The denominator of the ${t60}% is not stated. ${
        misfits.map((c) =>
          `It cannot be the ${c.n} ${c.what} (${Math.floor((t60 * c.n) / 100)}/${c.n} = ${
            round((100 * Math.floor((t60 * c.n) / 100)) / c.n, 1)
          }%, ${Math.ceil((t60 * c.n) / 100)}/${c.n} = ${round((100 * Math.ceil((t60 * c.n) / 100)) / c.n, 1)}%)`
        ).join("; ")
      }. ${
        fits.length > 1
          ? `Several printed numbers give exactly ${t60}% (${
            fits.map((c) => `${frac(c)} ${c.what}`).join(", ")
          }; e.g. an intention-to-treat count with non-completers as non-responders would use all enrolled), so the percentage alone does not tell which denominator was used.`
          : fits.length === 1
          ? `Only the ${fits[0].n} ${fits[0].what} give exactly ${t60}% (${frac(fits[0])}).`
          : "No printed number of patients gives it."
      }`,
    }]);
  }
  push(checkSameQuantity({
    id: "cohort-prepost-n",
    label: "Meesters 2016 and Volker 2017 (same cohort of 165): pre-post n",
    a: { id: "meesters2016-n-prepost", value: v("meesters2016-n-prepost") },
    b: { id: "volker2017-n-prepost", value: v("volker2017-n-prepost") },
    explanation:
      "Both papers describe the same 165 patients, yet report 149 and 137 patients with pre-post data. Different definitions of completeness (per outcome) can explain it; the table does not say.",
  }));

  // 3. SMC review table
  for (const r of ev.smc) {
    if (r.df !== null) push(checkDf({ id: r.id, N: r.n_cohorts, df: r.df }));
    if (r.Q !== null && r.df !== null) {
      push(checkQSignificance({ id: r.id, Q: r.Q, df: r.df, sig_mark: r.sig_mark }));
      if (r.I2 !== null) push(checkI2({ id: r.id, Q: r.Q, df: r.df, I2: r.I2 }));
    }
    if (r.range_lb !== null && r.range_ub !== null) {
      push(checkMedianInRange({ id: r.id, median: r.mdn_smc, range_lb: r.range_lb, range_ub: r.range_ub }));
      for (const [k, x] of [["range minimum", r.range_lb], ["range maximum", r.range_ub]] as const) {
        push(checkMagnitude({ id: r.id, kind: "smc", value: x, label: `${r.domain}, ${r.period}, ${k}:` }));
      }
    }
    push(checkMagnitude({ id: r.id, kind: "smc", value: r.mdn_smc, label: `${r.domain}, ${r.period}, median:` }));
  }
  const legend = ev.tables.find((t) => t.table_id === "4c-smc")?.legend ?? "";
  push(checkSignificanceLegend({ id: "4c-smc-legend", legend }), "4c-smc");
  // direction counts vs N (pre-final follow-up)
  for (const [i, d] of ev.directions.entries()) {
    const row = ev.smc.find((r) => r.domain === d.domain && r.period === "pre-final follow-up");
    if (!row) {
      fail(
        "smc_direction.csv",
        `row ${i + 1} (line ${i + 2}), column domain`,
        "must name a domain that has a pre-final follow-up row in smc_review.csv",
        d.domain,
      );
    }
    push(checkCountsSum({
      id: `direction-${d.id}`,
      label: `${d.domain}: direction-of-effect counts vs N (pre-final follow-up)`,
      parts: { positive: d.n_positive, no_effect: d.n_no_effect, adverse: d.n_adverse },
      total: row.n_cohorts,
    }));
  }
  // direction totals vs the text's percentages
  const totalN = ev.directions.reduce((s, d) => s + d.n_positive + d.n_no_effect + d.n_adverse, 0);
  const sum = (k: "n_positive" | "n_no_effect" | "n_adverse") => ev.directions.reduce((s, d) => s + d[k], 0);
  push(
    checkPercentOfN({
      id: "elbers2022-update-prefu-pos",
      pct: v("elbers2022-update-prefu-pos"),
      n: totalN,
      k: sum("n_positive"),
    }),
  );
  push(
    checkPercentOfN({
      id: "elbers2022-update-prefu-none",
      pct: v("elbers2022-update-prefu-none"),
      n: totalN,
      k: sum("n_no_effect"),
    }),
  );
  push(
    checkPercentOfN({
      id: "elbers2022-update-adverse-pct",
      pct: v("elbers2022-update-adverse-pct"),
      n: totalN,
      k: sum("n_adverse"),
    }),
  );
  push(checkCountsSum({
    id: "elbers2022-update-adverse-count",
    label: "4c text: five adverse SMCs vs the table's '-' counts",
    parts: Object.fromEntries(ev.directions.filter((d) => d.n_adverse > 0).map((d) => [d.domain, d.n_adverse])),
    total: v("elbers2022-update-adverse-count"),
  }));
  const hq = ev.directions.find((d) => d.id === "hrqol")!;
  push(checkPercentOfN({
    id: "elbers2022-update-hrqol-pos",
    pct: v("elbers2022-update-hrqol-pos"),
    n: hq.n_positive + hq.n_no_effect + hq.n_adverse,
    k: hq.n_positive,
  }));

  // 4. subgroups
  push(
    checkIdenticalNumbers(
      ev.subgroups.map((s) => ({ id: s.id, group: `${s.factor}: ${s.level}`, numbers: [s.es, s.p_value] })),
    ),
  );
  for (const [i, t] of ev.subgroupTests.entries()) {
    const a = ev.subgroups.find((s) => s.factor === t.factor && s.level === t.level_a);
    const b = ev.subgroups.find((s) => s.factor === t.factor && s.level === t.level_b);
    if (!a || !b) {
      fail(
        "smc_subgroup_tests.csv",
        `row ${i + 1} (line ${i + 2}), column ${a ? "level_b" : "level_a"}`,
        `must name a level of factor ${t.factor} in smc_subgroups.csv`,
        a ? t.level_b : t.level_a,
      );
    }
    const sg = (s: typeof a) => ({ id: s.id, es: s.es, pval: s.p_value, p_op: s.p_op as "=" | "<" | "<=" });
    push(checkSubgroupDifference({ id: t.id, a: sg(a), b: sg(b), pval: t.p_value, p_op: t.p_op as "=" | "<" | "<=" }));
  }
  // identical estimate + CI tuples across different contrasts within the RCT tables
  push(checkIdenticalNumbers(
    ev.estimates.filter((e) => e.interval === "ci95" && e.value !== null).map((e) => ({
      id: e.id,
      group: `${e.study_id}: ${e.outcome} ${e.contrast} ${e.timepoint}`,
      numbers: [e.value!, e.lower!, e.upper!],
    })),
  ));

  const sevRank: Record<Severity, number> = { error: 0, warning: 1, note: 2 };
  return out.sort((x, y) =>
    (x.table_id ?? "").localeCompare(y.table_id ?? "") || sevRank[x.severity] - sevRank[y.severity] ||
    x.check.localeCompare(y.check) || x.ids.join().localeCompare(y.ids.join())
  );
}

/**
 * Count findings by severity and by check.
 * @example summarizeFindings(findings).bySeverity.error
 */
export function summarizeFindings(findings: Finding[]): {
  total: number;
  bySeverity: Record<Severity, number>;
  byCheck: Record<string, number>;
} {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const byCheck: Record<string, number> = {};
  for (const f of findings) {
    bySeverity[f.severity]++;
    byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
  }
  return { total: findings.length, bySeverity, byCheck };
}
