/** regtest() and trimfill(): hand-checkable behaviour (the metafor numbers are in metafor_fixtures_test.ts). */
import assert from "node:assert/strict";
import { assertClose } from "../helpers.ts";
import { regtest, trimfill } from "../../lib/meta/bias.ts";
import { rma } from "../../lib/meta/rma.ts";

Deno.test("trimfill: a perfectly symmetric funnel imputes nothing and returns the fit unchanged", () => {
  const yi = [0.3 - 0.4, 0.3 + 0.4, 0.3 - 0.2, 0.3 + 0.2, 0.3 - 0.1, 0.3 + 0.1];
  const vi = [0.2, 0.2, 0.05, 0.05, 0.01, 0.01];
  const fit = rma({ yi, vi, method: "FE" });
  const tf = trimfill(fit);
  assert.equal(tf.k0, 0);
  assertClose(tf.fit.beta, fit.beta, 1e-15, "beta");
  assert.deepEqual(tf.fill, [false, false, false, false, false, false]);
});

Deno.test("trimfill: filled studies are mirror images around the trimmed estimate and marked as filled", () => {
  // small studies only on the right: the method fills on the left
  const yi = [0.1, 0.12, 0.08, 0.5, 0.6, 0.7, 0.9];
  const vi = [0.005, 0.006, 0.005, 0.05, 0.08, 0.1, 0.15];
  const tf = trimfill(rma({ yi, vi, method: "FE" }));
  assert.equal(tf.side, "left");
  assert.ok(tf.k0 > 0);
  assert.equal(tf.fit.k, 7 + tf.k0);
  assert.equal(tf.fill.filter(Boolean).length, tf.k0);
  assert.ok(tf.fit.beta < rma({ yi, vi, method: "FE" }).beta, "filling on the left lowers the estimate");
  assert.match(tf.fit.slab[7], /^Filled 1$/);
});

Deno.test("regtest: an exactly symmetric funnel has slope 0 (z = 0, p = 1); errors for k < 3 and non-fits", () => {
  const yi = [0.3 - 0.4, 0.3 + 0.4, 0.3 - 0.2, 0.3 + 0.2];
  const vi = [0.2, 0.2, 0.05, 0.05];
  const r = regtest(rma({ yi, vi, method: "FE" }));
  assertClose(r.zval, 0, 0, "zval", 1e-12);
  assertClose(r.pval, 1, 1e-12, "pval");
  assertClose(r.est, 0.3, 1e-12, "limit estimate");
  assert.throws(() => regtest(rma({ yi: [0.1, 0.2], vi: [0.1, 0.1] })), /regtest: fit.k must be >= 3/);
  assert.throws(() => regtest({} as never), /regtest: fit must be a result of rma\(\)/);
  assert.throws(() => trimfill(rma({ yi: [0.1], vi: [0.1] })), /k = 1/);
});
