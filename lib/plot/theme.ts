/**
 * Shared defaults for the Observable Plot builders in `lib/plot/`: colours, number formatting and
 * the back-transformations used on axis labels and text columns (analyses run on the analysis
 * scale, e.g. log risk ratios; the reader sees the natural scale, e.g. risk ratios).
 *
 * Numbers are printed by `lib/format.ts` (missing or non-finite values as "–", never "NaN").
 *
 * @example
 * ```ts
 * import { axisBackTransform, formatInterval, formatNumber } from "./theme.ts";
 * if (formatNumber(-0.0004, 2) !== "0.00") throw new Error("never -0.00");
 * if (formatInterval(0.5, 0.2, 0.8, 2) !== "0.50 [0.20, 0.80]") throw new Error("interval");
 * if (axisBackTransform("exp")(0) !== 1 || axisBackTransform("ilogit")(0) !== 0.5) throw new Error("transform");
 * ```
 * @module
 */
import { fmt, fmtCI } from "../format.ts";
import { fail } from "../validate.ts";

/**
 * Colours shared by the plot builders (readable on the notebooks' light "air" theme).
 * @example Plot.dot(rows, { x: "yi", y: "y", fill: theme.study })
 */
export const theme: {
  readonly study: string;
  readonly summary: string;
  readonly prediction: string;
  readonly refline: string;
  readonly muted: string;
  readonly contours: readonly string[];
  readonly fontSize: number;
} = {
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

/** The name of a back-transformation understood by {@link axisBackTransform}. */
export type TransformName = "none" | "exp" | "ilogit" | "iarcsin" | "tanh";

/**
 * Names of the back-transformations understood by {@link axisBackTransform}.
 * @example Inputs.select(transformNames, { label: "Axis scale" })
 */
export const transformNames: readonly TransformName[] = ["none", "exp", "ilogit", "iarcsin", "tanh"];

/** A back-transformation: one of {@link transformNames} or a function of one number. */
export type Transform = TransformName | ((x: number) => number);

/**
 * The function behind a back-transformation name: `exp` (log ratios to ratios), `ilogit`
 * (logits to proportions), `iarcsin` (arcsine square root to proportions, sin(x)^2), `tanh`
 * (Fisher's z to r), `none` (identity). Functions are returned as they are. (Named apart from
 * `lib/meta`'s `backTransform`, which back-transforms a fitted model's results.)
 * @example axisBackTransform("ilogit")(0) // 0.5
 */
export function axisBackTransform(transf: Transform = "none"): (x: number) => number {
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
 * Format a number with a fixed number of decimals (`lib/format.ts`'s `fmt`): never "-0.00";
 * missing or non-finite values as "–".
 * @example formatNumber(1.23456, 3) // "1.235"
 */
export function formatNumber(x: number, digits = 2): string {
  return fmt(x, digits);
}

/**
 * "est [lb, ub]" as forest plots print it.
 * @example formatInterval(1, 0.5, 1.5, 1) // "1.0 [0.5, 1.5]"
 */
export function formatInterval(est: number, lb: number, ub: number, digits = 2): string {
  return `${fmt(est, digits)} ${fmtCI(lb, ub, digits)}`;
}

/**
 * Read a scalar model coefficient that may arrive as a number or a one-element array (metafor
 * returns coefficient vectors; an intercept-only model has one). Throws for longer arrays.
 * @example scalar([0.9], "beta", "forestData") // 0.9
 */
export function scalar(value: number | readonly number[], field: string, context: string): number {
  if (typeof value === "number") return value;
  if (value.length !== 1) {
    fail(context, field, "must be a single number (an intercept-only model)", `${value.length} coefficients`);
  }
  return value[0];
}

/**
 * A left margin wide enough for the longest of `labels` at Plot's default 10 px sans-serif
 * (about 6 px per character, plus room for the tick), between `min` and `max` pixels. Labels
 * longer than `max` allows should be shortened by the caller.
 * @example labelMargin(["Health-related quality of life"]) // 190
 */
export function labelMargin(labels: readonly string[], min = 40, max = 360): number {
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  return Math.max(min, Math.min(max, Math.ceil(longest * 6 + 10)));
}
