/**
 * Funnel plots of a fitted model (the result of `rma` in `lib/meta/rma.ts`) with Observable Plot:
 * estimates yi against their standard errors sqrt(vi) on an inverted y axis (precise studies at
 * the top), with pseudo-confidence regions beta ± z·SE at 90/95/99% around the pooled estimate
 * (as metafor's `funnel.rma`: the regions use the sampling SE only) and, optionally, the studies
 * that trim-and-fill imputed, drawn as hollow points.
 *
 * {@link funnelData} is pure and computes the points, the contour coordinates and the ranges;
 * {@link funnelPlot} only hands them to Plot.
 *
 * @example
 * import { funnelData, funnelPlot } from "./funnel.ts";
 * const fit = { yi: [0.5, 1.0, 1.8], vi: [0.06, 0.03, 0.23], beta: 0.86 };
 * funnelData(fit).contours[1].lines[1]; // { se: 1.05 * sqrt(0.23), lb: 0.86 - 1.96 * se, ub: 0.86 + 1.96 * se }
 * display(funnelPlot(fit, { filled: { yi: [-0.1], vi: [0.2] } }));
 * @module
 */
import * as Plot from "@observablehq/plot";
import { levelSchema } from "../_schemas.ts";
import { fmt } from "../format.ts";
import { z } from "zod";
import { qnorm } from "../stats/distributions.ts";
import { fail, parseInput, sameLength } from "../validate.ts";
import { axisBackTransform as backTransform, scalar, theme, type Transform } from "./theme.ts";
import { scalarSchema, transformSchema } from "./_theme.ts";

/** The fields of a fitted model that a funnel plot reads (extra fields are ignored). */
export interface FunnelFit {
  /** Effect sizes, one per study. */
  yi: readonly number[];
  /** Sampling variances, one per study. */
  vi: readonly number[];
  /** Pooled estimate, the centre of the pseudo-confidence regions. */
  beta: number | readonly number[];
  /** Study labels. */
  slab?: readonly string[];
}

/** Options of {@link funnelData} and {@link funnelPlot}. */
export interface FunnelOptions {
  /** Levels (percent) of the pseudo-confidence regions (default [90, 95, 99]). */
  levels?: readonly number[];
  /** Centre of the regions (default the fit's beta; e.g. 0 for contour-enhanced funnels). */
  center?: number;
  /** Studies imputed by trim-and-fill (their yi and vi), drawn hollow. */
  filled?: { yi: readonly number[]; vi: readonly number[] };
  /** Pooled estimate after trim-and-fill, drawn as a dashed line. */
  adjusted?: number | null;
  /** Reference (null) line on the analysis scale; default null (none). */
  refline?: number | null;
  /** Back-transformation of the x-axis labels. */
  transf?: Transform;
  /** x-axis label (default "Estimate"). */
  xlabel?: string;
  /** y-axis label, e.g. Dutch (default "Standard error"). */
  ylabel?: string;
}

/** One point of a funnel plot. */
export interface FunnelPoint {
  /** Index in the fit's arrays (or in `filled`), 0-based. */
  i: number;
  /** Label shown for this row. */
  label: string;
  /** Effect sizes, one per study. */
  yi: number;
  /** Standard error (sqrt(vi)). */
  se: number;
  /** true for a study imputed by trim-and-fill. */
  filled: boolean;
}

/** The boundary of one pseudo-confidence region: beta ± z·se at se = 0 and se = seMax. */
export interface FunnelContour {
  /** Confidence level in percent. */
  level: number;
  /** Normal quantile of the level. */
  z: number;
  /** Two vertices (straight lines): at se = 0 and at se = seMax. */
  lines: { se: number; lb: number; ub: number }[];
}

/** Everything a funnel plot draws, in plain data. */
export interface FunnelData {
  /** Centre of the regions. */
  center: number;
  /** The observed studies. */
  points: FunnelPoint[];
  /** Studies imputed by trim-and-fill. */
  filled: FunnelPoint[];
  /** Regions from the widest (highest level) to the narrowest, the order in which they are drawn. */
  contours: FunnelContour[];
  /** Bottom of the y axis: 1.05 × the largest SE. */
  seMax: number;
  /** x range covering every point and region, padded by 3% on each side. */
  xDomain: [number, number];
  /** Reference line on the analysis scale, or null. */
  refline: number | null;
  /** Estimate after trim-and-fill (dashed line), or null. */
  adjusted: number | null;
}

const fitSchema = z.looseObject({
  yi: z.array(z.number().finite()).min(1),
  vi: z.array(z.number().finite().nonnegative()).min(1),
  beta: scalarSchema,
  slab: z.array(z.string()).optional(),
});

const optionsSchema = z.object({
  levels: z.array(levelSchema).min(1).max(4).optional(),
  center: z.number().finite().optional(),
  filled: z.object({
    yi: z.array(z.number().finite()),
    vi: z.array(z.number().finite().nonnegative()),
  }).optional(),
  adjusted: z.number().finite().nullable().optional(),
  refline: z.number().finite().nullable().optional(),
  transf: transformSchema.optional(),
  xlabel: z.string().optional(),
  ylabel: z.string().optional(),
});

/**
 * Compute the data of a funnel plot: points (yi, se), trim-and-fill points, and the boundaries of
 * the pseudo-confidence regions center ± z·se for se from 0 to seMax. Pure: no DOM.
 *
 * @example
 * const d = funnelData({ yi: [0.1, 0.5], vi: [0.04, 0.01], beta: 0.42 }, { levels: [95] });
 * d.contours[0].lines[1].ub; // 0.42 + 1.959964 * 0.21
 */
export function funnelData(fit: FunnelFit, options: FunnelOptions = {}): FunnelData {
  const f = parseInput(fitSchema, fit, "funnelData");
  const o = parseInput(optionsSchema, options, "funnelData options");
  sameLength("funnelData", { yi: f.yi, vi: f.vi, slab: f.slab });
  if (o.filled) sameLength("funnelData", { "filled.yi": o.filled.yi, "filled.vi": o.filled.vi });
  const center = o.center ?? scalar(f.beta, "beta", "funnelData");
  const points: FunnelPoint[] = f.yi.map((yi, i) => ({
    i,
    label: f.slab?.[i] ?? `Study ${i + 1}`,
    yi,
    se: Math.sqrt(f.vi[i]),
    filled: false,
  }));
  const filled: FunnelPoint[] = (o.filled?.yi ?? []).map((yi, i) => ({
    i,
    label: `Filled ${i + 1}`,
    yi,
    se: Math.sqrt(o.filled!.vi[i]),
    filled: true,
  }));
  const largest = Math.max(...points.map((p) => p.se), ...filled.map((p) => p.se));
  if (!(largest > 0)) fail("funnelData", "vi", "must have at least one value > 0 (every SE is 0)");
  const seMax = 1.05 * largest;
  const levels = [...(o.levels ?? [90, 95, 99])].sort((a, b) => b - a);
  const contours: FunnelContour[] = levels.map((level) => {
    const z = qnorm(1 - (1 - level / 100) / 2);
    return {
      level,
      z,
      lines: [0, seMax].map((se) => ({ se, lb: center - z * se, ub: center + z * se })),
    };
  });
  const refline = o.refline ?? null;
  const adjusted = o.adjusted ?? null;
  const widest = contours[0].lines[1];
  const xs = [widest.lb, widest.ub, ...points.map((p) => p.yi), ...filled.map((p) => p.yi)];
  if (refline !== null) xs.push(refline);
  if (adjusted !== null) xs.push(adjusted);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = 0.03 * (hi - lo);
  return { center, points, filled, contours, seMax, xDomain: [lo - pad, hi + pad], refline, adjusted };
}

/** Options of {@link funnelPlot}: the data options plus layout. */
export interface FunnelPlotOptions extends FunnelOptions {
  /** Document to render into (pass a jsdom document outside the browser). */
  document?: Document;
  /** Width in pixels (default 640). */
  width?: number;
  /** Height in pixels (default 420). */
  height?: number;
}

/**
 * Draw a funnel plot with Observable Plot: shaded pseudo-confidence regions (widest first), their
 * outlines, a line at the pooled estimate, studies as filled dots and trim-and-fill studies as
 * hollow dots, SE on an inverted y axis. Returns Plot's SVG element (a figure with a legend).
 *
 * @example
 * const res = analyseStudies(csvText, { measure: "SMCR", bias: true }); // lib/meta/mod.ts
 * display(funnelPlot(res.model, { xlabel: "SMCR", filled: res.trimfill?.filled, adjusted: res.trimfill?.beta }));
 */
export function funnelPlot(fit: FunnelFit, options: FunnelPlotOptions = {}): SVGSVGElement | HTMLElement {
  const { document, width = 640, height = 420, ...dataOptions } = options;
  const d = funnelData(fit, dataOptions);
  const t = backTransform(dataOptions.transf ?? "none");
  const transformed = dataOptions.transf !== undefined && dataOptions.transf !== "none";
  const n = d.contours.length;
  const regionMarks = d.contours.flatMap((c, j) => [
    Plot.areaX(c.lines, {
      y: "se",
      x1: "lb",
      x2: "ub",
      fill: theme.contours[Math.min(n - 1 - j, theme.contours.length - 1)],
      fillOpacity: 0.55,
    }),
    Plot.line(c.lines, { x: "lb", y: "se", stroke: theme.muted, strokeWidth: 0.6, strokeDasharray: "3,2" }),
    Plot.line(c.lines, { x: "ub", y: "se", stroke: theme.muted, strokeWidth: 0.6, strokeDasharray: "3,2" }),
    Plot.text([c.lines[1]], {
      x: "ub",
      y: "se",
      text: () => `${fmt(c.level, c.level % 1 === 0 ? 0 : 1)}%`,
      dy: -6,
      textAnchor: "start",
      dx: 2,
      fill: theme.muted,
    }),
  ]);
  return Plot.plot({
    document,
    width,
    height,
    marginRight: 36,
    x: {
      domain: d.xDomain,
      label: dataOptions.xlabel ?? "Estimate",
      labelAnchor: "center",
      labelArrow: "none",
      tickFormat: transformed ? (v: number) => fmt(t(v), 2) : undefined,
    },
    y: { domain: [0, d.seMax], reverse: true, label: dataOptions.ylabel ?? "Standard error", labelArrow: "none" },
    marks: [
      ...regionMarks,
      d.refline === null ? null : Plot.ruleX([d.refline], { stroke: theme.refline, strokeDasharray: "4,3" }),
      Plot.ruleX([d.center], { stroke: theme.summary }),
      d.adjusted === null ? null : Plot.ruleX([d.adjusted], { stroke: theme.summary, strokeDasharray: "6,3" }),
      Plot.dot(d.points, { x: "yi", y: "se", r: 4, fill: theme.study, stroke: "white", tip: true, title: "label" }),
      Plot.dot(d.filled, { x: "yi", y: "se", r: 4, fill: "white", stroke: theme.study, strokeWidth: 1.5 }),
    ],
  });
}
