/**
 * Design simulator benchmarks (issue 6 targets on the 2-core machine):
 * - an 8-participant multiple-baseline SCED (30 measurements, AR 0.3): 1,000 simulated data sets ×
 *   1,000 Monte Carlo randomisations each, in <= 5 s;
 * - a 2-arm RCT with n = 200: 10,000 replications in <= 1 s.
 * Each is measured in this thread and on a pool of 2 workers (started once, outside the timing:
 * a cold start adds the workers' module load, ~0.1–0.2 s under `deno run`; under `deno bench` and
 * `deno test` each worker is also type-checked, which takes seconds and is not part of the figure).
 *
 *   deno bench -A tests/bench/design_bench.ts
 */
import { diagnoseSimulation, parseSimulation } from "../../lib/design/simulate.ts";
import { createPool, diagnoseParallel } from "../../lib/design/parallel.ts";
import { parseScenario } from "../../lib/design/scenario.ts";

// the PICO/PIO notebook's first answer: the five designs of a scenario, 100 replications each
const scenario = parseScenario(
  JSON.parse(
    await Deno.readTextFile(new URL("../../data/designs/scenario-literature-neutral.json", import.meta.url)),
  ),
);

const sced = parseSimulation({
  design: {
    model: { instrument: "psc", prioritised: 1, effects: { imsr: { mean: 0.6, sd: 0.3 } } },
    data: { type: "sced", design: "mbd", cases: 8, measurements: 30, ar: 0.3, minPhase: 5, randomizations: 1000 },
  },
  reps: 1000,
  seed: 1,
});

const rct = parseSimulation({
  design: {
    model: { instrument: "score", effects: { imsr: { mean: 0.3, sd: 0 }, primaryCare: { mean: 0, sd: 0 } } },
    data: { type: "rct", n: 200 },
    answers: ["dim"],
  },
  reps: 10_000,
  seed: 1,
});

const rctPdi = parseSimulation({
  design: { data: { type: "rct", n: 200 }, answers: ["dim", "ancova", "change-t", "responder-diff"] },
  reps: 10_000,
  seed: 1,
});

const pool = createPool(2);
// warm the workers (module load) before timing
await diagnoseParallel(parseSimulation({ design: {}, reps: 4, seed: 1 }), { pool, blockSize: 2 });

Deno.bench(
  "SCED MBD 8 x 30, AR 0.3: 1,000 data sets x 1,000 randomisations, 2 workers",
  { n: 3, warmup: 1 },
  async () => {
    await diagnoseParallel(sced, { pool, blockSize: 100 });
  },
);
Deno.bench(
  "SCED MBD 8 x 30, AR 0.3: 1,000 data sets x 1,000 randomisations, in this thread",
  { n: 3, warmup: 1 },
  () => {
    diagnoseSimulation(sced);
  },
);
Deno.bench("RCT n = 200, difference in means: 10,000 replications, 2 workers", { n: 5, warmup: 1 }, async () => {
  await diagnoseParallel(rct, { pool, blockSize: 1000 });
});
Deno.bench("RCT n = 200, difference in means: 10,000 replications, in this thread", { n: 5, warmup: 1 }, () => {
  diagnoseSimulation(rct);
});
Deno.bench(
  "RCT n = 200 on the PDI, 4 answer strategies: 10,000 replications, 2 workers",
  { n: 3, warmup: 1 },
  async () => {
    await diagnoseParallel(rctPdi, { pool, blockSize: 1000 });
  },
);
Deno.bench("scenario (5 designs) first answer: 100 replications each, in this thread", { n: 5, warmup: 1 }, () => {
  diagnoseSimulation(scenario.simulation, 100);
});
globalThis.addEventListener("unload", () => pool.terminate());
