/**
 * Command line: simulate and diagnose study designs.
 *
 * ```
 * deno task simulate <design.json> [--reps N] [--workers W] [--seed S] [--out results.csv]
 *                    [--shard i/n] [--raw raw.csv] [--merge a.csv b.csv ...] [--quiet]
 * ```
 * - design.json: a simulation `{ "designs": [...] | "design": {...}, "grid": {...}, "reps", "seed" }`
 *   (see lib/design/simulate.ts; validated with zod, errors name the field). `--reps` and `--seed`
 *   override the file's values.
 * - Without `--shard`: runs everything on W workers (default 2; 1 = in this thread), prints the
 *   summary table on stdout, a progress bar on stderr, and writes the diagnosis CSV to `--out`
 *   (and per-replication rows to `--raw`).
 * - `--shard i/n` (1-based i): runs only the i-th of n equal replication ranges of every grid point
 *   and writes its per-replication rows to `--out`. `--merge a.csv b.csv ...` reads shard files of
 *   the same design file and seed and writes the diagnosis, identical to an unsharded run.
 *
 * @example
 * await runSimulateCli(["data/designs/rct-vs-primary-care.json", "--reps", "200", "--workers", "1"]);
 * @module
 */
import { parseSimulation } from "../design/simulate.ts";
import { diagnoseBlocks, runBlocks } from "../design/parallel.ts";
import { blocksToRawCsv, diagnosisToCsv, mergeRaw } from "../design/results.ts";
import type { DiagnosisRow } from "../design/diagnose.ts";

/** What the CLI produced: exit code and the text for stdout / stderr. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE = `usage: simulate <design.json> [--reps N] [--workers W] [--seed S] [--out results.csv]
  [--shard i/n] [--raw raw.csv] [--merge a.csv b.csv ...] [--quiet]`;

interface Args {
  file: string;
  reps?: number;
  workers: number;
  seed?: number;
  out?: string;
  raw?: string;
  shard?: [number, number];
  merge: string[];
  quiet: boolean;
}

function parseArgs(args: string[]): Args {
  const out: Args = { file: "", workers: 2, merge: [], quiet: false };
  const int = (flag: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < min) {
      throw new Error(`${flag} must be a whole number >= ${min}, got ${v ?? "nothing"}`);
    }
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--reps") out.reps = int(a, args[++i], 1);
    else if (a === "--workers") out.workers = int(a, args[++i], 1);
    else if (a === "--seed") out.seed = int(a, args[++i], 0);
    else if (a === "--out") out.out = args[++i];
    else if (a === "--raw") out.raw = args[++i];
    else if (a === "--quiet") out.quiet = true;
    else if (a === "--shard") {
      const m = /^(\d+)\/(\d+)$/.exec(args[++i] ?? "");
      if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) {
        throw new Error(`--shard must look like i/n with 1 <= i <= n, got ${args[i] ?? "nothing"}`);
      }
      out.shard = [Number(m[1]) - 1, Number(m[2])];
    } else if (a === "--merge") {
      while (i + 1 < args.length && !args[i + 1].startsWith("--")) out.merge.push(args[++i]);
      if (out.merge.length === 0) throw new Error("--merge needs at least one shard file");
    } else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else if (!out.file) out.file = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!out.file) throw new Error("missing the design file");
  if (out.shard && !out.out) throw new Error("--shard needs --out for the shard's per-replication rows");
  if (out.shard && out.merge.length) throw new Error("--shard and --merge cannot be combined");
  return out;
}

const fmt = (x: number | null, d = 3) => (x === null ? "–" : x.toFixed(d));

/**
 * A fixed-width summary table: one line per design × grid point × answer strategy.
 * @example summaryTable(rows).split("\n")[0] // "design  grid  answer  power  ..."
 */
export function summaryTable(rows: readonly DiagnosisRow[]): string {
  const head = [
    "design",
    "grid",
    "answer",
    "estimand",
    "power (mcse)",
    "bias (mcse)",
    "rmse",
    "coverage",
    "type-S",
    "reps",
  ];
  const body = rows.map((r) => [
    r.design,
    Object.entries(r.grid).map(([k, v]) => `${k}=${v}`).join(" ") || "–",
    r.answer,
    fmt(r.mean_estimand),
    r.power === null ? "–" : `${fmt(r.power)} (${fmt(r.power_mcse)})`,
    r.bias === null ? "–" : `${fmt(r.bias)} (${fmt(r.bias_mcse)})`,
    fmt(r.rmse),
    fmt(r.coverage),
    fmt(r.type_s),
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

/** A progress bar line (no newline), e.g. `[##########----------]  50%  5000/10000 replications`. */
export function progressBar(done: number, total: number, width = 30): string {
  const f = total > 0 ? done / total : 1;
  const k = Math.round(f * width);
  return `[${"#".repeat(k)}${"-".repeat(width - k)}] ${
    String(Math.round(100 * f)).padStart(3)
  }%  ${done}/${total} replications`;
}

/**
 * Run the CLI with `args`; returns exit code and output instead of exiting (the test calls this).
 * `writeProgress` receives progress-bar updates (the script passes stderr).
 * @example const r = await runSimulateCli(["design.json", "--reps", "100"]); r.code // 0
 */
export async function runSimulateCli(args: string[], writeProgress?: (s: string) => void): Promise<CliResult> {
  let a: Args;
  try {
    a = parseArgs(args);
  } catch (e) {
    return { code: 2, stdout: "", stderr: `${(e as Error).message}\n${USAGE}\n` };
  }
  try {
    let json: unknown;
    try {
      json = JSON.parse(await Deno.readTextFile(a.file));
    } catch (e) {
      throw new Error(`cannot read ${a.file}: ${(e as Error).message}`);
    }
    if (json && typeof json === "object") {
      if (a.reps !== undefined) (json as Record<string, unknown>).reps = a.reps;
      if (a.seed !== undefined) (json as Record<string, unknown>).seed = a.seed;
    }
    const sim = parseSimulation(json, a.file);
    if (a.merge.length) {
      const texts = await Promise.all(a.merge.map((f) => Deno.readTextFile(f)));
      const rows = mergeRaw(sim, texts, a.merge);
      if (a.out) await Deno.writeTextFile(a.out, diagnosisToCsv(rows));
      return { code: 0, stdout: summaryTable(rows), stderr: `merged ${a.merge.length} shard file(s)\n` };
    }
    let last = -1;
    const onProgress = a.quiet || !writeProgress ? undefined : (done: number, total: number) => {
      const pct = Math.floor((100 * done) / total);
      if (pct !== last || done === total) {
        last = pct;
        writeProgress(`\r${progressBar(done, total)}${done === total ? "\n" : ""}`);
      }
    };
    const started = performance.now();
    const blocks = await runBlocks(sim, { workers: a.workers, shard: a.shard, onProgress });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (a.shard) {
      await Deno.writeTextFile(a.out!, blocksToRawCsv(sim, blocks));
      const [i, n] = a.shard;
      return {
        code: 0,
        stdout: "",
        stderr: `shard ${i + 1}/${n}: ${blocks.length} block(s) in ${seconds} s written to ${a.out}\n`,
      };
    }
    const rows = diagnoseBlocks(sim, blocks);
    if (a.out) await Deno.writeTextFile(a.out, diagnosisToCsv(rows));
    if (a.raw) await Deno.writeTextFile(a.raw, blocksToRawCsv(sim, blocks));
    const n = sim.points.length * sim.reps;
    return {
      code: 0,
      stdout: summaryTable(rows),
      stderr: `${n} replications (${sim.points.length} grid point(s)) on ${a.workers} worker(s) in ${seconds} s\n`,
    };
  } catch (e) {
    return { code: 1, stdout: "", stderr: `${(e as Error).message}\n` };
  }
}

if (import.meta.main) {
  const enc = new TextEncoder();
  const r = await runSimulateCli(Deno.args, (s) => Deno.stderr.writeSync(enc.encode(s)));
  if (r.stdout) Deno.stdout.writeSync(enc.encode(r.stdout));
  if (r.stderr) Deno.stderr.writeSync(enc.encode(r.stderr));
  Deno.exit(r.code);
}
