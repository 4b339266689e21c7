/** subgroup(): the separate-tau2 Q-between by hand, per-level estimates, errors. */
import assert from "node:assert/strict";
import { assertClose } from "../helpers.ts";
import { subgroup } from "../../lib/meta/subgroup.ts";
import { rma } from "../../lib/meta/rma.ts";
import { pchisq } from "../../lib/stats/distributions.ts";

const yi = [0.1, 0.3, 0.2, 0.8, 0.9, 1.1];
const vi = [0.02, 0.03, 0.04, 0.02, 0.05, 0.03];
const group = ["low", "low", "low", "high", "high", "high"];

Deno.test("subgroup: separate fits equal rma per subgroup; Q-between computed from them", () => {
  const sg = subgroup({ yi, vi, group, method: "DL" });
  assert.deepEqual(sg.levels, ["high", "low"]);
  assert.deepEqual(sg.k, [3, 3]);
  const hi = rma({ yi: yi.slice(3), vi: vi.slice(3), method: "DL" });
  const lo = rma({ yi: yi.slice(0, 3), vi: vi.slice(0, 3), method: "DL" });
  assertClose(sg.separate.fits[0].beta, hi.beta, 1e-14, "high");
  assertClose(sg.separate.fits[1].beta, lo.beta, 1e-14, "low");
  const w = [1 / hi.se ** 2, 1 / lo.se ** 2];
  const mu = (w[0] * hi.beta + w[1] * lo.beta) / (w[0] + w[1]);
  const Qb = w[0] * (hi.beta - mu) ** 2 + w[1] * (lo.beta - mu) ** 2;
  assertClose(sg.separate.Qbetween, Qb, 1e-12, "Q-between");
  assertClose(sg.separate.pval, pchisq(Qb, 1, { lower: false }), 1e-12, "p");
  // common tau2: per-level estimates = intercept + contrast
  assertClose(sg.common.estimate[1], sg.common.beta[0] + sg.common.beta[1], 1e-10, "low = intercept + contrast");
  assertClose(sg.common.QM, (sg.common.beta[1] / sg.common.se[1]) ** 2, 1e-10, "QM = z^2 with 2 levels");
});

Deno.test("subgroup: errors", () => {
  assert.throws(() => subgroup({ yi, vi, group: group.slice(1) }), /subgroup: group must have 6 elements/);
  assert.throws(() => subgroup({ yi, vi, group: new Array(6).fill("a") }), /at least 2 different levels/);
  assert.throws(() => subgroup({ yi, vi, group: ["a", "", "a", "b", "b", "b"] }), /subgroup: row 2, group is empty/);
});
