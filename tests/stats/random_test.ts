import assert from "node:assert/strict";
import fc from "fast-check";
import { createRandom, deriveSeed, rnorm, runif, sample, shuffle } from "../../lib/stats/random.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

Deno.test("same seed gives a bit-identical stream; another seed does not", () => {
  const draw = (seed: number) => {
    const r = createRandom(seed);
    return [r.uniform(), r.normal(), r.normal(), r.int(1, 6), ...r.shuffle([1, 2, 3, 4, 5]), ...r.sample([1, 2, 3], 2)];
  };
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      assert.deepEqual(draw(seed), draw(seed));
      assert.notDeepEqual(draw(seed), draw(seed + 1));
    }),
    { numRuns: 200, seed: 20261122 },
  );
  assert.deepEqual(runif(100, 7), runif(100, 7));
  assert.deepEqual(rnorm(101, 7, 3, 2), rnorm(101, 7, 3, 2));
  // Bit-identical: compare the IEEE-754 bit patterns, not only the numbers.
  const bits = (xs: number[]) => Array.from(new Uint32Array(new Float64Array(xs).buffer));
  assert.deepEqual(bits(rnorm(64, 2026)), bits(rnorm(64, 2026)));
});

Deno.test("the stream is pinned: seed 42 gives the same first values on every platform", () => {
  // Pinned on 2026-11-22 (xoroshiro128+ from pure-rand, state expanded with splitmix32); a change
  // here means every seeded result in the project changes.
  const r = createRandom(42);
  assert.equal(r.uniform(), 0.2414649413270744);
  assert.equal(r.uniform(), 0.8358293898630177);
});

Deno.test("clone continues identically without advancing the original", () => {
  const r = createRandom(3);
  r.uniform();
  const c = r.clone();
  assert.deepEqual([c.uniform(), c.int(0, 100)], [r.uniform(), r.int(0, 100)]);
});

Deno.test("uniform draws are in [0, 1) with mean 1/2 and variance 1/12 (within 5 SE)", () => {
  const n = 200_000;
  const xs = runif(n, 11);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  const m = xs.reduce((a, b) => a + b, 0) / n;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
  assert.ok(Math.abs(m - 0.5) < 5 * Math.sqrt(1 / 12 / n), `mean ${m}`);
  assert.ok(Math.abs(v - 1 / 12) < 5 * 0.0745 / Math.sqrt(n), `variance ${v}`);
});

Deno.test("normal draws have the requested mean and sd (within 5 SE)", () => {
  const n = 200_000;
  const xs = rnorm(n, 12, 10, 2);
  const m = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
  assert.ok(Math.abs(m - 10) < 5 * 2 / Math.sqrt(n), `mean ${m}`);
  assert.ok(Math.abs(sd - 2) < 5 * 2 / Math.sqrt(2 * n), `sd ${sd}`);
});

Deno.test("int(min, max) covers the range uniformly (chi-square, 5 df, p > 1e-4)", () => {
  const r = createRandom(5);
  const counts = new Array(6).fill(0);
  const n = 60_000;
  for (let i = 0; i < n; i++) counts[r.int(1, 6) - 1]++;
  const chi2 = counts.reduce((a, c) => a + (c - n / 6) ** 2 / (n / 6), 0);
  assert.ok(chi2 < 25.74, `chi2 ${chi2} (qchisq(1 - 1e-4, 5) = 25.74)`);
});

Deno.test("shuffle and sample: permutations, subsets, inputs untouched", () => {
  fc.assert(
    fc.property(fc.array(fc.integer(), { maxLength: 30 }), fc.integer(), (arr, seed) => {
      const copy = arr.slice();
      const s = shuffle(arr, seed);
      assert.deepEqual(arr, copy);
      assert.deepEqual(s.slice().sort((a, b) => a - b), copy.slice().sort((a, b) => a - b));
      const k = Math.floor(arr.length / 2);
      const sub = sample(arr.map((_, i) => i), k, seed);
      assert.equal(new Set(sub).size, k);
    }),
    { numRuns: 100, seed: 20261122 },
  );
  assert.equal(sample([1, 2], 5, 1, { replace: true }).length, 5);
});

Deno.test("deriveSeed gives distinct, reproducible seeds per index", () => {
  const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => deriveSeed(99, i)));
  assert.equal(seeds.size, 10_000);
  assert.equal(deriveSeed(99, 3, 4), deriveSeed(99, 3, 4));
  assert.notEqual(deriveSeed(99, 3, 4), deriveSeed(99, 4, 3));
});

Deno.test("bad arguments give clear errors (ValidationError naming the function, field and rule)", () => {
  assert.throws(() => createRandom(1.5), /createRandom: seed must be a whole number \(a safe integer\), got 1.5/);
  assert.throws(() => createRandom(1).int(3, 1), /min <= max, got \[3,1\]/);
  assert.throws(() => sample([1, 2], 3, 1), /k must be <= values.length \(2\)/);
  assert.throws(() => rnorm(2, 1, 0, -1), /rnorm: sd must be a finite number >= 0, got -1/);
  assert.throws(() => runif(-1, 42), /runif: n must be a whole number >= 0 \(the number of draws\), got -1/);
  assert.throws(() => runif(2.5, 42), /runif: n must be a whole number >= 0/);
  assert.deepEqual(runif(0, 42), []);
});
