/**
 * Observable Plot builders for the seed's evidence tables: a forest-style plot of RCT contrasts with
 * their 95% CIs, responder rates with intervals, Breugelmans 2024 post vs 12 months, the SMC review
 * table by domain (median and range on a symlog axis), direction-of-effect counts, reported vs
 * Q-based I², and the audit's findings per check. Each builder takes plain rows (from `lib/evidence`)
 * and an optional `document` (jsdom in tests). Intervals are `estimate`/`ci_lb`/`ci_ub` as everywhere.
 *
 * @example
 * import { contrastPlot } from "../lib/plot/evidence.ts";
 * import { contrastRows } from "../lib/evidence/mod.ts";
 * display(contrastPlot(contrastRows(ev)));
 * @module
 */
import * as Plot from "@observablehq/plot";
import { z } from "zod";
import { parseInput } from "../validate.ts";
import { fmtPct } from "../format.ts";
import { labelMargin, theme } from "./theme.ts";

/** What the builders return: an SVG, or a figure with a legend. */
export type EvidenceFigure = SVGSVGElement | HTMLElement;

/** Options shared by the builders. */
export interface EvidencePlotOptions {
  /** Width in pixels. */
  width?: number;
  /** A DOM document (e.g. `new JSDOM("").window.document`) when rendering outside a browser. */
  document?: Document;
  /**
   * Translations of the plot's own texts (axis titles, legend entries), keyed by the English text:
   * `{ "findings": "bevindingen", "error": "fout" }`. Texts not listed stay English.
   */
  labels?: Readonly<Record<string, string>>;
}

/** The translator of a builder's own texts. */
function translate(options: EvidencePlotOptions): (text: string) => string {
  const labels = options.labels ?? {};
  return (text: string) => labels[text] ?? text;
}

const optsSchema = z.object({ width: z.number().positive().optional(), document: z.any().optional() });

/** A contrast row: label, estimate and 95% CI (and an optional facet group). */
export interface ContrastRow {
  /** Row label (contrast, time point). */
  label: string;
  /** Group shown before the label (study, instrument); may be empty. */
  group: string;
  /** The estimate. */
  estimate: number;
  /** Lower limit of its CI. */
  ci_lb: number;
  /** Upper limit of its CI. */
  ci_ub: number;
  /** True when the audit flags the row (drawn in red). */
  flagged?: boolean;
}

const contrastSchema = z.array(z.object({
  label: z.string().min(1),
  group: z.string(),
  estimate: z.number().finite(),
  ci_lb: z.number().finite(),
  ci_ub: z.number().finite(),
  flagged: z.boolean().optional(),
})).min(1);

/** Options of {@link contrastPlot}. */
export interface ContrastPlotOptions extends EvidencePlotOptions {
  /** The x-axis label of every panel (default "difference (95% CI)"). */
  xlabel?: string;
  /**
   * The "favours …" labels under a panel (left of 0, right of 0), by panel (`group`); `null` for
   * none. Default: what a difference below and above 0 means for the first-named treatment.
   */
  favours?: (group: string) => readonly [string, string] | null;
  /** Legend texts: an interval as printed, and one the audit flags. */
  legend?: { printed: string; flagged: string };
}

/**
 * Forest-style plot of mean differences (or SMDs) with 95% CIs, **one panel per `group`** (study
 * and instrument: an RDQ 0–24 and a PSC 0–100 never share an axis), each with its own scale,
 * "favours …" labels under it and a legend for the intervals the audit flags (in red).
 * @example contrastPlot([{ label: "APT vs WLC", group: "RDQ", estimate: -2.4, ci_lb: -4.14, ci_ub: -0.65 }])
 */
export function contrastPlot(rows: ContrastRow[], options: ContrastPlotOptions = {}): EvidenceFigure {
  const data = parseInput(contrastSchema, rows, "contrastPlot");
  const { favours, legend, xlabel, labels: _labels, ...rest } = options;
  const L = translate(options);
  const o = parseInput(optsSchema, rest, "contrastPlot options");
  const doc: Document = o.document ?? document;
  const colour = (d: ContrastRow) => (d.flagged ? theme.summary : theme.study);
  const groups = [...new Set(data.map((d) => d.group))];
  const marginLeft = labelMargin(data.map((d) => d.label), 80, 300);
  const width = o.width ?? 720;
  const el = (tag: string, style: string, text?: string) => {
    const n = doc.createElement(tag);
    n.setAttribute("style", style);
    if (text !== undefined) n.textContent = text;
    return n;
  };
  const figure = el("figure", "margin: 0 0 1em; max-width: 100%;");
  figure.className = "contrast-plot";
  const texts = legend ?? { printed: L("interval as printed"), flagged: L("flagged by the audit") };
  const key = el("div", "display: flex; gap: 16px; font: 12px sans-serif; margin-bottom: 4px;");
  for (const [text, c] of [[texts.printed, theme.study], [texts.flagged, theme.summary]] as const) {
    const item = el("span", "display: inline-flex; align-items: center; gap: 5px;");
    item.append(el("span", `display: inline-block; width: 18px; height: 3px; background: ${c};`), text);
    key.append(item);
  }
  figure.append(key);
  for (const group of groups) {
    const sub = data.filter((d) => d.group === group);
    figure.append(el("div", "font: 600 13px sans-serif; margin: 10px 0 0;", group));
    const lo = Math.min(0, ...sub.map((d) => d.ci_lb));
    const hi = Math.max(0, ...sub.map((d) => d.ci_ub));
    const pad = (hi - lo) * 0.05 || 1;
    figure.append(Plot.plot({
      document: o.document,
      width,
      marginLeft,
      marginRight: 20,
      height: 46 + sub.length * 20,
      x: { label: xlabel ?? L("difference (95% CI)"), grid: true, domain: [lo - pad, hi + pad] },
      y: { label: null, domain: sub.map((d) => d.label) },
      marks: [
        Plot.ruleX([0], { stroke: theme.refline }),
        Plot.ruleY(sub, { y: "label", x1: "ci_lb", x2: "ci_ub", stroke: colour, strokeWidth: 2 }),
        Plot.dot(sub, { y: "label", x: "estimate", fill: colour, r: 3.5 }),
      ],
    }) as unknown as Node);
    const f = favours
      ? favours(group)
      : [L("← lower in the first-named treatment"), L("higher in the first-named treatment →")];
    if (f) {
      const row = el(
        "div",
        `display: flex; justify-content: space-between; font: 11px sans-serif; color: ${theme.muted}; ` +
          `margin: -2px 0 0 ${marginLeft}px; width: ${width - marginLeft - 20}px; max-width: 100%;`,
      );
      row.className = "favours";
      row.append(el("span", "", f[0]), el("span", "", f[1]));
      figure.append(row);
    }
  }
  return figure;
}

/** A responder-rate row: label, rate (0-1) with interval, and a series. */
export interface RateRow {
  /** Row label. */
  label: string;
  /** Series (colour), e.g. "reported" or "implied by the ES". */
  series: string;
  /** The rate, a proportion. */
  rate: number;
  /** Lower limit of its interval (equal to rate when there is none). */
  ci_lb: number;
  /** Upper limit of its interval. */
  ci_ub: number;
}

const rateSchema = z.array(z.object({
  label: z.string().min(1),
  series: z.string().min(1),
  rate: z.number().min(0).max(1),
  ci_lb: z.number().min(0).max(1),
  ci_ub: z.number().min(0).max(1),
})).min(1);

/**
 * Responder rates (percent) with their intervals, coloured by series (e.g. reported vs implied).
 * @example rateIntervalPlot([{ label: "EXP post", series: "reported", rate: 0.51, ci_lb: 0.36, ci_ub: 0.65 }])
 */
export function rateIntervalPlot(rows: RateRow[], options: EvidencePlotOptions = {}): EvidenceFigure {
  // Two rows with the same label and series (two definitions of a responder in one study) get
  // their own lines ("label (2)"), so their values never print on top of each other.
  const seen = new Map<string, number>();
  const data = parseInput(rateSchema, rows, "rateIntervalPlot").map((d) => {
    const key = `${d.label}\u0000${d.series}`;
    const k = (seen.get(key) ?? 0) + 1;
    seen.set(key, k);
    return k === 1 ? d : { ...d, label: `${d.label} (${k})` };
  }).map((d) => ({
    ...d,
    pct: 100 * d.rate,
    lo: 100 * d.ci_lb,
    hi: 100 * d.ci_ub,
  }));
  const { labels: _labels, ...rest } = options;
  const o = parseInput(optsSchema, rest, "rateIntervalPlot options");
  const L = translate(options);
  const series = [...new Set(data.map((d) => d.series))];
  const labels = [...new Set(data.map((d) => d.label))];
  // Each series has its own line within a row, 13 px apart, and its value printed on that line
  // right of its interval, so two series' values never share a line ("43.3%46.9%").
  // When every label has one series (one rate per row), the rows need no offsets at all.
  const perLabel = Math.max(...labels.map((l) => new Set(data.filter((d) => d.label === l).map((d) => d.series)).size));
  const step = perLabel > 1 ? 13 : 0;
  const rowHeight = Math.max(24, 13 * perLabel + 8);
  return Plot.plot({
    document: o.document,
    width: o.width ?? 720,
    marginLeft: labelMargin(labels, 80, 380),
    marginRight: 50,
    height: 50 + labels.length * rowHeight,
    x: { label: L("responders (%)"), domain: [0, 100], grid: true },
    y: { label: null, domain: labels },
    color: {
      legend: true,
      domain: series,
      range: [theme.study, theme.summary, "#2e7d32", "#8e6c00"],
      tickFormat: L,
    },
    marks: [
      Plot.ruleX([50], { stroke: theme.refline, strokeDasharray: "3,3" }),
      ...series.flatMap((name, i) => {
        const sub = data.filter((d) => d.series === name);
        const dy = (i - (series.length - 1) / 2) * step;
        return [
          Plot.ruleY(sub, { y: "label", x1: "lo", x2: "hi", stroke: "series", strokeWidth: 2, dy }),
          Plot.dot(sub, { y: "label", x: "pct", fill: "series", r: 4, dy }),
          Plot.text(sub, {
            y: "label",
            x: "hi",
            text: (d: { rate: number }) => fmtPct(d.rate, 1),
            dx: 8,
            dy,
            textAnchor: "start",
            fill: theme.muted,
            fontSize: 10,
          }),
        ];
      }),
    ],
  });
}

/** A post vs 12-month row of the Breugelmans table. */
export interface PostFollowRow {
  /** The construct (instrument). */
  construct: string;
  /** Time point. */
  timepoint: "post" | "12 months";
  /** The printed effect size. */
  value: number;
}

/**
 * Slope chart of effect sizes (absolute values, so that improvement is up for every construct)
 * from post-treatment to 12 months.
 * @example postFollowupPlot([{ construct: "PDI", timepoint: "post", value: -1.01 }, { construct: "PDI", timepoint: "12 months", value: -0.81 }])
 */
export function postFollowupPlot(
  rows: PostFollowRow[],
  options: EvidencePlotOptions & { y?: string } = {},
): EvidenceFigure {
  const data = parseInput(
    z.array(
      z.object({ construct: z.string().min(1), timepoint: z.enum(["post", "12 months"]), value: z.number().finite() }),
    ).min(1),
    rows,
    "postFollowupPlot",
  ).map((d) => ({ ...d, abs: Math.abs(d.value) }));
  const { labels: _labels, ...rest } = options;
  const o = parseInput(optsSchema.extend({ y: z.string().optional() }), rest, "postFollowupPlot options");
  const L = translate(options);
  const height = 380;
  const yMax = Math.max(...data.map((d) => d.abs)) * 1.1;
  // Labels at the 12-month end are spread apart (at least 13 px) and joined to their point by a
  // thin line, so constructs with close effect sizes do not pile up.
  const plotPx = height - 50;
  const gap = (13 * yMax) / plotPx;
  const last = data.filter((d) => d.timepoint === "12 months").sort((a, b) => a.abs - b.abs);
  const ly: number[] = [];
  last.forEach((d, i) => ly.push(i === 0 ? d.abs : Math.max(d.abs, ly[i - 1] + gap)));
  const over = (ly.at(-1) ?? 0) - yMax;
  if (over > 0) {
    for (let i = ly.length - 1; i >= 0; i--) {
      ly[i] = Math.min(ly[i] - over, i < ly.length - 1 ? ly[i + 1] - gap : Infinity);
    }
  }
  const labels = last.map((d, i) => ({ ...d, ly: Math.max(0, ly[i]) }));
  return Plot.plot({
    document: o.document,
    width: o.width ?? 560,
    height,
    marginRight: labelMargin(labels.map((d) => `${d.construct} (${d.value})`), 60, 240) + 16,
    x: { domain: ["post", "12 months"], label: null, padding: 0.3, tickFormat: L },
    y: { label: o.y ?? L("|effect size| (improvement)"), grid: true, domain: [0, yMax] },
    color: { type: "categorical" },
    marks: [
      Plot.line(data, { x: "timepoint", y: "abs", z: "construct", stroke: "construct", strokeWidth: 2 }),
      Plot.dot(data, { x: "timepoint", y: "abs", fill: "construct", r: 4 }),
      Plot.link(labels, {
        x1: "timepoint",
        y1: "abs",
        x2: "timepoint",
        y2: "ly",
        stroke: "#bbb",
        strokeWidth: 0.75,
        dx: 6,
      }),
      Plot.text(labels, {
        x: "timepoint",
        y: "ly",
        text: (d: { construct: string; value: number }) => `${d.construct} (${d.value})`,
        dx: 10,
        textAnchor: "start",
        fontSize: theme.fontSize,
      }),
    ],
  });
}

/** A row of the SMC review table as the plot needs it. */
export interface SmcPlotRow {
  /** Outcome domain. */
  domain: string;
  /** Period. */
  period: string;
  /** Median SMC. */
  mdn_smc: number;
  /** Lower end of the range. */
  range_lb: number | null;
  /** Upper end of the range. */
  range_ub: number | null;
  /** Number of cohorts. */
  n_cohorts: number;
}

/**
 * The 4c review table as a plot: per domain and period, the median SMC (dot, size = number of
 * cohorts) and the range (line) on a symlog axis, so ranges up to the thousands stay visible.
 * @example smcRangePlot(ev.smc)
 */
export function smcRangePlot(rows: SmcPlotRow[], options: EvidencePlotOptions = {}): EvidenceFigure {
  const data = parseInput(
    z.array(
      z.object({
        domain: z.string(),
        period: z.string(),
        mdn_smc: z.number().finite(),
        range_lb: z.number().finite().nullable(),
        range_ub: z.number().finite().nullable(),
        n_cohorts: z.number().int().positive(),
      }).passthrough(),
    ).min(1),
    rows,
    "smcRangePlot",
  );
  const { labels: _labels, ...rest } = options;
  const o = parseInput(optsSchema, rest, "smcRangePlot options");
  const L = translate(options);
  const ranged = data.filter((d) => d.range_lb !== null && d.range_ub !== null);
  const domains = [...new Set(data.map((d) => d.domain))];
  return Plot.plot({
    document: o.document,
    width: o.width ?? 820,
    marginLeft: labelMargin(domains, 80, 240),
    height: 60 + domains.length * 54,
    x: {
      type: "symlog",
      label: L("SMC (symlog axis): median (dot) and range (line)"),
      grid: true,
      ticks: [-1, 0, 0.5, 1, 2, 5, 10, 100, 1000, 4000],
      // Plot's default symlog format rounds 0.5 to "1", printing "1" twice.
      tickFormat: (d: number) => String(d),
    },
    y: { domain: domains, label: null, tickFormat: L },
    color: {
      legend: true,
      domain: ["pre-post", "post-final follow-up", "pre-final follow-up"],
      range: [theme.study, "#8e6c00", theme.summary],
      tickFormat: L,
    },
    r: { range: [2, 8] },
    marks: [
      Plot.ruleX([0], { stroke: theme.refline }),
      ...(["pre-post", "post-final follow-up", "pre-final follow-up"] as const).flatMap((period, k) => {
        const dy = (k - 1) * 9;
        return [
          Plot.ruleY(ranged.filter((d) => d.period === period), {
            y: "domain",
            x1: "range_lb",
            x2: "range_ub",
            stroke: "period",
            strokeOpacity: 0.6,
            dy,
          }),
          Plot.dot(data.filter((d) => d.period === period), {
            y: "domain",
            x: "mdn_smc",
            fill: "period",
            r: "n_cohorts",
            dy,
            title: (d: SmcPlotRow) => `${d.domain}, ${d.period}: median ${d.mdn_smc}, N = ${d.n_cohorts}`,
          }),
        ];
      }),
    ],
  });
}

/** A row of {@link i2Plot}. */
export interface I2PlotRow {
  /** Label (shown on hover). */
  label: string;
  /** I² as printed (%). */
  reported: number;
  /** Higgins' (Q - df) / Q (%). */
  higgins: number;
}

/**
 * Reported I² against Higgins' Q-based I² per row; points off the diagonal differ.
 * @example i2Plot([{ label: "HRQoL pre-post", reported: 99.81, higgins: 98.43 }])
 */
export function i2Plot(
  rows: I2PlotRow[],
  options: EvidencePlotOptions & { xlabel?: string; ylabel?: string } = {},
): EvidenceFigure {
  const data = parseInput(
    z.array(z.object({ label: z.string(), reported: z.number().finite(), higgins: z.number().finite() })).min(1),
    rows,
    "i2Plot",
  );
  const { xlabel, ylabel, ...rest } = options;
  const o = parseInput(optsSchema, rest, "i2Plot options");
  const lo = Math.min(...data.flatMap((d) => [d.reported, d.higgins]));
  return Plot.plot({
    document: o.document,
    width: o.width ?? 480,
    height: 420,
    x: { label: xlabel ?? "I² from Q and df, Higgins (%)", domain: [Math.max(0, lo - 5), 100], grid: true },
    y: { label: ylabel ?? "I² reported (%)", domain: [Math.max(0, lo - 5), 100], grid: true },
    marks: [
      Plot.line([[0, 0], [100, 100]], { stroke: theme.refline, strokeDasharray: "4,3" }),
      Plot.dot(data, { x: "higgins", y: "reported", fill: theme.study, r: 4, title: "label", tip: true }),
    ],
  });
}

/** Direction-of-effect counts of one domain (a row of `smc_direction.csv` will do). */
export interface DirectionPlotRow {
  /** Outcome domain. */
  domain: string;
  /** Cohorts with a favourable effect. */
  n_positive: number;
  /** Cohorts with no effect. */
  n_no_effect: number;
  /** Cohorts with an unfavourable effect. */
  n_adverse: number;
}

/**
 * Stacked bars of the direction-of-effect counts per domain (favourable, no effect, unfavourable).
 * @example directionPlot(ev.directions)
 */
export function directionPlot(rows: DirectionPlotRow[], options: EvidencePlotOptions = {}): EvidenceFigure {
  const data = parseInput(
    z.array(
      z.object({
        domain: z.string().min(1),
        n_positive: z.number().int().nonnegative(),
        n_no_effect: z.number().int().nonnegative(),
        n_adverse: z.number().int().nonnegative(),
      }).passthrough(),
    ).min(1),
    rows,
    "directionPlot",
  );
  const { labels: _labels, ...rest } = options;
  const o = parseInput(optsSchema, rest, "directionPlot options");
  const L = translate(options);
  const kinds = ["+ favourable", "+/− no effect", "− unfavourable"];
  const long = data.flatMap((d) => [
    { domain: d.domain, direction: kinds[0], n: d.n_positive },
    { domain: d.domain, direction: kinds[1], n: d.n_no_effect },
    { domain: d.domain, direction: kinds[2], n: d.n_adverse },
  ]);
  return Plot.plot({
    document: o.document,
    marginLeft: labelMargin(data.map((d) => d.domain), 80, 240),
    width: o.width ?? 760,
    height: 60 + 26 * data.length,
    x: { label: L("cohorts (pre to final follow-up)"), grid: true },
    y: { label: null, tickFormat: L },
    color: { legend: true, domain: kinds, range: ["#2e7d32", "#bbbbbb", theme.summary], tickFormat: L },
    marks: [Plot.barX(long, { y: "domain", x: "n", fill: "direction", sort: { y: "-x" } }), Plot.ruleX([0])],
  });
}

/** A finding as {@link auditCountsPlot} needs it (an audit `Finding` will do). */
export interface FindingPlotRow {
  /** The check that produced it. */
  check: string;
  /** Its severity. */
  severity: "error" | "warning" | "note";
}

/**
 * Number of audit findings per check, stacked by severity (checks without findings in `rows` are
 * kept on the axis when listed in `options.checks`).
 * @example auditCountsPlot(findings, { checks: Object.keys(summary.byCheck) })
 */
export function auditCountsPlot(
  rows: FindingPlotRow[],
  options: EvidencePlotOptions & { checks?: string[] } = {},
): EvidenceFigure {
  const data = parseInput(
    z.array(z.object({ check: z.string().min(1), severity: z.enum(["error", "warning", "note"]) }).passthrough()),
    rows,
    "auditCountsPlot",
  );
  const { labels: _labels, ...rest } = options;
  const o = parseInput(
    optsSchema.extend({ checks: z.array(z.string()).optional() }),
    rest,
    "auditCountsPlot options",
  );
  const L = translate(options);
  const checks = o.checks ?? [...new Set(data.map((d) => d.check))];
  const severities = ["error", "warning", "note"] as const;
  const counts = checks.flatMap((check) =>
    severities.map((severity) => ({
      check,
      severity,
      n: data.filter((f) => f.check === check && f.severity === severity).length,
    }))
  ).filter((d) => d.n > 0);
  return Plot.plot({
    document: o.document,
    marginLeft: labelMargin(checks, 80, 260),
    width: o.width ?? 720,
    height: 60 + 26 * Math.max(1, checks.length),
    x: { label: L("findings"), grid: true },
    y: { label: null, domain: checks },
    color: { legend: true, domain: [...severities], range: [theme.summary, "#d68910", "#7f8c8d"], tickFormat: L },
    marks: [Plot.barX(counts, { y: "check", x: "n", fill: "severity" }), Plot.ruleX([0])],
  });
}
