/**
 * Missing follow-up PROMs: the delta-adjusted (MNAR) sensitivity analysis reproduces the
 * complete-case benchmark at δ = 0, moves each centre by (its missing share - the registry's) × δ,
 * and shows flags changing with δ.
 */
import assert from "node:assert/strict";
import {
  benchmarkCentres,
  maskFollowUp,
  missingDataSensitivity,
  type RegistryRow,
  simulateRegistry,
} from "../../lib/practice/mod.ts";
import { assertAllClose, assertClose } from "../helpers.ts";

// 25 centres, two with a true 4-point shortfall; 30% missing follow-up on average, varying between
// centres, non-responders 3 times the odds of being missing.
const reg = simulateRegistry({ centreSD: 1.5, shortfall: -4, shortfallCentres: 2 }, 16);
const masked = maskFollowUp({ rows: reg.patients, share: 0.3, nonResponderOR: 3, seed: 17 });

Deno.test("delta = 0 is the complete-case benchmark (missing at random given centre and case mix)", () => {
  const s = missingDataSensitivity({ rows: masked, deltas: [0, -4] });
  const complete = masked.filter((r) => r.pdiPost !== null) as RegistryRow[];
  const b = benchmarkCentres({ rows: complete, curvePoints: 0, minCentreSize: 1 });
  assertAllClose(s.byDelta[0].diff, b.centres.map((c) => c.diff), 1e-9, "O - E at delta 0");
  assert.deepEqual(s.byDelta[0].flags, b.centres.map((c) => c.flag.label));
  // delta = -4: each centre moves by (m_c - M) * -4
  const M = s.missingShare;
  assertAllClose(
    s.byDelta[1].diff,
    s.centres.map((c, j) => s.byDelta[0].diff[j] + (c.missingShare - M) * -4),
    1e-12,
    "shift",
  );
  assertClose(M, masked.filter((r) => r.pdiPost === null).length / masked.length, 1e-15, "M");
});

Deno.test("flags change with the missing-data assumption (Gomes et al. 2016): the notebook's example", () => {
  // Observed with these seeds: delta 0: 3 flagged; -3, -6, -10: 2 flagged, C05 no longer flagged.
  const s = missingDataSensitivity({ rows: masked, deltas: [0, -3, -6, -10] });
  console.log(
    s.byDelta.map((d) => `delta ${d.delta}: ${d.nFlagged} flagged, changed ${d.changed.join(" ") || "none"}`).join(
      "\n",
    ),
  );
  assert.equal(s.byDelta[0].changed.length, 0);
  assert.ok(s.byDelta[1].changed.length > 0, "some flag changes at delta = -3");
  // centres differ in their missing shares (Beta around 0.3)
  const shares = s.centres.map((c) => c.missingShare);
  assert.ok(Math.max(...shares) - Math.min(...shares) > 0.2);
});

Deno.test("maskFollowUp: seeded; non-responders are more often missing when nonResponderOR > 1", () => {
  assert.deepEqual(masked, maskFollowUp({ rows: reg.patients, share: 0.3, nonResponderOR: 3, seed: 17 }));
  const improved = (r: RegistryRow) => r.pdiPre - r.pdiPost >= 8.5;
  const miss = (want: boolean) => {
    const idx = reg.patients.map((r, i) => (improved(r) === want ? i : -1)).filter((i) => i >= 0);
    return idx.filter((i) => masked[i].pdiPost === null).length / idx.length;
  };
  assert.ok(miss(false) > 1.5 * miss(true), `${miss(false)} vs ${miss(true)}`);
});
