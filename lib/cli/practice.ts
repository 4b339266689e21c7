/**
 * `deno task benchmark-centres [file.csv|file.parquet] [options]`: benchmark centres from a registry
 * extract (one row per patient: centre, wpn, pain_years, work, pdi_pre, pdi_post; optional psc_pre,
 * psc_post, hours, year; a Dutch Excel CSV with `;` and decimal commas is read as well; a Parquet
 * file through DuckDB), or from a simulated registry (`--simulate`, which can also write it as an
 * extract with `--write-extract`), or diagnose the benchmark by simulation (`--diagnose`).
 * Prints the centre table (the library's `centreTable`, the same rows and flag rule as the
 * notebook and the plots), or `--json` the full result.
 *
 * Everything goes through the practice engine's front door (`lib/practice/mod.ts`) and the one CLI
 * layer (`lib/cli/_args.ts`): unknown options are errors, `--help` describes every option, input
 * errors print one message naming the option, row and column, without a stack trace (exit 2).
 *
 * @example
 * // deno task benchmark-centres data/registry/simulated-registry.csv --outcome pdi_responder --od additive
 * // deno task benchmark-centres --simulate --seed 7 --json
 * // deno task benchmark-centres --simulate --seed 1 --centres 250 --size-min 300 --size-max 500 --years 10 --write-extract national.parquet
 * // deno task benchmark-centres national.parquet
 * // deno task benchmark-centres --diagnose --seed 1 --shortfall -4 --shortfall-centres 2 --years 3 --reps 200
 * @module
 */
import { checkOutputPath, type CommandSpec, type ParsedCli, readInput, runCli } from "./_args.ts";
import { fmt, fmtCI } from "../format.ts";
import { PDI_MCID } from "../instruments.ts";
import {
  type Benchmark,
  benchmarkCentres,
  benchmarkSummary,
  centreTable,
  type CentreTableRow,
  diagnoseBenchmark,
  diagnosisTable,
  type FlagRateDiagnosis,
  type FunnelResult,
  type FunnelTau2Method,
  indicationFunnel,
  type Outcome,
  OUTCOMES,
  type OverdispersionMethod,
  parseRegistryCsv,
  readRegistryExtract,
  REGISTRY_DEFAULTS,
  type RegistryExtract,
  type RegistryParams,
  type RegistryRow,
  registryToCsv,
  type SimPatient,
  simulateRegistry,
  ValidationError,
  writeRegistryParquet,
} from "../practice/mod.ts";

const TOOL = "benchmark-centres";

/** Registry options: CLI name -> simulateRegistry parameter. */
const PARAM_OPTIONS: Record<string, keyof RegistryParams> = {
  years: "years",
  centres: "centres",
  indication: "indicationBreadth",
  dose: "doseHours",
  "centre-sd": "centreSD",
  "dose-effect": "doseEffect",
  shortfall: "shortfall",
  "shortfall-centres": "shortfallCentres",
  "broad-centres": "broadCentres",
  "size-min": "sizeMin",
  "size-max": "sizeMax",
};

/** The command's options, for `--help` and the parser. */
export const SPEC: CommandSpec = {
  name: TOOL,
  summary: "Benchmark rehabilitation centres on case-mix-adjusted outcomes (funnel plot limits, overdispersion,\n" +
    "shrinkage) from a registry extract, a simulated registry (--simulate), or diagnose by simulation how\n" +
    "often the benchmark flags the right centres (--diagnose).",
  positional: {
    name: "file.csv",
    description: "registry extract, one row per patient (centre, wpn, pain_years, work, pdi_pre, pdi_post;\n" +
      "                         optional psc_pre, psc_post, hours, year): a `,` or `;` (Dutch Excel) CSV,\n" +
      "                         or a .parquet file (read with --engine duckdb)",
    min: 0,
    max: 1,
  },
  options: {
    simulate: { type: "boolean", description: "benchmark a simulated registry instead of a file (needs --seed)" },
    engine: {
      type: "string",
      choices: ["duckdb", "js"],
      default: "duckdb",
      description: "how a file is read and checked: duckdb (default, as it alone reads Parquet and gives --summary;\n" +
        "the same rules, rows and messages as js, tests/practice/duckdb_test.ts) or js (CSV only: the notebook's\n" +
        "upload reader, no native library). A 10^6-row extract is read and benchmarked in about 2 s either way\n" +
        "(tests/bench/README.md)",
    },
    "centre-column": {
      type: "string",
      valueName: "name",
      description: "the column holding the centre, when it is not called centre (--engine duckdb)",
    },
    "write-extract": {
      type: "string",
      valueName: "file.csv|file.parquet",
      description: "with --simulate: also write the simulated registry as an extract (CSV, or Parquet by its\n" +
        "extension), one row per patient",
    },
    diagnose: {
      type: "boolean",
      description: "diagnose the benchmark by simulation: flag rates over --reps registries (needs --seed)",
    },
    outcome: {
      type: "string",
      choices: OUTCOMES,
      default: "pdi_change",
      description: "outcome benchmarked: PDI change, PDI responder (change >= --mcid), PSC change",
    },
    od: {
      type: "string",
      choices: ["additive", "multiplicative", "none"],
      default: "additive",
      description: "overdispersion adjustment of the control limits",
    },
    tau2: {
      type: "string",
      choices: ["DL", "REML", "spiegelhalter", "spiegelhalter-winsorised"],
      default: "DL",
      description: "estimator of tau2 for --od additive (DL: closest to nominal in the calibration table,\n" +
        "data/registry/calibration.json; spiegelhalter-winsorised is FunnelPlotR's)",
    },
    "case-mix": {
      type: "string",
      choices: ["pooled", "mixed"],
      default: "pooled",
      description: "case-mix model: pooled (least squares / logistic), or mixed (random centre intercepts:\n" +
        "REML / PQL for responders; within-centre coefficients)",
    },
    mcid: {
      type: "number",
      min: 0.1,
      max: 70,
      default: PDI_MCID.value,
      description: `PDI responder threshold in points (${PDI_MCID.source}; unverified)`,
    },
    seed: {
      type: "integer",
      description: "simulation seed, required with --simulate and --diagnose (same seed, same result)",
    },
    years: {
      type: "integer",
      min: 1,
      max: 10,
      description: `years of simulated data (default ${REGISTRY_DEFAULTS.years})`,
    },
    centres: {
      type: "integer",
      min: 3,
      max: 500,
      description: `simulated centres (default ${REGISTRY_DEFAULTS.centres})`,
    },
    indication: {
      type: "number",
      min: 0,
      max: 0.95,
      description: `mean share of less complex patients admitted (default ${REGISTRY_DEFAULTS.indicationBreadth})`,
    },
    dose: {
      type: "number",
      min: 10,
      max: 274,
      description: `median contact hours per centre (default ${REGISTRY_DEFAULTS.doseHours})`,
    },
    "dose-effect": {
      type: "number",
      min: 0,
      max: 1,
      description: "share of the review's between-study contact-hour subgroup applied as a causal dose effect in\n" +
        "the simulation (default 0: none; 1: 0.63x above 130 h; an assumption, labelled)",
    },
    "centre-sd": {
      type: "number",
      min: 0,
      max: 20,
      description: `SD of true centre effects, PDI points (default ${REGISTRY_DEFAULTS.centreSD})`,
    },
    shortfall: {
      type: "number",
      min: -30,
      max: 30,
      description: "true shortfall in PDI points of the first --shortfall-centres centres (e.g. -4)",
    },
    "shortfall-centres": {
      type: "integer",
      min: 0,
      description: "number of centres with the shortfall (default 0; at most --centres)",
    },
    "size-min": {
      type: "integer",
      min: 5,
      max: 100000,
      description: `smallest simulated centre, patients per year (default ${REGISTRY_DEFAULTS.sizeMin})`,
    },
    "size-max": {
      type: "integer",
      min: 5,
      max: 100000,
      description: `largest simulated centre, patients per year (default ${REGISTRY_DEFAULTS.sizeMax}; >= --size-min)`,
    },
    "broad-centres": {
      type: "integer",
      min: 0,
      description: "number of centres with an over-broad indication (default 0; at most --centres)",
    },
    reps: {
      type: "integer",
      min: 1,
      max: 100000,
      description: "replications for --diagnose (default 200)",
    },
    summary: {
      type: "boolean",
      description: "print the file's per-centre aggregates computed in SQL (n, mean and SD of PDI change,\n" +
        "responders at --mcid, missing PSC follow-up, case-mix means, years) without the case-mix benchmark:\n" +
        "the check and aggregation alone, without handing the rows to JavaScript (--engine duckdb)",
    },
    json: { type: "boolean", description: "print the full result as JSON" },
  },
  examples: [
    "deno task benchmark-centres data/registry/simulated-registry.csv --outcome pdi_responder",
    "deno task benchmark-centres --simulate --seed 7 --centres 12",
    "deno task benchmark-centres --simulate --seed 1 --centres 250 --size-min 300 --size-max 500 --years 10 \\\n" +
    "  --write-extract national.parquet",
    "deno task benchmark-centres national.parquet --outcome pdi_responder",
    "deno task benchmark-centres --diagnose --seed 1 --shortfall -4 --shortfall-centres 2 --years 3 --reps 200",
  ],
  notes: "flag: the outermost control limit (95% or 99.8%) a centre crosses, and in which direction: the same\n" +
    "rule as the notebook and the plots. indication: the same rule on the share with baseline PDI < 30.",
};

function bad(path: string, rule: string, received?: unknown): never {
  const issue = received === undefined ? { path, rule } : { path, rule, received };
  throw new ValidationError(TOOL, [issue]);
}

/** Mode and registry parameters from the parsed options, with the cross-option rules checked. */
function settings(parsed: ParsedCli): { mode: "file" | "simulate" | "diagnose"; params: RegistryParams } {
  const o = parsed.options;
  const file = parsed.positional[0];
  if (o.simulate && o.diagnose) bad("--simulate", "and --diagnose cannot be combined");
  const mode = o.diagnose ? "diagnose" : o.simulate ? "simulate" : "file";
  if (mode === "file" && file === undefined) {
    bad("file.csv", "is required (or use --simulate / --diagnose); see --help");
  }
  if (mode !== "file" && file !== undefined) bad("file.csv", `cannot be combined with --${mode}`, file);
  const params: RegistryParams = {};
  for (const [flag, key] of Object.entries(PARAM_OPTIONS)) {
    if (o[flag] === undefined) continue;
    if (mode === "file") bad(`--${flag}`, "applies only to --simulate and --diagnose (a file has its own centres)");
    params[key] = o[flag] as number;
  }
  if (mode !== "diagnose" && o.reps !== undefined) bad("--reps", "applies only to --diagnose");
  if (mode !== "file" && o.seed === undefined) {
    bad("--seed", `is required with --${mode} (every simulation takes a seed)`);
  }
  if (mode === "file" && o.seed !== undefined) bad("--seed", "applies only to --simulate and --diagnose");
  if (o["write-extract"] !== undefined) {
    if (mode !== "simulate") bad("--write-extract", "applies only to --simulate");
    checkOutputPath(TOOL, "--write-extract", o["write-extract"] as string);
  }
  if (mode !== "file" && o["centre-column"] !== undefined) bad("--centre-column", "applies only to a file");
  if (o.summary && mode !== "file") bad("--summary", "applies only to a file");
  if (o.summary && o.engine === "js") bad("--summary", "needs --engine duckdb (the aggregates are computed in SQL)");
  if (mode === "file" && o.engine === "js") {
    if (/\.parquet$/i.test(file as string)) {
      bad("--engine", "js reads CSV only: read a .parquet file with --engine duckdb", "js");
    }
    if (o["centre-column"] !== undefined) bad("--centre-column", "needs --engine duckdb");
  }
  const sizeMin = params.sizeMin ?? REGISTRY_DEFAULTS.sizeMin;
  if (params.sizeMax !== undefined && params.sizeMax < sizeMin) {
    bad("--size-max", `must be >= the smallest centre (--size-min ${sizeMin})`, params.sizeMax);
  }
  const centres = params.centres ?? REGISTRY_DEFAULTS.centres;
  for (const [flag, key] of [["shortfall-centres", "shortfallCentres"], ["broad-centres", "broadCentres"]] as const) {
    const v = params[key] ?? 0;
    if (v > centres) bad(`--${flag}`, `must be <= the number of centres (--centres ${centres})`, v);
  }
  if ((params.shortfallCentres ?? 0) + (params.broadCentres ?? 0) > centres) {
    bad("--broad-centres", `plus --shortfall-centres must be <= the number of centres (${centres})`);
  }
  return { mode, params };
}

const pad = (s: string, w: number) => (s.length >= w ? s : " ".repeat(w - s.length) + s);

/** The centre table as text: the summary lines, one line per centre, and the notes. */
export function formatBenchmark(b: Benchmark, rows: readonly CentreTableRow[]): string {
  const L = [...benchmarkSummary(b), ""];
  const resp = b.outcome === "pdi_responder";
  // O/E only for the binary outcome (observed / expected responders); for mean changes O - E only.
  const head = [
    "centre",
    "n",
    "observed",
    "expected",
    "O-E",
    ...(resp ? ["O/E"] : []),
    "z",
    "flag",
    "shrunken",
    "indication",
  ];
  if (resp) head.push("responder rate (95% CI)");
  const widths = resp ? [8, 5, 9, 9, 8, 7, 7, 13, 9, 13, 24] : [8, 5, 9, 9, 8, 7, 13, 9, 13];
  L.push(head.map((h, i) => (i === 0 ? h.padEnd(widths[0]) : pad(h, widths[i]))).join(" "));
  const dig = resp ? 1 : 2;
  for (const r of rows) {
    const cells = [
      r.centre.padEnd(widths[0]),
      String(r.n),
      fmt(r.observed, dig),
      fmt(r.expected, dig),
      fmt(r.diff, 3),
      ...(resp ? [fmt(r.oe, 3)] : []),
      fmt(r.z, 2),
      r.flag,
      fmt(r.shrunk.estimate, 3),
      r.indication ?? "",
    ];
    if (resp && r.rate) {
      cells.push(`${fmt(100 * r.rate.estimate, 1)}% ${fmtCI(100 * r.rate.ci_lb, 100 * r.rate.ci_ub, 1)}`);
    }
    L.push(cells.map((c, i) => (i === 0 ? c : pad(c, widths[i]))).join(" "));
  }
  if (b.excluded.length) L.push(`Left out (< ${b.minCentreSize} patients): ${b.excluded.join(", ")}`);
  L.push("", SPEC.notes as string);
  return L.join("\n") + "\n";
}

/** The per-centre SQL aggregates of an extract as text (`--summary`). */
export function formatExtractSummary(x: RegistryExtract): string {
  const head = ["centre", "n", "change", "SD", "resp %", "PDI pre", "WPN4 %", "years pain", "work %", "hours"];
  head.push("PSC n", "PSC post missing", "years");
  const rows = x.summary.map((c) => [
    c.centre,
    String(c.n),
    fmt(c.meanChange, 2),
    c.sdChange === null ? "" : fmt(c.sdChange, 2),
    fmt(100 * c.responders / c.n, 1),
    fmt(c.meanPre, 1),
    fmt(100 * c.shareWpn4, 1),
    fmt(c.meanPainYears, 1),
    fmt(100 * c.shareWork, 1),
    c.hours === null ? "" : fmt(c.hours, 1),
    String(c.nPsc),
    String(c.missingPscPost),
    c.years === null ? "" : `${c.years[0]}-${c.years[1]}`,
  ]);
  const w = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(w[0]) : pad(c, w[j]))).join("  ");
  const n = x.summary.reduce((a, c) => a + c.n, 0);
  return [
    `${n} patients in ${x.summary.length} centres (${x.format}${x.dialect ? `, ${x.dialect.description}` : ""}); ` +
    `change = PDI before - after (positive is better); responders: change >= ${x.mcid} points`,
    "",
    line(head),
    ...rows.map(line),
    "",
  ].join("\n");
}

/** The diagnosis as text; rates over no centres print as "not available (n = 0)". */
export function formatDiagnosis(d: FlagRateDiagnosis): string {
  const rows = diagnosisTable(d);
  const w = Math.max(...rows.map((r) => r.what.length));
  return [
    `Diagnosis over ${d.reps} simulated registries (rate ± Monte Carlo SE, n = centre-replications):`,
    ...rows.map((r) => `  ${r.what.padEnd(w)}  ${r.text}`),
    "",
  ].join("\n");
}

/** The input file exists and is a file (the messages of the CSV reader's `readInput`). */
async function checkFile(path: string): Promise<void> {
  try {
    if ((await Deno.stat(path)).isDirectory) bad("file.csv", "is a folder, not a file", path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) bad("file.csv", "does not exist", path);
    throw e;
  }
}

/** Write the simulated registry as a CSV or (by extension) Parquet extract; says so on stderr. */
async function writeExtract(rows: readonly SimPatient[], path: string): Promise<void> {
  if (/\.parquet$/i.test(path)) await writeRegistryParquet(rows, path);
  else await Deno.writeTextFile(path, registryToCsv(rows));
  console.error(`wrote ${rows.length} patients to ${path}`);
}

async function run(parsed: ParsedCli): Promise<number> {
  const o = parsed.options;
  const { mode, params } = settings(parsed);
  const outcome = o.outcome as Outcome;
  const od = o.od as OverdispersionMethod;
  const tau2Method = o.tau2 as FunnelTau2Method;
  if (mode === "diagnose") {
    const reps = (o.reps as number | undefined) ?? 200;
    const d = diagnoseBenchmark({
      params,
      reps,
      seed: o.seed as number,
      outcome,
      od,
      tau2Method,
      caseMix: o["case-mix"] as "pooled" | "mixed",
    });
    console.log(o.json ? JSON.stringify(d, null, 2) : formatDiagnosis(d));
    return 0;
  }
  let rows: RegistryRow[];
  if (mode === "simulate") {
    const patients = simulateRegistry(params, o.seed as number).patients;
    const out = o["write-extract"] as string | undefined;
    if (out !== undefined) await writeExtract(patients, out);
    rows = patients;
  } else {
    const file = parsed.positional[0];
    if (o.engine === "js") rows = parseRegistryCsv(await readInput(TOOL, file, "file.csv"), { name: file }).rows;
    else {
      await checkFile(file);
      const centreColumn = o["centre-column"] as string | undefined;
      const x = await readRegistryExtract(file, {
        name: file,
        mcid: o.mcid as number,
        rows: !o.summary,
        ...(centreColumn ? { centreColumn } : {}),
      });
      if (o.summary) {
        console.log(o.json ? JSON.stringify({ summary: x.summary, mcid: x.mcid }, null, 2) : formatExtractSummary(x));
        return 0;
      }
      rows = x.rows;
    }
  }
  const caseMix = o["case-mix"] as "pooled" | "mixed";
  const b = benchmarkCentres({ rows, outcome, od, tau2Method, caseMix, mcid: o.mcid as number });
  const indication: FunnelResult = indicationFunnel({ rows, od, tau2Method });
  const table = centreTable(b, { indication });
  if (o.json) console.log(JSON.stringify({ benchmark: b, indication, table }, null, 2));
  else console.log(formatBenchmark(b, table));
  return 0;
}

/** Run the CLI with `args`; returns the exit code (0 ok, 2 bad input, 1 other errors). */
export function main(args: readonly string[]): Promise<number> {
  return runCli(SPEC, args, run);
}

if (import.meta.main) Deno.exit(await main(Deno.args));
