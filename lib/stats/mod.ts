/**
 * The stats engine: distribution functions with R's names and semantics (`pnorm`, `qt`, `pchisq`,
 * `qf`, `pbinom`, …; an explicit tail, accurate far into the tails), and seeded random streams
 * (`createRandom`, `runif`, `rnorm`, `shuffle`, `sample`, `deriveSeed` for per-replication seeds).
 * Every engine of evidence-lab builds on it. Importing it needs no permission flags.
 *
 * Bad arguments throw a `ValidationError` naming the function, the argument and the rule (never a
 * silent NaN or an empty array).
 *
 * @example Distribution functions agree with R
 * ```ts
 * import { pchisq, pnorm, qnorm, qt } from "./mod.ts";
 * const close = (a: number, b: number, rel = 1e-12) => Math.abs(a - b) <= rel * Math.abs(b);
 * // R: pnorm(1.96) = 0.97500210485177956; qnorm(0.975) = 1.9599639845400542
 * if (!close(pnorm(1.96), 0.97500210485177956)) throw new Error("pnorm");
 * if (!close(qnorm(0.975), 1.9599639845400542)) throw new Error("qnorm");
 * // R: qt(0.975, 4) = 2.7764451051977944
 * if (!close(qt(0.975, 4), 2.7764451051977944)) throw new Error("qt");
 * // R: pchisq(200, 4, lower.tail = FALSE) = 3.7572767357810443e-42 (1 - cdf would give 0)
 * if (!close(pchisq(200, 4, { lower: false }), 3.7572767357810443e-42, 1e-10)) throw new Error("pchisq tail");
 * ```
 *
 * @example Seeded random streams
 * ```ts
 * import { createRandom, runif, ValidationError } from "./mod.ts";
 * const a = runif(3, 42), b = runif(3, 42);
 * if (a.length !== 3 || a.some((x, i) => x !== b[i])) throw new Error("same seed, same numbers");
 * if (createRandom(42).uniform() !== 0.2414649413270744) throw new Error("the stream is pinned");
 * let message = "";
 * try { runif(-1, 42); } catch (e) { if (e instanceof ValidationError) message = e.message; }
 * if (!/runif: n must be a whole number >= 0/.test(message)) throw new Error(message);
 * ```
 * @module
 */
export {
  dbinom,
  dnorm,
  lgamma,
  pbinom,
  pchisq,
  pf,
  pnorm,
  pt,
  qbinom,
  qchisq,
  qf,
  qnorm,
  qt,
  type TailOption,
} from "./distributions.ts";
export { createRandom, deriveSeed, type Random, rnorm, runif, sample, shuffle } from "./random.ts";
export { type Issue, ValidationError } from "../validate.ts";
