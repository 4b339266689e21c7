/**
 * Practice variation between rehabilitation centres: a simulated registry with sourced defaults,
 * reading a registry extract (CSV, including a Dutch Excel file; CSV or Parquet through DuckDB for a
 * national extract), case-mix-adjusted benchmarking
 * (indirect standardisation) with funnel-plot control limits (Spiegelhalter 2005; FunnelPlotR),
 * overdispersion with a calibrated default (additive τ² by DerSimonian-Laird via `lib/meta`, chosen
 * by {@link calibrateOverdispersion}), random-effects shrinkage, rankability and rank intervals,
 * risk-adjusted CUSUM and VLAD monitoring over time (Steiner et al. 2000), a delta-adjusted
 * sensitivity analysis for missing follow-up PROMs, an indication funnel, the centre table with one
 * flag rule, and a simulation diagnosis of how often the benchmark flags the right centres.
 *
 * Conventions (as every engine): control-limit and confidence levels in percent, proportions
 * accepted (95 or 0.95); intervals `estimate, ci_lb, ci_ub, level`; control limits `pi_lb, pi_ub`;
 * p-values `pval`; Monte Carlo SEs `mcse`; seeds required; input problems are `ValidationError`s
 * naming the tool, field, 1-based row and rule; unknown option keys are errors.
 *
 * @example Exact Poisson control limits agree with FunnelPlotR's published test values
 * ```ts
 * import { poissonRatioLimits } from "./mod.ts";
 * // FunnelPlotR tests/testthat/test-poisson_limits.R, E = 15, 20, 30, 95 % and 99.8 %
 * const ll95 = [15, 20, 30].map((E) => poissonRatioLimits({ E, level: 95 }).pi_lb);
 * const r7 = (x: number) => Math.round(x * 1e7) / 1e7;
 * if (ll95.map(r7).join() !== "0.5596924,0.610826,0.6746958") throw new Error(ll95.join());
 * const ul998 = poissonRatioLimits({ E: 20, level: 0.998 }).pi_ub; // a proportion is read as 99.8 %
 * if (Math.round(ul998 * 1e6) / 1e6 !== 1.902094) throw new Error(String(ul998));
 * ```
 *
 * @example A seeded registry, benchmarked; the centre table carries the one flag rule
 * ```ts
 * import { benchmarkCentres, centreTable, simulateRegistry } from "./mod.ts";
 * const reg = simulateRegistry({ centres: 12, shortfall: -10, shortfallCentres: 1 }, 7);
 * if (reg.centres.length !== 12) throw new Error("12 centres");
 * if (reg.patients.length !== reg.centres.reduce((a, c) => a + c.size, 0)) throw new Error("size");
 * const table = centreTable(benchmarkCentres({ rows: reg.patients }), { sort: "flag" });
 * if (table[0].centre !== "C01" || table[0].flagDirection !== "low") throw new Error(table[0].flag);
 * ```
 *
 * @example Calibration: winsorised z-scores flag ordinary centres too often; the default (DL) does not
 * ```ts
 * import { calibrateOverdispersion } from "./mod.ts";
 * const c = calibrateOverdispersion({ reps: 40, seed: 3, centreSDs: [3] });
 * const at = (m: string) => c.rows.find((r) => r.method === m && r.level === 95)?.rate as number;
 * if (!(at("additive-spiegelhalter-winsorised") > at("additive-DL"))) throw new Error("winsorising flags more");
 * if (Math.abs(at("additive-DL") - 0.05) > 0.02) throw new Error(String(at("additive-DL")));
 * ```
 *
 * @example Rankability by hand: tau2 2.25 and median sampling variance 2 give 2.25 / 4.25
 * ```ts
 * import { rankability } from "./mod.ts";
 * const r = rankability({ vi: [4, 2, 1, 0.5, 3], tau2: 2.25 });
 * if (Math.abs(r.rho - 2.25 / 4.25) > 1e-15 || r.reading !== "moderate") throw new Error(String(r.rho));
 * ```
 *
 * @example Risk-adjusted CUSUM (Steiner 2000): three patients by hand, R_A = 2
 * ```ts
 * import { raCusum } from "./mod.ts";
 * // non-responder p(non-response) 0.1: log(2/1.1); responder 0.2: log(1/1.2); non-responder 0.5: log(2/1.5)
 * const c = raCusum({ pResponse: [0.9, 0.8, 0.5], responder: [0, 1, 0], h: 4.5 });
 * const want = Math.log(2 / 1.1) + Math.log(1 / 1.2) + Math.log(2 / 1.5);
 * if (Math.abs(c.S[2] - want) > 1e-12 || c.signals.length !== 0) throw new Error(c.S.join());
 * ```
 *
 * @example Misspelt option keys are errors, not silently ignored
 * ```ts
 * import { simulateRegistry, ValidationError } from "./mod.ts";
 * let message = "";
 * try {
 *   simulateRegistry({ centers: 10 } as never, 1);
 * } catch (e) {
 *   if (e instanceof ValidationError) message = e.message;
 * }
 * if (!/has unknown field\(s\) centers/.test(message)) throw new Error(message);
 * ```
 * @module
 */
export { type Issue, ValidationError } from "../validate.ts";
export type { Interval } from "../conventions.ts";
export type { CsvDialect } from "../io/csv.ts";
export {
  type Benchmark,
  benchmarkCentres,
  type BenchmarkInput,
  caseMixMatrix,
  type CaseMixModel,
  type CentreBenchmark,
  indicationFunnel,
  type IndicationInput,
  type Outcome,
  OUTCOMES,
  type RegistryRow,
  type VarianceExplained,
} from "./benchmark.ts";
export {
  type CalibrateInput,
  calibrateOverdispersion,
  type Calibration,
  CALIBRATION_METHODS,
  type CalibrationMethod,
  type CalibrationRow,
  calibrationSummary,
} from "./calibrate.ts";
export {
  type CaseMixFit,
  fitLinear,
  fitLogistic,
  fitMixedCaseMix,
  type LinearFitInput,
  type LogisticFitInput,
  type MixedCaseMixFit,
  type MixedFitInput,
  predictCaseMix,
  type PredictInput,
} from "./casemix.ts";
export {
  type CentreMonitor,
  type CusumChart,
  type CusumInput,
  type CusumPeriodInput,
  type CusumPeriodResult,
  cusumRunLength,
  type CusumRunLengthInput,
  type CusumSignalProbability,
  cusumSignalProbability,
  type CusumSignalProbabilityInput,
  type CusumThreshold,
  cusumThreshold,
  type CusumThresholdAlpha,
  cusumThresholdAlpha,
  type CusumThresholdAlphaInput,
  type CusumThresholdInput,
  cusumWeight,
  type CusumWeightInput,
  monitorCentres,
  type Monitoring,
  type MonitorInput,
  raCusum,
} from "./cusum.ts";
export {
  diagnoseBenchmark,
  type DiagnoseInput,
  diagnosisTable,
  type DiagnosisTableRow,
  type FlagRateDiagnosis,
  nullFlagRates,
  type NullFlagRatesInput,
  type Rate,
} from "./diagnose.ts";
export {
  binomialLimits,
  type BinomialLimitsInput,
  type ControlLimits,
  funnel,
  type FunnelCurvePoint,
  type FunnelFlag,
  funnelFlag,
  type FunnelInput,
  type FunnelResult,
  type FunnelRow,
  type FunnelTau2Method,
  type FunnelType,
  type FunnelUnit,
  type Overdispersion,
  overdispersion,
  type OverdispersionInput,
  type OverdispersionMethod,
  type PoissonLimitsInput,
  poissonRatioLimits,
  winsorise,
  type WinsoriseInput,
  zFor,
} from "./funnel.ts";
export {
  DOSE_BAND_CUTS,
  DOSE_BANDS,
  type DoseBand,
  doseFactor,
  PDI_MAX,
  PSC_MAX,
  REGISTRY_DEFAULTS,
  REGISTRY_SOURCES,
  type RegistryDefaultRow,
  registryDefaultsTable,
  type RegistryParams,
  type RegistryParamsFull,
  registryToCsv,
  type SimCentre,
  type SimPatient,
  type SimRegistry,
  simulateRegistry,
} from "./registry.ts";
export {
  type CentreMissing,
  type DeltaFlags,
  maskFollowUp,
  type MaskFollowUpInput,
  missingDataSensitivity,
  type MissingSensitivity,
  type MissingSensitivityInput,
  type RegistryRowMissing,
} from "./missing.ts";
export {
  type CentreRank,
  type Rankability,
  rankability,
  type RankabilityInput,
  rankBenchmark,
  type RankBenchmarkOptions,
  type RankIntervals,
  rankIntervals,
  type RankIntervalsInput,
} from "./rank.ts";
export { shrinkCentres, type ShrinkInput, type Shrunk } from "./shrink.ts";
export {
  benchmarkSummary,
  centreTable,
  type CentreTableCsvRow,
  centreTableCsvRows,
  type CentreTableOptions,
  type CentreTableRow,
  outcomeLabel,
} from "./table.ts";
export { estimateCentreTau2, type Tau2Estimate } from "./tau2.ts";
export {
  type ExtractCentre,
  type ParsedRegistry,
  parseRegistryCsv,
  type ParseRegistryOptions,
  type ReadExtractOptions,
  readRegistryExtract,
  REGISTRY_COLUMNS,
  type RegistryColumn,
  type RegistryExtract,
  writeRegistryParquet,
} from "./upload.ts";
