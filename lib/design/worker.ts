/**
 * Worker entry (Deno worker or browser Web Worker): receives `{ id, sim, gridIndex, from, to }`,
 * runs those replications with {@link runBlock} and posts back `{ id, block }` (the values buffer is
 * transferred). The parsed simulation is cached between messages.
 *
 * @example new Worker(new URL("./worker.ts", import.meta.url), { type: "module" })
 * @module
 */
import { parseSimulation, runBlock, type Simulation, type SimulationInput } from "./simulate.ts";

let cacheKey = "";
let cached: Simulation | null = null;

interface Task {
  id: number;
  sim: unknown;
  gridIndex: number;
  from: number;
  to: number;
}

const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<Task>) => void) | null;
  postMessage: (msg: unknown, transfer?: Transferable[]) => void;
};

scope.onmessage = (e: MessageEvent<Task>) => {
  const { id, sim, gridIndex, from, to } = e.data;
  try {
    const key = JSON.stringify(sim);
    if (key !== cacheKey || !cached) {
      cached = parseSimulation(sim as SimulationInput);
      cacheKey = key;
    }
    const block = runBlock(cached.points[gridIndex], cached.seed, from, to);
    scope.postMessage({ id, block }, [block.values.buffer]);
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
