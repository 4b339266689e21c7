import assert from "node:assert/strict";
import {
  diagnoseSimulation,
  mainAnswer,
  mainCertaintyRows,
  parseDesign,
  parseSimulation,
  resolveModel,
  runBlock,
} from "../../lib/design/mod.ts";
import { ValidationError } from "../../lib/validate.ts";
import type { DesignInput, ModelInput } from "../../lib/design/mod.ts";

const pdi = (sd: number): ModelInput => ({ instrument: "pdi", prioritised: 3, effects: { imsr: { mean: 1.57, sd } } });

Deno.test("rt-ci: the randomisation-test CI covers a constant shift at the nominal rate (seeded, within 3 MCSE)", () => {
  // constant effect, no natural course and no artefacts: the shift model the test is inverted under
  const reps = 400;
  const sim = parseSimulation({
    design: {
      model: pdi(0),
      data: { type: "sced", design: "mbd", cases: 6, measurements: 20, minPhase: 4, ar: 0.3, randomizations: 199 },
      answers: ["rt-ci"],
    },
    reps,
    seed: 11,
  });
  const [row] = diagnoseSimulation(sim);
  const mcse = Math.sqrt(0.95 * 0.05 / reps);
  assert.ok(row.coverage !== null && Math.abs(row.coverage - 0.95) <= 3 * mcse, `coverage ${row.coverage}`);
  assert.ok(row.coverage_mcse !== null && Math.abs(row.coverage_mcse - mcse) < 0.01);
  assert.ok(row.mean_ci_width !== null && row.mean_ci_width > 0);
  assert.equal(row.estimand, "raw");
});

Deno.test("bc-smd: the design-comparable SMD's diagnosis is finite, against δ = mean effect / baseline score SD", () => {
  const design = {
    model: pdi(0),
    data: { type: "sced", design: "mbd", cases: 8, measurements: 30, ar: 0.3, randomizations: 199 },
    answers: ["bc-smd"],
  } satisfies DesignInput;
  const sim = parseSimulation({ design, reps: 60, seed: 5 });
  const [row] = diagnoseSimulation(sim);
  assert.equal(row.estimand, "std");
  // the true between-case SMD: 3 prioritised domains × 1.57 over √(τ² + σ²) = the model's score SD
  const rm = resolveModel(parseDesign(design).model);
  assert.ok(Math.abs(row.mean_estimand! - (3 * 1.57) / rm.scoreSd) < 1e-12);
  for (const k of ["bias", "bias_mcse", "coverage", "coverage_mcse", "power", "mean_ci_width"] as const) {
    assert.ok(Number.isFinite(row[k]), `${k} = ${row[k]}`);
  }
  assert.ok(Math.abs(row.bias!) < 0.1, `bias ${row.bias}`);
  assert.ok(row.coverage! > 0.8);
});

Deno.test("SCED answers: the same per-replication values however the replications are split", () => {
  const sim = parseSimulation({
    design: {
      model: pdi(1),
      data: { type: "sced", cases: 4, measurements: 16, minPhase: 3, randomizations: 99 },
      answers: ["randomization", "rt-ci", "bc-smd"],
    },
    reps: 6,
    seed: 3,
  });
  const whole = runBlock(sim.points[0], 3, 0, 6).values;
  const a = runBlock(sim.points[0], 3, 0, 2).values, b = runBlock(sim.points[0], 3, 2, 6).values;
  assert.deepEqual(Array.from(whole), [...a, ...b]);
});

Deno.test("SCED certainty: imprecision is judged on the rt-ci interval when the design runs it", () => {
  const d = parseDesign({ data: { type: "sced", randomizations: 199 }, answers: ["randomization", "rt-ci", "bc-smd"] });
  assert.equal(mainAnswer(d), "rt-ci");
  assert.equal(mainAnswer(parseDesign({ data: { type: "sced" } })), "randomization");
  const sim = parseSimulation({
    design: {
      model: pdi(1),
      data: { type: "sced", cases: 4, measurements: 16, minPhase: 3, randomizations: 99 },
      answers: ["randomization", "rt-ci"],
    },
    reps: 20,
    seed: 9,
  });
  const rows = diagnoseSimulation(sim);
  const [main] = mainCertaintyRows(sim, rows);
  assert.equal(main.answer, "rt-ci");
  assert.equal(main.certainty.imprecision.numbers.mean_ci_width, rows.find((r) => r.answer === "rt-ci")!.mean_ci_width);
  assert.notEqual(main.certainty.imprecision.rating, "not applicable");
});

Deno.test("SCED answers: designs that cannot give the interval or the fit are refused up front", () => {
  const bad: [unknown, RegExp][] = [
    [{ data: { type: "sced", randomizations: 19 }, answers: ["rt-ci"] }, /data\.randomizations.*>= 40.*rt-ci/],
    [
      { data: { type: "sced", design: "ab", cases: 1, measurements: 12, minPhase: 3 }, answers: ["rt-ci"] },
      /data\.measurements.*7 possible assignments/,
    ],
    [{ data: { type: "sced", cases: 1 }, answers: ["bc-smd"] }, /data\.cases.*>= 2 for the bc-smd/],
    [{ data: { type: "rct" }, answers: ["rt-ci"] }, /answers\[0\].*for a rct design/],
  ];
  for (const [input, re] of bad) {
    assert.throws(() => parseDesign(input), (e: unknown) => e instanceof ValidationError && re.test(e.message));
  }
});
