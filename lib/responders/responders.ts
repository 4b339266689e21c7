/**
 * Responders: from patient-level scores given an MCID (absolute points or percent of baseline, with
 * the direction of improvement explicit), and the responder rate expected from summary data under
 * normality (Furukawa TA et al. 2005, Int Clin Psychopharmacol 20:49-52): if change ~ N(mean, SD_change), the
 * share of patients whose improvement reaches the MCID is Φ((improvement − MCID) / SD_change).
 * SD_change comes either directly or from pre/post SDs and their correlation r:
 * SD_change = sqrt(SD_pre² + SD_post² − 2·r·SD_pre·SD_post).
 *
 * @example
 * expectedResponderRate({ meanChange: -10, sdChange: 12, mcid: 8.5, improvement: "decrease" }).rate // 0.55
 * @module
 */
import { z } from "zod";
import { fail, parseInput, sameLength } from "../validate.ts";
import { pnorm, qnorm } from "../stats/distributions.ts";
import { improvementSchema } from "../_schemas.ts";
import type { Improvement, WithWarnings } from "../conventions.ts";

/** Which direction of the raw score is an improvement (re-exported from `lib/conventions.ts`). */
export type { Improvement };

/** Input of {@link classifyResponders}. */
export interface ClassifyInput {
  /** Baseline score per patient. */
  baseline: number[];
  /** Follow-up score per patient (same order). */
  followup: number[];
  /** The MCID: points (`absolute`) or percent of the baseline score (`percent`). */
  mcid: number;
  /** `absolute` (default) or `percent`. */
  mcidType?: "absolute" | "percent";
  /** Which direction of the raw score is an improvement. */
  improvement: Improvement;
  /**
   * The instrument's scale [min, max] (e.g. [0, 70] for the PDI): an absolute MCID larger than the
   * whole scale, or a percent MCID above 100, can never be reached and is an error.
   */
  scale?: [number, number];
  /**
   * Require both responders and non-responders (a responder model or comparison needs both): when
   * nobody or everybody reaches the MCID this is an error about the MCID. Without it, a warning.
   */
  requireBoth?: boolean;
}

/** Result of {@link classifyResponders}. */
export interface ClassifyResult extends WithWarnings {
  /** Improvement per patient (positive = better), in points. */
  improvement: number[];
  /** The threshold each patient had to reach, in points. */
  threshold: number[];
  /** Whether each patient reached the MCID. */
  responder: boolean[];
  /** Number of responders. */
  x: number;
  /** Number of patients. */
  n: number;
  /** x / n. */
  rate: number;
}

/**
 * Classify each patient as responder when their improvement is at least the MCID (in points, or in
 * percent of their own baseline).
 * @example classifyResponders({ baseline: [40, 30], followup: [28, 29], mcid: 8.5, improvement: "decrease" }).x // 1
 */
export function classifyResponders(input: ClassifyInput): ClassifyResult {
  const p = parseInput(
    z.object({
      baseline: z.array(z.number().finite()).min(1),
      followup: z.array(z.number().finite()).min(1),
      mcid: z.number().finite().positive(),
      mcidType: z.enum(["absolute", "percent"]).optional(),
      improvement: improvementSchema,
      scale: z.tuple([z.number().finite(), z.number().finite()]).refine((s) => s[1] > s[0], {
        message: "must be [min, max] with max > min",
      }).optional(),
      requireBoth: z.boolean().optional(),
    }).strict(),
    input,
    "classifyResponders",
  );
  sameLength("classifyResponders", { baseline: p.baseline, followup: p.followup });
  const type = p.mcidType ?? "absolute";
  if (type === "percent" && p.mcid > 100) {
    fail("classifyResponders", "mcid", "is impossible: a change of more than 100% of the baseline score", p.mcid);
  }
  if (p.scale && type === "absolute" && p.mcid > p.scale[1] - p.scale[0]) {
    fail(
      "classifyResponders",
      "mcid",
      `is impossible: larger than the whole scale (${p.scale[0]}-${p.scale[1]}, range ${
        p.scale[1] - p.scale[0]
      } points), so no patient can reach it; check the MCID and its unit`,
      p.mcid,
    );
  }
  if (type === "percent") {
    p.baseline.forEach((b, i) => {
      if (b === 0) {
        fail("classifyResponders", `baseline[${i}]`, "must not be 0 when the MCID is a percent of baseline", b);
      }
    });
  }
  const sign = p.improvement === "increase" ? 1 : -1;
  const improvement = p.baseline.map((b, i) => sign * (p.followup[i] - b));
  const threshold = p.baseline.map((b) => (type === "absolute" ? p.mcid : (p.mcid / 100) * Math.abs(b)));
  const responder = improvement.map((d, i) => d >= threshold[i] - 1e-12);
  const x = responder.filter(Boolean).length;
  const warnings: string[] = [];
  if (x === 0 || x === responder.length) {
    const best = Math.max(...improvement), worst = Math.min(...improvement);
    const unit = type === "absolute" ? "points" : "% of baseline";
    const what = x === 0
      ? `(${p.mcid} ${unit}) is reached by no patient (largest improvement ${+best.toFixed(4)} points)`
      : `(${p.mcid} ${unit}) is reached by every patient (smallest improvement ${+worst.toFixed(4)} points)`;
    if (p.requireBoth) {
      fail(
        "classifyResponders",
        "mcid",
        `${what}, so there are no ${
          x === 0 ? "responders" : "non-responders"
        } to compare: check the MCID, its unit and the direction of improvement (${p.improvement})`,
        p.mcid,
      );
    }
    warnings.push(`classifyResponders: mcid ${what}`);
  }
  return { improvement, threshold, responder, x, n: responder.length, rate: x / responder.length, warnings };
}

/** Input of {@link expectedResponderRate}: mean change and either SD of change or pre/post SDs and r. */
export interface ExpectedRateInput {
  /** Mean change (follow-up minus baseline) in points. */
  meanChange: number;
  /** SD of the change scores. */
  sdChange?: number;
  /** SD at baseline (with sdPost and r, when sdChange is not given). */
  sdPre?: number;
  /** SD at follow-up. */
  sdPost?: number;
  /** Pre-post correlation. */
  r?: number;
  /** MCID in points (> 0). */
  mcid: number;
  /** Which direction of the raw score is an improvement. */
  improvement: Improvement;
}

/** Result of {@link expectedResponderRate}. */
export interface ExpectedRate {
  /** Expected share of responders, Φ(z). */
  rate: number;
  /** Mean improvement (positive = better). */
  meanImprovement: number;
  /** SD of change used. */
  sdChange: number;
  /** (mean improvement − MCID) / SD_change. */
  z: number;
}

/**
 * Expected share of responders under normal change scores (Furukawa et al. 2005).
 * @example expectedResponderRate({ meanChange: 2, sdPre: 2, sdPost: 2, r: 0.5, mcid: 2, improvement: "increase" }).rate // 0.5
 */
export function expectedResponderRate(input: ExpectedRateInput): ExpectedRate {
  const p = parseInput(
    z.object({
      meanChange: z.number().finite(),
      sdChange: z.number().finite().positive().optional(),
      sdPre: z.number().finite().positive().optional(),
      sdPost: z.number().finite().positive().optional(),
      r: z.number().min(-1).max(1).optional(),
      mcid: z.number().finite().positive(),
      improvement: improvementSchema,
    }),
    input,
    "expectedResponderRate",
  );
  const sdChange = sdOfChange(p);
  const meanImprovement = p.improvement === "increase" ? p.meanChange : -p.meanChange;
  const zv = (meanImprovement - p.mcid) / sdChange;
  return { rate: pnorm(zv), meanImprovement, sdChange, z: zv };
}

function sdOfChange(p: { sdChange?: number; sdPre?: number; sdPost?: number; r?: number }): number {
  if (p.sdChange !== undefined) return p.sdChange;
  if (p.sdPre === undefined || p.sdPost === undefined || p.r === undefined) {
    fail("expectedResponderRate", "sdChange", "is required, or else sdPre, sdPost and r all are");
  }
  const v = p.sdPre ** 2 + p.sdPost ** 2 - 2 * p.r * p.sdPre * p.sdPost;
  if (!(v > 0)) fail("expectedResponderRate", "r", "gives an SD of change of 0 (r = 1 with equal SDs)", p.r);
  return Math.sqrt(v);
}

/** Input of {@link impliedMcid}. */
export interface ImpliedMcidInput {
  /** The reported responder rate, a proportion in (0, 1). */
  rate: number;
  /** Mean improvement (positive = better). */
  meanImprovement: number;
  /** SD of change (> 0). */
  sdChange: number;
}

/**
 * Inverse of {@link expectedResponderRate}: the MCID (points) at which a normal change distribution
 * with this mean improvement and SD gives the reported responder rate.
 * @example impliedMcid({ rate: 0.5, meanImprovement: 10, sdChange: 5 }) // 10
 */
export function impliedMcid(input: ImpliedMcidInput): number {
  const p = parseInput(
    z.object({ rate: z.number().gt(0).lt(1), meanImprovement: z.number().finite(), sdChange: z.number().positive() }),
    input,
    "impliedMcid",
  );
  return p.meanImprovement - qnorm(p.rate) * p.sdChange;
}

/** Input of {@link rateFromSmc}. */
export interface RateFromSmcInput {
  /** Standardised mean change (its sign is ignored: the improvement is |d|). */
  d: number;
  /** MCID in the same SD units. */
  mcidSd: number;
  /** SD of change in the same SD units (> 0). */
  sdChangeSd: number;
}

/**
 * Expected responder rate from a standardised mean change d (in units of an SD, e.g. the baseline
 * SD) when the MCID and the SD of change are expressed in the same units.
 * @example rateFromSmc({ d: 1, mcidSd: 0.5, sdChangeSd: 1 }) // pnorm(0.5) = 0.691
 */
export function rateFromSmc(input: RateFromSmcInput): number {
  const p = parseInput(
    z.object({ d: z.number().finite(), mcidSd: z.number().finite().nonnegative(), sdChangeSd: z.number().positive() }),
    input,
    "rateFromSmc",
  );
  return pnorm((Math.abs(p.d) - p.mcidSd) / p.sdChangeSd);
}
