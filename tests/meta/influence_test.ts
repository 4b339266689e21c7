/** leave1out(): each row equals a refit without that study. */
import assert from "node:assert/strict";
import { assertClose } from "../helpers.ts";
import { leave1out } from "../../lib/meta/influence.ts";
import { rma } from "../../lib/meta/rma.ts";

Deno.test("leave1out: row i is rma without study i (same method and test)", () => {
  const yi = [0.5, 1.0, 1.8, 1.4, 0.1], vi = [0.06, 0.03, 0.23, 0.12, 0.08];
  const l = leave1out(rma({ yi, vi, method: "PM", test: "knha", slab: ["a", "b", "c", "d", "e"] }));
  assert.deepEqual(l.slab, ["a", "b", "c", "d", "e"]);
  for (let i = 0; i < 5; i++) {
    const f = rma({ yi: yi.filter((_, j) => j !== i), vi: vi.filter((_, j) => j !== i), method: "PM", test: "knha" });
    assertClose(l.estimate[i], f.beta, 1e-15, `estimate[${i}]`);
    assertClose(l.ci_lb[i], f.ci_lb, 1e-15, `ci_lb[${i}]`);
    assertClose(l.tau2[i], f.tau2, 1e-15, `tau2[${i}]`, 1e-300);
  }
  assert.throws(() => leave1out(rma({ yi: [1], vi: [1] })), /k = 1/);
});
