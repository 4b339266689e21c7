/**
 * The one τ² estimator (lib/meta/_tau2.ts): its closed-form X = 1 path equals the general
 * design-matrix algebra run on a column of ones, for every estimator, and a two-column design
 * gives what rmaMods reports. This is what lets rma and rmaMods share one estimator.
 */
import { assertClose } from "../helpers.ts";
import { type Design, designOf, estimateTau2, interceptDesign } from "../../lib/meta/_tau2.ts";
import { rmaMods, TAU2_METHODS } from "../../lib/meta/mod.ts";

const yi = [0.51, 0.92, 1.83, 1.41, 0.12, 0.77, -0.2, 1.1];
const vi = [0.06, 0.03, 0.23, 0.12, 0.08, 0.05, 0.11, 0.2];

Deno.test("tau2: the X = 1 closed forms equal the general algebra on a column of ones", () => {
  const general: Design = { k: yi.length, p: 1, x: new Float64Array(yi.length).fill(1), ones: false };
  for (const method of TAU2_METHODS) {
    const a = estimateTau2(interceptDesign(yi.length), yi, vi, method);
    const b = estimateTau2(general, yi, vi, method);
    assertClose(a.tau2, b.tau2, 1e-12, `${method} tau2`, 1e-15);
    if (a.se_tau2 !== null) assertClose(a.se_tau2, b.se_tau2!, 1e-12, `${method} se_tau2`, 1e-15);
  }
});

Deno.test("tau2: with a moderator the estimator gives rmaMods' tau2 and se_tau2", () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8];
  const d = designOf(x.map((v) => [1, v]));
  for (const method of TAU2_METHODS) {
    const t = estimateTau2(d, yi, vi, method, "rmaMods");
    const fit = rmaMods({ yi, vi, mods: { x }, method });
    assertClose(t.tau2, fit.tau2, 1e-14, `${method} tau2`, 1e-15);
  }
});
