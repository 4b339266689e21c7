/**
 * Certainty of a body of evidence, by **the toolkit's GRADE-style rules** (not an official GRADE
 * assessment: GRADE is a judgement; these rules compute a suggestion with its numbers and its
 * reason, and a committee overrides any of them with a recorded reason — both are kept).
 *
 * - Starting level by design: randomised trials start High; non-randomised evidence starts Low,
 *   except when its risk of bias was assessed with ROBINS-I, which GRADE lets start High
 *   (Schünemann HJ et al. J Clin Epidemiol 2019;111:105-114); single-case designs and uncontrolled
 *   before–after evidence start Low (no GRADE guidance for SCEDs: the toolkit's assumption).
 * - Risk of bias from the overall judgements weighted by study weight; inconsistency from I², τ
 *   and the prediction interval (or the range of study estimates); imprecision from the CI
 *   against the MCID and the optimal information size; indirectness from what the user declares
 *   differs (population, intervention, comparator, outcome); publication bias only when k ≥ 10.
 * - Upgrading: large effect (ratio measures), dose–response and plausible confounding (declared).
 * - A judgement nobody has made yet ("Not assessed", "not judged") stays **open**: the certainty is
 *   then not determined and the range it could take is shown instead.
 *
 * @example
 * ```ts
 * import { assessCertainty, optimalInformationSize } from "./certainty.ts";
 * // GRADE handbook: a standardised difference of 0.2 (α 0.05, power 0.8) needs about 393 per group
 * if (optimalInformationSize({ type: "continuous", smd: 0.2 }).per_group !== 393) throw new Error("OIS");
 * const c = assessCertainty({
 *   design: "randomised",
 *   effect: { measure: "MD", estimate: -3, ci_lb: -4.8, ci_ub: -1.2, level: 95, improvement: "decrease" },
 *   mcid: { value: 5, unit: "points", source: "assumed for the example", verified: "assumption" },
 *   studies: [{ study_id: "a", weight: 1, judgement: "Low" }],
 *   participants: 120,
 *   ois: optimalInformationSize({ type: "continuous", delta: 5, sd: 10 }), // 63 per group, 126 in all
 *   indirectness: { population: "no", intervention: "no", comparator: "no", outcome: "no" },
 * });
 * // the CI (-4.8 to -1.2) stays short of the MCID (5): precise, but fewer than the OIS participants
 * if (c.domain("imprecision").suggestion !== "serious") throw new Error(c.domain("imprecision").reason);
 * if (c.certainty !== "Moderate") throw new Error(String(c.certainty));
 * ```
 * @module
 */
import { z } from "zod";
import type { Improvement } from "../conventions.ts";
export type { Improvement } from "../conventions.ts";
import { normalizeLevel } from "../conventions.ts";
import { fail, parseInput } from "../validate.ts";
import { finiteOr, severity, zSum } from "./_grade.ts";
import type { RobLevel, RobTool } from "./rob.ts";

/** What every certainty result says about itself, wherever it is shown. */
export const RULES_LABEL: string =
  "Certainty suggested by evidence-lab's GRADE-style rules (the toolkit's rules, not an official GRADE assessment)";

/** The four GRADE certainty levels, highest first. */
export type Certainty = "High" | "Moderate" | "Low" | "Very low";
/** The levels in order, highest first. */
export const CERTAINTY_LEVELS: readonly Certainty[] = ["High", "Moderate", "Low", "Very low"];

/** The design of the body of evidence, for the starting level. */
export type EvidenceDesign = "randomised" | "non-randomised" | "single-case" | "uncontrolled";

/** The five domains for rating down. */
export type GradeDomain = "risk of bias" | "inconsistency" | "indirectness" | "imprecision" | "publication bias";
/** The domains in GRADEpro's order. */
export const GRADE_DOMAINS: readonly GradeDomain[] = [
  "risk of bias",
  "inconsistency",
  "indirectness",
  "imprecision",
  "publication bias",
];

/**
 * A domain rating: `not serious` (0), `serious` (rate down 1), `very serious` (rate down 2),
 * `not assessable` (the rule cannot apply, e.g. inconsistency of one study: not rated down) or
 * `open` (a judgement a committee still has to make).
 */
export type DomainRating = "not serious" | "serious" | "very serious" | "not assessable" | "open";

/** The reasons for rating up. */
export type UpgradeReason = "large effect" | "dose-response" | "plausible confounding";

/** The effect measures the rules understand. */
export type EffectMeasure = "MD" | "SMD" | "SMC" | "RD" | "RR" | "OR";

/** The pooled (or single-study) effect. */
export interface EffectInput {
  /** The measure: difference scales (MD, SMD, SMC, RD) have null 0; ratio scales (RR, OR) null 1. */
  measure: EffectMeasure;
  /** Point estimate. */
  estimate: number;
  /** Lower confidence bound (null when not reported). */
  ci_lb?: number | null;
  /** Upper confidence bound (null when not reported). */
  ci_ub?: number | null;
  /** Confidence level in percent (0.95 is read as 95), default 95. */
  level?: number;
  /** Which direction of the measure is better for patients. */
  improvement: Improvement;
}

/** A sourced threshold: the MCID on the effect's scale, with its source and verification status. */
export interface Threshold {
  /** The value, positive, on the effect's scale (for RR/OR: a relative change such as 0.25). */
  value: number;
  /** Its unit. */
  unit: string;
  /** Where it comes from. */
  source: string;
  /** `verified`, `recalled` (not yet checked against the paper), `seed` or `assumption`. */
  verified: string;
}

/** A study's contribution to the risk-of-bias domain. */
export interface StudyRob {
  /** The study. */
  study_id: string;
  /** Its weight (any positive scale, e.g. percent); null means equal weights for all. */
  weight: number | null;
  /** Its overall risk-of-bias judgement. */
  judgement: RobLevel;
}

/** Heterogeneity of a pooled result. */
export interface HeterogeneityInput {
  /** Number of studies (or cohorts). */
  k: number;
  /** I² in percent (null when not reported). */
  I2: number | null;
  /** τ on the effect's scale (null when not reported). */
  tau?: number | null;
  /** Lower end of the spread: the prediction interval, or the smallest study estimate. */
  spread_lb?: number | null;
  /** Upper end of the spread. */
  spread_ub?: number | null;
  /** What the spread is. */
  spread?: "prediction interval" | "range of study estimates";
}

/** What the user declares about one PICO element: does it differ from the question? */
export type IndirectnessLevel = "no" | "serious" | "very serious" | "not judged";

/** Indirectness as declared, element by element. */
export interface IndirectnessInput {
  /** Does the population differ from the question's? */
  population?: IndirectnessLevel;
  /** Does the intervention differ? */
  intervention?: IndirectnessLevel;
  /** Does the comparator differ? */
  comparator?: IndirectnessLevel;
  /** Does the outcome (or instrument, or time point) differ? */
  outcome?: IndirectnessLevel;
  /** Why (shown with the domain). */
  note?: string;
}

/** Input for the optimal information size. */
export type OisInput =
  | { type: "continuous"; smd: number }
  | { type: "continuous"; delta: number; sd: number }
  | { type: "dichotomous"; p0: number; p1: number };

/** Options of {@link optimalInformationSize}. */
export interface OisOptions {
  /** Two-sided significance threshold (a proportion), default 0.05. */
  alpha?: number;
  /** Power (a proportion), default 0.8. */
  power?: number;
  /** 2 (two-group comparison, default) or 1 (one group, e.g. a before–after change). */
  groups?: 1 | 2;
}

/** The optimal information size: participants a single adequately powered trial would need. */
export interface OisResult {
  /** Participants per group (rounded up). */
  per_group: number;
  /** Participants in total (`per_group × groups`). */
  total: number;
  /** The standardised difference used. */
  d: number;
  /** The formula in words. */
  formula: string;
}

/**
 * The optimal information size (GRADE handbook 5.2.4.1; Guyatt GH et al. J Clin Epidemiol
 * 2011;64:1283): per group `2 (z₁₋α/₂ + z_power)² / d²` for a standardised difference d (one group:
 * without the 2), or `(z₁₋α/₂ + z_power)² [p0(1−p0) + p1(1−p1)] / (p0 − p1)²` for two proportions.
 *
 * @example
 * ```ts
 * import { optimalInformationSize } from "./certainty.ts";
 * const ois = optimalInformationSize({ type: "continuous", smd: 0.2 }, { alpha: 0.05, power: 0.8 });
 * if (ois.per_group !== 393 || ois.total !== 786) throw new Error(JSON.stringify(ois));
 * ```
 */
export function optimalInformationSize(input: OisInput, options: OisOptions = {}): OisResult {
  const tool = "optimalInformationSize";
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const groups = options.groups ?? 2;
  if (!(alpha > 0 && alpha < 1)) fail(tool, "alpha", "must be a proportion in (0, 1) (e.g. 0.05)", alpha);
  if (!(power > 0 && power < 1)) fail(tool, "power", "must be a proportion in (0, 1) (e.g. 0.8)", power);
  if (groups !== 1 && groups !== 2) fail(tool, "groups", "must be 1 or 2", groups);
  const z2 = zSum(alpha, power) ** 2;
  if (input === null || typeof input !== "object") fail(tool, "input", "must be an object", input);
  if (input.type === "dichotomous") {
    const p0 = finiteOr(tool, "p0", input.p0);
    const p1 = finiteOr(tool, "p1", input.p1);
    for (const [k, p] of [["p0", p0], ["p1", p1]] as const) {
      if (!(p > 0 && p < 1)) fail(tool, k, "must be a proportion in (0, 1)", p);
    }
    if (p0 === p1) fail(tool, "p1", "must differ from p0 (no difference needs infinitely many participants)", p1);
    const n = z2 * (p0 * (1 - p0) + p1 * (1 - p1)) / (p0 - p1) ** 2;
    const per_group = Math.ceil(n - 1e-9);
    if (!Number.isSafeInteger(per_group)) {
      fail(tool, "p1", "is too close to p0: the optimal information size overflows", p1);
    }
    const h = 2 * Math.asin(Math.sqrt(p0)) - 2 * Math.asin(Math.sqrt(p1));
    return {
      per_group,
      total: per_group * 2,
      d: Math.abs(h),
      formula: `(z(1-α/2) + z(power))² [p0(1-p0) + p1(1-p1)] / (p0 - p1)², α = ${alpha}, power = ${power}`,
    };
  }
  if ((input as { type: string }).type !== "continuous") {
    fail(tool, "type", 'must be "continuous" or "dichotomous"', (input as { type: string }).type);
  }
  let d: number;
  if ("smd" in input) d = Math.abs(finiteOr(tool, "smd", input.smd));
  else {
    const delta = finiteOr(tool, "delta", input.delta);
    const sd = finiteOr(tool, "sd", input.sd);
    if (!(sd > 0)) fail(tool, "sd", "must be > 0", sd);
    d = Math.abs(delta / sd);
  }
  if (!(d > 0)) fail(tool, "smd", "must not be 0 (no difference needs infinitely many participants)", d);
  const per_group = Math.ceil(groups * z2 / d ** 2 - 1e-9);
  if (!Number.isSafeInteger(per_group)) fail(tool, "smd", "is too small: the optimal information size overflows", d);
  return {
    per_group,
    total: per_group * groups,
    d,
    formula: `${groups === 2 ? "2 " : ""}(z(1-α/2) + z(power))² / d², d = ${d}, α = ${alpha}, power = ${power}`,
  };
}

/** A committee's rating of a domain, with its reason and who made it. */
export interface DomainOverride {
  /** The rating that replaces the suggestion. */
  rating: "not serious" | "serious" | "very serious";
  /** Why (required, shown next to the suggestion). */
  reason: string;
  /** Who decided. */
  by?: string;
}

/** A committee's starting level, with its reason. */
export interface StartOverride {
  /** The starting level that replaces the rule's. */
  level: Certainty;
  /** Why (required). */
  reason: string;
  /** Who decided. */
  by?: string;
}

/** A committee's decision on a reason for rating up. */
export interface UpgradeOverride {
  /** Levels to rate up: 0, 1 or 2. */
  levels: 0 | 1 | 2;
  /** Why (required). */
  reason: string;
  /** Who decided. */
  by?: string;
}

/** Declared reasons for rating up that the toolkit cannot compute. */
export interface DeclaredUpgrade {
  /** True when the user declares it present. */
  present: boolean;
  /** Why (required when present). */
  reason: string;
}

/** Input of {@link assessCertainty}. */
export interface CertaintyInput {
  /** The design of the evidence. */
  design: EvidenceDesign;
  /** The risk-of-bias tool used (ROBINS-I lets non-randomised evidence start High). */
  robTool?: RobTool | null;
  /** The effect. */
  effect: EffectInput;
  /** The MCID on the effect's scale (null when none is recorded). */
  mcid?: Threshold | null;
  /** The studies with weights and overall risk-of-bias judgements. */
  studies: StudyRob[];
  /** Heterogeneity (null or absent for one study). */
  heterogeneity?: HeterogeneityInput | null;
  /** Participants in the body of evidence (null when unknown). */
  participants?: number | null;
  /** The optimal information size to compare `participants` with (null: not checked). */
  ois?: OisResult | null;
  /** What differs from the question, element by element (absent elements are "not judged"). */
  indirectness?: IndirectnessInput;
  /** Publication bias: the number of studies and Egger's test p-value where k ≥ 10. */
  publicationBias?: { k: number; egger_pval?: number | null } | null;
  /** Declared reasons for rating up. */
  declared?: { "dose-response"?: DeclaredUpgrade; "plausible confounding"?: DeclaredUpgrade };
  /** A committee's decisions: each replaces a suggestion and is recorded next to it. */
  overrides?: {
    start?: StartOverride;
    domains?: Partial<Record<GradeDomain, DomainOverride>>;
    upgrades?: Partial<Record<UpgradeReason, UpgradeOverride>>;
  };
}

/** One domain: the rule's suggestion with its numbers and reason, the override, and the rating used. */
export interface DomainAssessment {
  /** The domain. */
  domain: GradeDomain;
  /** The rule's suggestion. */
  suggestion: DomainRating;
  /** The numbers the suggestion comes from (null when not available). */
  numbers: Record<string, number | string | null>;
  /** The rule's reason in words. */
  reason: string;
  /** A committee's override, when there is one. */
  override: DomainOverride | null;
  /** The rating used: the override's, else the suggestion. */
  final: DomainRating;
  /** Levels rated down (0, 1, 2), or null while open. */
  downgrade: number | null;
}

/** One reason for rating up. */
export interface UpgradeAssessment {
  /** The reason. */
  reason: UpgradeReason;
  /** Levels the rule suggests (0 when it does not apply or cannot be computed). */
  suggestion: number;
  /** The numbers behind it. */
  numbers: Record<string, number | string | null>;
  /** In words. */
  explanation: string;
  /** A committee's override. */
  override: UpgradeOverride | null;
  /** Levels used: the override's, else the suggestion. */
  final: number;
}

/** The result of {@link assessCertainty}. */
export interface CertaintyResult {
  /** Always {@link RULES_LABEL}: the toolkit's rules, not official GRADE. */
  label: string;
  /** The starting level: the rule's and the one used (an override replaces it). */
  start: {
    suggestion: Certainty;
    reason: string;
    override: StartOverride | null;
    final: Certainty;
  };
  /** The five domains in GRADEpro's order. */
  domains: DomainAssessment[];
  /** The reasons for rating up. */
  upgrades: UpgradeAssessment[];
  /** Levels rated up in the end (only when nothing was rated down and the evidence starts Low). */
  upgrade_applied: number;
  /** The certainty, or null while any domain is open. */
  certainty: Certainty | null;
  /** The certainty if every open judgement went the best way, and the worst way. */
  range: { best: Certainty; worst: Certainty };
  /** The domains still open. */
  open: GradeDomain[];
  /** One sentence per rated-down, overridden or open domain (the table's footnotes). */
  footnotes: string[];
  /** Look up a domain by name. */
  domain: (name: GradeDomain) => DomainAssessment;
}

const finiteNum = z.number().finite();
const optNum = finiteNum.nullable().optional();
const reasonText = z.string().trim().min(1, { error: "must give a reason (an override is recorded with its reason)" });
const inputSchema = z.object({
  design: z.enum(["randomised", "non-randomised", "single-case", "uncontrolled"]),
  robTool: z.enum(["RoB 2", "ROBINS-I v2", "SCED"]).nullable().optional(),
  effect: z.object({
    measure: z.enum(["MD", "SMD", "SMC", "RD", "RR", "OR"]),
    estimate: finiteNum,
    ci_lb: optNum,
    ci_ub: optNum,
    level: z.number().optional(),
    improvement: z.enum(["increase", "decrease"]),
  }).refine((e) => !((e.measure === "RR" || e.measure === "OR") && !(e.estimate > 0)), {
    path: ["estimate"],
    message: "must be > 0 for a ratio measure",
  }).refine(
    (e) =>
      !((e.measure === "RR" || e.measure === "OR") &&
        ((e.ci_lb != null && !(e.ci_lb > 0)) || (e.ci_ub != null && !(e.ci_ub > 0)))),
    { path: ["ci_lb"], message: "must be > 0 for a ratio measure (both bounds)" },
  ).refine((e) => e.ci_lb == null || e.ci_ub == null || e.ci_lb <= e.ci_ub, {
    path: ["ci_ub"],
    message: "must be >= ci_lb",
  }).refine((e) => (e.ci_lb == null) === (e.ci_ub == null), {
    path: ["ci_ub"],
    message: "ci_lb and ci_ub must be given together",
  }),
  mcid: z.object({
    value: finiteNum.positive(),
    unit: z.string(),
    source: z.string().min(1, { error: "must name the source of the MCID" }),
    verified: z.string(),
  }).nullable().optional(),
  studies: z.array(z.object({
    study_id: z.string().min(1),
    weight: finiteNum.nonnegative().nullable(),
    judgement: z.enum([
      "Low",
      "Some concerns",
      "High",
      "Low (except for concerns about uncontrolled confounding)",
      "Moderate",
      "Serious",
      "Critical",
      "No information",
      "Not assessed",
    ]),
  })),
  heterogeneity: z.object({
    k: z.number().int().nonnegative(),
    I2: finiteNum.min(0).max(100).nullable(),
    tau: finiteNum.nonnegative().nullable().optional(),
    spread_lb: optNum,
    spread_ub: optNum,
    spread: z.enum(["prediction interval", "range of study estimates"]).optional(),
  }).nullable().optional(),
  participants: z.number().int().nonnegative().nullable().optional(),
  ois: z.object({ per_group: z.number(), total: z.number().positive(), d: z.number(), formula: z.string() })
    .nullable().optional(),
  indirectness: z.object({
    population: z.enum(["no", "serious", "very serious", "not judged"]).optional(),
    intervention: z.enum(["no", "serious", "very serious", "not judged"]).optional(),
    comparator: z.enum(["no", "serious", "very serious", "not judged"]).optional(),
    outcome: z.enum(["no", "serious", "very serious", "not judged"]).optional(),
    note: z.string().optional(),
  }).optional(),
  publicationBias: z.object({
    k: z.number().int().nonnegative(),
    egger_pval: finiteNum.min(0).max(1).nullable().optional(),
  })
    .nullable().optional(),
  declared: z.object({
    "dose-response": z.object({ present: z.boolean(), reason: z.string() }).optional(),
    "plausible confounding": z.object({ present: z.boolean(), reason: z.string() }).optional(),
  }).optional(),
  overrides: z.object({
    start: z.object({
      level: z.enum(["High", "Moderate", "Low", "Very low"]),
      reason: reasonText,
      by: z.string().optional(),
    })
      .optional(),
    domains: z.record(
      z.enum(["risk of bias", "inconsistency", "indirectness", "imprecision", "publication bias"]),
      z.object({
        rating: z.enum(["not serious", "serious", "very serious"]),
        reason: reasonText,
        by: z.string().optional(),
      }).optional(),
    ).optional(),
    upgrades: z.record(
      z.enum(["large effect", "dose-response", "plausible confounding"]),
      z.object({
        levels: z.union([z.literal(0), z.literal(1), z.literal(2)]),
        reason: reasonText,
        by: z.string().optional(),
      })
        .optional(),
    ).optional(),
  }).optional(),
});

/** The toolkit's thresholds, in one place (shown with every reason that uses them). */
export const GRADE_RULES: Readonly<{
  rob_serious_share_high: number;
  rob_very_serious_share_high: number;
  rob_serious_share_concerns: number;
  inconsistency_serious_I2: number;
  inconsistency_very_serious_I2: number;
  publication_bias_min_k: number;
  publication_bias_egger_alpha: number;
  ratio_default_threshold: number;
  large_effect_rr: number;
  very_large_effect_rr: number;
}> = {
  /** Weight share of studies at high (serious, critical) risk from which risk of bias is serious. */
  rob_serious_share_high: 0.25,
  /** … and very serious. */
  rob_very_serious_share_high: 0.5,
  /** Weight share of studies with at least some concerns (moderate) from which it is serious. */
  rob_serious_share_concerns: 0.5,
  /** I² (%) from which inconsistency is serious when the spread crosses no effect (handbook: 50–90 % substantial). */
  inconsistency_serious_I2: 50,
  /** … and very serious (handbook: 75–100 % considerable). */
  inconsistency_very_serious_I2: 75,
  /** Publication bias is assessed from the funnel and Egger only with at least this many studies. */
  publication_bias_min_k: 10,
  /** Egger's test p below this suggests small-study effects (Egger M et al. BMJ 1997;315:629). */
  publication_bias_egger_alpha: 0.1,
  /** Default threshold for ratio measures without an MCID: a relative change of 25 % (Guyatt 2011). */
  ratio_default_threshold: 0.25,
  /** RR (oriented to benefit) from which the effect is large (Guyatt GH et al. J Clin Epidemiol 2011;64:1311). */
  large_effect_rr: 2,
  /** … and very large. */
  very_large_effect_rr: 5,
};

const DOWN: Record<string, number | null> = {
  "not serious": 0,
  "serious": 1,
  "very serious": 2,
  "not assessable": 0,
  "open": null,
};

const fmtN = (x: number | null | undefined, d = 2) =>
  x === null || x === undefined || !Number.isFinite(x) ? "not reported" : String(Number(x.toFixed(d)));
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const status = (v: string) => (v === "recalled" ? "recalled, not verified against the paper" : v);

/** Map a value of the effect's measure to a benefit-oriented scale (positive = better, 0 = no effect). */
function orient(effect: EffectInput, x: number): number {
  const ratio = effect.measure === "RR" || effect.measure === "OR";
  const v = ratio ? Math.log(x) : x;
  return effect.improvement === "decrease" ? -v : v;
}

function ratioThreshold(mcid: Threshold | null | undefined): number {
  return Math.log(1 + (mcid ? mcid.value : GRADE_RULES.ratio_default_threshold));
}

function assessRob(input: CertaintyInput): Omit<DomainAssessment, "override" | "final" | "downgrade"> {
  const studies = input.studies;
  if (studies.length === 0) {
    return {
      domain: "risk of bias",
      suggestion: "open",
      numbers: { studies: 0 },
      reason: "no studies: nothing to judge",
    };
  }
  const equal = studies.every((s) => s.weight === null);
  const w = studies.map((s) => (equal ? 1 : s.weight ?? 0));
  const total = w.reduce((a, b) => a + b, 0);
  if (!(total > 0)) {
    return {
      domain: "risk of bias",
      suggestion: "open",
      numbers: { studies: studies.length },
      reason: "the study weights sum to 0",
    };
  }
  let low = 0, some = 0, high = 0, open = 0, noinfo = 0;
  studies.forEach((s, i) => {
    const sev = severity(s.judgement);
    const share = w[i] / total;
    if (s.judgement === "No information") noinfo += share;
    if (sev === null) open += share;
    else if (sev === 0) low += share;
    else if (sev === 1) some += share;
    else high += share;
  });
  const numbers = {
    studies: studies.length,
    weighting: equal ? "equal" : "study weight",
    share_low: low,
    share_some_concerns: some,
    share_high: high,
    share_not_assessed: open,
  };
  const shares = `low ${pct(low)}, some concerns/moderate ${pct(some)}${
    noinfo > 0 ? ` (of which "No information" ${pct(noinfo)})` : ""
  }, high/serious/critical ${pct(high)}, not assessed ${pct(open)} of the weight`;
  if (open > 0) {
    return {
      domain: "risk of bias",
      suggestion: "open",
      numbers,
      reason: `not assessed for ${pct(open)} of the weight (${shares}): a committee has to judge the studies`,
    };
  }
  let suggestion: DomainRating = "not serious";
  let why = `less than ${pct(GRADE_RULES.rob_serious_share_high)} of the weight at high risk and less than ${
    pct(GRADE_RULES.rob_serious_share_concerns)
  } with concerns`;
  if (high >= GRADE_RULES.rob_very_serious_share_high) {
    suggestion = "very serious";
    why = `at least ${pct(GRADE_RULES.rob_very_serious_share_high)} of the weight at high risk`;
  } else if (high >= GRADE_RULES.rob_serious_share_high || some + high >= GRADE_RULES.rob_serious_share_concerns) {
    suggestion = "serious";
    why = high >= GRADE_RULES.rob_serious_share_high
      ? `at least ${pct(GRADE_RULES.rob_serious_share_high)} of the weight at high risk`
      : `at least ${pct(GRADE_RULES.rob_serious_share_concerns)} of the weight with some concerns or worse`;
  }
  return { domain: "risk of bias", suggestion, numbers, reason: `${why} (${shares})` };
}

function assessInconsistency(input: CertaintyInput): Omit<DomainAssessment, "override" | "final" | "downgrade"> {
  const h = input.heterogeneity;
  const k = h?.k ?? input.studies.length;
  if (!h || k < 2) {
    return {
      domain: "inconsistency",
      suggestion: "not assessable",
      numbers: { k },
      reason: "a single study: inconsistency between studies cannot be judged and is not rated down",
    };
  }
  const numbers: Record<string, number | string | null> = {
    k,
    I2: h.I2,
    tau: h.tau ?? null,
    spread_lb: h.spread_lb ?? null,
    spread_ub: h.spread_ub ?? null,
    spread: h.spread ?? null,
  };
  if (h.I2 === null) {
    return {
      domain: "inconsistency",
      suggestion: "open",
      numbers,
      reason: "I² not reported: a committee has to judge",
    };
  }
  const what = h.spread ?? "prediction interval";
  const hasSpread = h.spread_lb != null && h.spread_ub != null;
  const a = hasSpread ? orient(input.effect, h.spread_lb!) : NaN;
  const b = hasSpread ? orient(input.effect, h.spread_ub!) : NaN;
  const lo = Math.min(a, b), hi = Math.max(a, b);
  const crosses = hasSpread && lo < 0 && hi > 0;
  const spreadText = hasSpread ? `${what} ${fmtN(h.spread_lb)} to ${fmtN(h.spread_ub)}` : `no ${what}`;
  const base = `I² = ${fmtN(h.I2, 1)}%, τ = ${fmtN(h.tau ?? null, 3)}, ${spreadText}, k = ${k}`;
  if (h.I2 < GRADE_RULES.inconsistency_serious_I2) {
    return {
      domain: "inconsistency",
      suggestion: "not serious",
      numbers,
      reason: `${base}: I² below ${GRADE_RULES.inconsistency_serious_I2}%`,
    };
  }
  if (!hasSpread) {
    return {
      domain: "inconsistency",
      suggestion: "serious",
      numbers,
      reason: `${base}: I² at least ${GRADE_RULES.inconsistency_serious_I2}% and no spread to check the direction`,
    };
  }
  if (crosses && h.I2 >= GRADE_RULES.inconsistency_very_serious_I2) {
    return {
      domain: "inconsistency",
      suggestion: "very serious",
      numbers,
      reason: `${base}: I² at least ${GRADE_RULES.inconsistency_very_serious_I2}% and the ${what} includes ` +
        "effects in both directions",
    };
  }
  if (crosses) {
    return {
      domain: "inconsistency",
      suggestion: "serious",
      numbers,
      reason: `${base}: I² at least ${GRADE_RULES.inconsistency_serious_I2}% and the ${what} includes no effect`,
    };
  }
  return {
    domain: "inconsistency",
    suggestion: "not serious",
    numbers,
    reason: `${base}: the studies differ in size but the ${what} lies on one side of no effect`,
  };
}

function assessImprecision(input: CertaintyInput): Omit<DomainAssessment, "override" | "final" | "downgrade"> {
  const e = input.effect;
  const ratio = e.measure === "RR" || e.measure === "OR";
  const mcid = input.mcid ?? null;
  const level = normalizeLevel(e.level ?? 95, "assessCertainty", "effect.level");
  const numbers: Record<string, number | string | null> = {
    estimate: e.estimate,
    ci_lb: e.ci_lb ?? null,
    ci_ub: e.ci_ub ?? null,
    level,
    mcid: mcid?.value ?? null,
    mcid_source: mcid ? `${mcid.source} (${status(mcid.verified)})` : null,
    participants: input.participants ?? null,
    ois_total: input.ois?.total ?? null,
  };
  if (e.ci_lb == null || e.ci_ub == null) {
    return {
      domain: "imprecision",
      suggestion: "open",
      numbers,
      reason: "no confidence interval reported: precision cannot be computed; a committee has to judge" +
        (input.participants ? ` (participants: ${input.participants})` : ""),
    };
  }
  const a = orient(e, e.ci_lb), b = orient(e, e.ci_ub);
  const lo = Math.min(a, b), hi = Math.max(a, b);
  const ciText = `${level}% CI ${fmtN(e.ci_lb)} to ${fmtN(e.ci_ub)}`;
  const T = ratio ? ratioThreshold(mcid) : mcid?.value ?? null;
  const thrText = ratio
    ? mcid
      ? `a relative change of ${pct(mcid.value)} (${mcid.source})`
      : `a relative change of ${pct(GRADE_RULES.ratio_default_threshold)} (GRADE's default, Guyatt 2011; no MCID given)`
    : mcid
    ? `the MCID ${fmtN(mcid.value)} ${mcid.unit} (${mcid.source}; ${status(mcid.verified)})`
    : null;
  let suggestion: DomainRating = "not serious";
  let why: string;
  if (T !== null) {
    const benefit = hi >= T, harm = lo <= -T;
    if (benefit && harm) {
      suggestion = "very serious";
      why = `the ${ciText} includes an important benefit and an important harm beyond ${thrText}`;
    } else if ((lo < T && hi >= T) || (lo <= -T && hi > -T)) {
      suggestion = "serious";
      why = `the ${ciText} crosses ${thrText}: it includes important and unimportant effects`;
    } else if (lo < 0 && hi > 0) {
      suggestion = "not serious";
      why = `the ${ciText} lies within ± ${thrText}: no important effect either way`;
    } else {
      why = `the ${ciText} does not cross ${thrText}`;
    }
  } else {
    if (lo < 0 && hi > 0) {
      suggestion = "serious";
      why = `the ${ciText} includes no effect (no MCID recorded for this scale: judged against no effect only)`;
    } else why = `the ${ciText} excludes no effect (no MCID recorded for this scale: judged against no effect only)`;
  }
  if (suggestion === "not serious" && input.ois) {
    const n = input.participants;
    if (n == null) {
      return {
        domain: "imprecision",
        suggestion: "open",
        numbers,
        reason: `${why}; the number of participants is unknown, so the optimal information size (${input.ois.total}) ` +
          "cannot be checked",
      };
    }
    if (n < input.ois.total) {
      return {
        domain: "imprecision",
        suggestion: "serious",
        numbers,
        reason:
          `${why}, but ${n} participants are fewer than the optimal information size ${input.ois.total} (${input.ois.formula})`,
      };
    }
    why += `; ${n} participants reach the optimal information size ${input.ois.total}`;
  } else if (suggestion === "not serious") why += "; optimal information size not checked";
  return { domain: "imprecision", suggestion, numbers, reason: why };
}

function assessIndirectness(input: CertaintyInput): Omit<DomainAssessment, "override" | "final" | "downgrade"> {
  const d = input.indirectness ?? {};
  const elements = ["population", "intervention", "comparator", "outcome"] as const;
  const levels = elements.map((k) => [k, d[k] ?? "not judged"] as const);
  const numbers: Record<string, number | string | null> = Object.fromEntries(levels);
  const serious = levels.filter(([, v]) => v === "serious").map(([k]) => k);
  const very = levels.filter(([, v]) => v === "very serious").map(([k]) => k);
  const open = levels.filter(([, v]) => v === "not judged").map(([k]) => k);
  const note = d.note ? ` (${d.note})` : "";
  if (very.length > 0 || serious.length >= 2) {
    return {
      domain: "indirectness",
      suggestion: "very serious",
      numbers,
      reason: `declared to differ: ${[...very.map((k) => `${k} (very serious)`), ...serious].join(", ")}${note}`,
    };
  }
  if (serious.length === 1) {
    return {
      domain: "indirectness",
      suggestion: "serious",
      numbers,
      reason: `declared to differ: ${serious[0]}${open.length ? `; not judged yet: ${open.join(", ")}` : ""}${note}`,
    };
  }
  if (open.length) {
    return {
      domain: "indirectness",
      suggestion: "open",
      numbers,
      reason: `not judged yet: ${open.join(", ")}: a committee declares whether they differ from the question${note}`,
    };
  }
  return {
    domain: "indirectness",
    suggestion: "not serious",
    numbers,
    reason: `declared not to differ in population, intervention, comparator or outcome${note}`,
  };
}

function assessPublicationBias(input: CertaintyInput): Omit<DomainAssessment, "override" | "final" | "downgrade"> {
  const pb = input.publicationBias;
  const k = pb?.k ?? input.heterogeneity?.k ?? input.studies.length;
  const p = pb?.egger_pval ?? null;
  const numbers = { k, egger_pval: p, min_k: GRADE_RULES.publication_bias_min_k };
  if (k < GRADE_RULES.publication_bias_min_k) {
    return {
      domain: "publication bias",
      suggestion: "not assessable",
      numbers,
      reason: `k = ${k} < ${GRADE_RULES.publication_bias_min_k}: funnel plot and Egger's test are not informative; ` +
        "not rated down by the rule (a committee may still judge it from the search)",
    };
  }
  if (p === null) {
    return {
      domain: "publication bias",
      suggestion: "open",
      numbers,
      reason: `k = ${k}: Egger's test not available; a committee has to judge the funnel plot`,
    };
  }
  return p < GRADE_RULES.publication_bias_egger_alpha
    ? {
      domain: "publication bias",
      suggestion: "serious",
      numbers,
      reason: `k = ${k}, Egger's test p = ${
        fmtN(p, 4)
      } < ${GRADE_RULES.publication_bias_egger_alpha}: small-study effects`,
    }
    : {
      domain: "publication bias",
      suggestion: "not serious",
      numbers,
      reason: `k = ${k}, Egger's test p = ${fmtN(p, 4)}: no sign of small-study effects`,
    };
}

function startOf(input: CertaintyInput): { level: Certainty; reason: string } {
  switch (input.design) {
    case "randomised":
      return { level: "High", reason: "randomised trials start High (GRADE handbook 5.1)" };
    case "non-randomised":
      return input.robTool === "ROBINS-I v2"
        ? {
          level: "High",
          reason: "non-randomised studies assessed with ROBINS-I may start High, risk of bias then carrying " +
            "confounding and selection (Schünemann HJ et al. J Clin Epidemiol 2019;111:105-114)",
        }
        : { level: "Low", reason: "non-randomised studies start Low (GRADE handbook 5.1)" };
    case "single-case":
      return {
        level: "Low",
        reason: "single-case experimental designs: GRADE gives no starting level; the toolkit starts them Low like " +
          "non-randomised evidence (an assumption a committee may override with a reason, e.g. randomised phase starts)",
      };
    case "uncontrolled":
      return {
        level: "Low",
        reason: "before-after evidence without a control group (PIO) starts Low like non-randomised evidence " +
          "(the toolkit's rule: GRADE's start High with ROBINS-I is for studies that compare groups; a committee " +
          "may override it with a reason)",
      };
  }
}

function largeEffect(input: CertaintyInput): UpgradeAssessment {
  const e = input.effect;
  const ratio = e.measure === "RR" || e.measure === "OR";
  if (!ratio) {
    return {
      reason: "large effect",
      suggestion: 0,
      numbers: { measure: e.measure },
      explanation: `not computed for ${e.measure}: GRADE's large-effect thresholds are for risk ratios`,
      override: null,
      final: 0,
    };
  }
  const rr = Math.exp(Math.abs(orient(e, e.estimate)));
  const lb = e.ci_lb != null && e.ci_ub != null
    ? Math.exp(Math.min(Math.abs(orient(e, e.ci_lb)), Math.abs(orient(e, e.ci_ub))))
    : null;
  const bothSides = e.ci_lb != null && e.ci_ub != null &&
    Math.sign(orient(e, e.ci_lb)) !== Math.sign(orient(e, e.ci_ub));
  let s = 0;
  if (rr >= GRADE_RULES.very_large_effect_rr) s = 2;
  else if (rr >= GRADE_RULES.large_effect_rr) s = 1;
  if (bothSides) s = 0;
  return {
    reason: "large effect",
    suggestion: s,
    numbers: { rr_oriented: rr, ci_closest_to_1: lb },
    explanation: s === 0
      ? `${e.measure} ${
        fmtN(e.estimate)
      }: not beyond ${GRADE_RULES.large_effect_rr} (or 1/${GRADE_RULES.large_effect_rr})` +
        (bothSides ? " with a CI on one side of 1" : "")
      : `${e.measure} ${fmtN(e.estimate)} is beyond ${
        s === 2 ? GRADE_RULES.very_large_effect_rr : GRADE_RULES.large_effect_rr
      } (or its inverse) (Guyatt 2011)`,
    override: null,
    final: s,
  };
}

/**
 * Assess the certainty of a body of evidence: the starting level, each domain's suggestion with
 * its numbers and reason, the reasons for rating up, the overrides next to the suggestions, and
 * the certainty (or, while any judgement is open, the range it could take).
 */
export function assessCertainty(input: CertaintyInput): CertaintyResult {
  const tool = "assessCertainty";
  const inp = parseInput(inputSchema, input, tool) as unknown as CertaintyInput;
  if (inp.effect.measure === "RR" || inp.effect.measure === "OR") {
    for (const k of ["spread_lb", "spread_ub"] as const) {
      const v = inp.heterogeneity?.[k];
      if (v != null && !(v > 0)) fail(tool, `heterogeneity.${k}`, "must be > 0 for a ratio measure", v);
    }
  }
  for (const u of ["dose-response", "plausible confounding"] as const) {
    const d = inp.declared?.[u];
    if (d?.present && d.reason.trim() === "") fail(tool, `declared.${u}.reason`, "must give a reason when present");
  }
  const s = startOf(inp);
  const startOverride = inp.overrides?.start ?? null;
  const start = {
    suggestion: s.level,
    reason: s.reason,
    override: startOverride,
    final: startOverride?.level ?? s.level,
  };
  const raw = [
    assessRob(inp),
    assessInconsistency(inp),
    assessIndirectness(inp),
    assessImprecision(inp),
    assessPublicationBias(inp),
  ];
  const domains: DomainAssessment[] = raw.map((r) => {
    const override = inp.overrides?.domains?.[r.domain] ?? null;
    const final: DomainRating = override?.rating ?? r.suggestion;
    return { ...r, override, final, downgrade: DOWN[final] };
  });
  const declared = (u: "dose-response" | "plausible confounding"): UpgradeAssessment => {
    const d = inp.declared?.[u];
    return {
      reason: u,
      suggestion: d?.present ? 1 : 0,
      numbers: { declared: d ? String(d.present) : "not declared" },
      explanation: d?.present
        ? `declared: ${d.reason}`
        : d
        ? `declared absent${d.reason ? `: ${d.reason}` : ""}`
        : "not declared",
      override: null,
      final: d?.present ? 1 : 0,
    };
  };
  const upgrades = [largeEffect(inp), declared("dose-response"), declared("plausible confounding")].map((u) => {
    const o = inp.overrides?.upgrades?.[u.reason] ?? null;
    return { ...u, override: o, final: o ? o.levels : u.final };
  });
  const idx = (c: Certainty) => 4 - CERTAINTY_LEVELS.indexOf(c); // High 4 … Very low 1
  const toLevel = (n: number): Certainty => CERTAINTY_LEVELS[4 - Math.max(1, Math.min(4, n))];
  const open = domains.filter((d) => d.downgrade === null).map((d) => d.domain);
  const upTotal = upgrades.reduce((a, u) => a + u.final, 0);
  const score = (openDown: number) => {
    const down = domains.reduce((a, d) => a + (d.downgrade ?? openDown), 0);
    // GRADE rates up only evidence that starts Low and has no reason to rate down
    const up = down === 0 && idx(start.final) <= 2 ? upTotal : 0;
    return { level: idx(start.final) - down + up, up };
  };
  const best = score(0), worst = score(2);
  const certainty = open.length === 0 ? toLevel(best.level) : null;
  const footnotes: string[] = [];
  if (start.override) {
    footnotes.push(
      `Starting level: ${start.final} by decision (${start.override.reason}${
        start.override.by ? `; ${start.override.by}` : ""
      }); the rule suggests ${start.suggestion} (${start.reason}).`,
    );
  } else if (start.final !== "High") footnotes.push(`Starting level ${start.final}: ${start.reason}.`);
  for (const d of domains) {
    const cap = d.domain[0].toUpperCase() + d.domain.slice(1);
    if (d.override) {
      footnotes.push(
        `${cap}: ${d.final} by decision (${d.override.reason}${d.override.by ? `; ${d.override.by}` : ""}); ` +
          `the rule suggests ${d.suggestion} (${d.reason}).`,
      );
    } else if (d.final === "open") footnotes.push(`${cap}: open — ${d.reason}.`);
    else if (d.final === "serious" || d.final === "very serious") {
      footnotes.push(`${cap}: ${d.final} — ${d.reason}.`);
    }
  }
  for (const u of upgrades) {
    if (u.override) {
      footnotes.push(
        `Rated up for ${u.reason}: ${u.final} by decision (${u.override.reason}); the rule suggests ${u.suggestion}.`,
      );
    } else if (u.final > 0) footnotes.push(`Rated up for ${u.reason} (${u.final}): ${u.explanation}.`);
  }
  const result: CertaintyResult = {
    label: RULES_LABEL,
    start,
    domains,
    upgrades,
    upgrade_applied: open.length === 0 ? best.up : 0,
    certainty,
    range: { best: toLevel(best.level), worst: toLevel(worst.level) },
    open,
    footnotes,
    domain: (name: GradeDomain) => domains.find((d) => d.domain === name)!,
  };
  Object.defineProperty(result, "domain", { enumerable: false });
  return result;
}

/**
 * A certainty for display: the level; while judgements are open, "not determined (open: …; between
 * X and Y)", or "X whatever the open judgements (open: …)" when they cannot change it.
 */
export function certaintyText(c: CertaintyResult): string {
  if (c.certainty) return c.certainty;
  if (c.range.best === c.range.worst) {
    return `${c.range.best} whatever the open judgements (open: ${c.open.join(", ")})`;
  }
  return `not determined (open: ${c.open.join(", ")}; between ${c.range.worst} and ${c.range.best})`;
}

/**
 * The fields of a pooled fit the certainty rules read — those of `rma()` from the meta engine
 * (metafor's names), so a fit can be passed as it is.
 */
export interface PooledFit {
  /** Number of studies. */
  k: number;
  /** Pooled estimate (for RR/OR on the log scale, as `rma` fits them). */
  beta: number;
  /** Lower CI bound (same scale). */
  ci_lb: number;
  /** Upper CI bound. */
  ci_ub: number;
  /** Confidence level in percent. */
  level: number;
  /** I² in percent. */
  I2: number | null;
  /** τ. */
  tau: number;
  /** Lower end of the prediction interval. */
  pi_lb: number;
  /** Upper end of the prediction interval. */
  pi_ub: number;
  /** Study weights in percent. */
  weights: number[];
  /** Study labels (the study ids the judgements name). */
  slab: string[];
}

/** Options of {@link certaintyInputFromFit}. */
export interface FromFitOptions {
  /** The measure; RR and OR are back-transformed from the log scale. */
  measure: EffectMeasure;
  /** Which direction is better. */
  improvement: Improvement;
  /** The design of the studies. */
  design: EvidenceDesign;
  /** The risk-of-bias tool. */
  robTool?: RobTool | null;
  /** Each study's overall risk-of-bias judgement, by study label (a missing one is "Not assessed"). */
  judgements: Readonly<Record<string, RobLevel>>;
  /** The MCID on the measure's scale. */
  mcid?: Threshold | null;
  /** Participants in all studies. */
  participants?: number | null;
  /** The optimal information size. */
  ois?: OisResult | null;
  /** Egger's test p-value (`regtest(fit).pval`), used when k ≥ 10. */
  egger_pval?: number | null;
  /** Declared indirectness. */
  indirectness?: IndirectnessInput;
}

/**
 * Build the input of {@link assessCertainty} from a pooled fit (e.g. `rma()`): the effect and its
 * CI, I², τ and the prediction interval for inconsistency, the study weights for risk of bias,
 * k and Egger's p for publication bias.
 */
export function certaintyInputFromFit(fit: PooledFit, options: FromFitOptions): CertaintyInput {
  const tool = "certaintyInputFromFit";
  if (fit === null || typeof fit !== "object") fail(tool, "fit", "must be a pooled fit such as rma()'s result", fit);
  for (const k of ["beta", "ci_lb", "ci_ub", "I2", "tau", "pi_lb", "pi_ub"] as const) {
    finiteOr(tool, `fit.${k}`, fit[k]);
  }
  if (!Array.isArray(fit.weights) || !Array.isArray(fit.slab) || fit.weights.length !== fit.slab.length) {
    fail(tool, "fit.weights", "must have one weight per study label (fit.slab)");
  }
  const ratio = options.measure === "RR" || options.measure === "OR";
  const t = (x: number) => (ratio ? Math.exp(x) : x);
  return {
    design: options.design,
    robTool: options.robTool ?? null,
    effect: {
      measure: options.measure,
      estimate: t(fit.beta),
      ci_lb: t(fit.ci_lb),
      ci_ub: t(fit.ci_ub),
      level: fit.level,
      improvement: options.improvement,
    },
    mcid: options.mcid ?? null,
    studies: fit.slab.map((s, i) => ({
      study_id: s,
      weight: fit.weights[i],
      judgement: options.judgements[s] ?? "Not assessed",
    })),
    heterogeneity: {
      k: fit.k,
      I2: fit.I2,
      tau: fit.tau,
      spread_lb: t(fit.pi_lb),
      spread_ub: t(fit.pi_ub),
      spread: "prediction interval",
    },
    participants: options.participants ?? null,
    ois: options.ois ?? null,
    publicationBias: { k: fit.k, egger_pval: options.egger_pval ?? null },
    indirectness: options.indirectness,
  };
}
