/**
 * Random-effects (empirical Bayes) shrinkage of centre estimates, for the caterpillar plot: each
 * centre's estimate y_i with sampling variance v_i is pulled towards the overall mean mu by the
 * factor B_i = v_i / (tau2 + v_i): theta_i = (tau2 / (tau2 + v_i)) y_i + (v_i / (tau2 + v_i)) mu,
 * with variance tau2 v_i / (tau2 + v_i) (mu treated as known).
 *
 * @example
 * const s = shrinkCentres({ yi: [-3, 0, 4], vi: [1, 1, 4], tau2: 2, mu: 0 });
 * s.theta[0]; // -2 (= 2/3 * -3)
 * @module
 */
import { z } from "zod";
import { qnorm } from "../stats/distributions.ts";
import { fail, parseInput } from "../validate.ts";

const shrinkSchema = z.object({
  yi: z.array(z.number().finite()).min(1),
  vi: z.array(z.number().positive().finite()).min(1),
  tau2: z.number().min(0).finite(),
  mu: z.number().finite(),
  level: z.number().gt(0).lt(1).default(0.95),
});

/** Result of {@link shrinkCentres}. */
export interface Shrunk {
  /** Shrunken estimates. */
  theta: number[];
  /** Their standard errors, sqrt(tau2 v_i / (tau2 + v_i)). */
  se: number[];
  lower: number[];
  upper: number[];
  /** Shrinkage factor B_i = v_i / (tau2 + v_i) (1 = fully pulled to mu). */
  B: number[];
}

/**
 * Empirical-Bayes shrinkage of `yi` towards `mu` given the between-centre variance `tau2`.
 * @example shrinkCentres({ yi: [1], vi: [1], tau2: 1, mu: 0 }).theta // [0.5]
 */
export function shrinkCentres(input: z.input<typeof shrinkSchema>): Shrunk {
  const { yi, vi, tau2, mu, level } = parseInput(shrinkSchema, input, "shrinkCentres");
  if (vi.length !== yi.length) fail("shrinkCentres", "vi", `must have ${yi.length} elements (like yi)`, vi.length);
  const zc = qnorm((1 + level) / 2);
  const B = vi.map((v) => v / (tau2 + v));
  const theta = yi.map((y, i) => (1 - B[i]) * y + B[i] * mu);
  const se = vi.map((v) => Math.sqrt((tau2 * v) / (tau2 + v)));
  return { theta, se, B, lower: theta.map((t, i) => t - zc * se[i]), upper: theta.map((t, i) => t + zc * se[i]) };
}
