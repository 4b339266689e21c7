/**
 * Results as CSV text: the diagnosis table (one row per design × grid point × answer strategy,
 * grid values as columns), and raw per-replication rows for shards. Numbers are written with
 * JavaScript's shortest round-trip form, so raw shard files merged with {@link mergeRaw} give
 * exactly the diagnosis of an unsharded run.
 *
 * A raw shard file carries its provenance: a first line
 * `# evidence-lab simulate shard v1 hash=<simulation hash> shard=i/n rows=<planned>` (the hash of
 * the validated designs, grid, replications and seed, see {@link simulationHash}) and a last line
 * `# end rows=<data rows>`. {@link mergeRaw} refuses shards whose hashes differ from each other or
 * from the simulation, and shards whose footer is missing or whose row count is wrong (a cut file).
 *
 * @example
 * const sim = parseSimulation({ design: {}, reps: 100, seed: 1 });
 * const a = blocksToRawCsv(sim, await runBlocks(sim, { shard: [0, 2] }));
 * const b = blocksToRawCsv(sim, await runBlocks(sim, { shard: [1, 2] }));
 * diagnosisToCsv(mergeRaw(sim, [a, b])) === diagnosisToCsv(diagnoseSimulation(sim)); // true (a, b made with shardToCsv)
 * @module
 */
import { z } from "zod";
// @ts-types="@types/d3-dsv"
import { csvFormatRows } from "d3-dsv";
import { csvInteger, csvOptionalNumber, csvString, loadCsv } from "../io/csv.ts";
import { fail } from "../validate.ts";
import { type Block, FIELDS, type Simulation, summarisePoint } from "./simulate.ts";
import { ValidationError } from "../validate.ts";
import type { DiagnosisRow } from "./diagnose.ts";

const num = (x: number | null): string => (x === null || Number.isNaN(x) ? "" : String(x));

/** Columns of the diagnosis table after the grid columns. */
export const DIAGNOSIS_COLUMNS: readonly (keyof DiagnosisRow & string)[] = [
  "answer",
  "estimand",
  "reps",
  "failed",
  "mean_estimand",
  "mean_estimate",
  "sd_estimate",
  "bias",
  "bias_mcse",
  "rmse",
  "rmse_mcse",
  "power",
  "power_mcse",
  "coverage",
  "coverage_mcse",
  "type_s",
  "type_s_mcse",
  "mean_ci_width",
  "warnings",
];

/**
 * The diagnosis table as CSV: design, grid_index, one column per grid path, then {@link DIAGNOSIS_COLUMNS}.
 * @example diagnosisToCsv(rows).split("\n")[0] // "design,grid_index,data.n,answer,estimand,reps,..."
 */
export function diagnosisToCsv(rows: readonly DiagnosisRow[]): string {
  const gridCols = [...new Set(rows.flatMap((r) => Object.keys(r.grid)))];
  const header = ["design", "grid_index", ...gridCols, ...DIAGNOSIS_COLUMNS];
  const body = rows.map((r) => [
    r.design,
    String(r.grid_index),
    ...gridCols.map((c) => (r.grid[c] === undefined ? "" : String(r.grid[c]))),
    ...DIAGNOSIS_COLUMNS.map((c) => {
      const v = r[c];
      if (c === "warnings") return (v as string[]).join("; ");
      return typeof v === "string" ? v : num(v as number | null);
    }),
  ]);
  return csvFormatRows([header, ...body]) + "\n";
}

/** Header of raw per-replication CSV files. */
export const RAW_COLUMNS: readonly string[] = ["seed", "grid_index", "rep", "answer", ...FIELDS];

/** First characters of a shard file's provenance line. */
export const SHARD_MAGIC = "# evidence-lab simulate shard v1";

// two independent 32-bit string hashes (cyrb53-style mixing), as 16 hex digits: enough to tell
// simulations apart (this is provenance, not security), synchronous and the same in a browser
function hash64(text: string): string {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}

/**
 * The provenance hash of a simulation: 16 hex digits over its validated designs (every default
 * filled in, grid values applied), grid, replications and seed. Two design files that declare the
 * same simulation in different words have the same hash; any change of design, grid, reps or seed
 * changes it.
 */
export function simulationHash(sim: Simulation): string {
  return hash64(JSON.stringify({
    v: 1,
    points: sim.points.map((p) => ({ design: p.design, grid: p.grid })),
    grid: sim.grid,
    reps: sim.reps,
    seed: sim.seed,
  }));
}

/**
 * A shard file: the provenance line, the raw rows of `blocks` ({@link blocksToRawCsv}) and the
 * footer with the row count. `shard` is [i, n] with 0-based i.
 */
export function shardToCsv(sim: Simulation, blocks: readonly Block[], shard: readonly [number, number]): string {
  const body = blocksToRawCsv(sim, blocks);
  const rows = body.split("\n").length - 2;
  return `${SHARD_MAGIC} hash=${simulationHash(sim)} shard=${shard[0] + 1}/${
    shard[1]
  } seed=${sim.seed} reps=${sim.reps}\n` +
    body + `# end rows=${rows}\n`;
}

/** What {@link readShard} found in a shard file: its hash, its shard label and its CSV body. */
export interface ShardFile {
  /** The provenance hash of the simulation the shard was made from. */
  hash: string;
  /** `i/n` as written by the simulate CLI. */
  shard: string;
  /** The CSV text without the provenance and footer lines. */
  csv: string;
  /** Number of data rows. */
  rows: number;
}

/**
 * Read the provenance line and footer of a shard file. Throws a `ValidationError` naming the file
 * when the provenance line is missing, or the footer is missing or its count is wrong (a file cut
 * short or edited).
 */
export function readShard(text: string, name: string): ShardFile {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  const m = /^# evidence-lab simulate shard v1 hash=([0-9a-f]{16}) shard=(\d+\/\d+)\b/.exec(lines[0] ?? "");
  if (!m) {
    throw new ValidationError(name, [{
      path: "line 1",
      rule: `must be the shard provenance line "${SHARD_MAGIC} hash=...": write shards with simulate --shard i/n`,
      received: (lines[0] ?? "").slice(0, 60),
    }]);
  }
  const foot = /^# end rows=(\d+)$/.exec(lines[lines.length - 1] ?? "");
  const data = lines.slice(1, foot ? -1 : undefined);
  const rows = Math.max(0, data.length - 1);
  if (!foot) {
    throw new ValidationError(name, [{
      path: "footer",
      rule: `is missing: the file is truncated (the last line must be "# end rows=N"; found ${rows} data rows)`,
    }]);
  }
  if (Number(foot[1]) !== rows) {
    throw new ValidationError(name, [{
      path: "footer",
      rule: `says ${foot[1]} data rows but the file has ${rows}: the file is truncated or was edited`,
    }]);
  }
  return { hash: m[1], shard: m[2], csv: data.join("\n") + "\n", rows };
}

/**
 * Raw per-replication rows of some blocks as CSV (one row per replication × answer strategy).
 * @example blocksToRawCsv(sim, blocks).split("\n")[0] // "seed,grid_index,rep,answer,estimate,ci_lb,ci_ub,pval,estimand"
 */
export function blocksToRawCsv(sim: Simulation, blocks: readonly Block[]): string {
  const lines: string[] = [RAW_COLUMNS.join(",")];
  for (const b of blocks) {
    const answers = sim.points[b.gridIndex].design.answers, A = answers.length, F = FIELDS.length;
    for (let i = b.from; i < b.to; i++) {
      for (let j = 0; j < A; j++) {
        const o = ((i - b.from) * A + j) * F;
        const vals: string[] = [];
        for (let f = 0; f < F; f++) vals.push(num(b.values[o + f]));
        lines.push(`${sim.seed},${b.gridIndex},${i},${answers[j]},${vals.join(",")}`);
      }
    }
  }
  return lines.join("\n") + "\n";
}

const rawRow = z.object({
  seed: csvInteger(),
  grid_index: csvInteger(),
  rep: csvInteger(),
  answer: csvString(),
  estimate: csvOptionalNumber(),
  ci_lb: csvOptionalNumber(),
  ci_ub: csvOptionalNumber(),
  pval: csvOptionalNumber(),
  estimand: csvOptionalNumber(),
});

/**
 * Merge shard files of one simulation (as the simulate CLI writes them with `--shard`) and
 * diagnose them. Throws a `ValidationError` naming the file when a shard has no provenance line,
 * is truncated (footer missing or row count wrong), was made from a different simulation than
 * another shard (naming both files) or than `sim` (different designs, grid, reps or seed), names
 * an unknown grid point or answer, or when a replication is missing or duplicated. The result
 * equals the unsharded diagnosis exactly.
 * @example mergeRaw(sim, [shard1Csv, shard2Csv], ["s1.csv", "s2.csv"])
 */
export function mergeRaw(
  sim: Simulation,
  texts: readonly string[],
  names?: readonly string[],
  context: string = "simulate",
): DiagnosisRow[] {
  const F = FIELDS.length;
  const nameOf = (t: number) => names?.[t] ?? `shard ${t + 1}`;
  const shards = texts.map((text, t) => readShard(text, nameOf(t)));
  shards.forEach((sh, t) => {
    if (t > 0 && sh.hash !== shards[0].hash) {
      fail(
        context,
        "--merge",
        `${nameOf(t)} (hash ${sh.hash}) and ${nameOf(0)} (hash ${shards[0].hash}) come from different simulations ` +
          "(designs, grid, reps or seed differ): merge only shards of one run",
      );
    }
  });
  const expected = simulationHash(sim);
  shards.forEach((sh, t) => {
    if (sh.hash !== expected) {
      fail(
        context,
        "--merge",
        `${nameOf(t)} (hash ${sh.hash}) was not made from this design file with these options (hash ${expected}): ` +
          "the designs, grid, --reps or --seed differ",
      );
    }
  });
  const store = sim.points.map((pt) => ({
    values: new Float64Array(sim.reps * pt.design.answers.length * F).fill(NaN),
    seen: new Uint8Array(sim.reps * pt.design.answers.length),
  }));
  shards.forEach((sh, t) => {
    const name = nameOf(t);
    let rows: z.output<typeof rawRow>[];
    try {
      rows = loadCsv(sh.csv, rawRow, { name }).rows;
    } catch (e) {
      // the provenance line was taken off before parsing: report lines as they are in the file
      if (!(e instanceof ValidationError)) throw e;
      throw new ValidationError(
        e.tool,
        e.issues.map((i) => ({ ...i, path: i.path.replace(/\(line (\d+)\)/, (_, l) => `(line ${Number(l) + 1})`) })),
      );
    }
    rows.forEach((r, i) => {
      const where = `row ${i + 1}`;
      if (r.seed !== sim.seed) {
        fail(name, `${where}, column seed`, `must equal the simulation's seed ${sim.seed}`, r.seed);
      }
      const pt = sim.points[r.grid_index];
      if (!pt) fail(name, `${where}, column grid_index`, `must be < ${sim.points.length}`, r.grid_index);
      const j = pt.design.answers.indexOf(r.answer as never);
      if (j < 0) fail(name, `${where}, column answer`, `must be one of ${pt.design.answers.join(", ")}`, r.answer);
      if (r.rep < 0 || r.rep >= sim.reps) fail(name, `${where}, column rep`, `must be in 0..${sim.reps - 1}`, r.rep);
      const s = store[r.grid_index], A = pt.design.answers.length;
      if (s.seen[r.rep * A + j]) {
        fail(name, where, "duplicates a replication already merged", `${r.grid_index}/${r.rep}/${r.answer}`);
      }
      s.seen[r.rep * A + j] = 1;
      const o = (r.rep * A + j) * F;
      [r.estimate, r.ci_lb, r.ci_ub, r.pval, r.estimand].forEach((v, f) => (s.values[o + f] = v ?? NaN));
    });
  });
  return sim.points.flatMap((pt, g) => {
    const missing = store[g].seen.indexOf(0);
    if (missing >= 0) {
      const A = pt.design.answers.length;
      fail(
        context,
        `grid point ${g + 1}`,
        "is incomplete: a shard is missing",
        `replication ${Math.floor(missing / A) + 1}`,
      );
    }
    return summarisePoint(pt, store[g].values, sim.reps);
  });
}
