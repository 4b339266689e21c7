// Every interval the responders engine returns has the one shape of lib/conventions.ts
// (estimate, ci_lb, ci_ub, level in percent), whether the level was given as 95 or 0.95.
import assert from "node:assert/strict";
import { INTERVAL_FIELDS } from "../../lib/conventions.ts";
import {
  compareReportedRates,
  nnt,
  oddsRatio,
  poolProportions,
  propCI,
  riskDifference,
  riskRatio,
} from "../../lib/responders/mod.ts";

function assertInterval(x: Record<string, unknown>, what: string, level = 95): void {
  for (const f of INTERVAL_FIELDS) assert.equal(typeof x[f], "number", `${what}.${f}`);
  for (const old of ["lower", "upper", "lo", "hi", "alpha"]) assert.ok(!(old in x), `${what} has ${old}`);
  assert.equal(x.level, level, `${what}.level`);
  assert.ok((x.ci_lb as number) <= (x.estimate as number) && (x.estimate as number) <= (x.ci_ub as number), what);
}

Deno.test("every responders interval is estimate/ci_lb/ci_ub/level, level in percent", () => {
  for (const level of [95, 0.95]) {
    assertInterval({ ...propCI(17, 20, { level }) }, "propCI");
    for (const method of ["wilson-cc", "clopper-pearson", "jeffreys", "wald"] as const) {
      assertInterval({ ...propCI(17, 20, { method, level }) }, `propCI ${method}`);
    }
    assertInterval({ ...riskDifference(56, 70, 48, 80, { level }) }, "riskDifference");
    assertInterval({ ...riskRatio(56, 70, 48, 80, { level }) }, "riskRatio");
    assertInterval({ ...oddsRatio(56, 70, 48, 80, { level }) }, "oddsRatio");
    const c = compareReportedRates({ label: "a", pct: 51, n: 42 }, { label: "b", pct: 58, n: 43 }, { level });
    assertInterval({ ...c.difference }, "compareReportedRates.difference");
    assertInterval({ ...c.groups[0].ci }, "compareReportedRates.groups[0].ci");
    assert.equal(nnt({ ...c.difference }).level, 95);
  }
  assertInterval({ ...propCI(17, 20, { level: 90 }) }, "propCI 90", 90);
  const pooled = poolProportions({ xi: [10, 20, 30], ni: [50, 60, 70], level: 0.9 });
  assert.equal(pooled.level, 90);
  assert.ok(pooled.ci_lb < pooled.pred && pooled.pred < pooled.ci_ub);
  assert.match(nnt({ estimate: 0.2, ci_lb: 0.05, ci_ub: 0.33, level: 0.9 }).text, /\(90% CI/);
});
