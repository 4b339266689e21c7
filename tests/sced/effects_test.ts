import assert from "node:assert/strict";
import fc from "fast-check";
import { nap, scedEffects } from "../../lib/sced/effects.ts";
import { assertClose } from "../helpers.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

Deno.test("NAP with its Hanley–McNeil SE by hand (A = 7, 8, 7; B = 3, 4, 9; improvement = decrease)", () => {
  const r = nap([7, 8, 7], [3, 4, 9], "decrease");
  assertClose(r.estimate, 6 / 9, 1e-14, "NAP");
  // Q1 = N/(2-N) = 1/2, Q2 = 2N^2/(1+N) = 8/15; Var = (2/9 + 2(1/2 - 4/9) + 2(8/15 - 4/9)) / 9 = 23/405
  assertClose(r.se!, Math.sqrt(23 / 405), 1e-12, "SE");
  assertClose(nap([7, 8, 7], [3, 4, 9], "increase").estimate, 3 / 9, 1e-14, "NAP increase");
});

Deno.test("all effect sizes by hand, oriented so that positive = improvement", () => {
  const e = scedEffects({ A: [7, 8, 7, 6], B: [3, 4, 2, 3, null], improvement: "decrease" });
  assert.equal(e.nB, 4); // the missing value is left out
  assert.equal(e.NAP.estimate, 1);
  assert.equal(e.Tau.estimate, 1);
  assert.equal(e.PND.estimate, 100);
  assert.equal(e.PEM.estimate, 100);
  // SMD (baseline SD): mA = 7, sA^2 = 2/3, mB = 3; d = 4/sqrt(2/3); J = 1 - 3/(4*3 - 1) = 8/11
  const d = 4 / Math.sqrt(2 / 3);
  const g = (8 / 11) * d;
  assertClose(e.SMD!.d, d, 1e-14, "d");
  assertClose(e.SMD!.estimate, g, 1e-14, "g");
  // SE as SingleCaseES (issue 13: it was 1/nA + 1/nB without J): J·sqrt(1/nA + sB²/(nB sA²) + g²/(2 df)),
  // sB² = 2/3 = sA² here
  assertClose(e.SMD!.se!, (8 / 11) * Math.sqrt(1 / 4 + (2 / 3) / (4 * (2 / 3)) + g * g / 6), 1e-14, "SE(g)");
  const e2 = scedEffects({ A: [7, 8, 7, 6], B: [3, 5, 2, 3], improvement: "decrease" });
  const sB2 = ((3 - 3.25) ** 2 + (5 - 3.25) ** 2 + (2 - 3.25) ** 2 + (3 - 3.25) ** 2) / 3;
  const g2 = (8 / 11) * (3.75 / Math.sqrt(2 / 3));
  assertClose(e2.SMD!.se!, (8 / 11) * Math.sqrt(1 / 4 + sB2 / (4 * (2 / 3)) + g2 * g2 / 6), 1e-14, "SE(g), sB != sA");
  // LRR (Pustejovsky 2018): ln 3 + (2/3)/(2*4*9) - ln 7 - (2/3)/(2*4*49), oriented: minus for a decrease
  const lnRR = Math.log(3) + (2 / 3) / 72 - Math.log(7) - (2 / 3) / 392;
  assertClose(e.LRR!.estimate, -lnRR, 1e-14, "LRR");
  assertClose(e.LRR!.se!, Math.sqrt((2 / 3) / (4 * 49) + (2 / 3) / (4 * 9)), 1e-14, "SE(LRR)");
  assertClose(e.LRR!.percentChange, 100 * (Math.exp(lnRR) - 1), 1e-12, "% change");
  // PND/PEM with overlap: A = 5, 6, 7 (median 6); B = 4, 6, 8 for a decrease: PND = 1/3 (4 < 5); PEM = (1 + 0.5)/3
  const o = scedEffects({ A: [5, 6, 7], B: [4, 6, 8], improvement: "decrease" });
  assertClose(o.PND.estimate, 100 / 3, 1e-14, "PND");
  assertClose(o.PEM.estimate, 50, 1e-14, "PEM");
  assert.equal(scedEffects({ A: [0, 0], B: [1, 2], improvement: "increase" }).LRR, null); // mean 0: no ratio
});

Deno.test("NAP in [0, 1] and Tau in [-1, 1] for any data (Tau-U is not offered: it is unbounded)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 12 }),
      fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 12 }),
      fc.constantFrom("decrease", "increase"),
      (A, B, improvement) => {
        const e = scedEffects({ A, B, improvement: improvement as "decrease" | "increase" });
        assert.ok(e.NAP.estimate >= 0 && e.NAP.estimate <= 1);
        assert.ok(e.Tau.estimate >= -1 && e.Tau.estimate <= 1);
        assert.ok(e.NAP.se! >= 0 && Number.isFinite(e.NAP.se!));
        assert.ok(e.PND.estimate >= 0 && e.PND.estimate <= 100 && e.PEM.estimate >= 0 && e.PEM.estimate <= 100);
      },
    ),
    { numRuns: 200 },
  );
});

Deno.test("effect-size input errors", () => {
  assert.throws(() => scedEffects({ A: [], B: [1], improvement: "decrease" }), /A must have >= 1 elements/);
  assert.throws(
    () => scedEffects({ A: [null], B: [1], improvement: "decrease" }),
    /A must have at least one observed value/,
  );
  // deno-lint-ignore no-explicit-any
  assert.throws(() => scedEffects({ A: [1], B: [1], improvement: "down" as any }), /improvement must be one of/);
});
