/**
 * Observable Plot builders for the seed's evidence tables: a forest-style plot of RCT contrasts with
 * their 95% CIs, responder rates with intervals, Breugelmans 2024 post vs 12 months, the SMC review
 * table by domain (median and range on a symlog axis) and reported vs Q-based I². Each builder
 * takes plain rows (from `lib/evidence` loaders) and an optional `document` (jsdom in tests).
 *
 * @example
 * import { contrastPlot } from "../lib/plot/evidence.ts";
 * display(contrastPlot(ev.estimates.filter((e) => e.statistic === "md" && e.interval === "ci95")));
 * @module
 */
import * as Plot from "@observablehq/plot";
import { z } from "zod";
import { parseInput } from "../validate.ts";
import { theme } from "./theme.ts";

/** Options shared by the builders. */
export interface EvidencePlotOptions {
  width?: number;
  /** A DOM document (e.g. `new JSDOM("").window.document`) when rendering outside a browser. */
  document?: Document;
}

const optsSchema = z.object({ width: z.number().positive().optional(), document: z.any().optional() });

/** A contrast row: label, estimate and 95% CI (and an optional facet group). */
export interface ContrastRow {
  label: string;
  group: string;
  value: number;
  lower: number;
  upper: number;
  flagged?: boolean;
}

const contrastSchema = z.array(z.object({
  label: z.string().min(1),
  group: z.string(),
  value: z.number().finite(),
  lower: z.number().finite(),
  upper: z.number().finite(),
  flagged: z.boolean().optional(),
})).min(1);

/**
 * Forest-style plot of mean differences (or SMDs) with 95% CIs, one row per contrast labelled "group · label";
 * rows flagged by the audit are drawn in red.
 * @example contrastPlot([{ label: "APT vs WLC", group: "RDQ", value: -2.4, lower: -4.14, upper: -0.65 }])
 */
export function contrastPlot(rows: ContrastRow[], options: EvidencePlotOptions = {}): SVGSVGElement | HTMLElement {
  const data = parseInput(contrastSchema, rows, "contrastPlot");
  const o = parseInput(optsSchema, options, "contrastPlot options");
  const rowsY = data.map((d) => ({ ...d, y: d.group ? `${d.group} · ${d.label}` : d.label }));
  const colour = (d: ContrastRow) => (d.flagged ? theme.summary : theme.study);
  return Plot.plot({
    document: o.document,
    width: o.width ?? 860,
    marginLeft: 330,
    height: 50 + data.length * 18,
    x: { label: "difference (95% CI)", grid: true },
    y: { label: null, domain: rowsY.map((d) => d.y) },
    marks: [
      Plot.ruleX([0], { stroke: theme.refline }),
      Plot.ruleY(rowsY, { y: "y", x1: "lower", x2: "upper", stroke: colour, strokeWidth: 2 }),
      Plot.dot(rowsY, { y: "y", x: "value", fill: colour, r: 3.5 }),
    ],
  });
}

/** A responder-rate row: label, rate (0-1) with interval, and an optional series. */
export interface RateRow {
  label: string;
  series: string;
  rate: number;
  lower: number;
  upper: number;
}

const rateSchema = z.array(z.object({
  label: z.string().min(1),
  series: z.string().min(1),
  rate: z.number().min(0).max(1),
  lower: z.number().min(0).max(1),
  upper: z.number().min(0).max(1),
})).min(1);

/**
 * Responder rates (percent) with their intervals, coloured by series (e.g. reported vs implied).
 * @example rateIntervalPlot([{ label: "EXP post", series: "reported", rate: 0.51, lower: 0.36, upper: 0.65 }])
 */
export function rateIntervalPlot(rows: RateRow[], options: EvidencePlotOptions = {}): SVGSVGElement | HTMLElement {
  const data = parseInput(rateSchema, rows, "rateIntervalPlot").map((d) => ({
    ...d,
    pct: 100 * d.rate,
    lo: 100 * d.lower,
    hi: 100 * d.upper,
  }));
  const o = parseInput(optsSchema, options, "rateIntervalPlot options");
  const series = [...new Set(data.map((d) => d.series))];
  return Plot.plot({
    document: o.document,
    width: o.width ?? 720,
    marginLeft: 200,
    height: 50 + data.length * 24,
    x: { label: "responders (%)", domain: [0, 100], grid: true },
    y: { label: null, domain: [...new Set(data.map((d) => d.label))] },
    color: { legend: true, range: [theme.study, theme.summary, "#2e7d32", "#8e6c00"] },
    marks: [
      Plot.ruleX([50], { stroke: theme.refline, strokeDasharray: "3,3" }),
      ...series.flatMap((name, i) => {
        const sub = data.filter((d) => d.series === name);
        const dy = (i - (series.length - 1) / 2) * 7;
        return [
          Plot.ruleY(sub, { y: "label", x1: "lo", x2: "hi", stroke: "series", strokeWidth: 2, dy }),
          Plot.dot(sub, { y: "label", x: "pct", fill: "series", r: 4, dy }),
        ];
      }),
      Plot.text(data, {
        y: "label",
        x: "hi",
        text: (d: { pct: number }) => `${d.pct.toFixed(1)}%`,
        dx: 18,
        fill: theme.muted,
        fontSize: theme.fontSize,
      }),
    ],
  });
}

/** A post vs 12-month row of the Breugelmans table. */
export interface PostFollowRow {
  construct: string;
  timepoint: "post" | "12 months";
  value: number;
}

/**
 * Slope chart of effect sizes (absolute values, so that improvement is up for every construct)
 * from post-treatment to 12 months.
 * @example postFollowupPlot([{ construct: "PDI", timepoint: "post", value: -1.01 }, { construct: "PDI", timepoint: "12 months", value: -0.81 }])
 */
export function postFollowupPlot(rows: PostFollowRow[], options: EvidencePlotOptions & { y?: string } = {}) {
  const data = parseInput(
    z.array(
      z.object({ construct: z.string().min(1), timepoint: z.enum(["post", "12 months"]), value: z.number().finite() }),
    ).min(1),
    rows,
    "postFollowupPlot",
  ).map((d) => ({ ...d, abs: Math.abs(d.value) }));
  const o = parseInput(optsSchema.extend({ y: z.string().optional() }), options, "postFollowupPlot options");
  const last = data.filter((d) => d.timepoint === "12 months");
  return Plot.plot({
    document: o.document,
    width: o.width ?? 560,
    height: 380,
    marginRight: 200,
    x: { domain: ["post", "12 months"], label: null, padding: 0.3 },
    y: {
      label: o.y ?? "|effect size| (improvement)",
      grid: true,
      domain: [0, Math.max(...data.map((d) => d.abs)) * 1.1],
    },
    color: { type: "categorical" },
    marks: [
      Plot.line(data, { x: "timepoint", y: "abs", z: "construct", stroke: "construct", strokeWidth: 2 }),
      Plot.dot(data, { x: "timepoint", y: "abs", fill: "construct", r: 4 }),
      Plot.text(last, {
        x: "timepoint",
        y: "abs",
        text: (d: { construct: string; value: number }) => `${d.construct} (${d.value})`,
        dx: 8,
        textAnchor: "start",
        fontSize: theme.fontSize,
      }),
    ],
  });
}

/** A row of the SMC review table as the plot needs it. */
export interface SmcPlotRow {
  domain: string;
  period: string;
  mdn_smc: number;
  range_lb: number | null;
  range_ub: number | null;
  n_cohorts: number;
}

/**
 * The 4c review table as a plot: per domain and period, the median SMC (dot, size = number of
 * cohorts) and the range (line) on a symlog axis, so ranges up to the thousands stay visible.
 * @example smcRangePlot(ev.smc)
 */
export function smcRangePlot(rows: SmcPlotRow[], options: EvidencePlotOptions = {}) {
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
  const o = parseInput(optsSchema, options, "smcRangePlot options");
  const ranged = data.filter((d) => d.range_lb !== null && d.range_ub !== null);
  const domains = [...new Set(data.map((d) => d.domain))];
  return Plot.plot({
    document: o.document,
    width: o.width ?? 820,
    marginLeft: 170,
    height: 60 + domains.length * 54,
    x: {
      type: "symlog",
      label: "SMC (symlog axis): median (dot) and range (line)",
      grid: true,
      ticks: [-1, 0, 0.5, 1, 2, 5, 10, 100, 1000, 4000],
    },
    y: { domain: domains, label: null },
    color: {
      legend: true,
      domain: ["pre-post", "post-final follow-up", "pre-final follow-up"],
      range: [theme.study, "#8e6c00", theme.summary],
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

/**
 * Reported I² against Higgins' Q-based I² per row; points off the diagonal differ.
 * @example i2Plot([{ label: "HRQoL pre-post", reported: 99.81, higgins: 98.43 }])
 */
export function i2Plot(
  rows: { label: string; reported: number; higgins: number }[],
  options: EvidencePlotOptions = {},
) {
  const data = parseInput(
    z.array(z.object({ label: z.string(), reported: z.number().finite(), higgins: z.number().finite() })).min(1),
    rows,
    "i2Plot",
  );
  const o = parseInput(optsSchema, options, "i2Plot options");
  const lo = Math.min(...data.flatMap((d) => [d.reported, d.higgins]));
  return Plot.plot({
    document: o.document,
    width: o.width ?? 480,
    height: 420,
    x: { label: "I² from Q and df, Higgins (%)", domain: [Math.max(0, lo - 5), 100], grid: true },
    y: { label: "I² reported (%)", domain: [Math.max(0, lo - 5), 100], grid: true },
    marks: [
      Plot.line([[0, 0], [100, 100]], { stroke: theme.refline, strokeDasharray: "4,3" }),
      Plot.dot(data, { x: "higgins", y: "reported", fill: theme.study, r: 4, title: "label", tip: true }),
    ],
  });
}
