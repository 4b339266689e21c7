import assert from "node:assert/strict";
import { assertClose } from "../helpers.ts";
import {
  compareDesigns,
  diagnoseAnswer,
  type DiagnosisRow,
  gradeHeuristic,
  gradeSummary,
} from "../../lib/design/diagnose.ts";

Deno.test("diagnoseAnswer: diagnosands and Monte Carlo SEs computed by hand", () => {
  const estimate = [1, 3, -1, 2, NaN];
  const estimand = [1, 1, 1, 1, 1];
  const d = diagnoseAnswer({
    estimate,
    estimand,
    ci_lb: [0, 2.5, -2, 0.5, NaN],
    ci_ub: [2, 4, 0, 3, NaN],
    pval: [0.04, 0.001, 0.03, 0.2, null],
  }, 0.05);
  // errors: 0, 2, -2, 1 -> bias 0.25, mse (0 + 4 + 4 + 1) / 4 = 2.25, rmse 1.5
  assert.equal(d.reps, 5);
  assert.equal(d.failed, 1);
  assertClose(d.bias, 0.25, 1e-12, "bias");
  const sdE = Math.sqrt(((0 - 0.25) ** 2 + (2 - 0.25) ** 2 + (-2 - 0.25) ** 2 + (1 - 0.25) ** 2) / 3);
  assertClose(d.bias_mcse, sdE / 2, 1e-12, "bias MCSE");
  assertClose(d.rmse, 1.5, 1e-12, "rmse");
  const e2 = [0, 4, 4, 1], v = e2.reduce((a, b) => a + (b - 2.25) ** 2, 0) / 3;
  assertClose(d.rmse_mcse, Math.sqrt(v / 4) / (2 * 1.5), 1e-12, "rmse MCSE (delta method)");
  assertClose(d.power, 0.75, 1e-12, "power");
  assertClose(d.power_mcse, Math.sqrt(0.75 * 0.25 / 4), 1e-12, "power MCSE");
  assertClose(d.coverage, 0.5, 1e-12, "coverage: intervals 1 and 4 contain 1");
  assertClose(d.type_s, 1 / 3, 1e-12, "type S: 1 of 3 significant has the wrong sign");
  assertClose(d.mean_ci_width, (2 + 1.5 + 2 + 2.5) / 4, 1e-12, "mean CI width");
  assert.ok(d.warnings.some((w) => w.includes("1 of 5 replications gave no estimate")));
  assert.ok(d.warnings.some((w) => w.includes("only 5 replications")));
});

Deno.test("diagnoseAnswer: no test and no CI give null power, coverage and type S; a zero estimand gives null type S", () => {
  const d = diagnoseAnswer({
    estimate: [0.1, -0.1],
    estimand: [0, 0],
    ci_lb: [null, null],
    ci_ub: [null, null],
    pval: [null, null],
  }, 0.05);
  assert.equal(d.power, null);
  assert.equal(d.coverage, null);
  assert.equal(d.type_s, null);
  assert.equal(d.mean_ci_width, null);
  assertClose(d.rmse, 0.1, 1e-12);
});

const row = (over: Partial<DiagnosisRow>): DiagnosisRow => ({
  design: "a",
  grid_index: 0,
  answer: "dim",
  estimand: "raw",
  grid: {},
  reps: 1000,
  failed: 0,
  mean_estimand: 2,
  mean_estimate: 2,
  sd_estimate: 1,
  bias: 0,
  bias_mcse: 0.03,
  rmse: 1,
  rmse_mcse: 0.02,
  power: 0.8,
  power_mcse: 0.0126,
  coverage: 0.95,
  coverage_mcse: 0.0069,
  type_s: 0,
  type_s_mcse: 0,
  mean_ci_width: 1.5,
  warnings: [],
  ...over,
});

Deno.test("compareDesigns: b - a differences with MCSEs of independent simulations", () => {
  const [c] = compareDesigns([row({})], [
    row({ design: "b", power: 0.5, power_mcse: 0.0158, bias: 1.2, bias_mcse: 0.04 }),
  ]);
  assertClose(c.power_diff, -0.3, 1e-12);
  assertClose(c.power_diff_mcse, Math.sqrt(0.0126 ** 2 + 0.0158 ** 2), 1e-12);
  assertClose(c.bias_diff, 1.2, 1e-12);
  assertClose(c.bias_diff_mcse, 0.05, 1e-12);
});

Deno.test("gradeHeuristic: bias, CI width vs MCID and OIS, and PROM dilution map to GRADE domains, labelled as a heuristic", () => {
  const ok = gradeHeuristic(row({}), { mcid: 2, n: 200, ois: 100, dilution: 0.9 });
  assert.deepEqual(ok.map((i) => i.concern), ["no serious", "no serious", "no serious"]);
  const bad = gradeHeuristic(row({ bias: 1.5, mean_ci_width: 3 }), { mcid: 2, n: 50, ois: 100, dilution: 0.19 });
  assert.deepEqual(bad.map((i) => [i.domain, i.concern]), [
    ["risk of bias", "very serious"],
    ["imprecision", "very serious"],
    ["indirectness", "very serious"],
  ]);
  assert.match(bad[2].reason, /shows 19% of the standardised effect/);
  const text = gradeSummary(bad);
  assert.match(text, /^Toolkit heuristic \(not GRADE itself\): risk of bias: very serious concern/);
});
