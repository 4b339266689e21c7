/**
 * O(n) per case evaluation of the REML/ML log-likelihood, score and average-information matrix
 * for the commonest single-case model: a random case intercept, AR(1) (or independent) level-1
 * errors with one variance — scdhlm's `calc_BCSMD` default. Internal to lib/sced/hlm.ts.
 *
 * With V = σ²C + τ²11', C the AR(1) correlation (φ^|t_i − t_j|, sessions increasing, gaps
 * allowed) and Q = C⁻¹ tridiagonal (a Markov chain), every quantity comes from tridiagonal
 * products, one tridiagonal solve and the identities
 *   V⁻¹x = R⁻¹x − b t (1'R⁻¹x)  (R = σ²C, b = R⁻¹1, s = 1'b, t = τ²/(1 + τ²s)),
 *   C V⁻¹ = (I − τ² 1 1'V⁻¹)/σ²,  C V⁻¹ C = C/σ² − t 11'/σ⁴,  dC/dφ = −C (dQ/dφ) C.
 * θ = (τ², φ, σ²) (or (τ², σ²) for independent errors), as in `_hlm.ts`.
 * @module
 */
import type { HlmCase, HlmEval, HlmStructure } from "./_hlm.ts";
import { addCrossProducts, aiMatrix, glsSolve, hlmLoglik, notPd } from "./_hlm_gls.ts";

/** Whether the fast path applies to this model and data. */
export function fastApplies(s: HlmStructure, cases: HlmCase[]): boolean {
  if (s.q !== 1 || s.het || s.cor === "MA1") return false;
  for (const c of cases) {
    for (let i = 0; i < c.n; i++) {
      if (c.Z[i] !== 1) return false;
      if (i > 0 && !(c.t[i] > c.t[i - 1])) return false;
    }
  }
  return true;
}

/** Tridiagonal Q (diagonal qd, off-diagonal qo) times x. */
function triMul(qd: Float64Array, qo: Float64Array, x: Float64Array, n: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let v = qd[i] * x[i];
    if (i > 0) v += qo[i - 1] * x[i - 1];
    if (i + 1 < n) v += qo[i] * x[i + 1];
    out[i] = v;
  }
}

/** Solve Q x = z for tridiagonal SPD Q (Thomas algorithm). */
function triSolve(
  qd: Float64Array,
  qo: Float64Array,
  z: Float64Array,
  n: number,
  out: Float64Array,
  c: Float64Array,
  d: Float64Array,
): void {
  c[0] = n > 1 ? qo[0] / qd[0] : 0;
  d[0] = z[0] / qd[0];
  for (let i = 1; i < n; i++) {
    const m = qd[i] - qo[i - 1] * c[i - 1];
    c[i] = i + 1 < n ? qo[i] / m : 0;
    d[i] = (z[i] - qo[i - 1] * d[i - 1]) / m;
  }
  out[n - 1] = d[n - 1];
  for (let i = n - 2; i >= 0; i--) out[i] = d[i] - c[i] * out[i + 1];
}

/** Per-case buffers, allocated once and reused by every evaluation (allocation dominates at n ≈ 15). */
interface FastWs {
  p: number;
  r: number;
  qd: Float64Array;
  qo: Float64Array;
  dqd: Float64Array;
  dqo: Float64Array;
  rho: Float64Array;
  b: Float64Array;
  ones: Float64Array;
  v1: Float64Array;
  VX: Float64Array;
  Vy: Float64Array;
  col: Float64Array;
  out: Float64Array;
  res: Float64Array;
  e: Float64Array;
  Ce: Float64Array;
  dQCe: Float64Array;
  Cz: Float64Array;
  Y: Float64Array;
  colY: Float64Array;
  dQY: Float64Array;
  u1: Float64Array;
  tc: Float64Array;
  td: Float64Array;
  q: Float64Array[];
  Vq: Float64Array[];
  a1: number;
}

/** Buffers pooled by (position of the case, n, p, r); nothing in them outlives one evaluation. */
const fastWs = new Map<string, FastWs>();

function getWs(c: HlmCase, p: number, r: number, index: number): FastWs {
  const key = `${index}:${c.n}:${p}:${r}`;
  const w = fastWs.get(key);
  if (w) return w;
  const n = c.n, m = Math.max(n - 1, 1);
  const f = (k: number) => new Float64Array(k);
  const ws: FastWs = {
    p,
    r,
    qd: f(n),
    qo: f(m),
    dqd: f(n),
    dqo: f(m),
    rho: f(m),
    b: f(n),
    ones: f(n).fill(1),
    v1: f(n),
    VX: f(n * p),
    Vy: f(n),
    col: f(n),
    out: f(n),
    res: f(n),
    e: f(n),
    Ce: f(n),
    dQCe: f(n),
    Cz: f(n),
    Y: f(n * p),
    colY: f(n),
    dQY: f(n),
    u1: f(p),
    tc: f(n),
    td: f(n),
    q: Array.from({ length: r }, () => f(n)),
    Vq: Array.from({ length: r }, () => f(n)),
    a1: 0,
  };
  if (fastWs.size >= 512) fastWs.clear(); // bounded: many data shapes do not pile up
  fastWs.set(key, ws);
  return ws;
}

/** Log-likelihood, score and AI matrix in O(n (p + 1)) per case (see the module docs). */
export function evaluateFast(s: HlmStructure, cases: HlmCase[], theta: Float64Array): HlmEval {
  const p = s.p;
  const ar = s.cor === "AR1";
  const tau = theta[0];
  const phi = ar ? theta[1] : 0;
  const s2 = theta[ar ? 2 : 1];
  const r = theta.length;
  const iS = ar ? 2 : 1;
  let N = 0, logdetV = 0;
  const XtVX = new Float64Array(p * p), XtVy = new Float64Array(p);
  const per: FastWs[] = [];
  for (let ci = 0; ci < cases.length; ci++) {
    const c = cases[ci];
    const n = c.n;
    N += n;
    const ws = getWs(c, p, r, ci);
    per.push(ws);
    const { qd, qo, dqd, dqo, rho } = ws;
    qd.fill(0);
    dqd.fill(0);
    let logdetC = 0;
    for (let i = 0; i + 1 < n; i++) {
      const d = c.t[i + 1] - c.t[i];
      const rh = ar && phi !== 0 ? Math.pow(phi, d) : ar && d === 0 ? 1 : 0;
      const drh = ar ? (d === 1 ? 1 : phi === 0 ? 0 : d * Math.pow(phi, d - 1)) : 0;
      const den = 1 - rh * rh;
      rho[i] = rh;
      logdetC += Math.log(den);
      qo[i] = -rh / den;
      const g = 2 * rh / (den * den) * drh;
      qd[i] += rh * rh / den;
      qd[i + 1] += 1 / den;
      dqd[i] += g;
      dqd[i + 1] += g;
      dqo[i] = -(1 + rh * rh) / (den * den) * drh;
    }
    qd[0] += 1;
    // R⁻¹ = Q/σ²
    const { b, ones, v1, VX, Vy, col, out } = ws;
    triMul(qd, qo, ones, n, b);
    let sb = 0;
    for (let i = 0; i < n; i++) {
      b[i] /= s2;
      sb += b[i];
    }
    const t = tau / (1 + tau * sb);
    logdetV += n * Math.log(s2) + logdetC + Math.log(1 + tau * sb);
    for (let i = 0; i < n; i++) v1[i] = b[i] / (1 + tau * sb);
    ws.a1 = sb / (1 + tau * sb);
    // V⁻¹X and V⁻¹y
    for (let a = 0; a < p; a++) {
      for (let i = 0; i < n; i++) col[i] = c.X[i * p + a];
      triMul(qd, qo, col, n, out);
      let one = 0;
      for (let i = 0; i < n; i++) {
        out[i] /= s2;
        one += out[i];
      }
      for (let i = 0; i < n; i++) VX[i * p + a] = out[i] - b[i] * t * one;
    }
    triMul(qd, qo, c.y, n, out);
    let oy = 0;
    for (let i = 0; i < n; i++) {
      out[i] /= s2;
      oy += out[i];
    }
    for (let i = 0; i < n; i++) Vy[i] = out[i] - b[i] * t * oy;
    addCrossProducts(c.X, VX, c.y, n, p, XtVX, XtVy);
  }
  const gls = glsSolve(XtVX, XtVy, p);
  if (!gls) return notPd(p);
  const { beta, M, logdetX } = gls;
  let quad = 0;
  const score = new Float64Array(r);
  const qVq = new Float64Array(r * r);
  const Uq = new Float64Array(r * p);
  const F = new Float64Array(r * p * p);
  for (let ci = 0; ci < cases.length; ci++) {
    const c = cases[ci];
    const n = c.n;
    const ws = per[ci];
    const { qd, qo, dqd, dqo, rho, v1, VX, Vy, a1, res, e, q, Vq } = ws;
    let se = 0;
    for (let i = 0; i < n; i++) {
      let f = 0, ve = Vy[i];
      for (let a = 0; a < p; a++) {
        f += c.X[i * p + a] * beta[a];
        ve -= VX[i * p + a] * beta[a];
      }
      res[i] = c.y[i] - f;
      e[i] = ve;
      quad += res[i] * ve;
      se += ve;
    }
    // u1 = X'V⁻¹1 (p), per-case X'V⁻¹X
    const u1 = ws.u1;
    for (let a = 0; a < p; a++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += VX[i * p + a];
      u1[a] = sum;
    }
    // τ²: dV = 11'
    {
      const k = 0;
      score[k] += -0.5 * a1 + 0.5 * se * se;
      const qk = q[k], vq = Vq[k];
      for (let i = 0; i < n; i++) {
        qk[i] = se;
        vq[i] = se * v1[i];
      }
      for (let a = 0; a < p; a++) for (let bb = 0; bb < p; bb++) F[(k * p + a) * p + bb] += u1[a] * u1[bb];
    }
    // Ce = (r − τ² 1 (1'e))/σ², Y = C V⁻¹ X = (X − τ² 1 u1')/σ²
    const Ce = ws.Ce;
    for (let i = 0; i < n; i++) Ce[i] = (res[i] - tau * se) / s2;
    if (ar) {
      const k = 1;
      // tr(V⁻¹ σ² dC) = −tr(C dQ) + t 1'dQ1/σ² with t/σ² folded: use C V⁻¹ C = C/σ² − t11'/σ⁴
      let trCdQ = 0, oneDQone = 0;
      for (let i = 0; i < n; i++) {
        trCdQ += dqd[i];
        oneDQone += dqd[i];
      }
      for (let i = 0; i + 1 < n; i++) {
        trCdQ += 2 * rho[i] * dqo[i];
        oneDQone += 2 * dqo[i];
      }
      const sb = a1 / (1 - tau * a1); // s = 1'R⁻¹1 recovered from a1 = s/(1 + τ²s)
      const t = tau / (1 + tau * sb);
      const trVdV = -trCdQ + t * oneDQone / s2;
      // e' σ² dC e = −σ² (Ce)' dQ (Ce)
      const dQCe = ws.dQCe;
      triMul(dqd, dqo, Ce, n, dQCe);
      let eDe = 0;
      for (let i = 0; i < n; i++) eDe += Ce[i] * dQCe[i];
      eDe *= -s2;
      score[k] += -0.5 * trVdV + 0.5 * eDe;
      // q_φ = −σ² C dQ (Ce): one tridiagonal solve; V⁻¹ q_φ = −(z − τ² v1 (1'z)), z = dQ Ce
      const Cz = ws.Cz;
      triSolve(qd, qo, dQCe, n, Cz, ws.tc, ws.td);
      const qk = q[k], vq = Vq[k];
      let oz = 0;
      for (let i = 0; i < n; i++) oz += dQCe[i];
      for (let i = 0; i < n; i++) {
        qk[i] = -s2 * Cz[i];
        vq[i] = -(dQCe[i] - tau * v1[i] * oz);
      }
      // U' σ² dC U = −σ² Y' dQ Y
      const { Y, dQY, colY } = ws;
      for (let i = 0; i < n; i++) for (let a = 0; a < p; a++) Y[i * p + a] = (c.X[i * p + a] - tau * u1[a]) / s2;
      for (let bb = 0; bb < p; bb++) {
        for (let i = 0; i < n; i++) colY[i] = Y[i * p + bb];
        triMul(dqd, dqo, colY, n, dQY);
        for (let a = 0; a < p; a++) {
          let sum = 0;
          for (let i = 0; i < n; i++) sum += Y[i * p + a] * dQY[i];
          F[(k * p + a) * p + bb] += -s2 * sum;
        }
      }
    }
    // σ²: dV = C
    {
      const k = iS;
      const trVC = (n - tau * a1) / s2;
      let eCe = 0;
      for (let i = 0; i < n; i++) eCe += e[i] * Ce[i];
      score[k] += -0.5 * trVC + 0.5 * eCe;
      const qk = q[k], vq = Vq[k];
      for (let i = 0; i < n; i++) {
        qk[i] = Ce[i];
        vq[i] = (e[i] - tau * se * v1[i]) / s2;
      }
      // U'CU = (X'V⁻¹X_i − τ² u1 u1')/σ²
      for (let a = 0; a < p; a++) {
        for (let bb = 0; bb < p; bb++) {
          let xvx = 0;
          for (let i = 0; i < n; i++) xvx += c.X[i * p + a] * VX[i * p + bb];
          F[(k * p + a) * p + bb] += (xvx - tau * u1[a] * u1[bb]) / s2;
        }
      }
    }
    for (let a = 0; a < r; a++) {
      for (let bb = 0; bb < p; bb++) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += VX[i * p + bb] * q[a][i];
        Uq[a * p + bb] += sum;
      }
      for (let b2 = 0; b2 <= a; b2++) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += q[a][i] * Vq[b2][i];
        qVq[a * r + b2] += sum;
      }
    }
  }
  const loglik = hlmLoglik(s.reml, N, p, logdetV, logdetX, quad);
  if (s.reml) {
    for (let k = 0; k < r; k++) {
      let tr = 0;
      for (let a = 0; a < p; a++) for (let bb = 0; bb < p; bb++) tr += M[a * p + bb] * F[(k * p + bb) * p + a];
      score[k] += 0.5 * tr;
    }
  }
  return { loglik, beta, M, score, info: aiMatrix(qVq, Uq, M, r, p) };
}
