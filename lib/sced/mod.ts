/**
 * Single-case experimental designs (SCED): the patient as their own control. Designs and their
 * assignment spaces (phase designs such as AB, ABAB, ABCD; CRD, RBD, ATD; multiple baseline under
 * the Wampold–Worsham, Koehler–Levin and Marascuilo–Busk schemes), exact and Monte Carlo
 * randomisation tests, combining p-values across patients, within-case effect sizes, seeded AR(1)
 * simulation and power, and long-format CSV input.
 *
 * Conventions (as every engine): p-values are `pval`, a Monte Carlo p has its `mcse`, power has a
 * significance threshold `alpha` (a proportion), `seed` is required wherever randomness is used,
 * direction is an `Improvement` (`"decrease"` for pain and fear scores), and every input problem
 * is a `ValidationError` naming the tool, the field, the 1-based row and the rule.
 *
 * - Exact p = #(assignments with statistic ≥ observed − tol) / #assignments, the observed
 *   assignment included (SCRT's `pvalue.systematic`, scan's `rand_test`); Monte Carlo p =
 *   (k + 1)/(M + 1), never 0.
 * - Large statistics are evidence: the direction is part of the statistic's name (`"A-B"` when
 *   improvement is a decrease; see {@link statisticFor}).
 *
 * Onghena's (1992) ABAB data (SCRT's example, `../shared/fixtures/sced/cases.json`): 165
 * admissible assignments with at least 4 measurements per phase; the observed PA−PB is 2 and the
 * exact p is 4/165 = 0.0242, as in SCRT 1.3.1:
 *
 * ```ts
 * import { randomizationTest } from "./mod.ts";
 * const r = randomizationTest({
 *   design: { type: "phase", phases: ["A", "B", "A", "B"], n: 24, limit: 4 },
 *   values: [6, 2, 5, 3, 4, 4, 1, 2, 3, 1, 3, 2, 2, 3, 4, 2, 4, 3, 0, 1, 2, 0, 2, 1],
 *   labels: [..."AAAAAABBBBBBAAAAAABBBBBB"],
 *   statistic: "PA-PB",
 * });
 * if (r.assignments !== 165 || r.k !== 4 || r.observed !== 2) throw new Error("SCRT counts");
 * if (Math.abs(r.pval - 0.024242424242424242) > 1e-15) throw new Error("SCRT exact p");
 * ```
 *
 * SCMA's `combine()` example: seven one-sided p-values combined with Edgington's additive method
 * (exact Irwin–Hall) and Fisher's multiplicative method:
 *
 * ```ts
 * import { combinePValues } from "./mod.ts";
 * const P = [0.19, 0.2, 0.22, 0.3, 0.35, 0.41, 0.42];
 * if (Math.abs(combinePValues(P, "edgington").pval - 0.03202263) > 1e-8) throw new Error("SCMA +");
 * if (Math.abs(combinePValues(P, "fisher").pval - 0.2258836) > 1e-7) throw new Error("SCMA x");
 * ```
 *
 * Long-format CSV (here as a Dutch Excel file: `;` and decimal commas), then a multiple-baseline
 * test under Marascuilo–Busk with a fixed seed (the same seed always gives the same p):
 *
 * ```ts
 * import { parseScedCsv, randomizationTest, startsFromLimit } from "./mod.ts";
 * const csv = "case;measurement;phase;value\n" +
 *   [..."AAABBBB"].map((l, i) => `p1;${i + 1};${l};${l === "A" ? "6,5" : "3,0"}`).join("\n") + "\n" +
 *   [..."AAAABBB"].map((l, i) => `p2;${i + 1};${l};${l === "A" ? 7 - i : 2}`).join("\n");
 * const cases = parseScedCsv(csv, { name: "diary.csv" });
 * if (cases[0].values[0] !== 6.5) throw new Error("decimal comma");
 * const starts = cases.map((c) => startsFromLimit(c.values.length, 2));
 * const r = randomizationTest({
 *   design: { type: "MBD", scheme: "marascuilo-busk", n: 7, starts },
 *   cases, statistic: "A-B", method: "monte-carlo", draws: 999, seed: 42,
 * });
 * if (r.pval !== (r.k + 1) / 1000 || !(r.mcse! > 0)) throw new Error("Monte Carlo p");
 * ```
 *
 * Within-case effect sizes, oriented so that positive is an improvement:
 *
 * ```ts
 * import { scedEffects } from "./mod.ts";
 * const e = scedEffects({ A: [7, 8, 7, 6], B: [3, 4, 2, 3], improvement: "decrease" });
 * if (e.NAP.estimate !== 1 || e.PND.estimate !== 100) throw new Error("non-overlap");
 * ```
 * @module
 */
export {
  type Assignment,
  assignmentLabels,
  type AtdDesign,
  countAssignments,
  type CrdDesign,
  enumerateAssignments,
  type MbdDesign,
  type MbdScheme,
  mbdSchemes,
  observedAssignment,
  type PhaseDesign,
  randomAssignment,
  type RbdDesign,
  type ScedDesign,
  startsFromLimit,
  validateDesign,
} from "./designs.ts";
export { type CaseView, computeStatistic, type Statistic, statisticFor, type StatisticFunction } from "./statistics.ts";
export {
  type CaseInput,
  randomizationTest,
  type RandomizationTestInput,
  type RandomizationTestResult,
  replicatedTest,
  type ReplicatedTestInput,
  type ReplicatedTestResult,
} from "./test.ts";
export { type Ar1Options, type MbdFastInput, type MbdFastResult, mbdTestFast, simulateAR1 } from "./fast.ts";
export {
  combineAllMethods,
  type CombinedAll,
  type CombinedP,
  type CombineMethod,
  combineMethods,
  combinePValues,
  irwinHallCdf,
} from "./combine.ts";
export { nap, type ScedEffects, scedEffects, type ScedEstimate } from "./effects.ts";
export {
  powerCurve,
  type PowerCurveInput,
  type PowerCurvePoint,
  scedPower,
  type ScedPowerInput,
  type ScedPowerResult,
} from "./power.ts";
export {
  analyseScedData,
  type CaseEffects,
  type EffectsByCaseOptions,
  type ScedAnalysis,
  type ScedAnalysisOptions,
  scedEffectsByCase,
} from "./analyse.ts";
export type { Improvement } from "../conventions.ts";
export { parseScedCsv, parseStartsCsv, type ScedCase, type ScedCsvOptions } from "./data.ts";

// Within-case effect sizes as SingleCaseES computes them (SEs assume independent observations).
export {
  batchScedEffectSizes,
  esIRD,
  esLOR,
  esLRM,
  esLRRd,
  esLRRi,
  esNAP,
  esPAND,
  esPEM,
  esPND,
  esSMD,
  esTau,
  esTauBC,
  esTauU,
  kendallTrendPval,
  type NapSeType,
  SCED_ES_NAMES,
  scedEffectSize,
  type ScedEsBatchOptions,
  type ScedEsBatchRow,
  type ScedEsDataRow,
  type ScedEsName,
  type ScedEsOptions,
  type ScedEsRow,
  type ScedScale,
} from "./es.ts";
// Hierarchical linear model for single-case data (REML/ML as nlme::lme) and the design-comparable
// between-case SMD (as scdhlm: g_mlm, calc_BCSMD, and the moment estimators).
export {
  fitScedHlm,
  type ScedCorStruct,
  type ScedHlmColumn,
  type ScedHlmFit,
  type ScedHlmInput,
  type ScedHlmOptions,
  type ScedNamedValues,
  type ScedVarStruct,
} from "./hlm.ts";
export {
  type AbkDataRow,
  type BcsmdDataRow,
  bcsmdDefaultTimes,
  type BcsmdDesign,
  calcBCSMD,
  type CalcBcsmdOptions,
  type CalcBcsmdResult,
  effectSizeABk,
  effectSizeMB,
  gMlm,
  type GMlmOptions,
  type GMlmResult,
  type MomentEsOptions,
  type MomentEsResult,
} from "./bcsmd.ts";
// A randomisation-test confidence interval for an additive shift (Michiels et al. 2017).
export {
  type ScedRandomizationCi,
  scedRandomizationCI,
  type ScedRandomizationCiInput,
  type ScedRandomizationCiOptions,
  type ScedRtciCase,
  scedShiftPval,
} from "./rtci.ts";
