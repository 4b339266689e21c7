/**
 * Leave-one-out analysis, as metafor's `leave1out(fit)`: the model refitted k times, each time
 * without one study, with the same method, test and level.
 *
 * @example
 * ```ts
 * import { leave1out } from "./influence.ts";
 * import { rma } from "./rma.ts";
 * const yi = [0.5, 1.0, 1.8, 1.4, 0.1], vi = [0.06, 0.03, 0.23, 0.12, 0.08];
 * const l1o = leave1out(rma({ yi, vi, method: "DL" }));
 * // each entry is the model refitted without one study
 * const without3 = rma({ yi: yi.filter((_, i) => i !== 2), vi: vi.filter((_, i) => i !== 2), method: "DL" });
 * if (l1o.estimate[2] !== without3.beta || l1o.slab.length !== 5) throw new Error("leave1out");
 * ```
 * @module
 */
import { fail } from "../validate.ts";
import { normalizeLevel } from "../conventions.ts";
import { rmaFit, type RmaResult } from "./rma.ts";
import { pushRefit, refitColumns } from "./_refits.ts";

/** Result of {@link leave1out}: one entry per omitted study (metafor's column names). */
export interface Leave1outResult {
  /** Confidence level in percent of the intervals. */
  level: number;
  /** Label of the omitted study. */
  slab: string[];
  /** Pooled estimate without that study. */
  estimate: number[];
  /** Its standard error. */
  se: number[];
  /** Its test statistic. */
  zval: number[];
  /** Its p-value. */
  pval: number[];
  /** Lower confidence bound. */
  ci_lb: number[];
  /** Upper confidence bound. */
  ci_ub: number[];
  /** Cochran's Q without that study. */
  Q: (number | null)[];
  /** p-value of Q. */
  Qp: (number | null)[];
  /** τ² without that study. */
  tau2: number[];
  /** I² (metafor's) without that study. */
  I2: (number | null)[];
  /** H² without that study. */
  H2: (number | null)[];
}

/** Options of {@link leave1out}. */
export interface Leave1outOptions {
  /** Confidence level (95 or 0.95); default the fit's level. */
  level?: number;
}

/**
 * Refit `fit` leaving out each study in turn.
 * @example leave1out(rma({ yi: [0.1, 0.4, 0.3], vi: [0.01, 0.02, 0.03] })).estimate.length // 3
 */
export function leave1out(fit: RmaResult, options: Leave1outOptions = {}): Leave1outResult {
  if (fit === null || typeof fit !== "object" || !Array.isArray(fit.yi) || fit.model !== "rma.uni") {
    fail("leave1out", "fit", "must be a result of rma()", typeof fit);
  }
  if (fit.k < 2) fail("leave1out", "fit.k", "must be >= 2 (stopped because k = 1)", fit.k);
  const level = normalizeLevel(options?.level ?? fit.level, "leave1out");
  const out: Leave1outResult = { level, slab: fit.slab.slice(), ...refitColumns([] as number[]) };
  for (let i = 0; i < fit.k; i++) {
    const yi = fit.yi.filter((_, j) => j !== i);
    const vi = fit.vi.filter((_, j) => j !== i);
    const f = rmaFit(yi, vi, fit.method, fit.test, level, fit.slab.filter((_, j) => j !== i), "leave1out");
    pushRefit(out, f);
  }
  return out;
}
