/**
 * The progressive runner: a coarse diagnosis at once, then refined ones as more replications
 * finish, cancellable at any time. It is what the design notebooks show (a first answer after
 * 200 replications in the page's thread, refined to 2,000 in Web Workers), written once and
 * tested in Deno. Uses no Deno API: the same code runs in a browser.
 *
 * Each stage's result equals a direct run with that many replications and the same seed
 * (replication i of grid point g always draws from `deriveSeed(seed, g, i)`), so the last step
 * is byte for byte the diagnosis of {@link diagnoseSimulation}.
 *
 * In a notebook cell (the generator is the cell's value; a new input invalidates the cell, which
 * stops the refinement still queued for the old input):
 * ```js ignore
 * const results = progressive(sim, { stages: [200, 2000], pool, blockSize: 200, invalidation });
 * ```
 * @module
 */
import { z } from "zod";
import { parseInput } from "../validate.ts";
import type { Block, BlockTask, Simulation } from "./simulate.ts";
import { diagnoseBlocks, type Pool, runBlocks } from "./parallel.ts";
import type { DiagnosisRow } from "./diagnose.ts";

/** One step of a progressive diagnosis. */
export interface ProgressStep {
  /** Replications per grid point behind this step. */
  reps: number;
  /** The diagnosis after `reps` replications (equal to a direct run with `reps` replications). */
  rows: DiagnosisRow[];
  /** True for the last stage. */
  final: boolean;
}

/** Options of {@link diagnoseProgressive} and {@link progressive}. */
export interface ProgressiveOptions {
  /** Replications after each stage, increasing (e.g. `[200, 2000]`); the first is the coarse answer. */
  stages: number[];
  /** Workers for the refinements (the first stage runs in this thread unless a pool is given). */
  pool?: Pool;
  /** Number of workers to start for the refinements when no pool is given (default 1: this thread). */
  workers?: number;
  /** Replications per block (default 250). */
  blockSize?: number;
  /** Stop: blocks not yet started are dropped. */
  signal?: AbortSignal;
  /** A promise that stops the run when it settles (a notebook cell's `invalidation`). */
  invalidation?: PromiseLike<unknown>;
  /** If given, `performance.mark(`${mark}:run-start`)` is set when the run starts. */
  mark?: string;
}

const optionsSchema = z.object({
  stages: z.array(z.number().int().min(1).max(10_000_000)).min(1),
  blockSize: z.number().int().min(1).default(250),
});

function abortError(): DOMException {
  return new DOMException("cancelled", "AbortError");
}

/**
 * Progressive diagnosis, strict form: yields after each stage and throws an `AbortError` when
 * `signal` aborts (see {@link progressive} for the form that ends quietly).
 * @example for await (const s of diagnoseProgressive(sim, { stages: [200, 1000] })) render(s.rows);
 */
export async function* diagnoseProgressive(
  sim: Simulation,
  opts: ProgressiveOptions,
): AsyncGenerator<ProgressStep, void, undefined> {
  const checked = parseInput(optionsSchema, { stages: opts.stages, blockSize: opts.blockSize }, "progressive");
  const stages = [...new Set(checked.stages)].sort((a, b) => a - b);
  const size = checked.blockSize;
  if (opts.mark && typeof performance !== "undefined") performance.mark(`${opts.mark}:run-start`);
  const blocks: Block[] = [];
  let prev = 0;
  for (let s = 0; s < stages.length; s++) {
    if (opts.signal?.aborted) throw abortError();
    const reps = stages[s];
    const plan: BlockTask[] = sim.points.flatMap((pt) => {
      const out: BlockTask[] = [];
      for (let f = prev; f < reps; f += size) {
        out.push({ gridIndex: pt.gridIndex, from: f, to: Math.min(reps, f + size) });
      }
      return out;
    });
    const useWorkers = s > 0 || opts.pool !== undefined;
    blocks.push(
      ...await runBlocks(sim, {
        plan,
        pool: useWorkers ? opts.pool : undefined,
        workers: useWorkers ? opts.workers : 1,
        signal: opts.signal,
        // in this thread, yield to the event loop between blocks so that an abort is seen
        onProgress: useWorkers ? undefined : () => {},
      }),
    );
    if (opts.signal?.aborted) throw abortError();
    prev = reps;
    yield { reps, rows: diagnoseBlocks(sim, blocks, reps), final: s === stages.length - 1 };
  }
}

/**
 * Progressive diagnosis for a notebook or any UI: yields a coarse {@link ProgressStep} first, then
 * refined ones; ends quietly (no error) when `signal` aborts, when `invalidation` settles, or when
 * the consumer stops iterating (queued blocks are then dropped). Other errors are thrown.
 *
 * @example
 * ```ts
 * import { parseSimulation, progressive } from "./mod.ts";
 * const sim = parseSimulation({ design: { data: { type: "rct", n: 40 } }, reps: 60, seed: 3 });
 * const steps = [];
 * for await (const step of progressive(sim, { stages: [20, 60], blockSize: 10 })) steps.push(step.reps);
 * if (steps.join() !== "20,60") throw new Error("a coarse step, then the final one");
 * ```
 */
export async function* progressive(
  sim: Simulation,
  opts: ProgressiveOptions,
): AsyncGenerator<ProgressStep, void, undefined> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  if (opts.signal?.aborted) return;
  opts.signal?.addEventListener("abort", stop, { once: true });
  opts.invalidation?.then(stop, stop);
  try {
    for await (const step of diagnoseProgressive(sim, { ...opts, signal: controller.signal })) {
      if (controller.signal.aborted) return;
      yield step;
    }
  } catch (e) {
    if ((e as { name?: string })?.name !== "AbortError") throw e;
  } finally {
    controller.abort();
    opts.signal?.removeEventListener("abort", stop);
  }
}

/**
 * Workers to start on this device: the logical cores minus one for the page, at least 1 and at
 * most `max` (`navigator.hardwareConcurrency` in a browser or in Deno; `max` when unknown).
 * @example createPool(defaultWorkerCount())
 */
export function defaultWorkerCount(max: number = 2): number {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return Math.max(1, Math.min(max, (cores ?? max + 1) - 1));
}
