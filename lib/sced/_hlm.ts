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

/** Cholesky in place (lower, row-major n×n); returns log-determinant or NaN when not PD. */
export function cholesky(a: Float64Array, n: number): number {
  let logdet = 0;
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
    if (!(d > 0)) return NaN;
    const l = Math.sqrt(d);
    a[j * n + j] = l;
    logdet += 2 * Math.log(l);
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / l;
    }
  }
  return logdet;
}

/** Inverse of an SPD matrix from its Cholesky factor L (lower, in `l`), written to `out`. */
export function cholInverse(l: Float64Array, n: number, out: Float64Array): void {
  // inv(L) in a scratch lower triangle, then inv(A) = inv(L)' inv(L).
  const li = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    li[i * n + i] = 1 / l[i * n + i];
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * n + k] * li[k * n + j];
      li[i * n + j] = s / l[i * n + i];
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += li[k * n + i] * li[k * n + j];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
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
    if (Number.isNaN(cholesky(g, s.q))) return false;
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

/**
 * Log-likelihood (REML or ML, with nlme's constants) at θ; with `derivs`, also the score and the
 * expected information of θ (lmeInfo's `Fisher_info(type = "expected")`).
 */
export function evaluate(s: HlmStructure, cases: HlmCase[], theta: Float64Array, derivs: boolean): HlmEval {
  const { p, q } = s;
  const u = unpack(s, theta);
  const r = theta.length;
  const pairs = gPairs(q);
  let N = 0;
  let logdetV = 0;
  const XtVX = new Float64Array(p * p);
  const XtVy = new Float64Array(p);
  const per: { Vinv: Float64Array; U: Float64Array; dV: Float64Array[] | null }[] = [];
  for (const c of cases) {
    const n = c.n;
    N += n;
    const V = new Float64Array(n * n);
    const sd = new Float64Array(n);
    for (let i = 0; i < n; i++) sd[i] = Math.sqrt(c.ph[i] ? u.s2B : u.s2A);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let v = sd[i] * sd[j] * corAt(s.cor, u.phi, Math.abs(c.t[i] - c.t[j]));
        for (let a = 0; a < q; a++) {
          const za = c.Z[i * q + a];
          if (za === 0) continue;
          for (let b = 0; b < q; b++) v += za * u.G[a * q + b] * c.Z[j * q + b];
        }
        V[i * n + j] = v;
        V[j * n + i] = v;
      }
    }
    const ld = cholesky(V, n);
    if (Number.isNaN(ld)) return { loglik: NaN, beta: new Float64Array(p), M: new Float64Array(p * p) };
    logdetV += ld;
    const Vinv = new Float64Array(n * n);
    cholInverse(V, n, Vinv);
    const U = new Float64Array(n * p);
    matmulInto(Vinv, c.X, n, n, p, U);
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += c.X[i * p + a] * U[i * p + b];
        XtVX[a * p + b] += sum;
      }
      let sy = 0;
      for (let i = 0; i < n; i++) sy += U[i * p + a] * c.y[i];
      XtVy[a] += sy;
    }
    let dV: Float64Array[] | null = null;
    if (derivs) {
      dV = [];
      for (const [ja, kb] of pairs) {
        const D = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            D[i * n + j] = ja === kb
              ? c.Z[i * q + ja] * c.Z[j * q + ja]
              : c.Z[i * q + ja] * c.Z[j * q + kb] + c.Z[i * q + kb] * c.Z[j * q + ja];
          }
        }
        dV.push(D);
      }
      if (s.cor !== "IID") {
        const D = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) D[i * n + j] = sd[i] * sd[j] * dCorAt(s.cor, u.phi, Math.abs(c.t[i] - c.t[j]));
        }
        dV.push(D);
      }
      if (!s.het) {
        const D = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) D[i * n + j] = corAt(s.cor, u.phi, Math.abs(c.t[i] - c.t[j]));
        }
        dV.push(D);
      } else {
        for (const which of [0, 1]) {
          const D = new Float64Array(n * n);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              const ci = c.ph[i] === which, cj = c.ph[j] === which;
              if (!ci && !cj) continue;
              const C = corAt(s.cor, u.phi, Math.abs(c.t[i] - c.t[j]));
              // d(s_i s_j)/dσ²_w with s = sqrt(σ²_phase): s_j/(2 s_i) for i in w, and symmetric.
              let d = 0;
              if (ci) d += sd[j] / (2 * sd[i]);
              if (cj) d += sd[i] / (2 * sd[j]);
              D[i * n + j] = C * d;
            }
          }
          dV.push(D);
        }
      }
    }
    per.push({ Vinv, U, dV });
  }
  const Lx = XtVX.slice();
  const logdetX = cholesky(Lx, p);
  if (Number.isNaN(logdetX)) return { loglik: NaN, beta: new Float64Array(p), M: new Float64Array(p * p) };
  const M = new Float64Array(p * p);
  cholInverse(Lx, p, M);
  const beta = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let sum = 0;
    for (let b = 0; b < p; b++) sum += M[a * p + b] * XtVy[b];
    beta[a] = sum;
  }
  let quad = 0;
  const es: Float64Array[] = [];
  cases.forEach((c, ci) => {
    const n = c.n;
    const res = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let a = 0; a < p; a++) f += c.X[i * p + a] * beta[a];
      res[i] = c.y[i] - f;
    }
    const e = new Float64Array(n);
    const Vinv = per[ci].Vinv;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += Vinv[i * n + j] * res[j];
      e[i] = sum;
      quad += res[i] * sum;
    }
    es.push(e);
  });
  const LOG2PI = Math.log(2 * Math.PI);
  const loglik = s.reml ? -0.5 * ((N - p) * LOG2PI + logdetV + logdetX + quad) : -0.5 * (N * LOG2PI + logdetV + quad);
  if (!derivs) return { loglik, beta, M };

  const score = new Float64Array(r);
  const info = new Float64Array(r * r);
  const F = Array.from({ length: r }, () => new Float64Array(p * p));
  const K = Array.from({ length: r * r }, () => new Float64Array(p * p));
  cases.forEach((c, ci) => {
    const n = c.n;
    const { Vinv, U, dV } = per[ci];
    const W: Float64Array[] = [];
    const AU: Float64Array[] = [];
    const WU: Float64Array[] = [];
    for (let k = 0; k < r; k++) {
      const A = dV![k];
      const Wk = new Float64Array(n * n);
      matmulInto(Vinv, A, n, n, n, Wk);
      W.push(Wk);
      const au = new Float64Array(n * p);
      matmulInto(A, U, n, n, p, au);
      AU.push(au);
      const wu = new Float64Array(n * p);
      matmulInto(Wk, U, n, n, p, wu);
      WU.push(wu);
      let tr = 0;
      for (let i = 0; i < n; i++) tr += Wk[i * n + i];
      let eAe = 0;
      const e = es[ci];
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += A[i * n + j] * e[j];
        eAe += e[i] * sum;
      }
      score[k] += -0.5 * tr + 0.5 * eAe;
      // F_k += U' A U
      const Fk = F[k];
      for (let a = 0; a < p; a++) {
        for (let b = 0; b < p; b++) {
          let sum = 0;
          for (let i = 0; i < n; i++) sum += U[i * p + a] * au[i * p + b];
          Fk[a * p + b] += sum;
        }
      }
    }
    for (let k = 0; k < r; k++) {
      for (let l = 0; l <= k; l++) {
        // tr(W_k W_l)
        let t1 = 0;
        const Wk = W[k], Wl = W[l];
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t1 += Wk[i * n + j] * Wl[j * n + i];
        info[k * r + l] += 0.5 * t1;
        if (s.reml) {
          // K_kl += (A_k U)' (W_l U) = U' A_k V⁻¹ A_l U
          const Kkl = K[k * r + l];
          const au = AU[k], wu = WU[l];
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

/** Solve the SPD system A x = b (A r × r) by Cholesky; null when not PD. */
export function solveSpd(A: Float64Array, b: Float64Array, r: number): Float64Array | null {
  const L = A.slice();
  if (Number.isNaN(cholesky(L, r))) return null;
  const x = b.slice();
  for (let i = 0; i < r; i++) {
    let sum = x[i];
    for (let k = 0; k < i; k++) sum -= L[i * r + k] * x[k];
    x[i] = sum / L[i * r + i];
  }
  for (let i = r - 1; i >= 0; i--) {
    let sum = x[i];
    for (let k = i + 1; k < r; k++) sum -= L[k * r + i] * x[k];
    x[i] = sum / L[i * r + i];
  }
  return x;
}

/** Outcome of {@link fisherScoring}. */
export interface ScoringResult {
  theta: Float64Array;
  ev: HlmEval;
  iterations: number;
  converged: boolean;
}

/**
 * Maximise the (restricted) likelihood by Fisher scoring on the natural parameters, halving the
 * step while it leaves the parameter space or lowers the likelihood. Converged when the Newton
 * decrement s' I⁻¹ s falls below `tol`.
 */
export function fisherScoring(
  s: HlmStructure,
  cases: HlmCase[],
  theta0: Float64Array,
  { maxIter = 200, tol = 1e-14 }: { maxIter?: number; tol?: number } = {},
): ScoringResult {
  let theta = theta0.slice();
  let ev = evaluate(s, cases, theta, true);
  const r = theta.length;
  for (let it = 1; it <= maxIter; it++) {
    const step = solveSpd(ev.info!, ev.score!, r);
    if (!step) return { theta, ev, iterations: it, converged: false };
    let dec = 0;
    for (let k = 0; k < r; k++) dec += step[k] * ev.score![k];
    if (dec < tol) return { theta, ev, iterations: it, converged: true };
    let lambda = 1;
    let accepted = false;
    for (let h = 0; h < 60; h++) {
      const cand = new Float64Array(r);
      for (let k = 0; k < r; k++) cand[k] = theta[k] + lambda * step[k];
      if (feasible(s, cand)) {
        const e = evaluate(s, cases, cand, false);
        if (e.loglik >= ev.loglik - 1e-12 * Math.abs(ev.loglik)) {
          theta = cand;
          ev = evaluate(s, cases, theta, true);
          accepted = true;
          break;
        }
      }
      lambda /= 2;
    }
    if (!accepted) return { theta, ev, iterations: it, converged: dec < 1e-8 };
  }
  return { theta, ev, iterations: maxIter, converged: false };
}
