/**
 * Test statistics for single-case randomisation tests.
 *
 * A statistic is a string naming a built-in statistic or a user function. **Large values are
 * evidence against the null hypothesis**; the direction is therefore part of the name and must be
 * chosen explicitly. For pain and fear-of-movement scores, where improvement is a *decrease*, use
 * `"A-B"` (baseline minus treatment); use {@link statisticFor} to build the name from
 * `improvement: "decrease" | "increase"`.
 *
 * Built-in names (X and Y are phase/condition labels, e.g. A, B, C, D):
 * - `"X-Y"`, `"|X-Y|"`: mean of all X measurements minus mean of all Y measurements (SCRT "A-B").
 * - `"PX-PY"`, `"|PX-PY|"`: mean of the X *phase means* minus mean of the Y phase means (SCRT's
 *   pooled-phase statistic for ABA/ABAB: ((mean A1 + mean A2)/2) − ((mean B1 + mean B2)/2)).
 * - `"medX-medY"`, `"|medX-medY|"`: difference of medians.
 * - `"level:X-Y"`: level change at the phase change: the OLS line of the X phase and the OLS line of
 *   the Y phase, both evaluated at the first measurement of the later phase, X line minus Y line.
 *   Needs X and Y to be single phases (e.g. AB) with >= 2 observed values each.
 * - `"slope:X-Y"`: OLS slope in X minus OLS slope in Y (scan's "Slope B-A" is `"slope:B-A"`).
 * - `"NAP-decrease"` / `"NAP-increase"`: non-overlap of all pairs as a statistic (B vs A):
 *   the share of (A, B) pairs where B is lower (higher), ties counting 1/2.
 * - a function `({values, labels}) => number` computed per case.
 *
 * For a multiple-baseline design the statistic is computed per participant and averaged over
 * participants (as scan's `rand_test` does for "Mean B-A").
 *
 * **Missing measurements** (`null`) keep their place in the series: they count for phase lengths
 * and the `limit`, but a statistic uses only the observed values of each phase. If an assignment
 * leaves a phase with no observed value (or too few for a slope), the statistic is undefined and an
 * error is thrown (never a silent NaN).
 *
 * @example
 * computeStatistic("A-B", [{ values: [5, 6, 2, 1], labels: ["A", "A", "B", "B"] }]); // 4
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import type { Improvement } from "../conventions.ts";
import { scedValue } from "./_schemas.ts";

/** One case's data as the statistic sees it: values (null = missing) and the label of each. */
export interface CaseView {
  /** Values in measurement order; `null` = missing. */
  values: readonly (number | null)[];
  /** Phase or condition label of each value. */
  labels: readonly string[];
}

/** A user-supplied statistic: per case, larger = more evidence of the expected effect. */
export type StatisticFunction = (c: CaseView) => number;

/** A statistic: a built-in name (see the module docs) or a user function. */
export type Statistic = string | StatisticFunction;

/** Internal compiled form. */
export interface CompiledStatistic {
  name: string;
  /** The two labels the statistic compares (undefined for user functions). */
  labels?: [string, string];
  /** Per-case evaluation from values (NaN = missing) and labels. Returns NaN when undefined. */
  evalLabels(values: Float64Array, labels: readonly string[]): number;
  /** Mean-type statistics: evaluation from per-phase sums and counts (phase designs / AB). */
  fromPhaseSums?: (sums: Float64Array, counts: Float64Array, phaseLabels: readonly string[]) => number;
}

/**
 * The statistic name for comparing `baseline` with `treatment` when improvement is a decrease or an
 * increase, e.g. `statisticFor({improvement: "decrease"})` gives `"A-B"`.
 * @example statisticFor({ improvement: "decrease", kind: "phase-mean" }) // "PA-PB"
 */
export function statisticFor(
  options: {
    improvement: Improvement | "either";
    kind?: "mean" | "phase-mean" | "median" | "level" | "slope" | "NAP";
    baseline?: string;
    treatment?: string;
  },
): string {
  const o = parseInput(
    z.object({
      improvement: z.enum(["decrease", "increase", "either"]),
      kind: z.enum(["mean", "phase-mean", "median", "level", "slope", "NAP"]).default("mean"),
      baseline: z.string().regex(/^\w+$/).default("A"),
      treatment: z.string().regex(/^\w+$/).default("B"),
    }),
    options,
    "statisticFor",
  );
  const [x, y] = o.improvement === "increase" ? [o.treatment, o.baseline] : [o.baseline, o.treatment];
  const abs = o.improvement === "either";
  switch (o.kind) {
    case "mean":
      return abs ? `|${x}-${y}|` : `${x}-${y}`;
    case "phase-mean":
      return abs ? `|P${x}-P${y}|` : `P${x}-P${y}`;
    case "median":
      return abs ? `|med${x}-med${y}|` : `med${x}-med${y}`;
    case "level":
    case "slope":
      if (abs) fail("statisticFor", "improvement", `must be decrease or increase for ${o.kind}`, o.improvement);
      return `${o.kind}:${x}-${y}`;
    case "NAP":
      if (abs) fail("statisticFor", "improvement", "must be decrease or increase for NAP", o.improvement);
      if (o.baseline !== "A" || o.treatment !== "B") {
        fail("statisticFor", "baseline", "must be A and treatment B for NAP");
      }
      return `NAP-${o.improvement}`;
  }
}

function meanOf(values: Float64Array, labels: readonly string[], x: string): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    if (labels[i] === x && !Number.isNaN(values[i])) {
      s += values[i];
      c++;
    }
  }
  return c === 0 ? NaN : s / c;
}

function phaseMeanOf(values: Float64Array, labels: readonly string[], x: string): number {
  let total = 0;
  let phases = 0;
  let s = 0;
  let c = 0;
  let inPhase = false;
  for (let i = 0; i <= values.length; i++) {
    const isX = i < values.length && labels[i] === x;
    if (isX) {
      inPhase = true;
      if (!Number.isNaN(values[i])) {
        s += values[i];
        c++;
      }
    } else if (inPhase) {
      if (c === 0) return NaN;
      total += s / c;
      phases++;
      s = 0;
      c = 0;
      inPhase = false;
    }
  }
  return phases === 0 ? NaN : total / phases;
}

function medianOf(values: Float64Array, labels: readonly string[], x: string): number {
  const v: number[] = [];
  for (let i = 0; i < values.length; i++) if (labels[i] === x && !Number.isNaN(values[i])) v.push(values[i]);
  if (v.length === 0) return NaN;
  // An inner-loop kernel (called once per assignment in exact enumerations), not a general median:
  // d3-array's median measured about 2x slower here (it copies into a new typed array per call).
  v.sort((a, b) => a - b);
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/** OLS fit of value on 1-based time within the run labelled x; NaN if x is not one run or < 2 points. */
function lineOf(values: Float64Array, labels: readonly string[], x: string) {
  let first = -1;
  let last = -1;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === x) {
      if (first < 0) first = i;
      else if (last !== i - 1) return null;
      last = i;
    }
  }
  if (first < 0) return null;
  let n = 0, st = 0, sy = 0;
  for (let i = first; i <= last; i++) {
    if (!Number.isNaN(values[i])) {
      n++;
      st += i + 1;
      sy += values[i];
    }
  }
  if (n < 2) return null;
  const mt = st / n, my = sy / n;
  let sxx = 0, sxy = 0;
  for (let i = first; i <= last; i++) {
    if (!Number.isNaN(values[i])) {
      sxx += (i + 1 - mt) ** 2;
      sxy += (i + 1 - mt) * (values[i] - my);
    }
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { first: first + 1, slope, at: (t: number) => my + slope * (t - mt) };
}

function napOf(values: Float64Array, labels: readonly string[], decrease: boolean): number {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    if (labels[i] === "A") a.push(values[i]);
    else if (labels[i] === "B") b.push(values[i]);
  }
  if (a.length === 0 || b.length === 0) return NaN;
  let s = 0;
  for (const x of a) {
    for (const y of b) {
      if (y === x) s += 0.5;
      else if (decrease ? y < x : y > x) s += 1;
    }
  }
  return s / (a.length * b.length);
}

const DIFF = /^(\|?)(P|med)?(\w+?)-(P|med)?(\w+?)(\|?)$/;

/**
 * Compile a statistic (name or function) into its evaluators; throws for an unknown name.
 * @example compileStatistic("PA-PB").name // "PA-PB"
 */
export function compileStatistic(statistic: Statistic): CompiledStatistic {
  if (typeof statistic === "function") {
    const fn = statistic;
    return {
      name: fn.name ? `custom:${fn.name}` : "custom",
      evalLabels(values, labels) {
        const v = fn({ values: Array.from(values, (x) => (Number.isNaN(x) ? null : x)), labels });
        if (typeof v !== "number" || !Number.isFinite(v)) {
          fail("statistic", "custom statistic", "must return a finite number", v);
        }
        return v;
      },
    };
  }
  if (typeof statistic !== "string") fail("statistic", "statistic", "must be a name or a function", statistic);
  const name = statistic.trim();
  const nap = /^NAP-(decrease|increase)$/.exec(name);
  if (nap) {
    const dec = nap[1] === "decrease";
    return { name, labels: ["A", "B"], evalLabels: (v, l) => napOf(v, l, dec) };
  }
  const ls = /^(level|slope):(\w+)-(\w+)$/.exec(name);
  if (ls) {
    const [, kind, x, y] = ls;
    return {
      name,
      labels: [x, y],
      evalLabels(v, l) {
        const fx = lineOf(v, l, x);
        const fy = lineOf(v, l, y);
        if (!fx || !fy) return NaN;
        if (kind === "slope") return fx.slope - fy.slope;
        const t = Math.max(fx.first, fy.first);
        return fx.at(t) - fy.at(t);
      },
    };
  }
  const m = DIFF.exec(name);
  if (!m || m[1] !== m[6] || (m[2] ?? "") !== (m[4] ?? "") || m[3] === m[5]) {
    fail(
      "statistic",
      "statistic",
      'must be one of "X-Y", "|X-Y|", "PX-PY", "|PX-PY|", "medX-medY", "level:X-Y", "slope:X-Y", "NAP-decrease", "NAP-increase" (X, Y phase labels) or a function',
      name,
    );
  }
  const abs = m[1] === "|";
  const kind = m[2] ?? "";
  const x = m[3];
  const y = m[5];
  const post = abs ? Math.abs : (d: number) => d;
  if (kind === "med") {
    return { name, labels: [x, y], evalLabels: (v, l) => post(medianOf(v, l, x) - medianOf(v, l, y)) };
  }
  if (kind === "P") {
    return {
      name,
      labels: [x, y],
      evalLabels: (v, l) => post(phaseMeanOf(v, l, x) - phaseMeanOf(v, l, y)),
      fromPhaseSums(sums, counts, phaseLabels) {
        let tx = 0, nx = 0, ty = 0, ny = 0;
        for (let j = 0; j < phaseLabels.length; j++) {
          if (phaseLabels[j] === x) {
            if (counts[j] === 0) return NaN;
            tx += sums[j] / counts[j];
            nx++;
          } else if (phaseLabels[j] === y) {
            if (counts[j] === 0) return NaN;
            ty += sums[j] / counts[j];
            ny++;
          }
        }
        return post(tx / nx - ty / ny);
      },
    };
  }
  return {
    name,
    labels: [x, y],
    evalLabels: (v, l) => post(meanOf(v, l, x) - meanOf(v, l, y)),
    fromPhaseSums(sums, counts, phaseLabels) {
      let sx = 0, cx = 0, sy = 0, cy = 0;
      for (let j = 0; j < phaseLabels.length; j++) {
        if (phaseLabels[j] === x) {
          sx += sums[j];
          cx += counts[j];
        } else if (phaseLabels[j] === y) {
          sy += sums[j];
          cy += counts[j];
        }
      }
      if (cx === 0 || cy === 0) return NaN;
      return post(sx / cx - sy / cy);
    },
  };
}

/** Convert values with null for missing into a Float64Array with NaN for missing. */
export function toFloat(values: readonly (number | null)[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] === null ? NaN : values[i] as number;
  return out;
}

const caseSchema = z.object({
  values: z.array(scedValue().nullable()).min(1),
  labels: z.array(z.string().min(1)).min(1),
});

/**
 * The statistic of one or more cases (the mean over cases of each case's statistic). Throws when
 * it is undefined (e.g. a phase with no observed value).
 * @example computeStatistic("B-A", [{ values: [1, 2, 5, 6], labels: ["A", "A", "B", "B"] }]) // 4
 */
export function computeStatistic(statistic: Statistic, cases: CaseView[]): number {
  const cs = parseInput(z.array(caseSchema).min(1), cases, "computeStatistic");
  cs.forEach((c, i) => {
    if (c.values.length !== c.labels.length) {
      fail(
        "computeStatistic",
        `cases[${i}].labels`,
        `must have ${c.values.length} elements (like values)`,
        c.labels.length,
      );
    }
  });
  const st = compileStatistic(statistic);
  let total = 0;
  cs.forEach((c, i) => {
    const v = st.evalLabels(toFloat(c.values), c.labels);
    if (Number.isNaN(v)) undefinedStatistic("computeStatistic", st.name, `cases[${i}]`, c.labels);
    total += v;
  });
  return total / cs.length;
}

/** Throw the error for a statistic that cannot be computed for an assignment. */
export function undefinedStatistic(context: string, name: string, where: string, labels: readonly string[]): never {
  fail(
    context,
    where,
    `statistic ${name} is undefined for the assignment ${compress(labels)} (a compared phase has no observed value, ` +
      "or too few for a line; missing values stay in place and are not imputed)",
  );
}

function compress(labels: readonly string[]): string {
  const runs: string[] = [];
  let i = 0;
  while (i < labels.length) {
    let j = i;
    while (j < labels.length && labels[j] === labels[i]) j++;
    runs.push(`${labels[i]}×${j - i}`);
    i = j;
  }
  return runs.join(" ");
}
