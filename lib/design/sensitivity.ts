/**
 * One-at-a-time (tornado) sensitivity of a scenario: every value with a `range` is set to the low
 * and then the high end of its range, all others held at the scenario's values (the calibrated k
 * and IMSR effect are held too: this asks what the assumption does to each design, not what the
 * data would then imply). For each design's main answer: the estimate, the bias and the certainty
 * at both ends, and the swing of the bias.
 *
 * A value that is an object is varied in its numeric fields among `rate` (dropout, attrition; the
 * comparator arm's `controlRate` is held), `cutoff` (selection), `mean` (an effect distribution),
 * `generic` and `personalised` (response shift), all set to the end of the range. Values that do
 * not apply to a design (a cohort has no non-adherence) give it no bar.
 * @module
 */
import { fail } from "../validate.ts";
import type { DesignInput } from "./types.ts";
import type { DiagnosisRow } from "./diagnose.ts";
import { parseSimulation, type Simulation } from "./simulate.ts";
import {
  appliesTo,
  mainAnswer,
  parseScenario,
  scenarioDesigns,
  type ScenarioInput,
  withCertainty,
} from "./scenario.ts";
import type { CertaintyLevel, CertaintyRating } from "./certainty.ts";

/** One varied value of a tornado: which path and field, which end, which value. */
export interface TornadoVariant {
  /** The scenario path. */
  path: string;
  /** The numeric fields varied inside an object value, comma-separated (null for a number). */
  field: string | null;
  /** `low` or `high` end of the range. */
  side: "low" | "high";
  /** The value used. */
  value: number;
}

/** A tornado as one simulation (every variant × design, main answers only) and its variants. */
export interface TornadoSimulation {
  /** The simulation; design `v` × `d` is named `<variant index>|<design name>`. */
  simulation: Simulation;
  /** The variants, in order. */
  variants: TornadoVariant[];
  /** The scenario's question (for the certainty readout). */
  scenario: ReturnType<typeof parseScenario>;
}

/** One bar of the tornado: a design and an assumption, at both ends of its range. */
export interface TornadoRow {
  /** Design name. */
  design: string;
  /** Main answer strategy. */
  answer: string;
  /** The scenario path. */
  path: string;
  /** The numeric field varied (null for a number). */
  field: string | null;
  /** Low end of the range. */
  low: number;
  /** High end of the range. */
  high: number;
  /** Mean estimate at the low end. */
  estimate_low: number | null;
  /** Mean estimate at the high end. */
  estimate_high: number | null;
  /** Bias at the low end. */
  bias_low: number | null;
  /** Bias at the high end. */
  bias_high: number | null;
  /** Risk-of-bias rating at the low end. */
  risk_of_bias_low: CertaintyRating;
  /** Risk-of-bias rating at the high end. */
  risk_of_bias_high: CertaintyRating;
  /** Certainty level at the low end. */
  level_low: CertaintyLevel;
  /** Certainty level at the high end. */
  level_high: CertaintyLevel;
  /** |bias_high − bias_low| (0 when a bias is missing). */
  swing: number;
}

const FIELDS = ["rate", "cutoff", "mean", "generic", "personalised"] as const;

/**
 * Build the tornado simulation of a scenario file (see the module doc).
 * @example tornadoSimulation(raw, 200, 1).variants.length // 2 per value with a range
 */
export function tornadoSimulation(raw: ScenarioInput, reps: number, seed: number): TornadoSimulation {
  const scenario = parseScenario(raw, "tornado");
  const variants: TornadoVariant[] = [];
  const designs: DesignInput[] = [];
  for (const [path, v] of Object.entries(raw.values)) {
    if (!v.range || v.range[0] === v.range[1]) continue;
    let fields: string[] = [];
    if (typeof v.value === "object" && v.value !== null) {
      fields = FIELDS.filter((f) => typeof (v.value as Record<string, unknown>)[f] === "number");
      if (fields.length === 0) continue;
    } else if (typeof v.value !== "number") continue;
    const field = fields.length ? fields.join(",") : null;
    for (const side of ["low", "high"] as const) {
      const value = side === "low" ? v.range[0] : v.range[1];
      const changed = field === null
        ? value
        : { ...(v.value as Record<string, unknown>), ...Object.fromEntries(fields.map((f) => [f, value])) };
      const values = { ...raw.values, [path]: { ...v, value: changed } };
      const index = variants.length;
      variants.push({ path, field, side, value });
      scenarioDesigns({ values, designs: raw.designs }).forEach((d, j) => {
        const parsed = scenario.simulation.points[j].design;
        if (!appliesTo(path, parsed.data.type)) return;
        designs.push({ ...d, name: `${index}|${parsed.name}`, answers: [mainAnswer(parsed)] });
      });
    }
  }
  if (variants.length === 0) fail("tornado", "values", "has no value with a range to vary", Object.keys(raw.values));
  return { simulation: parseSimulation({ designs, reps, seed }, "tornado"), variants, scenario };
}

/**
 * The tornado rows from a run of {@link tornadoSimulation}, sorted by design and then by swing
 * (largest first).
 * @example tornadoRows(t, diagnoseSimulation(t.simulation))[0].swing
 */
export function tornadoRows(t: TornadoSimulation, rows: readonly DiagnosisRow[]): TornadoRow[] {
  const certain = withCertainty(t.simulation, rows, t.scenario.question);
  const byKey = new Map(certain.map((r) => [r.design, r]));
  const out: TornadoRow[] = [];
  const designNames = t.scenario.simulation.points.map((p) => p.design.name);
  for (let i = 0; i < t.variants.length; i += 2) {
    const lo = t.variants[i], hi = t.variants[i + 1];
    for (const name of designNames) {
      const a = byKey.get(`${i}|${name}`), b = byKey.get(`${i + 1}|${name}`);
      if (!a || !b) continue;
      out.push({
        design: name,
        answer: a.answer,
        path: lo.path,
        field: lo.field,
        low: lo.value,
        high: hi.value,
        estimate_low: a.mean_estimate,
        estimate_high: b.mean_estimate,
        bias_low: a.bias,
        bias_high: b.bias,
        risk_of_bias_low: a.certainty.risk_of_bias.rating,
        risk_of_bias_high: b.certainty.risk_of_bias.rating,
        level_low: a.certainty.level,
        level_high: b.certainty.level,
        swing: a.bias === null || b.bias === null ? 0 : Math.abs(b.bias - a.bias),
      });
    }
  }
  const order = new Map(designNames.map((n, i) => [n, i]));
  return out.sort((x, y) => order.get(x.design)! - order.get(y.design)! || y.swing - x.swing);
}
