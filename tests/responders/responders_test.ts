import assert from "node:assert/strict";
import fc from "fast-check";
import {
  classifyResponders,
  expectedResponderRate,
  impliedMcid,
  rateFromSmc,
} from "../../lib/responders/responders.ts";
import { pnorm } from "../../lib/stats/distributions.ts";
import { assertClose } from "../helpers.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

Deno.test("classifyResponders: absolute and percent MCIDs with explicit direction", () => {
  // PDI (lower is better), MCID 8.5 points: 40 -> 28 improves 12 (responder), 30 -> 29 improves 1
  const a = classifyResponders({
    baseline: [40, 30, 50],
    followup: [28, 29, 41.5],
    mcid: 8.5,
    improvement: "decrease",
  });
  assert.deepEqual(a.responder, [true, false, true]); // 50 -> 41.5 is exactly 8.5: counts
  assert.equal(a.x, 2);
  // 30% of baseline on NRS (Farrar 2001): 8 -> 5 is 37.5% (yes), 6 -> 5 is 16.7% (no)
  const b = classifyResponders({
    baseline: [8, 6],
    followup: [5, 5],
    mcid: 30,
    mcidType: "percent",
    improvement: "decrease",
  });
  assert.deepEqual(b.responder, [true, false]);
  // COPM (higher is better), MCID 2
  const c = classifyResponders({ baseline: [4, 4], followup: [6, 5.9], mcid: 2, improvement: "increase" });
  assert.deepEqual(c.responder, [true, false]);
  assert.throws(
    () => classifyResponders({ baseline: [1, 2], followup: [1], mcid: 1, improvement: "increase" }),
    /followup must have 2 elements \(like baseline\), got 1/,
  );
  assert.throws(
    () => classifyResponders({ baseline: [0], followup: [1], mcid: 30, mcidType: "percent", improvement: "increase" }),
    /baseline\[0\] must not be 0/,
  );
});

Deno.test("expectedResponderRate: Furukawa's normal approximation", () => {
  // mean improvement 10, SD 12, MCID 8.5: Phi((10 - 8.5)/12) = Phi(0.125)
  const r = expectedResponderRate({ meanChange: -10, sdChange: 12, mcid: 8.5, improvement: "decrease" });
  assertClose(r.rate, pnorm(0.125), 1e-14, "rate");
  // from pre/post SDs: sqrt(2^2 + 2^2 - 2*0.5*2*2) = 2; mean = MCID -> 0.5
  const s = expectedResponderRate({ meanChange: 2, sdPre: 2, sdPost: 2, r: 0.5, mcid: 2, improvement: "increase" });
  assertClose(s.sdChange, 2, 1e-14, "sdChange");
  assertClose(s.rate, 0.5, 1e-14, "rate at mean = MCID");
  assert.throws(
    () => expectedResponderRate({ meanChange: 1, mcid: 1, improvement: "increase" }),
    /sdChange is required, or else sdPre, sdPost and r all are/,
  );
});

Deno.test("impliedMcid inverts expectedResponderRate (property)", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0.5, max: 30, noNaN: true }),
      fc.double({ min: 1, max: 20, noNaN: true }),
      fc.double({ min: 0.5, max: 15, noNaN: true }),
      (mean, sd, mcid) => {
        const rate = expectedResponderRate({ meanChange: mean, sdChange: sd, mcid, improvement: "increase" }).rate;
        if (rate < 1e-6 || rate > 1 - 1e-6) return true;
        return Math.abs(impliedMcid({ rate, meanImprovement: mean, sdChange: sd }) - mcid) < 1e-6 * Math.max(1, mcid);
      },
    ),
    { numRuns: 200 },
  );
});

Deno.test("rateFromSmc: standardised version, and more responders with larger effects", () => {
  assertClose(rateFromSmc({ d: 1, mcidSd: 0.5, sdChangeSd: 1 }), pnorm(0.5), 1e-14);
  assertClose(rateFromSmc({ d: -1.01, mcidSd: 0, sdChangeSd: 1 }), pnorm(1.01), 1e-14);
  assert.ok(rateFromSmc({ d: 1.2, mcidSd: 0.5, sdChangeSd: 1 }) > rateFromSmc({ d: 0.8, mcidSd: 0.5, sdChangeSd: 1 }));
});
