/**
 * Effect sizes and their sampling variances as metafor's `escalc()` computes them (pre-post MC,
 * SMCC, SMCR; two-group MD, SMD; proportions PR, PLO, PAS, PFT; 2x2 tables RR, OR, RD), with an
 * explicit sign (`improvement: "decrease"` for pain and disability), and conversions between the
 * ways studies report uncertainty (CI → SE, p → SE, SE ↔ variance), SMD → log odds ratio, and
 * re-expression of a standardised effect on an instrument's scale.
 *
 * Every input error is a `ValidationError` naming the function, the 1-based study row, the field
 * and the rule (`escalc: row 2, sd1i must be > 0, got -2`). Confidence levels are percentages and
 * also accept a proportion (`95` or `0.95`).
 *
 * Morris (2008) study 1, SMCR (metafor: yi = 0.5056, vi = 0.0594):
 * ```ts
 * import { escalc } from "./mod.ts";
 * const es = escalc("SMCR", { m1i: [38.5], m2i: [30.6], sd1i: [15], ni: [20], ri: [0.47] });
 * if (Math.abs(es.yi[0] - 0.5055527858734) > 1e-10) throw new Error("yi");
 * // pain: a decrease is the improvement, so the sign flips
 * const pain = escalc("MD", { m1i: [55], sd1i: [47], n1i: [155], m2i: [75], sd2i: [64], n2i: [156] }, { improvement: "decrease" });
 * if (pain.yi[0] !== 20 || pain.sign !== -1) throw new Error("sign");
 * ```
 *
 * Standard errors from reported intervals and p-values:
 * ```ts
 * import { ciToSe, pToSe, reexpress } from "./mod.ts";
 * const se95 = ciToSe(-0.2, 0.6);
 * if (Math.abs(se95 - ciToSe(-0.2, 0.6, { level: 0.95 })) > 0) throw new Error("0.95 is 95 %");
 * if (Math.abs(se95 - 0.8 / (2 * 1.959963984540054)) > 1e-12) throw new Error("ciToSe");
 * if (Math.abs(pToSe(0.5, 0.05) - 0.5 / 1.959963984540054) > 1e-12) throw new Error("pToSe");
 * if (Math.abs(reexpress(0.98, 5).estimate - 4.9) > 1e-12) throw new Error("reexpress");
 * ```
 * @module
 */
export type { Improvement } from "../conventions.ts";
export {
  cmicalc,
  escalc,
  type EscalcData,
  type EscalcOptions,
  type EscalcResult,
  type Measure,
  MEASURES,
  requiredColumns,
} from "./escalc.ts";
export {
  ciToSe,
  type CiToSeOptions,
  pToSe,
  reexpress,
  type Reexpressed,
  seToVar,
  smdToLogOr,
  varToSe,
} from "./convert.ts";
