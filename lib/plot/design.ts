/**
 * Plots of design diagnoses (Observable Plot): a diagnosand (power, bias, RMSE, coverage) per
 * design and answer strategy with ±2 Monte Carlo SE bars, a diagnosand curve over a grid parameter
 * (power curves), and the PROM dilution plot (standardised effect on a generic and a personalised
 * PROM by the number of domains patients prioritise). Data functions are pure and tested; the
 * Plot layer is thin.
 *
 * @example
 * import { diagnosandPlot } from "../lib/plot/mod.ts";
 * display(diagnosandPlot(rows, { diagnosand: "power" }));
 * @module
 */
import * as Plot from "@observablehq/plot";
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { type Diagnosis, type DiagnosisRow, meanEstimateMcse } from "../design/diagnose.ts";

/** The diagnosis rows these plots draw (re-exported from the design engine). */
export type { Diagnosis, DiagnosisRow };
import { theme } from "./theme.ts";

/** A diagnosand that can be plotted. */
export type Diagnosand = "power" | "bias" | "rmse" | "coverage" | "type_s";

/** How a diagnosand is plotted: its MCSE field, axis label and reference line (null: none). */
export interface DiagnosandSpec {
  /** The `<quantity>_mcse` field of a diagnosis row. */
  mcse: "power_mcse" | "bias_mcse" | "rmse_mcse" | "coverage_mcse" | "type_s_mcse";
  /** Axis label. */
  label: string;
  /** Reference line (0.8 power, 0 bias, 0.95 coverage), or null. */
  ref: number | null;
}

/** Diagnosands that can be plotted, with their MCSE field. */
export const DIAGNOSANDS: Readonly<Record<Diagnosand, DiagnosandSpec>> = {
  power: { mcse: "power_mcse", label: "Power", ref: 0.8 },
  bias: { mcse: "bias_mcse", label: "Bias (estimate − estimand)", ref: 0 },
  rmse: { mcse: "rmse_mcse", label: "RMSE", ref: null },
  coverage: { mcse: "coverage_mcse", label: "CI coverage", ref: 0.95 },
  type_s: { mcse: "type_s_mcse", label: "Type-S error rate", ref: 0 },
};

/** One point of a diagnosand plot. */
export interface DiagnosandPoint {
  /** Design name. */
  design: string;
  /** Answer strategy. */
  answer: string;
  /** `design · answer`, the row label. */
  label: string;
  /** Value of the x grid parameter (curves), or null. */
  x: number | string | null;
  /** The diagnosand. */
  value: number;
  /** value − 2 MCSE (an approximate 95 % Monte Carlo interval; clipped to [0, 1] for proportions). */
  ci_lb: number;
  /** value + 2 MCSE (clipped to [0, 1] for proportions). */
  ci_ub: number;
  /** Replications behind the value. */
  reps: number;
}

const optionsSchema = z.object({
  diagnosand: z.enum(Object.keys(DIAGNOSANDS) as [Diagnosand, ...Diagnosand[]]).default("power"),
  /** Grid path used as x (curves); rows are filtered to those with this grid value. */
  x: z.string().optional(),
});

/**
 * Points of a diagnosand plot: one per row that has the diagnosand, with ±2 MCSE. Rows without
 * the diagnosand (e.g. power of a responder rate) are left out.
 * @example diagnosandData(rows, { diagnosand: "power" })[0].ci_lb
 */
export function diagnosandData(
  rows: readonly DiagnosisRow[],
  options: { diagnosand?: Diagnosand; x?: string } = {},
): DiagnosandPoint[] {
  const { diagnosand, x } = parseInput(optionsSchema, options, "diagnosandData");
  const meta = DIAGNOSANDS[diagnosand];
  const proportion = diagnosand === "power" || diagnosand === "coverage" || diagnosand === "type_s";
  const out: DiagnosandPoint[] = [];
  for (const r of rows) {
    const v = r[diagnosand];
    if (v === null || v === undefined) continue;
    const se = (r[meta.mcse] as number | null) ?? 0;
    let lo = v - 2 * se, hi = v + 2 * se;
    if (proportion) {
      lo = Math.max(0, lo);
      hi = Math.min(1, hi);
    }
    out.push({
      design: r.design,
      answer: r.answer,
      label: `${r.design} · ${r.answer}`,
      x: x === undefined
        ? null
        : typeof r.grid[x] === "boolean"
        ? String(r.grid[x])
        : (r.grid[x] as number | string) ?? null,
      value: v,
      ci_lb: lo,
      ci_ub: hi,
      reps: r.reps,
    });
  }
  return out;
}

/** Options of the plot builders. */
export interface DesignPlotOptions {
  /** Diagnosand to plot (default power). */
  diagnosand?: Diagnosand;
  /** Grid path on the x axis ({@link diagnosandCurve}). */
  x?: string;
  /** x-axis label (defaults to the grid path). */
  xLabel?: string;
  /** Label of the diagnosand's axis (default: its English label in {@link DIAGNOSANDS}; pass a translation). */
  label?: string;
  /** Width in pixels (default 760). */
  width?: number;
  /** Document to render into (a jsdom document outside the browser). */
  document?: Document;
}

/** Approximate width of one character of a Plot tick label (10 px sans-serif), in pixels. */
const CHAR_PX = 6.2;

/**
 * A left margin that holds the row labels and a tick format that shortens (with "…") labels that
 * would not fit in 45 % of the plot's width, so no label is clipped at the left edge.
 */
function rowLabelFit(
  labels: readonly string[],
  width: number,
): { marginLeft: number; tickFormat: (l: string) => string } {
  const maxChars = Math.max(10, Math.floor((0.45 * width - 12) / CHAR_PX));
  const longest = Math.max(10, ...labels.map((l) => l.length));
  const chars = Math.min(maxChars, longest);
  return {
    marginLeft: Math.ceil(12 + CHAR_PX * chars),
    tickFormat: (l: string) => (l.length > chars ? `${l.slice(0, chars - 1)}…` : l),
  };
}

/**
 * Dot-and-interval plot of one diagnosand per design × answer strategy (±2 MCSE), with the
 * reference line (0.8 power, 0 bias, 0.95 coverage).
 * @example diagnosandPlot(rows, { diagnosand: "bias" })
 */
export function diagnosandPlot(
  rows: readonly DiagnosisRow[],
  options: DesignPlotOptions = {},
): SVGSVGElement | HTMLElement {
  const diagnosand = options.diagnosand ?? "power";
  const data = diagnosandData(rows, { diagnosand });
  const meta = DIAGNOSANDS[diagnosand];
  const labels = [...new Set(data.map((d) => d.label))];
  const width = options.width ?? 760;
  const fit = rowLabelFit(labels, width);
  return Plot.plot({
    document: options.document,
    width,
    height: Math.max(120, 28 * labels.length + 50),
    marginLeft: fit.marginLeft,
    x: {
      label: options.label ?? meta.label,
      grid: true,
      ...(diagnosand === "power" || diagnosand === "coverage" ? { domain: [0, 1] } : {}),
    },
    y: { label: null, domain: labels, tickFormat: fit.tickFormat },
    color: { legend: false },
    marks: [
      ...(meta.ref === null ? [] : [Plot.ruleX([meta.ref], { stroke: theme.refline, strokeDasharray: "4,3" })]),
      Plot.ruleY(data, { x1: "ci_lb", x2: "ci_ub", y: "label", stroke: "design", strokeWidth: 2 }),
      Plot.dot(data, { x: "value", y: "label", fill: "design", r: 4, tip: true }),
    ],
  });
}

/**
 * A diagnosand as a function of a grid parameter (e.g. power by n), one line per design × answer,
 * with ±2 MCSE bands.
 * @example diagnosandCurve(rows, { diagnosand: "power", x: "data.n" })
 */
export function diagnosandCurve(
  rows: readonly DiagnosisRow[],
  options: DesignPlotOptions = {},
): SVGSVGElement | HTMLElement {
  const diagnosand = options.diagnosand ?? "power";
  if (!options.x) fail("diagnosandCurve", "x", "is required (a grid path such as data.n)", options.x);
  const data = diagnosandData(rows, { diagnosand, x: options.x }).filter((d) => typeof d.x === "number");
  const meta = DIAGNOSANDS[diagnosand];
  return Plot.plot({
    document: options.document,
    width: options.width ?? 760,
    height: 320,
    x: { label: options.xLabel ?? options.x, grid: true },
    y: {
      label: meta.label,
      grid: true,
      ...(diagnosand === "power" || diagnosand === "coverage" ? { domain: [0, 1] } : {}),
    },
    color: { legend: true },
    marks: [
      ...(meta.ref === null ? [] : [Plot.ruleY([meta.ref], { stroke: theme.refline, strokeDasharray: "4,3" })]),
      Plot.areaY(data, { x: "x", y1: "ci_lb", y2: "ci_ub", fill: "label", fillOpacity: 0.15 }),
      Plot.line(data, { x: "x", y: "value", stroke: "label", marker: "circle", tip: true }),
    ],
  });
}

/** One point of the PROM dilution plot. */
export interface DilutionPoint {
  /** Domains prioritised (k). */
  prioritised: number;
  /** Design name (the instrument). */
  instrument: string;
  /** Mean estimate. */
  value: number;
  /** Mean estimate − 2 MCSE. */
  ci_lb: number;
  /** Mean estimate + 2 MCSE. */
  ci_ub: number;
}

/**
 * Points of the dilution plot from diagnosis rows of cohort (or RCT) designs run over
 * `model.prioritised`, one design per instrument: the mean estimate (e.g. SMC) with ±2 MCSE of the
 * mean estimate (sd_estimate / √reps).
 * @example dilutionData(rows)[0].prioritised
 */
export function dilutionData(rows: readonly DiagnosisRow[]): DilutionPoint[] {
  return rows.filter((r) => r.mean_estimate !== null && typeof r.grid["model.prioritised"] === "number").map((r) => {
    const se = meanEstimateMcse(r) ?? 0;
    return {
      prioritised: r.grid["model.prioritised"] as number,
      instrument: r.design,
      value: r.mean_estimate!,
      ci_lb: r.mean_estimate! - 2 * se,
      ci_ub: r.mean_estimate! + 2 * se,
    };
  });
}

/**
 * Standardised effect on each instrument by the number of domains patients prioritise.
 * @example dilutionPlot(rows, { document })
 */
export function dilutionPlot(
  rows: readonly DiagnosisRow[],
  options: { width?: number; xLabel?: string; yLabel?: string; document?: Document } = {},
): SVGSVGElement | HTMLElement {
  const data = dilutionData(rows);
  return Plot.plot({
    document: options.document,
    width: options.width ?? 760,
    height: 320,
    x: { label: options.xLabel ?? "Domains the patient prioritises (k of 7)", ticks: 7, grid: true },
    y: { label: options.yLabel ?? "Standardised mean change", grid: true, zero: true },
    color: { legend: true },
    marks: [
      Plot.ruleY([0], { stroke: theme.refline }),
      Plot.ruleX(data, { x: "prioritised", y1: "ci_lb", y2: "ci_ub", stroke: "instrument" }),
      Plot.line(data, { x: "prioritised", y: "value", stroke: "instrument", marker: "circle", tip: true }),
    ],
  });
}

/** One bar of {@link tornadoPlot}: an assumption's effect on one design's bias. */
export interface TornadoBar {
  /** The assumption (scenario path, and field for object values) with its range. */
  label: string;
  /** Bias at the low end of the range. */
  low: number;
  /** Bias at the high end of the range. */
  high: number;
  /** |high − low|. */
  swing: number;
}

/** The part of a tornado row ({@link TornadoRow} in lib/design) the plot needs. */
export interface TornadoInputRow {
  /** Design name. */
  design: string;
  /** Scenario path. */
  path: string;
  /** Field(s) varied inside an object value, or null. */
  field: string | null;
  /** Low end of the range. */
  low: number;
  /** High end of the range. */
  high: number;
  /** Bias at the low end. */
  bias_low: number | null;
  /** Bias at the high end. */
  bias_high: number | null;
}

/**
 * Bars of a one-at-a-time (tornado) plot for one design, largest swing first; rows without a bias
 * are left out. `to` is the word between the ends of a range in the labels (default "to"; "tot" in Dutch).
 * @example tornadoData(rows, "Pre-post cohort (PIO)")[0].label // "model.naturalCourse (0 to 0.5)"
 */
export function tornadoData(rows: readonly TornadoInputRow[], design: string, to: string = "to"): TornadoBar[] {
  return rows
    .filter((r) => r.design === design && r.bias_low !== null && r.bias_high !== null)
    .map((r) => ({
      label: `${r.path}${r.field ? `.${r.field}` : ""} (${r.low} ${to} ${r.high})`,
      low: r.bias_low!,
      high: r.bias_high!,
      swing: Math.abs(r.bias_high! - r.bias_low!),
    }))
    .sort((a, b) => b.swing - a.swing);
}

/**
 * Tornado plot: for one design, the bias at the low (open dot) and high (filled dot) end of each
 * assumption's range, one assumption at a time, largest swing on top.
 * @example tornadoPlot(rows, { design: "Pre-post cohort (PIO)" })
 */
export function tornadoPlot(
  rows: readonly TornadoInputRow[],
  options: { design: string; width?: number; xLabel?: string; document?: Document; to?: string },
): SVGSVGElement | HTMLElement {
  const data = tornadoData(rows, options.design, options.to);
  const labels = data.map((d) => d.label);
  const width = options.width ?? 760;
  const fit = rowLabelFit(labels, width);
  return Plot.plot({
    document: options.document,
    width,
    height: Math.max(120, 24 * labels.length + 50),
    marginLeft: fit.marginLeft,
    x: { label: options.xLabel ?? "Bias (estimate − estimand)", grid: true },
    y: { label: null, domain: labels, tickFormat: fit.tickFormat },
    marks: [
      Plot.ruleX([0], { stroke: theme.refline, strokeDasharray: "4,3" }),
      Plot.ruleY(data, { x1: "low", x2: "high", y: "label", stroke: "#888", strokeWidth: 6, strokeOpacity: 0.5 }),
      Plot.dot(data, { x: "low", y: "label", stroke: "currentColor", fill: "white", r: 4, tip: true }),
      Plot.dot(data, { x: "high", y: "label", fill: "currentColor", r: 4, tip: true }),
    ],
  });
}
