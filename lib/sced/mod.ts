/**
 * Single-case experimental designs (SCED): the patient as their own control. Designs and their
 * assignment spaces (phase designs such as AB, ABAB, ABCD; CRD, RBD, ATD; multiple baseline under
 * the Wampold–Worsham, Koehler–Levin and Marascuilo–Busk schemes), exact and Monte Carlo
 * randomisation tests, combining p-values across patients, seeded AR(1) simulation and power;
 * within-case effect sizes exactly as SingleCaseES (SEs assuming independent measurements); the
 * single-case hierarchical linear model (REML/ML as nlme) and the design-comparable between-case
 * SMD g_AB (scdhlm), which is on the scale of an RCT's SMD; the randomisation-test confidence
 * interval for a shift; SCED synthesis (g_AB pooled with RCT SMDs through `lib/meta`, by design);
 * and long-format CSV input for all of these.
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
 * A user's own long-format file end to end (`case, session, phase, value`, optionally `outcome`):
 * every within-case effect size of SingleCaseES per case (their SEs assume independent
 * measurements), the design-comparable g_AB with its model (scdhlm's `calc_BCSMD`: REML, random
 * case intercepts, AR(1) errors), and the randomisation-test CI for a shift:
 *
 * ```ts
 * import { readScedLongCsv, scedDataBcsmd, scedDataEffectSizes, scedDataRandomizationCI } from "./mod.ts";
 * const lines = ["case;session;phase;value"];
 * for (let c = 0; c < 4; c++) {
 *   for (let s = 1; s <= 12; s++) {
 *     const b = s > 3 + 2 * c;
 *     lines.push(`p${c + 1};${s};${b ? "B" : "A"};${(7 + (c % 2) - (b ? 3 : 0) + ((s * 7 + c) % 5) / 5).toFixed(1).replace(".", ",")}`);
 *   }
 * }
 * const data = readScedLongCsv(lines.join("\n"), { name: "diary.csv" });
 * if (data.nRows !== 48 || data.cases.length !== 4 || !/decimal comma/.test(data.dialect)) throw new Error("read");
 * const es = scedDataEffectSizes(data, { improvement: "decrease", es: ["NAP", "Tau_BC", "SMD"] });
 * if (es.rows.length !== 12 || es.rows[0].estimate !== 1) throw new Error("NAP = 1: every B below every A");
 * const g = scedDataBcsmd(data, { correlation: "AR1" });
 * if (g.design !== "MBP" || g.model.fixed !== "outcome ~ 1 + trt" || !(g.ci_lb < g.g_AB && g.g_AB < 0 && g.g_AB < g.ci_ub)) throw new Error("g_AB");
 * const ci = scedDataRandomizationCI(data, { limit: 3, draws: 999, seed: 1 }).intervals[0];
 * if (!(ci.ci_lb <= ci.estimate && ci.estimate <= ci.ci_ub && ci.ci_ub < 0)) throw new Error("RT-CI");
 * ```
 *
 * SCED synthesis: g_AB (turned so that positive is an improvement) pooled with RCT SMDs through
 * `lib/meta`, overall and by design, ready for a forest plot stratified by design:
 *
 * ```ts
 * import { bcsmdStudy, poolBcsmd } from "./mod.ts";
 * const p = poolBcsmd([
 *   bcsmdStudy("MBD 1", "SCED", { g_AB: -1.2, SE_g_AB: 0.35 }, "decrease"),
 *   bcsmdStudy("MBD 2", "SCED", { g_AB: -0.6, SE_g_AB: 0.3 }, "decrease"),
 *   { label: "RCT 1", design: "RCT", estimate: 0.5, vi: 0.04 },
 *   { label: "RCT 2", design: "RCT", estimate: 0.7, vi: 0.05 },
 * ], { level: 0.95 });
 * if (p.strata[0].design !== "SCED" || !(p.strata[0].estimate > 0.6 && p.strata[0].estimate < 1.2)) throw new Error("SCED stratum");
 * if (p.fit.k !== 4 || p.difference === null || p.level !== 95) throw new Error("pooled");
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
// A user's own long-format data end to end: read, within-case effect sizes, g_AB with its model,
// the randomisation-test CI (what the CLI and the notebook call).
export {
  readScedLongCsv,
  SCED_ES_ASSUMPTION,
  type ScedDataBcsmd,
  scedDataBcsmd,
  type ScedDataBcsmdOptions,
  type ScedDataEffectSizes,
  scedDataEffectSizes,
  type ScedDataEsOptions,
  scedDataRandomizationCI,
  type ScedDataRtci,
  type ScedDataRtciOptions,
  type ScedDataRtciRow,
  type ScedDataSeries,
  scedDataSeries,
  type ScedEsWide,
  scedEsWide,
  type ScedLongCsvOptions,
  type ScedLongData,
  type ScedLongRow,
} from "./long.ts";
export { mbdDesignForScheme, type MbdSchemeInput } from "./tiers.ts";
// SCED synthesis: g_AB of single-case studies pooled with RCT SMDs through lib/meta, by design.
export {
  bcsmdStudy,
  type DesignStratum,
  poolBcsmd,
  type PoolBcsmdOptions,
  type PooledBcsmd,
  readSynthesisCsv,
  type SynthesisCsvOptions,
  type SynthesisStudy,
} from "./synthesis.ts";
export type {
  RmaHeterogeneity,
  RmaResult,
  SubgroupCommon,
  SubgroupResult,
  SubgroupSeparate,
  Tau2Method,
  TestType,
} from "../meta/mod.ts";
