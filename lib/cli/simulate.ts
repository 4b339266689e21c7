/**
 * Command line: simulate and diagnose study designs.
 *
 * ```
 * deno task simulate <design.json> [--reps N] [--workers W] [--seed S] [--out results.csv]
 *                    [--shard i/n] [--raw raw.csv] [--merge a.csv b.csv ...] [--quiet]
 * ```
 * - design.json: a simulation `{ "designs": [...] | "design": {...}, "grid": {...}, "reps", "seed" }`,
 *   or a scenario file (`data/designs/scenario-*.json`: sourced values set on every design)
 *   (see lib/design/mod.ts; errors name the field and rule). `--reps` and `--seed` override the
 *   file's values. A simulation whose memory or time would be absurd is refused before it starts.
 * - Without `--shard`: runs everything on W workers (default 2; 1 = in this thread), prints the
 *   summary table on stdout, a progress bar on stderr, and writes the diagnosis CSV to `--out`
 *   (and per-replication rows to `--raw`).
 * - `--shard i/n` (1-based i): runs only the i-th of n equal replication ranges of every grid point
 *   and writes its per-replication rows, with a provenance line and a row-count footer, to `--out`.
 *   `--merge a.csv b.csv ...` reads shard files of the same simulation and writes the diagnosis,
 *   identical to an unsharded run; shards of another simulation or cut files are refused.
 * - Every output file is written atomically (temporary file, then renamed), and its folder is
 *   checked before the run starts: an interrupted run leaves no file or the complete previous one.
 * @module
 */
import { type CommandSpec, openAtomic, type ParsedCli, readInput, runCli, writeAtomic } from "./_args.ts";
import { type Issue, ValidationError } from "../conventions.ts";
import { fmt, fmtMcse, MISSING } from "../format.ts";
import {
  DEFAULT_QUESTION,
  diagnoseBlocks,
  type DiagnosisRow,
  diagnosisToCsv,
  mainAnswer,
  mergeRaw,
  parseScenario,
  parseSimulation,
  runBlocks,
  type Scenario,
  shardToCsv,
  type Simulation,
  type SimulationInput,
  withCertainty,
} from "../design/mod.ts";

/** What the CLI produced: exit code and the text for stdout / stderr. */
export interface CliResult {
  /** Exit code: 0 ok, 1 failure, 2 bad input. */
  code: number;
  /** Text written to stdout. */
  stdout: string;
  /** Text written to stderr. */
  stderr: string;
}

const TOOL = "simulate";

/** Throw a ValidationError of this CLI for one problem (as lib/validate's `fail`, via the front door). */
function fail(tool: string, path: string, rule: string, ...received: unknown[]): never {
  const issue: Issue = { path, rule };
  if (received.length) issue.received = received[0];
  throw new ValidationError(tool, [issue]);
}

/** The simulate command's options (its `--help` is generated from this). */
export const SIMULATE_SPEC: CommandSpec = {
  name: TOOL,
  summary: "Simulate study designs many times from a population model and diagnose them: power, bias, RMSE, " +
    "CI coverage and type-S error rate, each with its Monte Carlo SE. The same seed gives the same " +
    "numbers whatever the number of workers or shards.",
  positional: {
    name: "design.json",
    description: 'a simulation: { "designs": [...] or "design": {...}, "grid": {...}, "reps": N, "seed": S }',
    min: 1,
    max: 1,
  },
  options: {
    reps: {
      type: "integer",
      description: "replications per grid point (overrides the file's reps)",
      min: 1,
      max: 10_000_000,
      valueName: "N",
    },
    seed: {
      type: "integer",
      description: "seed of every random stream (overrides the file's seed; one of the two is required)",
      min: 0,
      max: 2 ** 32 - 1,
      valueName: "S",
    },
    workers: {
      type: "integer",
      description: "worker threads (1: run in this thread)",
      default: 2,
      min: 1,
      max: 64,
      valueName: "W",
    },
    out: {
      type: "string",
      description: "write the diagnosis CSV here (with --shard: the shard's per-replication rows; required)",
      valueName: "file.csv",
    },
    raw: {
      type: "string",
      description: "also write every replication's estimate, CI, p-value and estimand here (a shard file)",
      valueName: "file.csv",
    },
    shard: {
      type: "string",
      description: "run only shard i of n (1-based) of every grid point's replications; needs --out",
      valueName: "i/n",
    },
    merge: {
      type: "repeat",
      description: "merge shard files of this design file into the diagnosis (list them after --merge,\n" +
        "or repeat --merge); refuses shards of another run and truncated files",
      valueName: "shard.csv...",
    },
    quiet: { type: "boolean", description: "no progress bar" },
    json: {
      type: "boolean",
      description: "print JSON instead of the table: per design and grid point the diagnosands with\n" +
        "their Monte Carlo SEs and a certainty object (toolkit heuristic, not GRADE)",
    },
  },
  notes: "Every output file is written atomically; its folder is checked before the run starts.\n" +
    "Exit codes: 0 ok, 2 bad input (the message names the field and the rule), 1 other failures.",
  examples: [
    "deno task simulate data/designs/dispute.json --reps 2000 --out dispute.csv",
    "deno task simulate data/designs/scenario-sceptical.json --json",
    "deno task simulate data/designs/sced-mbd.json --shard 1/2 --out s1.csv",
    "deno task simulate data/designs/sced-mbd.json --merge s1.csv s2.csv --out sced.csv",
  ],
};

/**
 * A fixed-width summary table: one line per design × grid point × answer strategy, then one line
 * per kind of warning.
 * @example summaryTable(rows).split("\n")[0] // "design  grid  answer  estimand  power ± mcse  ..."
 */
export function summaryTable(rows: readonly DiagnosisRow[]): string {
  const head = [
    "design",
    "grid",
    "answer",
    "estimand",
    "power ± mcse",
    "bias ± mcse",
    "rmse",
    "coverage",
    "type-S",
    "reps",
  ];
  const body = rows.map((r) => [
    r.design,
    Object.entries(r.grid).map(([k, v]) => `${k}=${v}`).join(" ") || MISSING,
    r.answer,
    fmt(r.mean_estimand, 3),
    fmtMcse(r.power, r.power_mcse, 3),
    fmtMcse(r.bias, r.bias_mcse, 3),
    fmt(r.rmse, 3),
    fmt(r.coverage, 3),
    fmt(r.type_s, 3),
    String(r.reps),
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => c.padEnd(widths[j])).join("  ").trimEnd();
  // one line per kind of warning (the CSV keeps every row's own warnings)
  const kinds = new Map<string, number>();
  for (const r of rows) {
    for (const w of r.warnings) {
      const kind = w.replace(/[\d.]+/g, "N");
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  }
  const warnings = [...kinds].map(([k, c]) => {
    const example = rows.flatMap((r) => r.warnings).find((w) => w.replace(/[\d.]+/g, "N") === k)!;
    return `${example} (${c} row${c > 1 ? "s" : ""}; see the CSV)`;
  });
  return [
    line(head),
    ...body.map(line),
    ...(warnings.length ? ["", "warnings:", ...warnings.map((w) => `  ${w}`)] : []),
  ]
    .join("\n") + "\n";
}

/**
 * The `--json` report: the scenario (if any) with its question and sourced values, and per design,
 * grid point and answer strategy the diagnosands with their MCSEs and the certainty readout.
 * Numbers that are not available are null (never NaN).
 * @example JSON.parse(jsonReport(sim, rows, null)).rows[0].certainty.risk_of_bias.rating
 */
export function jsonReport(sim: Simulation, rows: readonly DiagnosisRow[], scenario: Scenario | null): string {
  const question = scenario?.question ?? DEFAULT_QUESTION;
  const clean = (x: unknown): unknown => typeof x === "number" && !Number.isFinite(x) ? null : x;
  return JSON.stringify(
    {
      heuristic: "certainty: the toolkit's heuristic, not GRADE",
      scenario: scenario ? { name: scenario.name, title: scenario.title, question, values: scenario.values } : null,
      question,
      reps: sim.reps,
      seed: sim.seed,
      rows: withCertainty(sim, rows, question).map((r) => ({
        ...r,
        main_answer: r.answer === mainAnswer(sim.points[r.grid_index].design),
        alpha: sim.points[r.grid_index].design.alpha,
        level: sim.points[r.grid_index].design.level,
        sided: sim.points[r.grid_index].design.sided,
        inquiry: sim.points[r.grid_index].design.estimand,
      })),
    },
    (_k, v) => clean(v),
    2,
  ) + "\n";
}

/** A progress bar line (no newline), e.g. `[##########----------]  50%  5000/10000 replications`. */
export function progressBar(done: number, total: number, width: number = 30): string {
  const f = total > 0 ? done / total : 1;
  const k = Math.round(f * width);
  return `[${"#".repeat(k)}${"-".repeat(width - k)}] ${
    String(Math.round(100 * f)).padStart(3)
  }%  ${done}/${total} replications`;
}

/** `--merge a.csv b.csv c.csv` → `--merge a.csv --merge b.csv --merge c.csv` (files up to the next option). */
function expandMerge(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    out.push(args[i]);
    if (args[i] !== "--merge") continue;
    let first = true;
    while (i + 1 < args.length && !args[i + 1].startsWith("-")) {
      if (!first) out.push("--merge");
      out.push(args[++i]);
      first = false;
    }
  }
  return out;
}

function parseShard(value: string): [number, number] {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m || Number(m[2]) < 1 || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]) || Number(m[2]) > 10_000) {
    fail(TOOL, "--shard", "must look like i/n with 1 <= i <= n <= 10000 (e.g. 1/4)", value);
  }
  return [Number(m[1]) - 1, Number(m[2])];
}

async function readSimulation(file: string, reps?: number, seed?: number): Promise<SimulationInput> {
  const text = await readInput(TOOL, file, "design file");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(TOOL, [{
      path: "design file",
      rule: `is not valid JSON (${(e as Error).message})`,
      received: file,
    }]);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    fail(TOOL, "design file", 'must hold a JSON object { "design" or "designs", "grid", "reps", "seed" }', file);
  }
  const obj = json as Record<string, unknown>;
  if (reps !== undefined) obj.reps = reps;
  if (seed !== undefined) obj.seed = seed;
  if (obj.seed === undefined) {
    fail(TOOL, "seed", 'is required: add "seed": <whole number> to the design file, or pass --seed');
  }
  return obj as unknown as SimulationInput;
}

/** Where the CLI writes: stdout text, stderr text, and progress updates. */
interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  progress?: (s: string) => void;
}

async function run(parsed: ParsedCli, io: Io): Promise<number> {
  const o = parsed.options as {
    reps?: number;
    seed?: number;
    workers: number;
    out?: string;
    raw?: string;
    shard?: string;
    merge?: string[];
    quiet?: boolean;
    json?: boolean;
  };
  const file = parsed.positional[0];
  const shard = o.shard === undefined ? undefined : parseShard(o.shard);
  const merge = o.merge ?? [];
  if (shard && !o.out) fail(TOOL, "--shard", "needs --out for the shard's per-replication rows");
  if (shard && merge.length) fail(TOOL, "--shard", "cannot be combined with --merge");
  if (merge.length && o.raw) fail(TOOL, "--raw", "cannot be combined with --merge (the shards are the raw rows)");
  if (o.out && o.raw && o.out === o.raw) fail(TOOL, "--raw", "must differ from --out", o.raw);
  // the design is validated (and the resource bounds checked) before any file is opened
  const input = await readSimulation(file, o.reps, o.seed);
  const scenario = "scenario" in input ? parseScenario(input, `${TOOL} ${file}`) : null;
  const sim = scenario ? scenario.simulation : parseSimulation(input, `${TOOL} ${file}`);
  const show = (rows: DiagnosisRow[]) => o.json ? jsonReport(sim, rows, scenario) : summaryTable(rows);

  if (merge.length) {
    const texts: string[] = [];
    for (const f of merge) texts.push(await readInput(TOOL, f, "--merge"));
    const rows = mergeRaw(sim, texts, merge, TOOL);
    if (o.out) await writeAtomic(TOOL, "--out", o.out, diagnosisToCsv(rows));
    io.out(show(rows));
    io.err(`merged ${merge.length} shard file(s)${o.out ? `; diagnosis written to ${o.out}` : ""}\n`);
    return 0;
  }

  // open the outputs before the run: a missing folder is reported now, not after hours; until
  // commit the rows go to a temporary file, which an interrupt removes
  const outFile = o.out ? await openAtomic(TOOL, "--out", o.out) : null;
  const rawFile = o.raw ? await openAtomic(TOOL, "--raw", o.raw) : null;
  try {
    let last = -1;
    // always a callback: in this thread, runBlocks then yields to the event loop between blocks,
    // so that an interrupt (SIGINT) is handled at once rather than after the whole run
    const onProgress = o.quiet || !io.progress ? () => {} : (done: number, total: number) => {
      const pct = Math.floor((100 * done) / total);
      if (pct !== last || done === total) {
        last = pct;
        io.progress!(`\r${progressBar(done, total)}${done === total ? "\n" : ""}`);
      }
    };
    const started = performance.now();
    const blocks = await runBlocks(sim, { workers: o.workers, shard, onProgress });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (shard) {
      await outFile!.write(shardToCsv(sim, blocks, shard));
      await outFile!.commit();
      io.err(`shard ${shard[0] + 1}/${shard[1]}: ${blocks.length} block(s) in ${seconds} s written to ${o.out}\n`);
      return 0;
    }
    const rows = diagnoseBlocks(sim, blocks);
    if (outFile) {
      await outFile.write(diagnosisToCsv(rows));
      await outFile.commit();
    }
    if (rawFile) {
      await rawFile.write(shardToCsv(sim, blocks, [0, 1]));
      await rawFile.commit();
    }
    io.out(show(rows));
    const n = sim.points.length * sim.reps;
    io.err(`${n} replications (${sim.points.length} grid point(s)) on ${o.workers} worker(s) in ${seconds} s\n`);
    return 0;
  } finally {
    // no-ops after a commit; on an error the temporary files go
    await outFile?.abort();
    await rawFile?.abort();
  }
}

/**
 * Run the CLI with `args` and print to stdout / stderr; returns the exit code (0 ok, 2 bad input,
 * 1 other failures). `--help` prints the options.
 */
export function main(args: readonly string[]): Promise<number> {
  const enc = new TextEncoder();
  return runCli(SIMULATE_SPEC, expandMerge(args), (parsed) =>
    run(parsed, {
      out: (s) => Deno.stdout.writeSync(enc.encode(s)),
      err: (s) => Deno.stderr.writeSync(enc.encode(s)),
      progress: (s) => Deno.stderr.writeSync(enc.encode(s)),
    }));
}

/**
 * Run the CLI in-process and collect what it prints (tests use this): exit code, stdout and
 * stderr text. `writeProgress` receives progress-bar updates.
 * @example const r = await runSimulateCli(["design.json", "--reps", "100"]); r.code // 0
 */
export async function runSimulateCli(
  args: readonly string[],
  writeProgress?: (s: string) => void,
): Promise<CliResult> {
  let stdout = "", stderr = "";
  // runCli prints --help and errors with console.log / console.error: collect them too
  const log = console.log, error = console.error;
  console.log = (...a: unknown[]) => void (stdout += a.join(" ") + "\n");
  console.error = (...a: unknown[]) => void (stderr += a.join(" ") + "\n");
  try {
    const code = await runCli(SIMULATE_SPEC, expandMerge(args), (parsed) =>
      run(parsed, {
        out: (s) => void (stdout += s),
        err: (s) => void (stderr += s),
        progress: writeProgress,
      }));
    return { code, stdout, stderr };
  } finally {
    console.log = log;
    console.error = error;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
