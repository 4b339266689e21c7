/**
 * The evidence engine: the seed's evidence tables (chapter 4, 4b, 4c and section 3b of the VRA
 * objection) as validated data with provenance, the tables rebuilt with derived numbers, a
 * statcheck-style audit of every printed number (estimate in CI, CI symmetry, implied p, Q and its
 * significance mark, I² from Q, df, counts, GRIM-style percentages, magnitudes, duplicates,
 * subgroup differences), and the responder analyses of the reported rates (Leeuw 2008, Volker 2017,
 * rates implied by effect sizes, pooling of independent cohorts).
 *
 * The loaders take the text of each file (from `Deno.readTextFile` in a CLI, `FileAttachment` in a
 * notebook), so the CLI, the tests and the notebooks share one code path; every CSV goes through
 * `lib/io`'s reader, and errors name the file, the 1-based row (and its line), the column and the
 * rule.
 *
 * @example Parse a table and audit printed numbers
 * ```ts
 * import { checkCISymmetry, checkI2, checkPercentOfN, parseAssumptions, ValidationError } from "./mod.ts";
 * const rows = parseAssumptions(
 *   "id,applies_to,quantity,value,lower,upper,unit,reason,used_by\n" +
 *     "n-exp,leeuw2008,group size EXP,42,,,patients,only the total is printed,reproduce\n",
 * );
 * if (rows.length !== 1 || rows[0].value !== 42) throw new Error("parse");
 * // an assumption set to NA where a number is required: the error names file, row, column and rule
 * let msg = "";
 * try {
 *   parseAssumptions("id,applies_to,quantity,value,lower,upper,unit,reason,used_by\nx,a,q,abc,,,u,r,u\n");
 * } catch (e) { if (e instanceof ValidationError) msg = e.message; }
 * if (!/assumptions\.csv: row 1 \(line 2\), column value must be a number or empty/.test(msg)) throw new Error(msg);
 * // Smeets 2006 PSC, CT vs waiting list: -17.84 (-26.54 to -0.14) is not symmetric
 * const sym = checkCISymmetry({ id: "psc", estimate: -17.84, ci_lb: -26.54, ci_ub: -0.14 });
 * if (sym[0]?.severity !== "error") throw new Error("symmetry");
 * // a printed "100%" needs only I² >= 99.5%, i.e. τ² >= 199 times the within-cohort variance
 * const i2 = checkI2({ id: "social", Q: 635.02, df: 13, I2: 100 })[0];
 * if (i2.numbers.tau2_over_s2_needed !== 199) throw new Error("I² boundary");
 * // 60% of 23 patients is no whole number; 60% of 20 or of 30 is
 * if (checkPercentOfN({ id: "t", pct: 60, n: 23 }).length !== 1) throw new Error("GRIM 23");
 * if (checkPercentOfN({ id: "t", pct: 60, n: 30 }).length !== 0) throw new Error("GRIM 30");
 * ```
 *
 * @example Load everything (in a CLI or a test, with read permission)
 * ```ts ignore
 * import { auditEvidence, countRows, loadEvidence } from "./mod.ts";
 * const ev = await loadEvidence((f) => Deno.readTextFile(new URL(`../../data/${f}`, import.meta.url)));
 * if (ev.estimates.length !== 221 || countRows(ev)["4c-smc"] !== 30) throw new Error("row counts");
 * auditEvidence(ev).filter((f) => f.severity === "error"); // the five contradictions in the tables
 * ```
 * @module
 */
export type {
  Assumption,
  DirectionRow,
  Estimate,
  Instrument,
  Period,
  POp,
  PopulationRow,
  Provenance,
  Reported,
  ReportedStatistic,
  SmcRow,
  Study,
  SubgroupRow,
  SubgroupTestRow,
  TableRow,
  Transcription,
} from "./types.ts";
export {
  assumptionValue,
  type AttachedFile,
  countRows,
  estimateValue,
  type Evidence,
  EVIDENCE_FILES,
  type EvidenceFile,
  loadEvidence,
  loadEvidenceAttachments,
  parseAssumptions,
  parseDirections,
  parseEstimates,
  parseInstruments,
  parsePopulation,
  parseSmc,
  parseStudies,
  parseSubgroups,
  parseSubgroupTests,
  parseTables,
} from "./load.ts";
export { formatTable, type ReproducedTable, reproduceTables } from "./reproduce.ts";
export {
  AUDIT_DENOMINATORS,
  AUDIT_T_DF,
  auditEvidence,
  checkCISymmetry,
  checkCountsSum,
  checkDf,
  checkEstimateInCI,
  checkI2,
  checkIdenticalNumbers,
  checkMagnitude,
  checkMedianInRange,
  checkPercentOfN,
  checkPFromCI,
  checkQSignificance,
  checkSameQuantity,
  checkSignificanceLegend,
  checkSubgroupDifference,
  correctionNotes,
  type CountsSumInput,
  decimalsOf,
  type Finding,
  type I2Input,
  type IntervalInput,
  type MagnitudeKind,
  type MedianRangeInput,
  type PercentInput,
  type PFromCIInput,
  type QInput,
  seBoundsFromP,
  type Severity,
  type SubgroupStat,
  summarizeFindings,
  type SymmetryInput,
  type TupleRow,
} from "./audit.ts";
export {
  type ImpliedRate,
  type ImpliedRateOptions,
  impliedResponderRates,
  type Leeuw2008Comparison,
  leeuw2008Comparison,
  type Leeuw2008Options,
  type Leeuw2008Timepoint,
  type PooledCohorts,
  pooledResponderCohorts,
  type ReportedRate,
  reportedResponderRates,
  type ResponderCohort,
  type ResponderSummary,
  responderSummary,
  type VolkerRate,
} from "./responders.ts";
export { type Issue, ValidationError } from "../validate.ts";
export type {
  Interval,
  NNT,
  PooledProportion,
  PropCI,
  PropCIMethod,
  Ratio,
  ReconstructedCount,
  ReportedComparison,
  ReportedGroupResult,
  RiskDifference,
  RiskDifferenceMethod,
} from "../responders/mod.ts";
export {
  breugelmansRows,
  contrastOutcomes,
  contrastRows,
  type ContrastRowsOptions,
  type ContrastView,
  type Dose,
  type DoseComparison,
  doseComparison,
  flaggedIds,
  i2Rows,
  type I2View,
  type PostFollowView,
} from "./views.ts";
// Risk-of-bias judgements (RoB 2, ROBINS-I v2, a SCED scheme): format, loader, robvis-style plot data.
export {
  loadRob,
  type LoadRobOptions,
  NO_INFORMATION,
  NOT_ASSESSED,
  ROB_COLOURS,
  ROB_COLUMNS,
  ROB_TOOL_NAMES,
  ROB_TOOLS,
  type RobChange,
  type RobDomain,
  type RobFile,
  type RobJudgement,
  type RobLevel,
  robLevels,
  type RobOverall,
  robOverall,
  robRestrict,
  type RobRestriction,
  robSummary,
  type RobSummaryShare,
  robTemplate,
  robToCsv,
  type RobTool,
  type RobToolInfo,
  type RobTrafficCell,
  robTrafficLight,
  seedStudyIds,
  setRobJudgement,
  setRobJudgements,
} from "./rob.ts";

// GRADE-style certainty rules (the toolkit's rules, labelled as such): suggestions with reasons, overrides recorded.
export {
  assessCertainty,
  type Certainty,
  CERTAINTY_LEVELS,
  type CertaintyInput,
  certaintyInputFromFit,
  type CertaintyResult,
  certaintyText,
  type DeclaredUpgrade,
  type DomainAssessment,
  type DomainOverride,
  type DomainRating,
  type EffectInput,
  type EffectMeasure,
  type EvidenceDesign,
  type FromFitOptions,
  GRADE_DOMAINS,
  GRADE_RULES,
  type GradeDomain,
  type HeterogeneityInput,
  type IndirectnessInput,
  type IndirectnessLevel,
  type OisInput,
  type OisOptions,
  type OisResult,
  optimalInformationSize,
  type PooledFit,
  RULES_LABEL,
  type StartOverride,
  type StudyRob,
  type Threshold,
  type UpgradeAssessment,
  type UpgradeOverride,
  type UpgradeReason,
} from "./certainty.ts";

// Summary-of-findings tables in GRADEpro's layout, with provenance for every number.
export {
  type AbsoluteEffect,
  absoluteFromRatio,
  buildSeedSof,
  decisionFromChoices,
  formatSof,
  KEEP_SUGGESTION,
  type NntResult,
  numberNeededToTreat,
  riskRatioFromProportions,
  type SeedFiles,
  type SeedSofOptions,
  SOF_COMPARISON_IDS,
  type SofChoices,
  type SofComparison,
  type SofDecision,
  type SofEffect,
  type SofFormat,
  type SofRecord,
  sofRecords,
  type SofRow,
  type SofSource,
  type SofTable,
} from "./sof.ts";

// Which row of data/instruments.csv a label names (by name or alias: "RDQ" is the RMDQ).
export { favoursFor, type FavoursTexts, findInstrument, INSTRUMENT_ALIASES } from "../instruments.ts";
