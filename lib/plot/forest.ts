/**
 * Forest plots of a fitted random- or fixed-effects model (the result of `rma` in
 * `lib/meta/rma.ts`, metafor's vocabulary) with Observable Plot.
 *
 * {@link forestData} is a pure function that computes everything the marks draw (row positions,
 * study intervals yi ± z·sqrt(vi), weights, the pooled diamond, the prediction interval, the x
 * range and the text columns); {@link forestPlot} only hands that data to Plot. As in metafor's
 * `forest.rma`, study intervals use the normal quantile at the model's level whatever the test
 * (z or Knapp-Hartung) of the pooled estimate; the diamond shows the model's own (ci_lb, ci_ub).
 *
 * @example
 * import { forestData, forestPlot } from "./forest.ts";
 * const fit = { yi: [0.5, 1.0], vi: [0.06, 0.03], beta: 0.83, ci_lb: 0.55, ci_ub: 1.11, level: 95 };
 * forestData(fit).rows[0].ci_lb; // 0.5 - 1.959964 * sqrt(0.06)
 * const svg = forestPlot(fit, { favours: ["deterioration", "improvement"] }); // in a notebook
 *
 * A risk-of-bias column (issue 14): `rob` gives each study's overall judgement, drawn as a coloured
 * dot between the label and the plot, with a legend; the colours follow robvis
 * ({@link FOREST_ROB_COLOURS}) unless `robColours` overrides them.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { levelSchema } from "../_schemas.ts";
import { fmt, fmtLevel } from "../format.ts";
import { z } from "zod";
import { qnorm } from "../stats/distributions.ts";
import { fail, parseInput, sameLength } from "../validate.ts";
import { axisBackTransform as backTransform, formatInterval, scalar, theme, type Transform } from "./theme.ts";
import { scalarSchema, transformSchema } from "./_theme.ts";

/** Overall risk-of-bias levels a forest plot can show (RoB 2 / robvis wording). */
export type ForestRobLevel = "Low" | "Some concerns" | "High" | "No information" | "Not assessed";

/** The risk-of-bias levels in legend order. */
export const FOREST_ROB_LEVELS: readonly ForestRobLevel[] = [
  "Low",
  "Some concerns",
  "High",
  "No information",
  "Not assessed",
];

/**
 * Colours of the risk-of-bias dots. They follow robvis (McGuinness & Higgins, 2021: its "cochrane"
 * colour scheme, the same values as `ROB_COLOURS` in `lib/evidence`, repeated here because
 * `lib/plot` does not import engines).
 */
export const FOREST_ROB_COLOURS: Readonly<Record<ForestRobLevel, string>> = {
  "Low": "#02C100",
  "Some concerns": "#E2DF07",
  "High": "#BF0000",
  "No information": "#4EA1F7",
  "Not assessed": "#D0D0D0",
};

/** The fields of a fitted model that a forest plot reads (extra fields are ignored). */
export interface ForestFit {
  /** Effect sizes, one per study. */
  yi: readonly number[];
  /** Sampling variances, one per study. */
  vi: readonly number[];
  /** Pooled estimate (a number, or a one-element coefficient vector). */
  beta: number | readonly number[];
  /** Lower confidence bound. */
  ci_lb: number | readonly number[];
  /** Upper confidence bound. */
  ci_ub: number | readonly number[];
  /** Prediction interval (random-effects models); ignored for FE models (method "FE"). */
  pi_lb?: number | null;
  /** Upper bound of the prediction interval (null when not drawn). */
  pi_ub?: number | null;
  /** Between-study variance, used for the weights when `weights` is absent (default 0). */
  tau2?: number;
  /** Weights in percent; computed as 1/(vi + tau2), normalised to 100, when absent. */
  weights?: readonly number[];
  /** Study labels; "Study 1", "Study 2", ... when absent. */
  slab?: readonly string[];
  /** Confidence level in percent (default 95). */
  level?: number;
  /** Estimator, used in the default summary label ("RE model (REML)"). */
  method?: string;
}

/** Options of {@link forestData} and {@link forestPlot}. */
export interface ForestOptions {
  /** Level (percent) of the study intervals; default the fit's level, else 95. */
  level?: number;
  /** Back-transformation of axis labels and text columns, e.g. "exp" for log ratios. */
  transf?: Transform;
  /** Reference (null) line on the analysis scale; default 0; null for none. */
  refline?: number | null;
  /** Decimals in the text columns (default 2). */
  digits?: number;
  /** Order of the rows: as given (default), by estimate, or by weight (largest first). */
  sort?: "none" | "yi" | "weight";
  /** Label of the pooled row; default "RE model (<method>)" or "FE model". */
  summaryLabel?: string;
  /** Direction labels [left of the reference line, right of it], e.g. ["deterioration", "improvement"]. */
  favours?: readonly [string, string];
  /** Draw the prediction interval under the diamond when the fit has one (default true). */
  showPrediction?: boolean;
  /** x-axis label (default "Estimate"). */
  xlabel?: string;
  /**
   * Stratum of each study (e.g. its design: "SCED", "RCT"): the rows are listed under a heading per
   * stratum, strata in order of first appearance, studies in their order within a stratum.
   */
  group?: readonly string[];
  /** Pooled estimate per stratum, drawn as a smaller diamond under the stratum's studies. */
  groupSummaries?: readonly ForestGroupSummary[];
  /**
   * Overall risk-of-bias judgement of each study (in the fit's order): a coloured dot per row and a
   * legend. Read as a file spells it: case and surrounding spaces are ignored, an empty cell is
   * "Not assessed".
   */
  rob?: readonly ("Low" | "Some concerns" | "High" | "No information" | "Not assessed")[];
  /** Colours per level (default {@link FOREST_ROB_COLOURS}, robvis). */
  robColours?: Partial<Record<"Low" | "Some concerns" | "High" | "No information" | "Not assessed", string>>;
  /** Heading of the risk-of-bias column (default "RoB"). */
  robLabel?: string;
  /** Text of each level in the legend, e.g. Dutch (default the level itself). */
  robLevelLabels?: Partial<Record<"Low" | "Some concerns" | "High" | "No information" | "Not assessed", string>>;
}

/** A stratum's pooled estimate (option `groupSummaries`). */
export interface ForestGroupSummary {
  /** The stratum, as in `group`. */
  group: string;
  /** Pooled estimate of the stratum. */
  beta: number;
  /** Lower confidence bound. */
  ci_lb: number;
  /** Upper confidence bound. */
  ci_ub: number;
  /** Row label (default "<group> (pooled)"). */
  label?: string;
}

/** A stratum of a grouped forest plot: its heading and its pooled row. */
export interface ForestGroup {
  /** The stratum. */
  group: string;
  /** Vertical position of the heading. */
  y: number;
  /** Number of studies. */
  k: number;
  /** The stratum's pooled row, or null when no summary was given. */
  summary: {
    label: string;
    beta: number;
    ci_lb: number;
    ci_ub: number;
    y: number;
    diamond: DiamondPoint[];
    estimate: string;
  } | null;
}

/** One study row of a forest plot. */
export interface ForestRow {
  /** Index of the study in the fit's arrays (0-based). */
  i: number;
  /** Label shown for this row. */
  label: string;
  /** Effect sizes, one per study. */
  yi: number;
  /** Sampling variances, one per study. */
  vi: number;
  /** Standard error (sqrt(vi)). */
  se: number;
  /** Lower confidence bound. */
  ci_lb: number;
  /** Upper confidence bound. */
  ci_ub: number;
  /** Weight in percent. */
  weight: number;
  /** Vertical position (top row has the largest y). */
  y: number;
  /** "est [lb, ub]" on the back-transformed scale. */
  estimate: string;
  /** Weight as text, e.g. "20.1%". */
  weightText: string;
  /** The study's stratum (with the `group` option). */
  group?: string;
  /** The study's risk-of-bias level (with the `rob` option). */
  rob?: "Low" | "Some concerns" | "High" | "No information" | "Not assessed";
  /** Its colour (with the `rob` option). */
  robColour?: string;
}

/** One vertex row of the pooled diamond, drawn as an area between x1 and x2 along y. */
export interface DiamondPoint {
  /** Vertical position. */
  y: number;
  /** Left edge at this height. */
  x1: number;
  /** Right edge at this height. */
  x2: number;
}

/** The pooled row of a forest plot. */
export interface ForestSummary {
  /** Label shown for this row. */
  label: string;
  /** Pooled estimate. */
  beta: number;
  /** Lower confidence bound. */
  ci_lb: number;
  /** Upper confidence bound. */
  ci_ub: number;
  /** Lower bound of the prediction interval (null when not drawn). */
  pi_lb: number | null;
  /** Upper bound of the prediction interval (null when not drawn). */
  pi_ub: number | null;
  /** Vertical position of the diamond's centre. */
  y: number;
  /** Vertical position of the prediction interval (null when not drawn). */
  piY: number | null;
  /** Diamond outline: (beta at top), (ci_lb..ci_ub at centre), (beta at bottom). */
  diamond: DiamondPoint[];
  /** "est [lb, ub]" on the back-transformed scale. */
  estimate: string;
  /** "PI [lb, ub]" on the back-transformed scale, or null. */
  predictionText: string | null;
}

/** Everything a forest plot draws, in plain data. */
export interface ForestData {
  /** Number of studies. */
  k: number;
  /** Confidence level in percent. */
  level: number;
  /** Normal quantile used for the study intervals. */
  z: number;
  /** One row per study, top to bottom. */
  rows: ForestRow[];
  /** The pooled row. */
  summary: ForestSummary;
  /** Reference line on the analysis scale, or null. */
  refline: number | null;
  /** Row of the column headers. */
  headerY: number;
  /** Row of the direction labels (null when no `favours`). */
  favoursY: number | null;
  /** Direction labels, or null. */
  favours: readonly [string, string] | null;
  /** x range covering every interval and the reference line, padded by 4% on each side. */
  xDomain: [number, number];
  /** y range of all rows. */
  yDomain: [number, number];
  /** Decimals in the text columns. */
  digits: number;
  /** Heading of the interval column, e.g. "95% CI". */
  levelText: string;
  /** Strata with their headings and pooled rows (empty without the `group` option). */
  groups: ForestGroup[];
  /** Vertical position of the top line (k without strata). */
  top: number;
  /** The risk-of-bias column, or null without the `rob` option. */
  rob: {
    /** Column heading. */
    label: string;
    /** The levels that occur, in legend order, with their colour and legend text. */
    legend: {
      level: "Low" | "Some concerns" | "High" | "No information" | "Not assessed";
      colour: string;
      text: string;
    }[];
  } | null;
}

const fitSchema = z.looseObject({
  yi: z.array(z.number().finite()).min(1),
  vi: z.array(z.number().finite().nonnegative()).min(1),
  beta: scalarSchema,
  ci_lb: scalarSchema,
  ci_ub: scalarSchema,
  pi_lb: z.number().finite().nullable().optional(),
  pi_ub: z.number().finite().nullable().optional(),
  tau2: z.number().finite().nonnegative().optional(),
  weights: z.array(z.number().finite().nonnegative()).optional(),
  slab: z.array(z.string()).optional(),
  level: levelSchema.optional(),
  method: z.string().optional(),
});

/** A level as a file may spell it: case and surrounding spaces ignored, an empty cell "Not assessed". */
function robLevelOf(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trim().toLowerCase();
  if (t === "") return "Not assessed";
  return FOREST_ROB_LEVELS.find((l) => l.toLowerCase() === t) ?? v;
}

const optionsSchema = z.object({
  level: levelSchema.optional(),
  transf: transformSchema.optional(),
  refline: z.number().finite().nullable().optional(),
  digits: z.number().int().min(0).max(10).optional(),
  sort: z.enum(["none", "yi", "weight"]).optional(),
  summaryLabel: z.string().optional(),
  favours: z.tuple([z.string(), z.string()]).optional(),
  showPrediction: z.boolean().optional(),
  xlabel: z.string().optional(),
  group: z.array(z.string().min(1, { error: "must not be empty (every study needs a stratum)" })).optional(),
  groupSummaries: z.array(z.object({
    group: z.string(),
    beta: z.number().finite(),
    ci_lb: z.number().finite(),
    ci_ub: z.number().finite(),
    label: z.string().optional(),
  })).optional(),
  rob: z.array(z.preprocess(
    robLevelOf,
    z.enum(FOREST_ROB_LEVELS as [ForestRobLevel, ...ForestRobLevel[]], {
      error: `must be one of ${FOREST_ROB_LEVELS.map((l) => `"${l}"`).join(", ")}`,
    }),
  )).optional(),
  robColours: z.partialRecord(
    z.enum(FOREST_ROB_LEVELS as [ForestRobLevel, ...ForestRobLevel[]]),
    z.string().min(1),
  ).optional(),
  robLabel: z.string().optional(),
  robLevelLabels: z.partialRecord(z.enum(FOREST_ROB_LEVELS as [ForestRobLevel, ...ForestRobLevel[]]), z.string())
    .optional(),
});

/** Weights in percent: the fit's own, or 1/(vi + tau2) normalised to sum to 100. */
function percentWeights(vi: readonly number[], tau2: number, given?: readonly number[]): number[] {
  if (given) return [...given];
  const w = vi.map((v) => 1 / (v + tau2));
  if (w.some((x) => !Number.isFinite(x))) {
    fail("forestData", "vi", "must be > 0 when tau2 is 0 and no weights are given (a weight would be infinite)");
  }
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (100 * x) / total);
}

/**
 * Compute the data of a forest plot from a fitted model: one row per study (top to bottom in the
 * order of the fit, or sorted), the pooled diamond, the prediction interval, the reference line
 * and the x range. Pure: no DOM.
 *
 * Layout (y grows upwards): header at k + 1.2, studies at k, k-1, ..., 1, diamond at -1, the
 * prediction interval at -1.8, direction labels at -2.6 (or -1.8 without a prediction interval).
 *
 * @example
 * const d = forestData({ yi: [0.2, 0.6], vi: [0.04, 0.01], beta: 0.52, ci_lb: 0.34, ci_ub: 0.70 });
 * d.rows.map((r) => r.weight); // [20, 80]
 */
export function forestData(fit: ForestFit, options: ForestOptions = {}): ForestData {
  const f = parseInput(fitSchema, fit, "forestData");
  const o = parseInput(optionsSchema, options, "forestData options");
  const k = f.yi.length;
  sameLength("forestData", { yi: f.yi, vi: f.vi, weights: f.weights, slab: f.slab });
  const beta = scalar(f.beta, "beta", "forestData");
  const ciLb = scalar(f.ci_lb, "ci_lb", "forestData");
  const ciUb = scalar(f.ci_ub, "ci_ub", "forestData");
  if (!(ciLb <= beta && beta <= ciUb)) {
    fail("forestData", "beta", `must lie within [ci_lb, ci_ub] = [${ciLb}, ${ciUb}]`, beta);
  }
  const level = o.level ?? f.level ?? 95;
  const z = qnorm(1 - (1 - level / 100) / 2);
  const digits = o.digits ?? 2;
  const t = backTransform(o.transf ?? "none");
  const weights = percentWeights(f.vi, f.tau2 ?? 0, f.weights);
  const refline = o.refline === undefined ? 0 : o.refline;

  const order = [...Array(k).keys()];
  if (o.sort === "yi") order.sort((a, b) => f.yi[a] - f.yi[b] || a - b);
  if (o.sort === "weight") order.sort((a, b) => weights[b] - weights[a] || a - b);

  if (o.group && o.group.length !== k) fail("forestData", "group", `must have ${k} elements (like yi)`, o.group.length);
  if (o.rob && o.rob.length !== k) {
    fail("forestData", "rob", `must have ${k} elements (one per study, like yi)`, o.rob.length);
  }
  const robColour = (l: ForestRobLevel): string => o.robColours?.[l] ?? FOREST_ROB_COLOURS[l];
  // vertical positions: studies top to bottom, or under a heading per stratum
  const yOf = new Map<number, number>();
  const groups: ForestGroup[] = [];
  let top = k;
  if (o.group) {
    const g = o.group;
    const names = [...new Set(g)];
    for (const s of o.groupSummaries ?? []) {
      if (!names.includes(s.group)) {
        fail("forestData", "groupSummaries", `names a stratum not in group (${names.join(", ")})`, s.group);
      }
    }
    const lines = names.reduce((n, name) => {
      const hasSummary = (o.groupSummaries ?? []).some((s) => s.group === name);
      return n + 1 + g.filter((x) => x === name).length + (hasSummary ? 1 : 0);
    }, names.length - 1);
    top = lines;
    let y = lines;
    for (const name of names) {
      const heading = y--;
      const members = order.filter((i) => g[i] === name);
      for (const i of members) yOf.set(i, y--);
      const gs = (o.groupSummaries ?? []).find((s) => s.group === name);
      let summary: ForestGroup["summary"] = null;
      if (gs) {
        const sy = y--;
        const hh = 0.3;
        summary = {
          label: gs.label ?? `${name} (pooled)`,
          beta: gs.beta,
          ci_lb: gs.ci_lb,
          ci_ub: gs.ci_ub,
          y: sy,
          diamond: [{ y: sy - hh, x1: gs.beta, x2: gs.beta }, { y: sy, x1: gs.ci_lb, x2: gs.ci_ub }, {
            y: sy + hh,
            x1: gs.beta,
            x2: gs.beta,
          }],
          estimate: formatInterval(t(gs.beta), t(gs.ci_lb), t(gs.ci_ub), digits),
        };
      }
      groups.push({ group: name, y: heading, k: members.length, summary });
      y--; // a blank line between strata
    }
  } else order.forEach((i, pos) => yOf.set(i, k - pos));
  const rowOrder = o.group ? [...order].sort((a, b) => yOf.get(b)! - yOf.get(a)!) : order;
  const rows: ForestRow[] = rowOrder.map((i) => {
    const se = Math.sqrt(f.vi[i]);
    const lb = f.yi[i] - z * se;
    const ub = f.yi[i] + z * se;
    return {
      i,
      label: f.slab?.[i] ?? `Study ${i + 1}`,
      yi: f.yi[i],
      vi: f.vi[i],
      se,
      ci_lb: lb,
      ci_ub: ub,
      weight: weights[i],
      y: yOf.get(i)!,
      estimate: formatInterval(t(f.yi[i]), t(lb), t(ub), digits),
      weightText: `${fmt(weights[i], 1)}%`,
      ...(o.group ? { group: o.group[i] } : {}),
      ...(o.rob ? { rob: o.rob[i], robColour: robColour(o.rob[i]) } : {}),
    };
  });
  const rob: ForestData["rob"] = o.rob
    ? {
      label: o.robLabel ?? "RoB",
      legend: FOREST_ROB_LEVELS.filter((l) => o.rob!.includes(l)).map((level) => ({
        level,
        colour: robColour(level),
        text: o.robLevelLabels?.[level] ?? level,
      })),
    }
    : null;

  const fixed = f.method === "FE" || f.method === "EE" || f.method === "CE";
  // A fixed-effect model has no prediction interval (metafor reports the CI in its place).
  const hasPI = (o.showPrediction ?? true) && !fixed && f.pi_lb != null && f.pi_ub != null;
  const piLb = hasPI ? f.pi_lb! : null;
  const piUb = hasPI ? f.pi_ub! : null;
  const y = -1;
  const h = 0.4;
  const summary: ForestSummary = {
    label: o.summaryLabel ?? (fixed ? `FE model` : `RE model${f.method ? ` (${f.method})` : ""}`),
    beta,
    ci_lb: ciLb,
    ci_ub: ciUb,
    pi_lb: piLb,
    pi_ub: piUb,
    y,
    piY: hasPI ? -1.8 : null,
    diamond: [{ y: y - h, x1: beta, x2: beta }, { y, x1: ciLb, x2: ciUb }, { y: y + h, x1: beta, x2: beta }],
    estimate: formatInterval(t(beta), t(ciLb), t(ciUb), digits),
    predictionText: hasPI ? `PI [${fmt(t(piLb!), digits)}, ${fmt(t(piUb!), digits)}]` : null,
  };

  const xs = [
    ...rows.flatMap((r) => [r.ci_lb, r.ci_ub]),
    ...groups.flatMap((g) => (g.summary ? [g.summary.ci_lb, g.summary.ci_ub] : [])),
    ciLb,
    ciUb,
  ];
  if (hasPI) xs.push(piLb!, piUb!);
  if (refline !== null) xs.push(refline);
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const pad = 0.04 * (hi - lo);
  const favours = o.favours ?? null;
  const favoursY = favours ? (hasPI ? -2.6 : -1.8) : null;
  const bottom = favoursY ?? summary.piY ?? y - h;
  return {
    k,
    level,
    z,
    rows,
    summary,
    refline,
    headerY: top + 1.2,
    favoursY,
    favours,
    xDomain: [lo - pad, hi + pad],
    yDomain: [bottom - 0.5, top + 1.7],
    digits,
    levelText: fmtLevel(level),
    groups,
    top,
    rob,
  };
}

/** Options of {@link forestPlot}: the data options plus layout. */
export interface ForestPlotOptions extends ForestOptions {
  /** Document to render into (pass a jsdom document outside the browser). */
  document?: Document;
  /** Total width in pixels (default 760). */
  width?: number;
  /** Height of one row in pixels (default 24). */
  rowHeight?: number;
  /**
   * Headings of the text columns, e.g. Dutch (default English: "Study", "Weight" and
   * "Estimate [{level} CI]"). In `estimate`, `{level}` is replaced by the level of the intervals
   * in percent ("95%"), so `"Schatting [{level}-BI]"` reads "Schatting [95%-BI]".
   */
  headings?: ForestHeadings;
}

/** Headings of a forest plot's text columns (option `headings` of {@link forestPlot}). */
export interface ForestHeadings {
  /** Heading of the study labels (default "Study"). */
  study?: string;
  /** Heading of the weights (default "Weight"). */
  weight?: string;
  /** Heading of the estimates and intervals, `{level}` standing for e.g. "95%" (default "Estimate [{level} CI]"). */
  estimate?: string;
}

/**
 * Draw a forest plot with Observable Plot: squares sized by weight with their intervals, the
 * "Weight" and "Estimate [CI]" text columns (headings set by `headings`), the pooled diamond, the prediction interval under
 * it, the reference line and the direction labels. Returns Plot's SVG element.
 *
 * @example
 * display(forestPlot(fit, { favours: ["deterioration", "improvement"], xlabel: "SMC" }));
 */
export function forestPlot(fit: ForestFit, options: ForestPlotOptions = {}): SVGSVGElement | HTMLElement {
  const { document, width = 760, rowHeight = 24, headings = {}, ...dataOptions } = options;
  const d = forestData(fit, dataOptions);
  const levelPct = d.levelText.replace(/ CI$/, ""); // "95%"
  const heading = {
    study: headings.study ?? "Study",
    weight: headings.weight ?? "Weight",
    estimate: (headings.estimate ?? "Estimate [{level} CI]").replaceAll("{level}", levelPct),
  };
  const t = backTransform(dataOptions.transf ?? "none");
  const longest = Math.max(d.summary.label.length, ...d.rows.map((r) => r.label.length), 5);
  const robWidth = d.rob ? 34 : 0; // the risk-of-bias column between the labels and the plot
  const marginLeft = Math.min(260, 12 + longest * 6.5) + robWidth;
  const marginRight = 190;
  const rows = d.rows;
  const s = d.summary;
  const fs = theme.fontSize;
  const header = [{ y: d.headerY }];
  const pooled = [s];
  const marks: Plot.Markish[] = [
    d.refline === null ? null : Plot.ruleX([d.refline], { stroke: theme.refline, strokeDasharray: "4,3" }),
    Plot.ruleX([s.beta], { y1: d.summary.y, y2: d.top + 0.5, stroke: theme.summary, strokeOpacity: 0.35 }),
    Plot.ruleY(rows, { y: "y", x1: "ci_lb", x2: "ci_ub", stroke: theme.study }),
    Plot.dot(rows, { x: "yi", y: "y", r: "weight", symbol: "square", fill: theme.study }),
    Plot.areaX(s.diamond, { y: "y", x1: "x1", x2: "x2", fill: theme.summary, curve: "linear" }),
    s.piY === null ? null : Plot.ruleY(pooled, {
      y: () => s.piY,
      x1: "pi_lb",
      x2: "pi_ub",
      stroke: theme.prediction,
      strokeWidth: 2,
      markerStart: "tick",
      markerEnd: "tick",
    }),
    // Left text column: study labels, left-aligned in the margin.
    Plot.text(rows, {
      y: "y",
      text: "label",
      frameAnchor: "left",
      textAnchor: "start",
      dx: -marginLeft + 4,
      fontSize: fs,
    }),
    Plot.text(pooled, {
      y: "y",
      text: "label",
      frameAnchor: "left",
      textAnchor: "start",
      dx: -marginLeft + 4,
      fontSize: fs,
      fontWeight: "bold",
    }),
    // Right text columns: weight and "est [lb, ub]".
    Plot.text(rows, { y: "y", text: "weightText", frameAnchor: "right", textAnchor: "end", dx: 52, fontSize: fs }),
    Plot.text(rows, { y: "y", text: "estimate", frameAnchor: "right", textAnchor: "end", dx: marginRight - 4 }),
    Plot.text(pooled, {
      y: "y",
      text: "estimate",
      frameAnchor: "right",
      textAnchor: "end",
      dx: marginRight - 4,
      fontSize: fs,
      fontWeight: "bold",
    }),
    s.predictionText === null ? null : Plot.text(pooled, {
      y: () => s.piY,
      text: () => s.predictionText,
      frameAnchor: "right",
      textAnchor: "end",
      dx: marginRight - 4,
      fontSize: fs,
      fill: theme.prediction,
    }),
    Plot.text(header, {
      y: "y",
      text: () => heading.study,
      frameAnchor: "left",
      textAnchor: "start",
      dx: -marginLeft + 4,
      fontWeight: "bold",
      fontSize: fs,
    }),
    Plot.text(header, {
      y: "y",
      text: () => heading.weight,
      frameAnchor: "right",
      textAnchor: "end",
      dx: 52,
      fontWeight: "bold",
      fontSize: fs,
    }),
    Plot.text(header, {
      y: "y",
      text: () => heading.estimate,
      frameAnchor: "right",
      textAnchor: "end",
      dx: marginRight - 4,
      fontWeight: "bold",
      fontSize: fs,
    }),
  ];
  if (d.rob) {
    marks.push(
      Plot.dot(rows, {
        y: "y",
        frameAnchor: "left",
        dx: -robWidth / 2 - 2,
        r: 5.5,
        fill: "rob",
        stroke: "#555",
        strokeWidth: 0.5,
      }),
      Plot.text(header, {
        y: "y",
        text: () => d.rob!.label,
        frameAnchor: "left",
        textAnchor: "middle",
        dx: -robWidth / 2 - 2,
        fontWeight: "bold",
        fontSize: fs,
      }),
    );
  }
  for (const g of d.groups) {
    marks.push(Plot.text([g], {
      y: "y",
      text: "group",
      frameAnchor: "left",
      textAnchor: "start",
      dx: -marginLeft + 4,
      fontSize: fs,
      fontWeight: "bold",
      fontStyle: "italic",
    }));
    if (g.summary) {
      const gs = g.summary;
      marks.push(
        Plot.areaX(gs.diamond, { y: "y", x1: "x1", x2: "x2", fill: theme.summary, fillOpacity: 0.55, curve: "linear" }),
        Plot.text([gs], {
          y: "y",
          text: "label",
          frameAnchor: "left",
          textAnchor: "start",
          dx: -marginLeft + 12,
          fontSize: fs,
        }),
        Plot.text([gs], {
          y: "y",
          text: "estimate",
          frameAnchor: "right",
          textAnchor: "end",
          dx: marginRight - 4,
          fontSize: fs,
        }),
      );
    }
  }
  if (d.favours && d.favoursY !== null) {
    const at = d.refline ?? s.beta;
    marks.push(
      Plot.text([{ x: at, y: d.favoursY }], {
        x: "x",
        y: "y",
        text: () => `← ${d.favours![0]}`,
        textAnchor: "end",
        dx: -6,
        fill: theme.muted,
        fontSize: fs,
      }),
      Plot.text([{ x: at, y: d.favoursY }], {
        x: "x",
        y: "y",
        text: () => `${d.favours![1]} →`,
        textAnchor: "start",
        dx: 6,
        fill: theme.muted,
        fontSize: fs,
      }),
    );
  }
  const transformed = dataOptions.transf !== undefined && dataOptions.transf !== "none";
  return Plot.plot({
    document,
    width,
    height: Math.round((d.yDomain[1] - d.yDomain[0]) * rowHeight) + 40,
    marginLeft,
    marginRight,
    marginTop: 6,
    marginBottom: 36,
    style: { fontSize: `${fs}px` },
    x: {
      domain: d.xDomain,
      label: dataOptions.xlabel ?? "Estimate",
      labelAnchor: "center",
      labelArrow: "none",
      tickFormat: transformed ? (v: number) => fmt(t(v), d.digits) : undefined,
    },
    y: { domain: d.yDomain, axis: null },
    r: { domain: [0, Math.max(...rows.map((r) => r.weight))], range: [0, Math.min(9, rowHeight / 2.6)] },
    ...(d.rob
      ? {
        color: {
          type: "ordinal" as const,
          domain: d.rob.legend.map((l) => l.level),
          range: d.rob.legend.map((l) => l.colour),
          legend: true,
          label: d.rob.label,
          tickFormat: (level: string) => d.rob!.legend.find((l) => l.level === level)?.text ?? level,
        },
      }
      : {}),
    marks,
  });
}
