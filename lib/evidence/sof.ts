/**
 * Summary-of-findings tables in GRADEpro's layout — outcome, risk with the comparator (assumed
 * control value), risk difference with the intervention (absolute effect with CI: mean difference
 * in instrument points, events per 1,000 and NNT), relative effect, participants (studies),
 * certainty with footnotes — computed from the numbers of `data/evidence/`, every number carrying
 * its provenance (data file row and seed line), every MCID its source and verification status.
 * Exports as HTML, Markdown, CSV and JSON.
 *
 * The seed application ({@link buildSeedSof}) builds the dispute's four comparisons (continued
 * primary care, usual IMSR / graded activity, waiting list, PIO with SCEDs and cohorts); the
 * judgements a committee still has to make (risk of bias "Not assessed", indirectness "not
 * judged") stay open, and the certainty then shows the range it could take.
 *
 * @example
 * ```ts
 * import { absoluteFromRatio } from "./sof.ts";
 * // GRADE handbook: RR 0.80 (0.70 to 0.92) at an assumed control risk of 200 per 1,000
 * const abs = absoluteFromRatio({ estimate: 0.8, ci_lb: 0.7, ci_ub: 0.92 }, 0.2);
 * if (abs.text !== "40 fewer per 1,000 (from 60 fewer to 16 fewer)") throw new Error(abs.text);
 * ```
 * @module
 */
import { readCsv } from "../io/csv.ts";
import { fmt } from "../format.ts";
import { fail, ValidationError } from "../validate.ts";
import { normalizeLevel } from "../conventions.ts";
import type { Improvement } from "../conventions.ts";
export type { Improvement } from "../conventions.ts";
import { finiteOr, qnormStd, roundInt } from "./_grade.ts";
import { SEED_COMPARISONS, type SeedRowPlan } from "./_grade_seed.ts";
import {
  assessCertainty,
  type Certainty,
  type CertaintyInput,
  type CertaintyResult,
  certaintyText,
  type DeclaredUpgrade,
  type DomainOverride,
  type GradeDomain,
  type IndirectnessInput,
  optimalInformationSize,
  RULES_LABEL,
  type StartOverride,
  type Threshold,
  type UpgradeOverride,
  type UpgradeReason,
} from "./certainty.ts";
import { type RobJudgement, robOverall } from "./rob.ts";

/** An effect with its CI (the CI may be missing when the source reports none). */
export interface SofEffect {
  /** The measure (MD, RR, SMC, …). */
  measure: string;
  /** Point estimate. */
  estimate: number;
  /** Lower CI bound, null when not reported. */
  ci_lb: number | null;
  /** Upper CI bound, null when not reported. */
  ci_ub: number | null;
  /** Confidence level in percent. */
  level: number;
  /** Unit of the measure (instrument points, per 1,000, SD units). */
  unit: string;
}

/** An absolute effect per 1,000 with its CI and GRADEpro's wording. */
export interface AbsoluteEffect {
  /** Difference per `per` (negative: fewer). */
  estimate: number;
  /** Lower bound. */
  ci_lb: number;
  /** Upper bound. */
  ci_ub: number;
  /** The denominator (1,000). */
  per: number;
  /** e.g. "40 fewer per 1,000 (from 60 fewer to 16 fewer)". */
  text: string;
}

const more = (x: number) => (x < 0 ? `${Math.abs(x)} fewer` : `${x} more`);

/**
 * The absolute effect of a risk ratio at an assumed control risk (a proportion): per 1,000,
 * `1000 × ACR × (RR − 1)` for the estimate and each CI bound, rounded, worded as GRADEpro does.
 */
export function absoluteFromRatio(
  ratio: { estimate: number; ci_lb: number; ci_ub: number },
  controlRisk: number,
  per = 1000,
): AbsoluteEffect {
  const tool = "absoluteFromRatio";
  for (const k of ["estimate", "ci_lb", "ci_ub"] as const) {
    if (!(finiteOr(tool, `ratio.${k}`, ratio?.[k]) > 0)) fail(tool, `ratio.${k}`, "must be > 0", ratio[k]);
  }
  if (ratio.ci_lb > ratio.ci_ub) fail(tool, "ratio.ci_ub", "must be >= ci_lb", ratio.ci_ub);
  if (!(controlRisk >= 0 && controlRisk <= 1)) {
    fail(tool, "controlRisk", "must be a proportion in [0, 1] (200 per 1,000 is 0.2)", controlRisk);
  }
  const d = (rr: number) => roundInt(per * controlRisk * (rr - 1));
  const [estimate, ci_lb, ci_ub] = [d(ratio.estimate), d(ratio.ci_lb), d(ratio.ci_ub)];
  const perText = per === 1000 ? "1,000" : String(per);
  return {
    estimate,
    ci_lb,
    ci_ub,
    per,
    text: `${more(estimate)} per ${perText} (from ${more(ci_lb)} to ${more(ci_ub)})`,
  };
}

/** A number needed to treat with its CI, as Altman (BMJ 1998;317:1309) words it. */
export interface NntResult {
  /** NNT for benefit (NNTB) or harm (NNTH), rounded up; null when the difference is 0. */
  nnt: number | null;
  /** `NNTB` or `NNTH`. */
  kind: "NNTB" | "NNTH" | null;
  /** e.g. "NNTB 14 (8 to 56)" or "NNTB 14 (NNTH 20 to ∞ to NNTB 6)". */
  text: string;
}

/**
 * The number needed to treat from a risk difference (proportions; intervention minus control)
 * with its CI. When the CI includes 0 the interval runs through infinity (Altman 1998).
 * `improvement: "increase"` when the event is good (responders).
 *
 * @example
 * ```ts
 * import { numberNeededToTreat } from "./sof.ts";
 * // 10 more responders per 100 (5 to 15 more): treat 10 (7 to 20) for one more responder
 * if (numberNeededToTreat({ estimate: 0.1, ci_lb: 0.05, ci_ub: 0.15 }, "increase").text !== "NNTB 10 (7 to 20)") {
 *   throw new Error("NNT");
 * }
 * // a CI that includes no difference runs through infinity (Altman 1998)
 * const t = numberNeededToTreat({ estimate: 0.1, ci_lb: -0.05, ci_ub: 0.25 }, "increase").text;
 * if (t !== "NNTB 10 (NNTH 20 to ∞ to NNTB 4)") throw new Error(t);
 * ```
 */
export function numberNeededToTreat(
  rd: { estimate: number; ci_lb: number; ci_ub: number },
  improvement: Improvement,
): NntResult {
  const tool = "numberNeededToTreat";
  for (const k of ["estimate", "ci_lb", "ci_ub"] as const) {
    const v = finiteOr(tool, `rd.${k}`, rd?.[k]);
    if (v < -1 || v > 1) fail(tool, `rd.${k}`, "must be a risk difference in [-1, 1]", v);
  }
  if (rd.ci_lb > rd.ci_ub) fail(tool, "rd.ci_ub", "must be >= ci_lb", rd.ci_ub);
  const s = improvement === "increase" ? 1 : -1;
  const b = (x: number) => s * x; // benefit-oriented
  const n = (x: number) => Math.ceil(1 / Math.abs(x) - 1e-9);
  const e = b(rd.estimate);
  const [lo, hi] = [Math.min(b(rd.ci_lb), b(rd.ci_ub)), Math.max(b(rd.ci_lb), b(rd.ci_ub))];
  if (e === 0) return { nnt: null, kind: null, text: "no difference (NNT not defined)" };
  const kind = e > 0 ? "NNTB" : "NNTH";
  const head = `${kind} ${n(e)}`;
  if (lo > 0 || hi < 0) {
    const [a, c] = [n(hi), n(lo)].sort((x, y) => x - y);
    return { nnt: n(e), kind, text: `${head} (${a} to ${c})` };
  }
  const harm = lo === 0 ? "∞" : `NNTH ${n(lo)}`;
  const benefit = hi === 0 ? "∞" : `NNTB ${n(hi)}`;
  return { nnt: n(e), kind, text: `${head} (${harm} to ∞ to ${benefit})` };
}

/** The risk ratio of two proportions with group sizes, with Katz's log interval. */
export function riskRatioFromProportions(
  p1: number,
  n1: number,
  p0: number,
  n0: number,
  options: { level?: number } = {},
): { estimate: number; ci_lb: number; ci_ub: number; level: number } {
  const tool = "riskRatioFromProportions";
  for (const [k, p] of [["p1", p1], ["p0", p0]] as const) {
    if (!(finiteOr(tool, k, p) > 0 && p < 1)) fail(tool, k, "must be a proportion in (0, 1)", p);
  }
  for (const [k, n] of [["n1", n1], ["n0", n0]] as const) {
    if (!(finiteOr(tool, k, n) > 0)) fail(tool, k, "must be > 0", n);
  }
  const level = normalizeLevel(options.level ?? 95, tool);
  const z = qnormStd(1 - (1 - level / 100) / 2);
  const se = Math.sqrt((1 - p1) / (p1 * n1) + (1 - p0) / (p0 * n0));
  const lr = Math.log(p1 / p0);
  return { estimate: p1 / p0, ci_lb: Math.exp(lr - z * se), ci_ub: Math.exp(lr + z * se), level };
}

/** Where one cell's number comes from. */
export interface SofSource {
  /** The cell (`relative`, `control`, `absolute`, `participants`, `mcid`, `heterogeneity`, `risk of bias`). */
  cell: string;
  /** The file and 1-based data row, and the seed line, e.g. `data/evidence/estimates.csv row 84 (…; seed … line 910)`. */
  source: string;
}

/** One row of a summary-of-findings table. */
export interface SofRow {
  /** Stable id (`waiting-list-rdq-ct`). */
  id: string;
  /** The outcome as the table shows it. */
  outcome: string;
  /** The studies. */
  study_ids: string[];
  /** The instrument (key of data/instruments.csv), null when the seed names none. */
  instrument: string | null;
  /** The instrument's MCID with source and verification, null when none is recorded. */
  mcid: Threshold | null;
  /** The MCID as shown: value, unit, source and "unverified" where it is not verified. */
  mcid_text: string;
  /** The relative effect (RR), null when there is none. */
  relative: SofEffect | null;
  /** The relative effect as shown, e.g. "RR 0.88 (0.62 to 1.24)". */
  relative_text: string;
  /** Risk with the comparator (per 1,000) or its mean, null when not reported. */
  control: { value: number; unit: string } | null;
  /** As shown. */
  control_text: string;
  /** The absolute effect (MD in points, per 1,000, or a change from baseline). */
  absolute: SofEffect | null;
  /** As shown. */
  absolute_text: string;
  /** NNT as shown (responders only), else "". */
  nnt_text: string;
  /** Participants, null when not reported. */
  participants: number | null;
  /** Number of studies (or cohorts). */
  studies: number;
  /** As shown, e.g. "111 (1 RCT)". */
  participants_text: string;
  /** The certainty assessment, null when there is no effect to assess. */
  certainty: CertaintyResult | null;
  /** As shown, e.g. "⨁⨁⨁◯ Moderate" or "not determined (open: …)". */
  certainty_text: string;
  /** Footnotes: certainty reasons, assumptions, notes. */
  footnotes: string[];
  /** Where every number comes from. */
  sources: SofSource[];
  /** True when an illustrative judgement was used. */
  illustrative: boolean;
}

/** One comparison: the question and its rows. */
export interface SofComparison {
  /** Stable id (`primary-care`, `usual-imsr`, `waiting-list`, `pio`). */
  id: string;
  /** Title. */
  label: string;
  /** The PICO or PIO in words. */
  question: string;
  /** Who proposes the comparison and where. */
  source: string;
  /** Notes on what is and is not tabulated. */
  notes: string[];
  /** The rows. */
  rows: SofRow[];
}

/** A summary-of-findings table. */
export interface SofTable {
  /** Title. */
  title: string;
  /** {@link RULES_LABEL}. */
  label: string;
  /** True when any illustrative judgement was used: the table must be shown as illustrative. */
  illustrative: boolean;
  /** The comparisons. */
  comparisons: SofComparison[];
}

/** A committee's decisions for one row (all recorded with reasons). */
export interface SofDecision {
  /** What differs from the question. */
  indirectness?: IndirectnessInput;
  /** Overrides of the starting level, domains and upgrades. */
  overrides?: {
    start?: StartOverride;
    domains?: Partial<Record<GradeDomain, DomainOverride>>;
    upgrades?: Partial<Record<UpgradeReason, UpgradeOverride>>;
  };
  /** Declared reasons for rating up. */
  declared?: { "dose-response"?: DeclaredUpgrade; "plausible confounding"?: DeclaredUpgrade };
  /** An SD of the outcome (instrument points) to compute the optimal information size from the MCID. */
  ois_sd?: number;
}

/** The CSV texts of the data files {@link buildSeedSof} reads. */
export interface SeedFiles {
  /** `data/evidence/estimates.csv`. */
  estimates: string;
  /** `data/evidence/studies.csv`. */
  studies: string;
  /** `data/evidence/smc_review.csv`. */
  smc_review: string;
  /** `data/evidence/assumptions.csv`. */
  assumptions: string;
  /** `data/instruments.csv`. */
  instruments: string;
}

/** Options of {@link buildSeedSof}. */
export interface SeedSofOptions {
  /** Risk-of-bias judgements (from `loadRob`); studies without one count as "Not assessed". */
  judgements: readonly RobJudgement[];
  /** Decisions by row id. */
  decisions?: Record<string, SofDecision>;
  /** Only these comparisons (ids), default all. */
  comparisons?: readonly string[];
  /** Only rows whose outcome contains this text (case-insensitive). */
  outcome?: string;
  /** The judgements' file name, for the sources (default `judgements`). */
  judgements_file?: string;
}

/** The comparison ids of the seed application. */
export const SOF_COMPARISON_IDS: readonly string[] = SEED_COMPARISONS.map((c) => c.id);

const SYMBOLS: Record<Certainty, string> = {
  "High": "⨁⨁⨁⨁",
  "Moderate": "⨁⨁⨁◯",
  "Low": "⨁⨁◯◯",
  "Very low": "⨁◯◯◯",
};

interface Indexed {
  file: string;
  rows: Record<string, string>[];
  byId: Map<string, { row: Record<string, string>; index: number }>;
}

function index(file: string, text: string, key: string): Indexed {
  if (typeof text !== "string") fail("buildSeedSof", file, "must be the CSV text of the file", typeof text);
  const { rows } = readCsv(text, { name: file });
  const byId = new Map<string, { row: Record<string, string>; index: number }>();
  rows.forEach((row, i) => byId.set(row[key], { row, index: i + 1 }));
  return { file, rows, byId };
}

function get(ix: Indexed, id: string): { row: Record<string, string>; source: string } {
  const hit = ix.byId.get(id);
  if (!hit) {
    throw new ValidationError("buildSeedSof", [{ path: ix.file, rule: `has no row with id ${JSON.stringify(id)}` }]);
  }
  const seed = hit.row.seed_file ? `; seed ${hit.row.seed_file} line ${hit.row.seed_line}` : "";
  return { row: hit.row, source: `data/${ix.file} row ${hit.index} (id ${id}${seed})` };
}

function num(ix: Indexed, id: string, col: string): number | null {
  const v = get(ix, id).row[col];
  if (v === undefined || v === "") return null;
  const x = Number(v);
  if (!Number.isFinite(x)) fail("buildSeedSof", `${ix.file} ${id}.${col}`, "must be a number", v);
  return x;
}

function mcidOf(instruments: Indexed, key: string | null): { mcid: Threshold | null; text: string; source: string } {
  if (!key) return { mcid: null, text: "no instrument named in the seed", source: "" };
  const hit = instruments.byId.get(key);
  if (!hit) return { mcid: null, text: `${key}: not in data/instruments.csv`, source: "" };
  const r = hit.row;
  const src = `data/instruments.csv row ${hit.index} (${key})`;
  if (r.mcid === "") return { mcid: null, text: `${key}: no MCID recorded (data/instruments.csv)`, source: src };
  const verified = r.verified === "verified" ? "verified" : r.verified === "seed" ? "from the seed" : "unverified";
  const unit = r.mcid_unit || "points";
  return {
    mcid: { value: Number(r.mcid), unit, source: r.mcid_citation, verified: r.verified },
    text: `${key} MCID ${r.mcid} ${unit} (${r.mcid_citation.split(".")[0]}; ${verified})`,
    source: src,
  };
}

const ci = (lb: number | null, ub: number | null, d = 2) =>
  lb === null || ub === null ? "no CI reported" : `${fmt(lb, d)} to ${fmt(ub, d)}`;

function designLabel(design: string, k: number): string {
  const word = design === "randomised"
    ? "RCT"
    : design === "single-case"
    ? "SCED"
    : design === "uncontrolled"
    ? "cohort"
    : "study";
  return `${k} ${word}${k === 1 ? "" : "s"}`;
}

function decisionOf(options: SeedSofOptions, id: string): SofDecision {
  return options.decisions?.[id] ?? {};
}

function robStudies(
  options: SeedSofOptions,
  study_ids: string[],
  rowId: string,
): { studies: CertaintyInput["studies"]; sources: SofSource[]; illustrative: boolean } {
  const sources: SofSource[] = [];
  let illustrative = false;
  const studies = study_ids.map((s) => {
    const o = robOverall(options.judgements, s, rowId);
    if (o.illustrative) illustrative = true;
    sources.push({
      cell: "risk of bias",
      source: o.row > 0
        ? `${options.judgements_file ?? "judgements"} row ${o.row} (${s}, ${o.tool}, Overall: ${o.judgement}${
          o.illustrative ? ", ILLUSTRATIVE" : ""
        })`
        : `no judgement for ${s}: Not assessed`,
    });
    return { study_id: s, weight: null, judgement: o.judgement };
  });
  return { studies, sources, illustrative };
}

function certaintyFor(
  plan: SeedRowPlan,
  options: SeedSofOptions,
  base: Omit<CertaintyInput, "indirectness" | "overrides" | "declared" | "design" | "robTool">,
): CertaintyResult {
  const d = decisionOf(options, plan.id);
  return assessCertainty({
    ...base,
    design: plan.design,
    robTool: plan.robTool,
    indirectness: d.indirectness,
    overrides: d.overrides as CertaintyInput["overrides"],
    declared: d.declared,
  });
}

/**
 * The leading cells of a row without a relative effect or an assumed control value: its keys,
 * studies, instrument and MCID, and what the control column says instead.
 */
function rowWithoutRelative(
  plan: { id: string; outcome: string; instrument: string | null },
  study_ids: string[],
  m: { mcid: Threshold | null; text: string },
  control_text: string,
): Pick<
  SofRow,
  | "id"
  | "outcome"
  | "study_ids"
  | "instrument"
  | "mcid"
  | "mcid_text"
  | "relative"
  | "relative_text"
  | "control"
  | "control_text"
> {
  return {
    id: plan.id,
    outcome: plan.outcome,
    study_ids,
    instrument: plan.instrument,
    mcid: m.mcid,
    mcid_text: m.text,
    relative: null,
    relative_text: "–",
    control: null,
    control_text,
  };
}

function finishRow(
  row: Omit<SofRow, "certainty_text" | "footnotes"> & { notes: string[] },
): SofRow {
  const c = row.certainty;
  const certainty_text = c === null
    ? "not assessable: no effect estimate"
    : c.certainty
    ? `${SYMBOLS[c.certainty]} ${c.certainty}`
    : c.range.best === c.range.worst
    ? `${SYMBOLS[c.range.best]} ${certaintyText(c)}`
    : certaintyText(c);
  const footnotes = [...(c?.footnotes ?? []), ...row.notes];
  if (row.illustrative) footnotes.unshift("ILLUSTRATIVE risk-of-bias judgements were used: not a real assessment.");
  const { notes: _notes, ...rest } = row;
  return { ...rest, certainty_text, footnotes };
}

function buildRow(
  plan: SeedRowPlan,
  ix: { estimates: Indexed; smc: Indexed; assumptions: Indexed; instruments: Indexed },
  options: SeedSofOptions,
): SofRow {
  const m = mcidOf(ix.instruments, plan.instrument);
  const notes: string[] = plan.note ? [plan.note] : [];
  const mcidSources: SofSource[] = m.source ? [{ cell: "mcid", source: m.source }] : [];
  const decision = decisionOf(options, plan.id);
  if (plan.kind === "md") {
    const e = get(ix.estimates, plan.estimate_id);
    const est = num(ix.estimates, plan.estimate_id, "value")!;
    const lb = num(ix.estimates, plan.estimate_id, "lower");
    const ub = num(ix.estimates, plan.estimate_id, "upper");
    const level = 95; // estimates.csv records CIs as "ci95" (95% intervals) or none
    const ns = plan.n_ids.map((id) => ({ n: num(ix.estimates, id, "value")!, src: get(ix.estimates, id).source }));
    const participants = ns.length ? ns.reduce((a, b) => a + b.n, 0) : null;
    const rob = robStudies(options, [plan.study_id], plan.id);
    const unit = plan.instrument ? "points" : "units of an unnamed instrument";
    const mcid = m.mcid && /point/.test(m.mcid.unit) ? { ...m.mcid, unit: "points" } : null;
    const ois = mcid && decision.ois_sd
      ? optimalInformationSize({ type: "continuous", delta: mcid.value, sd: decision.ois_sd })
      : null;
    if (!ois) notes.push("Optimal information size not checked: no SD of the outcome given (set one to check it).");
    const certainty = certaintyFor(plan, options, {
      effect: { measure: "MD", estimate: est, ci_lb: lb, ci_ub: ub, level, improvement: plan.improvement },
      mcid,
      studies: rob.studies,
      participants,
      ois,
    });
    const dir = (x: number) => (x < 0 ? `${fmt(Math.abs(x), 2)} lower` : `${fmt(x, 2)} higher`);
    return finishRow({
      ...rowWithoutRelative(plan, [plan.study_id], m, "mean with the comparator not reported in the seed"),
      absolute: { measure: "MD", estimate: est, ci_lb: lb, ci_ub: ub, level, unit },
      absolute_text: `MD ${dir(est).replace(/ (lower|higher)$/, unit === "points" ? " points $1" : " $1")} (${
        lb === null || ub === null ? "no CI reported" : `${dir(lb)} to ${dir(ub)}`
      })`,
      nnt_text: "",
      participants,
      studies: 1,
      participants_text: `${participants ?? "–"} (${designLabel(plan.design, 1)})`,
      certainty,
      sources: [
        { cell: "absolute", source: e.source },
        ...ns.map((n) => ({ cell: "participants", source: n.src })),
        ...mcidSources,
        ...rob.sources,
      ],
      illustrative: rob.illustrative,
      notes,
    });
  }
  if (plan.kind === "responders") {
    const pe = get(ix.estimates, plan.exp_id), pc = get(ix.estimates, plan.ctrl_id);
    const p1 = num(ix.estimates, plan.exp_id, "value")! / 100;
    const p0 = num(ix.estimates, plan.ctrl_id, "value")! / 100;
    const [a1, a0] = plan.n_assumption_ids.map((id) => get(ix.assumptions, id));
    const n1 = Number(a1.row.value), n0 = Number(a0.row.value);
    const rr = riskRatioFromProportions(p1, n1, p0, n0);
    const abs = absoluteFromRatio(rr, p0);
    const rdSe = Math.sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0);
    const z = qnormStd(0.975);
    const rd = { estimate: p1 - p0, ci_lb: p1 - p0 - z * rdSe, ci_ub: p1 - p0 + z * rdSe };
    const nnt = numberNeededToTreat(rd, "increase");
    const rob = robStudies(options, [plan.study_id], plan.id);
    const ois = optimalInformationSize({ type: "dichotomous", p0, p1: Math.min(0.99, p0 * 1.25) });
    notes.push(
      `Group sizes ${n1} and ${n0} are an assumption (assumptions.csv: an equal split of the total), not data: the ` +
        "CI, the NNT interval and the optimal information size depend on them.",
      "No MCID on the ratio scale: imprecision is judged against a relative change of 25% (GRADE's default).",
      `Optimal information size for a 25% relative increase from ${Math.round(p0 * 1000)} per 1,000: ${ois.total}.`,
    );
    const certainty = certaintyFor(plan, options, {
      effect: {
        measure: "RR",
        estimate: rr.estimate,
        ci_lb: rr.ci_lb,
        ci_ub: rr.ci_ub,
        level: 95,
        improvement: "increase",
      },
      mcid: null,
      studies: rob.studies,
      participants: n1 + n0,
      ois,
    });
    const assumed = `${a1.source}; ${a0.source} (ASSUMPTION)`;
    return finishRow({
      id: plan.id,
      outcome: plan.outcome,
      study_ids: [plan.study_id],
      instrument: plan.instrument,
      mcid: m.mcid,
      mcid_text: `${m.text}; the responder criterion is not stated in the seed`,
      relative: { measure: "RR", estimate: rr.estimate, ci_lb: rr.ci_lb, ci_ub: rr.ci_ub, level: 95, unit: "ratio" },
      relative_text: `RR ${fmt(rr.estimate, 2)} (${ci(rr.ci_lb, rr.ci_ub)})`,
      control: { value: Math.round(p0 * 1000), unit: "responders per 1,000" },
      control_text: `${Math.round(p0 * 1000)} responders per 1,000`,
      absolute: {
        measure: "per 1,000",
        estimate: abs.estimate,
        ci_lb: abs.ci_lb,
        ci_ub: abs.ci_ub,
        level: 95,
        unit: "per 1,000",
      },
      absolute_text: abs.text.replace(/ per 1,000/, " responders per 1,000"),
      nnt_text: nnt.text,
      participants: n1 + n0,
      studies: 1,
      participants_text: `${n1 + n0} (${designLabel(plan.design, 1)})`,
      certainty,
      sources: [
        { cell: "relative", source: `${pe.source}; ${pc.source}; group sizes ${assumed}` },
        { cell: "control", source: pc.source },
        { cell: "absolute", source: `${pe.source}; ${pc.source}` },
        { cell: "participants", source: assumed },
        ...mcidSources,
        ...rob.sources,
      ],
      illustrative: rob.illustrative,
      notes,
    });
  }
  if (plan.kind === "within") {
    const es = plan.es_id ? num(ix.estimates, plan.es_id, "value") : null;
    const resp = plan.resp_id ? num(ix.estimates, plan.resp_id, "value") : null;
    const n = num(ix.estimates, plan.n_id, "value");
    const rob = robStudies(options, [plan.study_id], plan.id);
    notes.push(
      "No control group: the change from baseline includes natural course and regression to the mean as far as " +
        "they occur (the parties disagree on their size).",
      "The MCID is in instrument points; the effect size is standardised, so the CI (not reported) could not be " +
        "compared with it.",
    );
    const certainty = es === null ? null : certaintyFor(plan, options, {
      effect: { measure: "SMC", estimate: es, ci_lb: null, ci_ub: null, level: 95, improvement: plan.improvement },
      mcid: null,
      studies: rob.studies,
      participants: n,
    });
    const sources: SofSource[] = [];
    if (plan.es_id) sources.push({ cell: "absolute", source: get(ix.estimates, plan.es_id).source });
    if (plan.resp_id) sources.push({ cell: "responders", source: get(ix.estimates, plan.resp_id).source });
    sources.push({ cell: "participants", source: get(ix.estimates, plan.n_id).source }, ...mcidSources, ...rob.sources);
    return finishRow({
      ...rowWithoutRelative(plan, [plan.study_id], m, "no control group (PIO)"),
      absolute: es === null
        ? null
        : { measure: "SMC", estimate: es, ci_lb: null, ci_ub: null, level: 95, unit: "SD units" },
      absolute_text: `${es === null ? "" : `change from baseline ES ${fmt(es, 2)} (as printed; no CI reported)`}${
        resp === null
          ? ""
          : `${es === null ? "" : "; "}${Math.round(resp * 10)} per 1,000 improved by at least the MCID`
      }`,
      nnt_text: "",
      participants: n,
      studies: 1,
      participants_text: `${n ?? "–"} (${designLabel(plan.design, 1)})`,
      certainty,
      sources,
      illustrative: rob.illustrative,
      notes,
    });
  }
  if (plan.kind === "review") {
    const s = get(ix.smc, plan.smc_id);
    const k = num(ix.smc, plan.smc_id, "n_cohorts")!;
    const mdn = num(ix.smc, plan.smc_id, "mdn_smc")!;
    const lb = num(ix.smc, plan.smc_id, "range_lb"), ub = num(ix.smc, plan.smc_id, "range_ub");
    const I2 = num(ix.smc, plan.smc_id, "I2");
    const reexpr = num(ix.smc, plan.smc_id, "reexpr_value");
    const rob = robStudies(options, [plan.study_id], plan.id);
    notes.push(
      "Median standardised mean change across cohorts with its range (not a pooled estimate with a CI); the " +
        "cohorts' own risk-of-bias assessments are in the review, not in data/evidence.",
      "No control group (see the PIO notes).",
    );
    const certainty = certaintyFor(plan, options, {
      effect: { measure: "SMC", estimate: mdn, ci_lb: null, ci_ub: null, level: 95, improvement: "increase" },
      mcid: null,
      studies: rob.studies,
      heterogeneity: { k, I2, tau: null, spread_lb: lb, spread_ub: ub, spread: "range of study estimates" },
      participants: null,
      publicationBias: { k, egger_pval: null },
    });
    return finishRow({
      ...rowWithoutRelative(plan, [plan.study_id], m, "no control group (PIO)"),
      absolute: { measure: "median SMC", estimate: mdn, ci_lb: null, ci_ub: null, level: 95, unit: "SD units" },
      absolute_text: `median SMC ${fmt(mdn, 2)} (range ${ci(lb, ub)})${
        reexpr === null ? "" : `; re-expressed by the review: ${fmt(reexpr, 2)} ${s.row.reexpr_instrument} points`
      }`,
      nnt_text: "",
      participants: null,
      studies: k,
      participants_text: `not reported (${designLabel(plan.design, k)})`,
      certainty,
      sources: [
        { cell: "absolute", source: s.source },
        { cell: "heterogeneity", source: s.source },
        ...mcidSources,
        ...rob.sources,
      ],
      illustrative: rob.illustrative,
      notes,
    });
  }
  const ns = plan.n_ids.map((id) => ({ n: num(ix.estimates, id, "value")!, src: get(ix.estimates, id).source }));
  const participants = ns.length ? ns.reduce((a, b) => a + b.n, 0) : null;
  return finishRow({
    ...rowWithoutRelative(plan, plan.study_ids, m, "–"),
    absolute: null,
    absolute_text: "no effect estimate in data/evidence",
    nnt_text: "",
    participants,
    studies: plan.kind === "no-estimate" && participants === null ? 0 : plan.study_ids.length,
    participants_text: participants === null
      ? "no studies with an effect estimate"
      : `${participants} (${designLabel(plan.design, plan.study_ids.length)})`,
    certainty: null,
    sources: [...ns.map((n) => ({ cell: "participants", source: n.src })), ...mcidSources],
    illustrative: false,
    notes,
  });
}

/**
 * Build the summary-of-findings tables of the dispute's comparisons from the data files' text
 * and a set of risk-of-bias judgements (and a committee's decisions, if any). Numbers come only
 * from the files; judgements nobody made stay open.
 */
export function buildSeedSof(files: SeedFiles, options: SeedSofOptions): SofTable {
  const tool = "buildSeedSof";
  if (files === null || typeof files !== "object") fail(tool, "files", "must be an object of CSV texts", files);
  if (!options || !Array.isArray(options.judgements)) {
    fail(tool, "options.judgements", "must be the judgements of loadRob() (an array)", typeof options?.judgements);
  }
  const unknown = (options.comparisons ?? []).filter((c) => !SOF_COMPARISON_IDS.includes(c));
  if (unknown.length) {
    fail(tool, "comparisons", `must be among ${SOF_COMPARISON_IDS.join(", ")}`, unknown.join(", "));
  }
  const ix = {
    estimates: index("evidence/estimates.csv", files.estimates, "id"),
    smc: index("evidence/smc_review.csv", files.smc_review, "id"),
    assumptions: index("evidence/assumptions.csv", files.assumptions, "id"),
    instruments: index("instruments.csv", files.instruments, "instrument"),
  };
  index("evidence/studies.csv", files.studies, "study_id");
  const wanted = options.comparisons?.length ? options.comparisons : SOF_COMPARISON_IDS;
  const q = options.outcome?.trim().toLowerCase() ?? "";
  const comparisons: SofComparison[] = SEED_COMPARISONS.filter((c) => wanted.includes(c.id)).map((c) => ({
    id: c.id,
    label: c.label,
    question: c.question,
    source: c.source,
    notes: [...c.notes],
    rows: c.rows.filter((r) => q === "" || r.outcome.toLowerCase().includes(q)).map((r) => buildRow(r, ix, options)),
  }));
  if (q !== "" && comparisons.every((c) => c.rows.length === 0)) {
    fail(tool, "outcome", "matches no outcome of the chosen comparisons", options.outcome);
  }
  return {
    title: "Summary of findings: IMSR for chronic musculoskeletal pain, by comparison (PICO or PIO)",
    label: RULES_LABEL,
    illustrative: comparisons.some((c) => c.rows.some((r) => r.illustrative)),
    comparisons,
  };
}

/** The formats {@link formatSof} writes. */
export type SofFormat = "html" | "md" | "csv" | "json";

/** One flat record per row (the CSV's rows; also handy for a notebook table). */
export interface SofRecord {
  /** Comparison id. */
  comparison: string;
  /** Row id. */
  id: string;
  /** Outcome. */
  outcome: string;
  /** Risk / mean with the comparator. */
  control: string;
  /** Absolute effect. */
  absolute: string;
  /** NNT. */
  nnt: string;
  /** Relative effect. */
  relative: string;
  /** Participants (studies). */
  participants: string;
  /** Certainty. */
  certainty: string;
  /** MCID with source and verification. */
  mcid: string;
  /** The five domains' final ratings, `domain: rating (suggested …)`. */
  domains: string;
  /** Footnotes joined by " | ". */
  footnotes: string;
  /** Sources joined by " | ". */
  sources: string;
  /** "ILLUSTRATIVE" or "". */
  illustrative: string;
}

/** Flatten a table into one record per row. */
export function sofRecords(table: SofTable): SofRecord[] {
  return table.comparisons.flatMap((c) =>
    c.rows.map((r) => ({
      comparison: c.id,
      id: r.id,
      outcome: r.outcome,
      control: r.control_text,
      absolute: r.absolute_text,
      nnt: r.nnt_text,
      relative: r.relative_text,
      participants: r.participants_text,
      certainty: r.certainty_text,
      mcid: r.mcid_text,
      domains: r.certainty
        ? r.certainty.domains.map((d) =>
          `${d.domain}: ${d.final}${d.override ? ` (suggested ${d.suggestion}; decided: ${d.override.reason})` : ""}`
        ).join("; ")
        : "",
      footnotes: r.footnotes.join(" | "),
      sources: r.sources.map((s) => `${s.cell}: ${s.source}`).join(" | "),
      illustrative: r.illustrative ? "ILLUSTRATIVE" : "",
    }))
  );
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const mdCell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

const HEAD = [
  "Outcome",
  "Risk with the comparator",
  "Risk difference with the intervention (95% CI)",
  "Relative effect (95% CI)",
  "№ of participants (studies)",
  "Certainty of the evidence",
  "MCID (source, status)",
];

function cellsOf(r: SofRow, marks: string): string[] {
  return [
    r.outcome,
    r.control_text,
    r.absolute_text + (r.nnt_text ? `; ${r.nnt_text}` : ""),
    r.relative_text,
    r.participants_text,
    r.certainty_text + marks,
    r.mcid_text,
  ];
}

/** Write a table as HTML (a complete page), Markdown, CSV (one record per row) or JSON. */
export function formatSof(table: SofTable, format: SofFormat): string {
  if (!table || !Array.isArray(table.comparisons)) fail("formatSof", "table", "must be a result of buildSeedSof()");
  const warn = table.illustrative
    ? "ILLUSTRATIVE: risk-of-bias judgements from a constructed example file were used; not a real assessment."
    : "";
  switch (format) {
    case "json":
      return JSON.stringify(table, null, 2) + "\n";
    case "csv": {
      const recs = sofRecords(table);
      const cols = Object.keys(recs[0] ?? { comparison: "" });
      const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
      return [cols.join(","), ...recs.map((r) => cols.map((c) => cell(String(r[c as keyof SofRecord]))).join(","))]
        .join("\n") + "\n";
    }
    case "md": {
      const out = [`# ${table.title}`, "", `_${table.label}._`, ""];
      if (warn) out.push(`**${warn}**`, "");
      for (const c of table.comparisons) {
        out.push(`## ${c.label}`, "", `**Question:** ${c.question}  `, `**Source:** ${c.source}`, "");
        out.push(`| ${HEAD.join(" | ")} |`, `|${HEAD.map(() => " --- ").join("|")}|`);
        const notes: string[] = [];
        for (const r of c.rows) {
          const marks = r.footnotes.map((f) => {
            const at = notes.indexOf(f);
            if (at >= 0) return at + 1;
            notes.push(f);
            return notes.length;
          });
          out.push(`| ${cellsOf(r, marks.length ? ` [${marks.join(",")}]` : "").map(mdCell).join(" | ")} |`);
        }
        out.push("");
        notes.forEach((n, i) => out.push(`${i + 1}. ${n}`));
        if (c.notes.length) out.push("", ...c.notes.map((n) => `- ${n}`));
        out.push("", "Sources:", "");
        for (const r of c.rows) for (const s of r.sources) out.push(`- ${r.id}, ${s.cell}: ${s.source}`);
        out.push("");
      }
      return out.join("\n");
    }
    case "html": {
      const out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        `<title>${esc(table.title)}</title>`,
        "<style>body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto}table{border-collapse:collapse}" +
        "th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;font-size:14px}th{background:#eef}" +
        ".warn{color:#9a6700;font-weight:bold}.src{font-size:12px;color:#444}</style></head><body>",
        `<h1>${esc(table.title)}</h1>`,
        `<p><em>${esc(table.label)}.</em></p>`,
      ];
      if (warn) out.push(`<p class="warn">${esc(warn)}</p>`);
      for (const c of table.comparisons) {
        out.push(
          `<h2 id="${esc(c.id)}">${esc(c.label)}</h2>`,
          `<p><strong>Question:</strong> ${esc(c.question)}<br><strong>Source:</strong> ${esc(c.source)}</p>`,
          "<table><thead><tr>" + HEAD.map((h) => `<th>${esc(h)}</th>`).join("") + "</tr></thead><tbody>",
        );
        const notes: string[] = [];
        for (const r of c.rows) {
          const marks = r.footnotes.map((f) => {
            const at = notes.indexOf(f);
            if (at >= 0) return at + 1;
            notes.push(f);
            return notes.length;
          });
          const cells = cellsOf(r, "");
          cells[5] += marks.length ? ` <sup>${marks.join(",")}</sup>` : "";
          out.push(
            `<tr data-row="${esc(r.id)}">` +
              cells.map((x, i) =>
                `<td>${
                  i === 5
                    ? esc(x).replace(/&lt;sup&gt;|&lt;\/sup&gt;/g, (m) => m === "&lt;sup&gt;" ? "<sup>" : "</sup>")
                    : esc(x)
                }</td>`
              ).join("") +
              "</tr>",
          );
        }
        out.push("</tbody></table>", "<ol>", ...notes.map((n) => `<li>${esc(n)}</li>`), "</ol>");
        if (c.notes.length) out.push("<ul>", ...c.notes.map((n) => `<li>${esc(n)}</li>`), "</ul>");
        out.push('<details class="src"><summary>Sources of every number</summary><ul>');
        for (const r of c.rows) {
          for (const s of r.sources) out.push(`<li>${esc(r.id)}, ${esc(s.cell)}: ${esc(s.source)}</li>`);
        }
        out.push("</ul></details>");
      }
      out.push("</body></html>");
      return out.join("\n") + "\n";
    }
  }
  return fail("formatSof", "format", 'must be one of "html", "md", "csv", "json"', format);
}

/** What a form offers for a domain override: keep the rule's suggestion, or decide. */
export const KEEP_SUGGESTION = "rule's suggestion";

/** The choices of a form (the notebook's), as plain strings and numbers. */
export interface SofChoices {
  /** Per PICO element: "no", "serious", "very serious" or "not judged". */
  indirectness: { population: string; intervention: string; comparator: string; outcome: string; note?: string };
  /** Per domain: {@link KEEP_SUGGESTION} or a rating, with a reason. */
  overrides: Partial<Record<GradeDomain, { rating: string; reason: string }>>;
  /** {@link KEEP_SUGGESTION} or a starting level, with a reason. */
  start?: { level: string; reason: string };
  /** Who decides (recorded with every override). */
  by?: string;
  /** SD of the outcome for the optimal information size (0 or missing: not checked). */
  ois_sd?: number | null;
}

/**
 * Turn a form's choices into a {@link SofDecision}: "not judged" elements stay open, domains left
 * at {@link KEEP_SUGGESTION} keep the rule's suggestion, every decision carries its reason and who
 * made it (`assessCertainty` refuses a decision without a reason).
 */
export function decisionFromChoices(choices: SofChoices): SofDecision {
  const levels = ["no", "serious", "very serious", "not judged"];
  const ind = choices.indirectness;
  for (const k of ["population", "intervention", "comparator", "outcome"] as const) {
    if (!levels.includes(ind[k])) {
      fail("decisionFromChoices", `indirectness.${k}`, `must be one of ${levels.join(", ")}`, ind[k]);
    }
  }
  const by = choices.by?.trim() || undefined;
  const domains: Partial<Record<GradeDomain, DomainOverride>> = {};
  for (const [d, o] of Object.entries(choices.overrides) as [GradeDomain, { rating: string; reason: string }][]) {
    if (!o || o.rating === KEEP_SUGGESTION) continue;
    domains[d] = { rating: o.rating as DomainOverride["rating"], reason: o.reason, by };
  }
  const decision: SofDecision = {
    indirectness: {
      population: ind.population as IndirectnessInput["population"],
      intervention: ind.intervention as IndirectnessInput["intervention"],
      comparator: ind.comparator as IndirectnessInput["comparator"],
      outcome: ind.outcome as IndirectnessInput["outcome"],
      note: ind.note?.trim() || undefined,
    },
    overrides: { domains },
  };
  if (choices.start && choices.start.level !== KEEP_SUGGESTION) {
    decision.overrides!.start = { level: choices.start.level as Certainty, reason: choices.start.reason, by };
  }
  if (choices.ois_sd !== undefined && choices.ois_sd !== null && choices.ois_sd > 0) decision.ois_sd = choices.ois_sd;
  return decision;
}
