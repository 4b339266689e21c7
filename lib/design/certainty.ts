/**
 * The certainty readout: the toolkit's GRADE-style heuristic (NOT GRADE itself) for one design's
 * diagnosis under one scenario. Each domain gets a rating, a reason with its numbers, and what
 * would change the rating; the starting level follows the design (randomised between patients:
 * high; not randomised between patients: low), and every serious concern lowers it one level,
 * every very serious concern two.
 *
 * - risk of bias: from the *simulated* bias against the MCID (|bias| < 0.25·MCID, or within 2 MCSE
 *   of 0: no serious; < 0.5·MCID: serious; else very serious) — never from the design's label;
 * - imprecision: from the mean CI width against the MCID and the number of participants against
 *   the optimal information size (every design with an interval gets a rating, the SCED included);
 * - indirectness: from the comparator (the design's against the question's), the population (share
 *   of patients not at the end of the line above 20 %, an assumption) and the outcome (the
 *   analysed instrument against the question's) — one concern serious, two or more very serious;
 * - inconsistency: for a meta-analysis from the between-study SD of the true effect against the
 *   MCID (τ ≥ 0.5·MCID serious, ≥ MCID very serious); a single study cannot show it.
 * @module
 */
import type { Comparator, Design, InstrumentName } from "./types.ts";
import type { DiagnosisRow } from "./diagnose.ts";
import { gradeContext } from "./analytic.ts";
import { resolveModel } from "./model.ts";
import { fmt as fmtNum } from "../format.ts";

/** A rating of one certainty domain. */
export type CertaintyRating = "no serious" | "serious" | "very serious" | "not applicable";

/** Certainty levels (GRADE's four). */
export type CertaintyLevel = "high" | "moderate" | "low" | "very low";

/** One domain of the readout. */
export interface CertaintyDomain {
  /** The rating. */
  rating: CertaintyRating;
  /** Why, in words, with the numbers. */
  reason: string;
  /** What would change this rating. */
  change: string;
  /** The numbers the rating was computed from. */
  numbers: Record<string, number | string | null>;
}

/** The certainty readout of one design × grid point × answer strategy. */
export interface DesignCertainty {
  /** Always: "toolkit heuristic, not GRADE". */
  label: string;
  /** Starting level by design. */
  starting_level: CertaintyLevel;
  /** Why this starting level. */
  starting_reason: string;
  /** Risk of bias from the simulated bias. */
  risk_of_bias: CertaintyDomain;
  /** Imprecision from the CI width and the optimal information size. */
  imprecision: CertaintyDomain;
  /** Indirectness from comparator, population and outcome. */
  indirectness: CertaintyDomain;
  /** Inconsistency (meta-analyses only). */
  inconsistency: CertaintyDomain;
  /** The starting level lowered by the concerns. */
  level: CertaintyLevel;
}

/** The question the evidence should answer (a scenario's PICO or PIO). */
export interface CertaintyQuestion {
  /** The comparator the decision is about (`none`: a PIO, the effect against no treatment). */
  comparator: Comparator;
  /** The outcome instrument the decision is about. */
  instrument: InstrumentName;
  /** Share of patients not at the end of the line above which the population is indirect (default 0.2, an assumption). */
  populationThreshold?: number;
}

/** The question used when none is given: the Zorginstituut's PICO (primary care; PDI, the national indicator). */
export const DEFAULT_QUESTION: CertaintyQuestion = { comparator: "primary-care", instrument: "pdi" };

const LEVELS: CertaintyLevel[] = ["high", "moderate", "low", "very low"];

function comparatorOf(design: Design): Comparator {
  const d = design.data;
  if (
    d.type === "rct" || d.type === "twics" || d.type === "controlled-cohort" || d.type === "stepped-wedge" ||
    d.type === "its"
  ) return d.comparator;
  if (d.type === "waitlist") return "waiting-list";
  if (d.type === "meta") return d.study.comparator;
  return "none";
}

const f = (x: number) => fmtNum(x, Math.abs(x) >= 10 ? 1 : 2);

/**
 * The certainty readout for one diagnosis row of `design` (the toolkit's heuristic, not GRADE).
 * @example certainty(row, design, { comparator: "primary-care", instrument: "pdi" }).risk_of_bias.rating
 */
export function certainty(
  row: DiagnosisRow,
  design: Design,
  question: CertaintyQuestion = DEFAULT_QUESTION,
): DesignCertainty {
  const ctx = gradeContext(design, row.estimand);
  const type = design.data.type;
  const randomised = type === "rct" || type === "waitlist" || type === "meta" || type === "twics" ||
    type === "stepped-wedge";
  const starting_level: CertaintyLevel = randomised ? "high" : "low";
  const starting_reason = randomised
    ? "randomised between patients: starts high"
    : type === "sced"
    ? "randomised start times within patients, no randomised between-patient comparison: starts low " +
      "(a convention of this heuristic; an N-of-1 view would start higher)"
    : "no randomised comparison: starts low";

  // risk of bias
  let risk_of_bias: CertaintyDomain;
  if (row.bias === null) {
    risk_of_bias = {
      rating: "not applicable",
      reason: "no estimate in any replication",
      change: "a design that gives estimates",
      numbers: {},
    };
  } else {
    const b = Math.abs(row.bias), noise = 2 * (row.bias_mcse ?? 0), m = ctx.mcid;
    const rating: CertaintyRating = b < 0.25 * m || b <= noise
      ? "no serious"
      : b < 0.5 * m
      ? "serious"
      : "very serious";
    risk_of_bias = {
      rating,
      reason: `simulated bias ${f(row.bias)} ± ${f(row.bias_mcse ?? 0)} (MCSE) against an MCID of ${f(m)}: ${
        Math.round((100 * b) / m)
      }% of the MCID (thresholds 25% and 50%)`,
      change: rating === "no serious"
        ? `serious once |bias| reaches ${
          f(0.25 * m)
        } (more natural course, expectation, regression to the mean or dropout)`
        : `no serious once |bias| falls below ${
          f(0.25 * m)
        } (a comparator that shares the bias, or a scenario with less of it)`,
      numbers: { bias: row.bias, bias_mcse: row.bias_mcse, mcid: m },
    };
  }

  // imprecision
  let imprecision: CertaintyDomain;
  if (row.mean_ci_width === null) {
    imprecision = {
      rating: "very serious",
      reason: "the answer strategy gives no interval in any replication (one case?)",
      change: "at least two cases or participants, so that an interval exists",
      numbers: { n: ctx.n },
    };
  } else {
    const wide = row.mean_ci_width > ctx.mcid, small = ctx.n < ctx.ois;
    imprecision = {
      rating: wide && small ? "very serious" : wide || small ? "serious" : "no serious",
      reason: `mean CI width ${f(row.mean_ci_width)} ${wide ? ">" : "<="} MCID ${f(ctx.mcid)}; n = ${ctx.n} ${
        small ? "<" : ">="
      } optimal information size ${Math.ceil(ctx.ois)}`,
      change: `${wide ? "a CI narrower than the MCID" : "the CI stays narrower than the MCID"} and ${
        small ? `n >= ${Math.ceil(ctx.ois)}` : `n stays >= ${Math.ceil(ctx.ois)}`
      } would make it no serious; one failing makes it serious, both very serious`,
      numbers: { mean_ci_width: row.mean_ci_width, mcid: ctx.mcid, n: ctx.n, ois: ctx.ois },
    };
  }

  // indirectness
  const comp = comparatorOf(design);
  const share = design.model.shareNotEndOfLine;
  const threshold = question.populationThreshold ?? 0.2;
  const concerns: string[] = [];
  if (comp !== question.comparator) concerns.push(`comparator ${comp} instead of ${question.comparator}`);
  if (share > threshold) {
    concerns.push(
      `${Math.round(100 * share)}% of patients not at the end of the line (> ${Math.round(100 * threshold)}%)`,
    );
  }
  if (design.model.instrument !== question.instrument) {
    concerns.push(`outcome ${design.model.instrument} instead of ${question.instrument}`);
  }
  const indirectness: CertaintyDomain = {
    rating: concerns.length === 0 ? "no serious" : concerns.length === 1 ? "serious" : "very serious",
    reason: concerns.length === 0
      ? `comparator, population and outcome match the question (${question.comparator}, ${question.instrument}; ${
        Math.round(100 * share)
      }% not at the end of the line)`
      : concerns.join("; "),
    change: concerns.length === 0
      ? "a different question (comparator or outcome) or a population with more patients not at the end of the line"
      : "a design with the question's comparator and outcome in end-of-the-line patients",
    numbers: {
      comparator: comp,
      question_comparator: question.comparator,
      share_not_end_of_line: share,
      instrument: design.model.instrument,
      question_instrument: question.instrument,
    },
  };

  // inconsistency
  let inconsistency: CertaintyDomain;
  if (design.data.type === "meta") {
    const rm = resolveModel(design.model);
    const tauScore = design.data.tau * rm.effectWeight;
    const mRaw = rm.spec.mcid;
    inconsistency = {
      rating: tauScore >= mRaw ? "very serious" : tauScore >= 0.5 * mRaw ? "serious" : "no serious",
      reason: `between-study SD of the true effect ${f(tauScore)} points against an MCID of ${f(mRaw)}`,
      change: `serious from τ = ${f(0.5 * mRaw)}, very serious from τ = ${f(mRaw)} points`,
      numbers: { tau: tauScore, mcid: mRaw },
    };
  } else {
    inconsistency = {
      rating: "not applicable",
      reason: "one study: inconsistency between studies cannot be judged",
      change: "a meta-analysis design (several studies)",
      numbers: {},
    };
  }

  let drop = 0;
  for (const d of [risk_of_bias, imprecision, indirectness, inconsistency]) {
    drop += d.rating === "serious" ? 1 : d.rating === "very serious" ? 2 : 0;
  }
  const level = LEVELS[Math.min(3, LEVELS.indexOf(starting_level) + drop)];
  return {
    label: "toolkit heuristic, not GRADE",
    starting_level,
    starting_reason,
    risk_of_bias,
    imprecision,
    indirectness,
    inconsistency,
    level,
  };
}
