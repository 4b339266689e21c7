/**
 * Random-effects (empirical Bayes) shrinkage of centre estimates, for the caterpillar plot: each
 * centre's estimate y_i with sampling variance v_i is pulled towards the overall mean mu by the
 * factor B_i = v_i / (tau2 + v_i): theta_i = (tau2 / (tau2 + v_i)) y_i + (v_i / (tau2 + v_i)) mu,
 * with variance tau2 v_i / (tau2 + v_i) (mu treated as known).
 *
 * @example
 * ```ts
 * import { shrinkCentres } from "./mod.ts";
 * const s = shrinkCentres({ yi: [-3, 0, 4], vi: [1, 1, 4], tau2: 2, mu: 0 });
 * if (Math.abs(s.theta[0] + 2) > 1e-12) throw new Error("2/3 of -3");
 * ```
 * @module
 */
import { qnorm } from "../stats/distributions.ts";
import { fail, parseInput } from "../validate.ts";
import { shrinkSchema } from "./_schemas.ts";

/** Input of {@link shrinkCentres}. */
export interface ShrinkInput {
  /** Centre estimates. */
  yi: readonly number[];
  /** Their sampling variances (> 0, one per estimate). */
  vi: readonly number[];
  /** Between-centre variance (>= 0). */
  tau2: number;
  /** The mean the estimates are pulled towards. */
  mu: number;
  /** Confidence level in percent, or a proportion (default 95). */
  level?: number;
}

/** Result of {@link shrinkCentres}. */
export interface Shrunk {
  /** Shrunken estimates. */
  theta: number[];
  /** Their standard errors, sqrt(tau2 v_i / (tau2 + v_i)). */
  se: number[];
  /** Lower bounds of the intervals theta_i -+ z se_i. */
  ci_lb: number[];
  /** Upper bounds of the intervals. */
  ci_ub: number[];
  /** Level of the intervals in percent. */
  level: number;
  /** Shrinkage factor B_i = v_i / (tau2 + v_i) (1 = fully pulled to mu). */
  B: number[];
}

/**
 * Empirical-Bayes shrinkage of `yi` towards `mu` given the between-centre variance `tau2`.
 *
 * @example
 * ```ts
 * import { shrinkCentres } from "./mod.ts";
 * if (shrinkCentres({ yi: [1], vi: [1], tau2: 1, mu: 0 }).theta[0] !== 0.5) throw new Error("half way");
 * ```
 */
export function shrinkCentres(input: ShrinkInput): Shrunk {
  const { yi, vi, tau2, mu, level } = parseInput(shrinkSchema, input, "shrinkCentres");
  if (vi.length !== yi.length) fail("shrinkCentres", "vi", `must have ${yi.length} elements (like yi)`, vi.length);
  const zc = qnorm(0.5 + level / 200);
  const B = vi.map((v) => v / (tau2 + v));
  const theta = yi.map((y, i) => (1 - B[i]) * y + B[i] * mu);
  const se = vi.map((v) => Math.sqrt((tau2 * v) / (tau2 + v)));
  return {
    theta,
    se,
    B,
    ci_lb: theta.map((t, i) => t - zc * se[i]),
    ci_ub: theta.map((t, i) => t + zc * se[i]),
    level,
  };
}
