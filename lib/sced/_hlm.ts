/**
 * Internal numerics of the single-case hierarchical linear model (lib/sced/hlm.ts): the marginal
 * covariance of each case, V_i = Z_i G Z_i' + S_i C_i(φ) S_i, its derivatives with respect to the
 * variance components in their natural parameterisation (G entries, φ or θ, σ² or σ²_A, σ²_B),
 * the REML/ML log-likelihood, score and expected information, and Fisher scoring with step halving.
 *
 * The per-case kernels are hand-written on Float64Arrays (Cholesky, inverse, products of small
 * matrices): they run thousands of times per fit, and the overhead of allocating matrix objects
 * would dominate. Not part of the public API.
 * @module
 */

import { evaluateFast, fastApplies } from "./_hlm_fast.ts";
import { cholInPlace, cholInverse, spdSolve } from "../stats/_linalg.ts";
import { addCrossProducts, aiMatrix, glsSolve, hlmLoglik, notPd } from "./_hlm_gls.ts";

/** One case's data, columns stored row-major. */
export interface HlmCase {
  n: number;
  /** n × p fixed-effects design. */
  X: Float64Array;
  /** n × q random-effects design. */
  Z: Float64Array;
  y: Float64Array;
  /** Time covariate of the correlation structure. */
  t: Float64Array;
  /** 1 for treatment-phase observations (phase-specific variances), else 0. */
  ph: Uint8Array;
}

/** Structure of the model (which parameters θ holds, in order). */
export interface HlmStructure {
  p: number;
  q: number;
  cor: "AR1" | "MA1" | "IID";
  het: boolean;
  reml: boolean;
}

/** Parameter layout: G entries (column-major upper triangle), then cor, then σ² (or σ²_A, σ²_B). */
export function nTheta(s: HlmStructure): number {
  return s.q * (s.q + 1) / 2 + (s.cor === "IID" ? 0 : 1) + (s.het ? 2 : 1);
}

/** Index pairs (j, k), j ≤ k, of the G entries in θ order: (0,0), (0,1), (1,1), ... */
export function gPairs(q: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < q; k++) for (let j = 0; j <= k; j++) out.push([j, k]);
  return out;
}

/** Correlation C_ij(φ) and its derivative for a lag d (|t_i − t_j|). */
function corAt(cor: HlmStructure["cor"], phi: number, d: number): number {
  if (d === 0) return 1;
  if (cor === "AR1") return Math.pow(phi, d);
  if (cor === "MA1") return d === 1 ? phi / (1 + phi * phi) : 0;
  return 0;
}

function dCorAt(cor: HlmStructure["cor"], phi: number, d: number): number {
  if (d === 0) return 0;
  if (cor === "AR1") return d * Math.pow(phi, d - 1);
  if (cor === "MA1") return d === 1 ? (1 - phi * phi) / ((1 + phi * phi) ** 2) : 0;
  return 0;
}

/** Unpacked parameters. */
export interface Unpacked {
  G: Float64Array;
  phi: number;
  s2A: number;
  s2B: number;
}

export function unpack(s: HlmStructure, theta: Float64Array): Unpacked {
  const q = s.q;
  const G = new Float64Array(q * q);
  let i = 0;
  for (const [j, k] of gPairs(q)) {
    G[j * q + k] = theta[i];
    G[k * q + j] = theta[i];
    i++;
  }
  const phi = s.cor === "IID" ? 0 : theta[i++];
  const s2A = theta[i++];
  const s2B = s.het ? theta[i++] : s2A;
  return { G, phi, s2A, s2B };
}

/** Whether θ is inside the parameter space (G PD or PSD with zero diagonal entries allowed as 0). */
export function feasible(s: HlmStructure, theta: Float64Array): boolean {
  const u = unpack(s, theta);
  if (!(u.s2A > 0) || !(u.s2B > 0)) return false;
  if (s.cor !== "IID" && !(Math.abs(u.phi) < 1)) return false;
  if (s.q > 0) {
    const g = u.G.slice();
    if (Number.isNaN(cholInPlace(g, s.q))) return false;
  }
  for (const v of theta) if (!Number.isFinite(v)) return false;
  return true;
}

/** Everything computed at one θ. */
export interface HlmEval {
  loglik: number;
  beta: Float64Array;
  /** (X'V⁻¹X)⁻¹, p × p. */
  M: Float64Array;
  score?: Float64Array;
  info?: Float64Array;
}

function matmulInto(a: Float64Array, b: Float64Array, n: number, m: number, k: number, out: Float64Array): void {
  // out (n×k) = a (n×m) · b (m×k)
  out.fill(0);
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < m; l++) {
      const av = a[i * m + l];
      if (av === 0) continue;
      for (let j = 0; j < k; j++) out[i * k + j] += av * b[l * k + j];
    }
  }
}

/** Per-case buffers, allocated once per case and structure and reused by every evaluation. */
interface Workspace {
  r: number;
  V: Float64Array;
  Vinv: Float64Array;
  li: Float64Array;
  C: Float64Array;
  dC: Float64Array;
  lag: Float64Array;
  sd: Float64Array;
  U: Float64Array;
  P: Float64Array;
  res: Float64Array;
  e: Float64Array;
  /** dV/dθ_k for the G entries (constant: Z_j Z_k' + Z_k Z_j'). */
  dVG: Float64Array[];
  dV: Float64Array[];
  W: Float64Array[];
  AU: Float64Array[];
  WU: Float64Array[];
}

/**
 * Workspaces are pooled by (position of the case, n, p, q, r) and rebound to a new case when the
 * data change: fits run synchronously one after the other, so a later fit of data of the same shape
 * reuses the buffers instead of allocating them again (allocation dominated at n ≈ 15).
 */
const workspacePool = new Map<string, Workspace & { owner: HlmCase }>();

function workspace(c: HlmCase, s: HlmStructure, r: number, index: number): Workspace {
  const key = `${index}:${c.n}:${s.p}:${s.q}:${r}`;
  const pooled = workspacePool.get(key);
  if (pooled) {
    if (pooled.owner !== c) {
      bindCase(pooled, c, s.q);
      pooled.owner = c;
    }
    return pooled;
  }
  const ws = newWorkspace(c, s, r);
  if (workspacePool.size >= 512) workspacePool.clear(); // bounded: many data shapes do not pile up
  workspacePool.set(key, { ...ws, owner: c });
  return workspacePool.get(key)!;
}

/** Recompute the data-dependent parts of a pooled workspace (lags, random-effect derivatives). */
function bindCase(ws: Workspace, c: HlmCase, q: number): void {
  const n = c.n;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) ws.lag[i * n + j] = Math.abs(c.t[i] - c.t[j]);
  gPairs(q).forEach(([ja, kb], g) => {
    const D = ws.dVG[g];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        D[i * n + j] = ja === kb
          ? c.Z[i * q + ja] * c.Z[j * q + ja]
          : c.Z[i * q + ja] * c.Z[j * q + kb] + c.Z[i * q + kb] * c.Z[j * q + ja];
      }
    }
  });
}

function newWorkspace(c: HlmCase, s: HlmStructure, r: number): Workspace {
  const n = c.n, p = s.p, q = s.q;
  const nn = n * n;
  const lag = new Float64Array(nn);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) lag[i * n + j] = Math.abs(c.t[i] - c.t[j]);
  const dVG = gPairs(q).map(([ja, kb]) => {
    const D = new Float64Array(nn);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        D[i * n + j] = ja === kb
          ? c.Z[i * q + ja] * c.Z[j * q + ja]
          : c.Z[i * q + ja] * c.Z[j * q + kb] + c.Z[i * q + kb] * c.Z[j * q + ja];
      }
    }
    return D;
  });
  const mk = (len: number) => Array.from({ length: r }, () => new Float64Array(len));
  const ws: Workspace = {
    r,
    V: new Float64Array(nn),
    Vinv: new Float64Array(nn),
    li: new Float64Array(nn),
    C: new Float64Array(nn),
    dC: new Float64Array(nn),
    lag,
    sd: new Float64Array(n),
    U: new Float64Array(n * p),
    P: new Float64Array(n * q),
    res: new Float64Array(n),
    e: new Float64Array(n),
    dVG,
    dV: mk(nn),
    W: mk(nn),
    AU: mk(n * p),
    WU: mk(n * p),
  };
  return ws;
}

/** V⁻¹ and log|V| of one case by Cholesky (any correlation structure). */
function denseInverse(ws: Workspace, n: number): number {
  const ld = cholInPlace(ws.V, n);
  if (Number.isNaN(ld)) return NaN;
  cholInverse(ws.V, n, ws.Vinv, ws.li);
  return ld;
}

/**
 * V⁻¹ and log|V| of one case when the level-1 correlation is AR(1) (φ^|t_i − t_j|, sessions in
 * increasing order, gaps allowed) or independent: R = S C S has a tridiagonal inverse
 * (a Markov chain), and V = R + Z G Z' is inverted by Woodbury,
 * V⁻¹ = R⁻¹ − B G (I + W G)⁻¹ B' with B = R⁻¹Z, W = Z'R⁻¹Z, and log|V| = log|R| + log|I + G W|.
 */
function markovInverse(c: HlmCase, ws: Workspace, u: Unpacked, q: number): number {
  const n = c.n;
  const { sd, Vinv } = ws;
  const rd = new Float64Array(n), ro = new Float64Array(n);
  let logdet = 0;
  for (let i = 0; i < n; i++) logdet += 2 * Math.log(sd[i]);
  // Precision of the correlation matrix of a Markov chain with ρ_i = φ^(t_{i+1} − t_i):
  // Q_ii = 1/(1 − ρ_{i−1}²) (or 1 for the first) + ρ_i²/(1 − ρ_i²) (not for the last),
  // Q_{i,i+1} = −ρ_i/(1 − ρ_i²); log|C| = Σ log(1 − ρ_i²).
  const rho = new Float64Array(n);
  for (let i = 0; i + 1 < n; i++) rho[i] = u.phi === 0 ? 0 : Math.pow(u.phi, c.t[i + 1] - c.t[i]);
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? rho[i - 1] : 0, next = i + 1 < n ? rho[i] : 0;
    rd[i] = (i > 0 ? 1 / (1 - prev * prev) : 1) + (i + 1 < n ? next * next / (1 - next * next) : 0);
    rd[i] /= sd[i] * sd[i];
    if (i + 1 < n) {
      ro[i] = -next / (1 - next * next) / (sd[i] * sd[i + 1]);
      logdet += Math.log(1 - next * next);
    }
  }
  // B = R⁻¹ Z (n × q), W = Z' B (q × q)
  const B = new Float64Array(n * q);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < q; a++) {
      let v = rd[i] * c.Z[i * q + a];
      if (i > 0) v += ro[i - 1] * c.Z[(i - 1) * q + a];
      if (i + 1 < n) v += ro[i] * c.Z[(i + 1) * q + a];
      B[i * q + a] = v;
    }
  }
  const Wm = new Float64Array(q * q);
  for (let a = 0; a < q; a++) {
    for (let b = 0; b < q; b++) {
      let v = 0;
      for (let i = 0; i < n; i++) v += c.Z[i * q + a] * B[i * q + b];
      Wm[a * q + b] = v;
    }
  }
  // K = I + G W; T = K⁻¹ G (symmetric: (G⁻¹ + W)⁻¹)
  const K = new Float64Array(q * q);
  for (let a = 0; a < q; a++) {
    for (let b = 0; b < q; b++) {
      let v = a === b ? 1 : 0;
      for (let k = 0; k < q; k++) v += u.G[a * q + k] * Wm[k * q + b];
      K[a * q + b] = v;
    }
  }
  const T = solveGeneral(K, u.G, q);
  if (!T) return NaN;
  const detK = determinant(K, q);
  if (!(detK > 0)) return NaN;
  logdet += Math.log(detK);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let v = i === j ? rd[i] : j === i - 1 ? ro[j] : 0;
      for (let a = 0; a < q; a++) {
        const bia = B[i * q + a];
        if (bia === 0) continue;
        for (let b = 0; b < q; b++) v -= bia * T[a * q + b] * B[j * q + b];
      }
      Vinv[i * n + j] = v;
      Vinv[j * n + i] = v;
    }
  }
  return logdet;
}

/** X = A⁻¹ Bm for small square A (q × q) by Gaussian elimination with partial pivoting; null if singular. */
function solveGeneral(A: Float64Array, Bm: Float64Array, q: number): Float64Array | null {
  const a = A.slice(), x = Bm.slice();
  for (let col = 0; col < q; col++) {
    let piv = col;
    for (let r = col + 1; r < q; r++) if (Math.abs(a[r * q + col]) > Math.abs(a[piv * q + col])) piv = r;
    if (a[piv * q + col] === 0) return null;
    if (piv !== col) {
      for (let k = 0; k < q; k++) {
        [a[col * q + k], a[piv * q + k]] = [a[piv * q + k], a[col * q + k]];
        [x[col * q + k], x[piv * q + k]] = [x[piv * q + k], x[col * q + k]];
      }
    }
    for (let r = 0; r < q; r++) {
      if (r === col) continue;
      const f = a[r * q + col] / a[col * q + col];
      if (f === 0) continue;
      for (let k = 0; k < q; k++) {
        a[r * q + k] -= f * a[col * q + k];
        x[r * q + k] -= f * x[col * q + k];
      }
    }
  }
  for (let r = 0; r < q; r++) {
    const d = a[r * q + r];
    for (let k = 0; k < q; k++) x[r * q + k] /= d;
  }
  return x;
}

/** Determinant of a small square matrix (LU with partial pivoting). */
function determinant(A: Float64Array, q: number): number {
  const a = A.slice();
  let det = 1;
  for (let col = 0; col < q; col++) {
    let piv = col;
    for (let r = col + 1; r < q; r++) if (Math.abs(a[r * q + col]) > Math.abs(a[piv * q + col])) piv = r;
    if (a[piv * q + col] === 0) return 0;
    if (piv !== col) {
      for (let k = 0; k < q; k++) [a[col * q + k], a[piv * q + k]] = [a[piv * q + k], a[col * q + k]];
      det = -det;
    }
    det *= a[col * q + col];
    for (let r = col + 1; r < q; r++) {
      const f = a[r * q + col] / a[col * q + col];
      for (let k = col; k < q; k++) a[r * q + k] -= f * a[col * q + k];
    }
  }
  return det;
}

/**
 * Log-likelihood (REML or ML, with nlme's constants) at θ; with `derivs`, also the score and the
 * expected information of θ (lmeInfo's `Fisher_info(type = "expected")`):
 * I_kl = ½ tr(P dV_k P dV_l), P = V⁻¹ − V⁻¹X(X'V⁻¹X)⁻¹X'V⁻¹ (REML) or V⁻¹ (ML), evaluated case by
 * case with the low-rank correction of P. V⁻¹ dV_k is formed in O(n²) for the random-effect
 * entries and a homogeneous σ² (from V⁻¹V = I); only φ and phase variances need a product.
 */
export function evaluate(
  s: HlmStructure,
  cases: HlmCase[],
  theta: Float64Array,
  derivs: boolean,
  dense = false,
): HlmEval {
  const { p, q } = s;
  const u = unpack(s, theta);
  const r = theta.length;
  const nG = q * (q + 1) / 2;
  const hasCor = s.cor !== "IID";
  // powers φ^d and their derivatives for the lags that occur
  let maxLag = 0;
  for (const c of cases) {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < c.n; i++) {
      lo = Math.min(lo, c.t[i]);
      hi = Math.max(hi, c.t[i]);
    }
    maxLag = Math.max(maxLag, hi - lo);
  }
  const L = Math.ceil(maxLag) + 1;
  const corTab = new Float64Array(L), dCorTab = new Float64Array(L);
  for (let d = 0; d < L; d++) {
    corTab[d] = corAt(s.cor, u.phi, d);
    dCorTab[d] = dCorAt(s.cor, u.phi, d);
  }
  const intLags = cases.every((c) => c.t.every((t) => Number.isInteger(t)));
  // AR(1) and independent errors have a tridiagonal precision matrix: V⁻¹ by Woodbury in O(n² q²).
  const markov = s.cor !== "MA1";
  const sortedT = cases.every((c) => c.t.every((t, i) => i === 0 || t > c.t[i - 1]));
  let N = 0;
  let logdetV = 0;
  const XtVX = new Float64Array(p * p);
  const XtVy = new Float64Array(p);
  const wss: Workspace[] = [];
  for (let ci = 0; ci < cases.length; ci++) {
    const c = cases[ci];
    const n = c.n;
    N += n;
    const ws = workspace(c, s, r, ci);
    wss.push(ws);
    const { V, C, dC, lag, sd } = ws;
    const useMarkov = markov && sortedT && !dense;
    for (let i = 0; i < n; i++) sd[i] = Math.sqrt(c.ph[i] ? u.s2B : u.s2A);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const d = lag[i * n + j];
        const cij = intLags ? corTab[d] : corAt(s.cor, u.phi, d);
        C[i * n + j] = cij;
        C[j * n + i] = cij;
        if (hasCor) {
          const dij = intLags ? dCorTab[d] : dCorAt(s.cor, u.phi, d);
          dC[i * n + j] = dij;
          dC[j * n + i] = dij;
        }
        if (useMarkov) continue;
        let v = sd[i] * sd[j] * cij;
        for (let a = 0; a < q; a++) {
          const za = c.Z[i * q + a];
          if (za === 0) continue;
          for (let b = 0; b < q; b++) v += za * u.G[a * q + b] * c.Z[j * q + b];
        }
        V[i * n + j] = v;
        V[j * n + i] = v;
      }
    }
    const ld = useMarkov ? markovInverse(c, ws, u, q) : denseInverse(ws, n);
    if (Number.isNaN(ld)) return notPd(p);
    logdetV += ld;
    const { Vinv, U } = ws;
    matmulInto(Vinv, c.X, n, n, p, U);
    addCrossProducts(c.X, U, c.y, n, p, XtVX, XtVy);
  }
  const gls = glsSolve(XtVX, XtVy, p);
  if (!gls) return notPd(p);
  const { beta, M, logdetX } = gls;
  let quad = 0;
  cases.forEach((c, ci) => {
    const n = c.n;
    const { res, e, Vinv } = wss[ci];
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let a = 0; a < p; a++) f += c.X[i * p + a] * beta[a];
      res[i] = c.y[i] - f;
    }
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += Vinv[i * n + j] * res[j];
      e[i] = sum;
      quad += res[i] * sum;
    }
  });
  const loglik = hlmLoglik(s.reml, N, p, logdetV, logdetX, quad);
  if (!derivs) return { loglik, beta, M };

  const score = new Float64Array(r);
  const info = new Float64Array(r * r);
  const F = Array.from({ length: r }, () => new Float64Array(p * p));
  const K = Array.from({ length: r * r }, () => new Float64Array(p * p));
  const pairs = gPairs(q);
  cases.forEach((c, ci) => {
    const n = c.n;
    const ws = wss[ci];
    const { Vinv, U, dV, W, AU, WU, C, dC, sd, P, e } = ws;
    // P = V⁻¹ Z
    matmulInto(Vinv, c.Z, n, n, q, P);
    let k = 0;
    // random-effect entries: dV = Z_j Z_k' (+ Z_k Z_j'), V⁻¹ dV = P_j Z_k' (+ P_k Z_j')
    for (const [ja, kb] of pairs) {
      dV[k].set(ws.dVG[k]);
      const Wk = W[k];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          Wk[i * n + j] = ja === kb
            ? P[i * q + ja] * c.Z[j * q + ja]
            : P[i * q + ja] * c.Z[j * q + kb] + P[i * q + kb] * c.Z[j * q + ja];
        }
      }
      k++;
    }
    if (hasCor) {
      const D = dV[k];
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) D[i * n + j] = sd[i] * sd[j] * dC[i * n + j];
      matmulInto(Vinv, D, n, n, n, W[k]);
      k++;
    }
    if (!s.het) {
      // dV = C; σ² V⁻¹C = I − V⁻¹ Z G Z' = I − P G Z'
      dV[k].set(C);
      const Wk = W[k];
      const inv = 1 / u.s2A;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let pgz = 0;
          for (let a = 0; a < q; a++) {
            const pia = P[i * q + a];
            for (let b = 0; b < q; b++) pgz += pia * u.G[a * q + b] * c.Z[j * q + b];
          }
          Wk[i * n + j] = ((i === j ? 1 : 0) - pgz) * inv;
        }
      }
      k++;
    } else {
      for (const which of [0, 1]) {
        const D = dV[k];
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            const inI = c.ph[i] === which, inJ = c.ph[j] === which;
            if (!inI && !inJ) {
              D[i * n + j] = 0;
              continue;
            }
            // d(s_i s_j)/dσ²_w with s = sqrt(σ²_phase): s_j/(2 s_i) for i in w, and symmetric.
            let d = 0;
            if (inI) d += sd[j] / (2 * sd[i]);
            if (inJ) d += sd[i] / (2 * sd[j]);
            D[i * n + j] = C[i * n + j] * d;
          }
        }
        matmulInto(Vinv, D, n, n, n, W[k]);
        k++;
      }
    }
    void nG;
    for (let k2 = 0; k2 < r; k2++) {
      const A = dV[k2];
      const Wk = W[k2];
      matmulInto(A, U, n, n, p, AU[k2]);
      matmulInto(Wk, U, n, n, p, WU[k2]);
      let tr = 0;
      for (let i = 0; i < n; i++) tr += Wk[i * n + i];
      let eAe = 0;
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += A[i * n + j] * e[j];
        eAe += e[i] * sum;
      }
      score[k2] += -0.5 * tr + 0.5 * eAe;
      const Fk = F[k2], au = AU[k2];
      for (let a = 0; a < p; a++) {
        for (let b = 0; b < p; b++) {
          let sum = 0;
          for (let i = 0; i < n; i++) sum += U[i * p + a] * au[i * p + b];
          Fk[a * p + b] += sum;
        }
      }
    }
    for (let k1 = 0; k1 < r; k1++) {
      for (let l = 0; l <= k1; l++) {
        let t1 = 0;
        const Wk = W[k1], Wl = W[l];
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t1 += Wk[i * n + j] * Wl[j * n + i];
        info[k1 * r + l] += 0.5 * t1;
        if (s.reml) {
          const Kkl = K[k1 * r + l];
          const au = AU[k1], wu = WU[l];
          for (let a = 0; a < p; a++) {
            for (let b = 0; b < p; b++) {
              let sum = 0;
              for (let i = 0; i < n; i++) sum += au[i * p + a] * wu[i * p + b];
              Kkl[a * p + b] += sum;
            }
          }
        }
      }
    }
  });
  if (s.reml) {
    for (let k = 0; k < r; k++) {
      let trMF = 0;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) trMF += M[a * p + b] * F[k][b * p + a];
      score[k] += 0.5 * trMF;
    }
    const MF = F.map((Fk) => {
      const out = new Float64Array(p * p);
      matmulInto(M, Fk, p, p, p, out);
      return out;
    });
    for (let k = 0; k < r; k++) {
      for (let l = 0; l <= k; l++) {
        let t2 = 0;
        const Kkl = K[k * r + l];
        for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) t2 += M[a * p + b] * Kkl[b * p + a];
        let t3 = 0;
        for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) t3 += MF[k][a * p + b] * MF[l][b * p + a];
        info[k * r + l] += 0.5 * (-2 * t2 + t3);
      }
    }
  }
  for (let k = 0; k < r; k++) for (let l = 0; l < k; l++) info[l * r + k] = info[k * r + l];
  return { loglik, beta, M, score, info };
}

/** Solve the SPD system A x = b (A r × r) by Cholesky; null when not PD (stats' `spdSolve`). */
export const solveSpd: (A: Float64Array, b: Float64Array, r: number) => Float64Array | null = spdSolve;

function d2CorAt(cor: HlmStructure["cor"], phi: number, d: number): number {
  if (d === 0) return 0;
  if (cor === "AR1") return d < 2 ? 0 : d * (d - 1) * Math.pow(phi, d - 2);
  if (cor === "MA1") return d === 1 ? -2 * phi * (3 - phi * phi) / ((1 + phi * phi) ** 3) : 0;
  return 0;
}

/** Fill A with dV/dθ_k for one case (k in θ order), from the workspace of the last evaluation. */
function fillDV(s: HlmStructure, c: HlmCase, ws: Workspace, k: number, u: Unpacked, A: Float64Array): void {
  const n = c.n;
  const nG = ws.dVG.length;
  const { C, dC, sd } = ws;
  if (k < nG) {
    A.set(ws.dVG[k]);
    return;
  }
  k -= nG;
  if (s.cor !== "IID") {
    if (k === 0) {
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] = sd[i] * sd[j] * dC[i * n + j];
      return;
    }
    k -= 1;
  }
  if (!s.het) {
    A.set(C);
    return;
  }
  const which = k;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const inI = c.ph[i] === which, inJ = c.ph[j] === which;
      let d = 0;
      if (inI) d += sd[j] / (2 * sd[i]);
      if (inJ) d += sd[i] / (2 * sd[j]);
      A[i * n + j] = C[i * n + j] * d;
    }
  }
  void u;
}

/**
 * Log-likelihood, score and the "average information" matrix (Gilmour, Thompson & Cullis 1995):
 * AI_kl = ½ (dV_k e)' P (dV_l e) with e = P y. Everything is O(n²) per case once V⁻¹ is known
 * (no product of n × n matrices). With `newton` (homogeneous level-1 variance only) it adds the
 * expected information I (from {@link evaluate}) and the second-derivative terms, and returns the
 * observed information J = 2 AI − I + ½ [tr(P V_kl) − e' V_kl e] in `info` and I in `expected`.
 */
export function evaluateAI(
  s: HlmStructure,
  cases: HlmCase[],
  theta: Float64Array,
  newton = false,
): HlmEval & { expected?: Float64Array } {
  const base = evaluate(s, cases, theta, newton);
  if (!Number.isFinite(base.loglik)) return base;
  const { p } = s;
  const u = unpack(s, theta);
  const r = theta.length;
  const M = base.M;
  const score = new Float64Array(r);
  const qPq = new Float64Array(r * r);
  const Uq = new Float64Array(r * p);
  const second = new Float64Array(r * r);
  const nG = s.q * (s.q + 1) / 2;
  const iPhi = s.cor !== "IID" ? nG : -1;
  const iS2 = s.cor !== "IID" ? nG + 1 : nG;
  for (let ci = 0; ci < cases.length; ci++) {
    const c = cases[ci];
    const n = c.n;
    const ws = workspace(c, s, r, ci);
    const { Vinv, U, e, lag, sd, C } = ws;
    // the case's block of P: V⁻¹ − U M U' (REML); V⁻¹ for ML traces
    const Pb = ws.li;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let h = 0;
        for (let a = 0; a < p; a++) {
          const uia = U[i * p + a];
          for (let b = 0; b < p; b++) h += uia * M[a * p + b] * U[j * p + b];
        }
        const v = s.reml ? Vinv[i * n + j] - h : Vinv[i * n + j];
        Pb[i * n + j] = v;
        Pb[j * n + i] = v;
      }
    }
    const A = ws.dC === ws.C ? new Float64Array(n * n) : ws.W[0];
    for (let k = 0; k < r; k++) {
      fillDV(s, c, ws, k, u, A);
      const qk = ws.AU[k].length >= n ? ws.AU[k] : new Float64Array(n);
      let trPA = 0, eAe = 0;
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) {
          const aij = A[i * n + j];
          trPA += Pb[i * n + j] * aij;
          sum += aij * e[j];
        }
        qk[i] = sum;
        eAe += e[i] * sum;
      }
      score[k] += -0.5 * trPA + 0.5 * eAe;
      const vq = ws.WU[k].length >= n ? ws.WU[k] : new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += Vinv[i * n + j] * qk[j];
        vq[i] = sum;
      }
      for (let b = 0; b < p; b++) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += U[i * p + b] * qk[i];
        Uq[k * p + b] += sum;
      }
    }
    for (let a = 0; a < r; a++) {
      for (let b = 0; b <= a; b++) {
        let sum = 0;
        const qa = ws.AU[a], vb = ws.WU[b];
        for (let i = 0; i < n; i++) sum += qa[i] * vb[i];
        qPq[a * r + b] += sum;
      }
    }
    if (newton && !s.het && iPhi >= 0) {
      // second derivatives: V_φφ = σ² C'' , V_φσ² = C'; tr(P V_kl) − e' V_kl e
      let tPP = 0, ePP = 0, tPS = 0, ePS = 0;
      for (let i = 0; i < n; i++) {
        let rowPP = 0, rowPS = 0;
        for (let j = 0; j < n; j++) {
          const d = lag[i * n + j];
          const vpp = sd[i] * sd[j] * d2CorAt(s.cor, u.phi, d);
          const vps = ws.dC[i * n + j];
          tPP += Pb[i * n + j] * vpp;
          tPS += Pb[i * n + j] * vps;
          rowPP += vpp * e[j];
          rowPS += vps * e[j];
        }
        ePP += e[i] * rowPP;
        ePS += e[i] * rowPS;
      }
      second[iPhi * r + iPhi] += 0.5 * (tPP - ePP);
      second[iS2 * r + iPhi] += 0.5 * (tPS - ePS);
      void C;
    }
  }
  const ai = aiMatrix(qPq, Uq, M, r, p);
  if (!newton || s.het) return { loglik: base.loglik, beta: base.beta, M, score, info: ai };
  const I = base.info!;
  const J = new Float64Array(r * r);
  for (let a = 0; a < r; a++) {
    for (let b = 0; b <= a; b++) {
      const v = 2 * ai[a * r + b] - I[a * r + b] + second[a * r + b];
      J[a * r + b] = v;
      J[b * r + a] = v;
    }
  }
  return { loglik: base.loglik, beta: base.beta, M, score: base.score!, info: J, expected: I };
}

/** Outcome of {@link fisherScoring}. */
export interface ScoringResult {
  theta: Float64Array;
  /** Evaluation at the optimum, with the expected information. */
  ev: HlmEval;
  iterations: number;
  converged: boolean;
  /** True when the maximum lies on the boundary (steps stall against it; see `stalled`). */
  boundary?: boolean;
}

/**
 * Whether a run of accepted but halved steps has stopped improving the likelihood: the maximum is
 * on the boundary of the parameter space (a variance at 0, a random-effect correlation at ±1),
 * where the score does not vanish and Newton steps keep pointing outside.
 */
/** Whether θ is next to the edge of the parameter space (variance ≈ 0, |correlation| or |φ| ≈ 1). */
function nearBoundary(s: HlmStructure, theta: Float64Array): boolean {
  const u = unpack(s, theta);
  const scale = Math.max(u.s2A, u.s2B);
  for (let a = 0; a < s.q; a++) {
    const gaa = u.G[a * s.q + a];
    if (gaa < 1e-6 * scale) return true; // a random-effect variance at (about) 0
    for (let b = 0; b < a; b++) {
      const r = u.G[a * s.q + b] / Math.sqrt(gaa * u.G[b * s.q + b]);
      if (Math.abs(r) > 0.99) return true;
    }
  }
  if (s.cor !== "IID" && Math.abs(u.phi) > 0.99) return true;
  return false;
}

function stalled(history: number[]): boolean {
  if (history.length < 4) return false;
  const last = history.slice(-4);
  const scale = 1 + Math.abs(last[3]);
  return last[3] - last[0] < 1e-10 * scale;
}

/**
 * The Newton step J⁻¹ s at θ and its decrement s' J⁻¹ s: with the evaluation's own matrix, else
 * `alt` (the expected information kept beside an observed one), else the expected information
 * evaluated afresh; null when none of them is positive definite.
 */
function newtonStep(
  s: HlmStructure,
  cases: HlmCase[],
  theta: Float64Array,
  ev: HlmEval,
  alt?: Float64Array,
): { step: Float64Array; dec: number } | null {
  const r = theta.length;
  let step = solveSpd(ev.info!, ev.score!, r);
  if (!step && alt) step = solveSpd(alt, ev.score!, r);
  if (!step) {
    const ex = evaluate(s, cases, theta, true);
    step = solveSpd(ex.info!, ex.score!, r);
    if (!step) return null;
  }
  let dec = 0;
  for (let k = 0; k < r; k++) dec += step[k] * ev.score![k];
  return { step, dec };
}

/**
 * Move from θ along `step`, halving it (at most 60 times) while the candidate leaves the parameter
 * space or lowers the likelihood; the accepted point, its evaluation (by `at`) and the step
 * fraction λ, or null when no candidate is accepted.
 */
function halvedStep<E extends HlmEval>(
  s: HlmStructure,
  theta: Float64Array,
  step: Float64Array,
  ev: HlmEval,
  at: (cand: Float64Array) => E,
): { theta: Float64Array; ev: E; lambda: number } | null {
  const r = theta.length;
  let lambda = 1;
  for (let h = 0; h < 60; h++) {
    const cand = new Float64Array(r);
    for (let k = 0; k < r; k++) cand[k] = theta[k] + lambda * step[k];
    if (feasible(s, cand)) {
      const e = at(cand);
      if (e.loglik >= ev.loglik - 1e-12 * Math.abs(ev.loglik)) return { theta: cand, ev: e, lambda };
    }
    lambda /= 2;
  }
  return null;
}

/**
 * Maximise the (restricted) likelihood: Newton steps with the average-information matrix while
 * far from the optimum, then (homogeneous level-1 variance) with the observed information, which
 * converges quadratically; the expected information (Fisher scoring) is the fallback whenever a
 * matrix is not positive definite. Steps are halved while they leave the parameter space or lower
 * the likelihood. Converged when the Newton decrement s' J⁻¹ s falls below `tol`. The returned
 * evaluation holds the expected information at the optimum.
 */
export function fisherScoring(
  s: HlmStructure,
  cases: HlmCase[],
  theta0: Float64Array,
  { maxIter = 200, tol = 1e-14 }: { maxIter?: number; tol?: number } = {},
): ScoringResult {
  if (fastApplies(s, cases)) return aiFast(s, cases, theta0, maxIter, tol);
  let theta: Float64Array = theta0.slice();
  let newton = false;
  let ev: HlmEval & { expected?: Float64Array } = evaluateAI(s, cases, theta);
  if (!Number.isFinite(ev.loglik)) return { theta, ev, iterations: 0, converged: false };
  const history: number[] = [];
  const finish = (it: number, converged: boolean, boundary = false): ScoringResult => ({
    theta,
    ev: ev.expected ? { ...ev, info: ev.expected } : evaluate(s, cases, theta, true),
    iterations: it,
    converged,
    boundary,
  });
  for (let it = 1; it <= maxIter; it++) {
    const ns = newtonStep(s, cases, theta, ev, ev.expected);
    if (!ns) return finish(it, false);
    const { step, dec } = ns;
    if (dec < tol && (newton || s.het)) return finish(it, true);
    if (!newton && !s.het && dec < 1e-8) {
      // close to the optimum: switch to the observed information at this point
      newton = true;
      ev = evaluateAI(s, cases, theta, true);
      continue;
    }
    const moved = halvedStep(s, theta, step, ev, (cand) => evaluateAI(s, cases, cand, newton));
    if (moved) {
      ({ theta, ev } = moved);
      history.push(ev.loglik);
      if (moved.lambda < 1 && stalled(history)) return finish(it, true, nearBoundary(s, theta));
    } else {
      if (!newton && !s.het) {
        newton = true;
        ev = evaluateAI(s, cases, theta, true);
        continue;
      }
      return finish(it, dec < 1e-8);
    }
  }
  return finish(maxIter, false);
}

/**
 * The fast path of {@link fisherScoring} (random intercept, AR(1) or independent errors, one
 * level-1 variance): average-information Newton steps evaluated in O(n) per case by
 * `_hlm_fast.ts`, then the expected information once at the optimum.
 */
function aiFast(s: HlmStructure, cases: HlmCase[], theta0: Float64Array, maxIter: number, tol: number): ScoringResult {
  let theta: Float64Array = theta0.slice();
  let ev = evaluateFast(s, cases, theta);
  const history: number[] = [];
  const finish = (it: number, converged: boolean, boundary = false): ScoringResult => ({
    theta,
    ev: evaluate(s, cases, theta, true),
    iterations: it,
    converged,
    boundary,
  });
  if (!Number.isFinite(ev.loglik)) return { theta, ev, iterations: 0, converged: false };
  for (let it = 1; it <= maxIter; it++) {
    const ns = newtonStep(s, cases, theta, ev);
    if (!ns) return finish(it, false);
    const { step, dec } = ns;
    if (dec < tol) return finish(it, true);
    const moved = halvedStep(s, theta, step, ev, (cand) => evaluateFast(s, cases, cand));
    if (!moved) return finish(it, dec < 1e-8);
    ({ theta, ev } = moved);
    history.push(ev.loglik);
    if (moved.lambda < 1 && stalled(history)) return finish(it, true, nearBoundary(s, theta));
  }
  return finish(maxIter, false);
}
