/**
 * `deno task benchmark-centres [file.csv] [options]`: benchmark centres from a registry extract
 * (one row per patient: centre, wpn, pain_years, work, pdi_pre, pdi_post; optional psc_pre,
 * psc_post, hours, year), or from a simulated registry (`--simulate`), or diagnose the benchmark
 * by simulation (`--diagnose`). Prints the benchmark table with flags, or `--json` the full result.
 *
 * @example
 * // deno task benchmark-centres data/registry/simulated-registry.csv --outcome pdi_responder --od additive
 * // deno task benchmark-centres --simulate --seed 7 --json
 * // deno task benchmark-centres --diagnose --shortfall -4 --shortfall-centres 2 --years 3 --reps 200
 * @module
 */
import { ValidationError } from "../validate.ts";
import { type Benchmark, benchmarkCentres, indicationFunnel, type Outcome, OUTCOMES } from "../practice/benchmark.ts";
import { diagnoseBenchmark, type Diagnosis } from "../practice/diagnose.ts";
import { PDI_MCID, type RegistryParams, simulateRegistry } from "../practice/registry.ts";
import { parseRegistryCsv } from "../practice/upload.ts";

export const USAGE = `Usage: deno task benchmark-centres [file.csv] [options]

  file.csv              registry extract, one row per patient (columns: centre, wpn, pain_years, work,
                        pdi_pre, pdi_post; optional psc_pre, psc_post, hours, year)
  --simulate            benchmark a simulated registry instead of a file
  --diagnose            diagnose the benchmark by simulation (flag rates over --reps registries)
  --outcome O           ${OUTCOMES.join(" | ")} (default pdi_change)
  --od M                overdispersion adjustment: additive (default) | multiplicative | none
  --mcid X              PDI responder threshold in points (default 8.5, data/instruments.csv)
  --seed N              simulation seed (default 1)
  --years N             years of simulated data (default 1)
  --centres N           simulated centres (default 25)
  --indication X        mean share of less complex patients admitted (default 0.15)
  --dose H              median contact hours (default 80)
  --centre-sd X         SD of true centre effects, PDI points (default 1.5)
  --shortfall X         true shortfall in PDI points for --shortfall-centres centres (e.g. -4)
  --shortfall-centres N number of centres with the shortfall (default 0)
  --broad-centres N     number of centres with an over-broad indication (default 0)
  --reps N              replications for --diagnose (default 200)
  --json                print the full result as JSON
  --help                this text`;

/** Parsed options. */
export interface PracticeCliOptions {
  file?: string;
  mode: "file" | "simulate" | "diagnose";
  outcome: Outcome;
  od: "additive" | "multiplicative" | "none";
  mcid: number;
  seed: number;
  reps: number;
  params: RegistryParams;
  json: boolean;
}

function num(flag: string, v: string | undefined): number {
  const n = Number(v);
  if (v === undefined || v.trim() === "" || !Number.isFinite(n)) {
    throw new ValidationError("benchmark-centres", [{ path: flag, rule: "must be followed by a number", received: v }]);
  }
  return n;
}

/**
 * Parse command-line arguments.
 * @example parseArgs(["x.csv", "--outcome", "pdi_responder"]).outcome // "pdi_responder"
 */
export function parseArgs(args: string[]): PracticeCliOptions {
  const o: PracticeCliOptions = {
    mode: "file",
    outcome: "pdi_change",
    od: "additive",
    mcid: PDI_MCID,
    seed: 1,
    reps: 200,
    params: {},
    json: false,
  };
  const bad = (path: string, rule: string, received?: unknown) => {
    throw new ValidationError("benchmark-centres", [{ path, rule, received }]);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => args[++i];
    switch (a) {
      case "--simulate":
        o.mode = "simulate";
        break;
      case "--diagnose":
        o.mode = "diagnose";
        break;
      case "--json":
        o.json = true;
        break;
      case "--outcome": {
        const v = next();
        if (!(OUTCOMES as readonly string[]).includes(v)) bad("--outcome", `must be one of ${OUTCOMES.join(", ")}`, v);
        o.outcome = v as Outcome;
        break;
      }
      case "--od": {
        const v = next();
        if (!["additive", "multiplicative", "none"].includes(v)) {
          bad("--od", "must be additive, multiplicative or none", v);
        }
        o.od = v as PracticeCliOptions["od"];
        break;
      }
      case "--mcid":
        o.mcid = num(a, next());
        break;
      case "--seed":
        o.seed = num(a, next());
        break;
      case "--reps":
        o.reps = num(a, next());
        break;
      case "--years":
        o.params.years = num(a, next());
        break;
      case "--centres":
        o.params.centres = num(a, next());
        break;
      case "--indication":
        o.params.indicationBreadth = num(a, next());
        break;
      case "--dose":
        o.params.doseHours = num(a, next());
        break;
      case "--centre-sd":
        o.params.centreSD = num(a, next());
        break;
      case "--shortfall":
        o.params.shortfall = num(a, next());
        break;
      case "--shortfall-centres":
        o.params.shortfallCentres = num(a, next());
        break;
      case "--broad-centres":
        o.params.broadCentres = num(a, next());
        break;
      default:
        if (a.startsWith("--")) bad(a, "is not a known option (see --help)");
        if (o.file !== undefined) bad(a, `is a second file (already have ${o.file})`);
        o.file = a;
    }
  }
  if (o.mode === "file" && o.file === undefined) bad("file", "is required (or use --simulate / --diagnose)");
  return o;
}

const pad = (s: string, w: number) => (s.length >= w ? s : " ".repeat(w - s.length) + s);
const f = (x: number | null, d: number) => (x === null || !Number.isFinite(x) ? "NA" : x.toFixed(d));

/** The benchmark as a text table with a header naming the model and the overdispersion estimate. */
export function formatBenchmark(b: Benchmark, indicationFlags: Map<string, number> = new Map()): string {
  const L: string[] = [];
  L.push(
    `Outcome: ${b.outcome} (${b.unit}); case-mix model: ${b.model.kind}, n = ${b.model.n}, R2 = ${f(b.model.r2, 3)}`,
  );
  L.push(`  coefficients: ${b.model.names.map((n, i) => `${n} ${f(b.model.coef[i], 4)}`).join(", ")}`);
  L.push(
    `Overdispersion: phi = ${f(b.funnel.phi, 3)} (p = ${b.funnel.odPval.toExponential(2)}), tau2 = ${
      f(b.funnel.tau2, 5)
    }; limits: ${b.funnel.od}`,
  );
  L.push(
    `Between-centre variance: raw ${f(b.variance.tau2Raw, 4)}, adjusted ${f(b.variance.tau2Adjusted, 4)} (${
      f(100 * b.variance.removed, 1)
    }% removed by case mix)`,
  );
  L.push("");
  const head = [
    "centre",
    "n",
    "observed",
    "expected",
    "O-E",
    "O/E",
    "z",
    "flag95",
    "flag99.8",
    "shrunken",
    "indication",
  ];
  L.push(head.map((h, i) => (i === 0 ? h.padEnd(8) : pad(h, 9))).join(" "));
  const dig = b.outcome === "pdi_responder" ? 1 : 2;
  const fl = (v: number) => (v < 0 ? "low" : v > 0 ? "high" : "");
  for (const c of b.centres) {
    L.push(
      [
        c.centre.padEnd(8),
        pad(String(c.n), 9),
        pad(f(c.observed, dig), 9),
        pad(f(c.expected, dig), 9),
        pad(f(c.diff, 3), 9),
        pad(f(c.oe, 3), 9),
        pad(f(c.zAdj, 2), 9),
        pad(fl(c.flag95), 9),
        pad(fl(c.flag998), 9),
        pad(f(c.shrunk, 3), 9),
        pad(fl(indicationFlags.get(c.centre) ?? 0), 9),
      ].join(" "),
    );
  }
  if (b.excluded.length) L.push(`Left out (< 5 patients): ${b.excluded.join(", ")}`);
  L.push("");
  L.push("indication: share with baseline PDI < 30 outside the 95% limits of the indication funnel.");
  return L.join("\n") + "\n";
}

function formatDiagnosis(d: Diagnosis): string {
  const p = (r: { rate: number; mcse: number; n: number }) =>
    `${(100 * r.rate).toFixed(1)}% (MC SE ${(100 * r.mcse).toFixed(1)}, n = ${r.n})`;
  return [
    `Diagnosis over ${d.reps} simulated registries:`,
    `  shortfall centres flagged low:   95% ${p(d.shortfall.low95)}; 99.8% ${p(d.shortfall.low998)}`,
    `  other centres flagged (either):  95% ${p(d.good.any95)}; 99.8% ${p(d.good.any998)}`,
    `  over-broad centres: outcome low 95% ${p(d.broad.outcomeLow95)}; indication high 95% ${
      p(d.broad.indicationHigh95)
    }`,
    `  variance removed by case mix: ${(100 * d.varianceRemoved).toFixed(1)}%`,
    `  dose-severity correlation (centre level): ${d.doseSeverityCorrelation.toFixed(3)}`,
    "",
  ].join("\n");
}

/** Run the CLI; returns what to print and the exit code (no process exit). */
export function runPractice(
  args: string[],
  readText: (path: string) => string = (p) => Deno.readTextFileSync(p),
): { stdout: string; stderr: string; code: number } {
  if (args.includes("--help") || args.length === 0) return { stdout: USAGE, stderr: "", code: args.length ? 0 : 2 };
  try {
    const o = parseArgs(args);
    if (o.mode === "diagnose") {
      const d = diagnoseBenchmark({ params: o.params, reps: o.reps, seed: o.seed, outcome: o.outcome, od: o.od });
      return { stdout: o.json ? JSON.stringify(d, null, 2) : formatDiagnosis(d), stderr: "", code: 0 };
    }
    let rows;
    if (o.mode === "simulate") rows = simulateRegistry(o.params, o.seed).patients;
    else {
      let text: string;
      try {
        text = readText(o.file as string);
      } catch (e) {
        return { stdout: "", stderr: `benchmark-centres: cannot read ${o.file}: ${(e as Error).message}`, code: 1 };
      }
      rows = parseRegistryCsv(text, { name: o.file }).rows;
    }
    const b = benchmarkCentres({ rows, outcome: o.outcome, od: o.od, mcid: o.mcid });
    const ind = indicationFunnel({ rows, od: o.od });
    if (o.json) {
      return { stdout: JSON.stringify({ benchmark: b, indication: ind }, null, 2), stderr: "", code: 0 };
    }
    const flags = new Map(ind.rows.map((r) => [r.id, r.flags[0]]));
    return { stdout: formatBenchmark(b, flags), stderr: "", code: 0 };
  } catch (e) {
    if (e instanceof ValidationError || e instanceof RangeError) return { stdout: "", stderr: e.message, code: 1 };
    throw e;
  }
}

if (import.meta.main) {
  const r = runPractice(Deno.args);
  if (r.stdout) console.log(r.stdout);
  if (r.stderr) console.error(r.stderr);
  Deno.exit(r.code);
}
