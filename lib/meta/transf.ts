/**
 * Back-transformations for pooled proportions, as metafor's `transf.ilogit`, `transf.iarcsin`
 * and `transf.ipft.hm` (inverse Freeman-Tukey with the harmonic mean of the sample sizes), and a
 * helper that back-transforms an estimate with its CI and prediction interval (metafor's
 * `predict(fit, transf = ...)`).
 *
 * @example
 * ```ts
 * import { iarcsin, ilogit } from "./transf.ts";
 * if (ilogit(0) !== 0.5 || Math.abs(ilogit(Math.log(3)) - 0.75) > 1e-15) throw new Error("ilogit");
 * if (Math.abs(iarcsin(Math.PI / 4) - 0.5) > 1e-15) throw new Error("iarcsin");
 * ```
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import type { RmaResult } from "./rma.ts";

/**
 * Inverse logit (metafor's transf.ilogit).
 * @example ilogit(0) // 0.5
 */
export function ilogit(x: number): number {
  if (!Number.isFinite(x)) fail("ilogit", "x", "must be a finite number", x);
  return 1 / (1 + Math.exp(-x));
}

/**
 * Inverse arcsine square root (metafor's transf.iarcsin): sin(x)², 0 below 0 and 1 above π/2.
 * @example iarcsin(Math.PI / 4) // 0.5
 */
export function iarcsin(x: number): number {
  if (!Number.isFinite(x)) fail("iarcsin", "x", "must be a finite number", x);
  if (x < 0) return 0;
  if (x > Math.asin(1)) return 1;
  return Math.sin(x) ** 2;
}

/**
 * Freeman-Tukey double arcsine of a proportion p with sample size n (metafor's transf.pft).
 * @example pft(0.5, 10)
 */
export function pft(p: number, n: number): number {
  const x = p * n;
  return 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
}

/**
 * Inverse Freeman-Tukey transformation with the harmonic mean of the sample sizes
 * (metafor's transf.ipft.hm, Miller 1978).
 * @example ipftHm(1.08, [17, 12, 8, 58])
 */
export function ipftHm(x: number, ni: number[]): number {
  if (!Number.isFinite(x)) fail("ipftHm", "x", "must be a finite number", x);
  const n = parseInput(z.array(z.number().positive()).min(1), ni, "ipftHm: ni");
  const nhm = n.length / n.reduce((a, b) => a + 1 / b, 0);
  if (x > pft(1, nhm)) return 1;
  if (x < pft(0, nhm)) return 0;
  const s = Math.sin(2 * x);
  const z2 = 1 - (s + (s - 1 / s) / nhm) ** 2;
  const v = 0.5 * (1 - Math.sign(Math.cos(2 * x)) * Math.sqrt(Math.max(0, z2)));
  return v;
}

/** Which back-transformation belongs to a proportion measure. */
export type ProportionMeasure = "PR" | "PLO" | "PAS" | "PFT";

/** Back-transformed estimate, CI and prediction interval. */
export interface BackTransformed {
  /** The back-transformed estimate (metafor's `pred`). */
  pred: number;
  /** Lower confidence bound. */
  ci_lb: number;
  /** Upper confidence bound. */
  ci_ub: number;
  /** Lower prediction bound. */
  pi_lb: number;
  /** Upper prediction bound. */
  pi_ub: number;
}

/**
 * Back-transform a pooled proportion fit (estimate, CI, PI) to the proportion scale, as
 * `predict(fit, transf = ...)`: PR identity, PLO ilogit, PAS iarcsin, PFT ipftHm with `ni`.
 * Named `backTransformFit` in the front door (`lib/plot` has a `backTransform` of axis labels).
 * @example backTransformFit(rma({ yi, vi }), "PLO")
 */
export function backTransformFit(fit: RmaResult, measure: ProportionMeasure, ni?: number[]): BackTransformed {
  let f: (x: number) => number;
  switch (measure) {
    case "PR":
      f = (x) => x;
      break;
    case "PLO":
      f = ilogit;
      break;
    case "PAS":
      f = iarcsin;
      break;
    case "PFT":
      if (!ni) fail("backTransformFit", "ni", "is required for PFT (harmonic-mean back-transformation)");
      f = (x) => ipftHm(x, ni);
      break;
    default:
      fail("backTransformFit", "measure", 'must be one of "PR", "PLO", "PAS", "PFT"', measure);
  }
  return { pred: f(fit.beta), ci_lb: f(fit.ci_lb), ci_ub: f(fit.ci_ub), pi_lb: f(fit.pi_lb), pi_ub: f(fit.pi_ub) };
}
