/**
 * The responders engine: who responds (patient-level change against an MCID, in points or percent
 * of baseline, with the direction of improvement explicit), how many responders a mean change
 * implies under normal change scores (Furukawa et al. 2005, Int Clin Psychopharmacol 20:49-52),
 * intervals for a responder rate (Wilson, Wilson with continuity correction, Clopper-Pearson,
 * Jeffreys, Wald), two-group comparisons (Newcombe's hybrid score difference, RR, OR, NNT with
 * Altman's split interval), comparisons rebuilt from reported percentages (with the reconstructed
 * counts stated, never rounded silently), and pooling of responder proportions through the
 * meta-analysis engine.
 *
 * Conventions (`lib/conventions.ts`): `level` in percent (95), a proportion (0.95) is read as 95 %;
 * every interval is `estimate, ci_lb, ci_ub, level`; errors are `ValidationError`s naming the
 * function, the field and the rule.
 *
 * @example Wilson interval and Newcombe's difference (Newcombe 1998, Stat Med 17:857 and 17:873)
 * ```ts
 * import { propCI, riskDifference } from "./mod.ts";
 * const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
 * // 17/20 responders: Wilson 95% CI 0.6396 to 0.9476 (R: prop.test(17, 20, correct = FALSE)$conf.int)
 * const w = propCI(17, 20);
 * if (r4(w.ci_lb) !== 0.6396 || r4(w.ci_ub) !== 0.9476 || w.level !== 95) throw new Error("Wilson");
 * // level 0.95 is read as 95 %
 * if (propCI(17, 20, { level: 0.95 }).ci_lb !== w.ci_lb) throw new Error("level");
 * // Newcombe (1998), Table II: 56/70 - 48/80 = 0.2, method 10 interval 0.0524 to 0.3339
 * const d = riskDifference(56, 70, 48, 80);
 * if (r4(d.estimate) !== 0.2 || r4(d.ci_lb) !== 0.0524 || r4(d.ci_ub) !== 0.3339) throw new Error("Newcombe");
 * ```
 *
 * @example Reported percentages: the counts are reconstructed and said to be
 * ```ts
 * import { compareReportedRates, splitsFittingPercentages } from "./mod.ts";
 * // Leeuw 2008: EXP 51 %, GA 58 % post-treatment, 85 patients; no split of 85 fits all four percentages
 * if (splitsFittingPercentages(85, [51, 63], [58, 51]).length !== 0) throw new Error("splits");
 * const c = compareReportedRates({ label: "EXP", pct: 51, n: 42 }, { label: "GA", pct: 58, n: 43 });
 * if (c.groups[0].x !== 21 || c.groups[0].exact || c.groups[1].x !== 25 || !c.groups[1].exact) throw new Error("counts");
 * if (!/51% of 42 is not a whole number/.test(c.warnings[0])) throw new Error(c.warnings[0]);
 * if (c.nnt.interval.kind !== "split") throw new Error("the difference's CI spans 0");
 * ```
 *
 * @example Expected responders from a mean change (Furukawa)
 * ```ts
 * import { expectedResponderRate } from "./mod.ts";
 * // mean change -10 points, SD of change 12, MCID 8.5, lower is better: Φ((10 - 8.5) / 12) = 0.5497
 * const r = expectedResponderRate({ meanChange: -10, sdChange: 12, mcid: 8.5, improvement: "decrease" });
 * if (Math.abs(r.rate - 0.549738) > 1e-6) throw new Error(String(r.rate));
 * ```
 * @module
 */
export {
  type ClassifyInput,
  classifyResponders,
  type ClassifyResult,
  type ExpectedRate,
  type ExpectedRateInput,
  expectedResponderRate,
  impliedMcid,
  type ImpliedMcidInput,
  type Improvement,
  rateFromSmc,
  type RateFromSmcInput,
} from "./responders.ts";
export {
  PROP_CI_METHODS,
  type PropCI,
  propCI,
  type PropCIMethod,
  type PropCIOptions,
  reconstructCount,
  type ReconstructedCount,
  respondersFromPercent,
  splitsFittingPercentages,
} from "./intervals.ts";
export {
  compareReportedRates,
  type NNT,
  nnt,
  type NntInput,
  oddsRatio,
  type Ratio,
  type RatioOptions,
  type ReportedComparison,
  type ReportedGroup,
  type ReportedGroupResult,
  type RiskDifference,
  riskDifference,
  type RiskDifferenceMethod,
  type RiskDifferenceOptions,
  riskRatio,
} from "./compare.ts";
export { type PooledProportion, poolProportions, type PoolProportionsInput } from "./pool.ts";
export type { Interval, WithWarnings } from "../conventions.ts";
export type { Tau2Method } from "../meta/rma.ts";
