/**
 * Brent's root finder as R's `uniroot()` runs it (the zeroin algorithm of R's
 * `src/library/stats/src/zeroin.c`, written out in TypeScript). metafor finds the Paule-Mandel
 * estimate and the Q-profile confidence bounds with `uniroot(..., tol = .Machine$double.eps^0.25)`;
 * with that loose tolerance the answer depends on the exact sequence of iterates, so reproducing
 * metafor to 1e-5 needs the same algorithm, the same interval and the same tolerance.
 *
 * @example
 * uniroot((x) => x * x - 2, 0, 2).root // 1.41421...
 * Internal: not exported from `mod.ts`.
 * @module
 */
import { fail } from "../validate.ts";

/** R's default tolerance for uniroot: .Machine$double.eps^0.25. */
export const UNIROOT_TOL = Math.pow(2.220446049250313e-16, 0.25);

/** Result of {@link uniroot}. */
export interface UnirootResult {
  root: number;
  fRoot: number;
  iter: number;
  converged: boolean;
}

/**
 * Find a root of `f` in [lower, upper] (f(lower) and f(upper) must differ in sign), exactly as R's
 * `uniroot(f, c(lower, upper), tol, maxiter)`.
 * @example uniroot((x) => Math.cos(x) - x, 0, 1).root // 0.739085...
 */
export function uniroot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  { tol = UNIROOT_TOL, maxiter = 1000, fLower, fUpper }: {
    tol?: number;
    maxiter?: number;
    fLower?: number;
    fUpper?: number;
  } = {},
): UnirootResult {
  const EPS = 2.220446049250313e-16;
  let fa = fLower ?? f(lower);
  let fb = fUpper ?? f(upper);
  if (Number.isNaN(fa) || Number.isNaN(fb)) fail("uniroot", "f", "is not a number at an end point");
  if (fa * fb > 0) fail("uniroot", "f", "values at end points not of opposite sign");
  let a = lower, b = upper;
  let c = a, fc = fa;
  if (fa === 0) return { root: a, fRoot: 0, iter: 0, converged: true };
  if (fb === 0) return { root: b, fRoot: 0, iter: 0, converged: true };
  let maxit = maxiter + 1;
  let iter = 0;
  while (maxit--) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * EPS * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) {
      return { root: b, fRoot: fb, iter, converged: true };
    }
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number, q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1.0 - t1;
      } else {
        q = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
        q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < (0.75 * cb * q - Math.abs(tolAct * q) / 2) && p < Math.abs(prevStep * q / 2)) {
        newStep = p / q;
      }
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    iter++;
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, fRoot: fb, iter, converged: false };
}
