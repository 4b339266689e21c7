/**
 * A compact set of single-case effect sizes for an A (baseline) and a B (treatment) phase,
 * **oriented so that a positive value is an improvement**: pass `improvement: "decrease"` for pain
 * and fear scores, `"increase"` for function scores. Missing values (null) are left out. For every
 * effect size exactly as SingleCaseES computes it (with its SE and CI options, Tau-BC and Tau-U)
 * use `es.ts` (`scedEffectSize`, `batchScedEffectSizes`) or, for a data file, `long.ts`.
 *
 * **Independence.** Every SE here treats the measurements within a phase as independent; with
 * positive autocorrelation they are too small. The within-case SMD is scaled by the within-person
 * SD: it is not on the scale of a between-group SMD (for that, use g_AB of `bcsmd.ts`).
 *
 * - **NAP** (non-overlap of all pairs; Parker & Vannest 2009): share of (A, B) pairs where B is
 *   better, ties 1/2. SE from Hanley & McNeil (1982) for the area under the ROC curve:
 *   Var = [NAP(1−NAP) + (nB−1)(Q1−NAP²) + (nA−1)(Q2−NAP²)] / (nA nB), Q1 = NAP/(2−NAP),
 *   Q2 = 2NAP²/(1+NAP).
 * - **Tau** (Tau-AB non-overlap; Parker et al. 2011) = 2·NAP − 1 = (#better − #worse pairs)/(nA nB),
 *   SE = 2·SE(NAP). Always in [−1, 1].
 *   Tau-U is not in this set: Parker et al.'s "A vs B − trend A" can leave [−1, 1]. The bounded,
 *   standard baseline-trend correction is Tarlow's (2017) Tau-BC (SingleCaseES `Tau_BC`, scan
 *   `corrected_tau`): `esTauBC` in `es.ts`, with the optional Kendall baseline-trend pretest.
 * - **PND** (percentage of non-overlapping data; Scruggs et al. 1987): % of B points better than the
 *   best A point. No SE (no sampling distribution is given in the literature).
 * - **PEM** (percentage exceeding the median; Ma 2006): % of B points better than the A median,
 *   ties 1/2. No SE.
 * - **LRR** (log response ratio; Pustejovsky 2018), bias-corrected:
 *   ln(mB) + sB²/(2 nB mB²) − ln(mA) − sA²/(2 nA mA²), with Var = sA²/(nA mA²) + sB²/(nB mB²);
 *   oriented: `LRR` = −lnRR for a decrease. Needs positive means (ratio-scale outcomes).
 *   `percentChange` = 100 (exp(lnRR) − 1) (signed: negative = fewer).
 * - **SMD** (within-case standardised mean difference; Busk & Serlin 1992, with Hedges' small-sample
 *   correction J = 1 − 3/(4 df − 1)), computed by `esSMD` of `es.ts`, i.e. exactly as SingleCaseES:
 *   baseline SD (df = nA − 1, SE = J·√(1/nA + s_B²/(nB s_A²) + g²/(2 df))) or pooled SD
 *   (df = nA + nB − 2, SE = J·√(1/nA + 1/nB + g²/(2 df))).
 *
 * @example
 * const e = scedEffects({ A: [7, 8, 7, 6], B: [3, 4, 2, 3], improvement: "decrease" });
 * e.NAP.estimate; // 1
 * @module
 */
import { z } from "zod";
// @ts-types="@types/d3-array"
import { mean as d3mean, median as d3median, variance as d3variance } from "d3-array";
import { fail, parseInput } from "../validate.ts";
import type { Improvement } from "../conventions.ts";
import { scedValue } from "./_schemas.ts";
import { esSMD } from "./es.ts";

const schema = z.object({
  A: z.array(scedValue().nullable()).min(1),
  B: z.array(scedValue().nullable()).min(1),
  improvement: z.enum(["decrease", "increase"]),
  sd: z.enum(["baseline", "pooled"]).default("baseline"),
});

/** An estimate with its standard error (null where the literature gives none). */
export interface ScedEstimate {
  /** The effect size (oriented: positive = improvement). */
  estimate: number;
  /** Its standard error (assuming independent observations), or null where none is defined. */
  se: number | null;
}

/** All effect sizes of {@link scedEffects}. */
export interface ScedEffects {
  /** Which direction of the score is an improvement. */
  improvement: Improvement;
  /** Observed values in phase A. */
  nA: number;
  /** Observed values in phase B. */
  nB: number;
  /** Non-overlap of all pairs (0–1), Hanley–McNeil SE. */
  NAP: ScedEstimate;
  /** Tau-AB = 2·NAP − 1 (−1 to 1). */
  Tau: ScedEstimate;
  /** Percent (0–100). */
  PND: ScedEstimate;
  /** Percent (0–100). */
  PEM: ScedEstimate;
  /** Oriented bias-corrected log response ratio; null when a phase mean is <= 0. */
  LRR: (ScedEstimate & { percentChange: number }) | null;
  /** Hedges-corrected within-case SMD; null when the SD is 0 or a phase has < 2 values. */
  SMD: (ScedEstimate & { d: number; sd: "baseline" | "pooled"; df: number }) | null;
}

const observed = (x: (number | null)[]) => x.filter((v): v is number => v !== null);
// Small primitives from d3-array (callers guarantee at least one value; two for the variance).
const mean = (x: number[]): number => d3mean(x) as number;
const variance = (x: number[]): number => d3variance(x) as number;
const median = (x: number[]): number => d3median(x) as number;

/**
 * Non-overlap of all pairs with its Hanley–McNeil standard error.
 * @example nap([7, 8, 7], [3, 4, 9], "decrease").estimate // 6/9
 */
export function nap(A: (number | null)[], B: (number | null)[], improvement: Improvement): ScedEstimate {
  const o = parseInput(schema, { A, B, improvement }, "nap");
  const a = observed(o.A);
  const b = observed(o.B);
  if (a.length === 0 || b.length === 0) fail("nap", a.length === 0 ? "A" : "B", "must have an observed value");
  const sign = o.improvement === "decrease" ? -1 : 1;
  let s = 0;
  for (const x of a) for (const y of b) s += y === x ? 0.5 : sign * (y - x) > 0 ? 1 : 0;
  const N = s / (a.length * b.length);
  const q1 = N / (2 - N);
  const q2 = (2 * N * N) / (1 + N);
  const v = (N * (1 - N) + (b.length - 1) * (q1 - N * N) + (a.length - 1) * (q2 - N * N)) / (a.length * b.length);
  return { estimate: N, se: Math.sqrt(Math.max(v, 0)) };
}

/**
 * Every effect size at once (see the module docs for definitions and orientation).
 * @example scedEffects({ A: [7, 8, 7, 6], B: [3, 4, 2, 3], improvement: "decrease" }).PND.estimate // 100
 */
export function scedEffects(
  input: {
    A: (number | null)[];
    B: (number | null)[];
    improvement: Improvement;
    sd?: "baseline" | "pooled";
  },
): ScedEffects {
  const o = parseInput(schema, input, "scedEffects");
  const a = observed(o.A);
  const b = observed(o.B);
  if (a.length === 0) fail("scedEffects", "A", "must have at least one observed value");
  if (b.length === 0) fail("scedEffects", "B", "must have at least one observed value");
  const dec = o.improvement === "decrease";
  const better = (y: number, x: number) => (dec ? y < x : y > x);
  const NAP = nap(o.A, o.B, o.improvement);
  const Tau = { estimate: 2 * NAP.estimate - 1, se: 2 * (NAP.se as number) };
  const bestA = dec ? Math.min(...a) : Math.max(...a);
  const PND = { estimate: (100 * b.filter((y) => better(y, bestA)).length) / b.length, se: null };
  const mdA = median(a);
  const PEM = {
    estimate: (100 * b.reduce((s, y) => s + (y === mdA ? 0.5 : better(y, mdA) ? 1 : 0), 0)) / b.length,
    se: null,
  };
  const mA = mean(a);
  const mB = mean(b);
  let LRR: ScedEffects["LRR"] = null;
  if (mA > 0 && mB > 0 && a.length >= 2 && b.length >= 2) {
    const vA = variance(a);
    const vB = variance(b);
    const lnRR = Math.log(mB) + vB / (2 * b.length * mB * mB) - Math.log(mA) - vA / (2 * a.length * mA * mA);
    const se = Math.sqrt(vA / (a.length * mA * mA) + vB / (b.length * mB * mB));
    LRR = { estimate: dec ? -lnRR : lnRR, se, percentChange: 100 * (Math.exp(lnRR) - 1) };
  }
  let SMD: ScedEffects["SMD"] = null;
  if (a.length >= 2 && (o.sd === "baseline" || b.length >= 2)) {
    const df = o.sd === "baseline" ? a.length - 1 : a.length + b.length - 2;
    const s2 = o.sd === "baseline"
      ? variance(a)
      : ((a.length - 1) * variance(a) + (b.length - 1) * (b.length > 1 ? variance(b) : 0)) / df;
    if (s2 > 0) {
      const d = ((dec ? -1 : 1) * (mB - mA)) / Math.sqrt(s2);
      // SingleCaseES's estimate and SE (es.ts, held to SingleCaseES's values by the fixtures)
      const r = esSMD(a, b, { improvement: o.improvement, stdDev: o.sd === "baseline" ? "baseline" : "pool" });
      // es.ts reports a non-finite estimate or SE as null (with a warning): here that is an overflow
      if (r.estimate === null || (r.se === null && b.length >= 2)) {
        fail(
          "scedEffects",
          "SMD",
          `overflowed (estimate ${r.estimate ?? "not finite"}, SE not finite): the standardiser (SD) is too ` +
            "small relative to the differences to represent; rescale the scores",
        );
      }
      SMD = { estimate: r.estimate, se: r.se, d, sd: o.sd, df };
    }
  }
  // Nothing non-finite leaves the engine: a tiny SD against a large difference overflows g².
  for (const [field, e] of [["LRR", LRR], ["SMD", SMD]] as const) {
    if (e && !(Number.isFinite(e.estimate) && (e.se === null || Number.isFinite(e.se)))) {
      fail(
        "scedEffects",
        field,
        `overflowed (estimate ${e.estimate}, SE ${e.se}): the ${
          field === "SMD" ? "standardiser (SD) is" : "phase means are"
        } too small relative to the differences to represent; rescale the scores`,
      );
    }
  }
  return { improvement: o.improvement, nA: a.length, nB: b.length, NAP, Tau, PND, PEM, LRR, SMD };
}
