import assert from "node:assert/strict";
import {
  createPool,
  defaultWorkerCount,
  diagnoseProgressive,
  diagnoseSimulation,
  diagnosisToCsv,
  parseSimulation,
  progressive,
  type ProgressStep,
} from "../../lib/design/mod.ts";
import { ValidationError } from "../../lib/validate.ts";

const sim = parseSimulation({
  designs: [
    { name: "rct", data: { type: "rct", n: 40 }, answers: ["dim", "ancova"] },
    { name: "cohort", data: { type: "cohort", n: 30 } },
  ],
  grid: { "model.prioritised": [1, 3] },
  reps: 120,
  seed: 31,
});

async function collect(gen: AsyncGenerator<ProgressStep>): Promise<ProgressStep[]> {
  const out: ProgressStep[] = [];
  for await (const s of gen) out.push(s);
  return out;
}

Deno.test("progressive: a coarse answer first, then refined ones; each equals a direct run, the last byte for byte", async () => {
  const steps = await collect(progressive(sim, { stages: [20, 60, 120], blockSize: 16 }));
  assert.deepEqual(steps.map((s) => [s.reps, s.final]), [[20, false], [60, false], [120, true]]);
  for (const s of steps) {
    assert.equal(diagnosisToCsv(s.rows), diagnosisToCsv(diagnoseSimulation(sim, s.reps)), `stage ${s.reps}`);
  }
  assert.ok(
    steps[0].rows[0].warnings.some((w) => /only 20 replications/.test(w)),
    "the coarse answer says it is coarse",
  );
});

Deno.test("progressive: the same final bytes with a pool of 2 workers, and stages are sorted and deduplicated", async () => {
  const pool = createPool(2);
  try {
    const steps = await collect(progressive(sim, { stages: [120, 30, 30], pool, blockSize: 25 }));
    assert.deepEqual(steps.map((s) => s.reps), [30, 120]);
    assert.equal(diagnosisToCsv(steps[1].rows), diagnosisToCsv(diagnoseSimulation(sim)));
  } finally {
    pool.terminate();
  }
});

Deno.test("progressive: an AbortSignal stops it quietly after the coarse answer; the strict form throws AbortError", async () => {
  const c = new AbortController();
  const seen: number[] = [];
  for await (const s of progressive(sim, { stages: [20, 120], blockSize: 10, signal: c.signal })) {
    seen.push(s.reps);
    c.abort();
  }
  assert.deepEqual(seen, [20], "no refined step after the abort");
  // already aborted: nothing at all
  assert.deepEqual(await collect(progressive(sim, { stages: [20], signal: c.signal })), []);
  // strict form
  const c2 = new AbortController();
  await assert.rejects(async () => {
    for await (const _ of diagnoseProgressive(sim, { stages: [20, 120], blockSize: 10, signal: c2.signal })) c2.abort();
  }, (e: Error) => e.name === "AbortError");
});

Deno.test("progressive: a notebook's invalidation promise stops the refinement running in workers", async () => {
  const pool = createPool(1);
  try {
    let invalidate!: () => void;
    const invalidation = new Promise<void>((r) => (invalidate = r));
    const seen: number[] = [];
    // the refinement would take minutes on one worker if its queued blocks were run
    const big = parseSimulation({ design: { data: { type: "rct", n: 400 } }, reps: 200_000, seed: 1 });
    let stopped = 0;
    for await (const s of progressive(big, { stages: [50, 200_000], pool, blockSize: 50, invalidation })) {
      seen.push(s.reps);
      invalidate();
      stopped = performance.now();
    }
    assert.deepEqual(seen, [50]);
    assert.ok(performance.now() - stopped < 5_000, "queued blocks were dropped, not run");
    // the pool is still usable afterwards
    const again = await collect(progressive(sim, { stages: [10], pool, blockSize: 5 }));
    assert.equal(diagnosisToCsv(again[0].rows), diagnosisToCsv(diagnoseSimulation(sim, 10)));
  } finally {
    pool.terminate();
  }
});

Deno.test("progressive: leaving the loop early stops it; bad stages are a ValidationError", async () => {
  const seen: number[] = [];
  for await (const s of progressive(sim, { stages: [10, 20, 30] })) {
    seen.push(s.reps);
    if (s.reps === 10) break;
  }
  assert.deepEqual(seen, [10]);
  for (const stages of [[], [0], [1.5], [-3]]) {
    await assert.rejects(() => collect(progressive(sim, { stages })), ValidationError, JSON.stringify(stages));
  }
  await assert.rejects(
    () => collect(progressive(sim, { stages: [10], blockSize: 0 })),
    /progressive: blockSize must be >= 1, got 0/,
  );
  const w = defaultWorkerCount(2);
  assert.ok(w >= 1 && w <= 2);
});
