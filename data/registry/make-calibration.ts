/**
 * Writes data/registry/calibration.json: the calibration table of the funnel plot's
 * overdispersion methods (lib/practice `calibrateOverdispersion`) with 2000 simulated registries
 * per true centre SD, seed 2026. The notebook shows this file; the unit test
 * (tests/practice/calibrate_test.ts) reruns a smaller table and checks that the engine's default
 * tau2 estimator is the closest method here.
 *
 *   deno run -A data/registry/make-calibration.ts
 */
import { calibrateOverdispersion } from "../../lib/practice/mod.ts";

const REPS = 2000;
const SEED = 2026;
const t0 = performance.now();
const c = calibrateOverdispersion({ reps: REPS, seed: SEED });
const seconds = (performance.now() - t0) / 1000;
const out = {
  generatedBy: "deno run -A data/registry/make-calibration.ts",
  call: `calibrateOverdispersion({ reps: ${REPS}, seed: ${SEED} })`,
  ...c,
};
const path = new URL("./calibration.json", import.meta.url);
const tmp = new URL("./calibration.json.tmp", import.meta.url);
await Deno.writeTextFile(tmp, JSON.stringify(out, null, 1) + "\n");
await Deno.rename(tmp, path);
console.log(`calibration.json: ${c.rows.length} rows, closest ${c.closest}, ${seconds.toFixed(1)} s`);
