import assert from "node:assert/strict";
import {
  diagnoseSimulation,
  findRow,
  gradeContext,
  gradeHeuristic,
  gradeReport,
  meanEstimateMcse,
  parseSimulation,
} from "../../lib/design/mod.ts";

const sim = parseSimulation({
  designs: [
    { name: "RCT · pdi", data: { type: "rct", n: 60 }, answers: ["dim", "ancova"] },
    { name: "Cohort · pdi", data: { type: "cohort", n: 60 }, answers: ["change-t", "smc"] },
  ],
  grid: { "data.n": [40, 80] },
  reps: 50,
  seed: 8,
});
const rows = diagnoseSimulation(sim);

Deno.test("report: findRow picks by design prefix and answer; meanEstimateMcse is sd / sqrt(replications with an estimate)", () => {
  const r = findRow(rows, "Cohort", "smc")!;
  assert.equal(r.design, "Cohort · pdi");
  assert.equal(r.answer, "smc");
  assert.equal(findRow(rows, "Cohort", "dim"), undefined);
  assert.equal(meanEstimateMcse(r), r.sd_estimate! / Math.sqrt(r.reps - r.failed));
  assert.equal(meanEstimateMcse({ ...r, sd_estimate: null }), null);
  assert.equal(meanEstimateMcse({ ...r, sd_estimate: 2, reps: 400, failed: 0 }), 0.1);
});

Deno.test("report: gradeReport judges each row with the context of its own grid point", () => {
  const chosen = rows.filter((r) => r.answer === "ancova" || r.answer === "change-t");
  const report = gradeReport(sim, chosen);
  assert.equal(report.length, 4);
  chosen.forEach((r, i) => {
    const items = gradeHeuristic(r, gradeContext(sim.points[r.grid_index].design, r.estimand));
    assert.deepEqual(report[i].items, items);
    assert.equal(report[i].design, r.design);
    assert.match(report[i].summary, /^Toolkit heuristic \(not GRADE itself\): risk of bias: /);
  });
  // n differs between grid points, so the imprecision reason does too
  assert.notEqual(report[0].items[1].reason, report[1].items[1].reason);
});
