/**
 * The conventions every engine follows, written once.
 *
 * - **Confidence level** is a percentage. As in metafor, a proportion below 1 is read as a
 *   percentage (`level: 0.95` means 95 %); {@link normalizeLevel} does this and rejects anything
 *   else (0, 100, negative, NaN).
 * - **Intervals** have one shape, {@link Interval}: `estimate, ci_lb, ci_ub, level`.
 * - **p-values** are called `pval`, Monte Carlo standard errors `mcse`.
 * - **Direction**: one {@link Improvement} type, `"increase" | "decrease"` (which direction of the
 *   raw score is better).
 * - **Randomness**: every random function takes a required `seed` ({@link seedSchema}).
 * - **Errors**: one class, `ValidationError` (in `lib/validate.ts`), naming tool, field, 1-based
 *   row and rule.
 *
 * @example
 * ```ts
 * import { normalizeLevel, alphaOf } from "./conventions.ts";
 * if (normalizeLevel(0.95) !== 95 || normalizeLevel(95) !== 95) throw new Error("level");
 * if (Math.abs(alphaOf(90) - 0.1) > 1e-15) throw new Error("alpha");
 * ```
 * @module
 */
import { fail } from "./validate.ts";

export { type Issue, ValidationError } from "./validate.ts";

/** Which direction of the raw score is an improvement (pain and disability: `"decrease"`). */
export type Improvement = "increase" | "decrease";

/** The values of {@link Improvement}, in a fixed order. */
export const IMPROVEMENTS: readonly Improvement[] = ["increase", "decrease"];

/** An estimate with its confidence interval, the one interval shape used by every engine. */
export interface Interval {
  /** The point estimate. */
  estimate: number;
  /** Lower bound of the confidence interval. */
  ci_lb: number;
  /** Upper bound of the confidence interval. */
  ci_ub: number;
  /** Confidence level in percent (e.g. 95). */
  level: number;
}

/** The field names of {@link Interval}, for tests and generic table code. */
export const INTERVAL_FIELDS: readonly (keyof Interval)[] = ["estimate", "ci_lb", "ci_ub", "level"];

/**
 * Read a confidence level as metafor does: a number in (0, 1) is a proportion and is turned into
 * a percentage; a number in [1, 100) is a percentage. Anything else is a `ValidationError` naming
 * `tool` and `field`.
 *
 * @example
 * ```ts
 * import { normalizeLevel } from "./conventions.ts";
 * if (normalizeLevel(0.9) !== 90) throw new Error("0.9 is 90 %");
 * if (normalizeLevel(99.8) !== 99.8) throw new Error("percent stays");
 * ```
 */
export function normalizeLevel(level: number, tool = "level", field = "level"): number {
  if (typeof level !== "number" || !Number.isFinite(level)) {
    fail(tool, field, "must be a finite number (a percentage such as 95, or a proportion such as 0.95)", level);
  }
  if (level > 0 && level < 1) return level * 100;
  if (level >= 1 && level < 100) return level;
  return fail(tool, field, "must be a percentage in [1, 100) or a proportion in (0, 1)", level);
}

/** Two-sided α of a confidence level given in percent or as a proportion (95 or 0.95 → 0.05). */
export function alphaOf(level: number, tool = "level", field = "level"): number {
  return 1 - normalizeLevel(level, tool, field) / 100;
}

/**
 * Results may carry warnings: things the user must know but that do not stop the analysis (a
 * study dropped for a missing value, a quantity that underflowed). Each names what it is about.
 */
export interface WithWarnings {
  /** Human-readable warnings, each naming the tool, field and row concerned. */
  warnings: string[];
}

/**
 * Build an {@link Interval}; every bound must be finite (a non-finite bound is a bug or an
 * overflow, never a result).
 */
export function interval(estimate: number, ci_lb: number, ci_ub: number, level: number, tool = "interval"): Interval {
  for (const [name, v] of [["estimate", estimate], ["ci_lb", ci_lb], ["ci_ub", ci_ub]] as const) {
    if (!Number.isFinite(v)) fail(tool, name, "is not a finite number (overflow or undefined quantity)", v);
  }
  return { estimate, ci_lb, ci_ub, level: normalizeLevel(level, tool) };
}
