/**
 * Benchmarks of the practice-variation engine: simulating a registry (25 centres, ~2300 patients),
 * benchmarking it (linear and logistic case-mix models, funnel, REML shrinkage), the indication
 * funnel with exact binomial limits, diagnosis replications, the overdispersion calibration table,
 * rank intervals, the CUSUM's control limit and per-centre monitoring, the missing-data analysis, and a
 * national extract of 10^6 rows read through the JavaScript reader and through DuckDB (CSV and Parquet).
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
  parseRegistryCsv,
  rankBenchmark,
  readRegistryExtract,
  type RegistryRow,
  registryToCsv,
  simulateRegistry,
  writeRegistryParquet,
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

// A national extract of several years: 250 centres x 300-510 patients x 10 years (1 025 560 rows),
// generated once by the simulator, benchmarked (issue 15: <= 10 s) from CSV text through the JavaScript
// reader (the notebook's), and from CSV and Parquet files through DuckDB (readRegistryExtract).
const national = simulateRegistry({ centres: 250, sizeMin: 300, sizeMax: 510, years: 10 }, 1).patients;
const bigCsv = registryToCsv(national);
const dir = Deno.makeTempDirSync({ prefix: "practice-bench-" });
const csvFile = `${dir}/national.csv`;
const parquetFile = `${dir}/national.parquet`;
Deno.writeTextFileSync(csvFile, bigCsv);
await writeRegistryParquet(national, parquetFile);
globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
// Before timing: both files give the JavaScript reader's rows, in file order (DuckDB reads a file of
// this size in parallel; the unit tests' extracts are too small for that).
const jsRead = () => parseRegistryCsv(bigCsv, { name: "national.csv" }).rows;
const jsRows = jsRead();
for (const file of [csvFile, parquetFile]) {
  const x = await readRegistryExtract(file);
  const same = x.rows.length === jsRows.length &&
    x.rows.every((r, i) => JSON.stringify(r) === JSON.stringify(jsRows[i]));
  if (!same) throw new Error(`${file}: DuckDB's rows differ from the JavaScript reader's`);
}
const rowsLabel = national.length.toLocaleString("en").replaceAll(",", " ");

const readers: [string, boolean, () => RegistryRow[] | Promise<RegistryRow[]>][] = [
  ["JS: parseRegistryCsv (CSV text)", true, jsRead],
  ["DuckDB: readRegistryExtract (CSV file)", false, async () => (await readRegistryExtract(csvFile)).rows],
  ["DuckDB: readRegistryExtract (Parquet file)", false, async () => (await readRegistryExtract(parquetFile)).rows],
];
for (const [label, baseline, read] of readers) {
  Deno.bench({
    name: `10^6-row extract (${rowsLabel} rows), ${label} + benchmarkCentres`,
    group: "national extract",
    baseline,
    n: 3,
    warmup: 1,
    fn: async () => {
      benchmarkCentres({ rows: await read(), curvePoints: 0 });
    },
  });
}
for (const [label, baseline, read] of readers) {
  Deno.bench({
    name: `10^6-row extract, reading alone (with the rows): ${label}`,
    group: "national extract: reading",
    baseline,
    n: 3,
    warmup: 1,
    fn: async () => {
      await read();
    },
  });
}
for (const [label, file] of [["CSV file", csvFile], ["Parquet file", parquetFile]]) {
  Deno.bench({
    name: `10^6-row extract, checks and per-centre SQL aggregates without the rows: DuckDB (${label})`,
    group: "national extract: reading",
    n: 3,
    warmup: 1,
    fn: async () => {
      await readRegistryExtract(file, { rows: false });
    },
  });
}
