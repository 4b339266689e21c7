import assert from "node:assert/strict";
import { poolProportions } from "../../lib/responders/pool.ts";
import { escalc } from "../../lib/effects/escalc.ts";
import { rma } from "../../lib/meta/rma.ts";
import { assertClose } from "../helpers.ts";

Deno.test("pooling with PLO equals ilogit of rma on escalc('PLO') (engine wired, not re-implemented)", () => {
  const xi = [75, 62, 89], ni = [137, 120, 149];
  const p = poolProportions({ xi, ni, measure: "PLO", method: "DL" });
  const es = escalc("PLO", { xi, ni });
  const fit = rma({ yi: es.yi, vi: es.vi, method: "DL" });
  const ilogit = (x: number) => 1 / (1 + Math.exp(-x));
  assertClose(p.pred, ilogit(fit.beta), 1e-12, "pred");
  assertClose(p.ci_lb, ilogit(fit.ci_lb), 1e-12, "ci_lb");
  // logit(75/137) by hand
  assertClose(es.yi[0], Math.log(75 / 62), 1e-12, "yi[0]");
  assertClose(es.vi[0], 1 / 75 + 1 / 62, 1e-12, "vi[0]");
});

Deno.test("pooling: identical cohorts give their common proportion with both transforms", () => {
  for (const measure of ["PLO", "PFT"] as const) {
    const p = poolProportions({ xi: [30, 30, 30], ni: [60, 60, 60], measure });
    assertClose(p.pred, 0.5, 1e-6, `${measure} pred`);
    assert.ok(p.ci_lb < 0.5 && p.ci_ub > 0.5);
    assertClose(p.tau2, 0, 1e-12, `${measure} tau2`, 1e-12);
  }
});

Deno.test("pooling validates its input", () => {
  assert.throws(
    () => poolProportions({ xi: [5, 3], ni: [4, 10] }),
    /poolProportions: xi\[0\] must be <= ni\[0\] \(4\), got 5/,
  );
  assert.throws(() => poolProportions({ xi: [5], ni: [10, 3] }), /ni must have 1 elements/);
});
