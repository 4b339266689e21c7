import assert from "node:assert/strict";
import fc from "fast-check";
import {
  propCI,
  qbeta,
  reconstructCount,
  respondersFromPercent,
  splitsFittingPercentages,
} from "../../lib/responders/intervals.ts";
import { assertClose } from "../helpers.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

// Reference values (lower, upper), 95%. Sources:
//  - Newcombe RG (1998) Two-sided confidence intervals for the single proportion: comparison of seven
//    methods. Stat Med 17:857-872, Table I (4 decimals): 81/263, 15/148, 0/20, 1/29 for method 3
//    (score = Wilson = R prop.test(correct = FALSE)), 4 (score with CC = R prop.test(correct = TRUE))
//    and 5 (Clopper-Pearson = R binom.test).
//  - the 10-decimal values were computed independently with SciPy 1.17
//    (scipy.stats.binomtest(x, n).proportion_ci(method = "exact" | "wilson" | "wilsoncc") and
//    scipy.stats.beta.ppf for Jeffreys) and agree with Newcombe's 4-decimal table.
const REF: Record<string, Record<string, [number, number]>> = {
  "81/263": {
    "clopper-pearson": [0.2527367456, 0.3676219226],
    wilson: [0.2552885199, 0.366209577],
    "wilson-cc": [0.2535086823, 0.368176201],
    jeffreys: [0.254521935, 0.3656474992],
  },
  "15/148": {
    "clopper-pearson": [0.0578440101, 0.1616504903],
    wilson: [0.0623863995, 0.1604872417],
    "wilson-cc": [0.0597782084, 0.1644497794],
    jeffreys: [0.060448517, 0.1576431435],
  },
  "0/20": {
    "clopper-pearson": [0, 0.168433471],
    wilson: [0, 0.1611251581],
    "wilson-cc": [0, 0.200453345],
    jeffreys: [0, 0.1166389829],
  },
  "1/29": {
    "clopper-pearson": [0.0008726469, 0.1776442955],
    wilson: [0.0061132143, 0.1717552188],
    "wilson-cc": [0.0018026402, 0.196281751],
    jeffreys: [0.0037461736, 0.150077686],
  },
  "42/85": {
    "clopper-pearson": [0.3838555826, 0.6048013514],
    wilson: [0.390408352, 0.5983356419],
    "wilson-cc": [0.3848010046, 0.6039705293],
    jeffreys: [0.3895199724, 0.5991083915],
  },
};

Deno.test("propCI matches Newcombe (1998) Table I and SciPy (10 decimals)", () => {
  for (const [key, methods] of Object.entries(REF)) {
    const [x, n] = key.split("/").map(Number);
    for (const [m, [lo, hi]] of Object.entries(methods)) {
      const r = propCI(x, n, { method: m as "wilson" });
      assertClose(r.ci_lb, lo, 1e-8, `${key} ${m} lower`, 1e-10);
      assertClose(r.ci_ub, hi, 1e-8, `${key} ${m} upper`, 1e-10);
    }
  }
});

Deno.test("Newcombe's 4-decimal values for 81/263 (Table I, methods 3, 4, 5)", () => {
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const w = propCI(81, 263, { method: "wilson" });
  assert.deepEqual([r4(w.ci_lb), r4(w.ci_ub)], [0.2553, 0.3662]);
  const cc = propCI(81, 263, { method: "wilson-cc" });
  assert.deepEqual([r4(cc.ci_lb), r4(cc.ci_ub)], [0.2535, 0.3682]);
  const cp = propCI(81, 263, { method: "clopper-pearson" });
  assert.deepEqual([r4(cp.ci_lb), r4(cp.ci_ub)], [0.2527, 0.3676]);
});

Deno.test("Clopper-Pearson for x = 0 has the closed form 1 - (alpha/2)^(1/n)", () => {
  for (const n of [1, 5, 20, 137]) {
    assertClose(propCI(0, n, { method: "clopper-pearson" }).ci_ub, 1 - 0.025 ** (1 / n), 1e-10, `n=${n}`);
  }
});

Deno.test("properties: intervals contain the estimate, stay in [0, 1], are symmetric under x -> n - x", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 400 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom("wilson", "wilson-cc", "clopper-pearson", "jeffreys"),
      (n, u, m) => {
        const x = Math.min(n, Math.floor(u * (n + 1)));
        const r = propCI(x, n, { method: m as "wilson" });
        const s = propCI(n - x, n, { method: m as "wilson" });
        return r.ci_lb >= 0 && r.ci_ub <= 1 && r.ci_lb <= r.estimate + 1e-12 && r.estimate <= r.ci_ub + 1e-12 &&
          Math.abs(r.ci_lb - (1 - s.ci_ub)) < 1e-9 && Math.abs(r.ci_ub - (1 - s.ci_lb)) < 1e-9;
      },
    ),
    { numRuns: 200 },
  );
});

Deno.test("qbeta inverts the uniform and rejects bad input", () => {
  assertClose(qbeta(0.3, 1, 1), 0.3, 1e-10);
  assert.throws(() => qbeta(0.5, 0, 1), /qbeta/);
});

Deno.test("respondersFromPercent recovers whole counts and rejects impossible percentages", () => {
  assert.equal(respondersFromPercent(55, 137), 75); // 75/137 = 54.74%
  assert.equal(respondersFromPercent(52, 120), 62); // 62/120 = 51.67%
  assert.equal(respondersFromPercent(60, 23), null); // 13/23 = 56.5%, 14/23 = 60.9%
});

Deno.test("propCI validates its input", () => {
  assert.throws(() => propCI(5, 3), /propCI: x must be <= n \(3\), got 5/);
  assert.throws(() => propCI(-1, 3), /propCI: x must be >= 0/);
  assert.throws(() => propCI(1, 3, { level: 100 }), /propCI: level must be a percentage in \[1, 100\) or a proportion/);
  assert.throws(() => propCI(1, 3, { level: 0 }), /propCI: level must be a percentage/);
});

Deno.test("level is a percentage and 0.95 is read as 95 % (lib/conventions.ts)", () => {
  const a = propCI(17, 20, { level: 95 }), b = propCI(17, 20, { level: 0.95 });
  assert.equal(a.level, 95);
  assert.equal(b.level, 95);
  assert.deepEqual([a.ci_lb, a.ci_ub], [b.ci_lb, b.ci_ub]);
  // R: prop.test(17, 20, correct = FALSE)$conf.int = 0.6396 0.9476 (Wilson); 90 %: 0.6749 0.9356
  assert.deepEqual([Math.round(a.ci_lb * 1e4) / 1e4, Math.round(a.ci_ub * 1e4) / 1e4], [0.6396, 0.9476]);
  const c = propCI(17, 20, { level: 90 });
  assert.ok(c.ci_lb > a.ci_lb && c.ci_ub < a.ci_ub);
});

Deno.test("reconstructCount states when a percentage is not a whole number of n", () => {
  assert.deepEqual(reconstructCount(58, 43), {
    reported_pct: 58,
    n: 43,
    x: 25,
    implied_pct: (100 * 25) / 43,
    exact: true,
  });
  const r = reconstructCount(51, 42); // 21/42 = 50.0 %, 22/42 = 52.4 %
  assert.equal(r.x, 21);
  assert.equal(r.exact, false);
  assert.equal(r.implied_pct, 50);
  // Leeuw 2008: EXP 51 % and 63 %, GA 58 % and 51 %, 85 patients: no split of 85 fits all four
  assert.deepEqual(splitsFittingPercentages(85, [51, 63], [58, 51]), []);
  assert.deepEqual(splitsFittingPercentages(10, [50], [50]), [[2, 8], [4, 6], [6, 4], [8, 2]]);
});
