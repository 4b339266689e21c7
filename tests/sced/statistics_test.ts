import assert from "node:assert/strict";
import { compileStatistic, computeStatistic, statisticFor } from "../../lib/sced/statistics.ts";

const ab = { values: [1, 2, 3, 10, 9, 8], labels: [..."AAABBB"] };

Deno.test("mean, median and pooled-phase statistics by hand", () => {
  assert.equal(computeStatistic("A-B", [ab]), 2 - 9);
  assert.equal(computeStatistic("B-A", [ab]), 7);
  assert.equal(computeStatistic("|A-B|", [ab]), 7);
  assert.equal(computeStatistic("medA-medB", [{ values: [1, 5, 2, 0, 0, 9], labels: [..."AAABBB"] }]), 2 - 0);
  // ABAB: A1 = (4, 4) mean 4, B1 = (1) mean 1, A2 = (1, 2, 3) mean 2, B2 = (0, 2) mean 1
  const abab = { values: [4, 4, 1, 1, 2, 3, 0, 2], labels: [..."AABAAABB"] };
  assert.equal(computeStatistic("PA-PB", [abab]), (4 + 2) / 2 - (1 + 1) / 2); // SCRT statPAPB
  assert.equal(computeStatistic("A-B", [abab]), 14 / 5 - 3 / 3); // all A values vs all B values
  assert.equal(computeStatistic("|PB-PA|", [abab]), 2);
  // ABCD, any pair of labels
  assert.equal(computeStatistic("A-D", [{ values: [8, 8, 6, 6, 4, 4, 2, 2], labels: [..."AABBCCDD"] }]), 6);
});

Deno.test("level and slope change from per-phase OLS lines (hand values)", () => {
  // A: 1, 2, 3 at t = 1..3 (slope 1); B: 10, 9, 8 at t = 4..6 (slope -1)
  assert.equal(computeStatistic("slope:A-B", [ab]), 2);
  assert.equal(computeStatistic("slope:B-A", [ab]), -2); // scan's "Slope B-A"
  // at t = 4 the A line gives 4, the B line 10
  assert.ok(Math.abs(computeStatistic("level:A-B", [ab]) - (4 - 10)) < 1e-12);
});

Deno.test("NAP as a statistic, with its direction", () => {
  const v = { values: [5, 6, 7, 4, 6, 8], labels: [..."AAABBB"] };
  // pairs (a, b): b < a: (5,4) (6,4) (7,4) (7,6) = 4; ties (6,6) = 0.5 -> 4.5 / 9
  assert.equal(computeStatistic("NAP-decrease", [v]), 4.5 / 9);
  assert.equal(computeStatistic("NAP-increase", [v]), (9 - 4 - 1) / 9 + 0.5 / 9);
});

Deno.test("statisticFor makes the direction explicit (improvement = decrease for pain and fear)", () => {
  assert.equal(statisticFor({ improvement: "decrease" }), "A-B");
  assert.equal(statisticFor({ improvement: "increase" }), "B-A");
  assert.equal(statisticFor({ improvement: "either" }), "|A-B|");
  assert.equal(statisticFor({ improvement: "decrease", kind: "phase-mean" }), "PA-PB");
  assert.equal(statisticFor({ improvement: "decrease", kind: "slope" }), "slope:A-B");
  assert.equal(statisticFor({ improvement: "increase", kind: "NAP" }), "NAP-increase");
  assert.throws(() => statisticFor({ improvement: "either", kind: "NAP" }), /must be decrease or increase/);
});

Deno.test("multiple cases: the statistic is the mean over cases; bad names and undefined values throw", () => {
  const c2 = { values: [4, 4, 0, 0], labels: [..."AABB"] };
  assert.equal(computeStatistic("A-B", [ab, c2]), (-7 + 4) / 2);
  assert.throws(() => compileStatistic("A*B"), /statistic must be one of/);
  assert.throws(() => compileStatistic("PA-B"), /statistic must be one of/);
  assert.throws(
    () => computeStatistic("A-B", [{ values: [null, null, 1, 2], labels: [..."AABB"] }]),
    /statistic A-B is undefined for the assignment A×2 B×2/,
  );
  assert.throws(() => computeStatistic(() => NaN, [ab]), /custom statistic must return a finite number/);
});
