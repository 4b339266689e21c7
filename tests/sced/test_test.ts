import assert from "node:assert/strict";
import fc from "fast-check";
import { randomizationTest, replicatedTest } from "../../lib/sced/test.ts";
import { assignmentLabels, countAssignments, enumerateAssignments, type ScedDesign } from "../../lib/sced/designs.ts";
import { computeStatistic } from "../../lib/sced/statistics.ts";
import { ar1Into, createFastRandom } from "../../lib/sced/_fast.ts";
import { mbdTestFast } from "../../lib/sced/mod.ts";
import { combinePValues } from "../../lib/sced/combine.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

const designs: ScedDesign[] = [
  { type: "phase", phases: ["A", "B"], n: 16, limit: 3 },
  { type: "phase", phases: ["A", "B", "A", "B"], n: 16, limit: 2 },
  { type: "phase", phases: ["A", "B", "C", "D"], n: 14, limit: 2 },
  { type: "CRD", counts: { A: 4, B: 4 } },
  { type: "RBD", conditions: ["A", "B"], blocks: 5 },
  { type: "ATD", counts: { A: 5, B: 5 }, maxRun: 2 },
];

Deno.test("exact p is a multiple of 1/#assignments and >= 1/#assignments (fast-check over designs, data, statistics)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: designs.length - 1 }),
      fc.integer({ min: 0, max: 10000 }),
      fc.constantFrom("A-B", "B-A", "|A-B|", "medA-medB", "NAP-decrease"),
      fc.boolean(),
      (di, seed, statistic, integerData) => {
        const d = designs[di];
        const labels = assignmentLabels(d, [...enumerateAssignments(d)][seed % countAssignments(d)])[0];
        const rng = createFastRandom(seed);
        const values = labels.map(() => (integerData ? rng.int(4) : rng.normal()));
        const r = randomizationTest({ design: d, values, labels, statistic });
        const N = countAssignments(d);
        assert.equal(r.assignments, N);
        assert.ok(r.pval >= 1 / N && r.pval <= 1, `p = ${r.pval} in [1/${N}, 1]`);
        assert.ok(Math.abs(r.pval * N - Math.round(r.pval * N)) < 1e-9, `p * N = ${r.pval * N} is whole`);
        assert.equal(r.k, Math.round(r.pval * N));
      },
    ),
    { numRuns: 80 },
  );
});

Deno.test("exact p equals a brute-force count over the enumerated assignments (ABAB, PA-PB, with ties)", () => {
  const d: ScedDesign = { type: "phase", phases: ["A", "B", "A", "B"], n: 14, limit: 3 };
  const values = [3, 4, 3, 2, 1, 2, 1, 3, 3, 4, 2, 1, 1, 2];
  const labels = [..."AAABBBBAAAABBB"];
  const r = randomizationTest({ design: d, values, labels, statistic: "PA-PB", distribution: true });
  const obs = computeStatistic("PA-PB", [{ values, labels }]);
  let k = 0;
  let n = 0;
  for (const a of enumerateAssignments(d)) {
    n++;
    if (computeStatistic("PA-PB", [{ values, labels: assignmentLabels(d, a)[0] }]) >= obs - 1e-9) k++;
  }
  assert.equal(r.k, k);
  assert.equal(r.pval, k / n);
  assert.equal(r.distribution!.length, n);
});

Deno.test("Monte Carlo p = (k+1)/(M+1), never 0, identical for the same seed", () => {
  const d: ScedDesign = { type: "phase", phases: ["A", "B"], n: 40, limit: 5 };
  const labels = Array.from({ length: 40 }, (_, t) => (t < 20 ? "A" : "B"));
  const values = labels.map((l, t) => (l === "A" ? 10 : 0) + (t % 3));
  const r = randomizationTest({
    design: d,
    values,
    labels,
    statistic: "A-B",
    method: "monte-carlo",
    draws: 999,
    seed: 4,
  });
  assert.equal(r.pval, (r.k + 1) / 1000);
  assert.ok(r.pval > 0);
  const again = randomizationTest({
    design: d,
    values,
    labels,
    statistic: "A-B",
    method: "monte-carlo",
    draws: 999,
    seed: 4,
  });
  assert.equal(again.pval, r.pval);
  assert.throws(
    () => randomizationTest({ design: d, values, labels, statistic: "A-B", method: "monte-carlo", draws: 10 }),
    /seed is required/,
  );
});

Deno.test("no effect: Monte Carlo p-values are roughly uniform (400 seeded AR(0.3) series, AB n = 30, limit 5)", () => {
  const d: ScedDesign = { type: "phase", phases: ["A", "B"], n: 30, limit: 5 };
  const rng = createFastRandom(77);
  const ps: number[] = [];
  for (let r = 0; r < 400; r++) {
    const values = Array.from(ar1Into(30, 0.3, 1, "innovation", rng, new Float64Array(30)));
    const s = 6 + rng.int(21); // the randomised start
    const labels = values.map((_, t) => (t + 1 < s ? "A" : "B"));
    ps.push(
      randomizationTest({ design: d, values, labels, statistic: "A-B", method: "monte-carlo", draws: 199, seed: r })
        .pval,
    );
  }
  // Under H0 with a randomised start, P(p <= a) <= a; a discrete-uniform p has mean about 1/2.
  const share05 = ps.filter((p) => p <= 0.05).length / ps.length;
  const share50 = ps.filter((p) => p <= 0.5).length / ps.length;
  const mean = ps.reduce((a, b) => a + b, 0) / ps.length;
  assert.ok(share05 <= 0.05 + 3 * Math.sqrt(0.05 * 0.95 / 400), `P(p <= .05) = ${share05}`);
  assert.ok(Math.abs(share50 - 0.5) < 4 * Math.sqrt(0.25 / 400), `P(p <= .5) = ${share50}`);
  assert.ok(Math.abs(mean - 0.52) < 0.06, `mean p = ${mean}`);
  // deciles: no decile is empty or holds more than twice its share
  const bins = Array(10).fill(0);
  for (const p of ps) bins[Math.min(9, Math.floor(p * 10))]++;
  for (const b of bins) assert.ok(b > 10 && b < 80, `decile counts ${bins}`);
});

Deno.test("missing values stay in place: limit counts occasions, statistics use observed values", () => {
  const d: ScedDesign = { type: "phase", phases: ["A", "B"], n: 8, limit: 2 };
  const labels = [..."AAAABBBB"];
  const values = [5, null, 7, 6, 2, null, 1, 3];
  const r = randomizationTest({ design: d, values, labels, statistic: "A-B", distribution: true });
  assert.equal(r.missing, 2);
  assert.equal(r.assignments, 5);
  assert.equal(r.observed, 6 - 2); // mean(5,7,6) - mean(2,1,3)
  // start at 3: A = {5}, B = {7, 6, 2, 1, 3}
  assert.equal(r.distribution![0], 5 - 19 / 5);
  // a statistic undefined under some assignment is an error, not NaN
  assert.throws(
    () => randomizationTest({ design: d, values: [null, null, 7, 6, 2, 4, 1, 3], labels, statistic: "A-B" }),
    /statistic A-B is undefined for the assignment A×2 B×6/,
  );
});

Deno.test("MBD: the fast path, the general API and a brute force agree (Koehler–Levin, custom and median statistics)", () => {
  const rng = createFastRandom(8);
  const values = Array.from(
    { length: 3 },
    () => Array.from(ar1Into(12, 0.2, 1, "innovation", rng, new Float64Array(12))),
  );
  const starts = [[4, 5], [6, 7], [8, 9]];
  const observed = [5, 9, 6];
  const design: ScedDesign = { type: "MBD", scheme: "koehler-levin", n: 12, starts };
  const cases = values.map((v, i) => ({ values: v, start: observed[i] }));
  const general = randomizationTest({ design, cases, statistic: "A-B" });
  const fast = mbdTestFast({ values, scheme: "koehler-levin", starts, observed, exact: true });
  assert.equal(general.pval, fast.pval);
  assert.equal(general.assignments, 3 * 2 * 1 * 8);
  for (const statistic of ["medA-medB", "slope:A-B", "NAP-decrease"]) {
    const g = randomizationTest({ design, cases, statistic });
    const stat = (a: number[]) =>
      computeStatistic(
        statistic,
        values.map((v, i) => ({ values: v, labels: v.map((_, t) => (t + 1 < a[i] ? "A" : "B")) })),
      );
    const obs = stat(observed);
    let k = 0;
    for (const a of enumerateAssignments(design)) if (stat(a as number[]) >= obs - 1e-9) k++;
    assert.equal(g.k, k, statistic);
  }
  // a user-supplied statistic (per case): last value of A minus first value of B
  const custom = ({ values: v, labels }: { values: readonly (number | null)[]; labels: readonly string[] }) => {
    const b = labels.indexOf("B");
    return (v[b - 1] as number) - (v[b] as number);
  };
  const c = randomizationTest({ design, cases, statistic: custom, method: "monte-carlo", draws: 2000, seed: 1 });
  assert.equal(c.statistic, "custom:custom");
  assert.ok(c.pval > 0 && c.pval <= 1);
});

Deno.test("MBD Monte Carlo approximates the exact p (Marascuilo–Busk, 4 x 20, 11^4 assignments)", () => {
  const rng = createFastRandom(21);
  const values = Array.from(
    { length: 4 },
    (_, i) =>
      Array.from(
        ar1Into(20, 0.3, 1, "innovation", rng, new Float64Array(20)),
        (e, t) => e - (t + 1 >= 8 + i ? 0.8 : 0),
      ),
  );
  const starts = Array.from({ length: 4 }, () => Array.from({ length: 11 }, (_, j) => 6 + j));
  const observed = [8, 9, 10, 11];
  const exact = mbdTestFast({ values, scheme: "marascuilo-busk", starts, observed, exact: true });
  const mc = mbdTestFast({ values, scheme: "marascuilo-busk", starts, observed, draws: 200000, seed: 3 });
  assert.equal(exact.n, 11 ** 4);
  assert.ok(
    Math.abs(mc.pval - exact.pval) < 4 * Math.sqrt(exact.pval * (1 - exact.pval) / 200000) + 1e-5,
    `${mc.pval} vs ${exact.pval}`,
  );
});

Deno.test("replicatedTest: per-case exact tests combined with Edgington equals combinePValues on the per-case p", () => {
  const d: ScedDesign = { type: "phase", phases: ["A", "B"], n: 12, limit: 3 };
  const cases = [0, 1, 2].map((i) => ({
    name: `p${i}`,
    values: Array.from({ length: 12 }, (_, t) => (t < 5 + i ? 6 : 3) + ((t * 7 + i) % 3)),
    labels: Array.from({ length: 12 }, (_, t) => (t < 5 + i ? "A" : "B")),
  }));
  const r = replicatedTest({ design: d, cases, statistic: "A-B" });
  assert.equal(r.perCase.length, 3);
  assert.equal(r.combined.method, "edgington");
  assert.equal(r.combined.pval, combinePValues(r.perCase.map((c) => c.pval), "edgington").pval);
  for (const c of r.perCase) assert.equal(c.pval, 1 / 7, `${c.name}: the largest statistic of 7 assignments`);
});

Deno.test("input errors name the field and the rule", () => {
  const d: ScedDesign = { type: "phase", phases: ["A", "B"], n: 4, limit: 1 };
  assert.throws(
    () => randomizationTest({ design: d, values: [1, 2, 3], labels: ["A", "A", "B", "B"], statistic: "A-B" }),
    /labels must have 3 elements \(like values\), got 4|labels must have n = 4 measurements/,
  );
  assert.throws(
    () => randomizationTest({ design: d, values: [1, 2, 3, 4], labels: [..."AABB"], statistic: "A+B" }),
    /statistic must be one of/,
  );
  assert.throws(
    () =>
      randomizationTest({ design: { ...d, limit: 0 }, values: [1, 2, 3, 4], labels: [..."AABB"], statistic: "A-B" }),
    /limit must be >= 1, got 0/,
  );
});
