import assert from "node:assert/strict";
import { alphaOf, interval, normalizeLevel, ValidationError } from "../lib/conventions.ts";
import { failAt } from "../lib/validate.ts";
import { levelSchema, seedSchema } from "../lib/_schemas.ts";
import { fmt, fmtCI, fmtLevel, fmtMcse, fmtP, fmtPct, fmtPEq, fmtRate, fmtSig } from "../lib/format.ts";

Deno.test("level: a proportion is read as a percentage (as metafor does); 0, 100, NaN are errors", () => {
  assert.equal(normalizeLevel(0.95), 95);
  assert.equal(normalizeLevel(95), 95);
  assert.equal(normalizeLevel(99.8), 99.8);
  assert.ok(Math.abs(normalizeLevel(0.998) - 99.8) < 1e-12);
  assert.ok(Math.abs(alphaOf(0.9) - 0.1) < 1e-15);
  for (const bad of [0, 100, -5, 1000, NaN, Infinity]) {
    assert.throws(
      () => normalizeLevel(bad, "rma"),
      (e: unknown) => e instanceof ValidationError && /^rma: level must/.test(e.message),
    );
  }
  assert.equal(levelSchema.parse(0.9), 90);
  assert.equal(levelSchema.parse(90), 90);
  assert.equal(levelSchema.safeParse(100).success, false);
  assert.equal(seedSchema.safeParse(undefined).success, false);
  assert.equal(seedSchema.safeParse(1.5).success, false);
});

Deno.test("interval: one shape, finite bounds only", () => {
  assert.deepEqual(interval(1, 0.5, 1.5, 0.95), { estimate: 1, ci_lb: 0.5, ci_ub: 1.5, level: 95 });
  assert.throws(() => interval(1, -Infinity, 2, 95, "x"), /x: ci_lb is not a finite number/);
});

Deno.test("format: missing values, p-values, intervals, rates over nothing", () => {
  assert.equal(fmt(null), "–");
  assert.equal(fmt(Infinity), "–");
  assert.equal(fmt(-0.00001, 3), "0.000");
  assert.equal(fmtP(0.00001), "< 0.0001");
  assert.equal(fmtP(0.0123), "0.0123");
  assert.equal(fmtPEq(0.00001), "p < 0.0001");
  assert.equal(fmtPEq(0.5), "p = 0.5000");
  assert.equal(fmtCI(0.1, null, 2), "[0.10, –]");
  assert.equal(fmtPct(0.1234), "12.3%");
  assert.equal(fmtRate(0, 0), "not available (n = 0)");
  assert.equal(fmtRate(0.25, 4), "25.0% (n = 4)");
  assert.equal(fmtMcse(0.81234, 0.0121), "0.812 ± 0.012");
  assert.equal(fmtLevel(0.95), "95% CI");
  assert.equal(fmtLevel(99.8, "limits"), "99.8% limits");
  assert.equal(fmtSig(0.00000514), "5.14e-6");
  assert.equal(fmtSig(1234.5), "1230");
});

Deno.test("failAt names the tool, the 1-based row, the field and the rule", () => {
  assert.throws(() => failAt("meta", 4, "column sd1i", "must be > 0", -2), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.message, "meta: row 4, column sd1i must be > 0, got -2");
    assert.equal(e.issues[0].row, 4);
    assert.equal(e.tool, "meta");
    return true;
  });
});
