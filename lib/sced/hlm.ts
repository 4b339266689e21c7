/**
 * Hierarchical linear model for single-case data, estimated as `nlme::lme` does: fixed effects
 * (e.g. intercept, phase, trends), random case effects (an intercept, optionally random trends,
 * with an unstructured covariance), within-case AR(1) or MA(1) errors on the session number
 * (correlation φ^|t_i − t_j| — so gaps in the sessions of a multiple-probe design are handled as
 * nlme's `corARMA` does), optionally a separate level-1 variance per phase (`varIdent(~ 1 | phase)`),
 * by REML (default) or ML.
 *
 * The variance components are estimated by Fisher scoring on their natural parameterisation
 * (random-effect variances and covariances, φ, σ²) with step halving; the expected information at
 * the optimum is the one lmeInfo uses (`varcomp_vcov(type = "expected")`) for the degrees of
 * freedom of the design-comparable effect size ({@link fitScedHlm} returns its inverse as
 * `info_inv`). Log-likelihoods carry nlme's constants, so `logLik` is comparable with R's.
 *
 * @example
 * ```ts
 * import { fitScedHlm } from "./hlm.ts";
 * // two cases, AB design, AR(1) errors
 * const y = [3, 4, 3, 5, 9, 10, 9, 11, 2, 3, 2, 3, 4, 8, 9, 8, 4, 5, 4, 6, 5, 9, 11, 10];
 * const caseId = y.map((_, i) => ["a", "b", "c"][Math.floor(i / 8)]);
 * const time = y.map((_, i) => (i % 8) + 1);
 * const trt = y.map((_, i) => ((i % 8) >= (i < 8 ? 4 : i < 16 ? 5 : 5) ? 1 : 0));
 * const fit = fitScedHlm(
 *   { case: caseId, time, outcome: y, fixed: [{ name: "trt", values: trt }] },
 *   { correlation: "AR1" },
 * );
 * if (!fit.converged || !(fit.fixed.est[1] > 4)) throw new Error("phase effect");
 * ```
 * @module
 */
import { inverse, Matrix } from "ml-matrix";
import { fail, ValidationError } from "../validate.ts";
import { fisherScoring, gPairs, type HlmCase, type HlmStructure, nTheta, solveSpd } from "./_hlm.ts";

const TOOL = "sced-hlm";

/** A named numeric column of a design matrix (one value per observation). */
export interface ScedHlmColumn {
  /** Column name (as in an lme coefficient table, e.g. `trt`, `session`). */
  name: string;
  /** One value per observation. */
  values: readonly number[];
}

/** Data of {@link fitScedHlm}: one entry per observation in every array. */
export interface ScedHlmInput {
  /** Case (participant) of each observation. */
  case: readonly (string | number)[];
  /** Session number of each observation (integers for AR(1)/MA(1)); unique within a case. */
  time: readonly number[];
  /** The outcome. */
  outcome: readonly number[];
  /** Fixed-effect columns besides the intercept (e.g. the treatment dummy). */
  fixed: readonly ScedHlmColumn[];
  /** Random case-effect columns besides the random intercept (e.g. a centred session). Default none. */
  random?: readonly ScedHlmColumn[];
  /** Treatment-phase indicator (1 = treatment), required with `variance: "het"`. */
  treatment?: readonly number[];
}

/** Level-1 correlation structure: AR(1), MA(1) or independent errors. */
export type ScedCorStruct = "AR1" | "MA1" | "IID";

/** Level-1 variance structure: one variance, or one per phase (baseline, treatment). */
export type ScedVarStruct = "hom" | "het";

/** Options of {@link fitScedHlm}. */
export interface ScedHlmOptions {
  /** Level-1 correlation. Default `"AR1"`. */
  correlation?: ScedCorStruct;
  /** Level-1 variance structure. Default `"hom"`. */
  variance?: ScedVarStruct;
  /** Estimation method. Default `"REML"`. */
  method?: "REML" | "ML";
  /** Include a fixed intercept. Default true. */
  fixedIntercept?: boolean;
  /** Include a random case intercept. Default true. */
  randomIntercept?: boolean;
  /** Maximum number of Fisher-scoring iterations. Default 200. */
  maxIter?: number;
}

/** Estimates with names, as in an lme table. */
export interface ScedNamedValues {
  /** Parameter names. */
  names: string[];
  /** Values, in the order of `names`. */
  values: number[];
}

/** Result of {@link fitScedHlm}. */
export interface ScedHlmFit {
  /** `"REML"` or `"ML"`. */
  method: "REML" | "ML";
  /** Level-1 correlation structure. */
  correlation: ScedCorStruct;
  /** Level-1 variance structure. */
  variance: ScedVarStruct;
  /** Number of observations. */
  n_obs: number;
  /** Case labels, in order of first appearance. */
  case_levels: string[];
  /** Fixed effects: names, estimates and model-based SEs. */
  fixed: { names: string[]; est: number[]; se: number[] };
  /** Covariance matrix of the fixed effects, (X'V⁻¹X)⁻¹. */
  vcov: number[][];
  /** Random-effect variances and covariances, named as lmeInfo does (`case.var((Intercept))`, ...). */
  tau: ScedNamedValues;
  /** φ of AR(1) or θ of MA(1); null for independent errors. */
  cor_param: number | null;
  /** SD ratio treatment/baseline of the level-1 errors (`varIdent`); null with one variance. */
  var_param: number | null;
  /** Level-1 variance (of the baseline phase with `variance: "het"`). */
  sigma_sq: number;
  /** All variance components θ in lmeInfo's order: Tau, cor_params, sigma_sq (per phase with het). */
  theta: ScedNamedValues;
  /** Inverse expected information of θ (REML or ML), as lmeInfo's `varcomp_vcov`. */
  info_inv: number[][];
  /** Maximised log-likelihood (restricted for REML), with nlme's constants. */
  logLik: number;
  /** Fisher-scoring iterations used. */
  iterations: number;
  /** Whether the scoring converged (Newton decrement below 1e-14). */
  converged: boolean;
  /** Notes, e.g. a variance component at the boundary. */
  warnings: string[];
}

function checkColumn(name: string, values: readonly unknown[], n: number): void {
  if (!Array.isArray(values)) fail(TOOL, name, "must be an array", values);
  if (values.length !== n) fail(TOOL, name, `must have ${n} values (one per observation)`, values.length);
  values.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new ValidationError(TOOL, [{ path: name, rule: "must be a finite number", received: v, row: i + 1 }]);
    }
  });
}

/**
 * Fit the single-case HLM (see the module documentation). Cases are kept in order of first
 * appearance; observations within a case may come in any order.
 *
 * @example
 * ```ts
 * import { fitScedHlm } from "./hlm.ts";
 * const base = [5, 6, 5, 7, 6, 5, 6, 7, 6, 5, 6, 7];
 * const y = base.map((v, i) => v + (i % 6 >= 3 ? 4 : 0) + Math.floor(i / 6));
 * const fit = fitScedHlm({
 *   case: y.map((_, i) => (i < 6 ? "p1" : "p2")),
 *   time: y.map((_, i) => (i % 6) + 1),
 *   outcome: y,
 *   fixed: [{ name: "trt", values: y.map((_, i) => (i % 6 >= 3 ? 1 : 0)) }],
 * }, { correlation: "IID" });
 * if (fit.fixed.names[1] !== "trt" || fit.theta.names.at(-1) !== "sigma_sq") throw new Error("names");
 * ```
 */
export function fitScedHlm(input: ScedHlmInput, opts: ScedHlmOptions = {}): ScedHlmFit {
  if (input === null || typeof input !== "object") fail(TOOL, "input", "must be an object", input);
  const N = input.outcome?.length;
  if (!Array.isArray(input.outcome) || N < 3) {
    fail(TOOL, "outcome", "must be an array of at least 3 numbers", input.outcome);
  }
  checkColumn("outcome", input.outcome, N);
  checkColumn("time", input.time, N);
  if (!Array.isArray(input.case) || input.case.length !== N) {
    fail(TOOL, "case", `must have ${N} values (one per observation)`, input.case?.length);
  }
  const correlation = opts.correlation ?? "AR1";
  if (!["AR1", "MA1", "IID"].includes(correlation)) {
    fail(TOOL, "correlation", 'must be "AR1", "MA1" or "IID"', correlation);
  }
  const variance = opts.variance ?? "hom";
  if (variance !== "hom" && variance !== "het") fail(TOOL, "variance", 'must be "hom" or "het"', variance);
  const method = opts.method ?? "REML";
  if (method !== "REML" && method !== "ML") fail(TOOL, "method", 'must be "REML" or "ML"', method);
  const fixedCols: ScedHlmColumn[] = [];
  if (opts.fixedIntercept ?? true) fixedCols.push({ name: "(Intercept)", values: new Array(N).fill(1) });
  if (!Array.isArray(input.fixed)) fail(TOOL, "fixed", "must be an array of {name, values} columns", input.fixed);
  for (const c of input.fixed) {
    checkColumn(`fixed.${c?.name}`, c?.values, N);
    fixedCols.push(c);
  }
  const randomCols: ScedHlmColumn[] = [];
  if (opts.randomIntercept ?? true) randomCols.push({ name: "(Intercept)", values: new Array(N).fill(1) });
  for (const c of input.random ?? []) {
    checkColumn(`random.${c?.name}`, c?.values, N);
    randomCols.push(c);
  }
  const p = fixedCols.length, q = randomCols.length;
  if (p === 0) fail(TOOL, "fixed", "the model needs at least one fixed effect", 0);
  if (q === 0) fail(TOOL, "random", "the model needs at least one random effect", 0);
  if (variance === "het") {
    if (!Array.isArray(input.treatment)) fail(TOOL, "treatment", 'is required with variance "het"', input.treatment);
    checkColumn("treatment", input.treatment, N);
    input.treatment.forEach((v, i) => {
      if (v !== 0 && v !== 1) {
        throw new ValidationError(TOOL, [{ path: "treatment", rule: "must be 0 or 1", received: v, row: i + 1 }]);
      }
    });
  }
  if (correlation !== "IID") {
    input.time.forEach((v, i) => {
      if (!Number.isInteger(v)) {
        throw new ValidationError(TOOL, [{
          path: "time",
          rule: `must be an integer session number for ${correlation} errors`,
          received: v,
          row: i + 1,
        }]);
      }
    });
  }
  // group by case
  const levels: string[] = [];
  const idx = new Map<string, number[]>();
  input.case.forEach((c, i) => {
    const key = String(c);
    if (!idx.has(key)) {
      idx.set(key, []);
      levels.push(key);
    }
    idx.get(key)!.push(i);
  });
  if (levels.length < 2) {
    fail(TOOL, "case", "must have at least 2 cases to estimate a between-case variance", levels.length);
  }
  const cases: HlmCase[] = levels.map((lv) => {
    const rows = idx.get(lv)!.slice().sort((a, b) => input.time[a] - input.time[b]);
    for (let k = 1; k < rows.length; k++) {
      if (input.time[rows[k]] === input.time[rows[k - 1]]) {
        throw new ValidationError(TOOL, [{
          path: "time",
          rule: `must be unique within a case (case ${lv} has session ${input.time[rows[k]]} twice)`,
          received: input.time[rows[k]],
          row: rows[k] + 1,
        }]);
      }
    }
    const n = rows.length;
    const X = new Float64Array(n * p), Z = new Float64Array(n * q);
    const y = new Float64Array(n), t = new Float64Array(n), ph = new Uint8Array(n);
    rows.forEach((r, i) => {
      fixedCols.forEach((c, a) => (X[i * p + a] = c.values[r]));
      randomCols.forEach((c, a) => (Z[i * q + a] = c.values[r]));
      y[i] = input.outcome[r];
      t[i] = input.time[r];
      ph[i] = variance === "het" ? (input.treatment![r] as number) : 0;
    });
    return { n, X, Z, y, t, ph };
  });
  if (N <= p) fail(TOOL, "outcome", `needs more observations (${N}) than fixed effects (${p})`, N);
  const struct: HlmStructure = { p, q, cor: correlation, het: variance === "het", reml: method === "REML" };

  // Starting values from OLS.
  const ols = olsStart(cases, p, q);
  const theta0 = new Float64Array(nTheta(struct));
  let k = 0;
  for (const [j, l] of gPairs(q)) theta0[k++] = j === l ? ols.g[j] : 0;
  if (correlation !== "IID") theta0[k++] = correlation === "AR1" ? ols.phi : 0.1;
  theta0[k++] = ols.s2;
  if (struct.het) theta0[k++] = ols.s2;
  const fit = fisherScoring(struct, cases, theta0, { maxIter: opts.maxIter ?? 200 });
  const ev = fit.ev;
  if (!Number.isFinite(ev.loglik)) fail(TOOL, "outcome", "the model could not be fitted (singular covariance matrix)");

  // Names and summaries as lmeInfo / nlme.
  const rNames = randomCols.map((c) => c.name);
  const tauNames = gPairs(q).map((
    [j, l],
  ) => (j === l ? `case.var(${rNames[j]})` : `case.cov(${rNames[l]},${rNames[j]})`));
  const theta = Array.from(fit.theta);
  const nG = tauNames.length;
  const thetaNames = [...tauNames];
  if (correlation !== "IID") thetaNames.push("cor_params");
  if (struct.het) thetaNames.push("sigma_sq.baseline", "sigma_sq.treatment");
  else thetaNames.push("sigma_sq");
  const r = theta.length;
  const infoM = new Matrix(Array.from({ length: r }, (_, i) => Array.from(ev.info!.subarray(i * r, i * r + r))));
  const infoInv = inverse(infoM).to2DArray();
  const vcov = Array.from({ length: p }, (_, i) => Array.from(ev.M.subarray(i * p, i * p + p)));
  const sigmaSq = theta[nG + (correlation === "IID" ? 0 : 1)];
  const warnings: string[] = [];
  if (!fit.converged) warnings.push(`${TOOL}: Fisher scoring did not converge in ${fit.iterations} iterations`);
  if (fit.boundary) {
    warnings.push(
      `${TOOL}: the maximum is on the boundary of the parameter space (a variance near 0 or a random-effect ` +
        "correlation near ±1): the model is over-parameterised for these data, and ν and the SEs are less reliable",
    );
  }
  for (let j = 0; j < nG; j++) {
    const [a, b] = gPairs(q)[j];
    if (a === b && theta[j] < 1e-8 * sigmaSq) warnings.push(`${TOOL}: ${tauNames[j]} is at the boundary (about 0)`);
  }
  for (const v of [...theta, ev.loglik, ...infoInv.flat()]) {
    if (!Number.isFinite(v)) {
      fail(TOOL, "outcome", "the fit gave a non-finite variance component or information matrix");
    }
  }
  return {
    method,
    correlation,
    variance,
    n_obs: N,
    case_levels: levels,
    fixed: {
      names: fixedCols.map((c) => c.name),
      est: Array.from(ev.beta),
      se: vcov.map((row, i) => Math.sqrt(row[i])),
    },
    vcov,
    tau: { names: tauNames, values: theta.slice(0, nG) },
    cor_param: correlation === "IID" ? null : theta[nG],
    var_param: struct.het ? Math.sqrt(theta[r - 1] / theta[r - 2]) : null,
    sigma_sq: sigmaSq,
    theta: { names: thetaNames, values: theta },
    info_inv: infoInv,
    logLik: ev.loglik,
    iterations: fit.iterations,
    converged: fit.converged,
    warnings,
  };
}

/**
 * Starting values from OLS: the residual variance split into a between-case part (variance of the
 * case means of the residuals) and a within-case part, and the pooled lag-1 autocorrelation of
 * the residuals within cases for φ.
 */
function olsStart(cases: HlmCase[], p: number, q: number): { s2: number; g: number[]; phi: number } {
  const XtX = new Float64Array(p * p), Xty = new Float64Array(p);
  let N = 0;
  for (const c of cases) {
    N += c.n;
    for (let i = 0; i < c.n; i++) {
      for (let a = 0; a < p; a++) {
        Xty[a] += c.X[i * p + a] * c.y[i];
        for (let b = 0; b < p; b++) XtX[a * p + b] += c.X[i * p + a] * c.X[i * p + b];
      }
    }
  }
  const beta = solveSpd(XtX, Xty, p);
  if (!beta) return fail(TOOL, "fixed", "the fixed-effects design is singular (collinear columns)");
  let ss = 0, between = 0, lag0 = 0, lag1 = 0;
  for (const c of cases) {
    let m = 0;
    let prev = NaN, prevT = NaN;
    const res = new Float64Array(c.n);
    for (let i = 0; i < c.n; i++) {
      let f = 0;
      for (let a = 0; a < p; a++) f += c.X[i * p + a] * beta[a];
      res[i] = c.y[i] - f;
      m += res[i];
    }
    m /= c.n;
    between += m * m;
    for (let i = 0; i < c.n; i++) {
      const e = res[i] - m;
      ss += res[i] * res[i];
      lag0 += e * e;
      if (c.t[i] - prevT === 1) lag1 += e * prev;
      prev = e;
      prevT = c.t[i];
    }
  }
  const total = ss / Math.max(N - p, 1);
  if (!(total > 0)) fail(TOOL, "outcome", "has no residual variation: the variance components are not identified");
  const tau0 = Math.max(between / cases.length, 0.1 * total);
  const s2 = Math.max(total - tau0, 0.2 * total);
  const g = [tau0];
  for (let j = 1; j < q; j++) {
    // a small share of the variance for each random slope, on the scale of its column
    let zz = 0, cnt = 0;
    for (const c of cases) for (let i = 0; i < c.n; i++) (zz += c.Z[i * q + j] ** 2), cnt++;
    g.push(0.05 * total / Math.max(zz / cnt, 1e-12));
  }
  const phi = lag0 > 0 ? Math.max(-0.5, Math.min(0.8, lag1 / lag0 + 0.1)) : 0.1;
  return { s2, g, phi };
}
