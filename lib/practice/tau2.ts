/**
 * Between-centre variance tau2 and the random-effects mean of centre estimates, from the
 * meta-analysis engine (`rma` of `lib/meta/mod.ts`, metafor's estimators): REML by default,
 * DerSimonian-Laird on request or when REML fails to converge (said in `method`).
 *
 * @example
 * ```ts
 * import { estimateCentreTau2 } from "./mod.ts";
 * if (estimateCentreTau2([0, 2, -2, 1], [1, 1, 1, 1]).method !== "REML") throw new Error("REML");
 * ```
 * @module
 */
import { rma } from "../meta/mod.ts";
import { ValidationError } from "../validate.ts";

/** tau2, the random-effects mean mu, and the estimator used. */
export interface Tau2Estimate {
  /** Between-centre variance. */
  tau2: number;
  /** Random-effects mean of the centre estimates. */
  mu: number;
  /** `"REML"`, `"DL"`, or `"DL (REML did not converge)"`. */
  method: string;
}

/**
 * Estimate tau2 and mu from centre estimates `yi` with sampling variances `vi` by REML (default)
 * or DerSimonian-Laird (`"DL"`).
 *
 * @example
 * ```ts
 * import { estimateCentreTau2 } from "./mod.ts";
 * if (estimateCentreTau2([1, 1, 1], [1, 1, 1]).tau2 !== 0) throw new Error("no spread");
 * // DL by hand: yi 0, 2, -2, 1 with vi 1: mean 0.25, Q = 8.75 on 3 df, tau2 = (8.75 - 3) / (4 - 1)
 * const dl = estimateCentreTau2([0, 2, -2, 1], [1, 1, 1, 1], "DL");
 * if (Math.abs(dl.tau2 - 5.75 / 3) > 1e-12) throw new Error(String(dl.tau2));
 * ```
 */
export function estimateCentreTau2(
  yi: readonly number[],
  vi: readonly number[],
  method: "REML" | "DL" = "REML",
): Tau2Estimate {
  if (method === "DL") {
    const fit = rma({ yi: [...yi], vi: [...vi], method: "DL" });
    return { tau2: fit.tau2, mu: fit.beta, method: "DL" };
  }
  try {
    const fit = rma({ yi: [...yi], vi: [...vi], method: "REML" });
    return { tau2: fit.tau2, mu: fit.beta, method: "REML" };
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    const fit = rma({ yi: [...yi], vi: [...vi], method: "DL" });
    return { tau2: fit.tau2, mu: fit.beta, method: "DL (REML did not converge)" };
  }
}
