/**
 * Run a simulation: designs × a grid of parameter values × replications, then diagnose. Replication
 * `i` of grid point `g` always uses the random stream `deriveSeed(seed, g, i)`, so any split of the
 * work (1 or several workers, shards on several machines) gives bit-identical per-replication
 * results, and diagnosands are computed from them in replication order.
 *
 * A simulation (the JSON a CLI design file holds):
 * `{ designs: [design, ...] | design, grid: { "data.n": [50, 100], ... }, reps: 1000, seed: 1 }`.
 *
 * @example
 * const sim = parseSimulation({ design: { data: { type: "rct", n: 100 } }, grid: { "data.n": [50, 100] }, reps: 200, seed: 1 });
 * const rows = diagnoseSimulation(sim);
 * rows.map((r) => [r.grid["data.n"], r.answer, r.power]);
 * @module
 */
import { z } from "zod";
import { createRandom, deriveSeed, type Random } from "../stats/random.ts";
import { fail, parseInput } from "../validate.ts";
import { seedSchema } from "../_schemas.ts";
import { rma } from "../meta/rma.ts";
import { mbdTestFast } from "../sced/mod.ts";
import { type AnswerName, parseDesign } from "./schema.ts";
import type { Design, DesignInput } from "./types.ts";
import { type ResolvedModel, resolveModel } from "./model.ts";
import { type SimData, simulateStudy } from "./data.ts";
import {
  ancova,
  type AnswerResult,
  changeScoreT,
  diffInMeans,
  handleMissing,
  itsSegmented,
  meanChange,
  niAncova,
  responderDiff,
  responderRate,
  smc,
  swRegression,
  type TwoArm,
  welch,
} from "./answers.ts";
import { diagnoseAnswer, type DiagnosisRow } from "./diagnose.ts";
import { checkResources } from "./_bounds.ts";
import { scedBcSmd, scedRtCi, scedTestDesign, scedTInterval } from "./_sced.ts";

/** Values stored per replication and answer strategy, in this order. */
export const FIELDS: readonly ["estimate", "ci_lb", "ci_ub", "pval", "estimand"] = [
  "estimate",
  "ci_lb",
  "ci_ub",
  "pval",
  "estimand",
] as const;
const F = FIELDS.length;

/** Most grid points (designs × grid combinations) one simulation may have. */
export const MAX_GRID_POINTS = 10_000;

/** A value of a grid parameter. */
export type GridValue = number | string | boolean;

const gridValue = z.union([z.number(), z.string(), z.boolean()]);

/** Schema of a simulation (a CLI design file). */
export const simulationSchema = z.object({
  /** One design or several (a design is the JSON {@link parseDesign} accepts). */
  designs: z.array(z.record(z.string(), z.unknown()), {
    error: (iss) => (iss.code === "invalid_type" ? "must be a list of design objects" : undefined),
  }).min(1),
  /** Parameter grid: design paths (dot-separated) to lists of values; every combination is run. */
  grid: z.record(z.string(), z.array(gridValue).min(1)).default({}),
  reps: z.number().int().min(1).max(10_000_000).default(1000),
  seed: seedSchema.pipe(z.number().min(0).max(2 ** 32 - 1)),
}).strict();

/**
 * A simulation as written (the JSON of a CLI design file): one `design` or several `designs`, a
 * parameter grid, the replications per grid point and the seed (required).
 */
export interface SimulationInput {
  /** Several designs (each the JSON {@link parseDesign} accepts). */
  designs?: DesignInput[];
  /** One design (instead of `designs`). */
  design?: DesignInput;
  /** Parameter grid: dotted design paths (`data.n`) to lists of values; every combination is run. */
  grid?: Record<string, GridValue[]>;
  /** Replications per grid point (default 1000). */
  reps?: number;
  /** Seed of every random stream (required: same seed, same numbers). */
  seed: number;
}

/** One grid point: a fully validated design and the grid values that made it. */
export interface GridPoint {
  /** 0-based index of the grid point (designs × grid combinations, in order). */
  gridIndex: number;
  /** 0-based index of the design it comes from. */
  designIndex: number;
  /** The validated design with the grid values set. */
  design: Design;
  /** Grid values of this point, by parameter path. */
  grid: Record<string, GridValue>;
}

/** A validated simulation with its grid expanded. */
export interface Simulation {
  /** The designs as given (before the grid was applied). */
  designs: Record<string, unknown>[];
  /** The parameter grid. */
  grid: Record<string, GridValue[]>;
  /** Replications per grid point. */
  reps: number;
  /** Seed of every random stream. */
  seed: number;
  /** Every design × grid combination, validated. */
  points: GridPoint[];
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let cur: Record<string, unknown> = obj;
  for (const k of keys.slice(0, -1)) {
    if (cur[k] === undefined || cur[k] === null || typeof cur[k] !== "object") cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]] = value;
}

/**
 * Validate a simulation (accepting `design` for a single design) and expand its grid: every
 * design × every combination of grid values, each re-validated (an error names the grid point).
 * Refuses up front a simulation whose memory or time would be absurd (with an estimate).
 * @example parseSimulation({ design: {}, grid: { "data.n": [50, 100] }, seed: 1 }).points.length // 2
 */
export function parseSimulation(input: SimulationInput, context: string = "simulate"): Simulation {
  let raw: unknown = input;
  if (raw && typeof raw === "object" && "design" in raw && !("designs" in raw)) {
    const { design, ...rest } = raw as Record<string, unknown>;
    raw = { ...rest, designs: [design ?? {}] };
  }
  const sim = parseInput(simulationSchema, raw, context);
  const paths = Object.keys(sim.grid);
  for (const p of paths) {
    if (!/^[A-Za-z]\w*(\.[A-Za-z]\w*)*$/.test(p)) {
      fail(context, `grid["${p}"]`, "must be a dotted design path such as data.n or model.prioritised", p);
    }
  }
  const count = sim.designs.length * paths.reduce((n, p) => n * sim.grid[p].length, 1);
  if (count > MAX_GRID_POINTS) {
    fail(context, "grid", `gives ${count} grid points (designs × combinations); at most ${MAX_GRID_POINTS}`, count);
  }
  const combos: Record<string, GridValue>[] = [{}];
  for (const p of paths) {
    const next: Record<string, GridValue>[] = [];
    for (const c of combos) for (const v of sim.grid[p]) next.push({ ...c, [p]: v });
    combos.splice(0, combos.length, ...next);
  }
  const points: GridPoint[] = [];
  sim.designs.forEach((d, designIndex) => {
    combos.forEach((g) => {
      const input = structuredClone(d);
      for (const [p, v] of Object.entries(g)) setPath(input, p, v);
      const where = paths.length ? `${context} (design ${designIndex + 1}, ${JSON.stringify(g)})` : context;
      const design = parseDesign(input as DesignInput, where);
      if (!("name" in d)) design.name = `design ${designIndex + 1}`;
      points.push({ gridIndex: points.length, designIndex, design, grid: g });
    });
  });
  if (points.length * sim.reps > 1e9) {
    fail(context, "reps", "times grid points must be <= 1e9", points.length * sim.reps);
  }
  checkResources(context, points.map((p) => p.design), sim.reps);
  return { ...sim, points };
}

/** The scale of an estimand: raw points, SD units, or a responder proportion. */
export type Estimand = "raw" | "std" | "responder";

/** Which estimand each answer strategy targets. */
export function estimandOf(design: Design, answer: AnswerName): Estimand {
  if (answer === "smc" || answer === "bc-smd") return "std";
  if (answer === "responder-diff" || answer === "responder-rate") return "responder";
  if (answer === "re-pool" && design.data.type === "meta" && design.data.measure === "SMD") return "std";
  return "raw";
}

function scedAnswer(sim: SimData & { kind: "sced" }, design: Design, rng: Random): AnswerResult {
  const { study } = sim;
  const data = design.data as Extract<Design["data"], { type: "sced" }>;
  // estimate and interval: the mean within-case B − A difference's t interval (cases as the unit)
  const t = scedTInterval(study, design.level);
  const { scheme, starts } = scedTestDesign(study);
  const test = mbdTestFast({
    values: study.series.map((y) => Array.from(y)),
    scheme,
    starts,
    observed: study.starts,
    statistic: design.sided === "one" ? "B-A" : "|A-B|",
    draws: data.randomizations,
    seed: rng.int(0, 2 ** 31 - 1),
  });
  return { ...t, pval: test.pval };
}

/**
 * Apply every answer strategy of `design` to one simulated study, writing
 * [estimate, ci_lb, ci_ub, p, estimand] per answer into `out` at `offset` (NaN = not available).
 */
export function applyAnswers(
  design: Design,
  rm: ResolvedModel,
  sim: SimData,
  rng: Random,
  out: Float64Array,
  offset: number,
): void {
  const level = design.level, mcid = rm.spec.mcid;
  let two: TwoArm | null = null;
  if (sim.kind === "two-arm") two = handleMissing(sim.data, design.missing);
  if (sim.kind === "single-arm") {
    const t = handleMissing({ ...sim.data, treat: new Uint8Array(sim.data.pre.length).fill(1) }, design.missing);
    two = t;
  }
  design.answers.forEach((a, j) => {
    let r: AnswerResult;
    switch (a) {
      case "dim":
        r = diffInMeans(two!, level);
        break;
      case "welch":
        r = welch(two!, level);
        break;
      case "ancova":
        r = ancova(two!, level);
        break;
      case "sw-regression":
        r = swRegression((sim as SimData & { kind: "stepped-wedge" }).data, level);
        break;
      case "its-segmented": {
        const its = sim as SimData & { kind: "its" };
        r = itsSegmented(its.means, its.interruption, level);
        break;
      }
      case "ni-ancova": {
        const margin = (design.data as { margin?: number }).margin ?? NaN;
        r = niAncova(two!, level, margin);
        break;
      }
      case "change-t":
        r = sim.kind === "single-arm" ? meanChange(two!, level) : changeScoreT(two!, level);
        break;
      case "smc":
        r = smc(two!, level);
        break;
      case "responder-diff":
        r = responderDiff(two!, mcid, level);
        break;
      case "responder-rate":
        r = responderRate(two!, mcid, level);
        break;
      case "randomization":
        r = scedAnswer(sim as SimData & { kind: "sced" }, design, rng);
        break;
      case "rt-ci": {
        const data = design.data as Extract<Design["data"], { type: "sced" }>;
        r = scedRtCi((sim as SimData & { kind: "sced" }).study, level, data.randomizations, rng);
        break;
      }
      case "bc-smd":
        r = scedBcSmd((sim as SimData & { kind: "sced" }).study, level);
        break;
      case "re-pool": {
        const m = sim as SimData & { kind: "meta" };
        if (m.yi.length < 2) r = { estimate: null, ci_lb: null, ci_ub: null, pval: null };
        else {
          const data = design.data as Extract<Design["data"], { type: "meta" }>;
          const fit = rma({ yi: m.yi, vi: m.vi, method: data.method, level });
          r = { estimate: fit.beta, ci_lb: fit.ci_lb, ci_ub: fit.ci_ub, pval: fit.pval };
        }
        break;
      }
    }
    if (
      design.sided === "one" && a !== "randomization" && a !== "ni-ancova" && r.pval !== null && r.estimate !== null
    ) {
      // one-sided "IMSR better" from the two-sided p of a symmetric test
      r = { ...r, pval: r.estimate > 0 ? r.pval / 2 : 1 - r.pval / 2 };
    }
    const o = offset + j * F;
    out[o] = r.estimate ?? NaN;
    out[o + 1] = r.ci_lb ?? NaN;
    out[o + 2] = r.ci_ub ?? NaN;
    out[o + 3] = r.pval ?? NaN;
    out[o + 4] = sim.estimands[estimandOf(design, a)];
  });
}

const modelCache = new WeakMap<Design, ResolvedModel>();
function modelOf(design: Design): ResolvedModel {
  let rm = modelCache.get(design);
  if (!rm) {
    rm = resolveModel(design.model);
    modelCache.set(design, rm);
  }
  return rm;
}

/** A block of work: replications [from, to) of one grid point. */
export interface BlockTask {
  /** Grid point. */
  gridIndex: number;
  /** First replication (0-based). */
  from: number;
  /** One past the last replication. */
  to: number;
}

/** Per-replication results of replications [from, to) of one grid point. */
export interface Block {
  /** Grid point. */
  gridIndex: number;
  /** First replication (0-based). */
  from: number;
  /** One past the last replication. */
  to: number;
  /** (to − from) × answers × 5 values, replication-major. */
  values: Float64Array;
}

/**
 * Run replications [from, to) of one grid point in this thread.
 * @example runBlock(parseSimulation({ design: {}, seed: 1 }).points[0], 1, 0, 10).values.length // 10 * 4 * 5
 */
export function runBlock(point: GridPoint, seed: number, from: number, to: number): Block {
  const { design, gridIndex } = point;
  const rm = modelOf(design);
  const A = design.answers.length;
  const values = new Float64Array((to - from) * A * F);
  for (let i = from; i < to; i++) {
    const rng = createRandom(deriveSeed(seed, gridIndex, i));
    const sim = simulateStudy(design, rm, rng);
    applyAnswers(design, rm, sim, rng, values, (i - from) * A * F);
  }
  return { gridIndex, from, to, values };
}

/**
 * Concatenate the blocks of one grid point (in any order) into replications [0, reps). Throws if a
 * replication is missing or present twice (e.g. a shard was left out of a merge).
 */
export function assembleBlocks(point: GridPoint, blocks: readonly Block[], reps: number): Float64Array {
  const A = point.design.answers.length;
  const mine = blocks.filter((b) => b.gridIndex === point.gridIndex).sort((a, b) => a.from - b.from);
  const out = new Float64Array(reps * A * F);
  let next = 0;
  for (const b of mine) {
    if (b.from !== next) {
      fail(
        "simulate",
        `grid point ${point.gridIndex + 1}`,
        `replications ${next + 1}..${b.from} are ${b.from > next ? "missing" : "duplicated"} (1-based)`,
      );
    }
    out.set(b.values, b.from * A * F);
    next = b.to;
  }
  if (next !== reps) {
    fail("simulate", `grid point ${point.gridIndex + 1}`, `replications ${next + 1}..${reps} are missing (1-based)`);
  }
  return out;
}

/**
 * Diagnose one grid point from its per-replication values (replication-major, as {@link runBlock}
 * writes them): one row per answer strategy.
 */
export function summarisePoint(point: GridPoint, values: Float64Array, reps: number): DiagnosisRow[] {
  const { design } = point;
  const A = design.answers.length;
  return design.answers.map((a, j) => {
    const col = (f: number) => {
      const x = new Float64Array(reps);
      for (let i = 0; i < reps; i++) x[i] = values[(i * A + j) * F + f];
      return x;
    };
    const d = diagnoseAnswer(
      { estimate: col(0), ci_lb: col(1), ci_ub: col(2), pval: col(3), estimand: col(4) },
      design.alpha,
    );
    return {
      design: design.name,
      grid_index: point.gridIndex,
      answer: a,
      estimand: estimandOf(design, a),
      grid: point.grid,
      ...d,
    };
  });
}

/**
 * Run a whole simulation in this thread and diagnose it (the synchronous path used by tests, by
 * `--workers 1`, and by the notebooks' first coarse answer). `reps` overrides the simulation's.
 * @example diagnoseSimulation(parseSimulation({ design: {}, reps: 100, seed: 1 }))[0].answer // "dim"
 */
export function diagnoseSimulation(sim: Simulation, reps: number = sim.reps): DiagnosisRow[] {
  return sim.points.flatMap((pt) => summarisePoint(pt, runBlock(pt, sim.seed, 0, reps).values, reps));
}

/**
 * Split the work of a simulation into blocks of at most `blockSize` replications, optionally only
 * shard `shard` of `shards` (contiguous replication ranges: shard i of n takes the i-th of n equal
 * ranges of every grid point).
 * @example planBlocks(parseSimulation({ design: {}, reps: 1000, seed: 1 }), 250).length // 4
 */
export function planBlocks(
  sim: Simulation,
  blockSize: number,
  shard: number = 0,
  shards: number = 1,
  reps: number = sim.reps,
): BlockTask[] {
  if (!(Number.isInteger(shards) && shards >= 1)) fail("planBlocks", "shards", "must be a whole number >= 1", shards);
  if (!(Number.isInteger(shard) && shard >= 0 && shard < shards)) {
    fail("planBlocks", "shard", `must be a whole number in 0..${shards - 1}`, shard);
  }
  const lo = Math.floor((shard * reps) / shards), hi = Math.floor(((shard + 1) * reps) / shards);
  const out: BlockTask[] = [];
  for (const pt of sim.points) {
    for (let f = lo; f < hi; f += blockSize) {
      out.push({ gridIndex: pt.gridIndex, from: f, to: Math.min(hi, f + blockSize) });
    }
  }
  return out;
}
