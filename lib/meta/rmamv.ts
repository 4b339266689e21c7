/**
 * Multilevel and multivariate meta-analysis as metafor's `rma.mv()`: linear mixed-effects models
 * y ~ N(Xβ, V + Z G Z') with a known sampling covariance `V` (variances, or a full matrix such as
 * the one {@link vcalc} builds), nested random intercepts (`~ 1 | study/esid`) and a random
 * `~ inner | outer` term with `struct` CS, HCS, UN or DIAG; REML or ML; Wald z or t tests
 * (`dfs` "residual" or "contain"); moderators; QE, QM; fit statistics; predictions with
 * prediction intervals ({@link predictMv}) and profile-likelihood intervals of the variance
 * components ({@link confintMv}).
 *
 * Field names are metafor's (`beta`, `se`, `zval`/`tval`, `pval`, `ci_lb`, `ci_ub`, `vb`,
 * `sigma2`, `tau2`, `rho`, `G`, `QE`, `QM`, `fit_stats`). Factor levels are sorted as R does in
 * the C locale (numbers numerically, strings by code point), so `sigma2[0]` is the outer level,
 * and for `~ outcome | trial` the first `tau2` belongs to the first sorted outcome.
 *
 * @example
 * ```ts
 * import { rmaMv } from "./rmamv.ts";
 * const fit = rmaMv({
 *   yi: [0.2, 0.4, 0.1, 0.6, 0.5, 0.3, 0.9, 0.7],
 *   V: [0.02, 0.03, 0.02, 0.04, 0.03, 0.02, 0.05, 0.04],
 *   random: { nested: [[1, 1, 2, 2, 3, 3, 4, 4], [1, 2, 1, 2, 1, 2, 1, 2]], names: ["study", "esid"] },
 * });
 * if (fit.sigma2.length !== 2 || !(fit.ci_lb[0] < fit.beta[0] && fit.beta[0] < fit.ci_ub[0])) {
 *   throw new Error("two variance components and an interval around beta");
 * }
 * ```
 * @module
 */
import { fail, failAt } from "../validate.ts";
import { normalizeLevel } from "../conventions.ts";
import { pchisq, pf, pnorm, pt, qchisq, qnorm, qt } from "../stats/distributions.ts";
import { fromRows, spdInverse, toRows } from "../stats/_linalg.ts";
import { type BlockSpec, type DSpec, evaluate, makeBlocks, type MvModel, optimize } from "./_mv_core.ts";
import { checkIds, designFromColumns, factorIndex } from "./_mv_design.ts";
import { mvState, setMvState } from "./_mv_state.ts";
import { bfgs } from "./_mv_optim.ts";
import { uniroot } from "../stats/_uniroot.ts";

/** Variance structure of a `~ inner | outer` term (metafor's `struct`). */
export type MvStruct = "CS" | "HCS" | "UN" | "DIAG";

/** Nested random intercepts `~ 1 | f1/f2/...`: one variance component per level of nesting. */
export interface MvNestedRandom {
  /** Id columns from the outermost to the innermost (e.g. `[study, esid]`), each with k ids. */
  nested: (string | number)[][];
  /** Names of the factors (default `f1`, `f2`, ...); components are named `study`, `study/esid`. */
  names?: string[];
}

/** A random `~ inner | outer` term: correlated random effects of the inner levels within each outer level. */
export interface MvStructRandom {
  /** Inner factor (e.g. the outcome), k ids. */
  inner: (string | number)[];
  /** Outer factor (e.g. the trial), k ids. */
  outer: (string | number)[];
  /** Variance structure, default "CS". */
  struct?: MvStruct;
}

/** Input of {@link rmaMv}. */
export interface RmaMvInput {
  /** Observed effect sizes (k). */
  yi: number[];
  /** Sampling variances (k) or the full k×k sampling covariance matrix (rows). */
  V: number[] | number[][];
  /**
   * Moderators: a model matrix without the intercept column (rows; the intercept is added unless
   * `intercept` is false) or named columns (numbers, or strings for factors).
   */
  mods?: number[][] | Record<string, number[] | string[]>;
  /** Include an intercept (default true). */
  intercept?: boolean;
  /** Names of the columns of a matrix `mods` (default `mods1`, `mods2`, ...). */
  mods_names?: string[];
  /** Random effects: nested intercepts and/or at most one `~ inner | outer` term. */
  random: MvNestedRandom | MvStructRandom | (MvNestedRandom | MvStructRandom)[];
  /** "REML" (default) or "ML". */
  method?: "REML" | "ML";
  /** "z" (default) or "t". */
  test?: "z" | "t";
  /** Denominator df of t tests: "residual" (k - p, default) or "contain" (metafor's containment rule). */
  dfs?: "residual" | "contain";
  /** Confidence level in percent (95) or as a proportion (0.95); default 95. */
  level?: number;
  /** Fix sigma2 components at given values (metafor's `sigma2 = c(NA, 0)`): null entries are estimated. */
  sigma2?: (number | null)[];
  /** Fix the tau2 of a `~ inner | outer` term (one value for CS, one per inner level otherwise); null entries are estimated. */
  tau2?: (number | null)[];
}

/** Fit statistics as metafor's `fit.stats` (the fitting method's column, plus both log-likelihoods). */
export interface MvFitStats {
  /** Log-likelihood of the fitting method (REML including + ½ log|X'X|, as metafor). */
  logLik: number;
  /** Deviance (REML: -2 logLik; ML: -2 (logLik - log-likelihood of the saturated model)). */
  deviance: number;
  /** Akaike's information criterion. */
  AIC: number;
  /** Bayesian information criterion (n = k - p under REML). */
  BIC: number;
  /** Corrected AIC. */
  AICc: number;
  /** Log-likelihood in metafor's ML column (ML likelihood at the estimates). */
  logLik_ML: number;
  /** Log-likelihood in metafor's REML column (REML likelihood at the estimates). */
  logLik_REML: number;
}

/** Result of {@link rmaMv} (metafor's names; vectors per coefficient in `coef_names` order). */
export interface RmaMvResult {
  /** Always "rma.mv". */
  model: "rma.mv";
  /** Number of effect sizes. */
  k: number;
  /** Number of coefficients. */
  p: number;
  /** Estimation method. */
  method: "REML" | "ML";
  /** Test of the coefficients. */
  test: "z" | "t";
  /** df rule of t tests. */
  dfs: "residual" | "contain";
  /** Confidence level in percent. */
  level: number;
  /** Coefficient names (`intrcpt`, moderator names). */
  coef_names: string[];
  /** Estimated coefficients. */
  beta: number[];
  /** Standard errors. */
  se: number[];
  /** Test statistics (z under test "z", t under "t"). */
  zval: number[];
  /** Same as `zval` under test "t" (metafor's `tval`), null under "z". */
  tval: number[] | null;
  /** Two-sided p-values. */
  pval: number[];
  /** Lower confidence bounds. */
  ci_lb: number[];
  /** Upper confidence bounds. */
  ci_ub: number[];
  /** Denominator df per coefficient (t tests), null under z. */
  ddf: number[] | null;
  /** Covariance matrix of `beta` (rows). */
  vb: number[][];
  /** Variance components of the nested intercepts, outer first. */
  sigma2: number[];
  /** Names of the sigma2 components (`study`, `study/esid`). */
  s_names: string[];
  /** Number of levels of each sigma2 component. */
  s_nlevels: number[];
  /** Structure of the `~ inner | outer` term, null without one. */
  struct: MvStruct | null;
  /** Variances of the inner levels (one value for CS), empty without a struct term. */
  tau2: number[];
  /** Correlations (one for CS/HCS; the lower triangle by rows for UN; 0 for DIAG). */
  rho: number[];
  /** The G matrix of the inner levels (rows), empty without a struct term. */
  G: number[][];
  /** Inner levels in sorted order (rows/columns of G). */
  g_levels: string[];
  /** Test of residual heterogeneity (sampling covariance only), its df and p-value. */
  QE: number;
  /** Degrees of freedom of QE (k - p). */
  QEdf: number;
  /** p-value of QE. */
  QEp: number;
  /** Omnibus test of the coefficients in `btt`: chi² (z) or F (t). */
  QM: number;
  /** df of QM: [m, null] for z, [m, ddf] for t. */
  QMdf: [number, number | null];
  /** p-value of QM. */
  QMp: number;
  /** 1-based indices of the coefficients tested by QM (all but the intercept, or all without one). */
  btt: number[];
  /** Log-likelihood, deviance, AIC, BIC, AICc. */
  fit_stats: MvFitStats;
  /** Iterations of the optimiser. */
  iter: number;
  /** Things the user must know (an estimate on the boundary, no convergence). */
  warnings: string[];
}

const TOOL = "rmaMv";

function asArray<T>(x: T | T[]): T[] {
  return Array.isArray(x) ? x : [x];
}

function checkNumbers(field: string, x: unknown, k: number | null, positive: boolean): number[] {
  if (!Array.isArray(x)) fail(TOOL, field, "must be an array of numbers", x);
  if (k !== null && x.length !== k) fail(TOOL, field, `must have ${k} elements (like yi)`, x.length);
  x.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v) || (positive && !(v > 0))) {
      failAt(TOOL, i + 1, `${field}[${i}]`, positive ? "must be a finite number > 0" : "must be a finite number", v);
    }
  });
  return x as number[];
}

class UnionFind {
  parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

interface Term {
  /** global level index per row (−1: not part of this term) */
  global: Int32Array;
  nlevels: number;
}

/**
 * Fit a multilevel or multivariate meta-analytic model as metafor's `rma.mv(yi, V, mods, random,
 * struct, method, test, dfs)`.
 *
 * @example
 * ```ts
 * import { rmaMv } from "./rmamv.ts";
 * // three-level model, ~ 1 | district/school
 * const fit = rmaMv({
 *   yi: [0.1, 0.3, -0.2, 0.5, 0.4, 0.0, 0.8, 0.6, 0.2],
 *   V: [0.02, 0.03, 0.02, 0.04, 0.03, 0.02, 0.05, 0.04, 0.03],
 *   random: { nested: [[1, 1, 1, 2, 2, 3, 3, 3, 3], [1, 2, 3, 1, 2, 1, 2, 3, 4]] },
 *   test: "t",
 * });
 * if (fit.ddf === null || fit.ddf[0] !== 8) throw new Error("t test with k - p = 8 df");
 * ```
 */
export function rmaMv(input: RmaMvInput): RmaMvResult {
  if (input === null || typeof input !== "object") fail(TOOL, "input", "must be an object", input);
  const yi = checkNumbers("yi", input.yi, null, false);
  const k = yi.length;
  if (k < 2) fail(TOOL, "yi", "must have at least 2 effect sizes", k);
  const method = input.method ?? "REML";
  if (method !== "REML" && method !== "ML") fail(TOOL, "method", 'must be "REML" or "ML"', method);
  const test = input.test ?? "z";
  if (test !== "z" && test !== "t") fail(TOOL, "test", 'must be "z" or "t"', test);
  const dfs = input.dfs ?? "residual";
  if (dfs !== "residual" && dfs !== "contain") fail(TOOL, "dfs", 'must be "residual" or "contain"', dfs);
  const level = normalizeLevel(input.level ?? 95, TOOL, "level");
  const warnings: string[] = [];

  // --- V
  let Vfull: Float64Array | null = null;
  let vdiag: Float64Array;
  if (!Array.isArray(input.V)) fail(TOOL, "V", "must be k sampling variances or a k×k covariance matrix", input.V);
  if (input.V.length > 0 && Array.isArray(input.V[0])) {
    const rows = input.V as number[][];
    if (rows.length !== k) fail(TOOL, "V", `must have ${k} rows (like yi)`, rows.length);
    const Vf = new Float64Array(k * k);
    Vfull = Vf;
    rows.forEach((r, i) => {
      if (!Array.isArray(r) || r.length !== k) {
        failAt(TOOL, i + 1, `V[${i}]`, `must have ${k} elements`, r?.length);
      }
      r.forEach((v, j) => {
        if (typeof v !== "number" || !Number.isFinite(v)) {
          failAt(TOOL, i + 1, `V[${i}][${j}]`, "must be a finite number", v);
        }
        Vf[i * k + j] = v;
      });
    });
    for (let i = 0; i < k; i++) {
      if (!(Vf[i * k + i] > 0)) {
        failAt(TOOL, i + 1, `V[${i}][${i}]`, "sampling variance must be > 0", Vf[i * k + i]);
      }
      for (let j = 0; j < i; j++) {
        const a = Vf[i * k + j], b = Vf[j * k + i];
        if (Math.abs(a - b) > 1e-10 * Math.max(Math.abs(a), Math.abs(b), 1e-300)) {
          fail(TOOL, `V[${i}][${j}]`, `must equal V[${j}][${i}] (V must be symmetric)`, a);
        }
      }
    }
    vdiag = new Float64Array(k);
    for (let i = 0; i < k; i++) vdiag[i] = Vf[i * k + i];
  } else {
    const vi = checkNumbers("V", input.V, k, true);
    vdiag = Float64Array.from(vi);
  }

  // --- X
  const intercept = input.intercept ?? true;
  let Xrows: number[][];
  let names: string[];
  if (input.mods === undefined) {
    if (!intercept) fail(TOOL, "intercept", "cannot be false without moderators (empty model)", false);
    Xrows = yi.map(() => [1]);
    names = ["intrcpt"];
  } else if (Array.isArray(input.mods)) {
    const m = input.mods as number[][];
    if (m.length !== k) fail(TOOL, "mods", `must have ${k} rows (like yi)`, m.length);
    const q = Array.isArray(m[0]) ? m[0].length : -1;
    m.forEach((r, i) => {
      if (!Array.isArray(r) || r.length !== q) {
        failAt(TOOL, i + 1, `mods[${i}]`, `must have ${q} numbers`, r);
      }
      r.forEach((v, j) => {
        if (typeof v !== "number" || !Number.isFinite(v)) {
          failAt(TOOL, i + 1, `mods[${i}][${j}]`, "must be a finite number", v);
        }
      });
    });
    const mn = input.mods_names ?? Array.from({ length: q }, (_, j) => `mods${j + 1}`);
    if (mn.length !== q) fail(TOOL, "mods_names", `must have ${q} names (columns of mods)`, mn.length);
    Xrows = m.map((r) => (intercept ? [1, ...r] : r.slice()));
    names = intercept ? ["intrcpt", ...mn] : mn.slice();
  } else {
    const d = designFromColumns(TOOL, input.mods, k, intercept);
    Xrows = d.X;
    names = d.names;
  }
  const p = names.length;
  if (p === 0) fail(TOOL, "mods", "gives an empty model matrix (no intercept, no moderators)");
  if (p >= k) fail(TOOL, "mods", `need more effect sizes than coefficients: k = ${k}, p = ${p}`);
  const Xf = fromRows(Xrows);
  const XtX = new Float64Array(p * p);
  for (let i = 0; i < k; i++) {
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) XtX[a * p + b] += Xf[i * p + a] * Xf[i * p + b];
  }
  const xtxInv = spdInverse(XtX, p);
  if (xtxInv === null) fail(TOOL, "mods", "the model matrix is not of full rank (a column is a combination of others)");

  // --- random terms
  const terms = asArray(input.random as MvNestedRandom | MvStructRandom | (MvNestedRandom | MvStructRandom)[]);
  if (input.random === undefined || terms.length === 0) {
    fail(TOOL, "random", "must give at least one random term (nested intercepts or ~ inner | outer)");
  }
  const sigmaTerms: Term[] = [];
  const sNames: string[] = [];
  let structTerm: {
    inner: Int32Array;
    nInner: number;
    outer: Int32Array;
    nOuter: number;
    struct: MvStruct;
    innerLevels: string[];
  } | null = null;
  terms.forEach((t, ti) => {
    const base = terms.length > 1 ? `random[${ti}]` : "random";
    if (t === null || typeof t !== "object") {
      fail(TOOL, base, "must be { nested: [...] } or { inner, outer, struct }", t);
    }
    if ("nested" in t) {
      if (!Array.isArray(t.nested) || t.nested.length === 0) {
        fail(TOOL, `${base}.nested`, "must be a non-empty list of id columns (outer first)", t.nested);
      }
      const cols = t.nested.map((c, j) => checkIds(TOOL, `${base}.nested[${j}]`, c, k));
      const fnames = t.names ?? cols.map((_, j) => `f${j + 1}`);
      if (fnames.length !== cols.length) fail(TOOL, `${base}.names`, `must have ${cols.length} names`, fnames.length);
      // combined levels of f1/f2/...: a numeric code per distinct (outer level, inner level) pair
      let code: Int32Array | null = null;
      cols.forEach((c, j) => {
        const f = factorIndex(c);
        let global: Int32Array, nlevels: number;
        if (code === null) {
          global = f.index;
          nlevels = f.levels.length;
        } else {
          const prev: Int32Array = code;
          const map = new Map<number, number>();
          global = new Int32Array(k);
          const width = f.levels.length;
          for (let i = 0; i < k; i++) {
            const key = prev[i] * width + f.index[i];
            let g = map.get(key);
            if (g === undefined) {
              g = map.size;
              map.set(key, g);
            }
            global[i] = g;
          }
          nlevels = map.size;
        }
        code = global;
        sigmaTerms.push({ global, nlevels });
        sNames.push(fnames.slice(0, j + 1).join("/"));
      });
    } else if ("inner" in t && "outer" in t) {
      if (structTerm) fail(TOOL, base, "only one ~ inner | outer term is supported", t);
      const struct = t.struct ?? "CS";
      if (!["CS", "HCS", "UN", "DIAG"].includes(struct)) {
        fail(TOOL, `${base}.struct`, "must be CS, HCS, UN or DIAG", struct);
      }
      const inner = factorIndex(checkIds(TOOL, `${base}.inner`, t.inner, k));
      const outer = factorIndex(checkIds(TOOL, `${base}.outer`, t.outer, k));
      if (inner.levels.length < 2 && struct !== "CS") {
        fail(TOOL, `${base}.inner`, `needs at least 2 levels for struct ${struct}`, inner.levels.length);
      }
      structTerm = {
        inner: inner.index,
        nInner: inner.levels.length,
        outer: outer.index,
        nOuter: outer.levels.length,
        struct,
        innerLevels: inner.levels,
      };
    } else {
      fail(TOOL, base, "must be { nested: [...] } or { inner, outer, struct }", t);
    }
  });
  const st = structTerm as
    | { inner: Int32Array; nInner: number; outer: Int32Array; nOuter: number; struct: MvStruct; innerLevels: string[] }
    | null;

  // --- parameter layout
  const nSigma = sigmaTerms.length;
  const isVar: boolean[] = sigmaTerms.map(() => true);
  const tauIdx: number[] = [];
  const covIdx: number[][] = [];
  const nInner = st ? st.nInner : 0;
  if (st) {
    const sKind = st.struct === "HCS" ? "UN" : st.struct;
    if (sKind === "CS") {
      tauIdx.push(isVar.length);
      isVar.push(true);
      const c = isVar.length;
      isVar.push(false);
      for (let a = 0; a < nInner; a++) covIdx.push(Array.from({ length: nInner }, (_, b) => (a === b ? -1 : c)));
    } else {
      for (let a = 0; a < nInner; a++) {
        tauIdx.push(isVar.length);
        isVar.push(true);
      }
      for (let a = 0; a < nInner; a++) covIdx.push(new Array(nInner).fill(-1));
      if (sKind === "UN") {
        for (let a = 0; a < nInner; a++) {
          for (let b = 0; b < a; b++) {
            covIdx[a][b] = covIdx[b][a] = isVar.length;
            isVar.push(false);
          }
        }
      }
    }
  }
  const nPar = isVar.length;

  // --- blocks: connected components of M's pattern
  const uf = new UnionFind(k);
  const joinBy = (global: Int32Array, nlevels: number) => {
    const first = new Int32Array(nlevels).fill(-1);
    for (let i = 0; i < k; i++) {
      const g = global[i];
      if (g < 0) continue;
      if (first[g] < 0) first[g] = i;
      else uf.union(first[g], i);
    }
  };
  for (const t of sigmaTerms) joinBy(t.global, t.nlevels);
  if (st) joinBy(st.outer, st.nOuter);
  if (Vfull) {
    const Vf = Vfull;
    for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) if (Vf[i * k + j] !== 0) uf.union(i, j);
  }
  const blockOf = new Map<number, number[]>();
  for (let i = 0; i < k; i++) {
    const r = uf.find(i);
    const list = blockOf.get(r);
    if (list) list.push(i);
    else blockOf.set(r, [i]);
  }
  const specs: BlockSpec[] = [];
  for (const idx of blockOf.values()) {
    const n = idx.length;
    const V = new Float64Array(n * n);
    const X = new Float64Array(n * p);
    const y = new Float64Array(n);
    idx.forEach((gi, a) => {
      y[a] = yi[gi];
      for (let j = 0; j < p; j++) X[a * p + j] = Xf[gi * p + j];
      if (Vfull) {
        const Vf = Vfull;
        idx.forEach((gj, b) => (V[a * n + b] = Vf[gi * k + gj]));
      } else V[a * n + a] = vdiag[gi];
    });
    const D: DSpec[] = [];
    const localLev = (global: (i: number) => number): DSpec => {
      const map = new Map<number, number>();
      const lev = new Int32Array(n);
      idx.forEach((gi, a) => {
        const g = global(gi);
        if (g < 0) {
          lev[a] = -1;
          return;
        }
        let l = map.get(g);
        if (l === undefined) {
          l = map.size;
          map.set(g, l);
        }
        lev[a] = l;
      });
      if (map.size === n) return { kind: "eye" as const };
      return { kind: "lev" as const, lev, nl: Math.max(1, map.size) };
    };
    for (const t of sigmaTerms) D.push(localLev((gi) => t.global[gi]));
    if (st) {
      const sKind = st.struct === "HCS" ? "UN" : st.struct;
      if (sKind === "CS") {
        D.push(localLev((gi) => st.outer[gi] * st.nInner + st.inner[gi]));
        const m = new Float64Array(n * n);
        idx.forEach((gi, a) =>
          idx.forEach((gj, b) => {
            if (st.outer[gi] === st.outer[gj] && st.inner[gi] !== st.inner[gj]) m[a * n + b] = 1;
          })
        );
        D.push({ kind: "dense", m });
      } else {
        for (let a = 0; a < nInner; a++) D.push(localLev((gi) => (st.inner[gi] === a ? st.outer[gi] : -1)));
        if (sKind === "UN") {
          for (let a = 0; a < nInner; a++) {
            for (let b = 0; b < a; b++) {
              const m = new Float64Array(n * n);
              idx.forEach((gi, x) =>
                idx.forEach((gj, z) => {
                  if (st.outer[gi] !== st.outer[gj]) return;
                  const ia = st.inner[gi], ib = st.inner[gj];
                  if ((ia === a && ib === b) || (ia === b && ib === a)) m[x * n + z] = 1;
                })
              );
              D.push({ kind: "dense", m });
            }
          }
        }
      }
    }
    specs.push({ idx, V, X, y, D });
  }
  const blocks = makeBlocks(specs, p);

  const Gof = (theta: Float64Array): Float64Array => {
    const G = new Float64Array(nInner * nInner);
    for (let a = 0; a < nInner; a++) {
      for (let b = 0; b < nInner; b++) {
        if (a === b) G[a * nInner + b] = theta[tauIdx[st!.struct === "CS" ? 0 : a]];
        else G[a * nInner + b] = covIdx[a][b] >= 0 ? theta[covIdx[a][b]] : 0;
      }
    }
    return G;
  };
  const feasible = (theta: Float64Array): boolean => {
    for (let i = 0; i < nPar; i++) if (isVar[i] && theta[i] < 0) return false;
    if (!st || st.struct === "DIAG") return true;
    const G = Gof(theta);
    let tr = 0;
    for (let a = 0; a < nInner; a++) tr += G[a * nInner + a];
    if (tr === 0) return true;
    for (let a = 0; a < nInner; a++) G[a * nInner + a] += 1e-12 * tr;
    return spdInverse(G, nInner) !== null;
  };

  let vscale = 0;
  for (let i = 0; i < k; i++) vscale += vdiag[i] / k;
  const model: MvModel = { k, p, nPar, blocks, isVar, feasible, logdetXtX: spdInverse(XtX, p)!.logdet, vscale };

  // --- start values (metafor's): total = max(0.001 nvc, var(y - X b_FE) - 1/mean(1/diag V))
  const start = new Float64Array(nPar);
  // theta = 0 (M = V): the GLS fit with V only gives the start values, QE = RSS and log|V|
  const ev0 = evaluate(model, new Float64Array(nPar), false, false);
  if (ev0 === null) fail(TOOL, "V", "is not positive definite");
  {
    const res = yi.map((y, i) => {
      let s = y;
      for (let j = 0; j < p; j++) s -= Xf[i * p + j] * ev0.beta[j];
      return s;
    });
    const mr = res.reduce((a, b) => a + b, 0) / k;
    const varRes = res.reduce((a, b) => a + (b - mr) ** 2, 0) / (k - 1);
    let sInvV = 0;
    for (let i = 0; i < k; i++) sInvV += 1 / vdiag[i];
    const nvc = isVar.filter((v) => v).length;
    const total = Math.max(0.001 * nvc, varRes - 1 / (sInvV / k));
    for (let i = 0; i < nPar; i++) start[i] = isVar[i] ? total / nvc : 0;
    if (st && st.struct !== "DIAG") {
      for (let i = 0; i < nPar; i++) if (!isVar[i]) start[i] = 0.5 * total / nvc;
    }
  }
  // fixed components (metafor's sigma2 = / tau2 = arguments)
  const fixed: (number | null)[] = new Array(nPar).fill(null);
  const fixList = (field: "sigma2" | "tau2", values: unknown, idx: number[]) => {
    if (values === undefined) return;
    if (!Array.isArray(values) || values.length !== idx.length) {
      fail(TOOL, field, `must have ${idx.length} entries (numbers to fix, null to estimate)`, values);
    }
    values.forEach((v, j) => {
      if (v === null) return;
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
        fail(TOOL, `${field}[${j}]`, "must be a number >= 0 or null", v);
      }
      fixed[idx[j]] = v;
      start[idx[j]] = v;
    });
  };
  fixList("sigma2", input.sigma2, sigmaTerms.map((_, i) => i));
  if (input.tau2 !== undefined && !st) fail(TOOL, "tau2", "needs a ~ inner | outer random term", input.tau2);
  fixList("tau2", input.tau2, tauIdx);
  const nFixed = fixed.filter((v) => v !== null).length;
  if (nFixed > 0) {
    // keep the start values of free covariances feasible next to fixed variances
    for (let i = 0; i < nPar; i++) if (!isVar[i]) start[i] = 0;
  }
  const reml = method === "REML";
  let opt = optimize(model, start, reml, nFixed > 0 ? fixed : null);
  if (opt && st && st.struct === "HCS" && nInner > 2) {
    // HCS with more than two inner levels is UN constrained to one correlation: G_ab = ρ τ_a τ_b.
    // Maximise over (log σ², log τ², ρ on its feasible range) by BFGS, starting from the UN fit.
    const lo = -1 / (nInner - 1);
    const un = opt.theta;
    const freeVar = [...sigmaTerms.map((_, i) => i), ...tauIdx].filter((i) => fixed[i] === null);
    const toTheta = (x: number[]): Float64Array => {
      const th = un.slice();
      freeVar.forEach((i, j) => (th[i] = Math.exp(x[j])));
      for (let i = 0; i < nPar; i++) if (fixed[i] !== null) th[i] = fixed[i]!;
      const rho = lo + (1 - lo) / (1 + Math.exp(-x[freeVar.length]));
      for (let a = 0; a < nInner; a++) {
        for (let b = 0; b < a; b++) th[covIdx[a][b]] = rho * Math.sqrt(th[tauIdx[a]] * th[tauIdx[b]]);
      }
      return th;
    };
    let rbar = 0, cnt = 0;
    for (let a = 0; a < nInner; a++) {
      for (let b = 0; b < a; b++) {
        const den = Math.sqrt(un[tauIdx[a]] * un[tauIdx[b]]);
        if (den > 0) {
          rbar += un[covIdx[a][b]] / den;
          cnt++;
        }
      }
    }
    rbar = Math.min(0.95, Math.max(lo + 0.05 * (1 - lo), cnt ? rbar / cnt : 0.5));
    const x0 = [...freeVar.map((i) => Math.log(Math.max(un[i], 1e-6))), Math.log((rbar - lo) / (1 - rbar))];
    const obj = (x: number[]) => {
      const e = evaluate(model, toTheta(x), reml, false);
      return e === null ? 1e300 : -e.ll;
    };
    let x = bfgs(obj, x0);
    x = bfgs(obj, x);
    const th = toTheta(x);
    for (const i of freeVar) if (th[i] < 1e-10 * Math.max(...freeVar.map((j) => th[j]))) th[i] = 0;
    const ev = evaluate(model, th, reml, false);
    opt = ev === null ? null : { theta: th, ev, iter: opt.iter, converged: true };
  }
  if (opt === null) fail(TOOL, "V", "gives a marginal covariance that is not positive definite");
  if (!opt.converged) warnings.push(`${TOOL}: the optimiser did not converge in ${opt.iter} iterations`);
  const theta = opt.theta;
  const ev = opt.ev;

  // --- outputs
  const A = ev.A;
  const beta = Array.from(ev.beta);
  const vb = toRows(A, p, p);
  const se = beta.map((_, j) => Math.sqrt(A[j * p + j]));
  const zval = beta.map((b, j) => b / se[j]);
  const alpha = 1 - level / 100;

  let ddf: number[] | null = null;
  if (test === "t") {
    if (dfs === "residual") {
      ddf = beta.map(() => k - p);
    } else {
      // metafor's containment rule: for each coefficient the smallest number of levels among the
      // random factors within whose levels the coefficient's column is constant, minus p (k - p if none)
      const factors: Term[] = [...sigmaTerms];
      if (st) {
        factors.push({ global: Int32Array.from(st.outer, (o, i) => o * st.nInner + st.inner[i]), nlevels: 0 });
        factors.push({ global: st.outer, nlevels: st.nOuter });
        factors[factors.length - 2].nlevels = new Set(factors[factors.length - 2].global).size;
      }
      ddf = beta.map((_, j) => {
        let best = k;
        for (const f of factors) {
          const seen = new Map<number, number>();
          let constant = true;
          for (let i = 0; i < k && constant; i++) {
            const v = Xrows[i][j], prev = seen.get(f.global[i]);
            if (prev === undefined) seen.set(f.global[i], v);
            else if (prev !== v) constant = false;
          }
          if (constant) best = Math.min(best, f.nlevels);
        }
        return best - p;
      });
    }
    ddf.forEach((d, j) => {
      if (!(d > 0)) fail(TOOL, "dfs", `gives ${d} denominator df for coefficient ${names[j]}; use dfs "residual"`, dfs);
    });
  }
  const pval = zval.map((z, j) =>
    ddf ? 2 * pt(Math.abs(z), ddf[j], { lower: false }) : 2 * pnorm(Math.abs(z), 0, 1, { lower: false })
  );
  const crit = beta.map((
    _,
    j,
  ) => (ddf ? qt(alpha / 2, ddf[j], { lower: false }) : qnorm(alpha / 2, 0, 1, { lower: false })));

  // QM
  const btt = intercept && names[0] === "intrcpt" && p > 1 ? names.map((_, j) => j).slice(1) : names.map((_, j) => j);
  const m = btt.length;
  const sub = new Float64Array(m * m);
  btt.forEach((a, i) => btt.forEach((b, j) => (sub[i * m + j] = A[a * p + b])));
  const subInv = spdInverse(sub, m);
  if (subInv === null) fail(TOOL, "mods", "the covariance matrix of the coefficients is singular");
  let QM = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) QM += beta[btt[i]] * subInv.inv[i * m + j] * beta[btt[j]];
  let QMdf: [number, number | null];
  let QMp: number;
  if (ddf) {
    const d2 = Math.min(...btt.map((j) => ddf![j]));
    QM /= m;
    QMdf = [m, d2];
    QMp = pf(QM, m, d2, { lower: false });
  } else {
    QMdf = [m, null];
    QMp = pchisq(QM, m, { lower: false });
  }

  // QE with V only
  const QE = Math.max(0, ev0.RSS);
  const logdetV = ev0.logdetM;
  const QEdf = k - p;
  const QEp = pchisq(QE, QEdf, { lower: false });

  // variance components
  const sigma2 = Array.from(theta.subarray(0, nSigma));
  let tau2: number[] = [], rho: number[] = [], G: number[][] = [];
  if (st) {
    const Gm = Gof(theta);
    G = toRows(Gm, nInner, nInner);
    if (st.struct === "CS") {
      tau2 = [theta[tauIdx[0]]];
      rho = [tau2[0] > 0 ? theta[covIdx[0][1]] / tau2[0] : 0];
    } else {
      tau2 = tauIdx.map((i) => theta[i]);
      if (st.struct === "DIAG") rho = [0];
      else if (st.struct === "HCS") {
        const den = Math.sqrt(tau2[0] * tau2[1]);
        rho = [den > 0 ? Gm[1] / den : 0];
      } else {
        for (let a = 0; a < nInner; a++) {
          for (let b = 0; b < a; b++) {
            const den = Math.sqrt(tau2[a] * tau2[b]);
            rho.push(den > 0 ? Gm[a * nInner + b] / den : 0);
          }
        }
      }
    }
  }
  for (let i = 0; i < nPar; i++) {
    if (isVar[i] && theta[i] === 0 && fixed[i] === null) {
      warnings.push(`${TOOL}: a variance component is estimated at 0 (boundary)`);
    }
  }

  // fit statistics
  // as metafor: only estimated components count (HCS: q variances and one correlation)
  const hcsExtra = st && st.struct === "HCS" && nInner > 2 ? (nInner * (nInner - 1)) / 2 - 1 : 0;
  const parms = p + nPar - nFixed - hcsExtra;
  const ll = ev.ll;
  const n = reml ? k - p : k;
  const llSat = -0.5 * k * Math.log(2 * Math.PI) - 0.5 * logdetV;
  const fit_stats: MvFitStats = {
    logLik: ll,
    deviance: reml ? -2 * ll : -2 * (ll - llSat),
    AIC: -2 * ll + 2 * parms,
    BIC: -2 * ll + parms * Math.log(n),
    AICc: -2 * ll + 2 * parms * Math.max(n, parms + 2) / (Math.max(n, parms + 2) - parms - 1),
    logLik_ML: ev.llML,
    logLik_REML: ev.llREML,
  };

  const result: RmaMvResult = {
    model: "rma.mv",
    k,
    p,
    method,
    test,
    dfs,
    level,
    coef_names: names,
    beta,
    se,
    zval,
    tval: ddf ? zval.slice() : null,
    pval,
    ci_lb: beta.map((b, j) => b - crit[j] * se[j]),
    ci_ub: beta.map((b, j) => b + crit[j] * se[j]),
    ddf,
    vb,
    sigma2,
    s_names: sNames,
    s_nlevels: sigmaTerms.map((t) => t.nlevels),
    struct: st ? st.struct : null,
    tau2,
    rho,
    G,
    g_levels: st ? st.innerLevels : [],
    QE,
    QEdf,
    QEp,
    QM,
    QMdf,
    QMp,
    btt: btt.map((j) => j + 1),
    fit_stats,
    iter: opt.iter,
    warnings,
  };
  for (const [name, v] of Object.entries({ beta, se, QE, QM, ll })) {
    for (const x of asArray(v as number | number[])) {
      if (!Number.isFinite(x)) fail(TOOL, name, "is not finite (numerical failure: check V and the moderators)", x);
    }
  }
  setMvState(result, {
    model,
    theta,
    reml,
    X: Xrows,
    yi: yi.slice(),
    hasIntercept: intercept,
    nSigma,
    struct: st ? st.struct : null,
    tauIdx,
    covIdx,
    nInner,
    logdetV,
    ev,
    fixed,
  });
  return result;
}

/** Options of {@link predictMv}. */
export interface PredictMvOptions {
  /**
   * Moderator values of the new rows, without the intercept column when the model has one (as
   * metafor's `newmods`). Default: the intercept alone (intercept-only models).
   */
  newmods?: number[][];
  /** For UN/HCS/DIAG: the inner level whose tau2 enters each prediction interval (metafor's `tau2.levels`). */
  tau2_levels?: string[];
  /** Confidence level in percent or as a proportion (default: the fit's). */
  level?: number;
}

/** Result of {@link predictMv}: one entry per new row. */
export interface PredictMvResult {
  /** Predicted values. */
  pred: number[];
  /** Standard errors of the predicted values. */
  se: number[];
  /** Confidence bounds. */
  ci_lb: number[];
  /** Confidence bounds. */
  ci_ub: number[];
  /** Prediction-interval bounds (null where the tau2 level is not given for a UN/HCS/DIAG model). */
  pi_lb: (number | null)[];
  /** Prediction-interval bounds. */
  pi_ub: (number | null)[];
  /** Confidence level in percent. */
  level: number;
}

/**
 * Predicted values with confidence and prediction intervals, as metafor's `predict.rma()` for
 * `rma.mv` fits: `pred ± crit · sqrt(se² + Σ sigma2 + tau2)` (tau2 of the chosen inner level; the
 * single tau2 for CS); crit from z or from t with the fit's df.
 *
 * @example
 * ```ts
 * import { predictMv, rmaMv } from "./rmamv.ts";
 * const fit = rmaMv({
 *   yi: [0.2, 0.4, 0.1, 0.6, 0.5, 0.3, 0.9, 0.7],
 *   V: [0.02, 0.03, 0.02, 0.04, 0.03, 0.02, 0.05, 0.04],
 *   random: { nested: [[1, 1, 2, 2, 3, 3, 4, 4], [1, 2, 1, 2, 1, 2, 1, 2]] },
 * });
 * const pr = predictMv(fit);
 * if (!(pr.pi_lb[0]! <= pr.ci_lb[0] && pr.ci_ub[0] <= pr.pi_ub[0]!)) throw new Error("PI contains CI");
 * ```
 */
export function predictMv(fit: RmaMvResult, options: PredictMvOptions = {}): PredictMvResult {
  const tool = "predictMv";
  const s = mvState(fit, tool);
  const p = fit.p;
  const level = normalizeLevel(options.level ?? fit.level, tool, "level");
  let rows: number[][];
  if (options.newmods === undefined) {
    if (p !== 1 || !s.hasIntercept) fail(tool, "newmods", `is required for a model with ${p} coefficients`);
    rows = [[1]];
  } else {
    const want = s.hasIntercept ? p - 1 : p;
    rows = options.newmods.map((r, i) => {
      if (!Array.isArray(r) || r.length !== want || r.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
        fail(tool, `newmods[${i}]`, `row ${i + 1}: must have ${want} finite numbers`, r);
      }
      return s.hasIntercept ? [1, ...r] : r.slice();
    });
  }
  const tl = options.tau2_levels;
  if (tl !== undefined && tl.length !== rows.length) {
    fail(tool, "tau2_levels", `must have ${rows.length} elements (one per new row)`, tl.length);
  }
  const sumSigma = fit.sigma2.reduce((a, b) => a + b, 0);
  const alpha = 1 - level / 100;
  const ddf = fit.ddf ? Math.min(...fit.ddf) : null;
  const crit = ddf !== null ? qt(alpha / 2, ddf, { lower: false }) : qnorm(alpha / 2, 0, 1, { lower: false });
  const out: PredictMvResult = { pred: [], se: [], ci_lb: [], ci_ub: [], pi_lb: [], pi_ub: [], level };
  rows.forEach((x, r) => {
    let pred = 0, v = 0;
    for (let a = 0; a < p; a++) {
      pred += x[a] * fit.beta[a];
      for (let b = 0; b < p; b++) v += x[a] * fit.vb[a][b] * x[b];
    }
    const se = Math.sqrt(v);
    let extra: number | null = sumSigma;
    if (fit.struct === "CS") extra += fit.tau2[0];
    else if (fit.struct !== null) {
      const lev = tl?.[r];
      const j = lev === undefined ? -1 : fit.g_levels.indexOf(String(lev));
      if (lev !== undefined && j < 0) fail(tool, `tau2_levels[${r}]`, `must be one of ${fit.g_levels.join(", ")}`, lev);
      extra = j < 0 ? null : extra + fit.tau2[j];
    }
    out.pred.push(pred);
    out.se.push(se);
    out.ci_lb.push(pred - crit * se);
    out.ci_ub.push(pred + crit * se);
    const sp = extra === null ? null : Math.sqrt(v + extra);
    out.pi_lb.push(sp === null ? null : pred - crit * sp);
    out.pi_ub.push(sp === null ? null : pred + crit * sp);
  });
  return out;
}

/** One variance component's profile-likelihood interval in {@link ConfintMvResult}. */
export interface ConfintMvComponent {
  /** metafor's names, e.g. `["sigma^2.1", "sigma.1"]`, `["tau^2.1", "tau.1"]`, `["rho"]`. */
  names: string[];
  /** The estimate (and its square root for variances). */
  estimate: number[];
  /** Lower bounds (the boundary where the profile does not reach the critical value). */
  ci_lb: number[];
  /** Upper bounds. */
  ci_ub: number[];
}

/** Result of {@link confintMv}. */
export interface ConfintMvResult {
  /** One entry per variance component / correlation, in metafor's order. */
  components: ConfintMvComponent[];
  /** Confidence level in percent. */
  level: number;
}

/**
 * Profile-likelihood confidence intervals for the variance components of a {@link rmaMv} fit,
 * as metafor's `confint()` on `rma.mv` objects: the bounds where 2 (ll_max - ll_profile) equals
 * `qchisq(level, 1)`, every other component re-optimised at each point; a bound is the boundary
 * (0, or ±1 for a correlation) where the profile does not reach the critical value inside the
 * parameter space. Supported: sigma2 components, and tau2 / rho of CS, UN (2 inner levels) and
 * DIAG terms.
 *
 * @example
 * ```ts
 * import { confintMv, rmaMv } from "./rmamv.ts";
 * const fit = rmaMv({
 *   yi: [0.1, 0.3, -0.2, 0.5, 0.4, 0.0, 0.8, 0.6, 0.2, 0.9, 0.7, 0.3],
 *   V: [0.02, 0.03, 0.02, 0.04, 0.03, 0.02, 0.05, 0.04, 0.03, 0.02, 0.03, 0.02],
 *   random: { nested: [[1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4], [1, 2, 3, 1, 2, 1, 2, 3, 4, 1, 2, 3]] },
 * });
 * const ci = confintMv(fit);
 * const c = ci.components[0];
 * if (!(c.ci_lb[0] <= c.estimate[0] && c.estimate[0] <= c.ci_ub[0])) throw new Error("interval around estimate");
 * ```
 */
export function confintMv(fit: RmaMvResult, options: { level?: number } = {}): ConfintMvResult {
  const tool = "confintMv";
  const s = mvState(fit, tool);
  const level = normalizeLevel(options.level ?? 95, tool, "level");
  const crit = qchisq(level / 100, 1);
  const llMax = s.ev.ll;
  const components: ConfintMvComponent[] = [];
  const { model, theta, reml } = s;
  const nPar = model.nPar;

  // a generic profile over a scalar "position" t that maps to a full constraint on theta
  const profile = (
    fix: (t: number, th: Float64Array) => (number | null)[],
    startAt: (t: number) => Float64Array,
  ) =>
  (t: number): number => {
    // components the user fixed stay fixed in every profile
    const fixed = fix(t, theta).map((v, i) => (v === null ? s.fixed[i] : v));
    const st = startAt(t);
    const o = optimize(model, st, reml, fixed);
    if (o === null) return -Infinity;
    return o.ev.ll;
  };
  const findBounds = (
    est: number,
    lo: number,
    hi: number,
    f: (t: number) => number,
  ): [number, number] => {
    const g = (t: number) => 2 * (llMax - f(t)) - crit;
    let lb = lo;
    if (est > lo) {
      const glo = g(lo);
      if (glo > 0) lb = uniroot(g, lo, est, { tol: 1e-10, maxiter: 200, fLower: glo, fUpper: -crit }).root;
    }
    let ub = hi;
    if (Number.isFinite(hi)) {
      const ghi = g(hi);
      if (ghi > 0) ub = uniroot(g, est, hi, { tol: 1e-10, maxiter: 200, fLower: -crit, fUpper: ghi }).root;
    } else {
      let top = Math.max(est * 2, 1e-4);
      let gt = g(top);
      for (let i = 0; i < 60 && gt <= 0; i++) {
        top *= 2;
        gt = g(top);
      }
      ub = gt > 0 ? uniroot(g, est, top, { tol: 1e-10, maxiter: 200, fLower: -crit, fUpper: gt }).root : Infinity;
    }
    return [lb, ub];
  };

  // a variance (sigma2, DIAG's tau2) profiled with every other component re-optimised
  const varComp = (i: number, label: string) => {
    const est = theta[i];
    const f = profile((t) => {
      const fx: (number | null)[] = new Array(nPar).fill(null);
      fx[i] = t;
      return fx;
    }, (t) => {
      const st = theta.slice();
      st[i] = t;
      // keep the start feasible: shrink covariances that involve this variance
      for (let j = 0; j < nPar; j++) if (!model.isVar[j]) st[j] *= est > 0 ? Math.min(1, Math.sqrt(t / est)) : 0;
      return st;
    });
    const [lb, ub] = findBounds(est, 0, Infinity, f);
    components.push({
      names: [`${label}^2`, label],
      estimate: [est, Math.sqrt(est)],
      ci_lb: [lb, Math.sqrt(lb)],
      ci_ub: [ub, Math.sqrt(ub)],
    });
  };
  for (let i = 0; i < s.nSigma; i++) {
    if (s.fixed[i] !== null) continue; // as metafor: fixed components have no interval
    const c0 = components.length;
    varComp(i, "sigma");
    components[c0].names = [`sigma^2.${i + 1}`, `sigma.${i + 1}`];
  }
  if (s.struct !== null && s.tauIdx.some((i) => s.fixed[i] !== null)) {
    fail(tool, "fit", "profile intervals with fixed tau2 components are not supported");
  }
  if (s.struct !== null) {
    if (s.struct === "CS") {
      const ti = s.tauIdx[0], ci = s.covIdx[0][1];
      const rhoHat = fit.rho[0];
      // tau2 profiled with rho (and the other components) re-optimised: covariance = rho * tau2
      const fT = (t: number) => {
        // re-optimise rho for fixed tau2 = t: 1-D search over rho in (-1/(q-1), 1)
        return profileRho(t);
      };
      const q = s.nInner;
      const rmin = -1 / (q - 1);
      const llAt = (tau2v: number, r: number) => {
        const th = theta.slice();
        th[ti] = tau2v;
        th[ci] = r * tau2v;
        const fx: (number | null)[] = new Array(nPar).fill(null);
        fx[ti] = tau2v;
        fx[ci] = r * tau2v;
        const o = optimize(model, th, reml, fx);
        return o === null ? -Infinity : o.ev.ll;
      };
      const profileRho = (tau2v: number): number => golden((r) => llAt(tau2v, r), rmin + 1e-9, 1 - 1e-9);
      const [lb, ub] = findBounds(theta[ti], 0, Infinity, fT);
      components.push({
        names: ["tau^2", "tau"],
        estimate: [theta[ti], Math.sqrt(theta[ti])],
        ci_lb: [lb, Math.sqrt(lb)],
        ci_ub: [ub, Math.sqrt(ub)],
      });
      const fR = (r: number) => golden((t) => llAt(t, r), 0, Math.max(10 * theta[ti], 1e-3));
      const [rl, ru] = findBounds(rhoHat, rmin, 1, fR);
      components.push({ names: ["rho"], estimate: [rhoHat], ci_lb: [rl], ci_ub: [ru] });
    } else if (s.struct === "DIAG" || s.nInner === 2) {
      s.tauIdx.forEach((ti, a) => {
        const c0 = components.length;
        if (s.struct === "DIAG") varComp(ti, "tau");
        else {
          // UN/HCS: tau2_a profiled with tau2_b and rho re-optimised (metafor's parameterisation:
          // the covariance is rho sqrt(tau2_a tau2_b))
          const ci = s.covIdx[0][1];
          const b = 1 - a;
          const tb0 = theta[s.tauIdx[b]];
          const llAt = (ta: number, tb: number, r: number) => {
            const th = theta.slice();
            th[ti] = ta;
            th[s.tauIdx[b]] = tb;
            th[ci] = r * Math.sqrt(ta * tb);
            const fx: (number | null)[] = new Array(nPar).fill(null);
            fx[ti] = ta;
            fx[s.tauIdx[b]] = tb;
            fx[ci] = th[ci];
            const o = optimize(model, th, reml, fx);
            return o === null ? -Infinity : o.ev.ll;
          };
          const f = (ta: number) =>
            maximize2((tb, r) => llAt(ta, tb, r), [tb0, fit.rho[0]], [[0, Math.max(20 * tb0, 1e-3)], [
              -1 + 1e-9,
              1 - 1e-9,
            ]]);
          const [lb, ub] = findBounds(theta[ti], 0, Infinity, f);
          components.push({
            names: [`tau^2.${a + 1}`, `tau.${a + 1}`],
            estimate: [theta[ti], Math.sqrt(theta[ti])],
            ci_lb: [lb, Math.sqrt(lb)],
            ci_ub: [ub, Math.sqrt(ub)],
          });
        }
        if (s.struct === "DIAG") components[c0].names = [`tau^2.${a + 1}`, `tau.${a + 1}`];
      });
      if (s.struct !== "DIAG") {
        const ci = s.covIdx[0][1];
        const ta = s.tauIdx[0], tb = s.tauIdx[1];
        const fR = (r: number) => {
          // re-optimise tau2_1, tau2_2 (and the other components) with rho fixed: covariance = r sqrt(t1 t2)
          return maximize2(
            (t1, t2) => {
              const th = theta.slice();
              th[ta] = t1;
              th[tb] = t2;
              th[ci] = r * Math.sqrt(t1 * t2);
              const fx: (number | null)[] = new Array(nPar).fill(null);
              fx[ta] = t1;
              fx[tb] = t2;
              fx[ci] = th[ci];
              const o = optimize(model, th, reml, fx);
              return o === null ? -Infinity : o.ev.ll;
            },
            [theta[ta], theta[tb]],
            [[1e-12, Math.max(20 * theta[ta], 1e-3)], [1e-12, Math.max(20 * theta[tb], 1e-3)]],
          );
        };
        const [rl, ru] = findBounds(fit.rho[0], -1, 1, fR);
        components.push({ names: ["rho"], estimate: [fit.rho[0]], ci_lb: [rl], ci_ub: [ru] });
      }
    } else {
      fail(tool, "fit", "profile intervals for UN/HCS with more than 2 inner levels are not supported");
    }
  }
  for (const c of components) {
    for (const v of [...c.ci_lb, ...c.ci_ub]) {
      if (!Number.isFinite(v)) {
        fail(tool, c.names[0], "the profile likelihood did not reach the critical value (unbounded)", v);
      }
    }
  }
  return { components, level };
}

/**
 * Golden-section search for the maximum of a unimodal function on [a, b]: the last two interior
 * points and their values, after `maxit` steps or once the bracket is narrower than
 * `tol · (1 + |c|)`.
 */
function goldenSection(
  f: (x: number) => number,
  a: number,
  b: number,
  tol: number,
  maxit: number,
): { c: number; d: number; fc: number; fd: number } {
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a), d = a + r * (b - a);
  let fc = f(c), fd = f(d);
  for (let i = 0; i < maxit && Math.abs(b - a) > tol * (1 + Math.abs(c)); i++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - r * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + r * (b - a);
      fd = f(d);
    }
  }
  return { c, d, fc, fd };
}

/** Maximise a unimodal function on [a, b] by golden-section search; returns the maximum value. */
function golden(f: (x: number) => number, a: number, b: number, tol = 1e-10): number {
  const g = goldenSection(f, a, b, tol, 200);
  return Math.max(g.fc, g.fd);
}

/** Maximise a function of two bounded variables by coordinate-wise golden-section search. */
function maximize2(
  f: (x: number, y: number) => number,
  start: [number, number],
  bounds: [[number, number], [number, number]],
): number {
  let [x, y] = start;
  let best = f(x, y);
  for (let it = 0; it < 30; it++) {
    const prev = best;
    x = argGolden((v) => f(v, y), bounds[0][0], bounds[0][1]);
    y = argGolden((v) => f(x, v), bounds[1][0], bounds[1][1]);
    best = f(x, y);
    if (Math.abs(best - prev) < 1e-12 * Math.max(1, Math.abs(best))) break;
  }
  return best;
}

/** The maximiser of a unimodal function on [a, b] by golden-section search (tighter than {@link golden}). */
function argGolden(f: (x: number) => number, a: number, b: number, tol = 1e-11): number {
  const g = goldenSection(f, a, b, tol, 300);
  return g.fc > g.fd ? g.c : g.d;
}
