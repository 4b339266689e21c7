/**
 * What the dense (`_hlm.ts`) and the O(n) (`_hlm_fast.ts`) evaluators of the single-case HLM
 * share once each has V⁻¹X per case: X'V⁻¹X and X'V⁻¹y, the generalised-least-squares
 * β = (X'V⁻¹X)⁻¹ X'V⁻¹y by Cholesky, the (restricted) log-likelihood with nlme's constants, and
 * the average-information matrix with its low-rank REML correction. Internal.
 * @module
 */
import type { HlmEval } from "./_hlm.ts";
import { cholInPlace, cholInverse } from "../stats/_linalg.ts";

/** Add case X (n × p) to X'V⁻¹X (p × p) and X'V⁻¹y (p), given VX = V⁻¹X (n × p). */
export function addCrossProducts(
  X: Float64Array,
  VX: Float64Array,
  y: Float64Array,
  n: number,
  p: number,
  XtVX: Float64Array,
  XtVy: Float64Array,
): void {
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += X[i * p + a] * VX[i * p + b];
      XtVX[a * p + b] += sum;
    }
    let sy = 0;
    for (let i = 0; i < n; i++) sy += VX[i * p + a] * y[i];
    XtVy[a] += sy;
  }
}

/** The evaluation returned where V or X'V⁻¹X is not positive definite. */
export function notPd(p: number): HlmEval {
  return { loglik: NaN, beta: new Float64Array(p), M: new Float64Array(p * p) };
}

/** β, M = (X'V⁻¹X)⁻¹ and log|X'V⁻¹X|; null when X'V⁻¹X is not positive definite. */
export function glsSolve(
  XtVX: Float64Array,
  XtVy: Float64Array,
  p: number,
): { beta: Float64Array; M: Float64Array; logdetX: number } | null {
  const Lx = XtVX.slice();
  const logdetX = cholInPlace(Lx, p);
  if (Number.isNaN(logdetX)) return null;
  const M = new Float64Array(p * p);
  cholInverse(Lx, p, M);
  const beta = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let sum = 0;
    for (let b = 0; b < p; b++) sum += M[a * p + b] * XtVy[b];
    beta[a] = sum;
  }
  return { beta, M, logdetX };
}

const LOG2PI = Math.log(2 * Math.PI);

/** REML or ML log-likelihood from N, p, log|V|, log|X'V⁻¹X| and r'V⁻¹r (nlme's constants). */
export function hlmLoglik(reml: boolean, N: number, p: number, logdetV: number, logdetX: number, quad: number): number {
  return reml ? -0.5 * ((N - p) * LOG2PI + logdetV + logdetX + quad) : -0.5 * (N * LOG2PI + logdetV + quad);
}

/**
 * Average-information matrix AI_kl = ½ (q_k'V⁻¹q_l − (U'q_k)' M (U'q_l)) from the summed
 * q_k'V⁻¹q_l (lower triangle of `qVq`, r × r) and U'q_k (`Uq`, r × p): the low-rank REML
 * correction of V⁻¹ to P.
 */
export function aiMatrix(qVq: Float64Array, Uq: Float64Array, M: Float64Array, r: number, p: number): Float64Array {
  const ai = new Float64Array(r * r);
  for (let a = 0; a < r; a++) {
    for (let b = 0; b <= a; b++) {
      let corr = 0;
      for (let x = 0; x < p; x++) for (let y = 0; y < p; y++) corr += Uq[a * p + x] * M[x * p + y] * Uq[b * p + y];
      const v = 0.5 * (qVq[a * r + b] - corr);
      ai[a * r + b] = v;
      ai[b * r + a] = v;
    }
  }
  return ai;
}
