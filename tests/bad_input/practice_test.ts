/**
 * Bad and awkward input to the practice engine (library and `benchmark-centres` CLI), as data: each
 * case says what it runs and what must come out: a `ValidationError` whose message matches, an
 * exit code with a message on stderr (and no stack trace), or a printed value (a rate over no
 * centres is "not available (n = 0)", never "0.0 %"). Then a Dutch Excel registry gives the same
 * numbers as the comma version, and a seeded fast-check property feeds random malformed registry
 * CSV to the upload parser: a ValidationError or valid finite rows, never a crash or NaN.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  benchmarkCentres,
  benchmarkSummary,
  binomialLimits,
  calibrateOverdispersion,
  centreTable,
  cusumThreshold,
  cusumWeight,
  diagnoseBenchmark,
  diagnosisTable,
  funnel,
  funnelFlag,
  maskFollowUp,
  missingDataSensitivity,
  monitorCentres,
  parseRegistryCsv,
  raCusum,
  rankability,
  rankBenchmark,
  rankIntervals,
  type RegistryRow,
  registryToCsv,
  shrinkCentres,
  simulateRegistry,
  ValidationError,
  zFor,
} from "../../lib/practice/mod.ts";
import { runPractice } from "../practice/_cli.ts";
import { repoPath } from "../helpers.ts";

const HEAD = "centre,wpn,pain_years,work,pdi_pre,pdi_post";
const example = repoPath("data/registry/simulated-registry.csv");
const exampleText = Deno.readTextFileSync(example);

/** The example extract as a Dutch Excel saves it: `;` separators, decimal commas, CRLF. */
function toDutch(text: string): string {
  return text.trim().split("\n").map((l) => l.replaceAll(",", ";").replace(/(\d)\.(\d)/g, "$1,$2")).join("\r\n") +
    "\r\n";
}

/** 3 centres x 8 patients with the same case mix and the same changes: no between-centre variance. */
function identicalCentres(): RegistryRow[] {
  const pre = [30, 40, 50, 44, 36, 52, 28, 47];
  const years = [2, 5, 10, 7, 3, 12, 1, 6];
  return ["A", "B", "C"].flatMap((centre) =>
    pre.map((p, i) => ({
      centre,
      wpn: i % 4 === 3 ? 4 : 3,
      painYears: years[i],
      work: i % 3 === 1 ? 1 : 0,
      pdiPre: p,
      pdiPost: p - (10 + 0.5 * (p - 40) + (i % 2 ? 1 : -1)),
    }))
  );
}

const tmp = Deno.makeTempDirSync({ prefix: "practice-bad-input-" });
const dupColumn = `${tmp}/dup.csv`;
Deno.writeTextFileSync(dupColumn, exampleText.replace("pdi_post,psc_pre", "pdi_post,pdi_post"));
const dutchFile = `${tmp}/dutch.csv`;
Deno.writeTextFileSync(dutchFile, toDutch(exampleText));
const notParquet = `${tmp}/not.parquet`;
Deno.writeTextFileSync(notParquet, exampleText);
const ragged = `${tmp}/ragged.csv`;
Deno.writeTextFileSync(ragged, exampleText.split("\n").map((l, i) => (i === 100 ? `${l},7,8` : l)).join("\n"));
const agb = `${tmp}/agb.csv`;
Deno.writeTextFileSync(agb, exampleText.replace(/^centre,/, "agb_code,"));
const noPsc = `${tmp}/nopsc.csv`;
Deno.writeTextFileSync(
  noPsc,
  exampleText.split("\n").map((l) => l.split(",").slice(0, 8).join(",")).join("\n"),
);

type Outcome = { code: number; stdout: string; stderr: string };
type Expect =
  | RegExp
  | { exitCode: number; stderr?: RegExp; stdout?: RegExp }
  | { output: RegExp };

interface Case {
  name: string;
  run: () => unknown;
  expect: Expect;
}

const sim = (params: Record<string, unknown>, seed: unknown = 1) => simulateRegistry(params as never, seed as number);
const bench = benchmarkCentres({ rows: simulateRegistry({ centres: 6 }, 3).patients, curvePoints: 0 });

const cases: Case[] = [
  // --- simulateRegistry: strict options, required seed, counts of diagnosis centres
  {
    name: "a misspelt option key is rejected, not ignored",
    run: () => sim({ centers: 10 }),
    expect: /simulateRegistry: .*has unknown field\(s\) centers/,
  },
  {
    name: "the seed is required",
    run: () => simulateRegistry({}, undefined as never),
    expect: /simulateRegistry: seed is required/,
  },
  { name: "the seed is a whole number", run: () => sim({}, 1.5), expect: /seed must be a whole number, got 1\.5/ },
  {
    name: "more shortfall centres than centres",
    run: () => sim({ centres: 25, shortfallCentres: 30 }),
    expect: /shortfallCentres must be <= centres \(25\), got 30/,
  },
  {
    name: "more over-broad centres than centres",
    run: () => sim({ centres: 10, broadCentres: 11 }),
    expect: /broadCentres must be <= centres \(10\), got 11/,
  },
  {
    name: "shortfall and over-broad centres that would overlap",
    run: () => sim({ centres: 10, shortfallCentres: 6, broadCentres: 6 }),
    expect: /broadCentres plus shortfallCentres must be <= centres \(10\)/,
  },
  {
    name: "sizes the wrong way round",
    run: () => sim({ sizeMin: 80, sizeMax: 40 }),
    expect: /sizeMax must be >= sizeMin \(80\), got 40/,
  },
  // --- diagnoseBenchmark
  {
    name: "diagnose: a misspelt registry parameter",
    run: () => diagnoseBenchmark({ params: { centers: 10 } as never, reps: 1, seed: 1 }),
    expect: /diagnoseBenchmark: params.*has unknown field\(s\) centers/,
  },
  {
    name: "diagnose: a misspelt option",
    run: () => diagnoseBenchmark({ rep: 5, seed: 1 } as never),
    expect: /diagnoseBenchmark: .*has unknown field\(s\) rep/,
  },
  {
    name: "diagnose: the seed is required",
    run: () => diagnoseBenchmark({ reps: 1 } as never),
    expect: /diagnoseBenchmark: seed is required/,
  },
  {
    name: "diagnose: shortfall centres without a shortfall",
    run: () => diagnoseBenchmark({ params: { shortfallCentres: 2 }, reps: 1, seed: 1 }),
    expect: /params\.shortfall must be non-zero when shortfallCentres is 2, got 0/,
  },
  {
    name: "diagnose: a shortfall without shortfall centres",
    run: () => diagnoseBenchmark({ params: { shortfall: -4 }, reps: 1, seed: 1 }),
    expect: /params\.shortfallCentres must be >= 1 when shortfall is -4, got 0/,
  },
  {
    name: "diagnose: more shortfall centres than centres",
    run: () => diagnoseBenchmark({ params: { centres: 10, shortfall: -3, shortfallCentres: 12 }, reps: 1, seed: 1 }),
    expect: /params\.shortfallCentres must be <= centres \(10\), got 12/,
  },
  {
    name: "diagnose: rates over no shortfall centres are not available, never 0.0 %",
    run: () =>
      diagnosisTable(diagnoseBenchmark({ params: { centres: 6 }, reps: 1, seed: 2 })).map((r) => `${r.what}: ${r.text}`)
        .join("\n"),
    expect: { output: /shortfall centre flagged low, 95%: not available \(n = 0\)/ },
  },
  // --- benchmarkCentres, centreTable, funnel: levels, strict options, degenerate data
  {
    name: "benchmark: a misspelt option",
    run: () => benchmarkCentres({ rows: identicalCentres(), outcom: "pdi_change" } as never),
    expect: /benchmarkCentres: .*has unknown field\(s\) outcom/,
  },
  {
    name: "benchmark: a level of 100 %",
    run: () => benchmarkCentres({ rows: identicalCentres(), levels: [95, 100], minCentreSize: 8 }),
    expect: /levels\[1\] must be a percentage in \[1, 100\) or a proportion in \(0, 1\)/,
  },
  {
    name: "benchmark: too few centres",
    run: () => benchmarkCentres({ rows: identicalCentres().filter((r) => r.centre !== "C") }),
    expect: /rows must hold at least 3 centres with >= 5 patients, got 2/,
  },
  {
    name: "benchmark: an MCID no patient reaches (not 'y must contain both 0s and 1s')",
    run: () => benchmarkCentres({ rows: identicalCentres(), outcome: "pdi_responder", mcid: 60 }),
    expect: /benchmarkCentres: mcid makes no patient a responder \(PDI improvement >= 60 points for 0 of 24\)/,
  },
  {
    name: "CLI: an MCID no patient reaches",
    run: () => runPractice([example, "--outcome", "pdi_responder", "--mcid", "70"]),
    expect: { exitCode: 2, stderr: /benchmarkCentres: mcid makes no patient a responder/ },
  },
  {
    name: "benchmark: psc_change without PSC",
    run: () => benchmarkCentres({ rows: identicalCentres(), outcome: "psc_change" }),
    expect: /benchmarkCentres: row 1, psc_pre is required for outcome psc_change \(missing for \d+ of \d+ patients\)/,
  },
  {
    name: "benchmark: variance removed over no variance is not available, never a percentage",
    run: () => benchmarkSummary(benchmarkCentres({ rows: identicalCentres(), minCentreSize: 8, curvePoints: 0 }))[3],
    expect: { output: /removed by case mix: not available \(no between-centre variance before adjustment\)/ },
  },
  {
    name: "centreTable: a misspelt option",
    run: () => centreTable(bench, { sorted: "flag" } as never),
    expect: /centreTable: options has unknown field\(s\) sorted/,
  },
  {
    name: "centreTable: not a benchmark",
    run: () => centreTable({} as never),
    expect: /centreTable: benchmark must be a benchmarkCentres\(\) result/,
  },
  {
    name: "funnelFlag: flags and levels of different length",
    run: () => funnelFlag([1], [95, 99.8]),
    expect: /funnelFlag: flags must have 2 elements \(like levels\), got 1/,
  },
  { name: "zFor: a level of 100", run: () => zFor(100), expect: /zFor: level must be a percentage in \[1, 100\)/ },
  {
    name: "binomialLimits: a negative level",
    run: () => binomialLimits({ p0: 0.5, n: 10, level: -1 }),
    expect: /binomialLimits: level must be a percentage/,
  },
  {
    name: "funnel: a ratio unit without E",
    run: () => funnel({ type: "ratio", units: [{ id: "A", O: 3 }, { id: "B", O: 4, E: 2 }] }),
    expect: /funnel: units\[0\]\.E must be > 0 for ratios/,
  },
  // --- parseRegistryCsv (through lib/io/csv.ts)
  {
    name: "CSV: a duplicated column is an error, not 'the last one wins'",
    run: () => parseRegistryCsv(`${HEAD},pdi_post\nA,3,5,0,40,20,25\n`, { name: "dup.csv" }),
    expect: /dup\.csv: header has column "pdi_post" twice \(columns 6 and 7\)/,
  },
  { name: "CSV: an empty file", run: () => parseRegistryCsv("", { name: "e.csv" }), expect: /e\.csv: file is empty/ },
  {
    name: "CSV: a Dutch decimal-comma value out of range names row, line and column",
    run: () => parseRegistryCsv("centre;wpn;pain_years;work;pdi_pre;pdi_post\nA;3;5,5;0;40;85,5\n", { name: "nl.csv" }),
    expect: /nl\.csv: row 1 \(line 2\), column pdi_post must be <= 70/,
  },
  {
    name: "CSV: a row with more cells than the header",
    run: () => parseRegistryCsv(`${HEAD}\nA,3,5,0,40,20\nB,3,5,0,40,20,9,9\n`, { name: "x.csv" }),
    expect: /x\.csv: line 3 has 7 separators \(","\) where the header has 5/,
  },
  {
    name: "CSV: a misspelt option",
    run: () => parseRegistryCsv(`${HEAD}\nA,3,5,0,40,20\n`, { nmae: "x" } as never),
    expect: /parseRegistryCsv: options has unknown field\(s\) nmae/,
  },
  {
    name: "shrinkCentres: a variance of 0",
    run: () => shrinkCentres({ yi: [1, 2], vi: [1, 0], tau2: 1, mu: 0 }),
    expect: /shrinkCentres: vi\[1\] must be > 0, got 0/,
  },
  // --- the CLI, in-process
  {
    name: "CLI: --shortfall-centres larger than --centres",
    run: () =>
      runPractice(["--diagnose", "--seed", "1", "--centres", "25", "--shortfall", "-4", "--shortfall-centres", "30"]),
    expect: {
      exitCode: 2,
      stderr: /benchmark-centres: --shortfall-centres must be <= the number of centres \(--centres 25\), got 30/,
    },
  },
  {
    name: "CLI: --shortfall-centres larger than the default 25 centres",
    run: () => runPractice(["--simulate", "--seed", "1", "--shortfall", "-4", "--shortfall-centres", "30"]),
    expect: { exitCode: 2, stderr: /--shortfall-centres must be <= the number of centres \(--centres 25\)/ },
  },
  {
    name: "CLI: a simulation needs a seed",
    run: () => runPractice(["--simulate"]),
    expect: { exitCode: 2, stderr: /--seed is required with --simulate/ },
  },
  {
    name: "CLI: --diagnose prints rates over no centres as not available",
    run: () => runPractice(["--diagnose", "--seed", "1", "--reps", "1", "--centres", "6"]),
    expect: { exitCode: 0, stdout: /shortfall centre flagged low, 95%\s+not available \(n = 0\)/ },
  },
  {
    name: "CLI: --diagnose --json gives null for rates over no centres",
    run: () => runPractice(["--diagnose", "--seed", "1", "--reps", "1", "--centres", "6", "--json"]),
    expect: { exitCode: 0, stdout: /"outcomeLow95": \{\s*"n": 0,\s*"rate": null,\s*"mcse": null/ },
  },
  {
    name: "CLI: simulation options with a file are rejected, not ignored",
    run: () => runPractice([example, "--centres", "10"]),
    expect: { exitCode: 2, stderr: /--centres applies only to --simulate and --diagnose/ },
  },
  {
    name: "CLI: --reps without --diagnose",
    run: () => runPractice(["--simulate", "--seed", "2", "--reps", "10"]),
    expect: { exitCode: 2, stderr: /--reps applies only to --diagnose/ },
  },
  {
    name: "CLI: a misspelt option gets a suggestion",
    run: () => runPractice(["--diagnose", "--seed", "1", "--rep", "5"]),
    expect: { exitCode: 2, stderr: /--rep is not an option of benchmark-centres \(did you mean --reps\?\)/ },
  },
  {
    name: "CLI: a registry with two pdi_post columns",
    run: () => runPractice([dupColumn]),
    expect: { exitCode: 2, stderr: /header has column "pdi_post" twice/ },
  },
  {
    name: "CLI (DuckDB): a registry with two pdi_post columns, also with --engine js",
    run: () => runPractice([dupColumn, "--engine", "js"]),
    expect: { exitCode: 2, stderr: /header has column "pdi_post" twice/ },
  },
  {
    name: "CLI (DuckDB): a .parquet file that is not Parquet names the file, no DuckDB stack",
    run: () => runPractice([notParquet]),
    expect: { exitCode: 2, stderr: /not\.parquet: file cannot be read by DuckDB: / },
  },
  {
    name: "CLI (DuckDB): a row with more cells than the header",
    run: () => runPractice([ragged]),
    expect: {
      exitCode: 2,
      stderr: /ragged\.csv: row 100 \(line 101\) has 12 cells where the header has 10 \(check the separator: /,
    },
  },
  {
    name: "CLI (DuckDB): an unknown centre column is named with the columns found",
    run: () => runPractice([agb, "--centre-column", "agb"]),
    expect: {
      exitCode: 2,
      stderr: /agb\.csv: centreColumn names no column of the file \(found: agb_code, .*got "agb"/,
    },
  },
  {
    name: "CLI (DuckDB): the centre column by another name is read",
    run: () => runPractice([agb, "--centre-column", "agb_code"]),
    expect: { exitCode: 0, stdout: /^C01 /m },
  },
  {
    name: "CLI (DuckDB): without --centre-column a file without centre misses that column",
    run: () => runPractice([agb]),
    expect: { exitCode: 2, stderr: /agb\.csv: header is missing required column centre \(found: agb_code/ },
  },
  {
    name: "CLI: --centre-column needs --engine duckdb",
    run: () => runPractice([agb, "--engine", "js", "--centre-column", "agb_code"]),
    expect: { exitCode: 2, stderr: /--centre-column needs --engine duckdb/ },
  },
  {
    name: "CLI: --write-extract without --simulate",
    run: () => runPractice([example, "--write-extract", `${tmp}/x.parquet`]),
    expect: { exitCode: 2, stderr: /--write-extract applies only to --simulate/ },
  },
  {
    name: "CLI: --write-extract into a folder that does not exist",
    run: () => runPractice(["--simulate", "--seed", "1", "--write-extract", `${tmp}/no/such/x.parquet`]),
    expect: { exitCode: 2, stderr: /--write-extract cannot be written: folder .* does not exist/ },
  },
  {
    name: "CLI: --size-max below --size-min",
    run: () => runPractice(["--simulate", "--seed", "1", "--size-min", "50", "--size-max", "40"]),
    expect: { exitCode: 2, stderr: /--size-max must be >= the smallest centre \(--size-min 50\), got 40/ },
  },
  {
    name: "CLI: psc_change on a file without PSC",
    run: () => runPractice([noPsc, "--outcome", "psc_change"]),
    expect: {
      exitCode: 2,
      stderr: /benchmarkCentres: row 1, psc_pre is required for outcome psc_change \(missing for \d+ of \d+ patients\)/,
    },
  },
  {
    name: "CLI: an impossible MCID",
    run: () => runPractice([example, "--mcid", "0"]),
    expect: { exitCode: 2, stderr: /--mcid must be >= 0\.1, got 0/ },
  },
  {
    name: "CLI: --simulate and --diagnose together",
    run: () => runPractice(["--simulate", "--diagnose", "--seed", "1"]),
    expect: { exitCode: 2, stderr: /--simulate and --diagnose cannot be combined/ },
  },
  {
    name: "CLI: a file that does not exist",
    run: () => runPractice([`${tmp}/nope.csv`]),
    expect: { exitCode: 2, stderr: /file\.csv does not exist/ },
  },
  {
    name: "CLI: a folder instead of a file",
    run: () => runPractice([tmp]),
    expect: { exitCode: 2, stderr: /file\.csv is a folder, not a file/ },
  },
  {
    name: "CLI: a Dutch Excel registry is read",
    run: () => runPractice([dutchFile]),
    expect: { exitCode: 0, stdout: /^C12 /m },
  },
  // --- issue 15: calibration, tau2 estimators, ranks, CUSUM, missing follow-up, dose
  {
    name: "an unknown tau2 estimator is rejected with the choices",
    run: () =>
      funnel({
        type: "mean",
        units: [{ id: "A", O: 1, E: 0, se: 1, n: 5 }, { id: "B", O: 0, E: 0, se: 1, n: 5 }],
        tau2Method: "PM" as never,
      }),
    expect: /funnel: tau2Method .*"spiegelhalter-winsorised".*"REML"/,
  },
  {
    name: "calibration needs a seed",
    run: () => calibrateOverdispersion({ reps: 2 } as never),
    expect: /calibrateOverdispersion: seed is required/,
  },
  {
    name: "calibration: centre sizes the wrong way round",
    run: () => calibrateOverdispersion({ reps: 2, seed: 1, sizeMin: 100, sizeMax: 50 }),
    expect: /calibrateOverdispersion: sizeMax must be >= sizeMin/,
  },
  {
    name: "calibration: an unknown method",
    run: () => calibrateOverdispersion({ reps: 2, seed: 1, methods: ["winsor"] }),
    expect: /calibrateOverdispersion: methods\[0\]/,
  },
  {
    name: "rankability: a sampling variance of 0",
    run: () => rankability({ vi: [1, 0, 2], tau2: 1 }),
    expect: /rankability: vi\[1\] .*(> 0|positive|greater than 0)/i,
  },
  {
    name: "rank intervals: vi shorter than yi",
    run: () => rankIntervals({ yi: [1, 2, 3], vi: [1, 1], tau2: 1, mu: 0, seed: 1 }),
    expect: /rankIntervals: vi must have 3 elements \(like yi\), got 2/,
  },
  {
    name: "rank intervals need a seed",
    run: () => rankBenchmark(bench, {} as never),
    expect: /rankBenchmark: seed is required/,
  },
  {
    name: "rank intervals of something that is not a benchmark",
    run: () => rankBenchmark({} as never, { seed: 1 }),
    expect: /rankBenchmark: b must be a benchmarkCentres\(\) result/,
  },
  {
    name: "CUSUM weight: a predicted probability of 1 (log of 0)",
    run: () => cusumWeight({ pResponse: 1, responder: 0 }),
    expect: /cusumWeight: pResponse must be < 1|cusumWeight: pResponse .*less than 1/i,
  },
  {
    name: "CUSUM: responder status that is not 0/1",
    run: () => raCusum({ pResponse: [0.5], responder: [2 as never], h: 1 }),
    expect: /raCusum: responder\[0\]/,
  },
  {
    name: "CUSUM: responder and pResponse of different lengths",
    run: () => raCusum({ pResponse: [0.5, 0.4], responder: [1], h: 1 }),
    expect: /raCusum: responder must have 2 elements \(like pResponse\), got 1/,
  },
  {
    name: "CUSUM threshold: RA = 1 detects nothing",
    run: () => cusumThreshold({ pResponse: [0.5], RA: 1, seed: 1 }),
    expect: /cusumThreshold: RA must differ from 1/,
  },
  {
    name: "CUSUM threshold needs a seed",
    run: () => cusumThreshold({ pResponse: [0.5] } as never),
    expect: /cusumThreshold: seed is required/,
  },
  {
    name: "monitoring: an MCID nobody reaches",
    run: () => monitorCentres({ rows: simulateRegistry({ centres: 4 }, 1).patients, mcid: 70, seed: 1 }),
    expect: /monitorCentres: mcid makes no patient a responder/,
  },
  {
    name: "missing follow-up: a centre with fewer than 2 patients followed up is named",
    run: () =>
      missingDataSensitivity({
        rows: identicalCentres().map((r) => (r.centre === "B" ? { ...r, pdiPost: null } : r)),
      }),
    expect: /missingDataSensitivity: rows need at least 2 patients with follow-up per centre \(not in B\)/,
  },
  {
    name: "missing follow-up: a PDI after treatment out of range names the row",
    run: () =>
      missingDataSensitivity({ rows: identicalCentres().map((r, i) => (i === 4 ? { ...r, pdiPost: 90 } : r)) }),
    expect: /missingDataSensitivity: rows\[4\]\.pdiPost .*70/,
  },
  {
    name: "maskFollowUp: a missing share of 1 is rejected",
    run: () => maskFollowUp({ rows: identicalCentres(), share: 1, seed: 1 }),
    expect: /maskFollowUp: share must be <= 0\.95|maskFollowUp: share .*0\.95/,
  },
  {
    name: "simulateRegistry: a causal dose effect above 1 is rejected",
    run: () => sim({ doseEffect: 2 }),
    expect: /simulateRegistry: doseEffect .*1/,
  },
  {
    name: "CLI: an unknown tau2 estimator",
    run: () => runPractice([example, "--tau2", "winsor"]),
    expect: { exitCode: 2, stderr: /--tau2/ },
  },
  {
    name: "CLI: O/E is not printed for mean changes",
    run: () => runPractice([example]),
    expect: { exitCode: 0, stdout: /^centre\s+n\s+observed\s+expected\s+O-E\s+z\s/m },
  },
  {
    name: "CLI: O/E is printed for responders",
    run: () => runPractice([example, "--outcome", "pdi_responder"]),
    expect: { exitCode: 0, stdout: /O-E\s+O\/E\s+z/ },
  },
];

Deno.test(`practice bad input: ${cases.length} cases`, async (t) => {
  assert.ok(cases.length >= 20);
  for (const c of cases) {
    await t.step(c.name, async () => {
      const e = c.expect;
      if (e instanceof RegExp) {
        let caught: unknown = null;
        try {
          await c.run();
        } catch (err) {
          caught = err;
        }
        assert.ok(caught instanceof ValidationError, `expected a ValidationError, got ${caught}`);
        assert.match(caught.message, e);
      } else if ("output" in e) {
        const out = await c.run();
        assert.equal(typeof out, "string");
        assert.match(out as string, e.output);
        assert.doesNotMatch(out as string, /NaN|Infinity|0\.0% \(n = 0\)/);
      } else {
        const r = (await c.run()) as Outcome;
        assert.equal(r.code, e.exitCode, `exit code (stderr: ${r.stderr})`);
        if (e.stderr) assert.match(r.stderr, e.stderr);
        if (e.stdout) assert.match(r.stdout, e.stdout);
        assert.doesNotMatch(r.stderr, /Stack backtrace|^\s+at /m);
        assert.doesNotMatch(r.stdout, /NaN|Infinity/);
      }
    });
  }
});

Deno.test("CLI as a process: an impossible option exits 2 with one message and no stack trace", async () => {
  const cli = repoPath("lib/cli/practice.ts");
  for (
    const [args, re] of [
      [["--simulate", "--seed", "1", "--shortfall-centres", "30"], /--shortfall-centres must be <= the number/],
      [["--simulate", "--seed", "1", "--centers", "10"], /--centers is not an option .*did you mean --centres/],
    ] as const
  ) {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", cli, ...args],
      stdout: "piped",
      stderr: "piped",
    })
      .output();
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 2, stderr);
    assert.match(stderr, re);
    assert.doesNotMatch(stderr, /Stack backtrace|^\s+at /m);
  }
});

Deno.test("a Dutch Excel registry (';', decimal commas, CRLF) gives the same rows and numbers as the comma version", async () => {
  const comma = parseRegistryCsv(exampleText, { name: "comma.csv" });
  const dutch = parseRegistryCsv(toDutch(exampleText), { name: "dutch.csv" });
  assert.equal(dutch.dialect.delimiter, ";");
  assert.equal(dutch.dialect.decimal, ",");
  assert.deepEqual(dutch.rows, comma.rows);
  assert.ok(comma.rows.some((r) => !Number.isInteger(r.painYears)), "the example has decimals to convert");
  const a = benchmarkCentres({ rows: comma.rows, outcome: "pdi_responder" });
  const b = benchmarkCentres({ rows: dutch.rows, outcome: "pdi_responder" });
  assert.deepEqual(centreTable(b), centreTable(a));
  // the Dutch example shipped in data/registry is that file
  assert.deepEqual(
    parseRegistryCsv(Deno.readTextFileSync(repoPath("data/registry/simulated-registry-nl.csv"))).rows,
    comma.rows,
  );
  // and the CLI prints the same table for both files
  const x = await runPractice([example]);
  const y = await runPractice([dutchFile]);
  assert.equal(y.code, 0, y.stderr);
  assert.equal(y.stdout, x.stdout);
});

Deno.test("level 0.95 and 95 give the same limits and intervals (proportions are read as percentages)", () => {
  const s1 = shrinkCentres({ yi: [1, 2], vi: [1, 2], tau2: 1, mu: 0, level: 0.95 });
  const s2 = shrinkCentres({ yi: [1, 2], vi: [1, 2], tau2: 1, mu: 0, level: 95 });
  assert.deepEqual(s1, s2);
  assert.equal(s1.level, 95);
  assert.deepEqual(binomialLimits({ p0: 0.3, n: 40, level: 0.998 }), binomialLimits({ p0: 0.3, n: 40, level: 99.8 }));
});

Deno.test("property: random malformed registry CSV gives a ValidationError or valid finite rows (seeded)", () => {
  const columns = [
    "centre",
    "wpn",
    "pain_years",
    "work",
    "pdi_pre",
    "pdi_post",
    "psc_pre",
    "psc_post",
    "hours",
    "year",
  ];
  const cell = fc.oneof(
    fc.constantFrom("", "NA", "abc", "1e308", "-1e308", "Infinity", "NaN", "-0", "0", "1", "3", "4", "70", "71", '"x"'),
    fc.constantFrom("0", "1", "3", "4", "A", "B", "12", "40", "5,5", "2.5"),
    fc.integer({ min: -5, max: 120 }).map(String),
    fc.double({ min: -1000, max: 1000, noNaN: true }).map((x) => x.toFixed(2)),
    fc.double({ min: 0, max: 100, noNaN: true }).map((x) => x.toFixed(1).replace(".", ",")),
    fc.string({ maxLength: 6 }),
  );
  const header = fc.oneof(
    fc.shuffledSubarray([...columns, "pdi_post", "extra"], { minLength: 0, maxLength: 12 }),
    fc.constant(columns.slice(0, 6)),
  );
  // A cell that is usually valid for its column (so that some files pass and their rows are checked).
  const valid: Record<string, string[]> = {
    centre: ["A", "B", "C"],
    wpn: ["3", "4"],
    pain_years: ["5", "2.5", "0.3"],
    work: ["0", "1"],
    pdi_pre: ["40", "0", "70"],
    pdi_post: ["20", "35"],
    psc_pre: ["", "50"],
    psc_post: ["", "30"],
    hours: ["", "80"],
    year: ["", "1"],
  };
  const validOr = (col: string) =>
    fc.oneof({ arbitrary: fc.constantFrom(...(valid[col] ?? ["x"])), weight: 19 }, { arbitrary: cell, weight: 1 });
  // Rows either of random length (separator problems) or as long as the header (cell problems).
  const csv = fc.record({
    head: header,
    sep: fc.constantFrom(",", ";", "\t"),
    eol: fc.constantFrom("\n", "\r\n"),
    bom: fc.boolean(),
    fit: fc.boolean(),
    nrows: fc.integer({ min: 0, max: 8 }),
  }).chain(({ head, sep, eol, bom, fit, nrows }) =>
    fc.array(
      fit ? fc.tuple(...head.map(validOr)) : fc.array(cell, { maxLength: 12 }),
      {
        minLength: nrows,
        maxLength: nrows,
      },
    ).map((rows) => (bom ? "\uFEFF" : "") + [head.join(sep), ...rows.map((r) => r.join(sep))].join(eol) + eol)
  );
  let accepted = 0;
  fc.assert(
    fc.property(csv, (text) => {
      let parsed;
      try {
        parsed = parseRegistryCsv(text, { name: "random.csv" });
      } catch (e) {
        if (e instanceof ValidationError) return /random\.csv|parseRegistryCsv/.test(e.message);
        throw e;
      }
      accepted++;
      return parsed.rows.length > 0 &&
        parsed.rows.every((r) =>
          r.centre.length > 0 && [1, 2, 3, 4].includes(r.wpn) && Number.isFinite(r.painYears) && r.painYears > 0 &&
          (r.work === 0 || r.work === 1) && r.pdiPre >= 0 && r.pdiPre <= 70 && r.pdiPost >= 0 && r.pdiPost <= 70 &&
          [r.pscPre, r.pscPost, r.hours, r.year].every((v) => v === null || Number.isFinite(v))
        );
    }),
    { seed: 42, numRuns: 200 },
  );
  assert.ok(accepted > 0, "some random files are valid and their rows are checked");
});

Deno.test("property: a simulated registry round-trips through CSV and the parser in both dialects (seeded)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 3, max: 6 }), (seed, centres) => {
      const reg = simulateRegistry({ centres, sizeMin: 5, sizeMax: 12 }, seed);
      const text = registryToCsv(reg.patients);
      const a = parseRegistryCsv(text);
      const b = parseRegistryCsv(toDutch(text));
      return a.rows.length === reg.patients.length && JSON.stringify(a.rows) === JSON.stringify(b.rows);
    }),
    { seed: 42, numRuns: 50 },
  );
});

globalThis.addEventListener("unload", () => {
  try {
    Deno.removeSync(tmp, { recursive: true });
  } catch { /* gone */ }
});
