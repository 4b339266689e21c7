import assert from "node:assert/strict";
import fc from "fast-check";
import { abStatisticByStart, createFastRandom, tieThreshold } from "../../lib/sced/_fast.ts";
import { mbdTestFast } from "../../lib/sced/mod.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

Deno.test("abStatisticByStart: prefix-sum mean differences by hand, missing values skipped", () => {
  const t = abStatisticByStart([5, 6, 2, 1], [2, 3, 4], "A-B");
  assert.deepEqual(Array.from(t), [5 - 3, 5.5 - 1.5, 13 / 3 - 1]);
  assert.deepEqual(Array.from(abStatisticByStart([5, null, 2, 1], [2, 3, 4], "B-A")), [1.5 - 5, 1.5 - 5, 1 - 3.5]);
  assert.ok(Number.isNaN(abStatisticByStart([null, 6, 2, 1], [2], "A-B")[0]), "A has no observed value");
});

Deno.test("mbdTestFast: exact p for one participant = rank of the observed start; exact p >= 1/#assignments", () => {
  // decreasing step at 5: the observed start has the largest A-B of the 5 starts 3..7
  const r = mbdTestFast({
    values: [[8, 8, 8, 8, 2, 2, 2, 2, 2]],
    scheme: "marascuilo-busk",
    starts: [[3, 4, 5, 6, 7]],
    observed: [5],
    exact: true,
  });
  assert.equal(r.pval, 1 / 5);
  assert.equal(r.n, 5);
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1e6 }),
      fc.constantFrom("marascuilo-busk", "koehler-levin", "wampold-worsham"),
      (seed, scheme) => {
        const rng = createFastRandom(seed);
        const values = Array.from({ length: 3 }, () => Array.from({ length: 10 }, () => rng.int(3)));
        const starts = scheme === "wampold-worsham" ? [[4], [6], [8]] : [[3, 4], [5, 6], [7, 8]];
        const observed = scheme === "wampold-worsham" ? [8, 4, 6] : [4, 6, 8];
        const s = scheme as "marascuilo-busk" | "koehler-levin" | "wampold-worsham";
        const r = mbdTestFast({ values, scheme: s, starts, observed, exact: true });
        assert.ok(r.pval >= 1 / r.n - 1e-15 && Math.abs(r.pval * r.n - Math.round(r.pval * r.n)) < 1e-9);
        const m = mbdTestFast({ values, scheme: s, starts, observed, draws: 50, seed });
        assert.ok(m.pval >= 1 / 51 && m.pval === (m.k + 1) / 51);
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("createFastRandom: int is uniform on 0..n-1 and the stream is reproducible", () => {
  const a = createFastRandom(5);
  const counts = Array(7).fill(0);
  for (let i = 0; i < 70000; i++) counts[a.int(7)]++;
  for (const c of counts) assert.ok(Math.abs(c - 10000) < 5 * Math.sqrt(10000), `counts ${counts}`);
  const x = createFastRandom(9);
  const y = createFastRandom(9);
  for (let i = 0; i < 100; i++) assert.equal(x.uniform(), y.uniform());
  assert.equal(tieThreshold(2), 2 - 2e-10);
  assert.equal(tieThreshold(0), -1e-10);
});

Deno.test("mbdTestFast input errors", () => {
  assert.throws(
    () =>
      mbdTestFast({ values: [[1, 2, 3, 4]], scheme: "marascuilo-busk", starts: [[2, 3]], observed: [4], exact: true }),
    /observed\[0\] must be one of the possible starts \(2, 3\), got 4/,
  );
  assert.throws(
    () => mbdTestFast({ values: [[1, 2, 3, 4]], scheme: "marascuilo-busk", starts: [[2, 3]], observed: [2] }),
    /seed is required/,
  );
  assert.throws(
    () =>
      mbdTestFast({ values: [[1, 2, 3, 4]], scheme: "marascuilo-busk", starts: [[2, 9]], observed: [2], exact: true }),
    /starts must be <= the length of participant 1 \(4\), got 9/,
  );
});
