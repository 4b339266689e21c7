import assert from "node:assert/strict";
import fc from "fast-check";
import { nnt, oddsRatio, riskDifference, riskRatio } from "../../lib/responders/compare.ts";
import { assertClose } from "../helpers.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

// Newcombe RG (1998) Interval estimation for the difference between independent proportions:
// comparison of eleven methods. Stat Med 17:873-890, Table II. Method 10 = hybrid score (no CC),
// method 11 = hybrid score with continuity correction.
Deno.test("Newcombe 1998 Table II: 56/70 - 48/80, 9/10 - 3/10, 5/56 - 0/29", () => {
  const a = riskDifference(56, 70, 48, 80);
  assert.deepEqual([r4(a.estimate), r4(a.ci_lb), r4(a.ci_ub)], [0.2, 0.0524, 0.3339]);
  const acc = riskDifference(56, 70, 48, 80, { method: "newcombe-cc" });
  assert.deepEqual([r4(acc.ci_lb), r4(acc.ci_ub)], [0.0428, 0.3422]);
  const b = riskDifference(9, 10, 3, 10);
  assert.deepEqual([r4(b.ci_lb), r4(b.ci_ub)], [0.1705, 0.809]);
  const bcc = riskDifference(9, 10, 3, 10, { method: "newcombe-cc" });
  assert.deepEqual([r4(bcc.ci_lb), r4(bcc.ci_ub)], [0.1013, 0.8387]);
  const d = riskDifference(5, 56, 0, 29);
  assert.deepEqual([r4(d.ci_lb), r4(d.ci_ub)], [-0.0381, 0.1926]);
});

Deno.test("risk and odds ratios: closed forms for 56/70 vs 48/80", () => {
  // RR = 0.8/0.6; SE(log RR) = sqrt(1/56 - 1/70 + 1/48 - 1/80) (Katz)
  const rr = riskRatio(56, 70, 48, 80);
  assertClose(rr.estimate, 0.8 / 0.6, 1e-12, "RR");
  assertClose(rr.se_log, Math.sqrt(1 / 56 - 1 / 70 + 1 / 48 - 1 / 80), 1e-12, "SE log RR");
  assertClose(rr.ci_lb, Math.exp(Math.log(4 / 3) - 1.959963984540054 * rr.se_log), 1e-12, "RR lower");
  // OR = (56*32)/(14*48); SE(log OR) = sqrt(1/56 + 1/14 + 1/48 + 1/32) (Woolf)
  const or = oddsRatio(56, 70, 48, 80);
  assertClose(or.estimate, (56 * 32) / (14 * 48), 1e-12, "OR");
  assertClose(or.se_log, Math.sqrt(1 / 56 + 1 / 14 + 1 / 48 + 1 / 32), 1e-12, "SE log OR");
  // a zero cell gets 0.5 added to every cell
  const z = oddsRatio(5, 56, 0, 29);
  assert.equal(z.corrected, true);
  assertClose(z.estimate, (5.5 * 29.5) / (51.5 * 0.5), 1e-12, "OR with 0.5");
});

Deno.test("NNT: contiguous interval when the CI excludes 0, split (Altman 1998) when it spans 0", () => {
  const a = nnt(riskDifference(56, 70, 48, 80));
  assertClose(a.nnt, 5, 1e-12);
  assert.equal(a.interval.kind, "contiguous");
  if (a.interval.kind === "contiguous") {
    assertClose(a.interval.ci_lb, 1 / 0.33388, 1e-3, "NNT lower = 1/upper diff");
    assertClose(a.interval.ci_ub, 1 / 0.05243, 1e-3, "NNT upper = 1/lower diff");
  }
  const s = nnt({ estimate: 0.1, ci_lb: -0.05, ci_ub: 0.25 });
  assert.deepEqual(s.interval, { kind: "split", nntb_from: 4, nnth_from: 20 });
  assert.match(s.text, /NNT\(benefit\) 10\.0 \(95% CI NNT\(benefit\) 4\.0 to ∞ to NNT\(harm\) 20\.0\)/);
  assert.throws(() => nnt({ estimate: 0.3, ci_lb: 0.4, ci_ub: 0.5 }), /ci_lb <= estimate <= ci_ub/);
});

Deno.test("properties: the difference lies in its interval; swapping groups negates it", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 200 }),
      fc.integer({ min: 1, max: 200 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (n1, n2, u1, u2) => {
        const x1 = Math.min(n1, Math.floor(u1 * (n1 + 1))), x2 = Math.min(n2, Math.floor(u2 * (n2 + 1)));
        const d = riskDifference(x1, n1, x2, n2), e = riskDifference(x2, n2, x1, n1);
        return d.ci_lb <= d.estimate + 1e-12 && d.estimate <= d.ci_ub + 1e-12 && d.ci_lb >= -1 && d.ci_ub <= 1 &&
          Math.abs(d.ci_lb + e.ci_ub) < 1e-9 && Math.abs(d.ci_ub + e.ci_lb) < 1e-9;
      },
    ),
    { numRuns: 200 },
  );
});

Deno.test("two-group helpers validate their input", () => {
  assert.throws(() => riskDifference(80, 70, 48, 80), /riskDifference: x1 must be <= n1 \(70\), got 80/);
  assert.throws(() => riskRatio(1, 0, 1, 2), /riskRatio: n1 must be > 0/);
});
