/**
 * Pooling responder proportions across cohorts with the meta-analysis engine: `escalc` with the
 * logit (PLO) or Freeman–Tukey double-arcsine (PFT) transform, `rma` (REML by default), and the
 * back-transformation to the proportion scale (`backTransform`, harmonic-mean n for PFT as
 * metafor's `transf.ipft.hm`).
 *
 * @example
 * poolProportions({ xi: [75, 62], ni: [137, 120], measure: "PLO" }).pred // pooled responder rate
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { escalc } from "../effects/escalc.ts";
import { rma, type RmaResult, type Tau2Method } from "../meta/rma.ts";
import { backTransform } from "../meta/transf.ts";

/** Result of {@link poolProportions}: pooled proportion, CI and PI on the proportion scale, plus the fit. */
export interface PooledProportion {
  measure: "PLO" | "PFT";
  pred: number;
  ci_lb: number;
  ci_ub: number;
  pi_lb: number;
  pi_ub: number;
  tau2: number;
  I2: number;
  QE: number;
  QEp: number;
  k: number;
  fit: RmaResult;
}

/**
 * Pool x_i / n_i across k cohorts.
 * @example poolProportions({ xi: [10, 20, 30], ni: [50, 60, 70], measure: "PFT", method: "DL" })
 */
export function poolProportions(input: {
  xi: number[];
  ni: number[];
  measure?: "PLO" | "PFT";
  method?: Tau2Method;
  slab?: string[];
}): PooledProportion {
  const p = parseInput(
    z.object({
      xi: z.array(z.number().int().nonnegative()).min(1),
      ni: z.array(z.number().int().positive()).min(1),
      measure: z.enum(["PLO", "PFT"]).optional(),
      method: z.string().optional(),
      slab: z.array(z.string()).optional(),
    }),
    input,
    "poolProportions",
  );
  if (p.xi.length !== p.ni.length) {
    fail("poolProportions", "ni", `must have ${p.xi.length} elements (like xi)`, p.ni.length);
  }
  p.xi.forEach((x, i) => {
    if (x > p.ni[i]) fail("poolProportions", `xi[${i}]`, `must be <= ni[${i}] (${p.ni[i]})`, x);
  });
  const measure = p.measure ?? "PLO";
  const es = escalc(measure, { xi: p.xi, ni: p.ni });
  const fit = rma({ yi: es.yi, vi: es.vi, method: input.method ?? "REML", slab: p.slab });
  const bt = backTransform(fit, measure, p.ni);
  return { measure, ...bt, tau2: fit.tau2, I2: fit.I2, QE: fit.QE, QEp: fit.QEp, k: fit.k, fit };
}
