/**
 * The CR2 kernel `applyInvSqrt` (Y ← Y B^{-1/2} through Householder tridiagonalisation and
 * implicit QR, no eigenvectors) against the straightforward route: the full symmetric power
 * B^{-1/2} from the eigen decomposition (`symPower` in stats/_linalg, clubSandwich's
 * matrix_power convention: eigenvalues ≤ 1e-12 · max count as 0), then Y times it. Seeded random
 * matrices of every size 1–30: well conditioned, with repeated eigenvalues, rank deficient
 * (generalised inverse), already diagonal or tridiagonal, and of the CR2 form L'(Θ - x a x')L.
 */
import assert from "node:assert/strict";
import { applyInvSqrt, invSqrtScratch } from "../../lib/meta/_cr2.ts";
import { symPower } from "../../lib/stats/_linalg.ts";
import { createRandom, type Random } from "../../lib/stats/random.ts";

/** Q diag(vals) Q' with Q a random orthogonal matrix (Householder products of normal vectors). */
function withSpectrum(rng: Random, vals: number[]): Float64Array {
  const n = vals.length;
  const Q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Q[i * n + i] = 1;
  for (let r = 0; r < 3; r++) {
    const v = Array.from({ length: n }, () => rng.normal());
    const vv = v.reduce((s, x) => s + x * x, 0);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += Q[i * n + j] * v[j];
      for (let j = 0; j < n; j++) Q[i * n + j] -= (2 * s * v[j]) / vv;
    }
  }
  const B = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += Q[i * n + t] * vals[t] * Q[j * n + t];
      B[i * n + j] = s;
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) B[j * n + i] = B[i * n + j];
  return B;
}

/** Max relative difference between Y B^{-1/2} by the kernel and by symPower. */
function compare(B: Float64Array, n: number, Y: Float64Array, p: number): number {
  const R = symPower(B, n, -0.5);
  const ref = new Float64Array(p * n);
  for (let r = 0; r < p; r++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += Y[r * n + t] * R[t * n + j];
      ref[r * n + j] = s;
    }
  }
  const got = Y.slice();
  assert(applyInvSqrt(B.slice(), n, got, p, invSqrtScratch(n)), "QR iteration converged");
  let scale = 0;
  for (const v of ref) scale = Math.max(scale, Math.abs(v));
  let diff = 0;
  for (let i = 0; i < p * n; i++) diff = Math.max(diff, Math.abs(got[i] - ref[i]));
  return scale === 0 ? diff : diff / scale;
}

function rows(rng: Random, p: number, n: number): Float64Array {
  return Float64Array.from({ length: p * n }, () => rng.normal());
}

Deno.test("applyInvSqrt equals Y · symPower(B, -1/2) on well-conditioned SPD matrices, n = 1..30", () => {
  const rng = createRandom(20261130);
  for (let n = 1; n <= 30; n++) {
    for (let rep = 0; rep < 3; rep++) {
      const vals = Array.from({ length: n }, () => Math.exp(rng.normal(0, 1.5)));
      const B = withSpectrum(rng, vals);
      const p = 1 + (rep % 3);
      const d = compare(B, n, rows(rng, p, n), p);
      assert(d < 1e-10, `n = ${n}, rep ${rep}: relative difference ${d}`);
    }
  }
});

Deno.test("applyInvSqrt with repeated eigenvalues (the equal-variance case) and with a zero spectrum part", () => {
  const rng = createRandom(7);
  for (const n of [2, 3, 5, 8, 13, 22]) {
    // two distinct values, each repeated
    const rep = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0.05 : 0.3));
    let d = compare(withSpectrum(rng, rep), n, rows(rng, 2, n), 2);
    assert(d < 1e-10, `repeated, n = ${n}: ${d}`);
    // rank deficient: eigenvalues below 1e-12 · max give 0 (a generalised inverse)
    if (n > 1) {
      const def = Array.from({ length: n }, (_, i) => (i < Math.ceil(n / 3) ? 0 : 0.1 + i));
      d = compare(withSpectrum(rng, def), n, rows(rng, 1, n), 1);
      assert(d < 1e-8, `rank deficient, n = ${n}: ${d}`);
      // an eigenvalue of 1e-10 · max is above the cut-off and dominates the result
      const tiny = Array.from({ length: n }, (_, i) => (i === 0 ? 1e-10 : 1 + i));
      d = compare(withSpectrum(rng, tiny), n, rows(rng, 1, n), 1);
      assert(d < 1e-4, `eigenvalue 1e-10 · max, n = ${n}: ${d}`);
    }
  }
});

Deno.test("applyInvSqrt on matrices that are already diagonal or tridiagonal", () => {
  const rng = createRandom(99);
  for (const n of [1, 2, 3, 6, 17]) {
    const D = new Float64Array(n * n);
    for (let i = 0; i < n; i++) D[i * n + i] = 0.1 + rng.uniform();
    let d = compare(D, n, rows(rng, 1, n), 1);
    assert(d < 1e-12, `diagonal, n = ${n}: ${d}`);
    const T = D.slice();
    for (let i = 0; i + 1 < n; i++) T[i * n + i + 1] = T[(i + 1) * n + i] = 0.2 * rng.normal();
    for (let i = 0; i < n; i++) T[i * n + i] += 1;
    d = compare(T, n, rows(rng, 2, n), 2);
    assert(d < 1e-10, `tridiagonal, n = ${n}: ${d}`);
  }
});

Deno.test("applyInvSqrt on CR2 blocks L'(Θ - x a x')L of a nested working model", () => {
  const rng = createRandom(12);
  for (const n of [1, 2, 3, 5, 10, 16, 22]) {
    // Θ = diag(v) + σ²_1 J + σ²_2 I; x the intercept column; a = 1 / (1' W 1) over more clusters
    const s1 = 0.1 + 0.2 * rng.uniform(), s2 = 0.05 * rng.uniform();
    const theta = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) theta[i * n + j] = s1 + (i === j ? s2 + 0.01 + 0.1 * rng.uniform() : 0);
    }
    const L = theta.slice();
    for (let j = 0; j < n; j++) {
      for (let i = j; i < n; i++) {
        let s = L[i * n + j];
        for (let t = 0; t < j; t++) s -= L[i * n + t] * L[j * n + t];
        L[i * n + j] = i === j ? Math.sqrt(s) : s / L[j * n + j];
      }
      for (let i = 0; i < j; i++) L[i * n + j] = 0;
    }
    const a = 0.02;
    const B = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let u = 0; u < n; u++) {
          for (let v = 0; v < n; v++) s += L[u * n + i] * (theta[u * n + v] - a) * L[v * n + j];
        }
        B[i * n + j] = s;
      }
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) B[i * n + j] = B[j * n + i] = (B[i * n + j] + B[j * n + i]) / 2;
    }
    const d = compare(B, n, rows(rng, 1, n), 1);
    assert(d < 1e-10, `n = ${n}: ${d}`);
  }
});

Deno.test("applyInvSqrt grows its rotation buffer when a small one is given", () => {
  const rng = createRandom(3);
  const n = 25;
  const B = withSpectrum(rng, Array.from({ length: n }, () => Math.exp(rng.normal())));
  const Y = rows(rng, 2, n);
  const ws = invSqrtScratch(n);
  ws.rc = new Float64Array(1);
  ws.rs = new Float64Array(1);
  ws.ri = new Int32Array(1);
  const got = Y.slice();
  assert(applyInvSqrt(B.slice(), n, got, 2, ws));
  assert(ws.rc.length > 1, "buffer grown");
  const ref = Y.slice();
  assert(applyInvSqrt(B.slice(), n, ref, 2, invSqrtScratch(n)));
  for (let i = 0; i < 2 * n; i++) assert(Math.abs(got[i] - ref[i]) <= 1e-14 * (1 + Math.abs(ref[i])), `element ${i}`);
});
