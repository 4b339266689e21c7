/**
 * Run simulations on a pool of workers (Deno workers in the CLI, Web Workers in the browser: the
 * same `new Worker(new URL("./worker.ts", import.meta.url), { type: "module" })`), or in this
 * thread when `workers` is 1. Replication i of grid point g always uses `deriveSeed(seed, g, i)`,
 * and blocks are put back in replication order before diagnosis, so the result is bit-identical
 * whatever the number of workers.
 *
 * @example
 * const sim = parseSimulation({ design: { data: { type: "rct", n: 200 } }, reps: 2000, seed: 1 });
 * const rows = await diagnoseParallel(sim, { workers: 2 });
 * @module
 */
import { z } from "zod";
import { parseInput } from "../validate.ts";
import {
  assembleBlocks,
  type Block,
  type BlockTask,
  planBlocks,
  runBlock,
  type Simulation,
  summarisePoint,
} from "./simulate.ts";
import type { DiagnosisRow } from "./diagnose.ts";

/** A pool of workers that run blocks of replications. */
export interface Pool {
  /** Number of workers. */
  size: number;
  /**
   * Run one block on the next free worker. When `signal` aborts, the block is dropped from the
   * queue if it has not started (the promise rejects); a block already running finishes.
   */
  run(sim: Simulation, task: BlockTask, signal?: AbortSignal): Promise<Block>;
  /** Stop every worker. */
  terminate(): void;
}

interface Pending {
  resolve: (b: Block) => void;
  reject: (e: Error) => void;
}

/**
 * Start `size` workers. Each worker keeps the last simulation it parsed, so a block costs only its
 * replications. Terminate the pool when done (the CLI exits only after that).
 * @example const pool = createPool(2); try { ... } finally { pool.terminate(); }
 */
export function createPool(size: number): Pool {
  parseInput(z.number().int().min(1).max(64), size, "createPool");
  const workers = Array.from(
    { length: size },
    () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module" }),
  );
  const busy = new Array(size).fill(false);
  const queue: { msg: unknown; pending: Pending }[] = [];
  const inFlight = new Map<number, Pending>();
  let nextId = 0;
  const dispatch = () => {
    for (let w = 0; w < size && queue.length; w++) {
      if (busy[w]) continue;
      const job = queue.shift()!;
      busy[w] = true;
      const id = (job.msg as { id: number }).id;
      inFlight.set(id, job.pending);
      workers[w].postMessage(job.msg);
    }
  };
  workers.forEach((worker, w) => {
    worker.onmessage = (e: MessageEvent) => {
      const { id, block, error } = e.data as { id: number; block?: Block; error?: string };
      busy[w] = false;
      const p = inFlight.get(id);
      inFlight.delete(id);
      if (p) error ? p.reject(new Error(error)) : p.resolve(block!);
      dispatch();
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      busy[w] = false;
      for (const [id, p] of inFlight) {
        inFlight.delete(id);
        p.reject(new Error(`worker failed: ${e.message}`));
      }
      dispatch();
    };
  });
  return {
    size,
    run(sim, task, signal) {
      return new Promise<Block>((resolve, reject) => {
        if (signal?.aborted) return reject(new DOMException("cancelled", "AbortError"));
        const msg = {
          id: nextId++,
          sim: { designs: sim.designs, grid: sim.grid, reps: sim.reps, seed: sim.seed },
          ...task,
        };
        const job = { msg, pending: { resolve, reject } };
        queue.push(job);
        signal?.addEventListener("abort", () => {
          const i = queue.indexOf(job);
          if (i >= 0) {
            queue.splice(i, 1);
            reject(new DOMException("cancelled", "AbortError"));
          }
        }, { once: true });
        dispatch();
      });
    },
    terminate() {
      for (const w of workers) w.terminate();
      for (const { pending } of queue) pending.reject(new Error("pool terminated"));
      queue.length = 0;
    },
  };
}

/** Options of {@link runBlocks} and {@link diagnoseParallel}. */
export interface RunOptions {
  /** Number of workers (1: run in this thread). Default 1. */
  workers?: number;
  /** A pool to reuse (overrides `workers`). */
  pool?: Pool;
  /** Replications per block (default 250). */
  blockSize?: number;
  /** Only this shard: [i, n] with 0 <= i < n. */
  shard?: [number, number];
  /** Called after each finished block with (replications done, replications planned). */
  onProgress?: (done: number, total: number) => void;
  /** Replications (overrides the simulation's). */
  reps?: number;
  /** Stop early: blocks not yet started are dropped and the promise rejects with an AbortError. */
  signal?: AbortSignal;
}

/**
 * Run the blocks of a simulation (or of one shard of it) and return them in plan order.
 * @example const blocks = await runBlocks(sim, { workers: 2 });
 */
export async function runBlocks(
  sim: Simulation,
  opts: RunOptions & { plan?: BlockTask[] } = {},
): Promise<Block[]> {
  const reps = opts.reps ?? sim.reps;
  const [shard, shards] = opts.shard ?? [0, 1];
  const plan = opts.plan ?? planBlocks(sim, opts.blockSize ?? 250, shard, shards, reps);
  const total = plan.reduce((s, t) => s + t.to - t.from, 0);
  let done = 0;
  const workers = opts.pool ? opts.pool.size : opts.workers ?? 1;
  if (workers <= 1 && !opts.pool) {
    const out: Block[] = [];
    for (const t of plan) {
      if (opts.signal?.aborted) throw new DOMException("cancelled", "AbortError");
      out.push(runBlock(sim.points[t.gridIndex], sim.seed, t.from, t.to));
      done += t.to - t.from;
      opts.onProgress?.(done, total);
      if (opts.onProgress) await new Promise((r) => setTimeout(r, 0));
    }
    return out;
  }
  const pool = opts.pool ?? createPool(Math.min(workers, Math.max(1, plan.length)));
  try {
    return await Promise.all(plan.map(async (t) => {
      const b = await pool.run(sim, t, opts.signal);
      done += t.to - t.from;
      opts.onProgress?.(done, total);
      return b;
    }));
  } finally {
    if (!opts.pool) pool.terminate();
  }
}

/** Diagnose all grid points from blocks that together cover replications [0, reps). */
export function diagnoseBlocks(sim: Simulation, blocks: readonly Block[], reps: number = sim.reps): DiagnosisRow[] {
  return sim.points.flatMap((pt) => summarisePoint(pt, assembleBlocks(pt, blocks, reps), reps));
}

/**
 * Run and diagnose a whole simulation, on `workers` workers (1: in this thread).
 * @example const rows = await diagnoseParallel(sim, { workers: 2, onProgress: (d, t) => console.log(d, t) });
 */
export async function diagnoseParallel(sim: Simulation, opts: RunOptions = {}): Promise<DiagnosisRow[]> {
  const reps = opts.reps ?? sim.reps;
  const blocks = await runBlocks(sim, { ...opts, reps, shard: undefined });
  return diagnoseBlocks(sim, blocks, reps);
}
