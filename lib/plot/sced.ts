/**
 * Plots for single-case experimental designs with Observable Plot: phase plots per participant
 * (stacked for a multiple-baseline design), the randomisation distribution with the observed
 * statistic marked, and power curves.
 *
 * The `*Data` functions are pure (tested without a DOM); the `*Plot` functions hand their output to
 * Plot. Missing measurements are gaps in the lines (never joined across, never dropped silently:
 * they are counted in the data).
 *
 * @example
 * import { phasePlot, randomizationDistributionPlot } from "./sced.ts";
 * phasePlot([{ name: "p1", values: [7, 8, 3, 2], labels: ["A", "A", "B", "B"] }]);
 * randomizationDistributionPlot(randomizationTest({ ..., distribution: true }));
 * @module
 */
import * as Plot from "@observablehq/plot";
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { tieThreshold } from "../sced/_fast.ts";
import { fmtPEq, fmtSig } from "../format.ts";
import { theme } from "./theme.ts";

/** One series to draw. */
export interface PhaseSeries {
  /** The case's name (one panel per case). */
  name: string;
  /** Measurements in time order; `null` for a missing one. */
  values: readonly (number | null)[];
  /** Phase label of each measurement ("A", "B", …). */
  labels: readonly string[];
}

/** A point of a phase plot. */
export interface PhasePoint {
  /** The case. */
  case: string;
  /** Measurement number (1-based). */
  t: number;
  /** The measurement, `null` when missing. */
  value: number | null;
  /** The phase label. */
  phase: string;
  /** Phase occurrence index (0-based) within the case, e.g. A1 = 0, B1 = 1, A2 = 2. */
  segment: number;
}

/** Everything a phase plot draws. */
export interface PhasePlotData {
  /** Every measurement. */
  points: PhasePoint[];
  /** Phase changes: a dashed line at t − 0.5 before the first measurement of each new phase. */
  changes: { case: string; x: number }[];
  /** Phase means (observed values only) as horizontal segments. */
  means: { case: string; phase: string; x1: number; x2: number; mean: number }[];
  /** Number of missing measurements (not drawn). */
  missing: number;
  /** Case names in panel order. */
  cases: string[];
}

const seriesSchema = z.array(z.object({
  name: z.string().min(1),
  values: z.array(z.number().finite().nullable()).min(1),
  labels: z.array(z.string().min(1)).min(1),
})).min(1);

/**
 * Points, phase changes and phase means of one or more series.
 * @example phasePlotData([{ name: "p", values: [1, 2, 5], labels: ["A", "A", "B"] }]).changes // [{ case: "p", x: 2.5 }]
 */
export function phasePlotData(series: PhaseSeries[]): PhasePlotData {
  const s = parseInput(seriesSchema, series, "phasePlotData");
  const points: PhasePoint[] = [];
  const changes: PhasePlotData["changes"] = [];
  const means: PhasePlotData["means"] = [];
  let missing = 0;
  s.forEach((c, ci) => {
    if (c.values.length !== c.labels.length) {
      fail(
        "phasePlotData",
        `series[${ci}].labels`,
        `must have ${c.values.length} elements (like values)`,
        c.labels.length,
      );
    }
    let segment = 0;
    let start = 0;
    const close = (end: number) => {
      const obs = c.values.slice(start, end).filter((v): v is number => v !== null);
      if (obs.length) {
        means.push({
          case: c.name,
          phase: c.labels[start],
          x1: start + 0.6,
          x2: end + 0.4,
          mean: obs.reduce((a, b) => a + b, 0) / obs.length,
        });
      }
    };
    c.values.forEach((v, i) => {
      if (i > 0 && c.labels[i] !== c.labels[i - 1]) {
        close(i);
        segment++;
        start = i;
        changes.push({ case: c.name, x: i + 0.5 });
      }
      if (v === null) missing++;
      points.push({ case: c.name, t: i + 1, value: v, phase: c.labels[i], segment });
    });
    close(c.values.length);
  });
  return { points, changes, means, missing, cases: s.map((c) => c.name) };
}

/** Options of {@link phasePlot}. */
export interface PhasePlotOptions {
  /** The document to render into (jsdom in tests). */
  document?: Document;
  /** Width in pixels. */
  width?: number;
  /** Height of one panel (one participant) in pixels. Default 140. */
  panelHeight?: number;
  /** y-axis label. */
  yLabel?: string;
  /** x-axis label. */
  xLabel?: string;
}

/**
 * A phase plot: one panel per series (stacked, as a multiple-baseline graph), lines per phase,
 * dashed phase changes and phase means.
 * @example phasePlot(cases, { yLabel: "fear of movement (0–10)" })
 */
export function phasePlot(series: PhaseSeries[], options: PhasePlotOptions = {}): SVGSVGElement | HTMLElement {
  const d = phasePlotData(series);
  const { document, width = 760, panelHeight = 140, yLabel = "score", xLabel = "measurement" } = options;
  const facet = d.cases.length > 1;
  return Plot.plot({
    document,
    width,
    height: (facet ? d.cases.length : 1) * panelHeight + 40,
    marginLeft: 50,
    marginRight: facet ? 90 : 20,
    x: { label: xLabel },
    y: { label: yLabel, grid: true },
    fy: facet ? { label: null, domain: d.cases } : undefined,
    color: { legend: true, scheme: "dark2" },
    marks: [
      Plot.ruleX(d.changes, { x: "x", fy: facet ? "case" : undefined, stroke: theme.refline, strokeDasharray: "4,3" }),
      Plot.ruleY(d.means, {
        y: "mean",
        x1: "x1",
        x2: "x2",
        fy: facet ? "case" : undefined,
        stroke: "phase",
        strokeOpacity: 0.6,
        strokeWidth: 2,
      }),
      Plot.line(d.points, {
        x: "t",
        y: "value",
        z: "segment",
        stroke: "phase",
        fy: facet ? "case" : undefined,
      }),
      Plot.dot(d.points.filter((p) => p.value !== null), {
        x: "t",
        y: "value",
        fill: "phase",
        r: 2.5,
        fy: facet ? "case" : undefined,
        tip: true,
      }),
    ],
  });
}

/** What {@link randomizationDistributionData} needs from a test result. */
export interface DistributionInput {
  /** The randomisation distribution (one statistic per assignment or draw). */
  distribution?: readonly number[];
  /** The observed statistic. */
  observed: number;
  /** Relative tie tolerance used by the test. */
  tolerance?: number;
  /** The statistic's name, for the axis label. */
  statistic?: string;
  /** The test's p-value, printed in the axis label. */
  pval?: number;
  /** Exact or Monte Carlo. */
  method?: string;
}

/**
 * The randomisation distribution split at the observed statistic (values ≥ observed − tol, the
 * ones counted in p, versus the rest).
 * @example randomizationDistributionData({ distribution: [1, 2, 3], observed: 2 }).atLeast // 2
 */
export function randomizationDistributionData(result: DistributionInput, maxBins = 40): DistributionData {
  const o = parseInput(
    z.object({
      distribution: z.array(z.number().finite()).min(1, {
        error: "must be present: run the test with distribution: true",
      }),
      observed: z.number().finite(),
      tolerance: z.number().min(0).optional(),
    }),
    { distribution: result.distribution, observed: result.observed, tolerance: result.tolerance },
    "randomizationDistributionData",
  );
  const thr = tieThreshold(o.observed, o.tolerance);
  const rows = o.distribution.map((value) => ({
    value,
    side: (value >= thr ? "≥ observed" : "< observed") as "≥ observed" | "< observed",
  }));
  const atLeast = rows.filter((r) => r.side === "≥ observed").length;
  const bins = distributionBins(o.distribution, thr, o.observed, maxBins);
  return { rows, bins, atLeast, total: rows.length, observed: o.observed };
}

/** What {@link randomizationDistributionPlot} draws. */
export interface DistributionData {
  /** Every statistic with the side of the observed it falls on. */
  rows: { value: number; side: "≥ observed" | "< observed" }[];
  /** The histogram bars. */
  bins: DistributionBin[];
  /** Number of statistics ≥ observed − tol (the ones counted in p). */
  atLeast: number;
  /** Number of statistics. */
  total: number;
  /** The observed statistic. */
  observed: number;
}

/** One bar of the distribution histogram. */
export interface DistributionBin {
  /** Left edge. */
  x1: number;
  /** Right edge. */
  x2: number;
  /** Number of statistics in the bin. */
  count: number;
  /** Whether the bin counts towards p. */
  side: "< observed" | "≥ observed";
}

function distributionBins(
  values: readonly number[],
  thr: number,
  observed: number,
  maxBins: number,
): DistributionBin[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const side = (v: number) =>
    (v >= thr || Math.abs(v - observed) <= Math.abs(observed - thr) ? "≥ observed" : "< observed") as DistributionBin[
      "side"
    ];
  // statistics equal up to rounding (12 significant digits) are one bar, not hairlines side by side
  const key = (v: number) => Number(v.toPrecision(12));
  const counts = new Map<number, number>();
  for (const v of values) {
    counts.set(key(v), (counts.get(key(v)) ?? 0) + 1);
    if (counts.size > maxBins) break;
  }
  const u = [...counts.keys()].sort((a, b) => a - b);
  let gap = hi - lo || 1;
  for (let i = 1; i < u.length; i++) gap = Math.min(gap, u[i] - u[i - 1]);
  // Few distinct values (exact tests) get one bar per value, unless two of them are so close that
  // the bars would be hairlines (e.g. Wampold–Worsham's 24 irregular values): then equal-width bins.
  if (counts.size <= maxBins && (u.length < 2 || gap >= (hi - lo) / (1.5 * maxBins))) {
    const w = Math.max(Math.min(gap, (hi - lo || 1) / 20) * 0.8, (hi - lo || 1) / 150);
    return u.map((v) => ({ x1: v - w / 2, x2: v + w / 2, count: counts.get(v)!, side: side(v) }));
  }
  // equal-width bins with the observed statistic on a bin edge
  const w = (hi - lo) / maxBins || 1;
  const index = (v: number) => Math.floor((v - observed) / w + (v >= thr ? 1e-9 : 0));
  const tally = new Map<number, number>();
  for (const v of values) tally.set(index(v), (tally.get(index(v)) ?? 0) + 1);
  return [...tally.entries()].sort((a, b) => a[0] - b[0]).map(([k, count]) => ({
    x1: observed + k * w,
    x2: observed + (k + 1) * w,
    count,
    side: k >= 0 ? "≥ observed" : "< observed",
  }));
}

/**
 * Which side of the observed line its label goes: right when the observed statistic lies in the
 * left 60% of the plotted range, else left (so the label stays inside the plot).
 * @example labelSide({ bins: [{ x1: 0, x2: 1, count: 1, side: "< observed" }], observed: 0.9 }) // "left"
 */
export function labelSide(d: Pick<DistributionData, "bins" | "observed">): "left" | "right" {
  let lo = Infinity, hi = -Infinity;
  for (const b of d.bins) {
    lo = Math.min(lo, b.x1);
    hi = Math.max(hi, b.x2);
  }
  if (!(hi > lo)) return "right";
  return (d.observed - lo) / (hi - lo) <= 0.6 ? "right" : "left";
}

/**
 * Histogram of the randomisation distribution with the observed statistic marked (red rule);
 * bars at or beyond it (the ones counted in p) are darker. `labels` maps the English words of the
 * axes, legend and observed label ("statistic", "observed", "of", "assignments", "< observed",
 * "≥ observed") to the reader's language.
 * @example randomizationDistributionPlot(randomizationTest({ ..., distribution: true }))
 */
export function randomizationDistributionPlot(
  result: DistributionInput,
  options: {
    document?: Document;
    width?: number;
    height?: number;
    thresholds?: number;
    labels?: Readonly<Record<string, string>>;
  } = {},
): SVGSVGElement | HTMLElement {
  const { document, width = 640, height = 240, thresholds = 40 } = options;
  const tr = (text: string): string => options.labels?.[text] ?? text;
  const d = randomizationDistributionData(result, thresholds);
  const pText = result.pval !== undefined ? `, ${fmtPEq(result.pval)}` : "";
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 50,
    marginTop: 28,
    x: { label: `${tr("statistic")} ${result.statistic ?? ""} (${tr("observed")} ${fmtSig(d.observed, 4)}${pText})` },
    y: { label: tr("assignments"), grid: true },
    color: {
      domain: ["< observed", "≥ observed"],
      range: ["#b7cbe0", theme.study],
      legend: true,
      tickFormat: (c: string) => tr(c),
    },
    marks: [
      Plot.rectY(d.bins, { x1: "x1", x2: "x2", y: "count", fill: "side", tip: true }),
      // the bars counted in p can be a few assignments among thousands: a dot keeps them visible
      Plot.dot(d.bins.filter((b) => b.side === "≥ observed"), {
        x: (b: DistributionBin) => (b.x1 + b.x2) / 2,
        y: "count",
        r: 2.5,
        fill: theme.study,
      }),
      Plot.ruleY([0]),
      Plot.ruleX([d.observed], { stroke: theme.summary, strokeWidth: 2 }),
      // the label sits on the side of the observed line with more room, so it is never clipped; it
      // also says how many assignments are at or beyond it (a few among thousands are no visible bar)
      Plot.text([d.observed], {
        x: (x: number) => x,
        frameAnchor: "top",
        text: () => `${tr("observed")} (${d.atLeast} ${tr("of")} ${d.total} ≥)`,
        dy: -6,
        lineAnchor: "bottom",
        fill: theme.summary,
        textAnchor: labelSide(d) === "right" ? "start" : "end",
        dx: labelSide(d) === "right" ? 4 : -4,
      }),
    ],
  });
}

/**
 * Power against effect size with ±2 Monte Carlo SE bars and the alpha line; `labels` maps the
 * axis labels ("effect (SD units)", "power") to the reader's language.
 * @example powerCurvePlot(powerCurve({ ... }))
 */
export function powerCurvePlot(
  curve: readonly { effect: number; power: number; mcse: number; alpha: number }[],
  options: { document?: Document; width?: number; height?: number; labels?: Readonly<Record<string, string>> } = {},
): SVGSVGElement | HTMLElement {
  const tr = (text: string): string => options.labels?.[text] ?? text;
  const c = parseInput(
    z.array(
      z.object({ effect: z.number(), power: z.number().min(0).max(1), mcse: z.number().min(0), alpha: z.number() }),
    ).min(1),
    curve,
    "powerCurvePlot",
  );
  const { document, width = 560, height = 260 } = options;
  return Plot.plot({
    document,
    width,
    height,
    x: { label: tr("effect (SD units)") },
    y: { label: tr("power"), domain: [0, 1], grid: true },
    marks: [
      Plot.ruleY([c[0].alpha], { stroke: theme.refline, strokeDasharray: "4,3" }),
      Plot.ruleX(c, {
        x: "effect",
        y1: (r) => Math.max(0, r.power - 2 * r.mcse),
        y2: (r) => Math.min(1, r.power + 2 * r.mcse),
        stroke: theme.study,
      }),
      Plot.line(c, { x: "effect", y: "power", stroke: theme.study }),
      Plot.dot(c, { x: "effect", y: "power", fill: theme.study, tip: true }),
    ],
  });
}
