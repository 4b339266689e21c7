/**
 * Results as CSV text: the diagnosis table (one row per design × grid point × answer strategy,
 * grid values as columns), and raw per-replication rows for shards. Numbers are written with
 * JavaScript's shortest round-trip form, so raw shard files merged with {@link mergeRaw} give
 * exactly the diagnosis of an unsharded run.
 *
 * @example
 * const sim = parseSimulation({ design: {}, reps: 100 });
 * const a = blocksToRawCsv(sim, await runBlocks(sim, { shard: [0, 2] }));
 * const b = blocksToRawCsv(sim, await runBlocks(sim, { shard: [1, 2] }));
 * diagnosisToCsv(mergeRaw(sim, [a, b])) === diagnosisToCsv(diagnoseSimulation(sim)); // true
 * @module
 */
import { z } from "zod";
// @ts-types="@types/d3-dsv"
import { csvFormatRows } from "d3-dsv";
import { csvInteger, csvOptionalNumber, csvString, loadCsv } from "../io/csv.ts";
import { fail } from "../validate.ts";
import { type Block, FIELDS, type Simulation, summarisePoint } from "./simulate.ts";
import type { DiagnosisRow } from "./diagnose.ts";

const num = (x: number | null) => (x === null || Number.isNaN(x) ? "" : String(x));

/** Columns of the diagnosis table after the grid columns. */
export const DIAGNOSIS_COLUMNS = [
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
] as const;

/**
 * The diagnosis table as CSV: design, gridIndex, one column per grid path, then {@link DIAGNOSIS_COLUMNS}.
 * @example diagnosisToCsv(rows).split("\n")[0] // "design,gridIndex,data.n,answer,estimand,reps,..."
 */
export function diagnosisToCsv(rows: readonly DiagnosisRow[]): string {
  const gridCols = [...new Set(rows.flatMap((r) => Object.keys(r.grid)))];
  const header = ["design", "gridIndex", ...gridCols, ...DIAGNOSIS_COLUMNS];
  const body = rows.map((r) => [
    r.design,
    String(r.gridIndex),
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
export const RAW_COLUMNS = ["seed", "gridIndex", "rep", "answer", ...FIELDS] as const;

/**
 * Raw per-replication rows of some blocks as CSV (one row per replication × answer strategy).
 * @example blocksToRawCsv(sim, blocks).split("\n")[0] // "seed,gridIndex,rep,answer,estimate,ci_lb,ci_ub,p,estimand"
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
  gridIndex: csvInteger(),
  rep: csvInteger(),
  answer: csvString(),
  estimate: csvOptionalNumber(),
  ci_lb: csvOptionalNumber(),
  ci_ub: csvOptionalNumber(),
  p: csvOptionalNumber(),
  estimand: csvOptionalNumber(),
});

/**
 * Merge raw shard files of one simulation and diagnose them. Throws if a file comes from another
 * seed, names an unknown grid point or answer, or if a replication is missing or duplicated.
 * The result equals the unsharded diagnosis exactly.
 * @example mergeRaw(sim, [shard1Csv, shard2Csv])
 */
export function mergeRaw(sim: Simulation, texts: readonly string[], names?: readonly string[]): DiagnosisRow[] {
  const F = FIELDS.length;
  const store = sim.points.map((pt) => ({
    values: new Float64Array(sim.reps * pt.design.answers.length * F).fill(NaN),
    seen: new Uint8Array(sim.reps * pt.design.answers.length),
  }));
  texts.forEach((text, t) => {
    const name = names?.[t] ?? `shard ${t + 1}`;
    const { rows } = loadCsv(text, rawRow, { name });
    rows.forEach((r, i) => {
      const where = `row ${i + 1}`;
      if (r.seed !== sim.seed) {
        fail(name, `${where}, column seed`, `must equal the simulation's seed ${sim.seed}`, r.seed);
      }
      const pt = sim.points[r.gridIndex];
      if (!pt) fail(name, `${where}, column gridIndex`, `must be < ${sim.points.length}`, r.gridIndex);
      const j = pt.design.answers.indexOf(r.answer as never);
      if (j < 0) fail(name, `${where}, column answer`, `must be one of ${pt.design.answers.join(", ")}`, r.answer);
      if (r.rep < 0 || r.rep >= sim.reps) fail(name, `${where}, column rep`, `must be in 0..${sim.reps - 1}`, r.rep);
      const s = store[r.gridIndex], A = pt.design.answers.length;
      if (s.seen[r.rep * A + j]) {
        fail(name, where, "duplicates a replication already merged", `${r.gridIndex}/${r.rep}/${r.answer}`);
      }
      s.seen[r.rep * A + j] = 1;
      const o = (r.rep * A + j) * F;
      [r.estimate, r.ci_lb, r.ci_ub, r.p, r.estimand].forEach((v, f) => (s.values[o + f] = v ?? NaN));
    });
  });
  return sim.points.flatMap((pt, g) => {
    const missing = store[g].seen.indexOf(0);
    if (missing >= 0) {
      const A = pt.design.answers.length;
      fail(
        "mergeRaw",
        `grid point ${g}`,
        "is incomplete: a shard is missing",
        `replication ${Math.floor(missing / A)}`,
      );
    }
    return summarisePoint(pt, store[g].values, sim.reps);
  });
}
