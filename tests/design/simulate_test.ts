import assert from "node:assert/strict";
import { diagnoseSimulation, parseSimulation, planBlocks, runBlock } from "../../lib/design/simulate.ts";
import { createPool, diagnoseBlocks, diagnoseParallel, runBlocks } from "../../lib/design/parallel.ts";
import { diagnoseProgressive } from "../../lib/design/progressive.ts";
import { blocksToRawCsv, diagnosisToCsv, mergeRaw, shardToCsv } from "../../lib/design/results.ts";
import type { DesignInput, SimulationInput } from "../../lib/design/mod.ts";
import { powerTTest, rtmShift } from "../../lib/design/analytic.ts";

const tTestDesign: DesignInput = {
  model: { instrument: "score", effects: { imsr: { mean: 0.2, sd: 0 }, primaryCare: { mean: 0, sd: 0 } } },
  data: { type: "rct", n: 100 },
  answers: ["dim"],
};

Deno.test("known answer: power of a two-sample t test, n = 100 (50 per arm), d = 0.2, is 0.17 within Monte Carlo error", () => {
  const sim = parseSimulation({ design: tTestDesign, reps: 10_000, seed: 11 });
  const [row] = diagnoseSimulation(sim);
  // analytic: R power.t.test(n = 50, delta = 0.2)$power = 0.1676755 (noncentral t)
  const analytic = powerTTest({ n: 50, d: 0.2 });
  assert.ok(Math.abs(analytic - 0.1676755) < 1e-6);
  assert.ok(row.power_mcse! > 0.003 && row.power_mcse! < 0.004);
  assert.ok(
    Math.abs(row.power! - analytic) < 3 * row.power_mcse!,
    `simulated power ${row.power} vs analytic ${analytic} (MCSE ${row.power_mcse})`,
  );
  // the difference in means is unbiased and its t CI covers 95%
  assert.ok(Math.abs(row.bias!) < 3 * row.bias_mcse!, `bias ${row.bias} (MCSE ${row.bias_mcse})`);
  assert.ok(Math.abs(row.coverage! - 0.95) < 3 * row.coverage_mcse!, `coverage ${row.coverage}`);
  assert.deepEqual(row.warnings, []);
});

Deno.test("known answer: regression to the mean of a selected cohort (mu 60, sd 15, cut-off 40, r 0.5) is about 13.5 points", () => {
  const sim = parseSimulation({
    design: {
      model: {
        instrument: "score",
        mean: 60,
        sd: 15,
        reliability: 0.5,
        selection: { cutoff: 40, keep: "below" },
        effects: { imsr: { mean: 0, sd: 0 } },
      },
      data: { type: "cohort", n: 100 },
      answers: ["change-t"],
    },
    reps: 1000,
    seed: 3,
  });
  const [row] = diagnoseSimulation(sim);
  const expected = rtmShift({ mean: 60, sd: 15, cutoff: 40, reliability: 0.5, keep: "below" });
  assert.ok(Math.abs(expected - 13.486) < 1e-3);
  // the estimand (effect of treatment vs none) is 0, so the mean change is all bias
  assert.equal(row.mean_estimand, 0);
  assert.ok(
    Math.abs(row.mean_estimate! - expected) < 3 * row.bias_mcse!,
    `mean change ${row.mean_estimate} vs expected ${expected} (MCSE ${row.bias_mcse})`,
  );
});

Deno.test("known answer: unbiased estimators show zero bias within Monte Carlo error (RCT on the PDI, cohort without RTM)", () => {
  const sim = parseSimulation({
    designs: [
      { data: { type: "rct", n: 80 }, answers: ["dim", "ancova", "change-t", "welch"] },
      { data: { type: "cohort", n: 80 }, answers: ["change-t"] },
    ],
    reps: 1500,
    seed: 5,
  });
  for (const row of diagnoseSimulation(sim)) {
    assert.ok(
      Math.abs(row.bias!) < 3.5 * row.bias_mcse!,
      `${row.design} ${row.answer}: bias ${row.bias} (MCSE ${row.bias_mcse})`,
    );
  }
});

const mixed: SimulationInput = {
  designs: [
    { data: { type: "rct", n: 60, dropout: { rate: 0.2, mechanism: "MNAR" } }, missing: "bocf" },
    { data: { type: "cohort", n: 40 } },
    { data: { type: "sced", cases: 4, measurements: 20, randomizations: 99 } },
    { data: { type: "meta", studies: 3, study: { n: 40 } } },
  ],
  grid: { "model.prioritised": [1, 3] },
  reps: 60,
  seed: 99,
};

Deno.test("determinism: the same seed gives bit-identical results with 1 and with 2 workers (also progressively)", async () => {
  const sim = parseSimulation(mixed);
  const pool = createPool(2); // one pool for the whole test: each worker start costs a module load
  try {
    const one = await diagnoseParallel(sim, { workers: 1, blockSize: 25 });
    const two = await diagnoseParallel(sim, { pool, blockSize: 25 });
    assert.equal(JSON.stringify(two), JSON.stringify(one));
    const blocks1 = await runBlocks(sim, { workers: 1, blockSize: 60 });
    const blocks2 = await runBlocks(sim, { pool, blockSize: 7 });
    assert.equal(blocksToRawCsv(sim, blocks2), blocksToRawCsv(sim, blocks1), "per-replication values are identical");
    assert.equal(JSON.stringify(diagnoseSimulation(sim)), JSON.stringify(one), "the synchronous path agrees too");
    // progressive: each stage equals a run with that many replications
    const tsim = parseSimulation({ design: tTestDesign, reps: 300, seed: 4 });
    const stages: number[] = [];
    let final = false;
    for await (const s of diagnoseProgressive(tsim, { stages: [50, 300], pool, blockSize: 100 })) {
      stages.push(s.reps);
      assert.equal(JSON.stringify(s.rows), JSON.stringify(diagnoseSimulation(tsim, s.reps)));
      final = s.final;
    }
    assert.deepEqual(stages, [50, 300]);
    assert.equal(final, true);
  } finally {
    pool.terminate();
  }
});

Deno.test("shards: per-replication shard files merged give exactly the unsharded diagnosis; a missing shard is an error", async () => {
  const sim = parseSimulation(mixed);
  const shards = await Promise.all([0, 1, 2].map((i) => runBlocks(sim, { shard: [i, 3] })));
  const texts = shards.map((b, i) => shardToCsv(sim, b, [i, 3]));
  const merged = mergeRaw(sim, [texts[2], texts[0], texts[1]]);
  assert.equal(diagnosisToCsv(merged), diagnosisToCsv(diagnoseSimulation(sim)));
  assert.throws(() => mergeRaw(sim, [texts[0], texts[2]]), /grid point 1 is incomplete: a shard is missing/);
  assert.throws(() => mergeRaw(sim, [texts[0], texts[0]]), /duplicates a replication/);
  const other = parseSimulation({ ...mixed, seed: 1 });
  assert.throws(() => mergeRaw(other, texts), /shard 1 \(hash [0-9a-f]{16}\) was not made from this design file/);
});

Deno.test("grid: every combination is run and its values are carried into the result rows", () => {
  const sim = parseSimulation({
    design: tTestDesign,
    grid: { "data.n": [20, 40], "model.effects.imsr.mean": [0, 1] },
    reps: 30,
    seed: 1,
  });
  const rows = diagnoseSimulation(sim);
  assert.deepEqual(rows.map((r) => [r.grid["data.n"], r.grid["model.effects.imsr.mean"]]), [[20, 0], [20, 1], [40, 0], [
    40,
    1,
  ]]);
  assert.deepEqual(rows.map((r) => r.grid_index), [0, 1, 2, 3]);
  assert.ok(
    rows.every((r) => r.warnings.some((w) => w.startsWith("only 30 replications"))),
    "too few simulations are flagged",
  );
  const csv = diagnosisToCsv(rows).split("\n");
  assert.ok(csv[0].startsWith("design,grid_index,data.n,model.effects.imsr.mean,answer,estimand,reps"));
  assert.equal(csv.length, 6);
});

Deno.test("blocks: planBlocks splits shards into contiguous ranges; runBlock writes 5 values per answer", () => {
  const sim = parseSimulation({ design: tTestDesign, reps: 10, seed: 1 });
  assert.deepEqual(planBlocks(sim, 4, 1, 2), [{ gridIndex: 0, from: 5, to: 9 }, { gridIndex: 0, from: 9, to: 10 }]);
  assert.equal(runBlock(sim.points[0], sim.seed, 0, 3).values.length, 3 * 1 * 5);
  assert.throws(
    () => diagnoseBlocks(sim, [runBlock(sim.points[0], sim.seed, 0, 3)]),
    /grid point 1 replications 4..10 are missing \(1-based\)/,
  );
});

Deno.test("validation: errors name the field, the grid point and the rule", () => {
  assert.throws(
    () => parseSimulation({ design: { data: { type: "rct", n: 2 } }, seed: 1 }),
    /simulate: data.n must be >= 4, got 2/,
  );
  assert.throws(
    () => parseSimulation({ design: { data: { type: "rct" } }, grid: { "data.n": [10, 1] }, seed: 1 }),
    /design 1, \{"data.n":1\}\): data.n must be >= 4, got 1/,
  );
  assert.throws(
    () => parseSimulation({ design: { data: { type: "cohort" }, answers: ["dim"] }, seed: 1 }),
    /answers\[0\] must be one of change-t, smc, responder-rate for a cohort design/,
  );
  assert.throws(() => parseSimulation({ design: {}, reps: 0, seed: 1 }), /reps must be >= 1, got 0/);
  assert.throws(
    () => parseSimulation({ design: {}, colour: "red", seed: 1 } as SimulationInput),
    /unknown field\(s\) colour/,
  );
});
