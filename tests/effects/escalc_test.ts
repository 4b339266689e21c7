/**
 * escalc(): hand-checkable values, the sign convention, and clear errors for bad inputs.
 * Agreement with metafor for every measure in the fixtures is in tests/meta/metafor_fixtures_test.ts.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { assertClose } from "../helpers.ts";
import { cmicalc, escalc } from "../../lib/effects/escalc.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

Deno.test("cmicalc: exact gamma correction, approaches Hedges' 1 - 3/(4m - 1)", () => {
  // c(m) = Γ(m/2) / (sqrt(m/2) Γ((m-1)/2)); c(2) = Γ(1)/(1·Γ(1/2)) = 1/sqrt(pi)
  assertClose(cmicalc(2), 1 / Math.sqrt(Math.PI), 1e-14, "c(2)");
  // c(3) = Γ(3/2)/(sqrt(3/2)Γ(1)) = (sqrt(pi)/2)/sqrt(1.5)
  assertClose(cmicalc(3), Math.sqrt(Math.PI) / 2 / Math.sqrt(1.5), 1e-14, "c(3)");
  assertClose(cmicalc(200), 1 - 3 / (4 * 200 - 1), 1e-5, "large m");
});

Deno.test("escalc MD and SMD: Normand (1999) Edinburgh row by hand", () => {
  const d = { m1i: [55], sd1i: [47], n1i: [155], m2i: [75], sd2i: [64], n2i: [156] };
  const md = escalc("MD", d);
  assert.equal(md.yi[0], -20);
  assertClose(md.vi[0], 47 ** 2 / 155 + 64 ** 2 / 156, 1e-15, "MD vi");
  const smd = escalc("SMD", d);
  const sp = Math.sqrt((154 * 47 ** 2 + 155 * 64 ** 2) / 309);
  const g = cmicalc(309) * -20 / sp;
  assertClose(smd.yi[0], g, 1e-14, "SMD yi");
  assertClose(smd.vi[0], 1 / 155 + 1 / 156 + g * g / (2 * 311), 1e-14, "SMD vi");
});

Deno.test("escalc sign convention: improvement 'decrease' flips yi (pain going down is positive)", () => {
  // Pain VAS pre 6.1 -> post 3.9: metafor's m1i - m2i (post - pre) is negative
  const data = { m1i: [3.9], m2i: [6.1], sd1i: [2.0], sd2i: [2.2], ni: [40], ri: [0.5] };
  for (const m of ["MC", "SMCC", "SMCR"] as const) {
    const raw = escalc(m, data);
    const dec = escalc(m, data, { improvement: "decrease" });
    const inc = escalc(m, data, { improvement: "increase" });
    assert.ok(raw.yi[0] < 0);
    assert.equal(dec.yi[0], -raw.yi[0]);
    assert.equal(dec.sign, -1);
    assert.deepEqual(dec.vi, raw.vi);
    assert.deepEqual(inc, raw);
  }
  assert.throws(
    () => escalc("PR", { xi: [3], ni: [10] }, { improvement: "decrease" }),
    /does not apply to single-group proportions/,
  );
});

Deno.test("escalc proportions: 1/2 added when xi = 0 or xi = ni for PR/PLO (metafor add = 1/2, to = 'only0'), not for PAS/PFT", () => {
  const pr = escalc("PR", { xi: [0, 5], ni: [10, 10] });
  assertClose(pr.yi[0], 0.5 / 11, 1e-15, "PR yi with 0 events");
  assert.equal(pr.yi[1], 0.5);
  const plo = escalc("PLO", { xi: [10], ni: [10] });
  assertClose(plo.yi[0], Math.log(10.5 / 0.5), 1e-15, "PLO yi with all events");
  const pas = escalc("PAS", { xi: [0], ni: [10] });
  assert.equal(pas.yi[0], 0);
  assertClose(pas.vi[0], 1 / 40, 1e-15, "PAS vi");
});

Deno.test("escalc 2x2: zero cell gets 1/2 in all four cells (RR, OR, RD)", () => {
  const or = escalc("OR", { ai: [0], bi: [10], ci: [3], di: [7] });
  assertClose(or.yi[0], Math.log((0.5 * 7.5) / (10.5 * 3.5)), 1e-14, "OR yi");
  assertClose(or.vi[0], 1 / 0.5 + 1 / 10.5 + 1 / 3.5 + 1 / 7.5, 1e-14, "OR vi");
});

Deno.test("escalc: bad inputs give errors naming field, row and rule", () => {
  const base = { m1i: [1, 2], m2i: [0, 1], sd1i: [1, 1], sd2i: [1, 1], ni: [10, 10], ri: [0.5, 0.5] };
  assert.throws(() => escalc("SMCC", { ...base, sd1i: [1, -2] }), /escalc: row 2, sd1i must be > 0, got -2/);
  assert.throws(() => escalc("SMCR", { ...base, sd1i: [0, 1] }), /escalc: row 1, sd1i must be > 0, got 0/);
  assert.throws(() => escalc("MC", { ...base, ni: [10, 1] }), /escalc: row 2, ni must be >= 2, got 1/);
  assert.throws(() => escalc("SMCR", { ...base, ri: [0.5, 1.2] }), /escalc: row 2, ri must be in \[-1, 1\], got 1.2/);
  assert.throws(() => escalc("MC", { ...base, sd2i: [1] }), /escalc: sd2i must have 2 elements \(like m1i\), got 1/);
  assert.throws(
    () => escalc("MD", { m1i: [], m2i: [], sd1i: [], sd2i: [], n1i: [], n2i: [] }),
    /k = 0/,
  );
  const { ri: _ri, ...noR } = base;
  for (const m of ["SMCC", "SMCR", "MC"] as const) {
    assert.throws(() => escalc(m, noR), /escalc: ri is required for .*rSensitivity\(\)/);
  }
  assert.throws(
    () => escalc("MD", { m1i: [1], m2i: [0], sd1i: [1], n1i: [5], n2i: [5] }),
    /sd2i is required for measure MD/,
  );
  assert.throws(() => escalc("PR", { xi: [11], ni: [10] }), /escalc: row 1, xi must be <= ni \(10\), got 11/);
  assert.throws(() => escalc("XX" as "MD", {}), /measure must be one of/);
  assert.throws(() => escalc("MD", { ...base, m1i: [1, NaN] } as never), /m1i\[1\]/);
});

Deno.test("property: SMCR yi is invariant to the unit of measurement; MC scales with it", () => {
  fc.assert(
    fc.property(
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.double({ min: 0.5, max: 30, noNaN: true }),
      fc.integer({ min: 3, max: 500 }),
      fc.double({ min: -0.95, max: 0.95, noNaN: true }),
      fc.double({ min: 0.1, max: 100, noNaN: true }),
      (post, pre, sd, n, r, c) => {
        const a = escalc("SMCR", { m1i: [post], m2i: [pre], sd1i: [sd], ni: [n], ri: [r] });
        const b = escalc("SMCR", { m1i: [c * post], m2i: [c * pre], sd1i: [c * sd], ni: [n], ri: [r] });
        assertClose(b.yi[0], a.yi[0], 1e-9, "SMCR yi", 1e-12);
        assertClose(b.vi[0], a.vi[0], 1e-9, "SMCR vi");
        const mc = escalc("MC", { m1i: [c * post], m2i: [c * pre], sd1i: [c * sd], sd2i: [c * sd], ni: [n], ri: [r] });
        assertClose(mc.yi[0], c * (post - pre), 1e-9, "MC yi", 1e-9);
      },
    ),
    { numRuns: 200 },
  );
});
