/**
 * r-sensitivity: pre-post studies rarely report the pre-post correlation r that SMCC, SMCR and MC
 * need, so an analysis rests on an assumed r. This helper recomputes the whole analysis (effect
 * sizes, then the meta-analysis) over a grid of assumed correlations and reports how the pooled
 * estimate, τ², I² (both definitions) and the intervals move. Studies that did report r can keep it
 * (pass `ri` with `null` for the unreported ones).
 *
 * @example
 * ```ts
 * import { rSensitivity } from "./rsensitivity.ts";
 * const data = { m1i: [38.5, 26.8, 0.7, 75.9, 36], m2i: [30.6, 23.5, 0.5, 53.4, 35.6], sd1i: [15, 3.1, 0.1, 14.5, 4.7], ni: [20, 50, 9, 10, 14] };
 * const s = rSensitivity({ measure: "SMCR", data, r: [0.3, 0.5, 0.7], level: 0.95 });
 * if (s.rows.length !== 3 || s.level !== 95 || s.assumed !== 5) throw new Error("grid");
 * if (!(s.range.beta[0] <= s.rows[1].beta && s.rows[1].beta <= s.range.beta[1])) throw new Error("range");
 * ```
 * @module
 */
import { fail, parseInput, ValidationError } from "../validate.ts";
import { normalizeLevel } from "../conventions.ts";
import type { Improvement } from "../conventions.ts";
import { escalc, type EscalcData } from "../effects/escalc.ts";
import { rmaFit, type Tau2Method, type TestType } from "./rma.ts";
import { rSensitivitySchema } from "./_validate.ts";

/** Input of {@link rSensitivity}. */
export interface RSensitivityInput {
  /** The pre-post measure. */
  measure: "MC" | "SMCC" | "SMCR";
  /** escalc columns; `ri` optional, with `null` for studies whose r must be assumed. */
  data: Omit<EscalcData, "ri"> & { ri?: (number | null)[] };
  /** Grid of assumed correlations (default 0.3, 0.5, 0.7). */
  r?: number[];
  /** τ² estimator, default "REML". */
  method?: Tau2Method;
  /** "z" (default) or "knha". */
  test?: TestType;
  /** Confidence level in percent (95) or as a proportion (0.95); default 95. */
  level?: number;
  /** Which direction of the raw score is an improvement (see escalc). */
  improvement?: Improvement;
}

/** One analysis per assumed r. */
export interface RSensitivityRow {
  /** The assumed correlation. */
  r: number;
  /** Number of studies. */
  k: number;
  /** Pooled estimate. */
  beta: number;
  /** Its standard error. */
  se: number;
  /** Lower confidence bound. */
  ci_lb: number;
  /** Upper confidence bound. */
  ci_ub: number;
  /** Lower prediction bound. */
  pi_lb: number;
  /** Upper prediction bound. */
  pi_ub: number;
  /** p-value of the pooled estimate. */
  pval: number;
  /** τ². */
  tau2: number;
  /** Cochran's Q (null, metafor's NA, when some vi = 0). */
  QE: number | null;
  /** Its p-value (null when some vi = 0). */
  QEp: number | null;
  /** metafor's τ²-based I² (%) (null when some vi = 0). */
  I2: number | null;
  /** Higgins' Q-based I² (%) (null when some vi = 0). */
  I2_Q: number | null;
  /** Effect sizes at this r. */
  yi: number[];
  /** Their variances at this r. */
  vi: number[];
}

/** Result of {@link rSensitivity}: rows per r and the [min, max] of the main quantities over the grid. */
export interface RSensitivityResult {
  /** The pre-post measure. */
  measure: "MC" | "SMCC" | "SMCR";
  /** τ² estimator. */
  method: Tau2Method;
  /** Confidence level in percent. */
  level: number;
  /** Number of studies whose r was assumed (the others kept their reported r). */
  assumed: number;
  /** One analysis per assumed r. */
  rows: RSensitivityRow[];
  /** [min, max] over the grid of the pooled estimate, τ² and both I² (I² over the rows where it exists; null if none). */
  range: {
    beta: [number, number];
    tau2: [number, number];
    I2: [number, number] | null;
    I2_Q: [number, number] | null;
  };
}

/**
 * Recompute effect sizes and the meta-analysis for each assumed pre-post correlation.
 * @example
 * rSensitivity({ measure: "SMCR", data: { m1i: [38.5, 26.8], m2i: [30.6, 23.5], sd1i: [15, 3.1], ni: [20, 50] } }).range.beta
 */
export function rSensitivity(input: RSensitivityInput): RSensitivityResult {
  const d = parseInput(rSensitivitySchema, input, "rSensitivity") as RSensitivityInput;
  const grid = d.r ?? [0.3, 0.5, 0.7];
  const method = d.method ?? "REML", test = d.test ?? "z";
  const level = normalizeLevel(d.level ?? 95, "rSensitivity");
  const { ri, ...rest } = d.data;
  for (const [name, col] of Object.entries(rest)) {
    const bad = (col as (number | null)[]).findIndex((v) => v === null);
    if (bad >= 0) {
      throw new ValidationError("rSensitivity", [{
        path: `data.${name}`,
        row: bad + 1,
        rule: "must be a number (only ri may be missing)",
        received: null,
      }]);
    }
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
    const f = rmaFit(es.yi, es.vi, method, test, level, es.yi.map((_, i) => String(i + 1)), "rSensitivity");
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
  const rngOrNull = (key: "beta" | "tau2" | "I2" | "I2_Q"): [number, number] | null => {
    const v = rows.flatMap((x) => x[key] === null ? [] : [x[key]]);
    return v.length ? [Math.min(...v), Math.max(...v)] : null;
  };
  const rng = (key: "beta" | "tau2"): [number, number] => rngOrNull(key) as [number, number];
  return {
    measure: d.measure,
    method,
    level,
    assumed,
    rows,
    range: { beta: rng("beta"), tau2: rng("tau2"), I2: rngOrNull("I2"), I2_Q: rngOrNull("I2_Q") },
  };
}
