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
