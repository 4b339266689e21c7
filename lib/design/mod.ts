/**
 * The design engine: declare a study design (who the patients are, what they get, how data are
 * collected and analysed, as in DeclareDesign), simulate it many times from a population model,
 * and diagnose it: power, bias, RMSE, CI coverage, type-S error rate and mean CI width, each with
 * its Monte Carlo SE (`power_mcse`, `bias_mcse`, …; Morris, White & Crowther 2019).
 *
 * - {@link parseDesign} / {@link parseSimulation} validate a declaration ({@link DesignInput},
 *   {@link SimulationInput}); every design field has a default, the `seed` is required, and a
 *   simulation whose memory or time would be absurd is refused up front with an estimate.
 * - {@link diagnoseSimulation} runs in this thread; {@link diagnoseParallel} on workers;
 *   {@link progressive} yields a coarse answer at once and refined ones after (cancellable).
 *   Replication i of grid point g always uses the stream `deriveSeed(seed, g, i)`: the same seed
 *   gives the same bytes whatever the number of workers or shards.
 * - {@link shardToCsv} and {@link mergeRaw} split a run over machines; shards carry a provenance
 *   hash and a row-count footer, and a merge refuses shards of another run or cut files.
 * - Data strategies: parallel RCT (with non-adherence, contamination, and a non-inferiority margin
 *   for the `ni-ancova` answer), waiting-list RCT, pre-post cohort, SCED (multiple baseline or AB
 *   under AR(1) errors; answers: `randomization` — the randomisation test with the mean within-case
 *   difference's t interval; `rt-ci` — the randomisation-test CI for an additive shift of lib/sced,
 *   which the certainty readout then uses for imprecision; `bc-smd` — the design-comparable
 *   between-case SMD g_AB of lib/sced (REML, random intercepts, AR(1)) with its t_ν interval,
 *   judged against the model's true between-case SMD δ = mean effect / √(τ² + σ²), where τ² is the
 *   variance of the true baseline score across cases and σ² the measurement-error variance, so
 *   √(τ² + σ²) is the baseline score SD: the `std` estimand), random-effects
 *   meta-analysis (inquiry μ), trials within cohorts (`twics`, with refusal), a controlled cohort
 *   with confounding by indication and an unmeasured-confounding sensitivity parameter, a
 *   stepped-wedge cluster RCT across centres (period and centre fixed effects) and an interrupted
 *   time series on registry data (segmented regression; a co-intervention as sensitivity parameter).
 * - Bias mechanisms that are *not* part of any inquiry and so show as bias: natural course,
 *   regression to the mean (selection on a noisy baseline), expectation effects, response shift
 *   (generic and personalised PROMs separately), waiting-list hold-back, dropout MCAR/MAR/MNAR.
 * - Scenarios ({@link parseScenario}): named files of sourced values (`data/designs/scenario-*.json`);
 *   the certainty readout ({@link certainty}, the toolkit's heuristic, not GRADE) per design;
 *   {@link calibrateK} and {@link calibrationTable} against the seed's numbers; {@link findSampleSize}
 *   and {@link minimalDetectableEffect}; one-at-a-time sensitivity ({@link tornadoSimulation}).
 * - Conventions: `alpha` is the significance threshold of the tests (a proportion, default 0.05),
 *   `level` the confidence level of the intervals (percent, default 95, 0.95 read as 95); p-values
 *   are `pval`; errors are `ValidationError`s naming the tool, field and rule.
 *
 * The closed-form power of the two-sample t test (R: `power.t.test(n = 50, delta = 0.2)`):
 * ```ts
 * import { powerTTest } from "./mod.ts";
 * const power = powerTTest({ n: 50, d: 0.2 });
 * if (Math.abs(power - 0.1676755) > 1e-6) throw new Error(`power ${power}`);
 * ```
 *
 * A small seeded simulation of the same test: its power agrees with the closed form within
 * 4 Monte Carlo SEs, and the same seed gives the same numbers:
 * ```ts
 * import { diagnoseSimulation, parseSimulation, powerTTest } from "./mod.ts";
 * const sim = parseSimulation({
 *   design: {
 *     model: { instrument: "score", effects: { imsr: { mean: 0.5, sd: 0 }, primaryCare: { mean: 0, sd: 0 } } },
 *     data: { type: "rct", n: 100 },
 *     answers: ["dim"],
 *   },
 *   reps: 400,
 *   seed: 1,
 * });
 * const [row] = diagnoseSimulation(sim);
 * const exact = powerTTest({ n: 50, d: 0.5 }); // observed score SD is 1
 * if (row.power === null || row.power_mcse === null) throw new Error("no power");
 * if (Math.abs(row.power - exact) > 4 * row.power_mcse) throw new Error(`power ${row.power} vs ${exact}`);
 * if (diagnoseSimulation(sim)[0].power !== row.power) throw new Error("same seed, same numbers");
 * ```
 *
 * Two shards merged give exactly the unsharded diagnosis; a shard of another seed is refused:
 * ```ts
 * import { diagnoseSimulation, diagnosisToCsv, mergeRaw, parseSimulation, runBlocks, shardToCsv } from "./mod.ts";
 * const sim = parseSimulation({ design: { data: { type: "cohort", n: 30 } }, reps: 40, seed: 9 });
 * const a = shardToCsv(sim, await runBlocks(sim, { shard: [0, 2] }), [0, 2]);
 * const b = shardToCsv(sim, await runBlocks(sim, { shard: [1, 2] }), [1, 2]);
 * if (diagnosisToCsv(mergeRaw(sim, [a, b])) !== diagnosisToCsv(diagnoseSimulation(sim))) throw new Error("merge");
 * const other = parseSimulation({ design: { data: { type: "cohort", n: 30 } }, reps: 40, seed: 10 });
 * const c = shardToCsv(other, await runBlocks(other, { shard: [1, 2] }), [1, 2]);
 * let refused = "";
 * try { mergeRaw(sim, [a, c], ["a.csv", "c.csv"]); } catch (e) { refused = (e as Error).message; }
 * if (!/c\.csv .* and a\.csv .* different simulations/.test(refused)) throw new Error(refused);
 * ```
 *
 * The progressive runner: a coarse answer first, then the final one, equal to a direct run:
 * ```ts
 * import { diagnoseSimulation, diagnosisToCsv, parseSimulation, progressive } from "./mod.ts";
 * const sim = parseSimulation({ design: { data: { type: "rct", n: 40 } }, reps: 60, seed: 3 });
 * const steps = [];
 * for await (const step of progressive(sim, { stages: [20, 60], blockSize: 10 })) steps.push(step);
 * if (steps.map((s) => s.reps).join() !== "20,60" || !steps[1].final) throw new Error("stages");
 * if (diagnosisToCsv(steps[1].rows) !== diagnosisToCsv(diagnoseSimulation(sim))) throw new Error("final bytes");
 * ```
 *
 * Regression to the mean, a known answer: a cohort selected on a baseline below 40 (μ 60, σ 15,
 * test–retest reliability 0.5) improves by about 13.5 points without any treatment:
 * ```ts
 * import { diagnoseSimulation, parseSimulation, rtmShift } from "./mod.ts";
 * const sim = parseSimulation({
 *   design: {
 *     model: { instrument: "score", mean: 60, sd: 15, reliability: 0.5, selection: { cutoff: 40, keep: "below" },
 *       effects: { imsr: { mean: 0, sd: 0 } } },
 *     data: { type: "cohort", n: 200 },
 *     answers: ["change-t"],
 *   },
 *   reps: 200,
 *   seed: 5,
 * });
 * const [row] = diagnoseSimulation(sim);
 * const expected = rtmShift({ mean: 60, sd: 15, cutoff: 40, reliability: 0.5, keep: "below" }); // 13.49
 * const mcse = row.sd_estimate! / Math.sqrt(200);
 * if (Math.abs(row.mean_estimate! - expected) > 4 * mcse) throw new Error(`${row.mean_estimate} vs ${expected}`);
 * // its risk of bias follows from that simulated bias, not from the label "cohort"
 * ```
 *
 * The certainty readout (the toolkit's heuristic, not GRADE) judges a design from its simulated
 * diagnosands; a pre-post cohort with a natural course of 0.5 points per domain (3.5 PDI points)
 * is biased by that much, which is serious against the PDI's MCID:
 * ```ts
 * import { certainty, diagnoseSimulation, parseSimulation } from "./mod.ts";
 * const sim = parseSimulation({
 *   design: { model: { naturalCourse: 0.5 }, data: { type: "cohort", n: 100 }, answers: ["change-t"] },
 *   reps: 200,
 *   seed: 3,
 * });
 * const [row] = diagnoseSimulation(sim);
 * const c = certainty(row, sim.points[0].design, { comparator: "none", instrument: "pdi" });
 * if (c.starting_level !== "low" || c.risk_of_bias.rating !== "serious") throw new Error(JSON.stringify(c.risk_of_bias));
 * if (c.label !== "toolkit heuristic, not GRADE") throw new Error(c.label);
 * ```
 *
 * Bad input is a `ValidationError` that names the field and the allowed values:
 * ```ts
 * import { parseDesign } from "./mod.ts";
 * let msg = "";
 * try { parseDesign({ data: { type: "rtc" } }); } catch (e) { msg = (e as Error).message; }
 * const allowed = '"rct", "waitlist", "cohort", "sced", "meta", "twics", "controlled-cohort", "stepped-wedge", "its"';
 * if (!msg.includes(`data.type must be one of ${allowed}`)) throw new Error(msg);
 * ```
 * @module
 */
export { type AnswerName, answerNames, dataTypes, defaultAnswers, parseDesign, supportedAnswers } from "./schema.ts";
export type {
  CohortData,
  Comparator,
  ControlledCohortData,
  DataStrategy,
  DataStrategyInput,
  DataType,
  Design,
  DesignInput,
  Dropout,
  DropoutInput,
  DropoutMechanism,
  EffectDistribution,
  EffectDistributionInput,
  Effects,
  EstimandTarget,
  InstrumentName,
  ItsData,
  MetaData,
  MissingRule,
  Model,
  ModelInput,
  RctData,
  ResponseShift,
  ScedData,
  Selection,
  Sidedness,
  SteppedWedgeData,
  TwicsData,
  Unmeasured,
  WaitlistData,
} from "./types.ts";
export {
  certainty,
  type CertaintyDomain,
  type CertaintyLevel,
  type CertaintyQuestion,
  type CertaintyRating,
  DEFAULT_QUESTION,
  type DesignCertainty,
} from "./certainty.ts";
export {
  type CertaintyRow,
  certaintyTable,
  mainAnswer,
  mainCertaintyRows,
  parseScenario,
  type Scenario,
  type ScenarioAgreement,
  scenarioAgreement,
  scenarioComparison,
  scenarioDesigns,
  type ScenarioInput,
  type ScenarioLang,
  type ScenarioNl,
  type ScenarioTexts,
  scenarioTexts,
  type ScenarioValue,
  type ScenarioValueNl,
  type ScenarioValueRow,
  scenarioValueRows,
  splitByScenario,
  withCertainty,
  withSize,
} from "./scenario.ts";
export {
  findSampleSize,
  type MdeInput,
  type MdeResult,
  minimalDetectableEffect,
  type SampleSizeInput,
  type SampleSizeResult,
  type SampleSizeStep,
  type SampleSizeTarget,
} from "./samplesize.ts";
export {
  calibrateK,
  CALIBRATION_TARGETS,
  type CalibrationFit,
  calibrationTable,
  type CalibrationTarget,
  type KCalibrationRow,
  onInstrument,
} from "./calibration.ts";
export { populationEffect } from "./data.ts";
export {
  type TornadoRow,
  tornadoRows,
  type TornadoSimulation,
  tornadoSimulation,
  type TornadoVariant,
} from "./sensitivity.ts";
export {
  type Block,
  type BlockTask,
  diagnoseSimulation,
  type Estimand,
  estimandOf,
  FIELDS,
  type GridPoint,
  type GridValue,
  parseSimulation,
  planBlocks,
  runBlock,
  type Simulation,
  type SimulationInput,
} from "./simulate.ts";
export { createPool, diagnoseBlocks, diagnoseParallel, type Pool, runBlocks, type RunOptions } from "./parallel.ts";
export {
  defaultWorkerCount,
  diagnoseProgressive,
  progressive,
  type ProgressiveOptions,
  type ProgressStep,
} from "./progressive.ts";
export {
  blocksToRawCsv,
  DIAGNOSIS_COLUMNS,
  diagnosisToCsv,
  mergeRaw,
  RAW_COLUMNS,
  readShard,
  SHARD_MAGIC,
  type ShardFile,
  shardToCsv,
  simulationHash,
} from "./results.ts";
export {
  type AnswerDraws,
  compareDesigns,
  type ComparisonRow,
  diagnoseAnswer,
  type Diagnosis,
  type DiagnosisRow,
  type GradeContext,
  gradeHeuristic,
  type GradeItem,
  gradeSummary,
  meanEstimateMcse,
  MIN_REPS,
} from "./diagnose.ts";
export { dilution, gradeContext, powerTTest, rtmShift } from "./analytic.ts";
export {
  defaultEffects,
  defaultNaturalCourse,
  defaultSced,
  instruments,
  instrumentsFromCsv,
  type InstrumentSpec,
  type Scoring,
} from "./defaults.ts";
export { type Condition, type ResolvedModel, resolveModel } from "./model.ts";
export { PDI_MCID, type SourcedValue } from "../instruments.ts";
export { findRow, type GradeReport, gradeReport } from "./report.ts";
