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
import { EigenvalueDecomposition, Matrix, solve } from "ml-matrix";
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
  // Singular (or numerically so) when the smallest eigenvalue of the correlation-scaled matrix
  // D A D (D = diag(1/sqrt(A_ii))) is below 1e-10 of the largest.
  const p = A.rows;
  const d = Array.from({ length: p }, (_, i) => A.get(i, i));
  if (d.some((v) => !(v > 0))) return fail(context, "X", "has a column of zeros");
  const C = new Matrix(p, p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) C.set(i, j, A.get(i, j) / Math.sqrt(d[i] * d[j]));
  const ev = new EigenvalueDecomposition(C, { assumeSymmetric: true }).realEigenvalues;
  const max = Math.max(...ev);
  const min = Math.min(...ev);
  if (!(min > 1e-10 * max)) {
    return fail(context, "X", "is singular: a covariate is constant or a linear combination of others");
  }
  return solve(A, Matrix.eye(p), false);
}

const linearSchema = designSchema.extend({ y: z.array(z.number().finite()).min(2) });

/**
 * Least-squares fit of `y` on the columns of `X` (plus an intercept), via the normal equations
 * solved with ml-matrix. Throws when X'X is singular (a constant or collinear covariate).
 * @example fitLinear({ X: [[1], [2], [3]], y: [1, 2, 2] }).coef // [0.6667, 0.5]
 */
export function fitLinear(input: z.input<typeof linearSchema>): CaseMixFit {
  const { X, y, names, intercept } = parseInput(linearSchema, input, "fitLinear");
  return linearFit(X, y, names, intercept);
}

/** {@link fitLinear} on input already validated (internal: used by benchmarkCentres on parsed rows). */
export function linearFit(X: number[][], y: number[], names: string[] | undefined, intercept = true): CaseMixFit {
  const { M, names: nm } = design("fitLinear", X, y, names, intercept);
  const rowsArr = M.to2DArray();
  const p = nm.length;
  // X'X and X'y accumulated directly; ml-matrix solves the p x p system.
  const xtx = Array.from({ length: p }, () => new Array(p).fill(0));
  const xty = new Array(p).fill(0);
  rowsArr.forEach((r, i) => {
    for (let a = 0; a < p; a++) {
      xty[a] += r[a] * y[i];
      for (let b = 0; b <= a; b++) xtx[a][b] += r[a] * r[b];
    }
  });
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) xtx[a][b] = xtx[b][a];
  const inv = invertSym(new Matrix(xtx), "fitLinear");
  const coef = inv.mmul(Matrix.columnVector(xty)).to1DArray();
  if (!coef.every(Number.isFinite)) fail("fitLinear", "X", "gives a singular fit (check for constant covariates)");
  const fitted = rowsArr.map((r) => r.reduce((a, v, j) => a + v * coef[j], 0));
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
  return logisticFit(X, y, names, intercept, maxIter, tol);
}

/** {@link fitLogistic} on input already validated (internal: used by benchmarkCentres on parsed rows). */
export function logisticFit(
  X: number[][],
  y: (0 | 1)[],
  names: string[] | undefined,
  intercept = true,
  maxIter = 50,
  tol = 1e-10,
): CaseMixFit {
  const { M, names: nm } = design("fitLogistic", X, y, names, intercept);
  const n = y.length;
  const p = nm.length;
  const ybar = y.reduce((a: number, v) => a + v, 0) / n;
  if (ybar === 0 || ybar === 1) fail("fitLogistic", "y", "must contain both 0s and 1s", ybar);
  const rowsArr = M.to2DArray();
  const beta = new Array(p).fill(0);
  if (intercept) beta[0] = Math.log(ybar / (1 - ybar));
  const etaOf = (b: number[]) => rowsArr.map((r) => r.reduce((a, v, j) => a + v * b[j], 0));
  // X' W X and X' (y - p) accumulated directly (n x p loops; only the p x p solve uses ml-matrix).
  const infoAndScore = (prob: number[]) => {
    const info = Array.from({ length: p }, () => new Array(p).fill(0));
    const score = new Array(p).fill(0);
    for (let i = 0; i < n; i++) {
      const r = rowsArr[i];
      const w = prob[i] * (1 - prob[i]);
      const e = y[i] - prob[i];
      for (let a = 0; a < p; a++) {
        score[a] += r[a] * e;
        const ra = r[a] * w;
        for (let b = 0; b <= a; b++) info[a][b] += ra * r[b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) info[a][b] = info[b][a];
    return { info: new Matrix(info), score };
  };
  const logistic = (e: number) => 1 / (1 + Math.exp(-e));
  let dev = Infinity;
  let converged = false;
  let iterations = 0;
  for (let it = 1; it <= maxIter; it++) {
    iterations = it;
    const prob = etaOf(beta).map(logistic);
    const { info, score } = infoAndScore(prob);
    let step: number[];
    try {
      step = solve(info, Matrix.columnVector(score)).to1DArray();
    } catch {
      return fail("fitLogistic", "X", "gives a singular information matrix (constant or collinear covariates)");
    }
    for (let j = 0; j < p; j++) beta[j] += step[j];
    const etaNew = etaOf(beta);
    const devNew = -2 *
      etaNew.reduce((a, e, j) => a + y[j] * e - Math.log1p(Math.exp(-Math.abs(e))) - Math.max(e, 0), 0);
    if (!Number.isFinite(devNew) || beta.some((b) => !Number.isFinite(b) || Math.abs(b) > 50)) {
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
  const prob = etaOf(beta).map(logistic);
  const inv = invertSym(infoAndScore(prob).info, "fitLogistic");
  const coef = [...beta];
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
