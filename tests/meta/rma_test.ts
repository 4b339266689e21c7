/**
 * rma(): edge cases as metafor handles them, input errors, the two I² definitions, and
 * properties (study order does not matter; rescaling the outcome rescales the results).
 * Number-for-number agreement with metafor is in metafor_fixtures_test.ts.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { assertClose } from "../helpers.ts";
import { confint, rma, TAU2_METHODS, type Tau2Method } from "../../lib/meta/rma.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

// Morris (2008) SMCR effect sizes from the metafor fixture (escalc output).
const yi = [0.50555278587344, 1.04812489834818, 1.80540666735282, 1.41808172864362, 0.0800836142528634];
const vi = [0.0593895904826099, 0.0253856580253739, 0.232194068584556, 0.122547789455643, 0.0802290494739929];

Deno.test("rma: k = 1 behaves as metafor (tau2 = 0, QE = 0, I2 = 0, H2 = 1, z test even if knha asked)", () => {
  for (const method of TAU2_METHODS) {
    const f = rma({ yi: [0.5], vi: [0.04], method, test: "knha" });
    assert.equal(f.k, 1);
    assert.equal(f.test, "z");
    assert.equal(f.tau2, 0);
    assert.equal(f.beta, 0.5);
    assertClose(f.se, 0.2, 1e-15, "se");
    assert.equal(f.QE, 0);
    assert.equal(f.QEp, 1);
    assert.equal(f.I2, 0);
    assert.equal(f.H2, 1);
    assertClose(f.ci_lb, 0.5 - 1.959963984540054 * 0.2, 1e-14, "ci_lb");
  }
  assert.throws(() => confint(rma({ yi: [0.5], vi: [0.04] })), /k = 1/);
});

Deno.test("rma: homogeneous studies give tau2 = 0 for every estimator, RE = FE, I2 = 0", () => {
  const y = [0.3, 0.3, 0.3, 0.3];
  const v = [0.01, 0.02, 0.03, 0.04];
  const fe = rma({ yi: y, vi: v, method: "FE" });
  for (const method of TAU2_METHODS) {
    const f = rma({ yi: y, vi: v, method });
    assert.equal(f.tau2, 0, `${method} tau2`);
    assertClose(f.beta, 0.3, 1e-14, `${method} beta`);
    assertClose(f.se, fe.se, 1e-14, `${method} se`);
    assert.equal(f.I2, 0);
    assert.equal(f.I2_Q, 0);
    assertClose(f.pi_lb, f.ci_lb, 1e-14, `${method} PI = CI when tau2 = 0`);
  }
  // Q-profile CI when Q(0) is below the lower critical value: both bounds at 0, CI is the null set
  const ci = confint(rma({ yi: y, vi: v, method: "DL" }));
  assert.deepEqual(ci.tau2, { estimate: 0, ci_lb: 0, ci_ub: 0, level: 95 });
  assert.equal(ci.ci_null, true);
});

Deno.test("rma: I2 (metafor, tau2-based) and I2_Q (Higgins, Q-based) are both reported and labelled", () => {
  const dl = rma({ yi, vi, method: "DL" });
  // For DL the two definitions coincide (tau2_DL = (Q - df)/trP and vt = df/trP).
  assertClose(dl.I2, dl.I2_Q, 1e-12, "DL I2 vs I2_Q");
  const reml = rma({ yi, vi, method: "REML" });
  // metafor fixture morris2008_smcr REML: I2 = 81.4689773662814; QE = 17.4805525113876
  assertClose(reml.I2, 81.4689773662814, 1e-8, "REML I2 (metafor)");
  assertClose(reml.I2_Q, 100 * (17.4805525113876 - 4) / 17.4805525113876, 1e-10, "REML I2_Q (Higgins)");
  assertClose(reml.H2_Q, 17.4805525113876 / 4, 1e-10, "H2_Q");
  assert.notEqual(reml.I2, reml.I2_Q);
});

Deno.test("rma: weights are percentages summing to 100", () => {
  for (const method of TAU2_METHODS) {
    const f = rma({ yi, vi, method });
    assertClose(f.weights.reduce((a, b) => a + b, 0), 100, 1e-12, `${method} weights sum`);
  }
});

Deno.test("rma: bad inputs give clear errors", () => {
  assert.throws(() => rma({ yi: [], vi: [] }), /rma: yi must have at least 1 element \(k = 0/);
  assert.throws(() => rma({ yi: [0.1, 0.2], vi: [0.1, -0.2] }), /rma: row 2, vi must be >= 0 .*got -0.2/);
  assert.throws(() => rma({ yi: [0.1, 0.2], vi: [0.1] }), /rma: vi must have 2 elements \(like yi\), got 1/);
  assert.throws(() => rma({ yi: [0.1, NaN], vi: [0.1, 0.1] }), /rma: row 2, yi must be a finite number/);
  assert.throws(
    () => rma({ yi: [0.1, 0.2], vi: [0.1, 0.1], method: "XX" as Tau2Method }),
    /rma: method must be one of/,
  );
  assert.throws(
    () => rma({ yi: [0.1, 0.2], vi: [0.1, 0.1], level: 120 }),
    /rma: level must be a percentage in \[1, 100\) or a proportion in \(0, 1\)/,
  );
  assert.throws(
    () => rma({ yi: [0, 0, 0], vi: [0.1, 0.2, 0.3], test: "knha" }),
    /rma: test "knha" is undefined for these data: the effect sizes are all identical \(yi = 0\)/,
  );
  assert.throws(() => confint(rma({ yi, vi, method: "FE" })), /must not be FE/);
});

const study = fc.record({
  y: fc.double({ min: -3, max: 3, noNaN: true }),
  v: fc.double({ min: 0.005, max: 1, noNaN: true }),
});
const methods = fc.constantFrom<Tau2Method>(...TAU2_METHODS);

Deno.test("property: study order does not change any result (all estimators, z and knha)", () => {
  fc.assert(
    fc.property(
      fc.array(study, { minLength: 2, maxLength: 15 }),
      methods,
      fc.constantFrom("z" as const, "knha" as const),
      fc.integer(),
      (studies, method, test, seed) => {
        const perm = studies.map((s, i) => ({ s, key: Math.sin(seed + i * 7.31) })).sort((a, b) => a.key - b.key)
          .map((x) => x.s);
        let a;
        try {
          a = rma({ yi: studies.map((s) => s.y), vi: studies.map((s) => s.v), method, test });
        } catch {
          return; // e.g. knha with all yi = 0; the permuted data fail the same way
        }
        const b = rma({ yi: perm.map((s) => s.y), vi: perm.map((s) => s.v), method, test });
        for (const key of ["beta", "se", "tau2", "QE", "QM", "I2", "I2_Q", "pi_lb", "pi_ub", "ci_lb"] as const) {
          assertClose(b[key], a[key], 1e-7, `${method}/${test} ${key}`, 1e-10);
        }
        if (method !== "FE") {
          const ca = confint(a), cb = confint(b);
          assertClose(cb.tau2.ci_lb, ca.tau2.ci_lb, 1e-6, "confint lb", 1e-9);
          assertClose(cb.tau2.ci_ub, ca.tau2.ci_ub, 1e-6, "confint ub", 1e-9);
        }
      },
    ),
    { numRuns: 150 },
  );
});

Deno.test("property: rescaling yi by c (and vi by c^2) scales beta, se, CI by c and tau2 by c^2", () => {
  fc.assert(
    fc.property(
      fc.array(study, { minLength: 3, maxLength: 12 }),
      methods,
      fc.double({ min: 0.5, max: 4, noNaN: true }),
      fc.boolean(),
      (studies, method, c0, neg) => {
        const c = neg ? -c0 : c0;
        const y = studies.map((s) => s.y), v = studies.map((s) => s.v);
        const a = rma({ yi: y, vi: v, method });
        const b = rma({ yi: y.map((x) => c * x), vi: v.map((x) => c * c * x), method });
        // Iterative estimators stop when tau2 changes by less than 1e-5 in absolute terms (as metafor
        // does), which is not scale-free: allow that much absolute slack in tau2 (scaled) and 1e-4 relative.
        const iterative = ["ML", "REML", "EB", "PM"].includes(method);
        const tol = iterative ? 1e-4 : 1e-9;
        // A tau2 off by d moves se by about d / (2 se), so beta and se get a looser absolute slack.
        const abs = iterative ? 2e-5 * Math.max(1, c * c) : 1e-12;
        const absB = iterative ? 1e-3 * Math.max(1, c * c) : 1e-12;
        assertClose(b.beta, c * a.beta, tol, `${method} beta`, absB);
        assertClose(b.se, Math.abs(c) * a.se, tol, `${method} se`, absB);
        assertClose(b.tau2, c * c * a.tau2, tol, `${method} tau2`, abs);
        assertClose(b.I2, a.I2, tol, `${method} I2`, iterative ? 0.1 : 1e-9);
        assertClose(b.QE, a.QE, 1e-9, `${method} QE`);
      },
    ),
    { numRuns: 150 },
  );
});
