/**
 * Case-mix models fitted on all centres together: ordinary least squares for change scores and
 * logistic regression (iteratively reweighted least squares) for responder status, both with
 * ml-matrix. The fitted values are each patient's expected outcome given their case mix, the basis
 * of indirect standardisation (observed / expected per centre).
 *
 * @example
 * ```ts
 * import { fitLinear } from "./mod.ts";
 * const fit = fitLinear({ X: [[1], [2], [3]], y: [1, 2, 2], names: ["pre"] });
 * if (Math.abs(fit.coef[0] - 2 / 3) > 1e-12 || Math.abs(fit.coef[1] - 0.5) > 1e-12) throw new Error("coef");
 * ```
 * @module
 */
import { fail, parseInput } from "../validate.ts";
import { linearFit, logisticFit } from "./_fit.ts";
import { linearSchema, logisticSchema, mixedSchema, predictSchema } from "./_schemas.ts";
import { logisticMixedFit, mixedFit } from "./_mixed.ts";

/** A fitted linear or logistic case-mix model. */
export interface CaseMixFit {
  /** Coefficient names, "(Intercept)" first when an intercept is fitted. */
  names: string[];
  /** Coefficients in the order of `names`. */
  coef: number[];
  /** Standard errors of the coefficients (model-based). */
  se: number[];
  /** Fitted values: expected change (linear) or expected probability (logistic), one per row. */
  fitted: number[];
  /** Residual standard deviation (linear) or 1 (logistic). */
  sigma: number;
  /** Residual degrees of freedom. */
  dfResidual: number;
  /** Linear: R^2. Logistic: McFadden pseudo-R^2. */
  r2: number;
  /** Logistic only: IRLS iterations. */
  iterations?: number;
  /** Logistic only: whether the iterations converged. */
  converged?: boolean;
}

/** Input of {@link fitLinear}. */
export interface LinearFitInput {
  /** Covariates, one row per patient (finite). */
  X: readonly (readonly number[])[];
  /** Outcome, one per row. */
  y: readonly number[];
  /** Covariate names (default x1, x2, ...). */
  names?: readonly string[];
  /** Fit an intercept (default true). */
  intercept?: boolean;
}

/** Input of {@link fitLogistic}. */
export interface LogisticFitInput {
  /** Covariates, one row per patient (finite). */
  X: readonly (readonly number[])[];
  /** Outcome, 0 or 1, one per row. */
  y: readonly (0 | 1)[];
  /** Covariate names (default x1, x2, ...). */
  names?: readonly string[];
  /** Fit an intercept (default true). */
  intercept?: boolean;
  /** Maximum IRLS iterations (default 50). */
  maxIter?: number;
  /** Relative deviance change at convergence (default 1e-10). */
  tol?: number;
}

/** Input of {@link predictCaseMix}. */
export interface PredictInput {
  /** Coefficients, intercept first when `intercept` is true. */
  coef: readonly number[];
  /** Covariates of the new rows. */
  X: readonly (readonly number[])[];
  /** `identity` (linear, default) or `logit` (probabilities). */
  link?: "identity" | "logit";
  /** The coefficients include an intercept (default true). */
  intercept?: boolean;
}

/**
 * Least-squares fit of `y` on the columns of `X` (plus an intercept), via the normal equations
 * solved with ml-matrix. Throws when X'X is singular (a constant or collinear covariate).
 */
export function fitLinear(input: LinearFitInput): CaseMixFit {
  const { X, y, names, intercept } = parseInput(linearSchema, input, "fitLinear");
  return linearFit(X, y, names, intercept);
}

/**
 * Logistic regression of a 0/1 outcome by iteratively reweighted least squares (Newton-Raphson on
 * the log-likelihood). At convergence the score equations X'(y - p) = 0 hold. Throws if the data are
 * completely separated (coefficients diverge) or the iterations do not converge.
 *
 * @example
 * ```ts
 * import { fitLogistic } from "./mod.ts";
 * // one binary covariate: closed-form MLE, intercept logit(1/4) = -log 3, slope 2 log 3
 * const fit = fitLogistic({ X: [[0], [0], [0], [0], [1], [1], [1], [1]], y: [0, 0, 0, 1, 0, 1, 1, 1] });
 * if (Math.abs(fit.coef[1] - 2 * Math.log(3)) > 1e-8) throw new Error("slope");
 * ```
 */
export function fitLogistic(input: LogisticFitInput): CaseMixFit {
  const { X, y, names, intercept, maxIter, tol } = parseInput(logisticSchema, input, "fitLogistic");
  return logisticFit(X, y, names, intercept, maxIter, tol);
}

/**
 * Predictions of a fitted case-mix model for new rows (e.g. a centre's patients).
 *
 * @example
 * ```ts
 * import { predictCaseMix } from "./mod.ts";
 * if (predictCaseMix({ coef: [0, 1], X: [[0]], link: "logit" })[0] !== 0.5) throw new Error("p");
 * ```
 */
export function predictCaseMix(input: PredictInput): number[] {
  const { coef, X, link, intercept } = parseInput(predictSchema, input, "predictCaseMix");
  const p = coef.length - (intercept ? 1 : 0);
  return X.map((row, i) => {
    if (row.length !== p) fail("predictCaseMix", `X[${i}]`, `must have ${p} columns`, row.length);
    let eta = intercept ? coef[0] : 0;
    row.forEach((v, j) => (eta += v * coef[j + (intercept ? 1 : 0)]));
    return link === "logit" ? 1 / (1 + Math.exp(-eta)) : eta;
  });
}

/** Input of {@link fitMixedCaseMix}. */
export interface MixedFitInput {
  /** Covariates, one row per patient (finite; no intercept column: one is added). */
  X: readonly (readonly number[])[];
  /** Outcome (e.g. PDI change; 0/1 for `family` binomial), one per row. */
  y: readonly number[];
  /**
   * `"gaussian"` (default: linear mixed model, REML) or `"binomial"` (logistic with random centre
   * intercepts by penalised quasi-likelihood, Breslow & Clayton 1993; tau2 on the logit scale).
   */
  family?: "gaussian" | "binomial";
  /** Centre of each row. */
  groups: readonly string[];
  /** Covariate names (default x1, x2, ...). */
  names?: readonly string[];
  /**
   * Add each covariate's centre mean as a covariate (Mundlak 1978), so that the patient-level
   * coefficients are within-centre (equal to the fixed-effects estimates) and do not absorb centre
   * performance that goes with case mix (default true).
   */
  within?: boolean;
}

/** A linear mixed model with random centre intercepts (REML). */
export interface MixedCaseMixFit {
  /** Coefficient names: "(Intercept)", the covariates, then "mean(<covariate>)" for the centre means when `within`. */
  names: string[];
  /** Coefficients in the order of `names`. */
  coef: number[];
  /** Their standard errors. */
  se: number[];
  /** Between-centre variance of the intercepts (REML). */
  tau2: number;
  /** Within-centre residual variance (REML); null for the binomial family. */
  sigma2: number | null;
  /** Centres, sorted. */
  groups: string[];
  /** Predicted centre intercepts (BLUPs), in the order of `groups`. */
  blup: number[];
  /**
   * Expected outcome of each patient at an average centre (random intercept 0): intercept + the
   * patient's covariates times the (within-centre) coefficients + the registry's mean covariates
   * times the centre-mean coefficients, on the probability scale for the binomial family; the basis
   * of indirect standardisation.
   */
  expected: number[];
  /** Whether centre means were added. */
  within: boolean;
}

/**
 * Case-mix model with centre effects: a linear mixed model with random centre intercepts fitted
 * by REML (profiled over tau2 / sigma2), optionally with centre means of the covariates so that
 * the case-mix coefficients are within-centre.
 *
 * @example
 * ```ts
 * import { fitMixedCaseMix } from "./mod.ts";
 * // balanced one-way layout, no covariates: MSB = 3 x 18.667 / 2 = 28, MSW = 1, tau2 = (28 - 1) / 3 = 9
 * const fit = fitMixedCaseMix({ X: Array(9).fill([]), y: [1, 2, 3, 3, 4, 5, 7, 8, 9], groups: ["a", "a", "a", "b", "b", "b", "c", "c", "c"] });
 * if (Math.abs(fit.tau2 - 9) > 1e-5 || Math.abs((fit.sigma2 as number) - 1) > 1e-6) throw new Error(`${fit.tau2} ${fit.sigma2}`);
 * ```
 */
export function fitMixedCaseMix(input: MixedFitInput): MixedCaseMixFit {
  const { X, y, groups, names, within, family } = parseInput(mixedSchema, input, "fitMixedCaseMix");
  if (family === "binomial") {
    const bad = y.findIndex((v) => v !== 0 && v !== 1);
    if (bad >= 0) fail("fitMixedCaseMix", `y[${bad}]`, "must be 0 or 1 for family binomial", y[bad]);
  }
  if (y.length !== X.length) fail("fitMixedCaseMix", "y", `must have ${X.length} elements (like X)`, y.length);
  if (groups.length !== X.length) {
    fail("fitMixedCaseMix", "groups", `must have ${X.length} elements (like X)`, groups.length);
  }
  const p = X[0].length;
  X.forEach((row, i) => {
    if (row.length !== p) fail("fitMixedCaseMix", `X[${i}]`, `must have ${p} columns (like X[0])`, row.length);
  });
  const nm = names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (nm.length !== p) fail("fitMixedCaseMix", "names", `must have ${p} elements (one per column of X)`, nm.length);
  const sums = new Map<string, { n: number; s: number[] }>();
  X.forEach((row, i) => {
    const g = sums.get(groups[i]) ?? { n: 0, s: new Array(p).fill(0) };
    g.n++;
    row.forEach((v, k) => (g.s[k] += v));
    sums.set(groups[i], g);
  });
  const meanOf = (g: string) => {
    const e = sums.get(g) as { n: number; s: number[] };
    return e.s.map((v) => v / e.n);
  };
  const overall = Array.from({ length: p }, (_, k) => X.reduce((a, r) => a + r[k], 0) / X.length);
  const design = X.map((row, i) => [1, ...row, ...(within ? meanOf(groups[i]) : [])]);
  const fit = family === "binomial"
    ? { ...logisticMixedFit(design, y as (0 | 1)[], groups), sigma2: null }
    : mixedFit(design, y, groups);
  const allNames = ["(Intercept)", ...nm, ...(within ? nm.map((n) => `mean(${n})`) : [])];
  const expected = X.map((row) => {
    let e = fit.beta[0];
    row.forEach((v, k) => (e += v * fit.beta[1 + k]));
    if (within) overall.forEach((v, k) => (e += v * fit.beta[1 + p + k]));
    return family === "binomial" ? 1 / (1 + Math.exp(-e)) : e;
  });
  return {
    names: allNames,
    coef: fit.beta,
    se: fit.se,
    tau2: fit.tau2,
    sigma2: fit.sigma2,
    groups: fit.groups,
    blup: fit.blup,
    expected,
    within,
  };
}
