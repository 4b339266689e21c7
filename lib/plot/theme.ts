/**
 * Shared defaults for the Observable Plot builders in `lib/plot/`: colours, number formatting and
 * the back-transformations used on axis labels and text columns (analyses run on the analysis
 * scale, e.g. log risk ratios; the reader sees the natural scale, e.g. risk ratios).
 *
 * @example
 * import { formatNumber, formatInterval, backTransform } from "./theme.ts";
 * formatNumber(-0.0004, 2); // "0.00" (never "-0.00")
 * formatInterval(0.5, 0.2, 0.8, 2); // "0.50 [0.20, 0.80]"
 * backTransform("exp")(0); // 1
 * @module
 */
import { z } from "zod";

/**
 * Colours shared by the plot builders (readable on the notebooks' light "air" theme).
 * @example Plot.dot(rows, { x: "yi", y: "y", fill: theme.study })
 */
export const theme = {
  /** Study estimates and their intervals. */
  study: "#1f4e79",
  /** Pooled estimate (diamond). */
  summary: "#b03a2e",
  /** Prediction interval. */
  prediction: "#b03a2e",
  /** Reference (null) line. */
  refline: "#888888",
  /** Secondary text (weights, direction labels). */
  muted: "#555555",
  /** Fill of the pseudo-confidence regions of funnel plots, from the innermost level outwards. */
  contours: ["#d9e4ef", "#b7cbe0", "#93b1d0", "#6f97c0"],
  /** Font size of text columns, in pixels. */
  fontSize: 11,
} as const;

/**
 * Names of the back-transformations understood by {@link backTransform}.
 * @example Inputs.select(transformNames, { label: "Axis scale" })
 */
export const transformNames = ["none", "exp", "ilogit", "iarcsin", "tanh"] as const;

/** A back-transformation: one of {@link transformNames} or a function of one number. */
export type Transform = (typeof transformNames)[number] | ((x: number) => number);

/**
 * zod schema for a {@link Transform} option.
 * @example transformSchema.parse("exp") // "exp"
 */
export const transformSchema = z.union([
  z.enum(transformNames),
  z.custom<(x: number) => number>((v) => typeof v === "function", { message: "must be a function of one number" }),
]);

/**
 * The function behind a back-transformation name: `exp` (log ratios to ratios), `ilogit`
 * (logits to proportions), `iarcsin` (arcsine square root to proportions, sin(x)^2), `tanh`
 * (Fisher's z to r), `none` (identity). Functions are returned as they are.
 * @example backTransform("ilogit")(0) // 0.5
 */
export function backTransform(transf: Transform = "none"): (x: number) => number {
  if (typeof transf === "function") return transf;
  switch (transf) {
    case "exp":
      return Math.exp;
    case "ilogit":
      return (x) => 1 / (1 + Math.exp(-x));
    case "iarcsin":
      return (x) => Math.sin(Math.max(0, Math.min(Math.PI / 2, x))) ** 2;
    case "tanh":
      return Math.tanh;
    default:
      return (x) => x;
  }
}

/**
 * Format a number with a fixed number of decimals; never "-0.00"; non-finite values as "NA".
 * @example formatNumber(1.23456, 3) // "1.235"
 */
export function formatNumber(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return "NA";
  const s = x.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/**
 * "est [lb, ub]" as forest plots print it.
 * @example formatInterval(1, 0.5, 1.5, 1) // "1.0 [0.5, 1.5]"
 */
export function formatInterval(est: number, lb: number, ub: number, digits = 2): string {
  return `${formatNumber(est, digits)} [${formatNumber(lb, digits)}, ${formatNumber(ub, digits)}]`;
}

/**
 * Read a scalar model coefficient that may arrive as a number or a one-element array (metafor
 * returns coefficient vectors; an intercept-only model has one). Throws for longer arrays.
 * @example scalar([0.9], "beta", "forestData") // 0.9
 */
export function scalar(value: number | readonly number[], field: string, context: string): number {
  if (typeof value === "number") return value;
  if (value.length !== 1) {
    throw new Error(
      `${context}: ${field} must be a single number (an intercept-only model), got ${value.length} coefficients`,
    );
  }
  return value[0];
}

/**
 * zod schema for a scalar coefficient given as a number or a one-element array.
 * @example scalarSchema.parse([0.91]) // [0.91]
 */
export const scalarSchema = z.union([z.number().finite(), z.array(z.number().finite()).min(1)]);
