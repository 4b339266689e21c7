import assert from "node:assert/strict";
import fc from "fast-check";
import { combinePValues, irwinHallCdf } from "../../lib/sced/combine.ts";
import { assertClose } from "../helpers.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

Deno.test("Irwin–Hall cdf: hand values, symmetry for large k (exact rational arithmetic, no cancellation)", () => {
  assert.equal(irwinHallCdf(1, 2), 0.5);
  assert.equal(irwinHallCdf(1.5, 2), 0.875); // 1 - 0.5^2 / 2
  assertClose(irwinHallCdf(2.09, 7), 0.03202263, 1e-7, "SCMA example"); // SCMA combine(), cases.json
  assert.equal(irwinHallCdf(100, 200), 0.5);
  // F(s) + F(k - s) = 1 for k = 60 (the float alternating sum loses every digit here)
  assertClose(irwinHallCdf(25.3, 60) + irwinHallCdf(60 - 25.3, 60), 1, 1e-14, "symmetry");
  assert.ok(irwinHallCdf(5, 60) > 0 && irwinHallCdf(5, 60) < 1e-20);
});

Deno.test("k = 1: every method returns the p-value itself", () => {
  fc.assert(
    fc.property(fc.double({ min: 1e-6, max: 1, noNaN: true }), (p) => {
      for (const m of ["edgington", "fisher", "stouffer"] as const) {
        assertClose(combinePValues([p], m).pval, p, 1e-9, `${m}(${p})`);
      }
    }),
    { numRuns: 50 },
  );
});

Deno.test("Stouffer by hand and with weights; Fisher statistic", () => {
  // z = qnorm(0.95) = 1.6448536269514722 twice: Z = 2 z / sqrt(2) = 2.32617..., just below
  // qnorm(0.99) = 2.32635, so p is just above 0.01: P(N(0,1) > 2.3261716) = 0.0100046
  const s = combinePValues([0.05, 0.05], "stouffer");
  assertClose(s.statistic, 2 * 1.6448536269514722 / Math.SQRT2, 1e-12, "Z");
  assertClose(s.pval, 0.010004626858059047, 1e-12, "p"); // 0.5 * erfc(Z / sqrt(2)) in Python 3 (math.erfc)
  // a zero-weight-like small weight leaves the other p almost alone
  assertClose(combinePValues([0.05, 0.5], "stouffer", { weights: [1, 1e-9] }).pval, 0.05, 1e-6, "weighted");
  assertClose(combinePValues([0.1, 0.2], "fisher").statistic, -2 * (Math.log(0.1) + Math.log(0.2)), 1e-14, "X");
  assert.throws(() => combinePValues([0, 0.5], "fisher"), /pvals\[0\] must be > 0, got 0/);
  assert.throws(() => combinePValues([0.1, 0.5], "fisher", { weights: [1, 2] }), /weights are only used by stouffer/);
});
