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
 * ```ts
 * import { subgroup } from "./subgroup.ts";
 * const sg = subgroup({ yi: [0.1, 0.3, 0.2, 0.9, 1.1, 0.8], vi: [0.02, 0.03, 0.02, 0.04, 0.03, 0.05], group: ["a", "a", "a", "b", "b", "b"], method: "DL" });
 * // with two levels the test of subgroup differences is the squared z of the contrast
 * if (Math.abs(sg.common.QM - (sg.common.beta[1] / sg.common.se[1]) ** 2) > 1e-9) throw new Error("QM");
 * if (sg.levels.join() !== "a,b" || !(sg.common.QMp < 0.05)) throw new Error("levels");
 * ```
 * @module
 */
import { fail, parseInput, ValidationError } from "../validate.ts";
import { normalizeLevel } from "../conventions.ts";
import { pchisq } from "../stats/distributions.ts";
import { rmaFit, type RmaResult, type Tau2Method, type TestType } from "./rma.ts";
import { checkStudies, subgroupSchema, type ZeroViRows, zeroViWarnings } from "./_validate.ts";
import { modelMatrix, rmaX } from "./metareg.ts";

/** Input of {@link subgroup}. */
export interface SubgroupInput {
  /** Effect sizes, one per study. */
  yi: number[];
  /**
   * Sampling variances (>= 0), one per study. As metafor, vi = 0 is accepted with a warning: DL, HS
   * and PM then stop, a model whose τ² is 0 (FE, or a separate fit of a homogeneous subgroup) stops
   * with "Division by zero when computing the inverse variance weights", and otherwise QE, QEp, I²
   * and H² of the models holding that study are null.
   */
  vi: number[];
  /** Subgroup label per study (non-empty; at least 2 different labels). */
  group: string[];
  /** τ² estimator, default "REML". */
  method?: Tau2Method;
  /** "z" (default) or "knha". */
  test?: TestType;
  /** Confidence level in percent (95) or as a proportion (0.95); default 95. */
  level?: number;
  /** Study labels (default "1", "2", ...). */
  slab?: string[];
}

/** The common-τ² model of {@link subgroup} (metafor's `mods = ~ group`). */
export interface SubgroupCommon {
  /** Coefficients of metafor's `rma(yi, vi, mods = ~ group)`: intercept = first level, others = difference from it. */
  colnames: string[];
  /** Coefficients. */
  beta: number[];
  /** Their standard errors. */
  se: number[];
  /** Their test statistics. */
  zval: number[];
  /** Their p-values. */
  pval: number[];
  /** Estimate per level (from `mods = ~ group - 1`). */
  estimate: number[];
  /** Standard error per level. */
  estimate_se: number[];
  /** Lower confidence bound per level. */
  estimate_ci_lb: number[];
  /** Upper confidence bound per level. */
  estimate_ci_ub: number[];
  /** p-value per level. */
  estimate_pval: number[];
  /** The common τ². */
  tau2: number;
  /** Test of subgroup differences (df = levels - 1). */
  QM: number;
  /** Its degrees of freedom [numerator, denominator or null]. */
  QMdf: [number, number | null];
  /** Its p-value. */
  QMp: number;
  /** Residual heterogeneity Q (null, metafor's NA, when some vi = 0). */
  QE: number | null;
  /** Its degrees of freedom. */
  QEdf: number;
  /** Its p-value (null when some vi = 0). */
  QEp: number | null;
}

/** The separate-τ² analysis of {@link subgroup} (RevMan's way). */
export interface SubgroupSeparate {
  /** One random-effects fit per level (in `levels` order). */
  fits: RmaResult[];
  /** Cochran's Q of the subgroup estimates (weights 1/se²). */
  Qbetween: number;
  /** Its degrees of freedom (levels - 1). */
  df: number;
  /** Its p-value. */
  pval: number;
}

/** Result of {@link subgroup}. */
export interface SubgroupResult {
  /** Levels in sorted order (as R's factor()). */
  levels: string[];
  /** Studies per level. */
  k: number[];
  /** Confidence level in percent. */
  level: number;
  /** One model with a common τ² (metafor's way). */
  common: SubgroupCommon;
  /** Separate models per subgroup (RevMan's way). */
  separate: SubgroupSeparate;
  /**
   * What metafor would warn about (vi = 0: "There are outcomes with non-positive sampling
   * variances", "Cannot compute QE-test, ..."), from the common model and the separate fits, each
   * naming the user's rows; empty otherwise.
   */
  warnings: string[];
}

/**
 * Subgroup analysis with per-subgroup estimates and the test of subgroup differences.
 * @example
 * subgroup({ yi: [0.1, 0.3, 0.5, 0.9], vi: [0.1, 0.1, 0.2, 0.2], group: ["a", "a", "b", "b"], method: "DL" }).common.QMp
 */
export function subgroup(input: SubgroupInput): SubgroupResult {
  const d = parseInput(subgroupSchema, input, "subgroup") as SubgroupInput;
  checkStudies("subgroup", d.yi, d.vi, d.slab, true);
  const k = d.yi.length;
  if (d.group.length !== k) fail("subgroup", "group", `must have ${k} elements (like yi)`, d.group.length);
  const empty = d.group.findIndex((g) => g.trim() === "");
  if (empty >= 0) {
    throw new ValidationError("subgroup", [{
      path: "group",
      row: empty + 1,
      rule: "is empty (every study needs a subgroup)",
      received: d.group[empty],
    }]);
  }
  const method = d.method ?? "REML", test = d.test ?? "z";
  const level = normalizeLevel(d.level ?? 95, "subgroup");
  const levels = [...new Set(d.group)].sort();
  if (levels.length < 2) {
    fail("subgroup", "group", `must have at least 2 different levels (found only ${JSON.stringify(levels[0])})`, 1);
  }
  const slab = d.slab ?? d.yi.map((_, i) => String(i + 1));
  const withInt = modelMatrix({ group: d.group }, k, true, "subgroup");
  const noInt = modelMatrix({ group: d.group }, k, false, "subgroup");
  const fitInt = rmaX(d.yi, d.vi, withInt.X, withInt.colnames, method, test, level, slab, true, "subgroup");
  const fitNo = rmaX(d.yi, d.vi, noInt.X, noInt.colnames, method, test, level, slab, false, "subgroup");
  const fits = levels.map((lev) => {
    const idx = d.group.map((g, i) => (g === lev ? i : -1)).filter((i) => i >= 0);
    const vs = idx.map((i) => d.vi[i]);
    // vi = 0: the separate fit is metafor's rma(yi, vi, subset = group == lev), which stops when its
    // τ² is 0 and warns otherwise; the messages name the user's rows, not the subset's
    const rows: ZeroViRows = { label: (j) => idx[j] + 1, fit: `the separate fit of level ${JSON.stringify(lev)}` };
    let f: RmaResult;
    try {
      f = rmaFit(idx.map((i) => d.yi[i]), vs, method, test, level, idx.map((i) => slab[i]), "subgroup");
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      if (e.issues[0]?.path === "vi" && e.issues[0]?.received === 0) {
        zeroViWarnings("subgroup", vs, 0, method, true, rows); // throws, naming the user's rows
      }
      // e.g. a zero Knapp-Hartung scale (identical yi within the level): say which fit refused
      const where = ` (in ${rows.fit}: rows ${idx.map((i) => i + 1).join(", ")})`;
      throw new ValidationError("subgroup", e.issues.map((issue) => ({ ...issue, rule: issue.rule + where })));
    }
    f.warnings = zeroViWarnings("subgroup", vs, f.tau2, method, true, rows);
    return f;
  });
  // Q-between from the separate fits (fixed-effect Q of the subgroup estimates)
  const w = fits.map((f) => 1 / (f.se * f.se));
  const sw = w.reduce((a, b) => a + b, 0);
  const mu = fits.reduce((a, f, j) => a + w[j] * f.beta, 0) / sw;
  const Qb = fits.reduce((a, f, j) => a + w[j] * (f.beta - mu) ** 2, 0);
  return {
    levels,
    k: levels.map((lev) => d.group.filter((g) => g === lev).length),
    level,
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
    separate: { fits, Qbetween: Qb, df: levels.length - 1, pval: pchisq(Qb, levels.length - 1, { lower: false }) },
    warnings: [...new Set([...fitInt.warnings, ...fitNo.warnings, ...fits.flatMap((f) => f.warnings)])],
  };
}
