/**
 * Sample size and minimal detectable effect by simulation: {@link findSampleSize} searches the
 * smallest size (RCT, waiting-list RCT and cohort: participants `data.n`; SCED: `data.cases`;
 * meta-analysis: `data.studies`) that reaches a target power or a target CI half-width relative to
 * the MCID; {@link minimalDetectableEffect} the smallest IMSR effect detected with a target power
 * at a given size. Every evaluation uses the same seed (common random numbers), so the search is
 * monotone up to Monte Carlo error; the result reports the MCSE of the criterion at the answer and
 * an approximate MCSE of the size (the criterion's MCSE over its local slope).
 * @module
 */
import { fail } from "../validate.ts";
import type { AnswerName } from "./schema.ts";
import type { Design, DesignInput } from "./types.ts";
import { diagnoseSimulation, parseSimulation } from "./simulate.ts";
import { mainAnswer } from "./scenario.ts";
import { resolveModel } from "./model.ts";
import type { DiagnosisRow } from "./diagnose.ts";

/** What {@link findSampleSize} should reach. */
export interface SampleSizeTarget {
  /** Target power (share of p <= alpha), e.g. 0.8. */
  power?: number;
  /** Target mean CI half-width as a multiple of the MCID, e.g. 0.5 (half-width <= MCID / 2). */
  halfWidth?: number;
}

/** Input of {@link findSampleSize}. */
export interface SampleSizeInput {
  /** The design (its size field is searched). */
  design: DesignInput;
  /** What to reach: `power` or `halfWidth` (one of the two). */
  target: SampleSizeTarget;
  /** Answer strategy judged (default: the design's main answer). */
  answer?: AnswerName;
  /** Smallest and largest size searched (default: the design type's minimum and 5000). */
  range?: [number, number];
  /** Replications per evaluation. */
  reps: number;
  /** Seed (the same for every evaluation). */
  seed: number;
}

/** One evaluation of the search. */
export interface SampleSizeStep {
  /** Size evaluated. */
  size: number;
  /** The criterion (power, or mean CI half-width / MCID). */
  value: number;
  /** Its Monte Carlo SE. */
  value_mcse: number;
}

/** The answer of {@link findSampleSize}. */
export interface SampleSizeResult {
  /** The design path searched (`data.n`, `data.cases`, `data.studies`). */
  parameter: string;
  /** The smallest size that reaches the target (null if even the largest does not). */
  size: number | null;
  /** Approximate Monte Carlo SE of the size (criterion MCSE / local slope; null if not available). */
  size_mcse: number | null;
  /** Power at the answer. */
  power: number | null;
  /** Its Monte Carlo SE. */
  power_mcse: number | null;
  /** Mean CI half-width at the answer, as a multiple of the MCID. */
  half_width: number | null;
  /** Its Monte Carlo SE (from the SD of the widths is not stored: the SE of the mean estimate's SD, approximate). */
  half_width_mcse: number | null;
  /** Every evaluation, in order. */
  steps: SampleSizeStep[];
}

function sizeParameter(type: Design["data"]["type"]): { path: string; min: number } {
  switch (type) {
    case "sced":
      return { path: "data.cases", min: 2 };
    case "meta":
      return { path: "data.studies", min: 2 };
    case "cohort":
      return { path: "data.n", min: 3 };
    case "stepped-wedge":
      return { path: "data.perCluster", min: 2 };
    case "its":
      return { path: "data.perPeriod", min: 2 };
    default:
      return { path: "data.n", min: 4 };
  }
}

function withPath(d: DesignInput, path: string, value: number): DesignInput {
  const out = structuredClone(d) as Record<string, unknown>;
  const keys = path.split(".");
  let cur = out;
  for (const k of keys.slice(0, -1)) {
    if (cur[k] === undefined || cur[k] === null || typeof cur[k] !== "object") cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]] = value;
  return out as DesignInput;
}

function evaluate(design: DesignInput, answer: AnswerName, reps: number, seed: number): DiagnosisRow {
  const sim = parseSimulation({ design: { ...design, answers: [answer] }, reps, seed }, "findSampleSize");
  return diagnoseSimulation(sim)[0];
}

/**
 * Find the smallest size reaching a target power or CI half-width (relative to the MCID) by
 * bisection on simulated diagnoses (two-arm RCTs search even totals, i.e. whole arms of a 1:1 trial).
 * @example findSampleSize({ design, target: { power: 0.8 }, reps: 2000, seed: 1 }).size // about 128 for d = 0.5
 */
export function findSampleSize(input: SampleSizeInput): SampleSizeResult {
  const tool = "findSampleSize";
  const { target } = input;
  if ((target.power === undefined) === (target.halfWidth === undefined)) {
    fail(tool, "target", "must give exactly one of power or halfWidth", target);
  }
  if (target.power !== undefined && !(target.power > 0 && target.power < 1)) {
    fail(tool, "target.power", "must be a proportion in (0, 1)", target.power);
  }
  if (target.halfWidth !== undefined && !(target.halfWidth > 0 && Number.isFinite(target.halfWidth))) {
    fail(tool, "target.halfWidth", "must be a positive multiple of the MCID", target.halfWidth);
  }
  if (!(Number.isInteger(input.reps) && input.reps >= 50)) {
    fail(tool, "reps", "must be a whole number >= 50", input.reps);
  }
  const base = parseSimulation({ design: input.design, reps: 1, seed: input.seed }, tool).points[0].design;
  const answer = input.answer ?? mainAnswer(base);
  const { path, min } = sizeParameter(base.data.type);
  const twoArm = base.data.type === "rct" || base.data.type === "waitlist";
  const step = twoArm ? 2 : 1;
  const [lo0, hi0] = input.range ?? [min, 5000];
  if (!(Number.isInteger(lo0) && Number.isInteger(hi0) && lo0 >= min && hi0 > lo0)) {
    fail(tool, "range", `must be whole numbers [low, high] with ${min} <= low < high`, input.range);
  }
  const mcid = resolveModel(base.model).spec.mcid;
  const steps: SampleSizeStep[] = [];
  const rows = new Map<number, DiagnosisRow>();
  const crit = (size: number): { ok: boolean; row: DiagnosisRow } => {
    let row = rows.get(size);
    if (!row) {
      row = evaluate(withPath(input.design, path, size), answer, input.reps, input.seed);
      rows.set(size, row);
      const { value, mcse } = metric(row);
      steps.push({ size, value, value_mcse: mcse });
    }
    const { value } = metric(row);
    return { ok: target.power !== undefined ? value >= target.power : value <= target.halfWidth!, row };
  };
  const metric = (row: DiagnosisRow): { value: number; mcse: number } => {
    if (target.power !== undefined) return { value: row.power ?? NaN, mcse: row.power_mcse ?? NaN };
    const hw = (row.mean_ci_width ?? NaN) / 2 / mcid;
    return { value: hw, mcse: NaN };
  };
  const snap = (x: number) => Math.max(lo0, Math.min(hi0, step * Math.round(x / step)));
  let lo = snap(lo0), hi = snap(hi0);
  if (crit(lo).ok) hi = lo;
  else if (!crit(hi).ok) {
    return {
      parameter: path,
      size: null,
      size_mcse: null,
      power: null,
      power_mcse: null,
      half_width: null,
      half_width_mcse: null,
      steps,
    };
  }
  while (hi - lo > step) {
    const mid = snap((lo + hi) / 2);
    if (mid === lo || mid === hi) break;
    if (crit(mid).ok) hi = mid;
    else lo = mid;
  }
  const row = rows.get(hi)!;
  // local slope from sizes ±10% for an approximate MCSE of the size
  let sizeMcse: number | null = null;
  const a = snap(hi * 0.9), b = snap(hi * 1.1);
  if (b > a) {
    const ma = metric(crit(a).row), mb = metric(crit(b).row), m = metric(row);
    const slope = (mb.value - ma.value) / (b - a);
    if (Number.isFinite(m.mcse) && slope !== 0) sizeMcse = Math.abs(m.mcse / slope);
  }
  return {
    parameter: path,
    size: hi,
    size_mcse: sizeMcse,
    power: row.power,
    power_mcse: row.power_mcse,
    half_width: row.mean_ci_width === null ? null : row.mean_ci_width / 2 / mcid,
    half_width_mcse: null,
    steps,
  };
}

/** Input of {@link minimalDetectableEffect}. */
export interface MdeInput {
  /** The design at the size of interest. */
  design: DesignInput;
  /** Target power (default 0.8). */
  power?: number;
  /** Answer strategy (default: the design's main answer). */
  answer?: AnswerName;
  /** Replications per evaluation. */
  reps: number;
  /** Seed (the same for every evaluation). */
  seed: number;
}

/** The answer of {@link minimalDetectableEffect}. */
export interface MdeResult {
  /** Smallest IMSR effect (points per prioritised domain, `model.effects.imsr.mean`) reaching the power. */
  effect: number | null;
  /** The same effect on the analysed score (times the effect weight). */
  effect_score: number | null;
  /** Power at that effect. */
  power: number | null;
  /** Its Monte Carlo SE. */
  power_mcse: number | null;
}

/**
 * The minimal detectable effect at the design's size: bisection on the IMSR effect (12 steps
 * after bracketing by doubling from 1 point).
 * @example minimalDetectableEffect({ design, reps: 1000, seed: 1 }).effect
 */
export function minimalDetectableEffect(input: MdeInput): MdeResult {
  const tool = "minimalDetectableEffect";
  const power = input.power ?? 0.8;
  if (!(power > 0 && power < 1)) fail(tool, "power", "must be a proportion in (0, 1)", power);
  if (!(Number.isInteger(input.reps) && input.reps >= 50)) {
    fail(tool, "reps", "must be a whole number >= 50", input.reps);
  }
  const base = parseSimulation({ design: input.design, reps: 1, seed: input.seed }, tool).points[0].design;
  const answer = input.answer ?? mainAnswer(base);
  const rm = resolveModel(base.model);
  const at = (e: number) => {
    const d = structuredClone(input.design) as Record<string, unknown>;
    const model = (d.model ?? {}) as Record<string, unknown>;
    const effects = (model.effects ?? {}) as Record<string, unknown>;
    const imsr = (effects.imsr ?? { sd: base.model.effects.imsr.sd }) as Record<string, unknown>;
    d.model = { ...model, effects: { ...effects, imsr: { ...imsr, mean: e } } };
    return evaluate(d as DesignInput, answer, input.reps, input.seed);
  };
  const comp = base.model.effects.usualImsr.mean;
  let lo = base.data.type === "rct" && base.data.comparator === "usual-imsr" ? comp : 0, hi = lo + 1;
  let row = at(hi);
  let k = 0;
  while ((row.power ?? 0) < power && k++ < 10) {
    lo = hi;
    hi = hi * 2;
    row = at(hi);
  }
  if ((row.power ?? 0) < power) {
    return { effect: null, effect_score: null, power: row.power, power_mcse: row.power_mcse };
  }
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    const r = at(mid);
    if ((r.power ?? 0) >= power) {
      hi = mid;
      row = r;
    } else lo = mid;
  }
  return { effect: hi, effect_score: hi * rm.effectWeight, power: row.power, power_mcse: row.power_mcse };
}
