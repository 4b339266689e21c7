/**
 * Combining independent one-sided p-values across patients (sequential replicated single-case
 * designs, multiple cases analysed one by one), as SCMA's `combine()` does.
 *
 * - **Edgington additive**: S = Σ p_i; p = P(U_1 + … + U_k ≤ S) for k independent uniforms (the
 *   Irwin–Hall distribution): p = (1/k!) Σ_{j=0}^{⌊S⌋} (−1)^j C(k, j) (S − j)^k. The alternating sum
 *   cancels catastrophically in floating point for large k, so it is evaluated **exactly** in
 *   rational (BigInt) arithmetic from the binary value of S and rounded once at the end: exact for
 *   any k.
 * - **Fisher multiplicative**: X = −2 Σ ln p_i ~ χ²(2k); p = P(χ²(2k) ≥ X).
 * - **Stouffer**: Z = Σ w_i z_i / √Σ w_i², z_i = Φ⁻¹(1 − p_i); p = 1 − Φ(Z) (computed as an
 *   upper tail, without cancellation). Weights default to 1. Stouffer is undefined when a p-value
 *   is exactly 1 (z = Φ⁻¹(0) = −∞ would force the combined p to 1 whatever the other cases
 *   show; randomisation p-values are 1 when the observed statistic is the smallest possible), so
 *   such input is refused with a message pointing to Edgington or Fisher, which accept p = 1
 *   (SCMA itself offers only those two).
 *
 * @example
 * combinePValues([0.19, 0.2, 0.22, 0.3, 0.35, 0.41, 0.42], "edgington").pval // 0.03202263 (SCMA)
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { pchisq, pnorm, qnorm } from "../stats/distributions.ts";

/** A method of combining p-values. */
export type CombineMethod = "edgington" | "fisher" | "stouffer";
/** Methods of combining p-values. */
export const combineMethods: readonly CombineMethod[] = ["edgington", "fisher", "stouffer"];

/** Result of {@link combinePValues}. */
export interface CombinedP {
  /** How the p-values were combined. */
  method: CombineMethod;
  /** Number of p-values combined. */
  k: number;
  /** The combining statistic: S = Σp (Edgington), X = −2Σ ln p (Fisher), Z (Stouffer). */
  statistic: number;
  /** Combined p-value. */
  pval: number;
}

const schema = z.object({
  pvals: z.array(z.number().gt(0).max(1)).min(1),
  method: z.enum(["edgington", "fisher", "stouffer"]),
  weights: z.array(z.number().positive().finite()).optional(),
});

/**
 * Combine k independent one-sided p-values (each in (0, 1]; randomisation p-values are never 0).
 * @example combinePValues([0.19, 0.2, 0.22, 0.3, 0.35, 0.41, 0.42], "fisher").pval // 0.2258836 (SCMA)
 */
export function combinePValues(
  pvals: number[],
  method: CombineMethod,
  options: { weights?: number[] } = {},
): CombinedP {
  const o = parseInput(schema, { pvals, method, weights: options?.weights }, "combinePValues");
  const k = o.pvals.length;
  if (o.weights && o.method !== "stouffer") fail("combinePValues", "weights", "are only used by stouffer");
  if (o.weights && o.weights.length !== k) {
    fail("combinePValues", "weights", `must have ${k} elements (like p)`, o.weights.length);
  }
  switch (o.method) {
    case "edgington": {
      const S = o.pvals.reduce((a, b) => a + b, 0);
      return { method: "edgington", k, statistic: S, pval: irwinHallCdf(S, k) };
    }
    case "fisher": {
      const X = -2 * o.pvals.reduce((a, b) => a + Math.log(b), 0);
      return { method: "fisher", k, statistic: X, pval: pchisq(X, 2 * k, { lower: false }) };
    }
    case "stouffer": {
      const one = o.pvals.indexOf(1);
      if (one >= 0) {
        fail(
          "combinePValues",
          `pvals[${one}]`,
          "is 1, where Stouffer's z = qnorm(1 - p) is -Infinity and would make the combined p 1 whatever the other " +
            "p-values are; use edgington (SCMA's default) or fisher, which accept p = 1",
          1,
        );
      }
      const w = o.weights ?? Array(k).fill(1);
      let num = 0;
      let den = 0;
      o.pvals.forEach((pi, i) => {
        num += w[i] * qnorm(pi, 0, 1, { lower: false });
        den += w[i] * w[i];
      });
      const Z = num / Math.sqrt(den);
      return { method: "stouffer", k, statistic: Z, pval: pnorm(Z, 0, 1, { lower: false }) };
    }
  }
}

/**
 * P(U_1 + … + U_k ≤ s) for k independent Uniform(0, 1) (Irwin–Hall), evaluated exactly in rational
 * arithmetic and rounded once.
 * @example irwinHallCdf(1, 2) // 0.5
 */
export function irwinHallCdf(s: number, k: number): number {
  parseInput(z.object({ s: z.number().finite(), k: z.number().int().min(1).max(100000) }), { s, k }, "irwinHallCdf");
  if (s <= 0) return 0;
  if (s >= k) return 1;
  // s = M / 2^e exactly
  let e = 0;
  while (!Number.isInteger(s * 2 ** e)) e++;
  const M = BigInt(s * 2 ** e);
  const D = 1n << BigInt(e);
  const K = BigInt(k);
  let num = 0n;
  let binom = 1n; // C(k, j)
  for (let j = 0n; j <= BigInt(Math.floor(s)) && j <= K; j++) {
    if (j > 0n) binom = (binom * (K - j + 1n)) / j;
    const term = binom * (M - j * D) ** K;
    num += j % 2n === 0n ? term : -term;
  }
  let fact = 1n;
  for (let i = 2n; i <= K; i++) fact *= i;
  const den = D ** K * fact;
  return bigRatio(num, den);
}

/** num/den for positive BigInts, correctly rounded to about 1 ulp. */
function bigRatio(num: bigint, den: bigint): number {
  if (num <= 0n) return 0;
  const shift = den.toString(2).length - num.toString(2).length + 64;
  const q = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  let r = Number(q);
  let sh = shift;
  while (sh > 1000) {
    r *= 2 ** -1000;
    sh -= 1000;
  }
  return r * 2 ** -sh;
}

/** Result of {@link combineAllMethods}: every method that applies, and why any other does not. */
export interface CombinedAll {
  /** One result per method that is defined for these p-values, in the order of `combineMethods`. */
  results: CombinedP[];
  /** Why a method was left out (e.g. Stouffer with a p-value of 1), naming the method and the p-value. */
  warnings: string[];
}

/**
 * Combine the same p-values with every method (for a comparison table). A method that is
 * undefined for these p-values (Stouffer with a p of 1) is left out with a warning that says why;
 * invalid p-values are still an error.
 * @example combineAllMethods([0.01, 1]).warnings // ["combinePValues: pvals[1] is 1, where Stouffer's z ..."]
 */
export function combineAllMethods(pvals: number[]): CombinedAll {
  const results: CombinedP[] = [];
  const warnings: string[] = [];
  for (const m of combineMethods) {
    try {
      results.push(combinePValues(pvals, m));
    } catch (e) {
      if (m === "stouffer" && e instanceof Error && /Stouffer's z/.test(e.message)) warnings.push(e.message);
      else throw e;
    }
  }
  return { results, warnings };
}
