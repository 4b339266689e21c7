/**
 * The design declaration's types, written out (not inferred from the zod schema) so that the
 * public API has explicit types: {@link DesignInput} is what a user writes (every field optional),
 * {@link Design} what {@link parseDesign} returns (every default filled in). `schema.ts` checks at
 * compile time that its schema's output is assignable to these types.
 * @module
 */
import type { AnswerName } from "./schema.ts";

/** The instruments the outcome model knows. */
export type InstrumentName = "pdi" | "psc" | "nrs" | "pcs" | "mcs" | "score";

/** Comparators (C). `none` is a PIO: no comparison group. */
export type Comparator = "primary-care" | "usual-imsr" | "waiting-list" | "none";

/** Mechanisms of missing post measurements. */
export type DropoutMechanism = "MCAR" | "MAR" | "MNAR";

/** How missing post measurements are analysed. */
export type MissingRule = "complete-case" | "bocf" | "mean";

/** A distribution of patient-level effects (points per prioritised domain, positive = improvement). */
export interface EffectDistribution {
  /** Mean effect. */
  mean: number;
  /** Between-patient SD of the effect. */
  sd: number;
}

/** Input form of {@link EffectDistribution} (the SD has a default per condition). */
export interface EffectDistributionInput {
  /** Mean effect. */
  mean: number;
  /** Between-patient SD of the effect. */
  sd?: number;
}

/** Dropout or attrition. */
export interface Dropout {
  /** Probability of a missing post measurement (intervention arm, or everyone). */
  rate: number;
  /** Rate in the comparator arm (defaults to `rate`). */
  controlRate?: number;
  /** MCAR: at random; MAR: depends on the observed baseline; MNAR: on the unobserved outcome. */
  mechanism: DropoutMechanism;
  /** Log-odds of dropout per SD of the driver. */
  strength: number;
}

/** Input form of {@link Dropout}. */
export type DropoutInput = Partial<Dropout>;

/** Effect distributions of the conditions. */
export interface Effects {
  /** IMSR (the intervention). */
  imsr: EffectDistribution;
  /** Usual IMSR (active comparator). */
  usualImsr: EffectDistribution;
  /** Continued primary care for patients who are not at the end of the line. */
  primaryCare: EffectDistribution;
  /** Continued primary care for end-of-the-line patients. */
  primaryCareEndOfLine: EffectDistribution;
  /** Waiting list. */
  waitingList: EffectDistribution;
}

/** Selection on the observed baseline score (regression to the mean). */
export interface Selection {
  /** Cut-off on the instrument's raw scale. */
  cutoff: number;
  /** Keep patients above or below the cut-off. */
  keep: "above" | "below";
}

/** Population and outcome model (P and O) with every default filled in. */
export interface Model {
  /** Instrument analysed. */
  instrument: InstrumentName;
  /** Override of the instrument's per-domain mean. */
  mean?: number;
  /** Override of the instrument's per-domain SD. */
  sd?: number;
  /** Override of the instrument's reliability. */
  reliability?: number;
  /** Override of the instrument's inter-domain correlation. */
  interDomainR?: number;
  /** Override of the instrument's MCID. */
  mcid?: number;
  /** Number of domains each patient prioritises (1–7). */
  prioritised: number;
  /** Change over the study period without treatment (points per domain, positive = improvement). */
  naturalCourse: number;
  /** Share of patients who are not at the end of the line. */
  shareNotEndOfLine: number;
  /** Selection on the observed baseline score. */
  selection?: Selection;
  /** Override of the personalised PROM's number of items (own activities, 1–7; PSC default 3). */
  items?: number;
  /**
   * Non-specific (expectation, attention) effect on the self-reported score of every patient who
   * receives active care (IMSR, usual IMSR, primary care), points per domain on every domain. Not
   * part of the inquiry (the specific effect of IMSR): a design without an attention-matched
   * comparator counts it as effect.
   */
  expectation: number;
  /** Response shift of treated patients (IMSR, usual IMSR), points per domain, not part of the inquiry. */
  responseShift: ResponseShift;
  /** Waiting-list hold-back: points per domain by which waiting-list patients report worse than untreated ones. */
  holdBack: number;
  /** Effect distributions of the conditions. */
  effects: Effects;
}

/** Response shift (recalibration of the self-report after treatment), points per domain. */
export interface ResponseShift {
  /** On a generic PROM (PDI, NRS, SF-12). */
  generic: number;
  /** On a personalised PROM of self-chosen goals (PSC/PSFS): may be larger. */
  personalised: number;
}

/** Input form of {@link Model} (every field optional). */
export interface ModelInput {
  /** Instrument analysed (default `pdi`). */
  instrument?: InstrumentName;
  /** Override of the instrument's per-domain mean. */
  mean?: number;
  /** Override of the instrument's per-domain SD. */
  sd?: number;
  /** Override of the instrument's reliability. */
  reliability?: number;
  /** Override of the instrument's inter-domain correlation. */
  interDomainR?: number;
  /** Override of the instrument's MCID. */
  mcid?: number;
  /** Number of domains each patient prioritises (default 1). */
  prioritised?: number;
  /** Natural course (default 0). */
  naturalCourse?: number;
  /** Share of patients who are not at the end of the line (default 0). */
  shareNotEndOfLine?: number;
  /** Selection on the observed baseline score. */
  selection?: Selection;
  /** Override of the personalised PROM's number of items (1–7). */
  items?: number;
  /** Non-specific (expectation) effect, points per domain (default 0). */
  expectation?: number;
  /** Response shift, points per domain (default 0 for both). */
  responseShift?: Partial<ResponseShift>;
  /** Waiting-list hold-back, points per domain (default 0). */
  holdBack?: number;
  /** Effect distributions (each optional). */
  effects?: { [K in keyof Effects]?: EffectDistributionInput };
}

/** A parallel RCT. */
export interface RctData {
  /** Discriminator. */
  type: "rct";
  /** Total number randomised. */
  n: number;
  /** Share assigned to IMSR. */
  allocation: number;
  /** Comparator arm. */
  comparator: Exclude<Comparator, "none">;
  /** Dropout. */
  dropout: Dropout;
  /** Share of the IMSR arm who do not receive IMSR (they get the comparator); analysed as randomised. */
  nonAdherence: number;
  /** Share of the comparator arm who receive IMSR anyway; analysed as randomised. */
  contamination: number;
  /** Non-inferiority margin (points on the analysed score) for the `ni-ancova` answer; absent: none. */
  margin?: number;
}

/** A waiting-list RCT. */
export interface WaitlistData extends Omit<RctData, "type" | "comparator"> {
  /** Discriminator. */
  type: "waitlist";
  /** Always the waiting list. */
  comparator: "waiting-list";
}

/**
 * Trials within cohorts (TwiCs): a random share of a cohort is offered IMSR; those who refuse stay
 * in usual care; analysed as randomised (offered vs not offered).
 */
export interface TwicsData extends Omit<RctData, "type" | "nonAdherence"> {
  /** Discriminator. */
  type: "twics";
  /** Share of those offered IMSR who refuse it. */
  refusal: number;
  /** Non-adherence besides refusal (always 0 in the simulator; refusal plays this part). */
  nonAdherence: number;
}

/** Unmeasured confounding of a controlled cohort (a sensitivity parameter). */
export interface Unmeasured {
  /** Log-odds of receiving IMSR per SD of the unmeasured prognostic factor U. */
  selection: number;
  /** Points per domain by which the outcome worsens per SD of U (in both conditions). */
  prognosis: number;
}

/**
 * A controlled cohort (target-trial emulation): patients receive IMSR or the comparator by
 * indication (worse true baseline, unmeasured prognosis), not at random.
 */
export interface ControlledCohortData {
  /** Discriminator. */
  type: "controlled-cohort";
  /** Number of patients. */
  n: number;
  /** Probability of receiving IMSR for a patient of average severity and prognosis. */
  share: number;
  /** The comparator those not receiving IMSR get. */
  comparator: Exclude<Comparator, "none">;
  /** Confounding by indication: log-odds of IMSR per SD of worse *true* baseline (the observed baseline adjusts only partly). */
  indication: number;
  /** Unmeasured confounding (sensitivity parameter). */
  unmeasured: Unmeasured;
  /** Dropout. */
  dropout: Dropout;
}

/**
 * A stepped-wedge cluster RCT across centres: every centre starts in the comparator and crosses to
 * IMSR at a randomised step; new patients are treated in each period.
 */
export interface SteppedWedgeData {
  /** Discriminator. */
  type: "stepped-wedge";
  /** Centres (clusters). */
  clusters: number;
  /** Periods (the first all comparator, the last all IMSR). */
  periods: number;
  /** Patients per centre per period. */
  perCluster: number;
  /** SD of centre effects, points per domain (on baseline and outcome alike). */
  clusterSd: number;
  /** Calendar-time drift of outcomes, points per domain per period (a secular trend). */
  secularTrend: number;
  /** The comparator before a centre crosses over. */
  comparator: Exclude<Comparator, "none">;
  /** Dropout. */
  dropout: Dropout;
}

/**
 * An interrupted time series on registry data: patients treated with the comparator before the
 * interruption and with IMSR from it on; analysed by segmented regression of the period means.
 */
export interface ItsData {
  /** Discriminator. */
  type: "its";
  /** Periods (e.g. months). */
  periods: number;
  /** Patients per period. */
  perPeriod: number;
  /** First period (0-based) with IMSR. */
  interruption: number;
  /** Secular trend of outcomes, points per domain per period. */
  secularTrend: number;
  /** A level shift at the interruption that is not IMSR (a co-intervention), points per domain. */
  coIntervention: number;
  /** The care before the interruption. */
  comparator: Exclude<Comparator, "none">;
}

/** A prospective pre-post cohort (a PIO). */
export interface CohortData {
  /** Discriminator. */
  type: "cohort";
  /** Number enrolled. */
  n: number;
  /** Attrition before follow-up. */
  attrition: Dropout;
}

/** A single-case experimental design (multiple baseline or AB). */
export interface ScedData {
  /** Discriminator. */
  type: "sced";
  /** `mbd`: multiple baseline across cases; `ab`: independent AB designs. */
  design: "mbd" | "ab";
  /** Number of cases. */
  cases: number;
  /** Measurements per case. */
  measurements: number;
  /** Minimum measurements per phase. */
  minPhase: number;
  /** AR(1) coefficient of the errors. */
  ar: number;
  /** Monte Carlo randomisations per randomisation test. */
  randomizations: number;
}

/** A random-effects meta-analysis of RCTs. */
export interface MetaData {
  /** Discriminator. */
  type: "meta";
  /** Number of studies. */
  studies: number;
  /** Between-study SD of the true effect. */
  tau: number;
  /** Each study: an RCT. */
  study: Omit<RctData, "type">;
  /** Effect measure per study. */
  measure: "MD" | "SMD";
  /** τ² estimator. */
  method: "REML" | "DL";
}

/** A data strategy with every default filled in. */
export type DataStrategy =
  | RctData
  | WaitlistData
  | CohortData
  | ScedData
  | MetaData
  | TwicsData
  | ControlledCohortData
  | SteppedWedgeData
  | ItsData;

/** The data-strategy names (the allowed values of `data.type`). */
export type DataType = DataStrategy["type"];

/**
 * Input form of a data strategy: `type` plus any of its fields (a missing `type` means `rct`).
 * Fields are checked by {@link parseDesign}.
 */
export interface DataStrategyInput {
  /** `rct` (default), `waitlist`, `cohort`, `sced`, `meta`, `twics`, `controlled-cohort`, `stepped-wedge` or `its`. */
  type?: DataType;
  /** Any other field of the chosen data strategy. */
  [field: string]: unknown;
}

/** A validated design with every default filled in. */
export interface Design {
  /** Name shown in tables. */
  name: string;
  /** Population and outcome model. */
  model: Model;
  /** Data strategy. */
  data: DataStrategy;
  /** Answer strategies. */
  answers: AnswerName[];
  /** How missing post measurements are handled. */
  missing: MissingRule;
  /** Significance threshold of the tests (a proportion, default 0.05): power is the share of p <= alpha. */
  alpha: number;
  /** Confidence level of the intervals, in percent (default 95; 0.95 is read as 95). */
  level: number;
  /** Sidedness of every test (default two-sided; one-sided tests ask "IMSR better?"). */
  sided: Sidedness;
  /**
   * The inquiry: the sample average effect of the simulated patients (`sample`) or the model's
   * population average effect (`population`; for a meta-analysis μ, the mean of the distribution
   * of true study effects). Default `sample`, except `population` (μ) for meta-analysis designs.
   */
  estimand: EstimandTarget;
}

/** Sidedness of the tests. */
export type Sidedness = "two" | "one";

/** Which average effect a design targets. */
export type EstimandTarget = "sample" | "population";

/** Input form of a design (every field optional: `{}` is a 1:1 RCT, n = 100, on the PDI). */
export interface DesignInput {
  /** Name shown in tables. */
  name?: string;
  /** Population and outcome model. */
  model?: ModelInput;
  /** Data strategy. */
  data?: DataStrategyInput;
  /** Answer strategies (default: those that fit the data strategy). */
  answers?: AnswerName[];
  /** How missing post measurements are handled (default complete case). */
  missing?: MissingRule;
  /** Significance threshold of the tests, a proportion (default 0.05). */
  alpha?: number;
  /** Confidence level of the intervals in percent, or as a proportion (default 95). */
  level?: number;
  /** Sidedness of every test (default `two`). */
  sided?: Sidedness;
  /** Sample or population average effect (default `sample`; `population` = μ for meta-analyses). */
  estimand?: EstimandTarget;
}
