/**
 * The centre table and the one flag rule: the outermost control limit crossed decides the flag;
 * the table carries the benchmark's numbers unchanged; the indication and truth columns line up by
 * centre; and the diagnosis's variance removed is a ratio of variances (not a mean of ratios).
 */
import assert from "node:assert/strict";
import {
  benchmarkCentres,
  centreTable,
  diagnoseBenchmark,
  funnelFlag,
  indicationFunnel,
  simulateRegistry,
} from "../../lib/practice/mod.ts";
import { deriveSeed } from "../../lib/stats/random.ts";
import { assertClose } from "../helpers.ts";

Deno.test("funnelFlag: the outermost level crossed, in the direction crossed, whatever the order of levels", () => {
  assert.deepEqual(funnelFlag([0, 0], [95, 99.8]), { direction: null, level: null, label: "" });
  assert.deepEqual(funnelFlag([-1, 0], [95, 99.8]), { direction: "low", level: 95, label: "low (95%)" });
  assert.deepEqual(funnelFlag([1, 1], [95, 99.8]), { direction: "high", level: 99.8, label: "high (99.8%)" });
  assert.deepEqual(funnelFlag([-1, -1], [99.8, 95]), { direction: "low", level: 99.8, label: "low (99.8%)" });
  // proportions are read as percentages
  assert.equal(funnelFlag([0, 1], [0.95, 0.998]).label, "high (99.8%)");
});

const reg = simulateRegistry({ shortfall: -8, shortfallCentres: 1, broadCentres: 2, broadShare: 0.7 }, 21);
const b = benchmarkCentres({ rows: reg.patients, curvePoints: 0 });
const ind = indicationFunnel({ rows: reg.patients, curvePoints: 0 });

Deno.test("centreTable carries the benchmark's numbers and flags each centre by the one rule", () => {
  const t = centreTable(b, { indication: ind, truth: reg.centres });
  assert.equal(t.length, b.centres.length);
  t.forEach((r, j) => {
    const c = b.centres[j];
    assert.equal(r.centre, c.centre);
    assert.equal(r.diff, c.diff);
    assert.equal(r.z, c.zAdj);
    assert.deepEqual(r.shrunk, c.shrunk);
    const outer = c.flags[1] !== 0 ? 99.8 : c.flags[0] !== 0 ? 95 : null;
    assert.equal(r.flagLevel, outer, c.centre);
    if (outer !== null) assert.equal(r.flagDirection, c.flags[outer === 99.8 ? 1 : 0] < 0 ? "low" : "high");
    const truth = reg.centres.find((x) => x.centre === r.centre);
    assert.equal(r.trueEffect, truth?.effect);
    const indRow = ind.rows.find((x) => x.id === r.centre);
    assert.equal(r.indication, funnelFlag(indRow?.flags ?? [], ind.levels).label);
  });
  // C01 (8-point shortfall) is flagged low; the over-broad C24 and C25 are flagged high on indication.
  assert.equal(t[0].flagDirection, "low");
  assert.match(t[23].indication as string, /^high/);
  assert.match(t[24].indication as string, /^high/);
  // without options: no indication or truth columns (null, not empty strings or zeros)
  const plain = centreTable(b);
  assert.equal(plain[0].indication, null);
  assert.equal(plain[0].trueEffect, null);
});

Deno.test("centreTable sort 'flag': outermost flags first, then by z", () => {
  const t = centreTable(b, { sort: "flag" });
  const key = (r: (typeof t)[number]) => r.flagLevel ?? 0;
  for (let i = 1; i < t.length; i++) {
    assert.ok(key(t[i - 1]) > key(t[i]) || (key(t[i - 1]) === key(t[i]) && t[i - 1].z <= t[i].z), `row ${i}`);
  }
  assert.deepEqual(t.map((r) => r.centre).sort(), b.centres.map((c) => c.centre));
});

Deno.test("diagnosis: variance removed is 1 - mean tau2 adjusted / mean tau2 raw (a ratio of variances)", () => {
  const params = { centres: 8, centreSD: 0.5 };
  const d = diagnoseBenchmark({ params, reps: 4, seed: 11 });
  let raw = 0, adj = 0;
  for (let r = 0; r < 4; r++) {
    const x = benchmarkCentres({ rows: simulateRegistry(params, deriveSeed(11, r)).patients, curvePoints: 0 });
    raw += x.variance.tau2Raw;
    adj += x.variance.tau2Adjusted;
  }
  assert.ok(raw > 0);
  assertClose(d.varianceRemoved as number, 1 - adj / raw, 1e-12, "ratio of variances");
  assertClose(d.tau2Raw, raw / 4, 1e-12, "mean raw");
  assert.ok((d.varianceRemoved as number) <= 1);
});
