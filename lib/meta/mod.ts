/**
 * Meta-analysis as metafor computes it: random- and fixed-effect models (`rma`, nine τ²
 * estimators, Wald z or Knapp–Hartung), Q-profile confidence intervals for τ², I² and H²
 * (`confint`), meta-regression (`rmaMods`), subgroup analyses (`subgroup`), leave-one-out
 * (`leave1out`), small-study effects (`regtest`, `trimfill`), back-transformations of pooled
 * proportions, the r-sensitivity of pre-post analyses (`rSensitivity`), and one function that
 * reads a study table and runs the whole analysis (`analyseStudies`, used by `deno task meta` and
 * the meta-analysis notebook). Numbers agree with metafor 3.8.1 on the fixtures in
 * `../shared/fixtures/metafor/` (1e-8 for closed forms, 1e-5 for iterative estimators).
 *
 * Conventions: `level` is a percentage and also accepts a proportion (`95` or `0.95`, as metafor);
 * result fields use metafor's names with `.` as `_` (`beta`, `se`, `pval`, `ci_lb`, `ci_ub`,
 * `tau2`, `QE`, `I2`); `p` in a model result is metafor's number of coefficients, not a p-value.
 * Every input error is a `ValidationError` naming the function, the 1-based row and the rule.
 * Factor levels (text moderators, subgroups, random-effect ids) are sorted as R's `sort()` in the
 * C / C.UTF-8 locale — by code point, upper case first (`Quasi`, `RCT`, `cohort`) — on every
 * machine; the first level is the reference. R sorts by the machine's locale, so the scripts of
 * `deno task meta --emit-r` set `factor(..., levels = c(...))` explicitly. `trimfill` refits as
 * metafor does (test "z", level 95; `refit: "fit"` keeps the model's test), and FE meta-regressions
 * report metafor's R² (adjusted R² of the weighted linear model, floored at 0).
 *
 * Morris (2008), SMCR, REML (metafor: 0.9121 [0.3512, 1.4730], τ² = 0.3164):
 * ```ts
 * import { rma } from "./mod.ts";
 * import { escalc } from "../effects/mod.ts";
 * const es = escalc("SMCR", {
 *   m1i: [38.5, 26.8, 0.7, 75.9, 36], m2i: [30.6, 23.5, 0.5, 53.4, 35.6],
 *   sd1i: [15, 3.1, 0.1, 14.5, 4.7], ni: [20, 50, 9, 10, 14], ri: [0.47, 0.64, 0.77, 0.89, 0.44],
 * });
 * const fit = rma({ yi: es.yi, vi: es.vi, method: "REML" });
 * const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
 * if (r4(fit.beta) !== 0.9121 || r4(fit.ci_lb) !== 0.3512 || r4(fit.ci_ub) !== 1.473) throw new Error("rma");
 * if (r4(fit.tau2) !== 0.3164) throw new Error("tau2");
 * // level 0.95 is read as 95 %, as metafor does
 * const same = rma({ yi: es.yi, vi: es.vi, method: "REML", level: 0.95 });
 * if (same.level !== 95 || same.ci_lb !== fit.ci_lb) throw new Error("level");
 * ```
 *
 * Q-profile CI of τ² and I² (every interval has the shape `estimate, ci_lb, ci_ub, level`):
 * ```ts
 * import { confint, rma } from "./mod.ts";
 * const fit = rma({ yi: [0.5, 1.0, 1.8, 1.4, 0.1], vi: [0.06, 0.03, 0.23, 0.12, 0.08], method: "DL" });
 * const ci = confint(fit, 0.9);
 * if (ci.level !== 90 || !(ci.tau2.ci_lb <= ci.tau2.estimate && ci.tau2.estimate <= ci.tau2.ci_ub)) {
 *   throw new Error("confint");
 * }
 * if (Math.abs(fit.I2! - fit.I2_Q!) > 1e-9) throw new Error("for DL the two I2 definitions coincide");
 * ```
 *
 * Meta-regression on the BCG trials' latitude (metafor: slope -0.0291, QM = 16.36 with REML):
 * ```ts
 * import { rmaMods } from "./mod.ts";
 * import { escalc } from "../effects/mod.ts";
 * const es = escalc("RR", {
 *   ai: [4, 6, 3, 62, 33, 180, 8, 505, 29, 17, 186, 5, 27], bi: [119, 300, 228, 13536, 5036, 1361, 2537, 87886, 7470, 1699, 50448, 2493, 16886],
 *   ci: [11, 29, 11, 248, 47, 372, 10, 499, 45, 65, 141, 3, 29], di: [128, 274, 209, 12619, 5761, 1079, 619, 87892, 7232, 1600, 27197, 2338, 17825],
 * });
 * const ablat = [44, 55, 42, 52, 13, 44, 19, 13, 27, 42, 18, 33, 33];
 * const fit = rmaMods({ yi: es.yi, vi: es.vi, mods: { ablat } });
 * if (fit.colnames.join() !== "intrcpt,ablat" || Math.abs(fit.beta[1] - -0.0291) > 5e-5) throw new Error("slope");
 * if (Math.abs(fit.QM - 16.36) > 5e-3) throw new Error("QM");
 * ```
 *
 * One call from CSV text to the whole analysis, with warnings for dropped studies:
 * ```ts
 * import { analyseStudies } from "./mod.ts";
 * const csv = "study,yi,vi,dose\nA,0.2,0.04,1\nB,0.5,0.03,2\nC,0.9,0.05,NA\nD,0.7,0.02,3\nE,1.1,0.06,4\n";
 * const res = analyseStudies(csv, { mods: ["dose"], level: 0.95 });
 * if (res.model.k !== 4 || res.data.row.join() !== "1,2,4,5") throw new Error("study C is dropped");
 * if (!/missing dose omitted from model fitting: row 3 \(C\)/.test(res.warnings[0])) throw new Error("warning");
 * ```
 * The same analysis as a metafor script to run in R (`deno task meta --emit-r`, the notebook's R download):
 * ```ts
 * import { analyseStudies, metaforScript } from "./mod.ts";
 * const script = metaforScript(analyseStudies("yi,vi\n0.5,0.06\n1.0,0.03\n1.8,0.23\n"), "studies.csv");
 * if (!script.split("\n").includes('res <- rma(yi, vi, data = dat, method = "REML", test = "z", level = 95)')) {
 *   throw new Error(script);
 * }
 * ```
 * Several effect sizes per study: the CHE working model with CR2 cluster-robust inference, beside
 * naive pooling (metafor + clubSandwich on `dat.assink2016`: 0.3678, CR2 df 14.53):
 * ```ts
 * import { dependentEffects } from "./mod.ts";
 * const res = dependentEffects({
 *   yi: [0.2, 0.4, 0.1, 0.6, 0.5, 0.3, 0.9, 0.7, 0.4, 0.2],
 *   vi: [0.02, 0.03, 0.02, 0.04, 0.03, 0.02, 0.05, 0.04, 0.03, 0.02],
 *   cluster: ["A", "A", "B", "B", "C", "C", "D", "D", "E", "E"], rho: 0.6, robust: true,
 * });
 * const [naive, , che, cr2] = res.comparison;
 * if (naive.model !== "naive" || che.model !== "CHE" || cr2.model !== "CHE + CR2") throw new Error("rows");
 * if (!(cr2.df !== null && cr2.df < 5)) throw new Error("Satterthwaite df below the number of clusters");
 * if (res.s_names.join() !== "study,study/esid") throw new Error("components");
 * ```
 * @module
 */
export type { Improvement, Interval } from "../conventions.ts";
export type { EscalcData, Measure } from "../effects/mod.ts";
export {
  confint,
  type ConfintResult,
  rma,
  type RmaHeterogeneity,
  type RmaInput,
  type RmaResult,
  TAU2_METHODS,
  type Tau2Method,
  type TestType,
} from "./rma.ts";
export { rmaMods, type RmaModsInput, type RmaModsResult } from "./metareg.ts";
export {
  subgroup,
  type SubgroupCommon,
  type SubgroupInput,
  type SubgroupResult,
  type SubgroupSeparate,
} from "./subgroup.ts";
export { leave1out, type Leave1outOptions, type Leave1outResult } from "./influence.ts";
export { regtest, type RegtestResult, trimfill, type TrimfillOptions, type TrimfillResult } from "./bias.ts";
export { rSensitivity, type RSensitivityInput, type RSensitivityResult, type RSensitivityRow } from "./rsensitivity.ts";
export {
  type BackTransformed,
  backTransformFit,
  iarcsin,
  ilogit,
  ipftHm,
  pft,
  type ProportionMeasure,
} from "./transf.ts";
export {
  type AnalyseCall,
  type AnalysedData,
  type AnalyseOptions,
  type AnalyseResult,
  analyseStudies,
  SLAB_COLUMNS,
  STUDY_COLUMNS,
  type TrimfillSummary,
} from "./analyse.ts";
export { metaforScript } from "./rscript.ts";

// Multilevel and multivariate models as metafor's rma.mv, with predictions and profile-likelihood CIs.
export {
  confintMv,
  type ConfintMvComponent,
  type ConfintMvResult,
  type MvFitStats,
  type MvNestedRandom,
  type MvStruct,
  type MvStructRandom,
  predictMv,
  type PredictMvOptions,
  type PredictMvResult,
  rmaMv,
  type RmaMvInput,
  type RmaMvResult,
} from "./rmamv.ts";

// Sampling covariances of dependent effect sizes as metafor's vcalc, and the CHE model over a range of rho.
export {
  rhoSensitivity,
  type RhoSensitivityInput,
  type RhoSensitivityResult,
  type RhoSensitivityRow,
  vcalc,
  type VcalcInput,
} from "./vcalc.ts";

// Cluster-robust inference: CR2 with Satterthwaite df and the HTZ Wald test as clubSandwich, or metafor's CR1.
export {
  robust,
  type RobustOptions,
  type RobustResult,
  type UniFitLike,
  waldTest,
  type WaldTestOptions,
  type WaldTestResult,
} from "./robust.ts";

// Several effect sizes per study: the CHE / multilevel / multivariate working model, CR2, and naive pooling beside it.
export {
  DEPENDENCE_STRUCTS,
  type DependenceInventory,
  dependenceInventory,
  type DependenceInventoryRow,
  type DependenceRow,
  type DependenceStruct,
  dependentEffects,
  type DependentEffectsInput,
  type DependentEffectsResult,
  type DependentRobust,
  type ReportedEffect,
} from "./dependent.ts";

// Influence, Baujat, cumulative meta-analysis, rank test, fail-safe N, modified Knapp-Hartung, permutation tests, selection models.
export {
  baujat,
  type BaujatResult,
  cumul,
  type CumulResult,
  type DiagFit,
  fsn,
  type FsnOptions,
  type FsnResult,
  influence,
  type InfluenceResult,
  type InfluenceRow,
  influenceRows,
  knhaAdhoc,
  type KnhaAdhocResult,
  permutest,
  type PermutestOptions,
  type PermutestResult,
  ranktest,
  type RanktestResult,
  selmodel,
  type SelmodelOptions,
  type SelmodelResult,
} from "./diagnostics.ts";
