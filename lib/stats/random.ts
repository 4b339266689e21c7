/**
 * Seeded random streams built on pure-rand's xoroshiro128+ generator.
 *
 * Every source of randomness in evidence-lab takes a `seed`; the same seed gives a bit-identical
 * stream on every platform. For parallel work (workers, shards) derive one seed per unit of work
 * with {@link deriveSeed}, so results do not depend on how the work is split.
 *
 * @example
 * const rng = createRandom(42);
 * rng.uniform(); // in [0, 1)
 * rng.normal(0, 1);
 * rng.int(1, 6);
 * @module
 */
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { fail } from "../validate.ts";

/** A seeded stream of random numbers. Methods advance the stream. */
export interface Random {
  /** The seed the stream was created with. */
  readonly seed: number;
  /** Uniform on [0, 1), 53 random bits. */
  uniform(): number;
  /** Normal with the given mean and standard deviation (Box–Muller, both values used). */
  normal(mean?: number, sd?: number): number;
  /** Uniform integer in [min, max], both included, without modulo bias. */
  int(min: number, max: number): number;
  /** A shuffled copy of `values` (Fisher–Yates); the input is not changed. */
  shuffle<T>(values: readonly T[]): T[];
  /** Fisher–Yates shuffle of `values` in place; returns the same array. */
  shuffleInPlace<T>(values: T[]): T[];
  /** `k` values drawn from `values`, with or without replacement. */
  sample<T>(values: readonly T[], k: number, options?: { replace?: boolean }): T[];
  /** An independent copy of the stream at its current position. */
  clone(): Random;
}

function checkSeed(seed: number, tool = "random"): void {
  if (seed === undefined) fail(tool, "seed", "is required (every random function takes a seed)", seed);
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    fail(tool, "seed", "must be a whole number (a safe integer)", seed);
  }
}

function checkCount(tool: string, field: string, n: number): void {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    fail(tool, field, "must be a whole number >= 0 (the number of draws)", n);
  }
  if (n > 2 ** 27) fail(tool, field, `must be <= ${2 ** 27} (an array of that many numbers needs 1 GB)`, n);
}

/**
 * Mix a seed with one or more indices into a new 32-bit seed (splitmix32 finaliser), so that
 * replication `i` of a simulation with seed `s` always uses `deriveSeed(s, i)` whoever runs it.
 * @example deriveSeed(42, 0) !== deriveSeed(42, 1) // true
 */
export function deriveSeed(seed: number, ...indices: number[]): number {
  checkSeed(seed, "deriveSeed");
  // Fold the seed's low and high 32 bits in separately so that e.g. -1 and 0 stay distinct.
  let h = mix32((seed >>> 0) ^ 0x9e3779b9);
  h = mix32(h + (Math.floor(seed / 2 ** 32) | 0) + 0x7f4a7c15);
  for (const i of indices) {
    if (!Number.isSafeInteger(i)) fail("deriveSeed", "indices", "must be whole numbers", i);
    h = mix32(h + (i >>> 0) + 0x9e3779b9);
    h = mix32(h + (Math.floor(i / 2 ** 32) | 0));
  }
  return h >>> 0;
}

/** splitmix32/murmur3 finaliser: a bijection on 32-bit integers with good avalanche. */
function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

type Generator = ReturnType<typeof xoroshiro128plusFromState>;

function wrap(seed: number, gen: Generator): Random {
  let spare: number | undefined;
  const stream: Random = {
    seed,
    uniform: () => uniformFloat64(gen),
    normal(mean = 0, sd = 1) {
      if (spare !== undefined) {
        const z = spare;
        spare = undefined;
        return mean + sd * z;
      }
      let u1 = uniformFloat64(gen);
      while (u1 === 0) u1 = uniformFloat64(gen);
      const u2 = uniformFloat64(gen);
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return mean + sd * r * Math.cos(2 * Math.PI * u2);
    },
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        fail("Random.int", "min, max", "must be whole numbers with min <= max", [min, max]);
      }
      return min === max ? min : uniformInt(gen, min, max);
    },
    shuffle: (values) => stream.shuffleInPlace(values.slice()),
    shuffleInPlace(values) {
      for (let i = values.length - 1; i > 0; i--) {
        const j = uniformInt(gen, 0, i);
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
      }
      return values;
    },
    sample(values, k, { replace = false } = {}) {
      if (!Number.isSafeInteger(k) || k < 0) fail("sample", "k", "must be a whole number >= 0", k);
      if (replace) {
        if (values.length === 0 && k > 0) fail("sample", "values", "must not be empty when k > 0", values.length);
        return Array.from({ length: k }, () => values[uniformInt(gen, 0, values.length - 1)]);
      }
      if (k > values.length) {
        fail("sample", "k", `must be <= values.length (${values.length}) without replacement`, k);
      }
      const copy = values.slice();
      for (let i = 0; i < k; i++) {
        const j = uniformInt(gen, i, copy.length - 1);
        const t = copy[i];
        copy[i] = copy[j];
        copy[j] = t;
      }
      return copy.slice(0, k);
    },
    clone() {
      const c = wrap(seed, gen.clone() as Generator);
      return c;
    },
  };
  return stream;
}

/**
 * Create a seeded random stream.
 * @example createRandom(1).uniform() === createRandom(1).uniform() // true
 */
export function createRandom(seed: number): Random {
  checkSeed(seed, "createRandom");
  // Expand the seed into the 128-bit state with splitmix32, so that nearby seeds (1, 2, 3, ...)
  // give unrelated streams from the first draw on (raw small seeds leave xoroshiro's state sparse).
  const state: number[] = [0, 1, 2, 3].map((i) => deriveSeed(seed, i) | 0);
  if (!state.some((x) => x !== 0)) state[0] = 1;
  return wrap(seed, xoroshiro128plusFromState(state));
}

/** `n` uniform draws on [0, 1). @example runif(3, 42).length // 3 */
export function runif(n: number, seed: number): number[] {
  checkCount("runif", "n", n);
  checkSeed(seed, "runif");
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => rng.uniform());
}

/** `n` normal draws. @example rnorm(3, 42, 0, 1).length // 3 */
export function rnorm(n: number, seed: number, mean = 0, sd = 1): number[] {
  checkCount("rnorm", "n", n);
  checkSeed(seed, "rnorm");
  if (typeof mean !== "number" || !Number.isFinite(mean)) fail("rnorm", "mean", "must be a finite number", mean);
  if (typeof sd !== "number" || !(sd >= 0) || !Number.isFinite(sd)) {
    fail("rnorm", "sd", "must be a finite number >= 0", sd);
  }
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => rng.normal(mean, sd));
}

/** A seeded shuffled copy. @example shuffle([1, 2, 3], 7).length // 3 */
export function shuffle<T>(values: readonly T[], seed: number): T[] {
  if (!Array.isArray(values)) fail("shuffle", "values", "must be an array", values);
  checkSeed(seed, "shuffle");
  return createRandom(seed).shuffle(values);
}

/** A seeded sample of `k` values. @example sample([1, 2, 3], 2, 7).length // 2 */
export function sample<T>(values: readonly T[], k: number, seed: number, options?: { replace?: boolean }): T[] {
  if (!Array.isArray(values)) fail("sample", "values", "must be an array", values);
  checkSeed(seed, "sample");
  return createRandom(seed).sample(values, k, options);
}
