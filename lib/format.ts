/**
 * One formatter for numbers, p-values, intervals, percentages and missing values, used by the
 * CLIs, the plots and the notebooks, so that every surface prints the same thing.
 *
 * Missing values (`null`, `undefined`, NaN, ±Infinity) print as {@link MISSING} ("–"), never as
 * "NaN" or "null". p-values print as APA does without the leading zero dropped: `0.0123`,
 * `< 0.0001` (never "p = < 0.0001": use {@link fmtPEq} for that).
 *
 * @example
 * ```ts
 * import { fmt, fmtP, fmtPEq, fmtCI } from "./format.ts";
 * if (fmt(1.23456, 2) !== "1.23") throw new Error("fmt");
 * if (fmt(NaN) !== "–") throw new Error("missing");
 * if (fmtP(0.00001) !== "< 0.0001") throw new Error("small p");
 * if (fmtPEq(0.00001) !== "p < 0.0001" || fmtPEq(0.04) !== "p = 0.0400") throw new Error("p =");
 * if (fmtCI(0.1, 0.5, 2) !== "[0.10, 0.50]") throw new Error("ci");
 * ```
 * @module
 */

/** What a missing or non-finite value prints as. */
export const MISSING = "–";

function isNum(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/** A number with `digits` decimals; missing or non-finite values print as {@link MISSING}. */
export function fmt(x: number | null | undefined, digits = 4): string {
  if (!isNum(x)) return MISSING;
  const s = x.toFixed(digits);
  // "-0.000" is zero
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A p-value with 4 decimals, or `< 0.0001` (the smallest printed value is set by `digits`). */
export function fmtP(p: number | null | undefined, digits = 4): string {
  if (!isNum(p)) return MISSING;
  const floor = Math.pow(10, -digits);
  if (p < floor) return `< ${floor.toFixed(digits)}`;
  return p.toFixed(digits);
}

/** `p = 0.0123` or `p < 0.0001`. */
export function fmtPEq(p: number | null | undefined, digits = 4): string {
  const s = fmtP(p, digits);
  if (s === MISSING) return `p ${MISSING}`;
  return s.startsWith("<") ? `p ${s}` : `p = ${s}`;
}

/** An interval as `[lb, ub]`; either end missing prints as {@link MISSING}. */
export function fmtCI(lb: number | null | undefined, ub: number | null | undefined, digits = 4): string {
  return `[${fmt(lb, digits)}, ${fmt(ub, digits)}]`;
}

/** A proportion as a percentage (`0.123` → `12.3%`). */
export function fmtPct(x: number | null | undefined, digits = 1): string {
  return isNum(x) ? `${(x * 100).toFixed(digits)}%` : MISSING;
}

/** A rate over `n` units, or "not available (n = 0)" when there are none: never "0.0 %" of nothing. */
export function fmtRate(x: number | null | undefined, n: number, digits = 1): string {
  if (!(n > 0)) return "not available (n = 0)";
  return `${fmtPct(x, digits)} (n = ${n})`;
}

/** A Monte Carlo estimate with its MCSE: `0.812 ± 0.012`. */
export function fmtMcse(x: number | null | undefined, mcse: number | null | undefined, digits = 3): string {
  if (!isNum(x)) return MISSING;
  return isNum(mcse) ? `${fmt(x, digits)} ± ${fmt(mcse, digits)}` : fmt(x, digits);
}

/** A confidence level in percent as a label: `95% CI`. */
export function fmtLevel(level: number, what = "CI"): string {
  const pct = level > 0 && level < 1 ? level * 100 : level;
  return `${Number(pct.toFixed(4))}% ${what}`;
}

/** A number with significant digits for tables where magnitudes vary (`1.23e-6`, `1234`). */
export function fmtSig(x: number | null | undefined, sig = 3): string {
  if (!isNum(x)) return MISSING;
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e6) return String(Number(x.toPrecision(sig)));
  return x.toExponential(sig - 1);
}
