/**
 * Benchmarks of the practice-variation engine: simulating a registry (25 centres, ~2300 patients),
 * benchmarking it (linear and logistic case-mix models, funnel, REML shrinkage), the indication
 * funnel with exact binomial limits, and one diagnosis replication.
 */
import { benchmarkCentres, diagnoseBenchmark, indicationFunnel, simulateRegistry } from "../../lib/practice/mod.ts";

const reg = simulateRegistry({}, 1);
const reg3 = simulateRegistry({ years: 3 }, 1);

Deno.bench("simulateRegistry: 25 centres, 1 year", () => {
  simulateRegistry({}, 1);
});
Deno.bench("benchmarkCentres pdi_change (linear), 1 year", () => {
  benchmarkCentres({ rows: reg.patients, outcome: "pdi_change" });
});
Deno.bench("benchmarkCentres pdi_responder (logistic IRLS), 1 year", () => {
  benchmarkCentres({ rows: reg.patients, outcome: "pdi_responder" });
});
Deno.bench("benchmarkCentres pdi_change, 3 years (~6900 patients)", () => {
  benchmarkCentres({ rows: reg3.patients, outcome: "pdi_change" });
});
Deno.bench("indicationFunnel, exact binomial limits with 200-point curves", () => {
  indicationFunnel({ rows: reg.patients, od: "none" });
});
Deno.bench("diagnoseBenchmark: 10 replications", () => {
  diagnoseBenchmark({ reps: 10, seed: 1 });
});
