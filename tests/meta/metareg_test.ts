/** rmaMods(): the matrix path agrees with the scalar path, dummy coding as R, clear errors. */
import assert from "node:assert/strict";
import fc from "fast-check";
import { assertClose, readFixture } from "../helpers.ts";
import { modelMatrix, rmaMods } from "../../lib/meta/metareg.ts";
import { rma, TAU2_METHODS, type Tau2Method } from "../../lib/meta/rma.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

Deno.test("property: rmaMods with no moderators equals rma for every estimator and test", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          y: fc.double({ min: -2, max: 2, noNaN: true }),
          v: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        }),
        { minLength: 3, maxLength: 12 },
      ),
      fc.constantFrom<Tau2Method>(...TAU2_METHODS),
      fc.constantFrom("z" as const, "knha" as const),
      (studies, method, test) => {
        const yi = studies.map((s) => s.y), vi = studies.map((s) => s.v);
        let a;
        try {
          a = rma({ yi, vi, method, test });
        } catch {
          return;
        }
        const b = rmaMods({ yi, vi, mods: {}, method, test });
        assertClose(b.tau2, a.tau2, 1e-8, `${method} tau2`, 1e-12);
        assertClose(b.beta[0], a.beta, 1e-8, `${method} beta`, 1e-12);
        assertClose(b.se[0], a.se, 1e-8, `${method} se`, 1e-12);
        assertClose(b.QE, a.QE, 1e-8, `${method} QE`, 1e-12);
        assertClose(b.I2, a.I2, 1e-8, `${method} I2`, 1e-10);
        if (a.se_tau2 !== null) assertClose(b.se_tau2!, a.se_tau2, 1e-7, `${method} se_tau2`, 1e-12);
      },
    ),
    { numRuns: 120 },
  );
});

Deno.test("modelMatrix: treatment contrasts with sorted levels, as R's model.matrix", () => {
  const { X, colnames } = modelMatrix({ dose: [1, 2, 3], arm: ["b", "a", "c"] }, 3);
  assert.deepEqual(colnames, ["intrcpt", "dose", "armb", "armc"]);
  assert.deepEqual(X, [[1, 1, 1, 0], [1, 2, 0, 0], [1, 3, 0, 1]]);
  const noInt = modelMatrix({ arm: ["b", "a", "b"] }, 3, false);
  assert.deepEqual(noInt.colnames, ["arma", "armb"]);
});

Deno.test("rmaMods: knha gives F test for QM with (m, k - p) df; BCG ablat + alloc runs", () => {
  const fx = readFixture("metafor/bcg_rr.json");
  const { yi, vi } = fx.escalc;
  const ablat = fx.input.map((r: { ablat: number }) => r.ablat);
  const f = rmaMods({ yi, vi, mods: { ablat }, test: "knha" });
  assert.deepEqual(f.QMdf, [1, 11]);
  // with one moderator, F = t^2
  assertClose(f.QM, f.zval[1] ** 2, 1e-10, "F = t^2");
  const g = rmaMods({ yi, vi, mods: { ablat, alloc: fx.input.map((r: { alloc: string }) => r.alloc) } });
  assert.deepEqual(g.QMdf, [3, null]);
  assert.equal(g.colnames.length, 4);
});

Deno.test("rmaMods: clear errors", () => {
  const yi = [0.1, 0.2, 0.3, 0.4], vi = [0.1, 0.1, 0.1, 0.1];
  assert.throws(
    () => rmaMods({ yi, vi, mods: { x: [1, 2, 3] } }),
    /rmaMods: mods.x must have 4 elements \(like yi\), got 3/,
  );
  assert.throws(
    () => rmaMods({ yi, vi, mods: { x: [1, 2, 3, 4], x2: [2, 4, 6, 8] } }),
    /not of full rank/,
  );
  assert.throws(
    () => rmaMods({ yi, vi, mods: { a: [1, 2, 3, 4], b: [1, 0, 1, 1], c: [0, 0, 1, 5] } }),
    /need more studies than parameters/,
  );
  assert.throws(() => rmaMods({ yi, vi: [0.1, 0.1, -1, 0.1], mods: {} }), /rmaMods: row 3, vi must be >= 0 .*got -1/);
  assert.throws(() => rmaMods({ yi: [], vi: [], mods: {} }), /k = 0/);
});
