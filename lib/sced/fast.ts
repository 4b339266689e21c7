/**
 * Fast randomisation tests for multiple-baseline (and AB) designs with mean-difference statistics,
 * and seeded AR(1) simulation: the validated public entry points of the fast paths in `_fast.ts`,
 * for callers that run thousands of tests (power analysis, the design simulator).
 *
 * Conventions are those of `randomizationTest` (test.ts): exact p = #(stat ≥ observed − tol) /
 * #assignments (observed included); Monte Carlo p = (k + 1)/(M + 1); statistic of an MBD = mean
 * over participants; missing values (null or NaN) stay in place.
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import {
  ar1Into,
  createFastRandom,
  DEFAULT_TOLERANCE,
  mbdExactCore,
  mbdMonteCarloCore,
  type MbdScheme,
  type MeanStatistic,
  prepareMbd,
} from "./_fast.ts";
import { scedSeed, scedValue } from "./_schemas.ts";

const fastSchema = z.object({
  values: z.array(z.array(scedValue().nullable()).min(2)).min(1),
  scheme: z.enum(["wampold-worsham", "koehler-levin", "marascuilo-busk"]),
  starts: z.array(z.array(z.number().int().min(2)).min(1)).min(1),
  observed: z.array(z.number().int().min(2)).min(1),
  statistic: z.enum(["A-B", "B-A", "|A-B|"]).optional(),
  draws: z.number().int().min(1).max(1e9).optional(),
  seed: scedSeed().optional(),
  exact: z.boolean().optional(),
  tolerance: z.number().min(0).max(1e-3).optional(),
}).strict();

/** Input of {@link mbdTestFast}. */
export interface MbdFastInput {
  /** One series per participant (null or NaN = missing, kept in place). */
  values: (number | null)[][] | Float64Array[];
  /** Randomisation scheme (see `ScedDesign`, type `"MBD"`). */
  scheme: "wampold-worsham" | "koehler-levin" | "marascuilo-busk";
  /** Start sets: per tier (WW: one start each; KL) or per participant (MB); 1-based. */
  starts: number[][];
  /** Observed start of B per participant (1-based). */
  observed: number[];
  /** Mean-difference statistic (default "A-B": improvement is a decrease). */
  statistic?: "A-B" | "B-A" | "|A-B|";
  /** Monte Carlo draws (ignored when exact). Default 1000. */
  draws?: number;
  /** Seed of the Monte Carlo stream (required unless exact). */
  seed?: number;
  /** Full enumeration instead of Monte Carlo. */
  exact?: boolean;
  /** Relative tie tolerance (default 1e-10). */
  tolerance?: number;
}

/** Result of {@link mbdTestFast}. */
export interface MbdFastResult {
  /** Observed statistic (mean over participants of each participant's mean difference). */
  observed: number;
  /** Exact p (k / n) or Monte Carlo p ((k + 1) / (n + 1)). */
  pval: number;
  /** Number of statistics >= observed − tol (exact: including the observed; MC: among the draws). */
  k: number;
  /** MC draws, or the number of assignments for exact. */
  n: number;
  /** How p was computed. */
  method: "exact" | "monte-carlo";
}

/**
 * Multiple-baseline (or, with one participant, AB) randomisation test for mean differences, fast:
 * tables of per-start statistics and an allocation-free Monte Carlo loop. Validates its input.
 * Equivalent to `randomizationTest` with an MBD design and "A-B"/"B-A"/"|A-B|" (same conventions).
 * @example mbdTestFast({ values: [[5, 6, 2, 1]], scheme: "marascuilo-busk", starts: [[2, 3, 4]], observed: [3], exact: true }).pval // 1/3
 */
export function mbdTestFast(input: MbdFastInput): MbdFastResult {
  const ctx = "mbdTestFast";
  if (!input || typeof input !== "object" || !Array.isArray(input.values)) {
    fail(ctx, "values", "must be an array of series (one per participant)");
  }
  const o = parseInput(fastSchema, {
    ...input,
    values: input.values.map((v) =>
      Array.from(v as ArrayLike<number | null>, (x) => (x === null || Number.isNaN(x) ? null : x))
    ),
  }, ctx);
  const N = o.values.length;
  if (o.observed.length !== N) {
    fail(ctx, "observed", `must have one start per participant (${N})`, o.observed.length);
  }
  if (o.starts.length !== N) {
    fail(ctx, "starts", `must have ${N} start sets (one per tier or participant)`, o.starts.length);
  }
  if (!o.exact && o.seed === undefined) fail(ctx, "seed", "is required for a Monte Carlo test");
  const prepared = prepareMbd(
    o.values,
    o.scheme as MbdScheme,
    o.starts,
    o.observed,
    (o.statistic ?? "A-B") as MeanStatistic,
    ctx,
  );
  const r = o.exact
    ? mbdExactCore(prepared, o.tolerance ?? DEFAULT_TOLERANCE)
    : mbdMonteCarloCore(prepared, o.draws ?? 1000, createFastRandom(o.seed!), o.tolerance ?? DEFAULT_TOLERANCE);
  return { observed: r.observed, pval: r.pval, k: r.k, n: r.n, method: r.method };
}

const ar1Schema = z.object({
  n: z.number().int().min(1).max(1e8),
  phi: z.number().gt(-1).lt(1),
  sd: z.number().positive().finite().optional(),
  scale: z.enum(["innovation", "marginal"]).optional(),
  seed: scedSeed(),
}).strict();

/** Options of {@link simulateAR1}. */
export interface Ar1Options {
  /** Length of the series (>= 1). */
  n: number;
  /** AR(1) coefficient, in (−1, 1). */
  phi: number;
  /** SD of the innovations (`"innovation"`) or of the series (`"marginal"`). Default 1. */
  sd?: number;
  /** What `sd` is the SD of. Default `"innovation"`. */
  scale?: "innovation" | "marginal";
  /** Seed of the random stream (required). */
  seed: number;
}

/**
 * AR(1) errors e_t = phi · e_{t−1} + u_t, u_t ~ N(0, sd²), started from the stationary
 * distribution (e_1 ~ N(0, sd² / (1 − phi²))). With `scale: "marginal"` the innovations are scaled
 * so that the series itself has SD `sd` (u_t ~ N(0, sd² (1 − phi²))). The same seed gives the same
 * series on every platform.
 * @example simulateAR1({ n: 30, phi: 0.3, seed: 42 }).length // 30
 */
export function simulateAR1(options: Ar1Options): Float64Array {
  const o = parseInput(ar1Schema, options, "simulateAR1");
  return ar1Into(o.n, o.phi, o.sd ?? 1, o.scale ?? "innovation", createFastRandom(o.seed), new Float64Array(o.n));
}
