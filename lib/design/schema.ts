/**
 * The design declaration: a plain JSON object that says who the patients are (model: P and O),
 * what they get (I and C), how data are collected (data strategy) and how they are analysed
 * (answer strategies), as in DeclareDesign (model, inquiry, data strategy, answer strategy).
 * Validated with zod by {@link parseDesign}; every field has a default, so `{}` is a valid design
 * (a 1:1 RCT of IMSR against continued primary care, n = 100, on the PDI).
 *
 * @example
 * import { parseDesign } from "./schema.ts";
 * const d = parseDesign({ data: { type: "rct", n: 200 }, answers: ["dim", "ancova"] });
 * d.model.instrument; // "pdi"
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { levelSchema } from "../_schemas.ts";
import { defaultEffects, defaultNaturalCourse, defaultSced } from "./defaults.ts";
import type { DataStrategy, DataType, Design, Dropout, Model } from "./types.ts";

export type { DataStrategy, Design, DesignInput, Dropout, Model } from "./types.ts";

const effect = (d: { mean: number; sd: number }) =>
  z.object({ mean: z.number().finite(), sd: z.number().finite().nonnegative().default(d.sd) }).strict()
    .default({ ...d });

const prob = () => z.number().min(0).max(1);

/** Dropout/attrition: rate, mechanism, and (optionally) a different rate in the comparator arm. */
export const dropoutSchema = z.object({
  /** Probability of a missing post measurement (intervention arm, or everyone). */
  rate: prob().default(0),
  /** Rate in the comparator arm (defaults to `rate`). The seed notes high dropout in control arms. */
  controlRate: prob().optional(),
  /** MCAR: at random; MAR: depends on the observed baseline; MNAR: depends on the unobserved outcome. */
  mechanism: z.enum(["MCAR", "MAR", "MNAR"]).default("MCAR"),
  /** Log-odds of dropout per SD of the driver (worse baseline for MAR, worse outcome for MNAR). */
  strength: z.number().finite().default(1),
}).strict();

/** Population and outcome model (P and O) plus the effect distributions of I and C. */
export const modelSchema = z.object({
  /** Instrument analysed: pdi (generic), psc (personalised), nrs, pcs, mcs, or score (standardised). */
  instrument: z.enum(["pdi", "psc", "nrs", "pcs", "mcs", "score"]).default("pdi"),
  /** Overrides of the instrument's defaults (per-domain mean, SD, reliability, inter-domain r, MCID). */
  mean: z.number().finite().optional(),
  sd: z.number().finite().positive().optional(),
  reliability: z.number().gt(0).max(1).optional(),
  interDomainR: z.number().min(0).max(1).optional(),
  mcid: z.number().finite().positive().optional(),
  /** Number of domains each patient prioritises; the treatment effect falls on these. */
  prioritised: z.number().int().min(1).max(7).default(1),
  /** Change over the study period without treatment (points per domain, positive = improvement). */
  naturalCourse: z.number().finite().default(defaultNaturalCourse),
  /** Share of patients who are not at the end of the line (they respond to primary care). */
  shareNotEndOfLine: prob().default(0),
  /** Selection on the observed baseline score (regression to the mean). */
  selection: z.object({ cutoff: z.number().finite(), keep: z.enum(["above", "below"]) }).strict().optional(),
  /** Override of the personalised PROM's number of items (own activities). */
  items: z.number().int().min(1).max(7).optional(),
  /** Non-specific (expectation) effect of receiving active care, points per domain (not in the inquiry). */
  expectation: z.number().finite().default(0),
  /** Response shift of treated patients, points per domain (not in the inquiry). */
  responseShift: z.object({
    generic: z.number().finite().default(0),
    personalised: z.number().finite().default(0),
  }).strict().default({ generic: 0, personalised: 0 }),
  /** Waiting-list hold-back, points per domain (positive = waiting-list patients report worse). */
  holdBack: z.number().finite().default(0),
  /** Effect distributions, points per prioritised domain (positive = improvement). */
  effects: z.object({
    imsr: effect(defaultEffects.imsr),
    usualImsr: effect(defaultEffects.usualImsr),
    primaryCare: effect(defaultEffects.primaryCare),
    primaryCareEndOfLine: effect(defaultEffects.primaryCareEndOfLine),
    waitingList: effect(defaultEffects.waitingList),
  }).strict().default({
    imsr: { ...defaultEffects.imsr },
    usualImsr: { ...defaultEffects.usualImsr },
    primaryCare: { ...defaultEffects.primaryCare },
    primaryCareEndOfLine: { ...defaultEffects.primaryCareEndOfLine },
    waitingList: { ...defaultEffects.waitingList },
  }),
}).strict();

/** Comparators (C). `none` is a PIO: no comparison group; the inquiry is then the effect vs no treatment. */
export const comparatorSchema = z.enum(["primary-care", "usual-imsr", "waiting-list", "none"]);

const rctSchema = z.object({
  type: z.literal("rct"),
  /** Total number randomised. */
  n: z.number().int().min(4).default(100),
  /** Share assigned to IMSR (complete random assignment: exactly round(n * allocation)). */
  allocation: z.number().gt(0).lt(1).default(0.5),
  comparator: comparatorSchema.exclude(["none"]).default("primary-care"),
  dropout: dropoutSchema.default({ rate: 0, mechanism: "MCAR", strength: 1 }),
  /** Share of the IMSR arm who do not receive IMSR (analysed as randomised: intention to treat). */
  nonAdherence: prob().default(0),
  /** Share of the comparator arm who receive IMSR anyway (analysed as randomised). */
  contamination: prob().default(0),
  /** Non-inferiority margin, points on the analysed score (for the `ni-ancova` answer). */
  margin: z.number().finite().positive().optional(),
}).strict();

const twicsSchema = rctSchema.omit({ nonAdherence: true }).extend({
  type: z.literal("twics"),
  /** Share of those offered IMSR who refuse it (they stay in usual care). */
  refusal: prob().default(0.3),
  nonAdherence: z.literal(0).default(0),
}).strict();

const controlledCohortSchema = z.object({
  type: z.literal("controlled-cohort"),
  n: z.number().int().min(4).default(200),
  /** Probability of receiving IMSR at average severity and prognosis. */
  share: z.number().gt(0).lt(1).default(0.5),
  comparator: comparatorSchema.exclude(["none"]).default("primary-care"),
  /** Log-odds of IMSR per SD of worse true baseline (confounding by indication). */
  indication: z.number().finite().default(1),
  /** Unmeasured confounding: selection (log-odds per SD of U) and prognosis (points per domain per SD of U). */
  unmeasured: z.object({
    selection: z.number().finite().default(0),
    prognosis: z.number().finite().default(0),
  }).strict().default({ selection: 0, prognosis: 0 }),
  dropout: dropoutSchema.default({ rate: 0, mechanism: "MCAR", strength: 1 }),
}).strict();

const waitlistSchema = rctSchema.extend({
  type: z.literal("waitlist"),
  comparator: z.literal("waiting-list").default("waiting-list"),
}).strict();

const steppedWedgeSchema = z.object({
  type: z.literal("stepped-wedge"),
  clusters: z.number().int().min(2).max(200).default(6),
  periods: z.number().int().min(2).max(100).default(4),
  perCluster: z.number().int().min(2).default(10),
  /** SD of centre effects, points per domain. */
  clusterSd: z.number().finite().nonnegative().default(0.5),
  /** Secular trend, points per domain per period. */
  secularTrend: z.number().finite().default(0),
  comparator: comparatorSchema.exclude(["none"]).default("primary-care"),
  dropout: dropoutSchema.default({ rate: 0, mechanism: "MCAR", strength: 1 }),
}).strict();

const itsSchema = z.object({
  type: z.literal("its"),
  periods: z.number().int().min(6).max(1000).default(24),
  perPeriod: z.number().int().min(2).default(20),
  /** First period (0-based) with IMSR. */
  interruption: z.number().int().min(2).default(12),
  secularTrend: z.number().finite().default(0),
  /** A level shift at the interruption that is not IMSR, points per domain. */
  coIntervention: z.number().finite().default(0),
  comparator: comparatorSchema.exclude(["none"]).default("primary-care"),
}).strict();

const cohortSchema = z.object({
  type: z.literal("cohort"),
  /** Number enrolled (measured at baseline). */
  n: z.number().int().min(3).default(100),
  /** Attrition before the follow-up measurement. */
  attrition: dropoutSchema.default({ rate: 0, mechanism: "MCAR", strength: 1 }),
}).strict();

const scedSchema = z.object({
  type: z.literal("sced"),
  /** `mbd`: multiple-baseline across cases (staggered randomised starts); `ab`: independent AB designs. */
  design: z.enum(["mbd", "ab"]).default("mbd"),
  cases: z.number().int().min(1).max(100).default(defaultSced.cases),
  measurements: z.number().int().min(4).max(1000).default(defaultSced.measurements),
  minPhase: z.number().int().min(1).default(defaultSced.minPhase),
  /** AR(1) coefficient of the measurement errors. */
  ar: z.number().gt(-1).lt(1).default(defaultSced.ar),
  /** Monte Carlo randomisations per randomisation test. */
  randomizations: z.number().int().min(19).default(defaultSced.randomizations),
}).strict();

const metaSchema = z.object({
  type: z.literal("meta"),
  /** Number of studies pooled. */
  studies: z.number().int().min(2).max(200).default(5),
  /** Between-study SD of the true effect (points per prioritised domain). */
  tau: z.number().finite().nonnegative().default(0.5),
  /** Each study: an RCT (n per study, comparator, dropout). */
  study: rctSchema.omit({ type: true }).default({
    n: 100,
    allocation: 0.5,
    comparator: "primary-care",
    dropout: { rate: 0, mechanism: "MCAR", strength: 1 },
    nonAdherence: 0,
    contamination: 0,
  }),
  /** Effect measure of each study: raw mean difference or standardised mean difference. */
  measure: z.enum(["MD", "SMD"]).default("MD"),
  method: z.enum(["REML", "DL"]).default("REML"),
}).strict();

/** The allowed values of `data.type`. */
export const dataTypes: readonly DataType[] = [
  "rct",
  "waitlist",
  "cohort",
  "sced",
  "meta",
  "twics",
  "controlled-cohort",
  "stepped-wedge",
  "its",
];

/** Data strategies (a data object without `type` is an RCT, as an absent `data` is). */
export const dataSchema = z.preprocess(
  (v) => (v !== null && typeof v === "object" && !Array.isArray(v) && !("type" in v) ? { type: "rct", ...v } : v),
  z.discriminatedUnion("type", [
    rctSchema,
    waitlistSchema,
    cohortSchema,
    scedSchema,
    metaSchema,
    twicsSchema,
    controlledCohortSchema,
    steppedWedgeSchema,
    itsSchema,
  ], {
    error: () => `must be one of ${dataTypes.map((t) => JSON.stringify(t)).join(", ")} (the data strategy)`,
  }),
);

/** Answer strategies (estimators and tests). */
export const answerNames = [
  "dim",
  "welch",
  "ancova",
  "ni-ancova",
  "change-t",
  "smc",
  "responder-diff",
  "responder-rate",
  "randomization",
  "rt-ci",
  "bc-smd",
  "re-pool",
  "sw-regression",
  "its-segmented",
] as const;
/** The name of an answer strategy. */
export type AnswerName = (typeof answerNames)[number];

/** A full design declaration. */
export const designSchema = z.object({
  name: z.string().default("design"),
  model: modelSchema.default(() => modelSchema.parse({})),
  data: dataSchema.default(() => rctSchema.parse({ type: "rct" })),
  /** Answer strategies; the default depends on the data strategy (see {@link defaultAnswers}). */
  answers: z.array(z.enum(answerNames)).min(1).optional(),
  /** Missing post measurements: drop them (complete case), carry the baseline forward (BOCF) or impute the arm mean. */
  missing: z.enum(["complete-case", "bocf", "mean"]).default("complete-case"),
  /** Significance threshold of the tests (a proportion): power is the share of p <= alpha. */
  alpha: z.number().gt(0).lt(1).default(0.05),
  /** Confidence level of the intervals in percent (0.95 is read as 95). */
  level: levelSchema.default(95),
  /** Sidedness of every test: two-sided (default) or one-sided ("IMSR better?"). */
  sided: z.enum(["two", "one"]).default("two"),
  /** The inquiry: sample or population average effect (default: sample; meta-analysis: population, μ). */
  estimand: z.enum(["sample", "population"]).optional(),
}).strict();

// compile-time checks: the schema's output fits the written-out types of ./types.ts
type Parsed = z.output<typeof designSchema>;
const _designFits = (d: Parsed): Omit<Design, "answers" | "estimand"> => d;
const _modelFits = (m: z.output<typeof modelSchema>): Model => m;
const _dropoutFits = (d: z.output<typeof dropoutSchema>): Dropout => d;
void [_designFits, _modelFits, _dropoutFits];

/**
 * The answer strategies that fit a data strategy, used when a design does not list its own.
 * @example defaultAnswers("cohort") // ["change-t", "smc", "responder-rate"]
 */
export function defaultAnswers(type: DataStrategy["type"]): AnswerName[] {
  switch (type) {
    case "rct":
    case "waitlist":
      return ["dim", "ancova", "change-t", "responder-diff"];
    case "cohort":
      return ["change-t", "smc", "responder-rate"];
    case "sced":
      return ["randomization"];
    case "meta":
      return ["re-pool"];
    case "twics":
    case "controlled-cohort":
      return ["dim", "ancova"];
    case "stepped-wedge":
      return ["sw-regression"];
    case "its":
      return ["its-segmented"];
  }
}

/** Which answer strategies each data strategy supports. */
export const supportedAnswers: Record<DataStrategy["type"], readonly AnswerName[]> = {
  rct: ["dim", "welch", "ancova", "ni-ancova", "change-t", "responder-diff"],
  waitlist: ["dim", "welch", "ancova", "change-t", "responder-diff"],
  twics: ["dim", "welch", "ancova", "change-t", "responder-diff"],
  "controlled-cohort": ["dim", "welch", "ancova", "change-t", "responder-diff"],
  "stepped-wedge": ["sw-regression"],
  its: ["its-segmented"],
  cohort: ["change-t", "smc", "responder-rate"],
  sced: ["randomization", "rt-ci", "bc-smd"],
  meta: ["re-pool"],
};

/**
 * Validate a design declaration and fill in defaults. Throws a ValidationError naming the field
 * and rule (e.g. `simulate: data.n must be >= 4, got 2`), also when an answer strategy does not fit
 * the data strategy or the prioritised domains exceed the instrument's domains.
 * @example parseDesign({ data: { type: "cohort", n: 50 } }).answers // ["change-t", "smc", "responder-rate"]
 */
export function parseDesign(input: unknown, context: string = "design"): Design {
  const d = parseInput(designSchema, input ?? {}, context);
  const answers = d.answers ?? defaultAnswers(d.data.type);
  const ok = supportedAnswers[d.data.type];
  answers.forEach((a, i) => {
    if (!ok.includes(a)) {
      fail(context, `answers[${i}]`, `must be one of ${ok.join(", ")} for a ${d.data.type} design`, a);
    }
  });
  if (answers.includes("ni-ancova") && !(d.data.type === "rct" && d.data.margin !== undefined)) {
    fail(
      context,
      "data.margin",
      "is required for the ni-ancova answer (the non-inferiority margin, points)",
      undefined,
    );
  }
  if (d.data.type === "its" && d.data.interruption > d.data.periods - 2) {
    fail(
      context,
      "data.interruption",
      `must leave at least 2 periods after it (<= ${d.data.periods - 2})`,
      d.data.interruption,
    );
  }
  if (d.data.type === "sced" && 2 * d.data.minPhase > d.data.measurements) {
    fail(context, "data.minPhase", `must be <= measurements / 2 (${d.data.measurements / 2})`, d.data.minPhase);
  }
  if (d.data.type === "sced" && d.data.design === "mbd" && d.data.cases > 1) {
    const starts = d.data.measurements - 2 * d.data.minPhase + 1;
    if (d.data.cases > starts) {
      fail(
        context,
        "data.cases",
        `must be <= the ${starts} possible starts of a multiple baseline with ${d.data.measurements} measurements and minPhase ${d.data.minPhase}`,
        d.data.cases,
      );
    }
  }
  if (d.data.type === "sced" && answers.includes("bc-smd") && d.data.cases < 2) {
    fail(
      context,
      "data.cases",
      "must be >= 2 for the bc-smd answer (the between-case variance needs several cases)",
      d.data.cases,
    );
  }
  if (d.data.type === "sced" && answers.includes("rt-ci")) {
    // the interval at `level` needs a smallest two-sided p-value 2/#assignments (and 2/(draws + 1)) below α
    const alpha = 1 - d.level / 100;
    const all = d.data.measurements - 2 * d.data.minPhase + 1;
    let log = 0;
    if (d.data.design === "mbd" && d.data.cases > 1) {
      for (let t = 0; t < d.data.cases; t++) {
        const size = Math.floor(((t + 1) * all) / d.data.cases) - Math.floor((t * all) / d.data.cases);
        log += Math.log(size) + Math.log(t + 1);
      }
    } else log = d.data.cases * Math.log(all);
    if (2 / Math.exp(log) >= alpha) {
      fail(
        context,
        "data.measurements",
        `give ${Math.round(Math.exp(log))} possible assignments; the rt-ci answer at level ${d.level} needs more than ${
          Math.ceil(2 / alpha)
        } (more measurements, cases or a smaller minPhase)`,
        d.data.measurements,
      );
    }
    if (2 / (d.data.randomizations + 1) >= alpha) {
      fail(
        context,
        "data.randomizations",
        `must be >= ${Math.ceil(2 / alpha)} for the rt-ci answer at level ${d.level}`,
        d.data.randomizations,
      );
    }
  }
  const estimand = d.estimand ?? (d.data.type === "meta" ? "population" : "sample");
  return { ...d, answers, estimand };
}
