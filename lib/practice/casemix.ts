/**
 * Case-mix models fitted on all centres together: ordinary least squares for change scores and
 * logistic regression (iteratively reweighted least squares) for responder status, both with
 * ml-matrix. The fitted values are each patient's expected outcome given their case mix, the basis
 * of indirect standardisation (observed / expected per centre).
 *
 * @example
 * const fit = fitLinear({ X: [[1], [2], [3]], y: [1, 2, 2], names: ["pre"] });
 * fit.coef; // [intercept, slope] = [0.667, 0.5]
 * @module
 */
import { Matrix, solve } from "ml-matrix";
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";

const designSchema = z.object({
  X: z.array(z.array(z.number().finite())).min(1),
  names: z.array(z.string()).optional(),
  intercept: z.boolean().default(true),
});

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
  /** Logistic only: IRLS iterations and whether they converged. */
  iterations?: number;
  converged?: boolean;
}

function design(context: string, X: number[][], y: number[], names: string[] | undefined, intercept: boolean) {
  const p = X[0].length;
  X.forEach((row, i) => {
    if (row.length !== p) fail(context, `X[${i}]`, `must have ${p} columns (like X[0])`, row.length);
  });
  if (y.length !== X.length) fail(context, "y", `must have ${X.length} elements (like X)`, y.length);
  const nm = names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (nm.length !== p) fail(context, "names", `must have ${p} elements (one per column of X)`, nm.length);
  const rows = intercept ? X.map((r) => [1, ...r]) : X.map((r) => [...r]);
  const allNames = intercept ? ["(Intercept)", ...nm] : nm;
  if (rows.length <= allNames.length) {
    fail(context, "X", `must have more rows than coefficients (${allNames.length})`, rows.length);
  }
  return { M: new Matrix(rows), names: allNames };
}

function invertSym(A: Matrix, context: string): Matrix {
  try {
    return solve(A, Matrix.eye(A.rows), false);
  } catch {
    return fail(context, "X", "is singular: a covariate is constant or a linear combination of others");
  }
}

const linearSchema = designSchema.extend({ y: z.array(z.number().finite()).min(2) });

/**
 * Least-squares fit of `y` on the columns of `X` (plus an intercept), via the normal equations
 * solved with ml-matrix. Throws when X'X is singular (a constant or collinear covariate).
 * @example fitLinear({ X: [[1], [2], [3]], y: [1, 2, 2] }).coef // [0.6667, 0.5]
 */
export function fitLinear(input: z.input<typeof linearSchema>): CaseMixFit {
  const { X, y, names, intercept } = parseInput(linearSchema, input, "fitLinear");
  const { M, names: nm } = design("fitLinear", X, y, names, intercept);
  const Y = Matrix.columnVector(y);
  const XtX = M.transpose().mmul(M);
  const inv = invertSym(XtX, "fitLinear");
  const beta = inv.mmul(M.transpose().mmul(Y));
  const coef = beta.to1DArray();
  if (!coef.every(Number.isFinite)) fail("fitLinear", "X", "gives a singular fit (check for constant covariates)");
  const fitted = M.mmul(beta).to1DArray();
  const n = y.length;
  const df = n - coef.length;
  const rss = y.reduce((a, v, i) => a + (v - fitted[i]) ** 2, 0);
  const ybar = y.reduce((a, v) => a + v, 0) / n;
  const tss = y.reduce((a, v) => a + (v - ybar) ** 2, 0);
  const sigma = Math.sqrt(rss / df);
  const se = coef.map((_, j) => sigma * Math.sqrt(inv.get(j, j)));
  return { names: nm, coef, se, fitted, sigma, dfResidual: df, r2: tss > 0 ? 1 - rss / tss : 0 };
}

const logisticSchema = designSchema.extend({
  y: z.array(z.union([z.literal(0), z.literal(1)])).min(2),
  maxIter: z.number().int().min(1).max(200).default(50),
  tol: z.number().positive().default(1e-10),
});

/**
 * Logistic regression of a 0/1 outcome by iteratively reweighted least squares (Newton-Raphson on
 * the log-likelihood). At convergence the score equations X'(y - p) = 0 hold. Throws if the data are
 * completely separated (coefficients diverge) or the iterations do not converge.
 * @example fitLogistic({ X: [[0], [0], [1], [1], [2], [2]], y: [0, 0, 0, 1, 1, 1] }).coef
 */
export function fitLogistic(input: z.input<typeof logisticSchema>): CaseMixFit {
  const { X, y, names, intercept, maxIter, tol } = parseInput(logisticSchema, input, "fitLogistic");
  const { M, names: nm } = design("fitLogistic", X, y, names, intercept);
  const n = y.length;
  const p = nm.length;
  const ybar = y.reduce((a: number, v) => a + v, 0) / n;
  if (ybar === 0 || ybar === 1) fail("fitLogistic", "y", "must contain both 0s and 1s", ybar);
  let beta = new Matrix(p, 1);
  if (intercept) beta.set(0, 0, Math.log(ybar / (1 - ybar)));
  let dev = Infinity;
  let converged = false;
  let iterations = 0;
  let info = new Matrix(p, p);
  let prob: number[] = [];
  for (let it = 1; it <= maxIter; it++) {
    iterations = it;
    const eta = M.mmul(beta).to1DArray();
    prob = eta.map((e) => 1 / (1 + Math.exp(-e)));
    const w = prob.map((q) => Math.max(q * (1 - q), 1e-12));
    // X' W X and X' (y - p)
    const XtW = M.transpose().clone();
    for (let j = 0; j < n; j++) for (let r = 0; r < p; r++) XtW.set(r, j, XtW.get(r, j) * w[j]);
    info = XtW.mmul(M);
    const score = M.transpose().mmul(Matrix.columnVector(y.map((v, j) => v - prob[j])));
    const step = solve(info, score);
    beta = beta.add(step);
    const etaNew = M.mmul(beta).to1DArray();
    const devNew = -2 *
      etaNew.reduce((a, e, j) => a + y[j] * e - Math.log1p(Math.exp(-Math.abs(e))) - Math.max(e, 0), 0);
    if (!Number.isFinite(devNew) || beta.to1DArray().some((b) => !Number.isFinite(b) || Math.abs(b) > 50)) {
      fail("fitLogistic", "y", "is (quasi-)completely separated by X: coefficients diverge");
    }
    if (Math.abs(devNew - dev) / (Math.abs(devNew) + 0.1) < tol) {
      dev = devNew;
      converged = true;
      break;
    }
    dev = devNew;
  }
  if (!converged) fail("fitLogistic", "maxIter", `reached without convergence`, maxIter);
  const eta = M.mmul(beta).to1DArray();
  prob = eta.map((e) => 1 / (1 + Math.exp(-e)));
  const w = prob.map((q) => q * (1 - q));
  const XtW = M.transpose().clone();
  for (let j = 0; j < n; j++) for (let r = 0; r < p; r++) XtW.set(r, j, XtW.get(r, j) * w[j]);
  const inv = invertSym(XtW.mmul(M), "fitLogistic");
  const coef = beta.to1DArray();
  const nullDev = -2 * n * (ybar * Math.log(ybar) + (1 - ybar) * Math.log(1 - ybar));
  return {
    names: nm,
    coef,
    se: coef.map((_, j) => Math.sqrt(inv.get(j, j))),
    fitted: prob,
    sigma: 1,
    dfResidual: n - p,
    r2: 1 - dev / nullDev,
    iterations,
    converged,
  };
}

const predictSchema = z.object({
  coef: z.array(z.number().finite()).min(1),
  X: z.array(z.array(z.number().finite())),
  link: z.enum(["identity", "logit"]).default("identity"),
  intercept: z.boolean().default(true),
});

/**
 * Predictions of a fitted case-mix model for new rows (e.g. a centre's patients).
 * @example predictCaseMix({ coef: [0, 1], X: [[0]], link: "logit" }) // [0.5]
 */
export function predictCaseMix(input: z.input<typeof predictSchema>): number[] {
  const { coef, X, link, intercept } = parseInput(predictSchema, input, "predictCaseMix");
  const p = coef.length - (intercept ? 1 : 0);
  return X.map((row, i) => {
    if (row.length !== p) fail("predictCaseMix", `X[${i}]`, `must have ${p} columns`, row.length);
    let eta = intercept ? coef[0] : 0;
    row.forEach((v, j) => (eta += v * coef[j + (intercept ? 1 : 0)]));
    return link === "logit" ? 1 / (1 + Math.exp(-eta)) : eta;
  });
}
