/**
 * Plots of the meta engine's diagnostics with Observable Plot: the Baujat plot (`baujat()`), the
 * cumulative meta-analysis (`cumul()`), the bubble plot of a meta-regression on one moderator
 * (`rmaMods()`), and the comparison of naive pooling with a dependent-effects model
 * (`dependentEffects().comparison`). Each `*Data` function is pure and computes what is drawn;
 * each `*Plot` function only hands it to Plot.
 *
 * @example
 * ```ts
 * import { baujatData } from "./meta_diag.ts";
 * const pts = baujatData({ x: [0.5, 3.2], y: [0.1, 1.4], ids: [1, 2] }, { labels: ["Aronson", "Hart"] });
 * if (pts[1].label !== "Hart" || pts[1].x !== 3.2) throw new Error("one labelled point per study");
 * ```
 * @module
 */
import * as Plot from "@observablehq/plot";
import { fmt, fmtCI } from "../format.ts";
import { fail } from "../validate.ts";
import { theme } from "./theme.ts";

/** The Baujat coordinates (metafor's `baujat()`, the meta engine's `BaujatResult`). */
export interface BaujatInput {
  /** Contribution to the overall heterogeneity. */
  x: readonly number[];
  /** Influence on the overall result. */
  y: readonly number[];
  /** 1-based study ids. */
  ids: readonly number[];
}

/** One point of a Baujat plot. */
export interface BaujatPoint {
  /** Contribution to the heterogeneity. */
  x: number;
  /** Influence on the result. */
  y: number;
  /** Study label (the id when no labels are given). */
  label: string;
}

/** Options of the Baujat plot. */
export interface BaujatOptions {
  /** Study labels in data order (default the 1-based ids). */
  labels?: readonly string[];
  /** Width in pixels (default 640). */
  width?: number;
  /** A document to render in (for tests outside the browser). */
  document?: Document;
  /** x-axis label, e.g. Dutch (default "Contribution to overall heterogeneity →"). */
  xlabel?: string;
  /** y-axis label, e.g. Dutch (default "↑ Influence on overall result"). */
  ylabel?: string;
}

function finite(tool: string, field: string, xs: readonly number[]): void {
  xs.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) fail(tool, `${field}[${i}]`, "must be a finite number", v);
  });
}

/** Points of a Baujat plot (labels from `labels`, by the 1-based ids). */
export function baujatData(b: BaujatInput, options: BaujatOptions = {}): BaujatPoint[] {
  const tool = "baujatPlot";
  if (!b || !Array.isArray(b.x) || !Array.isArray(b.y) || b.x.length !== b.y.length) {
    fail(tool, "baujat", "must be the result of baujat() (x and y of equal length)");
  }
  finite(tool, "x", b.x);
  finite(tool, "y", b.y);
  return b.x.map((x, i) => ({ x, y: b.y[i], label: options.labels?.[b.ids[i] - 1] ?? String(b.ids[i]) }));
}

/** Baujat plot: contribution to heterogeneity (x) against influence on the result (y). */
export function baujatPlot(b: BaujatInput, options: BaujatOptions = {}): SVGSVGElement | HTMLElement {
  const pts = baujatData(b, options);
  // Labels are centred above their point; the x scale is inset by half the width of the labels at
  // its ends, so a label never runs into the axis labels or out of the frame.
  const half = (p: BaujatPoint | undefined) => (p ? Math.ceil(p.label.length * 3.4) + 4 : 14);
  const byX = [...pts].sort((a, c) => a.x - c.x);
  return Plot.plot({
    document: options.document,
    width: options.width ?? 640,
    height: 380,
    grid: true,
    x: {
      label: options.xlabel ?? "Contribution to overall heterogeneity →",
      nice: true,
      zero: true,
      insetLeft: Math.max(14, half(byX[0])),
      insetRight: Math.max(14, half(byX[byX.length - 1])),
    },
    y: {
      label: options.ylabel ?? "↑ Influence on overall result",
      nice: true,
      zero: true,
      insetBottom: 14,
      insetTop: 18,
    },
    marks: [
      Plot.dot(pts, { x: "x", y: "y", fill: theme.study, r: 4 }),
      Plot.text(pts, { x: "x", y: "y", text: "label", dy: -9, fontSize: theme.fontSize, fill: theme.muted }),
    ],
  });
}

/** A cumulative meta-analysis (the meta engine's `CumulResult`). */
export interface CumulInput {
  /** 1-based study ids in the cumulative order. */
  order_ids: readonly number[];
  /** Pooled estimate after each step. */
  estimate: readonly number[];
  /** Lower confidence bound after each step. */
  ci_lb: readonly number[];
  /** Upper confidence bound after each step. */
  ci_ub: readonly number[];
}

/** One row (step) of a cumulative forest plot. */
export interface CumulRow {
  /** Step, 1-based (1 = the first study alone). */
  step: number;
  /** "+ <label of the study added>". */
  label: string;
  /** Pooled estimate. */
  estimate: number;
  /** Lower confidence bound. */
  ci_lb: number;
  /** Upper confidence bound. */
  ci_ub: number;
  /** "est [lb, ub]". */
  text: string;
}

/** Options of the cumulative plot. */
export interface CumulOptions {
  /** Study labels in data order (default the 1-based ids). */
  labels?: readonly string[];
  /** Extra text after each label, in data order (e.g. the year). */
  suffix?: readonly (string | number)[];
  /** Reference line (default 0; null for none). */
  refline?: number | null;
  /** x-axis label. */
  xlabel?: string;
  /** Width in pixels (default 700). */
  width?: number;
  /** A document to render in. */
  document?: Document;
}

/** Rows of a cumulative forest plot, one per step. */
export function cumulData(c: CumulInput, options: CumulOptions = {}): CumulRow[] {
  const tool = "cumulPlot";
  if (!c || !Array.isArray(c.estimate) || c.estimate.length !== c.order_ids.length) {
    fail(tool, "cumul", "must be the result of cumul()");
  }
  finite(tool, "estimate", c.estimate);
  return c.order_ids.map((id, s) => {
    const name = options.labels?.[id - 1] ?? String(id);
    const suffix = options.suffix?.[id - 1];
    return {
      step: s + 1,
      label: `+ ${name}${suffix === undefined ? "" : ` (${suffix})`}`,
      estimate: c.estimate[s],
      ci_lb: c.ci_lb[s],
      ci_ub: c.ci_ub[s],
      text: `${fmt(c.estimate[s], 2)} ${fmtCI(c.ci_lb[s], c.ci_ub[s], 2)}`,
    };
  });
}

/** Cumulative forest plot: the pooled estimate and CI as each study is added. */
export function cumulPlot(c: CumulInput, options: CumulOptions = {}): SVGSVGElement | HTMLElement {
  const rows = cumulData(c, options);
  const refline = options.refline === undefined ? 0 : options.refline;
  return Plot.plot({
    document: options.document,
    width: options.width ?? 700,
    height: 40 + rows.length * 22,
    marginLeft: 200,
    marginRight: 140,
    x: { label: options.xlabel ?? "Pooled estimate (cumulative)" },
    y: { domain: rows.map((r) => r.label), label: null },
    marks: [
      refline === null ? null : Plot.ruleX([refline], { stroke: theme.refline, strokeDasharray: "4,3" }),
      Plot.ruleY(rows, { y: "label", x1: "ci_lb", x2: "ci_ub", stroke: theme.study }),
      Plot.dot(rows, { y: "label", x: "estimate", fill: theme.summary, symbol: "diamond", r: 4 }),
      Plot.text(rows, {
        y: "label",
        text: "text",
        frameAnchor: "right",
        textAnchor: "start",
        dx: 10,
        fontSize: theme.fontSize,
      }),
    ],
  });
}

/** The fields of a one-moderator meta-regression (the meta engine's `RmaModsResult`) a bubble plot reads. */
export interface BubbleFit {
  /** Effect sizes. */
  yi: readonly number[];
  /** Sampling variances. */
  vi: readonly number[];
  /** τ² (0 for FE). */
  tau2: number;
  /** The model matrix rows (intercept first). */
  X: readonly (readonly number[])[];
  /** Coefficient names (`intrcpt`, moderator). */
  colnames: readonly string[];
  /** Coefficients. */
  beta: readonly number[];
  /** Study labels. */
  slab?: readonly string[];
}

/** What a bubble plot draws. */
export interface BubbleData {
  /** Studies: moderator value, effect size, weight (percent) and label. */
  points: { x: number; yi: number; weight: number; label: string }[];
  /** The fitted line at the ends of the moderator's range. */
  line: { x: number; y: number }[];
  /** The moderator's name. */
  moderator: string;
}

/** Options of the bubble plot. */
export interface BubbleOptions {
  /** y-axis label. */
  ylabel?: string;
  /** Width in pixels (default 640). */
  width?: number;
  /** A document to render in. */
  document?: Document;
}

/** Points and fitted line of a bubble plot (a model with an intercept and one continuous moderator). */
export function bubbleData(fit: BubbleFit): BubbleData {
  const tool = "bubblePlot";
  if (!fit || !Array.isArray(fit.colnames) || fit.colnames.length !== 2 || fit.colnames[0] !== "intrcpt") {
    fail(tool, "fit", "must be a meta-regression with an intercept and exactly one moderator", fit?.colnames);
  }
  finite(tool, "yi", fit.yi);
  const x = fit.X.map((r) => r[1]);
  finite(tool, "moderator", x);
  const w = fit.vi.map((v) => 1 / (v + fit.tau2));
  const sw = w.reduce((a, b) => a + b, 0);
  const lo = Math.min(...x), hi = Math.max(...x);
  return {
    points: x.map((xi, i) => ({
      x: xi,
      yi: fit.yi[i],
      weight: (100 * w[i]) / sw,
      label: fit.slab?.[i] ?? String(i + 1),
    })),
    line: [lo, hi].map((v) => ({ x: v, y: fit.beta[0] + fit.beta[1] * v })),
    moderator: fit.colnames[1],
  };
}

/** Bubble plot: effect sizes against the moderator, point area ∝ weight, with the fitted line. */
export function bubblePlot(fit: BubbleFit, options: BubbleOptions = {}): SVGSVGElement | HTMLElement {
  const d = bubbleData(fit);
  return Plot.plot({
    document: options.document,
    width: options.width ?? 640,
    height: 380,
    grid: true,
    r: { range: [2, 16] },
    x: { label: `${d.moderator} →` },
    y: { label: options.ylabel ?? "↑ Effect size" },
    marks: [
      Plot.dot(d.points, { x: "x", y: "yi", r: "weight", fill: theme.study, fillOpacity: 0.35, stroke: theme.study }),
      Plot.line(d.line, { x: "x", y: "y", stroke: theme.summary, strokeWidth: 2 }),
    ],
  });
}

/** One row of a dependence comparison (the meta engine's `DependenceRow`). */
export interface DependenceComparisonRow {
  /** Model key. */
  model: string;
  /** Estimate. */
  beta: number;
  /** Lower confidence bound (null if not available). */
  ci_lb: number | null;
  /** Upper confidence bound. */
  ci_ub: number | null;
}

/** Estimates and CIs of naive pooling, the multilevel model, CHE and CHE + CR2, one line each. */
export function dependencePlot(
  rows: readonly DependenceComparisonRow[],
  options: { xlabel?: string; width?: number; document?: Document } = {},
): SVGSVGElement | HTMLElement {
  const tool = "dependencePlot";
  if (!Array.isArray(rows) || rows.length === 0) {
    fail(tool, "rows", "must be the comparison rows of dependentEffects()");
  }
  const data = rows.filter((r) => r.ci_lb !== null && r.ci_ub !== null).map((r) => ({
    ...r,
    text: `${fmt(r.beta, 3)} ${fmtCI(r.ci_lb, r.ci_ub, 3)}`,
  }));
  return Plot.plot({
    document: options.document,
    width: options.width ?? 640,
    height: 50 + data.length * 30,
    marginLeft: 110,
    marginRight: 150,
    x: { label: options.xlabel ?? "Pooled estimate" },
    y: { domain: data.map((r) => r.model), label: null },
    marks: [
      Plot.ruleX([0], { stroke: theme.refline, strokeDasharray: "4,3" }),
      Plot.ruleY(data, { y: "model", x1: "ci_lb", x2: "ci_ub", stroke: theme.study, strokeWidth: 2 }),
      Plot.dot(data, { y: "model", x: "beta", fill: theme.summary, r: 4 }),
      Plot.text(data, {
        y: "model",
        text: "text",
        frameAnchor: "right",
        textAnchor: "start",
        dx: 10,
        fontSize: theme.fontSize,
      }),
    ],
  });
}
