/**
 * Plots for benchmarking centres (lib/practice): the institutional funnel plot (indicator against
 * number of patients, 95% and 99.8% control limits around the target, flagged centres labelled),
 * the caterpillar plot of random-effects shrunken centre estimates, and dose against severity at
 * centre level. Centres are coloured by the practice engine's one flag rule (`funnelFlag`, the
 * same as `centreTable` and the CLI). Data builders are pure ({@link funnelPlotData},
 * {@link caterpillarData}); the plot functions only hand them to Observable Plot.
 *
 * @example
 * ```ts ignore
 * import { benchmarkCentres, simulateRegistry } from "../practice/mod.ts";
 * import { caterpillarPlot, centreFunnelPlot } from "./practice.ts";
 * const b = benchmarkCentres({ rows: simulateRegistry({}, 1).patients });
 * display(centreFunnelPlot(b.funnel, { ylabel: "Observed - expected PDI change" }));
 * display(caterpillarPlot(b));
 * ```
 * @module
 */
import * as Plot from "@observablehq/plot";
import { fmt } from "../format.ts";
import { DOSE_BAND_CUTS, funnelFlag } from "../practice/mod.ts";
import { fail } from "../validate.ts";
import { theme } from "./theme.ts";

/** What the plot functions return: Observable Plot's figure (an SVG element, or a figure with a legend). */
export type PlotElement = SVGSVGElement | HTMLElement;

/** One unit of a funnel analysis as the funnel plot reads it (a practice `FunnelRow` fits). */
export interface CentreFunnelUnit {
  /** Unit (centre) name. */
  id: string;
  /** Precision (n or E). */
  x: number;
  /** Indicator. */
  y: number;
  /** Per level: -1 below, 0 inside, +1 above the limits. */
  flags: readonly number[];
}

/** One point of the limit curves (a practice `FunnelCurvePoint` fits). */
export interface CentreFunnelCurvePoint {
  /** Precision. */
  x: number;
  /** Lower limits, one per level. */
  pi_lb: readonly number[];
  /** Upper limits, one per level. */
  pi_ub: readonly number[];
}

/** What the funnel plot draws: the practice engine's `funnel()` / `indicationFunnel()` result fits. */
export interface CentreFunnelInput {
  /** Kind of indicator (for the default axis labels). */
  type: "proportion" | "ratio" | "mean";
  /** The target line. */
  target: number;
  /** Control-limit levels in percent. */
  levels: readonly number[];
  /** One entry per unit. */
  rows: readonly CentreFunnelUnit[];
  /** The limit curves (from `funnel` with curvePoints > 0). */
  curve: readonly CentreFunnelCurvePoint[];
}

/** A shrunken estimate with its interval. */
export interface ShrunkEstimate {
  /** Shrunken estimate. */
  estimate: number;
  /** Lower bound. */
  ci_lb: number;
  /** Upper bound. */
  ci_ub: number;
}

/** One centre as the caterpillar and dose plots read it (a practice `CentreBenchmark` fits). */
export interface BenchmarkCentrePlotInput {
  /** Centre name. */
  centre: string;
  /** Patients. */
  n: number;
  /** Raw observed - expected. */
  diff: number;
  /** Shrunken observed - expected with its interval. */
  shrunk: ShrunkEstimate;
  /** Mean baseline PDI. */
  meanPre: number;
  /** Mean contact hours (null when not recorded). */
  hours: number | null;
  /** Per level: -1 below, 0 inside, +1 above the control limits. */
  flags: readonly number[];
}

/** What the caterpillar and dose plots draw: the practice engine's `benchmarkCentres()` result fits. */
export interface BenchmarkPlotInput {
  /** Unit of observed - expected (axis label). */
  unit: string;
  /** Control-limit levels in percent. */
  levels: readonly number[];
  /** The mean the estimates are shrunk towards. */
  shrinkage: { mu: number };
  /** One entry per centre. */
  centres: readonly BenchmarkCentrePlotInput[];
}

function plotElement(options: Plot.PlotOptions): PlotElement {
  return Plot.plot(options) as PlotElement;
}

/** A label to place next to a point, in pixels of the plot's frame. */
export interface LabelSite {
  /** The point's horizontal position (pixels). */
  px: number;
  /** The point's vertical position (pixels). */
  py: number;
  /** The radius of the point's mark (pixels; labels keep clear of it). */
  r: number;
  /** The label text. */
  text: string;
}

/** Where {@link placeLabels} puts a label (pixels), or null when no free place was found. */
export interface PlacedLabel {
  /** Horizontal position of the label's anchor (pixels). */
  x: number;
  /** Vertical position of the label's middle (pixels). */
  y: number;
  /** Text anchor. */
  anchor: "start" | "middle" | "end";
}

/**
 * Place labels next to their points without overlapping each other, any point, or the frame's
 * edges: for each label (largest points first) the first free spot among above, below, right,
 * left and the diagonals, further out step by step. A label with no free spot is left out
 * (null; the point's tooltip still names it). Text boxes are estimated from the font size.
 */
export function placeLabels(
  sites: readonly LabelSite[],
  frame: { left: number; right: number; top: number; bottom: number },
  fontSize = 9,
): (PlacedLabel | null)[] {
  type Box = { l: number; r: number; t: number; b: number };
  const hit = (a: Box, b: Box) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
  const obstacles: Box[] = sites.map((s) => ({ l: s.px - s.r, r: s.px + s.r, t: s.py - s.r, b: s.py + s.r }));
  const placed: Box[] = [];
  const out: (PlacedLabel | null)[] = sites.map(() => null);
  const order = sites.map((_, i) => i).sort((a, b) => sites[b].r - sites[a].r || a - b);
  const h = fontSize * 1.25;
  for (const i of order) {
    const s = sites[i];
    const w = fontSize * 0.62 * s.text.length + 2;
    let done = false;
    for (let step = 0; step < 4 && !done; step++) {
      const g = s.r + 3 + step * h;
      const candidates: PlacedLabel[] = [
        { x: s.px, y: s.py - g - h / 2, anchor: "middle" },
        { x: s.px, y: s.py + g + h / 2, anchor: "middle" },
        { x: s.px + g, y: s.py, anchor: "start" },
        { x: s.px - g, y: s.py, anchor: "end" },
        { x: s.px + g * 0.8, y: s.py - g * 0.8 - h / 2, anchor: "start" },
        { x: s.px - g * 0.8, y: s.py - g * 0.8 - h / 2, anchor: "end" },
        { x: s.px + g * 0.8, y: s.py + g * 0.8 + h / 2, anchor: "start" },
        { x: s.px - g * 0.8, y: s.py + g * 0.8 + h / 2, anchor: "end" },
      ];
      for (const c of candidates) {
        const l = c.anchor === "start" ? c.x : c.anchor === "end" ? c.x - w : c.x - w / 2;
        const box = { l, r: l + w, t: c.y - h / 2, b: c.y + h / 2 };
        if (box.l < frame.left || box.r > frame.right || box.t < frame.top || box.b > frame.bottom) continue;
        if (placed.some((p) => hit(p, box)) || obstacles.some((o, j) => j !== i && hit(o, box))) continue;
        placed.push(box);
        out[i] = c;
        done = true;
        break;
      }
    }
  }
  return out;
}

/** A linear map from `domain` to pixels `[a, b]` and back. */
export function linear(domain: readonly [number, number], a: number, b: number) {
  const [d0, d1] = domain[0] === domain[1] ? [domain[0] - 1, domain[1] + 1] : domain;
  return {
    to: (v: number) => a + ((v - d0) / (d1 - d0)) * (b - a),
    from: (p: number) => d0 + ((p - a) / (b - a)) * (d1 - d0),
  };
}

/** The extent of `values` widened by `pad` of its range on each side. */
function padded(values: readonly number[], pad = 0.06): [number, number] {
  const lo = Math.min(...values), hi = Math.max(...values);
  const d = hi > lo ? (hi - lo) * pad : Math.abs(hi) * 0.1 || 1;
  return [lo - d, hi + d];
}

/** Text marks for `sites` placed by {@link placeLabels}, in data coordinates (also the Baujat plot's). */
export function labelMarks(
  rows: readonly { x: number; y: number; r: number; text: string }[],
  xs: ReturnType<typeof linear>,
  ys: ReturnType<typeof linear>,
  frame: { left: number; right: number; top: number; bottom: number },
): Plot.Markish[] {
  const places = placeLabels(rows.map((d) => ({ px: xs.to(d.x), py: ys.to(d.y), r: d.r, text: d.text })), frame);
  const labels = rows.flatMap((d, i) => {
    const p = places[i];
    return p ? [{ x: xs.from(p.x), y: ys.from(p.y), text: d.text, anchor: p.anchor }] : [];
  });
  return (["start", "middle", "end"] as const).map((anchor) =>
    Plot.text(labels.filter((l) => l.anchor === anchor), {
      x: "x",
      y: "y",
      text: "text",
      textAnchor: anchor,
      lineAnchor: "middle",
      fontSize: 9,
      fill: theme.muted,
    })
  );
}

/** Colours of the flag categories at the default levels (95 and 99.8). */
export const flagColours: Readonly<Record<string, string>> = {
  inside: theme.study,
  "outside 95%": "#d08c2b",
  "outside 99.8%": "#b03a2e",
};

const OUTER_COLOURS = ["#d08c2b", "#b03a2e", "#7b1f17", "#4a120d"];

/** The flag category of a unit: `"inside"` or `"outside <level>%"` for the outermost limit crossed. */
function category(flags: readonly number[], levels: readonly number[]): string {
  const f = funnelFlag(flags, levels);
  return f.level === null ? "inside" : `outside ${f.level}%`;
}

/** Colour domain and range for the categories of `levels` (percent). */
function colourScale(levels: readonly number[]): { domain: string[]; range: string[] } {
  const sorted = [...levels].sort((a, b) => a - b);
  const domain = ["inside", ...sorted.map((l) => `outside ${l}%`)];
  const range = domain.map((d, i) => flagColours[d] ?? (i === 0 ? theme.study : OUTER_COLOURS[i - 1]));
  return { domain, range };
}

/** The colour scale of the flag categories with its legend, names as in `labels` (default as is). */
function flagLegend(
  colours: { domain: string[]; range: string[] },
  labels: Readonly<Record<string, string>> | undefined,
): Plot.ScaleOptions {
  return {
    domain: colours.domain,
    range: colours.range,
    legend: true,
    tickFormat: (d: string) => labels?.[d] ?? d,
  };
}

/** Margins in pixels, as Observable Plot's options. */
interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

function margins(m: Margins): Pick<Plot.PlotOptions, "marginTop" | "marginRight" | "marginBottom" | "marginLeft"> {
  return { marginTop: m.top, marginRight: m.right, marginBottom: m.bottom, marginLeft: m.left };
}

/** One centre as drawn in a funnel plot. */
export interface FunnelPlotPoint {
  /** Centre name. */
  id: string;
  /** Precision (n or E). */
  x: number;
  /** Indicator. */
  y: number;
  /** `"inside"` or `"outside <level>%"` (the outermost limit crossed). */
  flag: string;
  /** Tooltip text. */
  label: string;
}

/** One point of a limit line. */
export interface FunnelPlotLinePoint {
  /** Precision. */
  x: number;
  /** Limit. */
  y: number;
  /** e.g. `"lower 95%"`. */
  limit: string;
  /** True for the outermost level's lines (drawn solid). */
  outer: boolean;
}

/** The pieces of a funnel plot: points, one line per limit, and the target. */
export interface FunnelPlotData {
  /** One point per centre. */
  points: FunnelPlotPoint[];
  /** Limit lines, one per level and side. */
  lines: FunnelPlotLinePoint[];
  /** The target. */
  target: number;
}

/** Options of {@link funnelPlotData}. */
export interface FunnelPlotDataOptions {
  /** Decimals in labels (default 2). */
  digits?: number;
}

/**
 * Points and limit lines of a funnel analysis (the practice engine's `funnel` result, with curves).
 */
export function funnelPlotData(f: CentreFunnelInput, options: FunnelPlotDataOptions = {}): FunnelPlotData {
  if (!f || !Array.isArray(f.rows) || !Array.isArray(f.curve)) fail("funnelPlotData", "f", "must be a funnel() result");
  if (f.curve.length === 0) fail("funnelPlotData", "f.curve", "is empty (call funnel with curvePoints > 0)");
  const digits = options.digits ?? 2;
  const maxLevel = Math.max(...f.levels);
  const points = f.rows.map((r) => ({
    id: r.id,
    x: r.x,
    y: r.y,
    flag: category(r.flags, f.levels),
    label: `${r.id}: ${fmt(r.y, digits)} (n/E ${fmt(r.x, 0)})`,
  }));
  const lines = f.levels.flatMap((lv, j) =>
    f.curve.flatMap((c) => [
      { x: c.x, y: c.pi_lb[j], limit: `lower ${lv}%`, outer: lv === maxLevel },
      { x: c.x, y: c.pi_ub[j], limit: `upper ${lv}%`, outer: lv === maxLevel },
    ])
  );
  return { points, lines, target: f.target };
}

/** Options of {@link centreFunnelPlot}. */
export interface CentreFunnelOptions {
  /** A document to draw in (jsdom in tests). */
  document?: Document;
  /** Width in pixels (default 680). */
  width?: number;
  /** Height in pixels (default 420). */
  height?: number;
  /** x-axis label. */
  xlabel?: string;
  /** y-axis label. */
  ylabel?: string;
  /** Decimals in labels (default 2). */
  digits?: number;
  /** Display names of the flag categories in the legend (`{ inside: "binnen" }`; default as is). */
  labels?: Readonly<Record<string, string>>;
}

/**
 * Institutional funnel plot: centres as dots coloured by flag, inner (dashed) and outermost
 * (solid) control limits, the target as a horizontal line, flagged centres labelled.
 */
export function centreFunnelPlot(f: CentreFunnelInput, options: CentreFunnelOptions = {}): PlotElement {
  const { document, width = 680, height = 420, digits = 2 } = options;
  const d = funnelPlotData(f, { digits });
  const xlabel = options.xlabel ?? (f.type === "ratio" ? "Expected (E)" : "Patients (n)");
  const ylabel = options.ylabel ??
    (f.type === "ratio" ? "Observed / expected" : f.type === "proportion" ? "Proportion" : "Observed - expected");
  const ys = [...d.points.map((p) => p.y), ...d.lines.map((l) => l.y)].filter(Number.isFinite);
  const pad = (Math.max(...ys) - Math.min(...ys)) * 0.05;
  const colours = colourScale(f.levels);
  const colourOf = new Map(colours.domain.map((c, i) => [c, colours.range[i]]));
  return plotElement({
    document,
    width,
    height,
    marginRight: 50,
    x: { label: xlabel, labelArrow: "none", labelAnchor: "center" },
    y: { label: ylabel, labelArrow: "none", domain: [Math.min(...ys) - pad, Math.max(...ys) + pad], grid: true },
    color: flagLegend(colours, options.labels),
    marks: [
      Plot.ruleY([d.target], { stroke: theme.refline }),
      Plot.line(d.lines.filter((l) => !l.outer), {
        x: "x",
        y: "y",
        z: "limit",
        stroke: theme.muted,
        strokeWidth: 1,
        strokeDasharray: "4,3",
      }),
      Plot.line(d.lines.filter((l) => l.outer), { x: "x", y: "y", z: "limit", stroke: theme.muted, strokeWidth: 1.2 }),
      Plot.dot(d.points, { x: "x", y: "y", r: 4.5, fill: "flag", stroke: "white", tip: true, title: "label" }),
      Plot.text(d.points.filter((p) => p.flag !== "inside"), {
        x: "x",
        y: "y",
        text: "id",
        dx: 7,
        textAnchor: "start",
        fill: (p: FunnelPlotPoint) => colourOf.get(p.flag) ?? theme.muted,
        fontSize: theme.fontSize,
      }),
    ],
  });
}

/** One row of a caterpillar plot. */
export interface CaterpillarRow {
  /** Centre name. */
  centre: string;
  /** Rank of the shrunken estimate (1 = lowest). */
  rank: number;
  /** Raw observed - expected. */
  raw: number;
  /** Shrunken estimate. */
  shrunk: number;
  /** Lower bound of its interval. */
  ci_lb: number;
  /** Upper bound of its interval. */
  ci_ub: number;
  /** Patients. */
  n: number;
}

/**
 * Caterpillar rows: centres ranked by their shrunken estimate (lowest first).
 */
export function caterpillarData(b: BenchmarkPlotInput): CaterpillarRow[] {
  if (!b || !Array.isArray(b.centres)) fail("caterpillarData", "b", "must be a benchmarkCentres() result");
  return [...b.centres]
    .sort((a, c) => a.shrunk.estimate - c.shrunk.estimate)
    .map((c, i) => ({
      centre: c.centre,
      rank: i + 1,
      raw: c.diff,
      shrunk: c.shrunk.estimate,
      ci_lb: c.shrunk.ci_lb,
      ci_ub: c.shrunk.ci_ub,
      n: c.n,
    }));
}

/** Options of {@link caterpillarPlot}. */
export interface CaterpillarOptions {
  /** A document to draw in (jsdom in tests). */
  document?: Document;
  /** Width in pixels (default 680). */
  width?: number;
  /** x-axis label. */
  xlabel?: string;
}

/**
 * Caterpillar plot: shrunken (random-effects) centre estimates with 95% intervals, ranked, with the
 * raw estimates as hollow dots and the overall mean as a vertical line.
 */
export function caterpillarPlot(b: BenchmarkPlotInput, options: CaterpillarOptions = {}): PlotElement {
  const rows = caterpillarData(b);
  return rankedIntervals(rows, options, {
    x: { label: options.xlabel ?? `Observed - expected (${b.unit}), shrunken`, labelArrow: "none", grid: true },
    y: "centre",
    hollow: "raw",
    filled: "shrunk",
    title: (r) =>
      `${r.centre} (n ${r.n}): shrunken ${fmt(r.shrunk, 2)} [${fmt(r.ci_lb, 2)}, ${fmt(r.ci_ub, 2)}], raw ${
        fmt(r.raw, 2)
      }`,
    under: [Plot.ruleX([b.shrinkage.mu], { stroke: theme.summary })],
  });
}

/**
 * The ranked-interval layout {@link caterpillarPlot} and {@link rankPlot} share: one row per unit
 * in the order given, its interval `ci_lb`–`ci_ub`, a hollow dot (the raw value) and a filled dot
 * with a tip (the estimate), drawn over the marks in `under`.
 */
function rankedIntervals<T extends { ci_lb: number; ci_ub: number }>(
  rows: readonly T[],
  options: { document?: Document; width?: number },
  o: {
    x: Plot.ScaleOptions;
    y: keyof T & string;
    hollow: keyof T & string;
    filled: keyof T & string;
    title: (r: T) => string;
    under?: Plot.Markish[];
  },
): PlotElement {
  const { document, width = 680 } = options;
  return plotElement({
    document,
    width,
    height: Math.max(160, 18 * rows.length + 60),
    marginLeft: 60,
    x: o.x,
    y: { domain: rows.map((r) => r[o.y]), label: null },
    marks: [
      ...(o.under ?? []),
      Plot.ruleY(rows, { y: o.y, x1: "ci_lb", x2: "ci_ub", stroke: theme.study }),
      Plot.dot(rows, { y: o.y, x: o.hollow, r: 3, stroke: theme.muted, fill: "white" }),
      Plot.dot(rows, { y: o.y, x: o.filled, r: 4, fill: theme.study, tip: true, title: o.title }),
    ],
  });
}

/** Options of {@link doseSeverityPlot}. */
export interface DoseSeverityOptions {
  /** A document to draw in (jsdom in tests). */
  document?: Document;
  /** Width in pixels (default 680). */
  width?: number;
  /** Height in pixels (default 340). */
  height?: number;
  /** x-axis label (default "Mean baseline PDI (severity)"). */
  xlabel?: string;
  /** y-axis label (default "Contact hours (dose)"). */
  ylabel?: string;
  /** Display names of the flag categories in the legend (`{ inside: "binnen" }`; default as is). */
  labels?: Readonly<Record<string, string>>;
}

/**
 * Dose against severity at centre level: mean contact hours against mean baseline PDI, dot area by
 * number of patients, colour by the one flag rule (as the centre table), dotted lines at the seed's
 * contact-hour band cut points. Throws when the benchmark has no hours.
 */
export function doseSeverityPlot(b: BenchmarkPlotInput, options: DoseSeverityOptions = {}): PlotElement {
  if (!b || !Array.isArray(b.centres)) fail("doseSeverityPlot", "b", "must be a benchmarkCentres() result");
  const pts = b.centres.filter((c) => c.hours !== null).map((c) => ({
    centre: c.centre,
    meanPre: c.meanPre,
    hours: c.hours as number,
    n: c.n,
    flag: category(c.flags, b.levels),
  }));
  if (pts.length === 0) fail("doseSeverityPlot", "b.centres[].hours", "must be recorded for at least one centre");
  const { document, width = 680, height = 340 } = options;
  const colours = colourScale(b.levels);
  const m = { top: 20, right: 20, bottom: 36, left: 50 };
  const xDomain = padded(pts.map((p) => p.meanPre));
  const yDomain = padded([
    ...pts.map((p) => p.hours),
    ...DOSE_BAND_CUTS.filter((c) => c < 1.3 * Math.max(...pts.map((p) => p.hours))),
  ]);
  const xs = linear(xDomain, m.left, width - m.right);
  const ys = linear(yDomain, height - m.bottom, m.top);
  const maxN = Math.max(...pts.map((p) => p.n));
  const radius = (n: number) => 3 + 9 * Math.sqrt(n / maxN);
  const frame = { left: m.left, right: width - m.right, top: m.top, bottom: height - m.bottom };
  return plotElement({
    document,
    width,
    height,
    ...margins(m),
    x: { domain: xDomain, label: options.xlabel ?? "Mean baseline PDI (severity)", labelArrow: "none", grid: true },
    y: { domain: yDomain, label: options.ylabel ?? "Contact hours (dose)", labelArrow: "none", grid: true },
    r: { domain: [0, maxN], range: [3, 12] },
    color: flagLegend(colours, options.labels),
    marks: [
      Plot.ruleY(DOSE_BAND_CUTS.filter((c) => c >= yDomain[0] && c <= yDomain[1]), {
        stroke: theme.refline,
        strokeDasharray: "3,3",
      }),
      Plot.dot(pts, { x: "meanPre", y: "hours", r: "n", fill: "flag", fillOpacity: 0.8, stroke: "white", tip: true }),
      ...labelMarks(pts.map((p) => ({ x: p.meanPre, y: p.hours, r: radius(p.n), text: p.centre })), xs, ys, frame),
    ],
  });
}

/** One centre's rank interval as {@link rankPlot} reads it (a practice `CentreRank` fits). */
export interface RankPlotRow {
  /** Centre name. */
  id: string;
  /** Rank of the centre's own estimate (1 = highest). */
  rankObserved: number;
  /** Median simulated rank. */
  estimate: number;
  /** Lower end of the rank interval. */
  ci_lb: number;
  /** Upper end of the rank interval. */
  ci_ub: number;
  /** Level in percent. */
  level: number;
}

/** Options of {@link rankPlot}. */
export interface RankPlotOptions {
  /** A document to draw in (jsdom in tests). */
  document?: Document;
  /** Width in pixels (default 680). */
  width?: number;
  /** Rankability ρ to show in the axis label (optional). */
  rho?: number;
  /** x-axis label (default: rank, level and rankability in English). */
  xlabel?: string;
}

/**
 * Caterpillar plot of ranks: each centre's median simulated rank with its rank interval (from the
 * shrinkage model, practice `rankIntervals`/`rankBenchmark`), centres ordered by their observed
 * rank, rank 1 (the most improvement) on the left; the hollow dot is the rank of the raw estimate.
 */
export function rankPlot(ranks: readonly RankPlotRow[], options: RankPlotOptions = {}): PlotElement {
  if (!Array.isArray(ranks) || ranks.length < 2) {
    fail("rankPlot", "ranks", "must hold at least 2 centres", ranks?.length);
  }
  const rows = [...ranks].sort((a, b) => a.rankObserved - b.rankObserved);
  const k = rows.length;
  const rho = options.rho === undefined ? "" : `; rankability ρ = ${fmt(options.rho, 2)}`;
  return rankedIntervals(rows, options, {
    x: {
      domain: [0.5, k + 0.5],
      label: options.xlabel ?? `Rank (1 = most improvement), ${rows[0].level}% rank interval${rho}`,
      labelArrow: "none",
      grid: true,
    },
    y: "id",
    hollow: "rankObserved",
    filled: "estimate",
    title: (r) => `${r.id}: rank ${r.estimate} [${r.ci_lb}, ${r.ci_ub}], rank of the raw estimate ${r.rankObserved}`,
  });
}

/** What {@link cusumPlot} and {@link vladPlot} read (a practice `Monitoring` fits). */
export interface MonitoringPlotInput {
  /** The control limit. */
  threshold: { h: number; arl0: number };
  /** Odds ratio of non-response the charts detect. */
  RA: number;
  /** One entry per centre. */
  centres: readonly {
    centre: string;
    chart: { S: readonly number[]; vlad: readonly number[]; signals: readonly number[] };
  }[];
}

/** Options of {@link cusumPlot} and {@link vladPlot}. */
export interface MonitoringPlotOptions {
  /** A document to draw in (jsdom in tests). */
  document?: Document;
  /** Width in pixels (default 680). */
  width?: number;
  /** Height in pixels (default 300). */
  height?: number;
  /** x-axis label (default "Patient (in order of treatment within the centre)"). */
  xlabel?: string;
  /** y-axis label (default: what the chart counts, in English). */
  ylabel?: string;
}

interface ChartPoint {
  centre: string;
  t: number;
  value: number;
  signalled: boolean;
}

function chartPoints(m: MonitoringPlotInput, key: "S" | "vlad", tool: string): ChartPoint[] {
  if (!m || !Array.isArray(m.centres) || !m.threshold) fail(tool, "m", "must be a monitorCentres() result");
  return m.centres.flatMap((c) =>
    (c.chart[key] as readonly number[]).map((value: number, i: number) => ({
      centre: c.centre,
      t: i + 1,
      value,
      signalled: c.chart.signals.length > 0,
    }))
  );
}

/**
 * The frame {@link cusumPlot} and {@link vladPlot} share: patient number across, a reference
 * line, one grey line per centre that did not signal and one in colour per centre that did, the
 * marks in `over`, then the labels placed clear of each other and of the points.
 */
function monitoringChart(
  pts: ChartPoint[],
  options: MonitoringPlotOptions,
  o: {
    m: Margins;
    yDomain: [number, number];
    ylabel: string;
    ref: Plot.Markish;
    over?: Plot.Markish[];
    labels: { x: number; y: number; r: number; text: string }[];
  },
): PlotElement {
  const { document, width = 680, height = 300 } = options;
  const { m, yDomain } = o;
  const xDomain: [number, number] = [1, Math.max(2, ...pts.map((p) => p.t))];
  return plotElement({
    document,
    width,
    height,
    ...margins(m),
    x: {
      domain: xDomain,
      label: options.xlabel ?? "Patient (in order of treatment within the centre)",
      labelArrow: "none",
    },
    y: { domain: yDomain, label: o.ylabel, labelArrow: "none", grid: true },
    marks: [
      o.ref,
      Plot.line(pts.filter((p) => !p.signalled), {
        x: "t",
        y: "value",
        z: "centre",
        stroke: "#bbbbbb",
        strokeWidth: 1,
      }),
      Plot.line(pts.filter((p) => p.signalled), {
        x: "t",
        y: "value",
        z: "centre",
        stroke: theme.study,
        strokeWidth: 1.4,
      }),
      ...(o.over ?? []),
      ...labelMarks(
        o.labels,
        linear(xDomain, m.left, width - m.right),
        linear(yDomain, height - m.bottom, m.top),
        { left: m.left, right: width - 2, top: m.top, bottom: height - m.bottom },
      ),
    ],
  });
}

/**
 * Risk-adjusted CUSUM per centre (practice `monitorCentres`): one line per centre against patient
 * number, the control limit h as a horizontal line, centres that signalled in colour and labelled,
 * signals (after which the chart restarts at 0) as dots.
 */
export function cusumPlot(mon: MonitoringPlotInput, options: MonitoringPlotOptions = {}): PlotElement {
  const pts = chartPoints(mon, "S", "cusumPlot");
  const signals = mon.centres.flatMap((c) =>
    c.chart.signals.map((t) => ({ centre: c.centre, t, value: c.chart.S[t - 1] }))
  );
  const yDomain: [number, number] = [
    Math.min(0, ...pts.map((p) => p.value)),
    1.12 * Math.max(mon.threshold.h, ...pts.map((p) => p.value)),
  ];
  return monitoringChart(pts, options, {
    m: { top: 24, right: 30, bottom: 36, left: 44 },
    yDomain,
    ylabel: options.ylabel ??
      `CUSUM (odds of non-response × ${fmt(mon.RA, 2)}); h = ${fmt(mon.threshold.h, 2)}, ARL₀ ${mon.threshold.arl0}`,
    ref: Plot.ruleY([mon.threshold.h], { stroke: flagColours["outside 99.8%"], strokeDasharray: "4,3" }),
    over: [
      Plot.dot(signals, {
        x: "t",
        y: "value",
        r: 4,
        fill: flagColours["outside 99.8%"],
        tip: true,
        title: (d: { centre: string; t: number }) => `${d.centre}: signal at patient ${d.t}`,
      }),
    ],
    labels: signals.map((d) => ({ x: d.t, y: d.value, r: 4, text: d.centre })),
  });
}

/**
 * VLAD per centre: cumulative observed minus expected responders (case-mix-predicted) against
 * patient number; a line drifting down means fewer responders than the case mix predicts. Centres
 * whose CUSUM signalled are in colour.
 */
export function vladPlot(mon: MonitoringPlotInput, options: MonitoringPlotOptions = {}): PlotElement {
  const pts = chartPoints(mon, "vlad", "vladPlot");
  const ends = mon.centres.map((c) => ({
    centre: c.centre,
    t: c.chart.vlad.length,
    value: c.chart.vlad.at(-1) ?? 0,
    signalled: c.chart.signals.length > 0,
  }));
  return monitoringChart(pts, options, {
    m: { top: 24, right: 34, bottom: 36, left: 44 },
    yDomain: padded([0, ...pts.map((p) => p.value)], 0.04),
    ylabel: options.ylabel ?? "Observed − expected responders (cumulative)",
    ref: Plot.ruleY([0], { stroke: theme.refline }),
    // signalled centres are labelled first (a larger keep-clear radius puts them first in line)
    labels: ends.map((d) => ({ x: d.t, y: d.value, r: d.signalled ? 2.5 : 1.5, text: d.centre })),
  });
}
