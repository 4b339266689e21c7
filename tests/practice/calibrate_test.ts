/**
 * The calibration table of the funnel plot's overdispersion methods (issue 15): false-flag rates at
 * 95% and 99.8% for true centre SD 0, 1.5 and 3, 25 centres of 30-150 patients, seeded. The
 * engine's default tau2 estimator must be the method closest to nominal, with rates within 1.5
 * percentage points of 5% (true SD > 0) and below 0.5% at 99.8%.
 */
import assert from "node:assert/strict";
import { calibrateOverdispersion, funnel } from "../../lib/practice/mod.ts";
import { DEFAULT_TAU2 } from "../../lib/practice/_schemas.ts";
import { repoPath } from "../helpers.ts";

const DEFAULT_METHOD = `additive-${DEFAULT_TAU2}`;
const c = calibrateOverdispersion({ reps: 200, seed: 15 });
const rate = (method: string, sd: number, level: number) => {
  const r = c.rows.find((x) => x.method === method && x.centreSD === sd && x.level === level);
  assert.ok(r && r.rate !== null && r.mcse !== null, `${method} ${sd} ${level}`);
  return r;
};

Deno.test("calibration table: 7 methods x 3 true SDs x 2 levels, each over 200 registries x 25 centres, with MCSE", () => {
  assert.equal(c.rows.length, 7 * 3 * 2);
  assert.equal(c.bySize.length, 7 * 3 * 2 * 3);
  for (const r of c.rows) {
    assert.equal(r.n, 5000);
    assert.ok(Math.abs((r.mcse as number) - Math.sqrt((r.rate as number) * (1 - (r.rate as number)) / 5000)) < 1e-15);
  }
  // the thirds of the size range partition the centres
  for (const sd of [0, 1.5, 3]) {
    const n = c.bySize.filter((r) => r.method === "none" && r.centreSD === sd && r.level === 95).reduce(
      (a, r) => a + r.n,
      0,
    );
    assert.equal(n, 5000);
  }
  console.table(c.rows.map((r) => ({
    method: r.method,
    sd: r.centreSD,
    level: r.level,
    "rate %": (100 * (r.rate as number)).toFixed(2),
    "mcse %": (100 * (r.mcse as number)).toFixed(2),
  })));
});

Deno.test("the default (additive, DL tau2) is calibrated: 95% within 1.5 points of 5% for true SD > 0, 99.8% below 0.5%", () => {
  for (const sd of [1.5, 3]) {
    const r = rate(DEFAULT_METHOD, sd, 95).rate as number;
    assert.ok(Math.abs(r - 0.05) <= 0.015, `true SD ${sd}: ${r}`);
  }
  for (const sd of [0, 1.5, 3]) {
    const r = rate(DEFAULT_METHOD, sd, 99.8).rate as number;
    assert.ok(r < 0.005, `99.8%, true SD ${sd}: ${r}`);
  }
  // True SD 0: every adjustment can only widen the limits, so no adjusted method flags more often than
  // no adjustment (which itself flags about 4.5%: the target is estimated from the same centres); the
  // default is about 1.7 points below 5% there (conservative; said in the notebook).
  const none0 = rate("none", 0, 95).rate as number;
  const def0 = rate(DEFAULT_METHOD, 0, 95).rate as number;
  assert.ok(def0 <= none0 && def0 > 0.05 - 0.025, `true SD 0: default ${def0}, none ${none0}`);
});

Deno.test("winsorised z-scores underestimate tau2: the FunnelPlotR default flags about twice too often (issue 15's table)", () => {
  for (const sd of [1.5, 3]) {
    const w = rate("additive-spiegelhalter-winsorised", sd, 95).rate as number;
    const w998 = rate("additive-spiegelhalter-winsorised", sd, 99.8).rate as number;
    assert.ok(w > 0.075, `winsorised, SD ${sd}: ${w}`);
    assert.ok(w998 > 0.006, `winsorised 99.8%, SD ${sd}: ${w998}`);
    const none = rate("none", sd, 95).rate as number;
    assert.ok(none > 0.15, `no adjustment, SD ${sd}: ${none}`);
  }
});

Deno.test("the multiplicative phi is right on average but not by centre size: large centres are flagged more often", () => {
  const band = (method: string, size: string) =>
    c.bySize.find((r) => r.method === method && r.centreSD === 3 && r.level === 95 && r.size === size)?.rate as number;
  assert.ok(band("multiplicative", "111-150") > 2 * band("multiplicative", "30-70"));
  assert.ok(band(DEFAULT_METHOD, "111-150") < 1.6 * band(DEFAULT_METHOD, "30-70"));
});

Deno.test("the default is the closest method in this table (within Monte Carlo noise) and in the committed 2000-rep table", () => {
  const best = c.distance[0].distance;
  const mine = c.distance.find((d) => d.method === DEFAULT_METHOD)?.distance as number;
  assert.ok(mine <= best + 0.05, `${DEFAULT_METHOD}: ${mine} vs closest ${c.closest}: ${best}`);
  const committed = JSON.parse(Deno.readTextFileSync(repoPath("data/registry/calibration.json")));
  assert.equal(committed.closest, DEFAULT_METHOD);
  assert.equal(committed.reps, 2000);
  assert.equal(committed.seed, 2026);
  assert.equal(committed.rows.length, 42);
});

Deno.test("same seed, same table; tau2 methods DL and the unwinsorised Spiegelhalter agree for O - E centred at 0", () => {
  const a = calibrateOverdispersion({ reps: 3, seed: 9, centreSDs: [2] });
  const b = calibrateOverdispersion({ reps: 3, seed: 9, centreSDs: [2] });
  assert.deepEqual(a, b);
  const units = [3, -2, 0.5, 4, -5, 1].map((y, i) => ({ id: `C${i}`, O: y, E: 0, se: 1 + i / 5, n: 50 }));
  const w = units.map((u) => 1 / u.se ** 2);
  const mu = units.reduce((s, u, i) => s + w[i] * u.O, 0) / w.reduce((s, v) => s + v, 0);
  const centred = units.map((u) => ({ ...u, O: u.O - mu }));
  const dl = funnel({ type: "mean", units: centred, od: "additive", tau2Method: "DL", curvePoints: 0 });
  const sp = funnel({ type: "mean", units: centred, od: "additive", tau2Method: "spiegelhalter", curvePoints: 0 });
  assert.ok(dl.tau2 > 0 && Math.abs(dl.tau2 - sp.tau2) < 1e-12, `${dl.tau2} ${sp.tau2}`);
  assert.equal(dl.tau2Method, "DL");
});
