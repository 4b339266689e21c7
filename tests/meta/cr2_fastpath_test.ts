/**
 * robust(…, clubSandwich: true) against a straightforward dense CR2 written from the formulas in
 * Pustejovsky & Tipton (2018) and clubSandwich's documentation: per cluster the full n×n
 * adjustment A_c = D'(D S_c D')^{-1/2} D (D = chol(Θ_c), S_c = Θ_c - X_c M X_c', M = (X'WX)⁻¹)
 * through `symPower`, E_c = X_c' W_c A_c, vcov = M (Σ E_c e_c e_c' E_c') M, and the Satterthwaite
 * df from the full P array P_cd = δ_cd G_c Θ_c G_c' - F_c M F_d' (G_c = e_j' M E_c,
 * F_c = G_c X_c). The engine never forms A_c or the P array; both must agree to rounding on
 * seeded random univariate fits with 1–3 coefficients and clusters of 1–9 effect sizes.
 */
import assert from "node:assert/strict";
import { robust } from "../../lib/meta/robust.ts";
import { spdInverse, symPower } from "../../lib/stats/_linalg.ts";
import { createRandom } from "../../lib/stats/random.ts";

function reference(yi: number[], vi: number[], tau2: number, X: number[][], cl: number[]) {
  const k = yi.length, p = X[0].length;
  const th = vi.map((v) => v + tau2);
  const XtWX = new Float64Array(p * p), XtWy = new Float64Array(p);
  for (let i = 0; i < k; i++) {
    for (let s = 0; s < p; s++) {
      XtWy[s] += (X[i][s] * yi[i]) / th[i];
      for (let t = 0; t < p; t++) XtWX[s * p + t] += (X[i][s] * X[i][t]) / th[i];
    }
  }
  const M = spdInverse(XtWX, p)!.inv;
  const beta = Array.from({ length: p }, (_, s) => XtWy.reduce((a, v, t) => a + M[s * p + t] * v, 0));
  const ids = [...new Set(cl)];
  const Es: number[][][] = [], idxs: number[][] = [];
  const meat = new Float64Array(p * p);
  for (const id of ids) {
    const idx = cl.flatMap((c, i) => (c === id ? [i] : []));
    const n = idx.length;
    // D S D' with D = diag(sqrt θ) (the Cholesky factor of a diagonal Θ_c)
    const DSD = new Float64Array(n * n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        let xmx = 0;
        for (let s = 0; s < p; s++) for (let t = 0; t < p; t++) xmx += X[idx[a]][s] * M[s * p + t] * X[idx[b]][t];
        const S = (a === b ? th[idx[a]] : 0) - xmx;
        DSD[a * n + b] = Math.sqrt(th[idx[a]]) * S * Math.sqrt(th[idx[b]]);
      }
    }
    const P = symPower(DSD, n, -0.5);
    // A_c = D' P D; E_c = X_c' W_c A_c
    const E = Array.from({ length: p }, (_, s) =>
      Array.from({ length: n }, (_, b) => {
        let v = 0;
        for (let a = 0; a < n; a++) {
          const Aab = Math.sqrt(th[idx[a]]) * P[a * n + b] * Math.sqrt(th[idx[b]]);
          v += (X[idx[a]][s] / th[idx[a]]) * Aab;
        }
        return v;
      }));
    const u = E.map((row) =>
      row.reduce((a, v, b) => a + v * (yi[idx[b]] - X[idx[b]].reduce((z, x, t) => z + x * beta[t], 0)), 0)
    );
    for (let s = 0; s < p; s++) for (let t = 0; t < p; t++) meat[s * p + t] += u[s] * u[t];
    Es.push(E);
    idxs.push(idx);
  }
  const V = Array.from({ length: p }, (_, s) =>
    Array.from({ length: p }, (_, t) => {
      let v = 0;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) v += M[s * p + a] * meat[a * p + b] * M[b * p + t];
      return v;
    }));
  const df = Array.from({ length: p }, (_, j) => {
    const G = Es.map((E) => E[0].map((_, b) => E.reduce((a, row, s) => a + M[j * p + s] * row[b], 0)));
    const F = G.map((g, c) => Array.from({ length: p }, (_, t) => g.reduce((a, v, b) => a + v * X[idxs[c][b]][t], 0)));
    const m = ids.length;
    let Etr = 0, V2 = 0;
    for (let c = 0; c < m; c++) {
      for (let d = 0; d < m; d++) {
        let P = 0;
        if (c === d) P += G[c].reduce((a, v, b) => a + v * v * th[idxs[c][b]], 0);
        for (let s = 0; s < p; s++) for (let t = 0; t < p; t++) P -= F[c][s] * M[s * p + t] * F[d][t];
        if (c === d) Etr += P;
        V2 += P * P;
      }
    }
    return (Etr * Etr) / V2;
  });
  return { se: V.map((r, j) => Math.sqrt(r[j])), df };
}

Deno.test("robust CR2 equals the dense clubSandwich algebra on random univariate fits", () => {
  const rng = createRandom(424242);
  let compared = 0;
  for (let rep = 0; rep < 40; rep++) {
    const m = rng.int(3, 8);
    const cl: number[] = [];
    for (let c = 0; c < m; c++) for (let i = rng.int(1, 9); i > 0; i--) cl.push(c + 1);
    const k = cl.length;
    const p = rng.int(1, 3);
    const X = cl.map(
      () => [1, ...Array.from({ length: p - 1 }, () => (rng.uniform() < 0.5 ? rng.normal() : rng.int(0, 1)))],
    );
    const yi = cl.map(() => rng.normal(0.3, 0.4));
    const vi = cl.map(() => 0.01 + 0.1 * rng.uniform());
    const tau2 = rng.uniform() < 0.3 ? 0 : 0.05 * rng.uniform();
    const ref = reference(yi, vi, tau2, X, cl);
    if (ref.se.some((v) => !Number.isFinite(v)) || ref.df.some((v) => !Number.isFinite(v))) continue;
    const got = robust({ yi, vi, tau2, X }, { cluster: cl, clubSandwich: true });
    compared++;
    for (let j = 0; j < p; j++) {
      const dse = Math.abs(got.se[j] - ref.se[j]) / ref.se[j];
      const ddf = Math.abs(got.df[j] - ref.df[j]) / ref.df[j];
      assert(dse < 1e-9, `rep ${rep} (k = ${k}, p = ${p}) se[${j}]: ${got.se[j]} vs ${ref.se[j]}`);
      assert(ddf < 1e-8, `rep ${rep} (k = ${k}, p = ${p}) df[${j}]: ${got.df[j]} vs ${ref.df[j]}`);
    }
  }
  assert(compared >= 30, `only ${compared} of 40 random fits compared`);
});
