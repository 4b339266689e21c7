/**
 * Benchmarks of the practice-variation engine: simulating a registry (25 centres, ~2300 patients),
 * benchmarking it (linear and logistic case-mix models, funnel, REML shrinkage), the indication
 * funnel with exact binomial limits, diagnosis replications, the overdispersion calibration table,
 * rank intervals, the CUSUM's control limit and per-centre monitoring, and the missing-data analysis.
 */
import {
  benchmarkCentres,
  calibrateOverdispersion,
  cusumThreshold,
  diagnoseBenchmark,
  indicationFunnel,
  maskFollowUp,
  missingDataSensitivity,
  monitorCentres,
  rankBenchmark,
  simulateRegistry,
} from "../../lib/practice/mod.ts";

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

const bench1 = benchmarkCentres({ rows: reg.patients, curvePoints: 0 });
const masked = maskFollowUp({ rows: reg.patients, seed: 1 });

Deno.bench("calibrateOverdispersion: 20 registries x 3 true SDs x 7 methods", () => {
  calibrateOverdispersion({ reps: 20, seed: 1 });
});
Deno.bench("rankBenchmark: rank intervals of 25 centres, 2000 draws", () => {
  rankBenchmark(bench1, { seed: 1 });
});
Deno.bench("cusumThreshold: ARL0 1000, 1000 in-control runs", () => {
  cusumThreshold({ pResponse: [0.4, 0.5, 0.6, 0.7, 0.8], arl0: 1000, seed: 1 });
});
Deno.bench("monitorCentres: 25 centres, 3 years (logistic case mix, control limit, charts)", () => {
  monitorCentres({ rows: reg3.patients, seed: 1 });
});
Deno.bench("missingDataSensitivity: 4 values of delta", () => {
  missingDataSensitivity({ rows: masked });
});
