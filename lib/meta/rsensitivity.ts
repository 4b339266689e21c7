/**
 * r-sensitivity: pre-post studies rarely report the pre-post correlation r that SMCC, SMCR and MC
 * need, so an analysis rests on an assumed r. This helper recomputes the whole analysis (effect
 * sizes, then the meta-analysis) over a grid of assumed correlations and reports how the pooled
 * estimate, τ², I² (both definitions) and the intervals move. Studies that did report r can keep it
 * (pass `ri` with `null` for the unreported ones).
 *
 * @example
 * const s = rSensitivity({ measure: "SMCR", data: { m1i, m2i, sd1i, ni }, r: [0.3, 0.5, 0.7] });
 * s.rows.map((x) => [x.r, x.beta, x.tau2, x.I2]); s.range.beta;
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { escalc, type EscalcData, type EscalcOptions } from "../effects/escalc.ts";
import { rmaFit, TAU2_METHODS, type Tau2Method, type TestType } from "./rma.ts";

/** Input of {@link rSensitivity}. */
export interface RSensitivityInput {
  measure: "MC" | "SMCC" | "SMCR";
  /** escalc columns; `ri` optional, with `null` for studies whose r must be assumed. */
  data: Omit<EscalcData, "ri"> & { ri?: (number | null)[] };
  /** Grid of assumed correlations (default 0.3, 0.5, 0.7). */
  r?: number[];
  method?: Tau2Method;
  test?: TestType;
  level?: number;
  improvement?: EscalcOptions["improvement"];
}

/** One analysis per assumed r. */
export interface RSensitivityRow {
  r: number;
  k: number;
  beta: number;
  se: number;
  ci_lb: number;
  ci_ub: number;
  pi_lb: number;
  pi_ub: number;
  pval: number;
  tau2: number;
  QE: number;
  QEp: number;
  /** metafor's τ²-based I² and Higgins' Q-based I². */
  I2: number;
  I2_Q: number;
  yi: number[];
  vi: number[];
}

/** Result of {@link rSensitivity}: rows per r and the [min, max] of the main quantities over the grid. */
export interface RSensitivityResult {
  measure: "MC" | "SMCC" | "SMCR";
  method: Tau2Method;
  /** Number of studies whose r was assumed (the others kept their reported r). */
  assumed: number;
  rows: RSensitivityRow[];
  range: { beta: [number, number]; tau2: [number, number]; I2: [number, number]; I2_Q: [number, number] };
}

const SCHEMA = z.object({
  measure: z.enum(["MC", "SMCC", "SMCR"]),
  data: z.record(z.string(), z.array(z.number().finite().nullable())),
  r: z.array(z.number().min(-1).max(1)).min(1).optional(),
  method: z.enum(TAU2_METHODS as unknown as [Tau2Method, ...Tau2Method[]]).optional(),
  test: z.enum(["z", "knha"]).optional(),
  level: z.number().gt(0).lt(100).optional(),
  improvement: z.enum(["increase", "decrease"]).optional(),
});

/**
 * Recompute effect sizes and the meta-analysis for each assumed pre-post correlation.
 * @example
 * rSensitivity({ measure: "SMCR", data: { m1i: [38.5, 26.8], m2i: [30.6, 23.5], sd1i: [15, 3.1], ni: [20, 50] } }).range.beta
 */
export function rSensitivity(input: RSensitivityInput): RSensitivityResult {
  const d = parseInput(SCHEMA, input, "rSensitivity") as RSensitivityInput;
  const grid = d.r ?? [0.3, 0.5, 0.7];
  const method = d.method ?? "REML", test = d.test ?? "z", level = d.level ?? 95;
  const { ri, ...rest } = d.data;
  for (const [name, col] of Object.entries(rest)) {
    const bad = (col as (number | null)[]).findIndex((v) => v === null);
    if (bad >= 0) fail("rSensitivity", `data.${name}[${bad}]`, "must be a number (only ri may be missing)", null);
  }
  const base = rest as EscalcData;
  const firstCol = Object.values(base).find((c) => Array.isArray(c));
  const k = firstCol ? firstCol.length : 0;
  if (ri && ri.length !== k) {
    fail("rSensitivity", "data.ri", `must have ${k} elements (like the other columns)`, ri.length);
  }
  const assumed = ri ? ri.filter((v) => v === null).length : k;
  const rows: RSensitivityRow[] = grid.map((r) => {
    const riFull = ri ? ri.map((v) => (v === null ? r : v)) : new Array(k).fill(r);
    const es = escalc(d.measure, { ...base, ri: riFull }, { improvement: d.improvement });
    const f = rmaFit(es.yi, es.vi, method, test, level, es.yi.map((_, i) => String(i + 1)));
    return {
      r,
      k: f.k,
      beta: f.beta,
      se: f.se,
      ci_lb: f.ci_lb,
      ci_ub: f.ci_ub,
      pi_lb: f.pi_lb,
      pi_ub: f.pi_ub,
      pval: f.pval,
      tau2: f.tau2,
      QE: f.QE,
      QEp: f.QEp,
      I2: f.I2,
      I2_Q: f.I2_Q,
      yi: es.yi,
      vi: es.vi,
    };
  });
  const rng = (key: "beta" | "tau2" | "I2" | "I2_Q"): [number, number] => {
    const v = rows.map((x) => x[key]);
    return [Math.min(...v), Math.max(...v)];
  };
  return {
    measure: d.measure,
    method,
    assumed,
    rows,
    range: { beta: rng("beta"), tau2: rng("tau2"), I2: rng("I2"), I2_Q: rng("I2_Q") },
  };
}
