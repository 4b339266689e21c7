import assert from "node:assert/strict";
import {
  benchmarkCentres,
  estimateCentreTau2,
  indicationFunnel,
  type RegistryRow,
  shrinkCentres,
  simulateRegistry,
} from "../../lib/practice/mod.ts";
import { rma } from "../../lib/meta/rma.ts";
import { assertAllClose, assertClose } from "../helpers.ts";

Deno.test("shrinkCentres by hand: theta = (tau2/(tau2+v)) y + (v/(tau2+v)) mu", () => {
  // tau2 = 2, mu = 1: y = -3, v = 1 -> (2/3)(-3) + (1/3)(1) = -5/3; y = 4, v = 4 -> (1/3)4 + (2/3)1 = 2.
  const s = shrinkCentres({ yi: [-3, 4, 1], vi: [1, 4, 2], tau2: 2, mu: 1 });
  assertAllClose(s.theta, [-5 / 3, 2, 1], 1e-14, "theta");
  // se = sqrt(tau2 v / (tau2 + v)): sqrt(2/3), sqrt(8/6), 1
  assertAllClose(s.se, [Math.sqrt(2 / 3), Math.sqrt(4 / 3), 1], 1e-14, "se");
  assertAllClose(shrinkCentres({ yi: [5], vi: [1], tau2: 0, mu: 0 }).theta, [0], 0, "tau2 = 0 pulls fully");
});

Deno.test("estimateCentreTau2 is metafor's REML through the meta engine", () => {
  const yi = [0.5, 1.0, 1.8, 1.4, 0.1];
  const vi = [0.06, 0.03, 0.23, 0.12, 0.08];
  const fit = rma({ yi, vi, method: "REML" });
  const t = estimateCentreTau2(yi, vi);
  assert.equal(t.method, "REML");
  assert.equal(t.tau2, fit.tau2);
  assert.equal(t.mu, fit.beta);
});

/** A hand-made registry: 3 centres x 8 patients; the same 8 covariate patterns in every centre. */
function tiny(changeShift: number[]): RegistryRow[] {
  const rows: RegistryRow[] = [];
  const pre = [30, 40, 50, 44, 36, 52, 28, 47];
  const years = [2, 5, 10, 7, 3, 12, 1, 6];
  ["A", "B", "C"].forEach((centre, j) => {
    pre.forEach((p, i) => {
      const change = 10 + 0.5 * (p - 40) + (i % 2 ? 1 : -1) + changeShift[j];
      rows.push({
        centre,
        wpn: i % 4 === 3 ? 4 : 3,
        painYears: years[i],
        work: i % 3 === 1 ? 1 : 0,
        pdiPre: p,
        pdiPost: p - change,
      });
    });
  });
  return rows;
}

Deno.test("benchmarkCentres: with identical case mix, O - E is the centre's mean change minus the overall mean", () => {
  // Each centre has the same 8 covariate rows, so the fitted values average to the overall mean change
  // within each centre (the centre shifts cancel in the OLS fit on covariates only): E_j = mean over all.
  const rows = tiny([2, 0, -2]);
  const b = benchmarkCentres({ rows, outcome: "pdi_change", minCentreSize: 8, od: "none" });
  const overall = rows.reduce((a, r) => a + r.pdiPre - r.pdiPost, 0) / rows.length;
  assertClose(b.overall, overall, 1e-12, "overall");
  assertAllClose(b.centres.map((c) => c.diff), [2, 0, -2], 1e-9, "O - E", 1e-9);
  assertAllClose(b.centres.map((c) => c.expected), [overall, overall, overall], 1e-9, "E");
  // se = sigma / sqrt(n) with sigma the residual SD of the case-mix model
  assertAllClose(b.centres.map((c) => c.se), [0, 1, 2].map(() => b.model.sigma / Math.sqrt(8)), 1e-12, "se");
  // O/E is for binary outcomes only: a ratio of mean changes means nothing (issue 15)
  assert.deepEqual(b.centres.map((c) => c.oe), [null, null, null]);
});

Deno.test("benchmarkCentres: O/E = observed / expected responders for the binary outcome", () => {
  const reg = simulateRegistry({ centres: 6 }, 4);
  const b = benchmarkCentres({ rows: reg.patients, outcome: "pdi_responder", curvePoints: 0 });
  for (const c of b.centres) assertClose(c.oe as number, c.observed / c.expected, 1e-12, c.centre);
});

Deno.test("benchmarkCentres on a simulated registry: flags agree with the limits, shrinkage pulls inwards", () => {
  const reg = simulateRegistry({ shortfall: -8, shortfallCentres: 1 }, 21);
  const b = benchmarkCentres({ rows: reg.patients, outcome: "pdi_change", od: "additive" });
  assert.equal(b.centres.length, 25);
  for (const c of b.centres) {
    const expected = c.diff < c.pi_lb[0] ? -1 : c.diff > c.pi_ub[0] ? 1 : 0;
    assert.equal(c.flags[0], expected, c.centre);
    assert.ok(c.pi_lb[1] <= c.pi_lb[0] && c.pi_ub[0] <= c.pi_ub[1]);
    // shrunken estimates lie between the estimate and the mean
    const lo = Math.min(c.diff, b.shrinkage.mu) - 1e-12;
    const hi = Math.max(c.diff, b.shrinkage.mu) + 1e-12;
    assert.ok(c.shrunk.estimate >= lo && c.shrunk.estimate <= hi, `${c.centre} shrunk`);
    assert.equal(c.shrunk.level, 95);
  }
  // The centre with an 8-point true shortfall (C01) is flagged low.
  assert.equal(b.centres[0].centre, "C01");
  assert.equal(b.centres[0].flags[0], -1);
  assert.equal(b.centres[0].flag.direction, "low");
  // Responders: expected responders sum to observed responders overall (logistic score equation for the intercept).
  const r = benchmarkCentres({ rows: reg.patients, outcome: "pdi_responder" });
  const O = r.centres.reduce((a, c) => a + c.observed, 0);
  const E = r.centres.reduce((a, c) => a + c.expected, 0);
  assertClose(E, O, 1e-8, "sum E = sum O");
  // Raw responder rates carry Wilson intervals from lib/responders (R: prop.test(x, n, correct = FALSE)).
  const c1 = r.centres[0];
  assert.ok(c1.rate !== null && c1.rate.ci_lb < c1.rate.estimate && c1.rate.estimate < c1.rate.ci_ub);
  assertClose(c1.rate.estimate, c1.observed / c1.n, 1e-12, "rate");
  assert.equal(b.centres[0].rate, null);
  const ps = benchmarkCentres({ rows: reg.patients, outcome: "psc_change" });
  assert.equal(ps.unit, "PSC points");
});

Deno.test("indicationFunnel flags over-broad centres high on the share of mild patients", () => {
  const reg = simulateRegistry({ broadCentres: 2, broadShare: 0.7, indicationBreadth: 0.05, years: 3 }, 4);
  const f = indicationFunnel({ rows: reg.patients, od: "none" });
  const flagged = f.rows.filter((r) => r.flags[1] === 1).map((r) => r.id);
  assert.ok(flagged.includes("C24") && flagged.includes("C25"), `flagged ${flagged}`);
});

Deno.test("benchmarkCentres: errors name the row and the field", () => {
  const rows = tiny([0, 0, 0]);
  rows[5] = { ...rows[5], pdiPost: 80 };
  assert.throws(() => benchmarkCentres({ rows, minCentreSize: 8 }), /rows\[5\]\.pdiPost must be <= 70, got 80/);
  assert.throws(
    () => benchmarkCentres({ rows: tiny([0, 0, 0]), outcome: "psc_change", minCentreSize: 8 }),
    /benchmarkCentres: row 1, psc_pre is required for outcome psc_change \(missing for \d+ of \d+ patients\)/,
  );
  assert.throws(
    () => benchmarkCentres({ rows: tiny([0, 0, 0]), minCentreSize: 9 }),
    /at least 3 centres with >= 9 patients/,
  );
});
