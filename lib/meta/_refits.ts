/**
 * The per-refit table that metafor's `leave1out()` and `cumul()` both print: one row per refit of
 * an intercept-only `rma()` model, with the columns estimate, se, zval, pval, ci.lb, ci.ub, Q, Qp,
 * tau2, I2, H2. `leave1out()` (influence.ts) and `cumul()` (diagnostics.ts) differ only in
 * which studies each refit keeps; the table they fill is built here once.
 * @module
 */
import type { RmaResult } from "./rma.ts";
import type { CumulResult } from "./diagnostics.ts";

/**
 * The columns shared by `Leave1outResult` and `CumulResult` (metafor's names, one entry per refit),
 * derived from the public `CumulResult` rather than listed a third time. `tau2` is `null` where
 * the table has no τ² column (cumul of a fixed-effect fit).
 */
export type RefitColumns<T extends number[] | null> = Omit<CumulResult, "order_ids" | "tau2"> & { tau2: T };

/** Empty columns; pass `[]` for a τ² column, `null` for none. */
export function refitColumns<T extends number[] | null>(tau2: T): RefitColumns<T> {
  return { estimate: [], se: [], zval: [], pval: [], ci_lb: [], ci_ub: [], Q: [], Qp: [], tau2, I2: [], H2: [] };
}

/**
 * Append one refit as a row. `single` marks a refit of one study, where metafor's `cumul()` prints
 * Q = 0, Qp = 1, I2 = 0 and H2 = 1 (its first step) instead of the fit's values.
 */
export function pushRefit(out: RefitColumns<number[] | null>, r: RmaResult, single = false): void {
  out.estimate.push(r.beta);
  out.se.push(r.se);
  out.zval.push(r.zval);
  out.pval.push(r.pval);
  out.ci_lb.push(r.ci_lb);
  out.ci_ub.push(r.ci_ub);
  out.Q.push(single ? 0 : r.QE);
  out.Qp.push(single ? 1 : r.QEp);
  out.tau2?.push(r.tau2);
  out.I2.push(single ? 0 : r.I2);
  out.H2.push(single ? 1 : r.H2);
}
