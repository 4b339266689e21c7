/** uniroot(): R's zeroin. Reference: R 4.x `uniroot(function(x) x^2 - 2, c(0, 2))$root` = 1.414214 (tol 1.22e-4). */
import assert from "node:assert/strict";
import { assertClose } from "../helpers.ts";
import { uniroot } from "../../lib/stats/_uniroot.ts";

Deno.test("uniroot: finds roots within R's tolerance, exact end points, sign errors", () => {
  const r = uniroot((x) => x * x - 2, 0, 2);
  assertClose(r.root, Math.SQRT2, 1e-4, "sqrt 2");
  assert.ok(r.converged);
  assertClose(uniroot((x) => Math.cos(x) - x, 0, 1, { tol: 1e-12 }).root, 0.7390851332151607, 1e-11, "Dottie number");
  assert.equal(uniroot((x) => x - 1, 1, 3).root, 1);
  assert.throws(() => uniroot((x) => x * x + 1, -1, 1), /not of opposite sign/);
});
