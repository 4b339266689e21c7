/**
 * Pooling responder proportions across cohorts with the meta-analysis engine: `escalc` with the
 * logit (PLO) or Freeman–Tukey double-arcsine (PFT) transform, `rma` (REML by default), and the
 * back-transformation to the proportion scale (`backTransformFit`, harmonic-mean n for PFT as
 * metafor's `transf.ipft.hm`).
 *
 * @example
 * poolProportions({ xi: [75, 62], ni: [137, 120], measure: "PLO" }).pred // pooled responder rate
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { escalc } from "../effects/escalc.ts";
import { rma, type Tau2Method } from "../meta/rma.ts";
import { backTransformFit } from "../meta/mod.ts";
import { levelSchema } from "../_schemas.ts";

/** Result of {@link poolProportions}: pooled proportion, CI and PI on the proportion scale, plus the fit. */
export interface PooledProportion {
  /** The transform pooled on: logit (PLO) or Freeman-Tukey double arcsine (PFT). */
  measure: "PLO" | "PFT";
  /** Pooled proportion (back-transformed). */
  pred: number;
  /** Lower bound of its confidence interval. */
  ci_lb: number;
  /** Upper bound of its confidence interval. */
  ci_ub: number;
  /** Lower bound of the prediction interval. */
  pi_lb: number;
  /** Upper bound of the prediction interval. */
  pi_ub: number;
  /** Confidence level in percent. */
  level: number;
  /** Between-cohort variance on the transformed scale. */
  tau2: number;
  /** I² (%), τ²-based as metafor's. */
  I2: number | null;
  /** Cochran's Q. */
  QE: number | null;
  /** p-value of Q. */
  QEp: number | null;
  /** Number of cohorts. */
  k: number;
  /** Pooled estimate on the transformed scale (logit or double arcsine). */
  beta: number;
  /** Its standard error. */
  se: number;
}

/** Input of {@link poolProportions}. */
export interface PoolProportionsInput {
  /** Responders per cohort. */
  xi: number[];
  /** Patients per cohort. */
  ni: number[];
  /** "PLO" (logit, default) or "PFT" (Freeman-Tukey). */
  measure?: "PLO" | "PFT";
  /** τ² estimator (default "REML"). */
  method?: Tau2Method;
  /** Cohort labels. */
  slab?: string[];
  /**
   * Which patients each row reports (a cohort id). Two rows with the same cohort are the same
   * patients counted twice (e.g. two papers on one cohort) and are refused: pool only one.
   */
  cohort?: string[];
  /** Confidence level in percent (default 95; 0.95 is read as 95 %). */
  level?: number;
}

/**
 * Pool x_i / n_i across k independent cohorts.
 * @example poolProportions({ xi: [10, 20, 30], ni: [50, 60, 70], measure: "PFT", method: "DL" })
 */
export function poolProportions(input: PoolProportionsInput): PooledProportion {
  const p = parseInput(
    z.object({
      xi: z.array(z.number().int().nonnegative()).min(1),
      ni: z.array(z.number().int().positive()).min(1),
      measure: z.enum(["PLO", "PFT"]).optional(),
      method: z.string().optional(),
      slab: z.array(z.string()).optional(),
      cohort: z.array(z.string().min(1)).optional(),
      level: levelSchema.optional(),
    }).strict(),
    input,
    "poolProportions",
  );
  if (p.cohort) {
    if (p.cohort.length !== p.xi.length) {
      fail("poolProportions", "cohort", `must have ${p.xi.length} elements (like xi)`, p.cohort.length);
    }
    const seen = new Map<string, number>();
    p.cohort.forEach((c, i) => {
      if (seen.has(c)) {
        fail(
          "poolProportions",
          `cohort[${i}]`,
          `reports the same patients as cohort[${seen.get(c)}] (${c}): pooling both counts them twice; keep one`,
          c,
        );
      }
      seen.set(c, i);
    });
  }
  if (p.xi.length !== p.ni.length) {
    fail("poolProportions", "ni", `must have ${p.xi.length} elements (like xi)`, p.ni.length);
  }
  p.xi.forEach((x, i) => {
    if (x > p.ni[i]) fail("poolProportions", `xi[${i}]`, `must be <= ni[${i}] (${p.ni[i]})`, x);
  });
  const measure = p.measure ?? "PLO";
  const es = escalc(measure, { xi: p.xi, ni: p.ni });
  const level = p.level ?? 95;
  const fit = rma({ yi: es.yi, vi: es.vi, method: input.method ?? "REML", slab: p.slab, level });
  const bt = backTransformFit(fit, measure, p.ni);
  return {
    measure,
    pred: bt.pred,
    ci_lb: bt.ci_lb,
    ci_ub: bt.ci_ub,
    pi_lb: bt.pi_lb,
    pi_ub: bt.pi_ub,
    level,
    tau2: fit.tau2,
    I2: fit.I2,
    QE: fit.QE,
    QEp: fit.QEp,
    k: fit.k,
    beta: fit.beta,
    se: fit.se,
  };
}
