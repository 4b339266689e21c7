/**
 * Internal kernel of the CR2 adjustment in {@link robust}: `Y ← Y B^{-1/2}` for a symmetric
 * positive semi-definite B (n×n) and a few rows Y (p×n), without forming B^{-1/2} or the
 * eigenvectors of B.
 *
 * B = H T H' by Householder tridiagonalisation (Golub & Van Loan, Matrix Computations, 4th ed.,
 * algorithm 8.3.1), T = Q Λ Q' by the implicit symmetric QR algorithm with Wilkinson shifts
 * (algorithm 8.3.3); then `Y B^{-1/2} = ((Y H Q) Λ^{-1/2}) Q' H'`. The reflections and rotations
 * are applied to the p rows of Y only (the rotations are recorded and replayed in reverse), so
 * the cost is about n³ for the reduction plus O(p n²), against the O(n³) eigenvector
 * accumulation of a full decomposition. The power is the generalised one of clubSandwich's
 * `matrix_power`: eigenvalues ≤ 1e-12 · max |λ| contribute 0.
 * @module
 */

/** Reusable scratch of {@link applyInvSqrt} (grown on demand). */
export interface InvSqrtScratch {
  d: Float64Array;
  e: Float64Array;
  beta: Float64Array;
  rc: Float64Array;
  rs: Float64Array;
  ri: Int32Array;
  v: Float64Array;
  w: Float64Array;
}

/** Scratch for blocks up to `n` rows. */
export function invSqrtScratch(n: number): InvSqrtScratch {
  const cap = Math.max(16, 8 * n * n);
  return {
    d: new Float64Array(n),
    e: new Float64Array(n),
    beta: new Float64Array(n),
    rc: new Float64Array(cap),
    rs: new Float64Array(cap),
    ri: new Int32Array(cap),
    v: new Float64Array(n),
    w: new Float64Array(n),
  };
}

function growRotations(ws: InvSqrtScratch, need: number): void {
  const cap = Math.max(ws.rc.length * 2, need);
  const rc = new Float64Array(cap), rs = new Float64Array(cap), ri = new Int32Array(cap);
  rc.set(ws.rc);
  rs.set(ws.rs);
  ri.set(ws.ri);
  ws.rc = rc;
  ws.rs = rs;
  ws.ri = ri;
}

/** Y ← Y H_k for the reflection H_k = I - β v v' whose v is stored in column k of B (v[k+1] = 1). */
function reflectRows(B: Float64Array, n: number, k: number, bk: number, Y: Float64Array, p: number): void {
  for (let r = 0; r < p; r++) {
    const o = r * n;
    let s = Y[o + k + 1];
    for (let i = k + 2; i < n; i++) s += Y[o + i] * B[i * n + k];
    s *= bk;
    Y[o + k + 1] -= s;
    for (let i = k + 2; i < n; i++) Y[o + i] -= s * B[i * n + k];
  }
}

/**
 * Overwrite the p rows of `Y` (p×n, row-major) with `Y B^{-1/2}`; B (n×n, row-major, symmetric;
 * only its lower triangle is read) is destroyed. Returns false if the QR iteration does not converge (not seen in practice).
 */
export function applyInvSqrt(B: Float64Array, n: number, Y: Float64Array, p: number, ws: InvSqrtScratch): boolean {
  const { d, e, beta } = ws;
  // --- Householder tridiagonalisation: T = H' B H, H = H_0 … H_{n-3}, H_k = I - β_k v_k v_k'
  // v_k lives in column k below the subdiagonal (its first element, at row k + 1, is 1).
  for (let k = 0; k < n - 2; k++) {
    const x0 = B[(k + 1) * n + k];
    let sigma = 0;
    for (let i = k + 2; i < n; i++) sigma += B[i * n + k] * B[i * n + k];
    if (sigma === 0) {
      beta[k] = 0;
      e[k] = x0;
      d[k] = B[k * n + k];
      continue;
    }
    const mu = Math.sqrt(x0 * x0 + sigma);
    const v0 = x0 <= 0 ? x0 - mu : -sigma / (x0 + mu);
    const bk = (2 * v0 * v0) / (sigma + v0 * v0);
    beta[k] = bk;
    for (let i = k + 2; i < n; i++) B[i * n + k] /= v0;
    e[k] = mu;
    d[k] = B[k * n + k];
    // trailing block A22 (rows/cols k+1..n-1; only its lower triangle is read and kept):
    // p = β A22 v, w = p - (β p'v / 2) v, A22 -= v w' + w v'
    const v = ws.v, w = ws.w;
    v[k + 1] = 1;
    for (let i = k + 2; i < n; i++) v[i] = B[i * n + k];
    for (let i = k + 1; i < n; i++) w[i] = 0;
    for (let i = k + 1; i < n; i++) {
      const o = i * n, vi = v[i];
      let s = B[o + i] * vi;
      for (let j = k + 1; j < i; j++) {
        const a = B[o + j];
        s += a * v[j];
        w[j] += a * vi;
      }
      w[i] += s;
    }
    let pv = 0;
    for (let i = k + 1; i < n; i++) {
      w[i] *= bk;
      pv += w[i] * v[i];
    }
    const h = (bk * pv) / 2;
    for (let i = k + 1; i < n; i++) w[i] -= h * v[i];
    for (let i = k + 1; i < n; i++) {
      const o = i * n, vi = v[i], wi = w[i];
      for (let j = k + 1; j <= i; j++) B[o + j] -= vi * w[j] + wi * v[j];
    }
  }
  if (n >= 2) {
    d[n - 2] = B[(n - 2) * n + n - 2];
    e[n - 2] = B[(n - 1) * n + n - 2];
  }
  d[n - 1] = B[n * n - 1];
  e[n - 1] = 0;
  // Y ← Y H
  for (let k = 0; k < n - 2; k++) {
    if (beta[k] !== 0) reflectRows(B, n, k, beta[k], Y, p);
  }
  // --- implicit symmetric QR with Wilkinson shifts on (d, e); e[i] couples i and i + 1
  let nrot = 0;
  let rc = ws.rc, rs = ws.rs, ri = ws.ri;
  let hi = n - 1, iter = 0;
  const maxIter = 30 * n + 30;
  while (hi > 0) {
    for (let i = 0; i < hi; i++) {
      if (Math.abs(e[i]) <= 2.220446049250313e-16 * (Math.abs(d[i]) + Math.abs(d[i + 1]))) e[i] = 0;
    }
    while (hi > 0 && e[hi - 1] === 0) hi--;
    if (hi === 0) break;
    if (++iter > maxIter) return false;
    let lo = hi - 1;
    while (lo > 0 && e[lo - 1] !== 0) lo--;
    if (nrot + (hi - lo) > rc.length) {
      growRotations(ws, nrot + (hi - lo));
      rc = ws.rc;
      rs = ws.rs;
      ri = ws.ri;
    }
    // Wilkinson shift from the trailing 2×2
    const dd = (d[hi - 1] - d[hi]) / 2, b = e[hi - 1];
    const rt = Math.sqrt(dd * dd + b * b);
    const mu = d[hi] - (b * b) / (dd >= 0 ? dd + rt : dd - rt);
    let x = d[lo] - mu, z = e[lo];
    for (let k = lo; k < hi; k++) {
      let c = 1, s = 0;
      if (z !== 0) {
        const r = Math.sqrt(x * x + z * z), ir = 1 / r;
        c = x * ir;
        s = -z * ir;
        if (k > lo) e[k - 1] = r;
      } else if (k > lo) e[k - 1] = x;
      const a1 = d[k], a2 = d[k + 1], bb = e[k];
      const cc = c * c, ss = s * s, cs = c * s;
      d[k] = cc * a1 - 2 * cs * bb + ss * a2;
      d[k + 1] = ss * a1 + 2 * cs * bb + cc * a2;
      e[k] = cs * (a1 - a2) + (cc - ss) * bb;
      if (k + 1 < hi) {
        z = -s * e[k + 1];
        e[k + 1] *= c;
        x = e[k];
      }
      if (s !== 0) {
        rc[nrot] = c;
        rs[nrot] = s;
        ri[nrot++] = k;
        for (let o = k; o < p * n; o += n) {
          const yk = Y[o], yk1 = Y[o + 1];
          Y[o] = c * yk - s * yk1;
          Y[o + 1] = s * yk + c * yk1;
        }
      }
    }
  }
  // --- Λ^{-1/2} (generalised)
  let vmax = 0;
  for (let i = 0; i < n; i++) vmax = Math.max(vmax, Math.abs(d[i]));
  for (let i = 0; i < n; i++) {
    const f = d[i] > 1e-12 * vmax ? 1 / Math.sqrt(d[i]) : 0;
    for (let r = 0; r < p; r++) Y[r * n + i] *= f;
  }
  // Y ← Y Q'
  for (let t = nrot - 1; t >= 0; t--) {
    const c = rc[t], s = rs[t];
    for (let o = ri[t]; o < p * n; o += n) {
      const yk = Y[o], yk1 = Y[o + 1];
      Y[o] = c * yk + s * yk1;
      Y[o + 1] = -s * yk + c * yk1;
    }
  }
  // Y ← Y H' = Y H_{n-3} … H_0
  for (let k = n - 3; k >= 0; k--) {
    if (beta[k] !== 0) reflectRows(B, n, k, beta[k], Y, p);
  }
  return true;
}
