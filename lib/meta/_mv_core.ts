/**
 * The numerical core of {@link rmaMv}: the marginal model y ~ N(Xβ, M(θ)) with
 * M(θ) = V + Σ_i θ_i D_i (θ: variance components and covariances, linear in M), evaluated block
 * by block (the blocks are the connected components of M's sparsity pattern, e.g. the studies), and
 * the REML / ML log-likelihood maximised by Newton–Raphson with the observed information (Fisher
 * scoring while the observed information is not positive definite), with step halving, an active
 * set for variances at zero and a feasibility check (G positive semi-definite).
 *
 * The derivative formulas (P = W - W X A X' W, W = M⁻¹, A = (X' W X)⁻¹):
 * - score_i = -½ tr(P D_i) + ½ y' P D_i P y (REML; ML: tr(W D_i));
 * - expected information ½ tr(P D_i P D_l) (ML: W);
 * - observed information -½ tr(P D_i P D_l) + y' P D_i P D_l P y;
 * with every trace reduced to block-wise sums and p×p matrices, so a fit costs Σ n_j³ per
 * iteration, not k³.
 * Internal: not exported from `mod.ts`.
 * @module
 */
import { cholInPlace, cholInverse, spdInverse, spdSolve } from "../stats/_linalg.ts";

/** A derivative matrix D_i on one block: same-level indicator (D[a,b] = 1 iff lev[a] = lev[b] ≥ 0) or dense. */
export type DSpec =
  | { kind: "lev"; lev: Int32Array; nl: number }
  | { kind: "eye" }
  | { kind: "dense"; m: Float64Array };

/** One block of the block-diagonal marginal covariance. */
export interface MvBlock {
  /** 0-based rows of the data set in this block. */
  idx: number[];
  n: number;
  V: Float64Array;
  X: Float64Array;
  y: Float64Array;
  D: DSpec[];
  // scratch (reused between evaluations)
  M: Float64Array;
  W: Float64Array;
  Z: Float64Array;
  li: Float64Array;
  r: Float64Array;
  Py: Float64Array;
  agg: Float64Array;
  WD: Float64Array[];
  DZ: Float64Array[];
  WDZ: Float64Array[];
  u: Float64Array[];
  Wu: Float64Array[];
}

/** The model: blocks, the parameters' kinds and a feasibility check. */
export interface MvModel {
  k: number;
  p: number;
  nPar: number;
  blocks: MvBlock[];
  /** true for variances (kept ≥ 0), false for covariances. */
  isVar: boolean[];
  /** Whether θ gives a valid covariance structure (e.g. G positive semi-definite). */
  feasible: (theta: Float64Array) => boolean;
  /** log|X'X| (metafor's REML log-likelihood includes + ½ log|X'X|). */
  logdetXtX: number;
  /** Scale of the variances (mean sampling variance): a variance below 1e-10 × this is put on the boundary 0. */
  vscale: number;
}

/** The likelihood and its derivatives at θ. */
export interface MvEval {
  /** Log-likelihood of the fitting method (REML with metafor's + ½ log|X'X|, or ML). */
  ll: number;
  llML: number;
  llREML: number;
  beta: Float64Array;
  /** (X' W X)⁻¹ = vb. */
  A: Float64Array;
  score: Float64Array;
  fisher: Float64Array;
  observed: Float64Array;
  /** r' M⁻¹ r at the GLS estimate. */
  RSS: number;
  /** log|M|. */
  logdetM: number;
}

const LOG2PI = Math.log(2 * Math.PI);

/** Per-model scratch of the derivative pass (allocated once per model). */
interface Workspace {
  trWD: Float64Array;
  quad: Float64Array;
  B: Float64Array[];
  C: Float64Array[];
  g: Float64Array[];
  trWDWD: Float64Array;
  obsQ: Float64Array;
  AB: Float64Array[];
  Ag: Float64Array[];
}

const WORKSPACES = new WeakMap<MvModel, Workspace>();

function workspace(model: MvModel): Workspace {
  let ws = WORKSPACES.get(model);
  if (!ws) {
    const { p, nPar: q } = model;
    ws = {
      trWD: new Float64Array(q),
      quad: new Float64Array(q),
      B: Array.from({ length: q }, () => new Float64Array(p * p)),
      C: Array.from({ length: q * q }, () => new Float64Array(p * p)),
      g: Array.from({ length: q }, () => new Float64Array(p)),
      trWDWD: new Float64Array(q * q),
      obsQ: new Float64Array(q * q),
      AB: Array.from({ length: q }, () => new Float64Array(p * p)),
      Ag: Array.from({ length: q }, () => new Float64Array(p)),
    };
    WORKSPACES.set(model, ws);
  }
  return ws;
}

/** The data of one block before its scratch buffers are allocated. */
export interface BlockSpec {
  idx: number[];
  V: Float64Array;
  X: Float64Array;
  y: Float64Array;
  D: DSpec[];
}

function scratchSize(n: number, p: number, D: DSpec[]): number {
  let size = 3 * n * n + n * p + 2 * n + n * Math.max(1, p);
  for (const d of D) size += (d.kind === "eye" ? 0 : n * n) + 2 * n * p + 2 * n;
  return size;
}

/** Build the blocks, with all their scratch buffers in one allocation. */
export function makeBlocks(specs: BlockSpec[], p: number): MvBlock[] {
  let total = 0;
  for (const s of specs) total += scratchSize(s.idx.length, p, s.D);
  const pool = new Float64Array(total);
  let off = 0;
  return specs.map((s) => {
    const b = makeBlock(s.idx, s.V, s.X, s.y, s.D, p, pool.subarray(off));
    off += scratchSize(s.idx.length, p, s.D);
    return b;
  });
}

/** Build a block (its scratch buffers in `pool`, or in a fresh allocation). */
export function makeBlock(
  idx: number[],
  V: Float64Array,
  X: Float64Array,
  y: Float64Array,
  D: DSpec[],
  p: number,
  pool: Float64Array = new Float64Array(scratchSize(idx.length, p, D)),
): MvBlock {
  const n = idx.length, q = D.length;
  let off = 0;
  const take = (len: number) => {
    const v = pool.subarray(off, off + len);
    off += len;
    return v;
  };
  const M = take(n * n), W = take(n * n), Z = take(n * p), li = take(n * n);
  const r = take(n), Py = take(n), agg = take(n * Math.max(1, p));
  const WD: Float64Array[] = [], DZ: Float64Array[] = [], WDZ: Float64Array[] = [];
  const u: Float64Array[] = [], Wu: Float64Array[] = [];
  for (let i = 0; i < q; i++) {
    WD.push(take(D[i].kind === "eye" ? 0 : n * n));
    DZ.push(take(n * p));
    WDZ.push(take(n * p));
    u.push(take(n));
    Wu.push(take(n));
  }
  return { idx, n, V, X, y, D, M, W, Z, li, r, Py, agg, WD, DZ, WDZ, u, Wu };
}

/**
 * out = A B for row-major A (rows × inner) and B (inner × cols), each entry summed over the inner
 * index in ascending order (every dense product of the likelihood and its derivatives).
 */
function matMul(
  A: Float64Array,
  B: Float64Array,
  rows: number,
  inner: number,
  cols: number,
  out: Float64Array,
): void {
  for (let a = 0; a < rows; a++) {
    for (let t = 0; t < cols; t++) {
      let s = 0;
      for (let c = 0; c < inner; c++) s += A[a * inner + c] * B[c * cols + t];
      out[a * cols + t] = s;
    }
  }
}

/** W D for a level-indicator D: (W D)[a,b] = Σ_{c: lev[c] = lev[b]} W[a,c]. */
function mulWD(W: Float64Array, d: DSpec, n: number, out: Float64Array, agg: Float64Array): void {
  if (d.kind === "eye") {
    out.set(W);
  } else if (d.kind === "lev") {
    const { lev, nl } = d;
    for (let a = 0; a < n; a++) {
      agg.fill(0, 0, nl);
      const ra = a * n;
      for (let c = 0; c < n; c++) if (lev[c] >= 0) agg[lev[c]] += W[ra + c];
      for (let b = 0; b < n; b++) out[ra + b] = lev[b] >= 0 ? agg[lev[b]] : 0;
    }
  } else {
    matMul(W, d.m, n, n, n, out);
  }
}

/** D v for v an n×cols matrix (row-major). */
function mulD(d: DSpec, v: Float64Array, n: number, cols: number, out: Float64Array, agg: Float64Array): void {
  if (d.kind === "eye") {
    out.set(v.subarray(0, n * cols));
  } else if (d.kind === "lev") {
    const { lev, nl } = d;
    agg.fill(0, 0, nl * cols);
    for (let c = 0; c < n; c++) {
      if (lev[c] < 0) continue;
      const o = lev[c] * cols;
      for (let j = 0; j < cols; j++) agg[o + j] += v[c * cols + j];
    }
    for (let a = 0; a < n; a++) {
      if (lev[a] < 0) {
        for (let j = 0; j < cols; j++) out[a * cols + j] = 0;
      } else {
        const o = lev[a] * cols;
        for (let j = 0; j < cols; j++) out[a * cols + j] = agg[o + j];
      }
    }
  } else {
    matMul(d.m, v, n, n, cols, out);
  }
}

/** M = V + Σ θ_i D_i on a block. */
export function blockM(b: MvBlock, theta: Float64Array, out: Float64Array): Float64Array {
  const n = b.n;
  out.set(b.V);
  for (let i = 0; i < theta.length; i++) {
    const t = theta[i];
    if (t === 0) continue;
    const d = b.D[i];
    if (d.kind === "eye") {
      for (let a = 0; a < n; a++) out[a * n + a] += t;
    } else if (d.kind === "lev") {
      const lev = d.lev;
      for (let a = 0; a < n; a++) {
        if (lev[a] < 0) continue;
        for (let c = 0; c < n; c++) if (lev[c] === lev[a]) out[a * n + c] += t;
      }
    } else {
      for (let a = 0; a < n * n; a++) out[a] += t * d.m[a];
    }
  }
  return out;
}

/**
 * Evaluate the log-likelihood (and with `derivs` its score and information) at θ; null if M or
 * X' W X is not positive definite.
 */
export function evaluate(model: MvModel, theta: Float64Array, reml: boolean, derivs: boolean): MvEval | null {
  const { p, k, blocks } = model;
  const q = model.nPar;
  const XtWX = new Float64Array(p * p);
  const XtWy = new Float64Array(p);
  let logdetM = 0;
  let yWy = 0;
  // pass 1: W = M^-1, Z = W X per block
  for (const b of blocks) {
    const n = b.n;
    const M = blockM(b, theta, b.M);
    const ld = cholInPlace(M, n);
    if (Number.isNaN(ld)) return null;
    logdetM += ld;
    cholInverse(M, n, b.W, b.li);
    const W = b.W, X = b.X, Z = b.Z, y = b.y;
    for (let a = 0; a < n; a++) {
      let wy = 0;
      for (let c = 0; c < n; c++) wy += W[a * n + c] * y[c];
      yWy += y[a] * wy;
    }
    matMul(W, X, n, n, p, Z);
    for (let a = 0; a < n; a++) {
      for (let i = 0; i < p; i++) {
        const xi = X[a * p + i];
        XtWy[i] += Z[a * p + i] * y[a];
        for (let j = 0; j < p; j++) XtWX[i * p + j] += xi * Z[a * p + j];
      }
    }
  }
  const inv = spdInverse(XtWX, p);
  if (inv === null) return null;
  const A = inv.inv;
  const beta = new Float64Array(p);
  matMul(A, XtWy, p, p, 1, beta);
  let RSS = yWy;
  for (let i = 0; i < p; i++) RSS -= beta[i] * XtWy[i];
  const llML = -0.5 * k * LOG2PI - 0.5 * logdetM - 0.5 * RSS;
  const llREML = -0.5 * (k - p) * LOG2PI + 0.5 * model.logdetXtX - 0.5 * logdetM - 0.5 * inv.logdet - 0.5 * RSS;
  const out: MvEval = {
    ll: reml ? llREML : llML,
    llML,
    llREML,
    beta,
    A,
    score: new Float64Array(q),
    fisher: new Float64Array(q * q),
    observed: new Float64Array(q * q),
    RSS,
    logdetM,
  };
  if (!derivs) return out;

  // pass 2: derivatives
  const ws = workspace(model);
  const { trWD, quad, B, C, g, trWDWD, obsQ, AB, Ag } = ws;
  trWD.fill(0);
  quad.fill(0);
  trWDWD.fill(0);
  obsQ.fill(0);
  for (const x of B) x.fill(0);
  for (const x of C) x.fill(0);
  for (const x of g) x.fill(0);
  for (const b of blocks) {
    const n = b.n, W = b.W, Z = b.Z, X = b.X, y = b.y;
    // Py = W (y - X beta)
    const r = b.r;
    for (let a = 0; a < n; a++) {
      let s = y[a];
      for (let j = 0; j < p; j++) s -= X[a * p + j] * beta[j];
      r[a] = s;
    }
    const Py = b.Py;
    matMul(W, r, n, n, 1, Py);
    const { WDZ, Wu, agg } = b;
    const WD = b.WD, DZ = b.DZ, u = b.u;
    for (let i = 0; i < q; i++) {
      const d = b.D[i];
      const eye = d.kind === "eye";
      // D = I: W D = W, D Z = Z, D Py = Py (aliases, no copies)
      if (eye) {
        WD[i] = W;
        DZ[i] = Z;
        u[i] = Py;
      }
      const wd = WD[i];
      if (!eye) mulWD(W, d, n, wd, agg);
      let tr = 0;
      for (let a = 0; a < n; a++) tr += wd[a * n + a];
      trWD[i] += tr;
      const dz = DZ[i];
      if (!eye) mulD(d, Z, n, p, dz, agg);
      const Bi = B[i];
      for (let a = 0; a < n; a++) {
        for (let s = 0; s < p; s++) {
          const zs = Z[a * p + s];
          for (let t = 0; t < p; t++) Bi[s * p + t] += zs * dz[a * p + t];
        }
      }
      // W DZ
      matMul(W, dz, n, n, p, WDZ[i]);
      const ui = u[i];
      if (!eye) mulD(d, Py, n, 1, ui, agg);
      let qd = 0;
      for (let a = 0; a < n; a++) qd += Py[a] * ui[a];
      quad[i] += qd;
      const gi = g[i];
      for (let a = 0; a < n; a++) for (let s = 0; s < p; s++) gi[s] += Z[a * p + s] * ui[a];
      matMul(W, ui, n, n, 1, Wu[i]);
    }
    for (let i = 0; i < q; i++) {
      for (let l = 0; l <= i; l++) {
        const wi = WD[i], wl = WD[l];
        let tr = 0;
        for (let a = 0; a < n; a++) for (let c = 0; c < n; c++) tr += wi[a * n + c] * wl[c * n + a];
        trWDWD[i * q + l] += tr;
        let oq = 0;
        for (let a = 0; a < n; a++) oq += u[i][a] * Wu[l][a];
        obsQ[i * q + l] += oq;
        // C_il = DZ_i' W DZ_l
        const Cil = C[i * q + l], dzi = DZ[i], wdzl = WDZ[l];
        for (let a = 0; a < n; a++) {
          for (let s = 0; s < p; s++) {
            const v = dzi[a * p + s];
            if (v === 0) continue;
            for (let t = 0; t < p; t++) Cil[s * p + t] += v * wdzl[a * p + t];
          }
        }
      }
    }
  }
  const trAB = (Bi: Float64Array) => {
    let s = 0;
    for (let a = 0; a < p; a++) for (let c = 0; c < p; c++) s += A[a * p + c] * Bi[c * p + a];
    return s;
  };
  // AB_i = A B_i
  B.forEach((Bi, i) => matMul(A, Bi, p, p, p, AB[i]));
  g.forEach((gi, i) => matMul(A, gi, p, p, 1, Ag[i]));
  for (let i = 0; i < q; i++) {
    const tr = reml ? trWD[i] - trAB(B[i]) : trWD[i];
    out.score[i] = -0.5 * tr + 0.5 * quad[i];
    for (let l = 0; l <= i; l++) {
      let trPP = trWDWD[i * q + l];
      if (reml) {
        let t2 = 0;
        for (let a = 0; a < p; a++) for (let c = 0; c < p; c++) t2 += AB[i][a * p + c] * AB[l][c * p + a];
        trPP += -2 * trAB(C[i * q + l]) + t2;
      }
      let gAg = 0;
      for (let a = 0; a < p; a++) gAg += g[i][a] * Ag[l][a];
      const yq = obsQ[i * q + l] - gAg;
      out.fisher[i * q + l] = out.fisher[l * q + i] = 0.5 * trPP;
      out.observed[i * q + l] = out.observed[l * q + i] = -0.5 * trPP + yq;
    }
  }
  return out;
}

/** Result of {@link optimize}. */
export interface OptimResult {
  theta: Float64Array;
  ev: MvEval;
  iter: number;
  converged: boolean;
}

/**
 * Maximise the (restricted) log-likelihood over θ from `start`; `fixed[i]` (when given and not
 * null) holds θ_i at that value (profile likelihood).
 */
export function optimize(
  model: MvModel,
  start: Float64Array,
  reml: boolean,
  fixed: (number | null)[] | null = null,
  maxiter = 200,
): OptimResult | null {
  const q = model.nPar;
  let theta = start.slice();
  if (fixed) { for (let i = 0; i < q; i++) if (fixed[i] !== null) theta[i] = fixed[i]!; }
  let ev = evaluate(model, theta, reml, true);
  if (ev === null) return null;
  let converged = false;
  let iter = 0;
  for (; iter < maxiter; iter++) {
    // free parameters: not fixed, and variances at 0 only if the score pushes them up
    const free: number[] = [];
    for (let i = 0; i < q; i++) {
      if (fixed && fixed[i] !== null) continue;
      if (model.isVar[i] && theta[i] <= 0 && ev.score[i] <= 0) continue;
      free.push(i);
    }
    const nf = free.length;
    if (nf === 0) {
      converged = true;
      break;
    }
    // positive variances are stepped on the log scale (the likelihood is closer to quadratic in
    // log σ², so Newton needs fewer iterations); covariances and variances at 0 linearly
    let varMax = 0;
    for (let i = 0; i < q; i++) if (model.isVar[i]) varMax = Math.max(varMax, theta[i]);
    const logScale = new Uint8Array(nf);
    const c = new Float64Array(nf);
    const s = new Float64Array(nf);
    for (let a = 0; a < nf; a++) {
      const i = free[a];
      logScale[a] = model.isVar[i] && theta[i] > 0 ? 1 : 0;
      c[a] = logScale[a] ? theta[i] : 1;
      s[a] = c[a] * ev.score[i];
    }
    const sub = (m: Float64Array, withScore: boolean) => {
      const o = new Float64Array(nf * nf);
      for (let a = 0; a < nf; a++) {
        for (let b = 0; b < nf; b++) o[a * nf + b] = c[a] * c[b] * m[free[a] * q + free[b]];
        // d²ℓ/dφ² = θ² d²ℓ/dθ² + θ dℓ/dθ: the information gets - θ score on the diagonal
        if (withScore && logScale[a]) o[a * nf + a] -= s[a];
      }
      return o;
    };
    let step = spdSolve(sub(ev.observed, true), s, nf);
    const newton = step !== null;
    if (step === null) step = spdSolve(sub(ev.fisher, false), s, nf);
    if (step === null) {
      // fall back to a scaled gradient step
      step = s.map((v, a) => v / Math.max(1e-12, c[a] * c[a] * Math.abs(ev!.fisher[free[a] * q + free[a]])));
    }
    // longest step keeping linear-scale variances >= 0; log steps capped at a factor e^5
    let amax = 1;
    for (let a = 0; a < nf; a++) {
      const i = free[a];
      if (logScale[a]) {
        if (Math.abs(step[a]) > 5) amax = Math.min(amax, 5 / Math.abs(step[a]));
      } else if (model.isVar[i] && step[a] < 0 && theta[i] + step[a] < 0) amax = Math.min(amax, theta[i] / -step[a]);
    }
    let alpha = amax;
    let next: MvEval | null = null;
    let cand = theta;
    for (let h = 0; h < 60; h++) {
      cand = theta.slice();
      for (let a = 0; a < nf; a++) {
        const i = free[a];
        if (logScale[a]) {
          cand[i] = theta[i] * Math.exp(alpha * step[a]);
          // a variance heading for 0 is put on the boundary (the active set then decides)
          if (cand[i] < 1e-10 * Math.max(varMax, model.vscale) && step[a] < 0) cand[i] = 0;
        } else {
          cand[i] = theta[i] + alpha * step[a];
          if (model.isVar[i] && cand[i] < 0) cand[i] = 0;
        }
      }
      if (model.feasible(cand)) {
        next = evaluate(model, cand, reml, true);
        if (next !== null && next.ll >= ev.ll - 1e-12 * Math.max(1, Math.abs(ev.ll))) break;
      }
      next = null;
      alpha /= 2;
    }
    if (next === null) {
      converged = true; // no ascent direction left at machine precision
      break;
    }
    let rel = 0;
    for (let a = 0; a < nf; a++) {
      const i = free[a];
      const scale = Math.max(Math.abs(theta[i]), Math.abs(cand[i]), 1e-8);
      rel = Math.max(rel, Math.abs(cand[i] - theta[i]) / scale);
    }
    const dll = next.ll - ev.ll;
    theta = cand;
    ev = next;
    // a full Newton step of relative size < 1e-6 leaves an error of order 1e-12 (quadratic convergence)
    const fullNewton = newton && alpha === 1;
    if (
      rel < 1e-10 || (fullNewton && rel < 1e-6) ||
      (rel < 1e-7 && Math.abs(dll) < 1e-14 * Math.max(1, Math.abs(ev.ll)))
    ) {
      converged = true;
      iter++;
      break;
    }
  }
  return { theta, ev, iter, converged };
}
