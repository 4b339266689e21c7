/**
 * Small dense linear algebra on row-major `Float64Array`s, for the hot loops of the multilevel
 * engine, of CR2 (REML iterations and adjustment matrices on many small blocks) and of the
 * single-case HLM, where
 * ml-matrix's per-element accessors and object allocation dominated the run time (measured: an
 * REML evaluation went from 0.6 ms to 0.04 ms on assink2016). Symmetric eigen decompositions
 * (HTZ's `Ω^{-1/2}`, symmetric powers elsewhere): cyclic Jacobi up to 8×8, Householder
 * tridiagonalisation + implicit QL (EISPACK tred2/tql2, as in the public-domain JAMA) above.
 * CR2's `B^{-1/2}` no longer comes from here: lib/meta/_cr2.ts applies it to the few rows it
 * needs without forming eigenvectors. Internal: not exported from `mod.ts`.
 * @module
 */

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
 * Eigen decomposition of a symmetric matrix (symmetrised first): closed form for 1×1 and 2×2,
 * Jacobi up to 8×8, {@link householderQL} above (faster there). Eigenvectors are the columns of `vecs` (row-major n×n).
 */
export function symEigen(a: Float64Array, n: number): { vals: Float64Array; vecs: Float64Array } {
  if (n === 1) return { vals: Float64Array.of(a[0]), vecs: Float64Array.of(1) };
  if (n === 2) {
    // closed form: rotation by the angle that diagonalises [[x, y], [y, z]]
    const x = a[0], y = (a[1] + a[2]) / 2, z = a[3];
    const t = 0.5 * Math.atan2(2 * y, x - z), c = Math.cos(t), s = Math.sin(t);
    return {
      vals: Float64Array.of(c * c * x + 2 * c * s * y + s * s * z, s * s * x - 2 * c * s * y + c * c * z),
      vecs: Float64Array.of(c, -s, s, c),
    };
  }
  if (n <= 8) return jacobiEigen(a, n);
  return householderQL(a, n);
}

/**
 * Symmetric eigen decomposition by Householder tridiagonalisation and the implicit QL algorithm
 * (the EISPACK tred2/tql2 pair as in the public-domain JAMA), on flat arrays.
 */
export function householderQL(a: Float64Array, n: number): { vals: Float64Array; vecs: Float64Array } {
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) V[i * n + j] = (a[i * n + j] + a[j * n + i]) / 2;
  const d = new Float64Array(n), e = new Float64Array(n);
  // tred2
  for (let j = 0; j < n; j++) d[j] = V[(n - 1) * n + j];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0, h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V[(i - 1) * n + j];
        V[i * n + j] = 0;
        V[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[j * n + i] = f;
        g = e[j] + V[j * n + j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[k * n + j] * d[k];
          e[k] += V[k * n + j] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) V[k * n + j] -= f * e[k] + g * d[k];
        d[j] = V[(i - 1) * n + j];
        V[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    V[(n - 1) * n + i] = V[i * n + i];
    V[i * n + i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[k * n + i + 1] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[k * n + i + 1] * V[k * n + j];
        for (let k = 0; k <= i; k++) V[k * n + j] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) V[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[(n - 1) * n + j];
    V[(n - 1) * n + j] = 0;
  }
  V[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
  // tql2
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0, tst1 = 0;
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      for (let iter = 0; iter < 100; iter++) {
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1, c2 = c, c3 = c, s = 0, s2 = 0;
        const el1 = e[l + 1];
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          for (let k = 0; k < n; k++) {
            const vk1 = V[k * n + i + 1], vk = V[k * n + i];
            V[k * n + i + 1] = s * vk + c * vk1;
            V[k * n + i] = c * vk - s * vk1;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (!(Math.abs(e[l]) > eps * tst1)) break;
      }
    }
    d[l] += f;
    e[l] = 0;
  }
  return { vals: d, vecs: V };
}

/**
 * The eigenvalue function f(λ) = λ^pow of a symmetric power, with eigenvalues at or below
 * `tol × max eigenvalue` mapped to 0 (a generalised inverse for negative powers).
 */
export function powerValues(vals: Float64Array, pow: number, tol = 1e-12): Float64Array {
  let vmax = 0;
  for (let k = 0; k < vals.length; k++) vmax = Math.max(vmax, Math.abs(vals[k]));
  return vals.map((v) => (v > tol * vmax ? Math.pow(v, pow) : 0));
}

/**
 * Symmetric matrix power `A^pow` (e.g. -1/2) through the eigen decomposition of the symmetrised
 * matrix; eigenvalues at or below `tol × max eigenvalue` count as zero (their inverse powers as 0,
 * as a generalised inverse). Returns the row-major result.
 */
export function symPower(a: Float64Array, n: number, pow: number, tol = 1e-12): Float64Array {
  if (n === 1) {
    const v = a[0];
    return Float64Array.of(v > 0 ? Math.pow(v, pow) : 0);
  }
  const { vals, vecs } = symEigen(a, n);
  const f = powerValues(vals, pow, tol);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += vecs[i * n + k] * f[k] * vecs[j * n + k];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}
