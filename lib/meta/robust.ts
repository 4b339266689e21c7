/**
 * Cluster-robust (sandwich) inference for meta-analytic models, as metafor's `robust()`:
 * - `clubSandwich: true` — clubSandwich's CR2 estimator (bias-reduced linearisation, Pustejovsky &
 *   Tipton 2018) with the fitted marginal covariance as working model and inverse-variance weights,
 *   Satterthwaite degrees of freedom per coefficient, and the HTZ (Hotelling's T² approximation)
 *   Wald test for several coefficients ({@link waldTest});
 * - default — metafor's CR1-type estimator `m/(m-p) · B M B` with t tests on m - p df.
 *
 * It takes an {@link rmaMv} fit or a univariate fit (`rma`, `rmaMods`: anything with `yi`, `vi`,
 * `tau2` and, with moderators, the model matrix `X`), whose working model is `diag(vi + tau2)`.
 *
 * @example
 * ```ts
 * import { rmaMv } from "./rmamv.ts";
 * import { robust } from "./robust.ts";
 * const study = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5];
 * const fit = rmaMv({
 *   yi: [0.2, 0.4, 0.1, 0.6, 0.5, 0.3, 0.9, 0.7, 0.4, 0.2],
 *   V: [0.02, 0.03, 0.02, 0.04, 0.03, 0.02, 0.05, 0.04, 0.03, 0.02],
 *   random: { nested: [study, [1, 2, 1, 2, 1, 2, 1, 2, 1, 2]] },
 * });
 * const r = robust(fit, { cluster: study, clubSandwich: true });
 * if (!(r.df[0] > 0 && r.df[0] <= 4 + 1e-9)) throw new Error("Satterthwaite df at most m - 1");
 * ```
 * @module
 */
import { fail, ValidationError } from "../validate.ts";
import { normalizeLevel } from "../conventions.ts";
import { pchisq, pf, pt, qt } from "../stats/distributions.ts";
import { cholInPlace, spdInverse, symPower, toRows } from "../stats/_linalg.ts";
import { applyInvSqrt, type InvSqrtScratch, invSqrtScratch } from "./_cr2.ts";
import { blockM } from "./_mv_core.ts";
import type { RmaMvResult } from "./rmamv.ts";
import { mvState } from "./_mv_state.ts";

/** A univariate fit as returned by `rma()` or `rmaMods()` (the fields robust inference needs). */
export interface UniFitLike {
  /** Effect sizes. */
  yi: number[];
  /** Sampling variances. */
  vi: number[];
  /** Estimated τ² (0 for a fixed-effect fit). */
  tau2: number;
  /** Model matrix (rows); absent for an intercept-only fit. */
  X?: number[][];
  /** Coefficient names (rmaMods' `colnames`). */
  colnames?: string[];
}

/** Options of {@link robust} and {@link waldTest}. */
export interface RobustOptions {
  /** Cluster id of every effect size (k), e.g. the study. */
  cluster: (string | number)[];
  /** CR2 with Satterthwaite df and the HTZ test (true), or metafor's CR1-type default (false, default). */
  clubSandwich?: boolean;
  /** Confidence level in percent or as a proportion (default 95). */
  level?: number;
}

/** Result of {@link robust} (metafor's names). */
export interface RobustResult {
  /** "clubSandwich" (CR2) or "default" (CR1-type). */
  robumethod: "clubSandwich" | "default";
  /** Coefficient names. */
  coef_names: string[];
  /** Coefficients (those of the fit). */
  beta: number[];
  /** Cluster-robust standard errors. */
  se: number[];
  /** t statistics. */
  tval: number[];
  /** Degrees of freedom per coefficient (Satterthwaite, or m - p). */
  df: number[];
  /** Two-sided p-values (null where df ≤ 0). */
  pval: (number | null)[];
  /** Lower confidence bounds (null where df ≤ 0). */
  ci_lb: (number | null)[];
  /** Upper confidence bounds (null where df ≤ 0). */
  ci_ub: (number | null)[];
  /** Omnibus F test of `btt` (HTZ for CR2; 0 when the HTZ df is not positive). */
  QM: number;
  /** Its df [q, denominator df]. */
  QMdf: [number, number];
  /** Its p-value (null when the denominator df is not positive). */
  QMp: number | null;
  /** Cluster-robust covariance matrix of the coefficients (rows). */
  vb: number[][];
  /** 1-based indices of the coefficients in QM. */
  btt: number[];
  /** Number of clusters. */
  n_clusters: number;
  /** Confidence level in percent. */
  level: number;
}

/** One Wald test of {@link waldTest}, as clubSandwich's `Wald_test()` rows. */
export interface WaldTestResult {
  /** "chi-sq", "Naive-F" or "HTZ". */
  test: "chi-sq" | "Naive-F" | "HTZ";
  /** F statistic (chi-sq: Q/q). */
  Fstat: number;
  /** Scaling of the HTZ statistic (1 for the others). */
  delta: number;
  /** Numerator df q. */
  df_num: number;
  /** Denominator df (null for chi-sq, i.e. infinite). */
  df_denom: number | null;
  /** p-value (null where the denominator df is not positive). */
  pval: number | null;
}

/**
 * One cluster: its rows and where its pieces sit in the shared arrays of {@link Working}
 * (offsets rather than subarray views: creating ~140 views per call cost more than the arithmetic).
 */
interface Cluster {
  idx: number[];
  n: number;
  /** offset of its n×n blocks in `theta` and `L` */
  sq: number;
  /** offset of its first row in the grouped row order (`X`, `WX`: row r at r·p; `y`: r) */
  row: number;
}

interface Working {
  k: number;
  p: number;
  beta: Float64Array;
  names: string[];
  btt: number[];
  clusters: Cluster[];
  /** Θ_c of every cluster (n_c × n_c each, at `sq`) */
  theta: Float64Array;
  /** Lower Cholesky factors of the Θ_c (upper triangles zero), same layout */
  L: Float64Array;
  /** X_c, W_c X_c (n_c × p each) and y_c, rows grouped by cluster */
  X: Float64Array;
  WX: Float64Array;
  y: Float64Array;
  /** X_c' W_c X_c (p × p) and X_c' W_c y_c (p) of cluster c at c·p², c·p */
  P: Float64Array;
  XWy: Float64Array;
  /** (Σ X_c' W_c X_c)⁻¹ */
  A: Float64Array;
  /** W_c = Θ_c⁻¹ for every cluster (inverse-variance weights on nested clusters) */
  inverse: boolean;
}

function groupClusters(tool: string, cluster: unknown, k: number): number[][] {
  if (!Array.isArray(cluster)) fail(tool, "cluster", `must be an array of ${k} cluster ids`, cluster);
  if (cluster.length !== k) fail(tool, "cluster", `must have ${k} elements (one per effect size)`, cluster.length);
  const map = new Map<string, number[]>();
  cluster.forEach((c, i) => {
    if (!((typeof c === "number" && Number.isFinite(c)) || (typeof c === "string" && c.length > 0))) {
      throw new ValidationError(tool, [{
        path: `cluster[${i}]`,
        row: i + 1,
        rule: "must be a cluster id (number or non-empty string)",
        received: c,
      }]);
    }
    const key = String(c);
    const l = map.get(key);
    if (l) l.push(i);
    else map.set(key, [i]);
  });
  const groups = [...map.values()];
  if (groups.length < 2) fail(tool, "cluster", "must have at least 2 clusters", groups.length);
  return groups;
}

/** Solve Θ Z = B (Θ = L L', L lower in `l`) for B n×m, in place. */
function cholSolveInPlace(l: Float64Array, n: number, B: Float64Array, m: number): void {
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      let s = B[i * m + j];
      for (let t = 0; t < i; t++) s -= l[i * n + t] * B[t * m + j];
      B[i * m + j] = s / l[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = B[i * m + j];
      for (let t = i + 1; t < n; t++) s -= l[t * n + i] * B[t * m + j];
      B[i * m + j] = s / l[i * n + i];
    }
  }
}

/**
 * Zeroed Float64Array of at least `len` elements under `name`, kept between calls: robust() and
 * waldTest() are synchronous and nothing of these buffers reaches their results, so reusing
 * them spares the allocation and the garbage collection of a dozen backing stores per call.
 * Every name is used for one purpose only within a call.
 */
const buffers = new Map<string, Float64Array>();
function buf(name: string, len: number): Float64Array {
  let b = buffers.get(name);
  if (b === undefined || b.length < len) {
    b = new Float64Array(Math.max(len, 2 * (b?.length ?? 0)));
    buffers.set(name, b);
  } else b.fill(0, 0, len);
  return b;
}

/** The working model (fitted marginal covariance, weights, GLS pieces) of a fit, split by cluster. */
function working(tool: string, fit: RmaMvResult | UniFitLike, cluster: unknown): Working {
  if (fit === null || typeof fit !== "object") {
    fail(tool, "fit", "must be a result of rmaMv(), rma() or rmaMods()", fit);
  }
  let k: number, p: number, X: Float64Array, y: Float64Array, names: string[], hasIntercept: boolean;
  // the working covariance restricted to a set of rows
  let thetaOf: (idx: number[], o: Float64Array) => Float64Array;
  let nested: (groups: number[][]) => boolean;
  if ((fit as RmaMvResult).model === "rma.mv") {
    const f = fit as RmaMvResult;
    const s = mvState(f, tool);
    k = f.k;
    p = f.p;
    names = f.coef_names;
    hasIntercept = s.hasIntercept;
    X = buf("X", k * p);
    for (let i = 0; i < k; i++) {
      const r = s.X[i];
      for (let j = 0; j < p; j++) X[i * p + j] = r[j];
    }
    y = buf("y", k);
    for (let i = 0; i < k; i++) y[i] = s.yi[i];
    const blockOf = new Int32Array(k), posOf = new Int32Array(k);
    const blocks = s.model.blocks;
    for (let bi = 0; bi < blocks.length; bi++) {
      const bidx = blocks[bi].idx;
      for (let a = 0; a < bidx.length; a++) {
        blockOf[bidx[a]] = bi;
        posOf[bidx[a]] = a;
      }
    }
    // every block's M in one buffer (views), and Θ restricted to rows idx written into o (zeroed)
    let msz = 0;
    for (const b of blocks) msz += b.n * b.n;
    const Mpool = buf("M", msz);
    let mo = 0;
    const Ms = blocks.map((b) => {
      const v = Mpool.subarray(mo, mo += b.n * b.n);
      return blockM(b, s.theta, v);
    });
    thetaOf = (idx, o) => {
      const n = idx.length;
      for (let a = 0; a < n; a++) {
        const ba = blockOf[idx[a]], Mb = Ms[ba], nb = blocks[ba].n, pa = posOf[idx[a]];
        for (let c = 0; c < n; c++) if (blockOf[idx[c]] === ba) o[a * n + c] = Mb[pa * nb + posOf[idx[c]]];
      }
      return o;
    };
    nested = (groups) => {
      const cl = new Int32Array(k);
      for (let c = 0; c < groups.length; c++) for (const i of groups[c]) cl[i] = c;
      for (const b of blocks) for (const i of b.idx) if (cl[i] !== cl[b.idx[0]]) return false;
      return true;
    };
  } else {
    const f = fit as UniFitLike;
    if (!Array.isArray(f.yi) || !Array.isArray(f.vi) || typeof f.tau2 !== "number" || !Number.isFinite(f.tau2)) {
      fail(tool, "fit", "must be a result of rmaMv(), rma() or rmaMods() (with yi, vi and tau2)", fit);
    }
    k = f.yi.length;
    const rows = f.X ?? f.yi.map(() => [1]);
    p = rows[0].length;
    names = f.colnames ?? (f.X ? rows[0].map((_, j) => (j === 0 ? "intrcpt" : `X${j}`)) : ["intrcpt"]);
    hasIntercept = rows.every((r) => r[0] === 1) && names[0] === "intrcpt";
    X = new Float64Array(k * p);
    rows.forEach((r, i) => r.forEach((v, j) => (X[i * p + j] = v)));
    y = Float64Array.from(f.yi);
    const vi = f.vi, tau2 = f.tau2;
    thetaOf = (idx, o) => {
      const n = idx.length;
      for (let a = 0; a < n; a++) o[a * n + a] = vi[idx[a]] + tau2;
      return o;
    };
    nested = () => true;
  }
  const groups = groupClusters(tool, cluster, k);
  const inverse = nested(groups);
  let fullInv: Float64Array | null = null;
  if (!inverse) {
    const all = Array.from({ length: k }, (_, i) => i);
    const inv = spdInverse(thetaOf(all, new Float64Array(k * k)), k);
    if (inv === null) fail(tool, "fit", "the fitted marginal covariance is not positive definite");
    fullInv = inv.inv;
  }
  const XtWX = new Float64Array(p * p), XtWy = new Float64Array(p);
  const mC = groups.length;
  let sqSize = 0, nmax = 0;
  for (const g of groups) {
    sqSize += g.length * g.length;
    nmax = Math.max(nmax, g.length);
  }
  const theta = buf("theta", sqSize), Lall = buf("L", sqSize);
  const Xg = buf("Xg", k * p), WXg = buf("WXg", k * p), yg = buf("yg", k);
  const Pall = buf("P", mC * p * p), XWyall = buf("XWy", mC * p);
  const th = buf("th", nmax * nmax), L = buf("Lc", nmax * nmax);
  const WXy = buf("WXy", nmax * (p + 1));
  const clusters: Cluster[] = [];
  let sq = 0, row = 0;
  for (let ci = 0; ci < mC; ci++) {
    const idx = groups[ci], n = idx.length, nn = n * n;
    th.fill(0, 0, nn);
    thetaOf(idx, th);
    for (let i = 0; i < nn; i++) theta[sq + i] = L[i] = th[i];
    for (let a = 0; a < n; a++) {
      yg[row + a] = y[idx[a]];
      for (let j = 0; j < p; j++) Xg[(row + a) * p + j] = X[idx[a] * p + j];
    }
    // W X and W y: by a Cholesky solve with Θ_c (nested), or with the sub-block of the full inverse
    if (Number.isNaN(cholInPlace(L, n))) fail(tool, "fit", "a cluster's working covariance is not positive definite");
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) L[a * n + b] = 0;
    for (let i = 0; i < nn; i++) Lall[sq + i] = L[i];
    if (fullInv) {
      WXy.fill(0);
      for (let a = 0; a < n; a++) {
        for (let c = 0; c < n; c++) {
          const w = fullInv[idx[a] * k + idx[c]];
          if (w === 0) continue;
          for (let j = 0; j < p; j++) WXy[a * (p + 1) + j] += w * Xg[(row + c) * p + j];
          WXy[a * (p + 1) + p] += w * yg[row + c];
        }
      }
    } else {
      for (let a = 0; a < n; a++) {
        for (let j = 0; j < p; j++) WXy[a * (p + 1) + j] = Xg[(row + a) * p + j];
        WXy[a * (p + 1) + p] = yg[row + a];
      }
      cholSolveInPlace(L, n, WXy, p + 1);
    }
    const po = ci * p * p, xo = ci * p;
    for (let a = 0; a < n; a++) {
      for (let j = 0; j < p; j++) {
        const wx = WXy[a * (p + 1) + j];
        WXg[(row + a) * p + j] = wx;
        XWyall[xo + j] += wx * yg[row + a];
        for (let t = 0; t < p; t++) Pall[po + j * p + t] += wx * Xg[(row + a) * p + t];
      }
    }
    for (let i = 0; i < p * p; i++) XtWX[i] += Pall[po + i];
    for (let j = 0; j < p; j++) XtWy[j] += XWyall[xo + j];
    clusters.push({ idx, n, sq, row });
    sq += nn;
    row += n;
  }
  const inv = spdInverse(XtWX, p);
  if (inv === null) fail(tool, "fit", "X' W X is singular");
  const A = inv.inv;
  const beta = new Float64Array(p);
  for (let s = 0; s < p; s++) for (let t = 0; t < p; t++) beta[s] += A[s * p + t] * XtWy[t];
  const btt = hasIntercept && p > 1 ? names.map((_, j) => j).slice(1) : names.map((_, j) => j);
  return {
    k,
    p,
    beta,
    names,
    btt,
    clusters,
    theta,
    L: Lall,
    X: Xg,
    WX: WXg,
    y: yg,
    P: Pall,
    XWy: XWyall,
    A,
    inverse,
  };
}

/**
 * Per-cluster pieces of a sandwich estimator with estimating matrices E_c (p × n_c):
 * m_c = E_c e_c, T_c = E_c Θ_c E_c', U_c = E_c X_c (p-vectors / p×p, stored flat by cluster:
 * m[c p + j], T[c p² + …], U[c p² + …]), which is all the sandwich, the Satterthwaite df and
 * the HTZ test need.
 */
interface Pieces {
  m: Float64Array;
  T: Float64Array;
  U: Float64Array;
}

function mul(a: Float64Array, b: Float64Array, n: number, m: number, r: number): Float64Array {
  const o = new Float64Array(n * r);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < m; k++) {
      const v = a[i * m + k];
      if (v === 0) continue;
      for (let j = 0; j < r; j++) o[i * r + j] += v * b[k * r + j];
    }
  }
  return o;
}

/** m_c = X_c' W_c e_c (CR0/CR1 estimating functions). */
function cr1Pieces(w: Working): Pieces {
  const { p, beta } = w;
  const mC = w.clusters.length;
  const m = new Float64Array(mC * p);
  for (let ci = 0; ci < mC; ci++) {
    for (let j = 0; j < p; j++) {
      let v = w.XWy[ci * p + j];
      for (let t = 0; t < p; t++) v -= w.P[ci * p * p + j * p + t] * beta[t];
      m[ci * p + j] = v;
    }
  }
  return { m, T: new Float64Array(0), U: new Float64Array(0) };
}

/**
 * CR2 pieces: E_c = X_c' W_c A_c with clubSandwich's adjustment A_c = D'(D S_c D')^{-1/2} D,
 * D = chol(Θ_c) (upper), S_c = (I - X_c A X_c' W_c) Θ_c (= Θ_c - X_c A X_c' with inverse-variance
 * weights on nested clusters). With Θ_c = L L' (D = L'), B = L' S_c L and Y = (W X)' L (p × n):
 * E = Y B^{-1/2} L', where Y B^{-1/2} comes from {@link applyInvSqrt} (no eigenvectors formed).
 */
function cr2Pieces(tool: string, w: Working): Pieces {
  const { p, beta, A } = w;
  const mC = w.clusters.length, pp = p * p;
  const m = buf("m", mC * p), T = buf("T", mC * pp), U = buf("U", mC * pp);
  // scratch sized for the largest cluster, reused across clusters (indexing uses each cluster's n)
  let nmax = 0;
  for (const c of w.clusters) nmax = Math.max(nmax, c.n);
  const { e, XA, S, SL, B, Y, E, ET, th: theta, Ls: L, ws } = cr2Scratch(nmax, p);
  const x = w.X, WX = w.WX;
  for (let ci = 0; ci < mC; ci++) {
    const c = w.clusters[ci];
    const n = c.n, xo = c.row * p;
    // Θ_c and its Cholesky factor L (Θ = L L') into scratch
    for (let i = 0; i < n * n; i++) {
      theta[i] = w.theta[c.sq + i];
      L[i] = w.L[c.sq + i];
    }
    for (let a = 0; a < n; a++) {
      let s = w.y[c.row + a];
      for (let j = 0; j < p; j++) s -= x[xo + a * p + j] * beta[j];
      e[a] = s;
    }
    // XA = X_c A (n × p)
    for (let a = 0; a < n; a++) {
      for (let j = 0; j < p; j++) {
        let v = 0;
        for (let t = 0; t < p; t++) v += x[xo + a * p + t] * A[t * p + j];
        XA[a * p + j] = v;
      }
    }
    if (w.inverse) {
      for (let a = 0; a < n; a++) {
        for (let b = 0; b <= a; b++) {
          let v = 0;
          for (let j = 0; j < p; j++) v += XA[a * p + j] * x[xo + b * p + j];
          S[a * n + b] = S[b * n + a] = theta[a * n + b] - v;
        }
      }
    } else {
      // (I - X A (W X)') Θ
      const IH = new Float64Array(n * n);
      for (let a = 0; a < n; a++) {
        for (let b = 0; b < n; b++) {
          let v = a === b ? 1 : 0;
          for (let j = 0; j < p; j++) v -= XA[a * p + j] * WX[xo + b * p + j];
          IH[a * n + b] = v;
        }
      }
      S.set(mul(IH, theta, n, n, n));
    }
    congruenceLt(L, S, n, SL, B);
    // Y = (W X)' L
    for (let j = 0; j < p; j++) {
      for (let b = 0; b < n; b++) {
        let v = 0;
        for (let t = b; t < n; t++) v += WX[xo + t * p + j] * L[t * n + b];
        Y[j * n + b] = v;
      }
    }
    if (!applyInvSqrt(B, n, Y, p, ws)) fail(tool, "fit", "the CR2 adjustment did not converge");
    // E = (Y B^{-1/2}) L'
    for (let j = 0; j < p; j++) {
      for (let b = 0; b < n; b++) {
        let v = 0;
        for (let t = 0; t <= b; t++) v += Y[j * n + t] * L[b * n + t];
        E[j * n + b] = v;
      }
    }
    for (let j = 0; j < p; j++) {
      let v = 0;
      for (let a = 0; a < n; a++) v += E[j * n + a] * e[a];
      m[ci * p + j] = v;
    }
    // ET = E Θ (p × n), T_c = E Θ E', U_c = E X
    for (let j = 0; j < p; j++) {
      for (let b = 0; b < n; b++) {
        let v = 0;
        for (let t = 0; t < n; t++) v += E[j * n + t] * theta[t * n + b];
        ET[j * n + b] = v;
      }
    }
    const o = ci * pp;
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        let v = 0, u = 0;
        for (let t = 0; t < n; t++) {
          v += ET[a * n + t] * E[b * n + t];
          u += E[a * n + t] * x[xo + t * p + b];
        }
        T[o + a * p + b] = v;
        U[o + a * p + b] = u;
      }
    }
  }
  return { m, T, U };
}

/** Scratch of {@link cr2Pieces}, kept between calls and grown on demand (contents are not reused). */
interface Cr2Scratch {
  nmax: number;
  p: number;
  e: Float64Array;
  XA: Float64Array;
  S: Float64Array;
  SL: Float64Array;
  B: Float64Array;
  Y: Float64Array;
  E: Float64Array;
  ET: Float64Array;
  th: Float64Array;
  Ls: Float64Array;
  ws: InvSqrtScratch;
}
let scratch: Cr2Scratch | null = null;

function cr2Scratch(nmax: number, p: number): Cr2Scratch {
  if (scratch !== null && scratch.nmax >= nmax && scratch.p >= p) return scratch;
  const n = Math.max(nmax, scratch?.nmax ?? 0), q = Math.max(p, scratch?.p ?? 0);
  scratch = {
    nmax: n,
    p: q,
    e: new Float64Array(n),
    XA: new Float64Array(n * q),
    S: new Float64Array(n * n),
    SL: new Float64Array(n * n),
    B: new Float64Array(n * n),
    Y: new Float64Array(q * n),
    E: new Float64Array(q * n),
    ET: new Float64Array(q * n),
    th: new Float64Array(n * n),
    Ls: new Float64Array(n * n),
    ws: invSqrtScratch(n),
  };
  return scratch;
}

/** B = L' S L for lower-triangular L (n×n); the lower triangle of B is written (all that is read). */
function congruenceLt(L: Float64Array, S: Float64Array, n: number, SL: Float64Array, B: Float64Array): Float64Array {
  // SL[a][b] = Σ_{t ≥ b} S[a][t] L[t][b], accumulated row by row of L (contiguous inner loops)
  SL.fill(0, 0, n * n);
  for (let a = 0; a < n; a++) {
    const ra = a * n;
    for (let t = 0; t < n; t++) {
      const st = S[ra + t], rt = t * n;
      for (let b = 0; b <= t; b++) SL[ra + b] += st * L[rt + b];
    }
  }
  // B[a][b] = Σ_{t ≥ a} L[t][a] SL[t][b] for b ≤ a
  B.fill(0, 0, n * n);
  for (let t = 0; t < n; t++) {
    const rt = t * n;
    for (let a = 0; a <= t; a++) {
      const l = L[rt + a], ra = a * n;
      for (let b = 0; b <= a; b++) B[ra + b] += l * SL[rt + b];
    }
  }
  return B;
}

/** The sandwich A (Σ_c m_c m_c') A, times `scale`. */
function sandwich(w: Working, pc: Pieces, scale: number): Float64Array {
  const p = w.p, mC = w.clusters.length, um = pc.m;
  const meat = new Float64Array(p * p);
  for (let c = 0; c < mC; c++) {
    const o = c * p;
    for (let s = 0; s < p; s++) for (let t = 0; t < p; t++) meat[s * p + t] += um[o + s] * um[o + t];
  }
  const V = mul(mul(w.A, meat, p, p, p), w.A, p, p, p);
  for (let i = 0; i < p * p; i++) V[i] *= scale;
  for (let s = 0; s < p; s++) {
    for (let t = 0; t < s; t++) {
      const v = (V[s * p + t] + V[t * p + s]) / 2;
      V[s * p + t] = V[t * p + s] = v;
    }
  }
  return V;
}

/**
 * The pieces of clubSandwich's P array (`get_P_array(all_terms = TRUE)`) for a contrast matrix
 * C (q×p): P_cd = δ_cd D_c - F̃_c F_d' (q×q blocks) with G_c = C A E_c, D_c = G_c Θ_c G_c' =
 * CA T_c A C', F_c = G_c X_c = CA U_c and F̃_c = F_c A. Returned flat: D[c q² + s q + t],
 * F[(c q + s) p + j], FA[(c q + s) p + j]; the m² blocks are never formed.
 */
function pPieces(
  w: Working,
  pc: Pieces,
  C: Float64Array,
  q: number,
): { D: Float64Array; F: Float64Array; FA: Float64Array } {
  const p = w.p, A = w.A;
  const m = w.clusters.length, pp = p * p;
  const CA = buf("CA", q * p);
  for (let s = 0; s < q; s++) {
    for (let j = 0; j < p; j++) {
      let v = 0;
      for (let t = 0; t < p; t++) v += C[s * p + t] * A[t * p + j];
      CA[s * p + j] = v;
    }
  }
  const D = buf("D", m * q * q), F = buf("F", m * q * p), FA = buf("FA", m * q * p);
  const CAT = buf("CAT", q * p);
  for (let c = 0; c < m; c++) {
    const o = c * pp;
    for (let s = 0; s < q; s++) {
      for (let j = 0; j < p; j++) {
        let v = 0, f = 0;
        for (let t = 0; t < p; t++) {
          v += CA[s * p + t] * pc.T[o + t * p + j];
          f += CA[s * p + t] * pc.U[o + t * p + j];
        }
        CAT[s * p + j] = v;
        F[(c * q + s) * p + j] = f;
      }
    }
    for (let s = 0; s < q; s++) {
      for (let t = 0; t < q; t++) {
        let v = 0;
        for (let j = 0; j < p; j++) v += CAT[s * p + j] * CA[t * p + j];
        D[(c * q + s) * q + t] = v;
      }
      for (let j = 0; j < p; j++) {
        let v = 0;
        for (let t = 0; t < p; t++) v += F[(c * q + s) * p + t] * A[t * p + j];
        FA[(c * q + s) * p + j] = v;
      }
    }
  }
  return { D, F, FA };
}

/**
 * For one contrast (q = 1): E = Σ_c P_cc and V = Σ_cd P_cd² with P_cd = δ_cd D_c - f̃_c·f_d,
 * in O(m p²): V = Σ_c D_c² - 2 Σ_c D_c f̃_c·f_c + Σ_cd (f̃_c·f_d)², the last = tr((Σ f̃ f̃')(Σ f f')).
 */
function pMoments(D: Float64Array, F: Float64Array, FA: Float64Array, m: number, p: number): [number, number] {
  let E = 0, V = 0;
  const Ga = new Float64Array(p * p), Gb = new Float64Array(p * p);
  for (let c = 0; c < m; c++) {
    let ff = 0;
    for (let t = 0; t < p; t++) {
      const a = FA[c * p + t], b = F[c * p + t];
      ff += a * b;
      for (let u = 0; u < p; u++) {
        Ga[t * p + u] += a * FA[c * p + u];
        Gb[t * p + u] += b * F[c * p + u];
      }
    }
    E += D[c] - ff;
    V += D[c] * D[c] - 2 * D[c] * ff;
  }
  for (let i = 0; i < p * p; i++) V += Ga[i] * Gb[i];
  return [E, V];
}

/** Satterthwaite df of every coefficient (clubSandwich's coef_test, test = "Satterthwaite"). */
function satterthwaite(w: Working, pc: Pieces): number[] {
  const p = w.p;
  const m = w.clusters.length;
  const C = new Float64Array(p);
  const df: number[] = [];
  for (let j = 0; j < p; j++) {
    C.fill(0);
    C[j] = 1;
    const { D, F, FA } = pPieces(w, pc, C, 1);
    const [E, V] = pMoments(D, F, FA, m, p);
    df.push((E * E) / V);
  }
  return df;
}

/** Σ_cd [tr(B_cd²) + tr(B_cd)²] with B_cd = Ω^{-1/2} P_cd Ω^{-1/2}, Ω = Σ_c P_cc (the HTZ moments). */
function htzTotal(D: Float64Array, F: Float64Array, FA: Float64Array, m: number, p: number, q: number): number {
  let total = 0;
  const qq = q * q;
  const Omega = new Float64Array(qq);
  for (let c = 0; c < m; c++) {
    for (let s = 0; s < q; s++) {
      for (let t = 0; t < q; t++) {
        let v = D[c * qq + s * q + t];
        for (let j = 0; j < p; j++) v -= FA[(c * q + s) * p + j] * F[(c * q + t) * p + j];
        Omega[s * q + t] += v;
      }
    }
  }
  const On = symPower(Omega, q, -0.5);
  const Pb = new Float64Array(qq), T = new Float64Array(qq), B = new Float64Array(qq);
  for (let c = 0; c < m; c++) {
    for (let d = 0; d < m; d++) {
      // P_cd = δ_cd D_c - F̃_c F_d'
      for (let s = 0; s < q; s++) {
        for (let t = 0; t < q; t++) {
          let v = c === d ? D[c * qq + s * q + t] : 0;
          for (let j = 0; j < p; j++) v -= FA[(c * q + s) * p + j] * F[(d * q + t) * p + j];
          Pb[s * q + t] = v;
        }
      }
      // B = On P_cd On
      for (let s = 0; s < q; s++) {
        for (let t = 0; t < q; t++) {
          let v = 0;
          for (let u = 0; u < q; u++) v += On[s * q + u] * Pb[u * q + t];
          T[s * q + t] = v;
        }
      }
      for (let s = 0; s < q; s++) {
        for (let t = 0; t < q; t++) {
          let v = 0;
          for (let u = 0; u < q; u++) v += T[s * q + u] * On[u * q + t];
          B[s * q + t] = v;
        }
      }
      for (let s = 0; s < q; s++) {
        for (let t = 0; t < q; t++) total += B[s * q + t] * B[t * q + s] + B[s * q + s] * B[t * q + t];
      }
    }
  }
  return total;
}

function htz(w: Working, pc: Pieces, vcr: Float64Array, coefs: number[]): WaldTestResult[] {
  const p = w.p, q = coefs.length, m = w.clusters.length;
  const C = new Float64Array(q * p);
  coefs.forEach((j, s) => (C[s * p + j] = 1));
  const sub = new Float64Array(q * q);
  coefs.forEach((a, s) => coefs.forEach((b, t) => (sub[s * q + t] = vcr[a * p + b])));
  const inv = spdInverse(sub, q);
  if (inv === null) {
    fail(
      "waldTest",
      "coefs",
      "the robust covariance matrix of these coefficients is not positive definite; the test cannot be computed",
    );
  }
  let Q = 0;
  coefs.forEach((a, s) => coefs.forEach((b, t) => (Q += w.beta[a] * inv.inv[s * q + t] * w.beta[b])));
  const out: WaldTestResult[] = [];
  out.push({ test: "chi-sq", Fstat: Q / q, delta: 1, df_num: q, df_denom: null, pval: pchisq(Q, q, { lower: false }) });
  out.push({
    test: "Naive-F",
    Fstat: Q / q,
    delta: 1,
    df_num: q,
    df_denom: m - 1,
    pval: pf(Q / q, q, m - 1, { lower: false }),
  });
  const { D, F, FA } = pPieces(w, pc, C, q);
  let total = 0;
  if (q === 1) {
    // Ω = Σ_c P_cc, B_cd = Ω^{-1/2} P_cd Ω^{-1/2}: total = Σ_cd 2 B_cd² = 2 Ω^{-2} Σ_cd P_cd²
    const [E, V] = pMoments(D, F, FA, m, p);
    const On = symPower(Float64Array.of(E), 1, -0.5)[0];
    total = 2 * On ** 4 * V;
  } else {
    total = htzTotal(D, F, FA, m, p, q);
  }
  const nu = (q * (q + 1)) / total;
  const df = nu - q + 1;
  const delta = Math.max(df / nu, 0);
  const Fs = (delta * Q) / q;
  out.push({
    test: "HTZ",
    Fstat: Fs,
    delta,
    df_num: q,
    df_denom: df,
    pval: df > 0 ? pf(Fs, q, df, { lower: false }) : null,
  });
  return out;
}

function checkFinite(tool: string, field: string, xs: number[]): void {
  xs.forEach((v, i) => {
    if (!Number.isFinite(v)) fail(tool, `${field}[${i}]`, "is not finite (degenerate cluster structure)", v);
  });
}

/**
 * Cluster-robust tests and confidence intervals for the coefficients of a fit, as metafor's
 * `robust(fit, cluster, clubSandwich)`.
 *
 * @example
 * ```ts
 * import { robust } from "./robust.ts";
 * // a univariate fit (as rma() returns it): working model diag(vi + tau2)
 * const fit = { yi: [0.1, 0.5, 0.3, 0.8, 0.2, 0.6], vi: [0.02, 0.03, 0.02, 0.05, 0.04, 0.03], tau2: 0.01 };
 * const r = robust(fit, { cluster: ["a", "a", "b", "b", "c", "c"] });
 * if (r.df[0] !== 2 || r.robumethod !== "default") throw new Error("CR1: m - p = 2 df");
 * ```
 */
export function robust(fit: RmaMvResult | UniFitLike, options: RobustOptions): RobustResult {
  const tool = "robust";
  if (options === null || typeof options !== "object") fail(tool, "options", "must be an object with cluster", options);
  const level = normalizeLevel(options.level ?? 95, tool, "level");
  const w = working(tool, fit, options.cluster);
  const cs = options.clubSandwich ?? false;
  const m = w.clusters.length, p = w.p;
  const alpha = 1 - level / 100;
  let vb: Float64Array, df: number[], QM: number, QMdf: [number, number], QMp: number | null;
  if (cs) {
    const pc = cr2Pieces(tool, w);
    vb = sandwich(w, pc, 1);
    df = satterthwaite(w, pc);
    const h = htz(w, pc, vb, w.btt)[2];
    QM = h.Fstat;
    QMdf = [h.df_num, h.df_denom!];
    QMp = h.pval;
  } else {
    if (m <= p) fail(tool, "cluster", `needs more clusters than coefficients (m = ${m}, p = ${p})`, m);
    vb = sandwich(w, cr1Pieces(w), m / (m - p));
    df = Array.from({ length: p }, () => m - p);
    const q = w.btt.length;
    const sub = new Float64Array(q * q);
    w.btt.forEach((a, s) => w.btt.forEach((b, t) => (sub[s * q + t] = vb[a * p + b])));
    const inv = spdInverse(sub, q);
    if (inv === null) {
      fail(tool, "cluster", "the robust covariance matrix is singular (too few clusters for these moderators)");
    }
    let Q = 0;
    w.btt.forEach((a, s) => w.btt.forEach((b, t) => (Q += w.beta[a] * inv.inv[s * q + t] * w.beta[b])));
    QM = Q / q;
    QMdf = [q, m - p];
    QMp = pf(QM, q, m - p, { lower: false });
  }
  const beta = Array.from(w.beta);
  const se = beta.map((_, j) => Math.sqrt(vb[j * p + j]));
  checkFinite(tool, "se", se);
  const tval = beta.map((b, j) => b / se[j]);
  const pval = tval.map((t, j) => (df[j] > 0 ? 2 * pt(Math.abs(t), df[j], { lower: false }) : null));
  const crit = df.map((d) => (d > 0 ? qt(alpha / 2, d, { lower: false }) : NaN));
  return {
    robumethod: cs ? "clubSandwich" : "default",
    coef_names: w.names,
    beta,
    se,
    tval,
    df,
    pval,
    ci_lb: beta.map((b, j) => (df[j] > 0 ? b - crit[j] * se[j] : null)),
    ci_ub: beta.map((b, j) => (df[j] > 0 ? b + crit[j] * se[j] : null)),
    QM,
    QMdf,
    QMp,
    vb: toRows(vb, p, p),
    btt: w.btt.map((j) => j + 1),
    n_clusters: m,
    level,
  };
}

/** Options of {@link waldTest}. */
export interface WaldTestOptions {
  /** Cluster id of every effect size (k). */
  cluster: (string | number)[];
  /** 1-based indices of the coefficients tested jointly (= 0); default: all but the intercept. */
  coefs?: number[];
}

/**
 * Cluster-robust Wald tests that several coefficients are zero with the CR2 covariance matrix, as
 * clubSandwich's `Wald_test(fit, constrain_zero(coefs), vcov = "CR2", test = c("chi-sq",
 * "Naive-F", "HTZ"))`. HTZ: `F = delta · Q / q` on (q, nu - q + 1) df with nu from the
 * Hotelling T² approximation; with few clusters the denominator df can be ≤ 0 (then pval is null).
 *
 * @example
 * ```ts
 * import { waldTest } from "./robust.ts";
 * const fit = {
 *   yi: [0.1, 0.5, 0.3, 0.8, 0.2, 0.6, 0.4, 0.9],
 *   vi: [0.02, 0.03, 0.02, 0.05, 0.04, 0.03, 0.02, 0.03],
 *   tau2: 0.01,
 *   X: [[1, 0], [1, 1], [1, 0], [1, 1], [1, 0], [1, 1], [1, 0], [1, 1]],
 *   colnames: ["intrcpt", "x"],
 * };
 * const [chi, naive, htz] = waldTest(fit, { cluster: [1, 1, 2, 2, 3, 3, 4, 4], coefs: [2] });
 * if (htz.test !== "HTZ" || naive.df_denom !== 3 || chi.df_denom !== null) throw new Error("Wald tests");
 * ```
 */
export function waldTest(fit: RmaMvResult | UniFitLike, options: WaldTestOptions): WaldTestResult[] {
  const tool = "waldTest";
  if (options === null || typeof options !== "object") fail(tool, "options", "must be an object with cluster", options);
  const w = working(tool, fit, options.cluster);
  const coefs = options.coefs === undefined ? w.btt : options.coefs.map((c, i) => {
    if (!Number.isInteger(c) || c < 1 || c > w.p) {
      fail(tool, `coefs[${i}]`, `must be a coefficient index in 1..${w.p}`, c);
    }
    return c - 1;
  });
  if (coefs.length === 0) fail(tool, "coefs", "must name at least one coefficient");
  if (new Set(coefs).size !== coefs.length) fail(tool, "coefs", "must not repeat a coefficient", options.coefs);
  const pc = cr2Pieces(tool, w);
  const vb = sandwich(w, pc, 1);
  return htz(w, pc, vb, coefs);
}
