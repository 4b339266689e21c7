/**
 * Plots for benchmarking centres (lib/practice): the institutional funnel plot (indicator against
 * number of patients, 95% and 99.8% control limits around the target, flagged centres labelled),
 * the caterpillar plot of random-effects shrunken centre estimates, and dose against severity at
 * centre level. Data builders are pure ({@link funnelPlotData}, {@link caterpillarData}); the plot
 * functions only hand them to Observable Plot.
 *
 * @example
 * import { centreFunnelPlot, caterpillarPlot } from "./practice.ts";
 * const b = benchmarkCentres({ rows: simulateRegistry({}, 1).patients });
 * display(centreFunnelPlot(b.funnel, { ylabel: "Observed - expected PDI change" }));
 * display(caterpillarPlot(b));
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { FunnelResult } from "../practice/funnel.ts";
import type { Benchmark } from "../practice/benchmark.ts";
import { fail } from "../validate.ts";
import { formatNumber, theme } from "./theme.ts";

/** Colours of the flag categories. */
export const flagColours = {
  inside: theme.study,
  "outside 95%": "#d08c2b",
  "outside 99.8%": "#b03a2e",
} as const;

/** One centre as drawn in a funnel plot. */
export interface FunnelPlotPoint {
  id: string;
  x: number;
  y: number;
  flag: keyof typeof flagColours;
  label: string;
}

/** The pieces of a funnel plot: points, one line per limit, and the target. */
export interface FunnelPlotData {
  points: FunnelPlotPoint[];
  lines: { x: number; y: number; limit: string }[];
  target: number;
}

/**
 * Points and limit lines of a {@link FunnelResult} (curve computed by `funnel`).
 * @example funnelPlotData(funnel({ type: "ratio", units })).lines.length
 */
export function funnelPlotData(f: FunnelResult, digits = 2): FunnelPlotData {
  if (!f || !Array.isArray(f.rows) || !Array.isArray(f.curve)) fail("funnelPlotData", "f", "must be a funnel() result");
  if (f.curve.length === 0) fail("funnelPlotData", "f.curve", "is empty (call funnel with curvePoints > 0)");
  const pct = (lv: number) => `${formatNumber(100 * lv, lv === 0.998 ? 1 : 0)}%`;
  const points = f.rows.map((r) => {
    const outer = r.flags[r.flags.length - 1] !== 0;
    const inner = r.flags[0] !== 0;
    const flag: FunnelPlotPoint["flag"] = outer ? "outside 99.8%" : inner ? "outside 95%" : "inside";
    return {
      id: r.id,
      x: r.x,
      y: r.y,
      flag,
      label: `${r.id}: ${formatNumber(r.y, digits)} (n/E ${formatNumber(r.x, 0)})`,
    };
  });
  const lines = f.levels.flatMap((lv, j) =>
    f.curve.flatMap((c) => [
      { x: c.x, y: c.lower[j], limit: `lower ${pct(lv)}` },
      { x: c.x, y: c.upper[j], limit: `upper ${pct(lv)}` },
    ])
  );
  return { points, lines, target: f.target };
}

/** Options of {@link centreFunnelPlot}. */
export interface CentreFunnelOptions {
  document?: Plot.PlotOptions["document"];
  width?: number;
  height?: number;
  xlabel?: string;
  ylabel?: string;
  /** Decimals in labels (default 2). */
  digits?: number;
}

/**
 * Institutional funnel plot: centres as dots coloured by flag, 95% (dashed) and 99.8% (solid)
 * control limits, the target as a horizontal line, flagged centres labelled.
 * @example display(centreFunnelPlot(bench.funnel, { ylabel: "O - E (PDI points)" }))
 */
export function centreFunnelPlot(f: FunnelResult, options: CentreFunnelOptions = {}): ReturnType<typeof Plot.plot> {
  const { document, width = 680, height = 420, digits = 2 } = options;
  const d = funnelPlotData(f, digits);
  const xlabel = options.xlabel ?? (f.type === "ratio" ? "Expected (E)" : "Patients (n)");
  const ylabel = options.ylabel ??
    (f.type === "ratio" ? "Observed / expected" : f.type === "proportion" ? "Proportion" : "Observed - expected");
  const ys = [...d.points.map((p) => p.y), ...d.lines.map((l) => l.y)].filter(Number.isFinite);
  const pad = (Math.max(...ys) - Math.min(...ys)) * 0.05;
  return Plot.plot({
    document,
    width,
    height,
    marginRight: 50,
    x: { label: xlabel, labelArrow: "none", labelAnchor: "center" },
    y: { label: ylabel, labelArrow: "none", domain: [Math.min(...ys) - pad, Math.max(...ys) + pad], grid: true },
    color: { domain: Object.keys(flagColours), range: Object.values(flagColours), legend: true },
    marks: [
      Plot.ruleY([d.target], { stroke: theme.refline }),
      Plot.line(d.lines.filter((l) => !l.limit.includes("99.8")), {
        x: "x",
        y: "y",
        z: "limit",
        stroke: theme.muted,
        strokeWidth: 1,
        strokeDasharray: "4,3",
      }),
      Plot.line(d.lines.filter((l) => l.limit.includes("99.8")), {
        x: "x",
        y: "y",
        z: "limit",
        stroke: theme.muted,
        strokeWidth: 1.2,
      }),
      Plot.dot(d.points, { x: "x", y: "y", r: 4.5, fill: "flag", stroke: "white", tip: true, title: "label" }),
      Plot.text(d.points.filter((p) => p.flag !== "inside"), {
        x: "x",
        y: "y",
        text: "id",
        dx: 7,
        textAnchor: "start",
        fill: (p: FunnelPlotPoint) => flagColours[p.flag],
        fontSize: theme.fontSize,
      }),
    ],
  });
}

/** One row of a caterpillar plot. */
export interface CaterpillarRow {
  centre: string;
  rank: number;
  raw: number;
  shrunk: number;
  lower: number;
  upper: number;
  n: number;
}

/**
 * Caterpillar rows: centres ranked by their shrunken estimate (lowest first).
 * @example caterpillarData(bench)[0].centre // the centre with the lowest shrunken estimate
 */
export function caterpillarData(b: Benchmark): CaterpillarRow[] {
  if (!b || !Array.isArray(b.centres)) fail("caterpillarData", "b", "must be a benchmarkCentres() result");
  return [...b.centres]
    .sort((a, c) => a.shrunk - c.shrunk)
    .map((c, i) => ({
      centre: c.centre,
      rank: i + 1,
      raw: c.diff,
      shrunk: c.shrunk,
      lower: c.shrunkLower,
      upper: c.shrunkUpper,
      n: c.n,
    }));
}

/**
 * Caterpillar plot: shrunken (random-effects) centre estimates with 95% intervals, ranked, with the
 * raw estimates as hollow dots and the overall mean as a vertical line.
 * @example display(caterpillarPlot(bench, { xlabel: "O - E, PDI points (shrunken)" }))
 */
export function caterpillarPlot(
  b: Benchmark,
  options: { document?: Plot.PlotOptions["document"]; width?: number; xlabel?: string } = {},
): ReturnType<typeof Plot.plot> {
  const rows = caterpillarData(b);
  const { document, width = 680 } = options;
  return Plot.plot({
    document,
    width,
    height: Math.max(160, 18 * rows.length + 60),
    marginLeft: 60,
    x: { label: options.xlabel ?? `Observed - expected (${b.unit}), shrunken`, labelArrow: "none", grid: true },
    y: { domain: rows.map((r) => r.centre), label: null },
    marks: [
      Plot.ruleX([b.shrinkage.mu], { stroke: theme.summary }),
      Plot.ruleY(rows, { y: "centre", x1: "lower", x2: "upper", stroke: theme.study }),
      Plot.dot(rows, { y: "centre", x: "raw", r: 3, stroke: theme.muted, fill: "white" }),
      Plot.dot(rows, {
        y: "centre",
        x: "shrunk",
        r: 4,
        fill: theme.study,
        tip: true,
        title: (r: CaterpillarRow) =>
          `${r.centre} (n ${r.n}): shrunken ${formatNumber(r.shrunk, 2)} [${formatNumber(r.lower, 2)}, ${
            formatNumber(r.upper, 2)
          }], raw ${formatNumber(r.raw, 2)}`,
      }),
    ],
  });
}

/**
 * Dose against severity at centre level: mean contact hours against mean baseline PDI, dot area by
 * number of patients, colour by the 95% flag. Throws when the benchmark has no hours.
 * @example display(doseSeverityPlot(bench))
 */
export function doseSeverityPlot(
  b: Benchmark,
  options: { document?: Plot.PlotOptions["document"]; width?: number; height?: number } = {},
): ReturnType<typeof Plot.plot> {
  const pts = b.centres.filter((c) => c.hours !== null).map((c) => ({
    centre: c.centre,
    meanPre: c.meanPre,
    hours: c.hours as number,
    n: c.n,
    flag: c.flag95 === 0 ? "inside" : "outside 95%",
  }));
  if (pts.length === 0) fail("doseSeverityPlot", "b.centres[].hours", "must be recorded for at least one centre");
  const { document, width = 680, height = 340 } = options;
  return Plot.plot({
    document,
    width,
    height,
    x: { label: "Mean baseline PDI (severity)", labelArrow: "none", grid: true },
    y: { label: "Contact hours (dose)", labelArrow: "none", grid: true },
    r: { range: [3, 12] },
    color: { domain: ["inside", "outside 95%"], range: [flagColours.inside, flagColours["outside 95%"]], legend: true },
    marks: [
      Plot.ruleY([48.5, 130.5], { stroke: theme.refline, strokeDasharray: "3,3" }),
      Plot.dot(pts, { x: "meanPre", y: "hours", r: "n", fill: "flag", fillOpacity: 0.8, stroke: "white", tip: true }),
      Plot.text(pts, { x: "meanPre", y: "hours", text: "centre", dy: -10, fontSize: 9, fill: theme.muted }),
    ],
  });
}
