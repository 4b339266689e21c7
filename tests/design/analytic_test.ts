import assert from "node:assert/strict";
import { assertClose } from "../helpers.ts";
import { optimalInformationSize, powerTTest, rtmShift } from "../../lib/design/analytic.ts";

Deno.test("powerTTest: noncentral t power as scipy.stats.nct (= R power.t.test)", () => {
  // scipy 1.17.1: nct.sf(c, df, ncp) + nct.cdf(-c, df, ncp), c = t.ppf(0.975, df), df = 2n - 2, ncp = d sqrt(n/2)
  assertClose(powerTTest({ n: 50, d: 0.2 }), 0.16767548649609354, 1e-9, "n 50, d 0.2");
  assertClose(powerTTest({ n: 2, d: 1 }), 0.09520175549788396, 1e-8, "n 2, d 1");
  assertClose(powerTTest({ n: 5, d: 1.5 }), 0.549385597762396, 1e-9, "n 5, d 1.5");
  assertClose(powerTTest({ n: 500, d: 0.3 }), 0.9972726950186009, 1e-9, "n 500, d 0.3");
  assertClose(powerTTest({ n: 30, d: 0 }), 0.05, 1e-9, "size under the null");
  assert.throws(() => powerTTest({ n: 1, d: 0.2 }), /powerTTest: n must be >= 2, got 1/);
});

Deno.test("rtmShift: (1 - r) (mu - E[X | selected]) with the truncated-normal mean (scipy.stats.norm)", () => {
  // 60 - 15 * pdf(-4/3) / cdf(-4/3) = 33.02797695794659; shift = 0.5 * (60 - 33.028) = 13.486011521026706
  assertClose(rtmShift({ mean: 60, sd: 15, cutoff: 40, reliability: 0.5, keep: "below" }), 13.486011521026706, 1e-12);
  assertClose(rtmShift({ mean: 60, sd: 15, cutoff: 80, reliability: 0.5, keep: "above" }), -13.486011521026706, 1e-12);
  assert.equal(rtmShift({ mean: 60, sd: 15, cutoff: 40, reliability: 1, keep: "below" }), 0);
});

Deno.test("optimalInformationSize: 4 (z_0.975 + z_0.8)^2 sd^2 / mcid^2", () => {
  const z = 1.959963984540054 + 0.8416212335729143;
  assertClose(optimalInformationSize({ sd: 10, mcid: 5 }), 4 * z * z * 4, 1e-12);
  assert.throws(() => optimalInformationSize({ sd: 10, mcid: 0 }), /mcid must be > 0, got 0/);
});
