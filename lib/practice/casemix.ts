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
import { linearSchema, logisticSchema, predictSchema } from "./_schemas.ts";

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
