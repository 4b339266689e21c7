/**
 * Construction of the sampling covariance matrix of dependent effect sizes, as metafor's
 * `vcalc()` for its two common cases: a constant within-cluster correlation `rho` (effect sizes
 * of different observations in the same cluster correlate `rho`; the same observation twice
 * correlates 1), and the time-lag variant (`time1`, `phi`: correlation `phi^|t_i - t_j|`).
 * Clusters do not correlate. The result is the k×k matrix for {@link rmaMv}'s `V`, so the
 * correlated-and-hierarchical-effects (CHE) working model is
 * `rmaMv({ yi, V: vcalc({ vi, cluster, obs, rho }), random: { nested: [cluster, obs] } })`.
 *
 * @example
 * ```ts
 * import { vcalc } from "./vcalc.ts";
 * const V = vcalc({ vi: [0.04, 0.09, 0.01], cluster: ["a", "a", "b"], rho: 0.5 });
 * if (Math.abs(V[0][1] - 0.5 * Math.sqrt(0.04 * 0.09)) > 1e-15 || V[0][2] !== 0) throw new Error("vcalc");
 * ```
 * @module
 */
import { fail, ValidationError } from "../validate.ts";
import { rmaMv } from "./rmamv.ts";
import { robust } from "./robust.ts";

/** Input of {@link vcalc}. */
export interface VcalcInput {
  /** Sampling variances (k), each > 0. */
  vi: number[];
  /** Cluster (study) ids, k. */
  cluster: (string | number)[];
  /** Observation ids within clusters (rows with the same cluster and obs are the same observation, correlation 1). Default: every row its own observation. */
  obs?: (string | number)[];
  /** Within-cluster correlation of different observations, in [-1, 1]. */
  rho?: number;
  /** Time points (k) for the time-lag variant. */
  time1?: number[];
  /** Autocorrelation for the time-lag variant: correlation phi^|t_i - t_j|, in [-1, 1]. */
  phi?: number;
}

const TOOL = "vcalc";

function checkIds(field: string, ids: unknown, k: number): (string | number)[] {
  if (!Array.isArray(ids)) fail(TOOL, field, `must be an array of ${k} ids`, ids);
  if (ids.length !== k) fail(TOOL, field, `must have ${k} elements (like vi)`, ids.length);
  ids.forEach((v, i) => {
    if (!((typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v.length > 0))) {
      throw new ValidationError(TOOL, [{
        path: `${field}[${i}]`,
        row: i + 1,
        rule: "must be an id (number or non-empty string)",
        received: v,
      }]);
    }
  });
  return ids as (string | number)[];
}

/**
 * The k×k sampling covariance matrix (rows, in data order) of effect sizes correlated within
 * clusters, as metafor's `vcalc(vi, cluster, obs, rho)` or `vcalc(vi, cluster, time1, phi)`.
 *
 * @example
 * ```ts
 * import { vcalc } from "./vcalc.ts";
 * const V = vcalc({ vi: [0.1, 0.1, 0.1], cluster: [1, 1, 1], time1: [0, 1, 3], phi: 0.5 });
 * if (Math.abs(V[0][2] - 0.1 * 0.125) > 1e-15) throw new Error("phi^3");
 * ```
 */
export function vcalc(input: VcalcInput): number[][] {
  if (input === null || typeof input !== "object") fail(TOOL, "input", "must be an object", input);
  const { vi } = input;
  if (!Array.isArray(vi) || vi.length === 0) fail(TOOL, "vi", "must be a non-empty array of sampling variances", vi);
  vi.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v) || !(v > 0)) {
      throw new ValidationError(TOOL, [{
        path: `vi[${i}]`,
        row: i + 1,
        rule: "must be a finite number > 0",
        received: v,
      }]);
    }
  });
  const k = vi.length;
  const cluster = checkIds("cluster", input.cluster, k);
  const obs = input.obs === undefined ? null : checkIds("obs", input.obs, k);
  const hasRho = input.rho !== undefined, hasPhi = input.phi !== undefined || input.time1 !== undefined;
  if (hasRho === hasPhi) {
    fail(TOOL, "rho", "give either rho (constant correlation) or time1 and phi (time lag), not both or neither");
  }
  let corr: (i: number, j: number) => number;
  if (hasRho) {
    const rho = input.rho!;
    if (typeof rho !== "number" || !(rho >= -1 && rho <= 1)) fail(TOOL, "rho", "must be a correlation in [-1, 1]", rho);
    corr = (i, j) => (obs !== null && String(obs[i]) === String(obs[j]) ? 1 : rho);
  } else {
    const phi = input.phi;
    if (typeof phi !== "number" || !(phi >= -1 && phi <= 1)) {
      fail(TOOL, "phi", "must be an autocorrelation in [-1, 1]", phi);
    }
    const t = input.time1;
    if (!Array.isArray(t) || t.length !== k) fail(TOOL, "time1", `must have ${k} time points (like vi)`, t?.length);
    t.forEach((v, i) => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new ValidationError(TOOL, [{
          path: `time1[${i}]`,
          row: i + 1,
          rule: "must be a finite number",
          received: v,
        }]);
      }
    });
    corr = (i, j) => Math.pow(phi, Math.abs(t[i] - t[j]));
  }
  const V = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    V[i][i] = vi[i];
    for (let j = 0; j < i; j++) {
      if (String(cluster[i]) !== String(cluster[j])) continue;
      const v = corr(i, j) * Math.sqrt(vi[i] * vi[j]);
      V[i][j] = V[j][i] = v;
    }
  }
  return V;
}

/** Input of {@link rhoSensitivity}. */
export interface RhoSensitivityInput {
  /** Effect sizes (k). */
  yi: number[];
  /** Sampling variances (k). */
  vi: number[];
  /** Cluster (study) ids (k). */
  cluster: (string | number)[];
  /** Effect-size ids within clusters (k); default: every row its own. */
  obs?: (string | number)[];
  /** Assumed within-cluster correlations, each in [-1, 1]; default 0, 0.2, 0.4, 0.6, 0.8. */
  rhos?: number[];
  /** Moderators, as rmaMv's `mods`. */
  mods?: number[][] | Record<string, number[] | string[]>;
  /** Include an intercept (default true). */
  intercept?: boolean;
  /** "REML" (default) or "ML". */
  method?: "REML" | "ML";
  /** "z" (default) or "t". */
  test?: "z" | "t";
  /** Confidence level in percent or as a proportion (default 95). */
  level?: number;
  /** Add CR2 cluster-robust results (default true). */
  robust?: boolean;
}

/** One assumed correlation in {@link RhoSensitivityResult}. */
export interface RhoSensitivityRow {
  /** The assumed within-cluster correlation. */
  rho: number;
  /** Model-based coefficients, standard errors, p-values and intervals of the CHE fit. */
  beta: number[];
  /** Model-based standard errors. */
  se: number[];
  /** Model-based p-values. */
  pval: number[];
  /** Model-based confidence bounds. */
  ci_lb: number[];
  /** Model-based confidence bounds. */
  ci_ub: number[];
  /** Variance components (cluster, then effect within cluster). */
  sigma2: number[];
  /** CR2 standard errors (null without robust). */
  robust_se: number[] | null;
  /** CR2 Satterthwaite df. */
  robust_df: number[] | null;
  /** CR2 p-values. */
  robust_pval: (number | null)[] | null;
  /** CR2 confidence bounds. */
  robust_ci_lb: (number | null)[] | null;
  /** CR2 confidence bounds. */
  robust_ci_ub: (number | null)[] | null;
}

/** Result of {@link rhoSensitivity}. */
export interface RhoSensitivityResult {
  /** Coefficient names. */
  coef_names: string[];
  /** One row per assumed correlation. */
  rows: RhoSensitivityRow[];
}

/**
 * Sensitivity of a correlated-and-hierarchical-effects (CHE) analysis to the assumed
 * within-cluster correlation: for each `rho`, V = vcalc(vi, cluster, obs, rho), the model
 * `rmaMv(yi, V, random = ~ 1 | cluster/obs)` and (by default) its CR2 cluster-robust inference —
 * the analogue of the pre–post correlation sensitivity, for dependent effect sizes.
 *
 * @example
 * ```ts
 * import { rhoSensitivity } from "./vcalc.ts";
 * const s = rhoSensitivity({
 *   yi: [0.2, 0.4, 0.1, 0.6, 0.5, 0.3, 0.9, 0.7], vi: [0.02, 0.03, 0.02, 0.04, 0.03, 0.02, 0.05, 0.04],
 *   cluster: [1, 1, 2, 2, 3, 3, 4, 4], rhos: [0.2, 0.8],
 * });
 * if (s.rows.length !== 2 || s.rows[0].robust_df === null) throw new Error("two CHE fits with CR2");
 * ```
 */
export function rhoSensitivity(input: RhoSensitivityInput): RhoSensitivityResult {
  const tool = "rhoSensitivity";
  if (input === null || typeof input !== "object") fail(tool, "input", "must be an object", input);
  const rhos = input.rhos ?? [0, 0.2, 0.4, 0.6, 0.8];
  if (!Array.isArray(rhos) || rhos.length === 0) fail(tool, "rhos", "must be a non-empty array of correlations", rhos);
  rhos.forEach((r, i) => {
    if (typeof r !== "number" || !(r >= -1 && r <= 1)) fail(tool, `rhos[${i}]`, "must be a correlation in [-1, 1]", r);
  });
  const obs = input.obs ?? input.yi.map((_, i) => i + 1);
  let names: string[] = [];
  const rows = rhos.map((rho) => {
    const V = vcalc({ vi: input.vi, cluster: input.cluster, obs, rho });
    const fit = rmaMv({
      yi: input.yi,
      V,
      mods: input.mods,
      intercept: input.intercept,
      random: { nested: [input.cluster, obs] },
      method: input.method,
      test: input.test,
      level: input.level,
    });
    names = fit.coef_names;
    const r = input.robust === false
      ? null
      : robust(fit, { cluster: input.cluster, clubSandwich: true, level: fit.level });
    return {
      rho,
      beta: fit.beta,
      se: fit.se,
      pval: fit.pval,
      ci_lb: fit.ci_lb,
      ci_ub: fit.ci_ub,
      sigma2: fit.sigma2,
      robust_se: r ? r.se : null,
      robust_df: r ? r.df : null,
      robust_pval: r ? r.pval : null,
      robust_ci_lb: r ? r.ci_lb : null,
      robust_ci_ub: r ? r.ci_ub : null,
    };
  });
  return { coef_names: names, rows };
}
