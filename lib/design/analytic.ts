/**
 * Closed-form answers the simulator is checked against and that the GRADE heuristic uses: the
 * power of a two-sample t test (noncentral t, as R's `power.t.test`), the expected
 * regression-to-the-mean shift of a cohort selected on its observed baseline, the optimal
 * information size, and the dilution of a standardised effect by a generic PROM.
 *
 * @example
 * powerTTest({ n: 50, d: 0.2 }); // 0.1676755 (R: power.t.test(n = 50, delta = 0.2)$power)
 * rtmShift({ mean: 60, sd: 15, cutoff: 40, reliability: 0.5, keep: "below" }); // 13.486
 * @module
 */
import { z } from "zod";
import { parseInput } from "../validate.ts";
import { dnorm, lgamma, pnorm, qnorm, qt } from "../stats/distributions.ts";
import type { Design, Model } from "./schema.ts";
import { resolveModel } from "./model.ts";
import type { GradeContext } from "./diagnose.ts";

const powerSchema = z.object({
  /** Participants per arm. */
  n: z.number().min(2),
  /** Standardised difference (delta / sd). */
  d: z.number().finite(),
  alpha: z.number().gt(0).lt(1).default(0.05),
}).strict();

/**
 * Power of the two-sided pooled two-sample t test with `n` per arm and standardised effect `d`,
 * P(|T'| > t_{1−α/2, 2n−2}) for T' noncentral t with ncp d·√(n/2), by integrating the normal
 * tail over the distribution of the SD estimate (Simpson's rule, 4000 intervals; error < 1e-9).
 * @example powerTTest({ n: 50, d: 0.2 }) // 0.16767548... (scipy.stats.nct; R power.t.test)
 */
export function powerTTest(input: { n: number; d: number; alpha?: number }): number {
  const { n, d, alpha } = parseInput(powerSchema, input, "powerTTest");
  const nu = 2 * n - 2;
  const lambda = d * Math.sqrt(n / 2);
  const c = qt(1 - alpha / 2, nu);
  // s = sqrt(V / nu), V ~ chi-square(nu): log density of s
  const logConst = Math.log(2) + (nu / 2) * Math.log(nu / 2) - lgamma(nu / 2);
  const dens = (s: number) => (s <= 0 ? 0 : Math.exp(logConst + (nu - 1) * Math.log(s) - (nu * s * s) / 2));
  const spread = 1 / Math.sqrt(2 * nu);
  const lo = Math.max(0, 1 - 12 * spread), hi = 1 + 12 * spread + (nu < 30 ? 20 : 0);
  const m = 4000, h = (hi - lo) / m;
  let sum = 0;
  for (let i = 0; i <= m; i++) {
    const s = lo + i * h;
    const f = dens(s) * (pnorm(lambda - c * s) + pnorm(-c * s - lambda));
    sum += (i === 0 || i === m ? 1 : i % 2 === 1 ? 4 : 2) * f;
  }
  return Math.min(1, (sum * h) / 3);
}

const rtmSchema = z.object({
  mean: z.number().finite(),
  sd: z.number().finite().positive(),
  cutoff: z.number().finite(),
  /** Test–retest correlation (reliability) of the observed score. */
  reliability: z.number().min(0).max(1),
  keep: z.enum(["above", "below"]),
}).strict();

/**
 * Expected change from baseline to retest, without any effect, in a cohort selected on an observed
 * baseline beyond `cutoff` (normal scores): (1 − r)·(μ − E[X | selected]), with
 * E[X | X < c] = μ − σ·φ(z)/Φ(z), z = (c − μ)/σ (and the mirror image for `above`).
 * @example rtmShift({ mean: 60, sd: 15, cutoff: 40, reliability: 0.5, keep: "below" }) // 13.486011521
 */
export function rtmShift(
  input: { mean: number; sd: number; cutoff: number; reliability: number; keep: "above" | "below" },
): number {
  const { mean, sd, cutoff, reliability, keep } = parseInput(rtmSchema, input, "rtmShift");
  const z0 = (cutoff - mean) / sd;
  const selectedMean = keep === "below"
    ? mean - (sd * dnorm(z0)) / pnorm(z0)
    : mean + (sd * dnorm(z0)) / pnorm(z0, 0, 1, { lower: false });
  return (1 - reliability) * (mean - selectedMean);
}

const oisSchema = z.object({
  sd: z.number().finite().positive(),
  mcid: z.number().finite().positive(),
  alpha: z.number().gt(0).lt(1).default(0.05),
  power: z.number().gt(0).lt(1).default(0.8),
}).strict();

/**
 * Optimal information size: total participants of a 1:1 trial needed to detect the MCID with the
 * given power (normal approximation): 4·(z_{1−α/2} + z_{power})²·σ²/MCID².
 * @example optimalInformationSize({ sd: 10, mcid: 5 }) // 125.6 (4 · 7.849 · 4)
 */
export function optimalInformationSize(input: { sd: number; mcid: number; alpha?: number; power?: number }): number {
  const { sd, mcid, alpha, power } = parseInput(oisSchema, input, "optimalInformationSize");
  return (4 * (qnorm(1 - alpha / 2) + qnorm(power)) ** 2 * sd * sd) / (mcid * mcid);
}

/**
 * Dilution of a per-domain effect by an instrument: the standardised effect (effect weight / score
 * SD) the model's instrument shows, divided by what the personalised PROM (PSC, own 3 activities)
 * would show for the same patients. 1 for the PSC itself; below 1 for the PDI when patients
 * prioritise few domains. Null for single-score instruments (not a PROM of activities).
 * @example dilution(parseDesign({ model: { instrument: "pdi", prioritised: 1 } }).model) // 0.19
 */
export function dilution(model: Model): number | null {
  const rm = resolveModel(model);
  if (rm.spec.scoring === "single") return null;
  const psc = resolveModel({ ...model, instrument: "psc" });
  return (rm.effectWeight / rm.scoreSd) / (psc.effectWeight / psc.scoreSd);
}

/**
 * The context {@link gradeHeuristic} needs for one diagnosis row of `design`: the MCID on the
 * row's estimand scale (raw: the instrument's MCID; std: MCID / score SD; responder: 10 percentage
 * points, the toolkit's convention), participants, optimal information size and PROM dilution.
 * @example gradeContext(parseDesign({}), "raw").mcid // 8.5 (PDI)
 */
export function gradeContext(
  design: Design,
  estimand: "raw" | "std" | "responder" | string,
): GradeContext {
  const rm = resolveModel(design.model);
  const mcidRaw = rm.spec.mcid;
  const mcid = estimand === "std" ? mcidRaw / rm.scoreSd : estimand === "responder" ? 0.1 : mcidRaw;
  const d = design.data;
  const n = d.type === "sced"
    ? d.cases
    : d.type === "meta"
    ? d.studies * d.study.n
    : d.type === "stepped-wedge"
    ? d.clusters * d.periods * d.perCluster
    : d.type === "its"
    ? d.periods * d.perPeriod
    : d.n;
  const ois = optimalInformationSize({ sd: rm.scoreSd, mcid: mcidRaw });
  return { mcid, n, ois, dilution: dilution(design.model) };
}
