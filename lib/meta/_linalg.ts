/**
 * Small dense linear algebra on row-major `Float64Array`s, for the hot loops of the multilevel
 * engine (REML iterations on many small blocks) where ml-matrix's object allocation would
 * dominate. Symmetric powers (CR2's `B^{-1/2}`, HTZ's `Ω^{-1/2}`) use ml-matrix's eigen
 * decomposition. Internal: not exported from `mod.ts`.
 * @module
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";

/**
 * In-place Cholesky factorisation of the symmetric n×n matrix `a` (row-major); on success the
 * lower triangle holds L (A = L L') and the return value is log|A|; a non-positive pivot returns
 * NaN (the matrix is not positive definite) and leaves `a` partly overwritten.
 */
export function cholInPlace(a: Float64Array, n: number): number {
  let logdet = 0;
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (!(d > 0)) return NaN;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    logdet += 2 * Math.log(ljj);
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s / ljj;
    }
  }
  return logdet;
}

/** Inverse of A from its Cholesky factor L (lower triangle of `l`), written to `out` (full symmetric). */
export function cholInverse(
  l: Float64Array,
  n: number,
  out: Float64Array,
  li: Float64Array = new Float64Array(n * n),
): Float64Array {
  // inv(L) in a scratch lower triangle (li: n×n scratch, overwritten)
  for (let i = 0; i < n; i++) {
    li[i * n + i] = 1 / l[i * n + i];
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * n + k] * li[k * n + j];
      li[i * n + j] = s / l[i * n + i];
    }
  }
  // A^-1 = inv(L)' inv(L)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += li[k * n + i] * li[k * n + j];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}

/**
 * Inverse and log-determinant of a symmetric positive definite matrix; null if it is not
 * positive definite.
 */
export function spdInverse(a: Float64Array, n: number): { inv: Float64Array; logdet: number } | null {
  const l = a.slice();
  const logdet = cholInPlace(l, n);
  if (Number.isNaN(logdet)) return null;
  return { inv: cholInverse(l, n, new Float64Array(n * n)), logdet };
}

/** Solve A x = b for symmetric positive definite A (n×n, row-major); null if not positive definite. */
export function spdSolve(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const l = a.slice();
  if (Number.isNaN(cholInPlace(l, n))) return null;
  const x = b.slice();
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * x[k];
    x[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/** Row-major Float64Array from rows. */
export function fromRows(rows: readonly (readonly number[])[]): Float64Array {
  const n = rows.length, m = n ? rows[0].length : 0;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[i * m + j] = rows[i][j];
  return out;
}

/** Rows from a row-major Float64Array with `m` columns. */
export function toRows(a: Float64Array, n: number, m: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push(Array.from(a.subarray(i * m, i * m + m)));
  return out;
}

/**
 * Eigen decomposition of a small symmetric matrix by cyclic Jacobi rotations (accurate to
 * machine precision, no allocation beyond the outputs): `vals[k]` and the column eigenvectors
 * `vecs[i * n + k]`.
 */
export function jacobiEigen(a: Float64Array, n: number): { vals: Float64Array; vecs: Float64Array } {
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] = (a[i * n + j] + a[j * n + i]) / 2;
  const Q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Q[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0, diag = 0;
    for (let i = 0; i < n; i++) {
      diag += A[i * n + i] * A[i * n + i];
      for (let j = i + 1; j < n; j++) off += A[i * n + j] * A[i * n + j];
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (apq === 0) continue;
        const app = A[p * n + p], aqq = A[q * n + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p], akq = A[k * n + q];
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k], aqk = A[q * n + k];
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const qkp = Q[k * n + p], qkq = Q[k * n + q];
          Q[k * n + p] = c * qkp - s * qkq;
          Q[k * n + q] = s * qkp + c * qkq;
        }
      }
    }
  }
  const vals = new Float64Array(n);
  for (let i = 0; i < n; i++) vals[i] = A[i * n + i];
  return { vals, vecs: Q };
}

/**
 * Symmetric matrix power `A^pow` (e.g. -1/2) through the eigen decomposition of the symmetrised
 * matrix (Jacobi up to 10×10, ml-matrix's tridiagonal QL above, where it is faster); eigenvalues at or below
 * `tol × max eigenvalue` count as zero (their inverse powers as 0, as a generalised inverse).
 * Returns the row-major result.
 */
export function symPower(a: Float64Array, n: number, pow: number, tol = 1e-12): Float64Array {
  let vals: ArrayLike<number>;
  let vec: (i: number, k: number) => number;
  if (n === 1) {
    const v = a[0];
    return Float64Array.of(v > 0 ? Math.pow(v, pow) : 0);
  }
  if (n <= 10) {
    const e = jacobiEigen(a, n);
    vals = e.vals;
    vec = (i, k) => e.vecs[i * n + k];
  } else {
    const m = new Matrix(n, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) m.set(i, j, (a[i * n + j] + a[j * n + i]) / 2);
    }
    const e = new EigenvalueDecomposition(m, { assumeSymmetric: true });
    vals = e.realEigenvalues;
    const V = e.eigenvectorMatrix;
    vec = (i, k) => V.get(i, k);
  }
  let vmax = 0;
  for (let k = 0; k < n; k++) vmax = Math.max(vmax, Math.abs(vals[k]));
  const f = new Float64Array(n);
  for (let k = 0; k < n; k++) f[k] = vals[k] > tol * vmax ? Math.pow(vals[k], pow) : 0;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += vec(i, k) * f[k] * vec(j, k);
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}
