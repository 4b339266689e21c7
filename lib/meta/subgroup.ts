/**
 * Subgroup analysis, two ways, clearly labelled:
 * - `common` (metafor's way, the default of `rma(yi, vi, mods = ~ factor(group))`): one mixed-effects
 *   model with a τ² shared by all subgroups. `beta`/`se` are that model's coefficients as metafor
 *   reports them (intercept = first level, the others = differences from it); `estimate`/`estimate_se`
 *   are the per-subgroup estimates (the model without intercept, `mods = ~ factor(group) - 1`); the
 *   test of subgroup differences (QM, df = levels - 1) and QE/τ² come from the model with intercept.
 * - `separate` (RevMan's way): an independent random-effects model per subgroup (own τ²), and the
 *   test for subgroup differences Q-between = Cochran's Q of the subgroup estimates with weights
 *   1/se² (df = levels - 1).
 *
 * @example
 * const sg = subgroup({ yi, vi, group: ["random", "alternate", "random"], method: "REML" });
 * sg.common.estimate; sg.common.QM; sg.common.QMp; sg.separate.Qbetween;
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { pchisq } from "../stats/distributions.ts";
import { rmaFit, type RmaResult, TAU2_METHODS, type Tau2Method, type TestType } from "./rma.ts";
import { modelMatrix, rmaX } from "./metareg.ts";

/** Input of {@link subgroup}. */
export interface SubgroupInput {
  yi: number[];
  vi: number[];
  /** Subgroup label per study. */
  group: string[];
  method?: Tau2Method;
  test?: TestType;
  level?: number;
}

/** Result of {@link subgroup}. */
export interface SubgroupResult {
  /** Levels in sorted order (as R's factor()). */
  levels: string[];
  /** Studies per level. */
  k: number[];
  common: {
    /** Coefficients of metafor's `rma(yi, vi, mods = ~ group)`: intercept = first level, others = difference from it. */
    colnames: string[];
    beta: number[];
    se: number[];
    zval: number[];
    pval: number[];
    /** Estimate per level (from `mods = ~ group - 1`), with SE, CI and p-value. */
    estimate: number[];
    estimate_se: number[];
    estimate_ci_lb: number[];
    estimate_ci_ub: number[];
    estimate_pval: number[];
    tau2: number;
    QM: number;
    QMdf: [number, number | null];
    QMp: number;
    QE: number;
    QEdf: number;
    QEp: number;
  };
  separate: {
    fits: RmaResult[];
    Qbetween: number;
    df: number;
    p: number;
  };
}

const SCHEMA = z.object({
  yi: z.array(z.number().finite()).min(1, { message: "must have at least 1 element (k = 0: no studies)" }),
  vi: z.array(z.number().finite().positive()),
  group: z.array(z.string().min(1)),
  method: z.enum(TAU2_METHODS as unknown as [Tau2Method, ...Tau2Method[]]).optional(),
  test: z.enum(["z", "knha"]).optional(),
  level: z.number().gt(0).lt(100).optional(),
});

/**
 * Subgroup analysis with per-subgroup estimates and the test of subgroup differences.
 * @example
 * subgroup({ yi: [0.1, 0.3, 0.5, 0.9], vi: [0.1, 0.1, 0.2, 0.2], group: ["a", "a", "b", "b"], method: "DL" }).common.QMp
 */
export function subgroup(input: SubgroupInput): SubgroupResult {
  const d = parseInput(SCHEMA, input, "subgroup") as SubgroupInput;
  const k = d.yi.length;
  if (d.vi.length !== k) fail("subgroup", "vi", `must have ${k} elements (like yi)`, d.vi.length);
  if (d.group.length !== k) fail("subgroup", "group", `must have ${k} elements (like yi)`, d.group.length);
  const method = d.method ?? "REML", test = d.test ?? "z", level = d.level ?? 95;
  const levels = [...new Set(d.group)].sort();
  if (levels.length < 2) fail("subgroup", "group", "must have at least 2 different levels", levels.length);
  const slab = d.yi.map((_, i) => String(i + 1));
  const withInt = modelMatrix({ group: d.group }, k, true, "subgroup");
  const noInt = modelMatrix({ group: d.group }, k, false, "subgroup");
  const fitInt = rmaX(d.yi, d.vi, withInt.X, withInt.colnames, method, test, level, slab, true, "subgroup");
  const fitNo = rmaX(d.yi, d.vi, noInt.X, noInt.colnames, method, test, level, slab, false, "subgroup");
  const fits = levels.map((lev) => {
    const idx = d.group.map((g, i) => (g === lev ? i : -1)).filter((i) => i >= 0);
    return rmaFit(idx.map((i) => d.yi[i]), idx.map((i) => d.vi[i]), method, test, level, idx.map((i) => slab[i]));
  });
  // Q-between from the separate fits (fixed-effect Q of the subgroup estimates)
  const w = fits.map((f) => 1 / (f.se * f.se));
  const sw = w.reduce((a, b) => a + b, 0);
  const mu = fits.reduce((a, f, j) => a + w[j] * f.beta, 0) / sw;
  const Qb = fits.reduce((a, f, j) => a + w[j] * (f.beta - mu) ** 2, 0);
  return {
    levels,
    k: levels.map((lev) => d.group.filter((g) => g === lev).length),
    common: {
      colnames: fitInt.colnames,
      beta: fitInt.beta,
      se: fitInt.se,
      zval: fitInt.zval,
      pval: fitInt.pval,
      estimate: fitNo.beta,
      estimate_se: fitNo.se,
      estimate_ci_lb: fitNo.ci_lb,
      estimate_ci_ub: fitNo.ci_ub,
      estimate_pval: fitNo.pval,
      tau2: fitInt.tau2,
      QM: fitInt.QM,
      QMdf: fitInt.QMdf,
      QMp: fitInt.QMp,
      QE: fitInt.QE,
      QEdf: fitInt.QEdf,
      QEp: fitInt.QEp,
    },
    separate: { fits, Qbetween: Qb, df: levels.length - 1, p: pchisq(Qb, levels.length - 1, { lower: false }) },
  };
}
