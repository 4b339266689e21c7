/**
 * Every case of ../shared/fixtures/sced/cases.json (SCRT 1.3.1, SCMA 1.3.1, scan 0.68.0, R 4.2.2):
 * assignment counts and exact p-values to 1e-12, SCMA combinations to 1e-7.
 */
import assert from "node:assert/strict";
import { assertClose, readFixture } from "../helpers.ts";
import { randomizationTest } from "../../lib/sced/test.ts";
import { countAssignments, type ScedDesign, startsFromLimit } from "../../lib/sced/designs.ts";
import { combinePValues } from "../../lib/sced/combine.ts";

// deno-lint-ignore no-explicit-any
const fixture = readFixture<{ cases: any[] }>("sced/cases.json");
const byId = (id: string) => fixture.cases.find((c) => c.id === id);

function phaseCase(id: string) {
  const c = byId(id);
  const phases = c.design.split("");
  const design: ScedDesign = { type: "phase", phases, n: c.values.length, limit: c.limit };
  return { c, design };
}

for (const id of ["scda-ab-limit1", "ab30-step", "ab30-trend"]) {
  Deno.test(`fixture ${id}: count and exact p (SCRT pvalue.systematic)`, () => {
    const { c, design } = phaseCase(id);
    assert.equal(countAssignments(design), c.assignments);
    const r = randomizationTest({ design, values: c.values, labels: c.phases, statistic: c.statistic });
    assert.equal(r.assignments, c.assignments);
    assertClose(r.pval, c.p_exact, 1e-12, `${id} p`);
    if (c.observed !== undefined) assertClose(r.observed, c.observed, 1e-12, `${id} observed`);
    for (const other of c.other_statistics ?? []) {
      const r2 = randomizationTest({ design, values: c.values, labels: c.phases, statistic: other.statistic });
      assertClose(r2.pval, other.p_exact, 1e-12, `${id} ${other.statistic} p`);
    }
  });
}

Deno.test("fixture scrt-abab-onghena1992: 165 assignments, PA-PB, A-B, |A-B|", () => {
  const { c, design } = phaseCase("scrt-abab-onghena1992");
  assert.equal(countAssignments(design), 165);
  for (const res of c.results) {
    const r = randomizationTest({ design, values: c.values, labels: c.phases, statistic: res.statistic });
    assert.equal(r.assignments, c.assignments);
    assertClose(r.pval, res.p_exact, 1e-12, `ABAB ${res.statistic} p`);
    if (res.observed !== undefined) assertClose(r.observed, res.observed, 1e-12, `ABAB ${res.statistic} observed`);
  }
});

Deno.test("fixture scan-exampleAB-mb: Marascuilo–Busk, 1331 assignments, B-A", () => {
  const c = byId("scan-exampleAB-mb");
  // deno-lint-ignore no-explicit-any
  const cases = c.cases.map((k: any) => ({ name: k.name, values: k.values, start: k.b_start }));
  const design: ScedDesign = {
    type: "MBD",
    scheme: "marascuilo-busk",
    n: 20,
    // deno-lint-ignore no-explicit-any
    starts: c.cases.map((k: any) => startsFromLimit(k.values.length, c.limit)),
  };
  assert.equal(countAssignments(design), c.assignments);
  const r = randomizationTest({ design, cases, statistic: "B-A" });
  assert.equal(r.assignments, 1331);
  assertClose(r.observed, c.observed, 1e-12, "observed");
  assertClose(r.pval, c.p_exact, 1e-12, "p");
});

Deno.test("fixture scma-combine: Edgington additive and Fisher multiplicative to 1e-7", () => {
  const c = byId("scma-combine");
  assertClose(combinePValues(c.p_values, "edgington").pval, c.additive_edgington, 1e-7, "edgington");
  assertClose(combinePValues(c.p_values, "fisher").pval, c.multiplicative_fisher, 1e-7, "fisher");
});
