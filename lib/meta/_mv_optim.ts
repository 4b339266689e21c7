/**
 * A small quasi-Newton minimiser (BFGS with central-difference gradients and a backtracking
 * line search) for the few-parameter likelihoods of the selection models and of HCS structures
 * with more than two inner levels. Internal: not exported from `mod.ts`.
 * @module
 */

/** Minimise f by BFGS with central-difference gradients and a backtracking line search. */
export function bfgs(f: (x: number[]) => number, x0: number[], maxit = 500): number[] {
  const n = x0.length;
  const grad = (x: number[]) =>
    x.map((_, i) => {
      const h = 1e-6 * Math.max(1, Math.abs(x[i]));
      const a = x.slice(), b = x.slice();
      a[i] += h;
      b[i] -= h;
      return (f(a) - f(b)) / (2 * h);
    });
  let x = x0.slice(), fx = f(x), g = grad(x);
  let H: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let it = 0; it < maxit; it++) {
    const d = H.map((r) => -r.reduce((s, v, j) => s + v * g[j], 0));
    let slope = d.reduce((s, v, i) => s + v * g[i], 0);
    if (slope >= 0) {
      H = H.map((r, i) => r.map((_, j) => (i === j ? 1 : 0)));
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = -g.reduce((s, v) => s + v * v, 0);
    }
    let t = 1, xn = x, fn = fx;
    for (let h = 0; h < 60; h++) {
      xn = x.map((v, i) => v + t * d[i]);
      fn = f(xn);
      if (Number.isFinite(fn) && fn <= fx + 1e-4 * t * slope) break;
      t /= 2;
    }
    if (!(fn <= fx)) break;
    const gn = grad(xn);
    const s = xn.map((v, i) => v - x[i]), yv = gn.map((v, i) => v - g[i]);
    const sy = s.reduce((a, v, i) => a + v * yv[i], 0);
    const done = Math.abs(fx - fn) < 1e-15 * Math.max(1, Math.abs(fx)) && Math.max(...s.map(Math.abs)) < 1e-10;
    x = xn;
    fx = fn;
    g = gn;
    if (done || Math.max(...g.map(Math.abs)) < 1e-9) break;
    if (sy > 1e-300) {
      const Hy = H.map((r) => r.reduce((a, v, j) => a + v * yv[j], 0));
      const yHy = yv.reduce((a, v, i) => a + v * Hy[i], 0);
      H = H.map((r, i) =>
        r.map((v, j) => v + ((sy + yHy) * s[i] * s[j]) / (sy * sy) - (Hy[i] * s[j] + s[i] * Hy[j]) / sy)
      );
    }
  }
  return x;
}
