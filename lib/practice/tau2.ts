/**
 * Between-centre variance tau2 and the random-effects mean of centre estimates, for shrinkage and
 * for the "variance removed by case-mix adjustment" diagnosis, from the meta-analysis engine:
 * `rma({ yi, vi, method: "REML" })` (metafor's estimator); DerSimonian-Laird through the same engine
 * if REML fails to converge.
 *
 * @example
 * ```ts
 * import { estimateCentreTau2 } from "./mod.ts";
 * if (estimateCentreTau2([0, 2, -2, 1], [1, 1, 1, 1]).method !== "REML") throw new Error("REML");
 * ```
 * @module
 */
import { rma } from "../meta/rma.ts";
import { ValidationError } from "../validate.ts";

/** tau2, the random-effects mean mu, and the estimator used. */
export interface Tau2Estimate {
  /** Between-centre variance. */
  tau2: number;
  /** Random-effects mean of the centre estimates. */
  mu: number;
  /** `"REML"`, or `"DL (REML did not converge)"`. */
  method: string;
}

/**
 * Estimate tau2 (REML) and mu from centre estimates `yi` with sampling variances `vi`.
 *
 * @example
 * ```ts
 * import { estimateCentreTau2 } from "./mod.ts";
 * if (estimateCentreTau2([1, 1, 1], [1, 1, 1]).tau2 !== 0) throw new Error("no spread");
 * ```
 */
export function estimateCentreTau2(yi: readonly number[], vi: readonly number[]): Tau2Estimate {
  try {
    const fit = rma({ yi: [...yi], vi: [...vi], method: "REML" });
    return { tau2: fit.tau2, mu: fit.beta, method: "REML" };
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    const fit = rma({ yi: [...yi], vi: [...vi], method: "DL" });
    return { tau2: fit.tau2, mu: fit.beta, method: "DL (REML did not converge)" };
  }
}
