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
export function cholInverse(l: Float64Array, n: number, out: Float64Array): Float64Array {
  // inv(L) in a scratch lower triangle
  const li = new Float64Array(n * n);
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
 * Symmetric matrix power `A^pow` (e.g. -1/2) through the eigen decomposition of the symmetrised
 * matrix; eigenvalues at or below `tol × max eigenvalue` count as zero (their inverse powers as 0,
 * as a generalised inverse). Returns the row-major result.
 */
export function symPower(a: Float64Array, n: number, pow: number, tol = 1e-12): Float64Array {
  const m = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) m.set(i, j, (a[i * n + j] + a[j * n + i]) / 2);
  }
  const e = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const vals = e.realEigenvalues;
  const vecs = e.eigenvectorMatrix;
  const vmax = Math.max(...vals.map(Math.abs));
  const f = vals.map((v) => (v > tol * vmax ? Math.pow(v, pow) : 0));
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += vecs.get(i, k) * f[k] * vecs.get(j, k);
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}
