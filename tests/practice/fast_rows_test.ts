/**
 * The plain-loop row check that benchmarkCentres and indicationFunnel run before zod
 * (fastRegistryRows) must accept exactly the rows registryRowSchema accepts and return what zod
 * returns; when it returns null, zod must refuse (so the user still gets zod's message).
 */
import fc from "fast-check";
import assert from "node:assert/strict";
import { fastRegistryRows, registryRowSchema } from "../../lib/practice/_schemas.ts";
import { benchmarkCentres } from "../../lib/practice/benchmark.ts";
import { simulateRegistry } from "../../lib/practice/registry.ts";
import { z } from "zod";

const rowsSchema = z.array(registryRowSchema);

// Values near and beyond every rule's edge, of every type the rules meet.
const edge = fc.constantFrom<unknown>(
  undefined,
  null,
  0,
  -0,
  1,
  0.5,
  2,
  3,
  4,
  4.5,
  5,
  -1,
  69.9,
  70,
  70.1,
  100,
  100.5,
  2000,
  2001,
  2024,
  NaN,
  Infinity,
  -Infinity,
  "1",
  "",
  "A",
  true,
  [],
  {},
);
const value = fc.oneof(edge, fc.double(), fc.integer({ min: -5, max: 2100 }));
const keys = ["centre", "wpn", "painYears", "work", "pdiPre", "pdiPost", "pscPre", "pscPost", "hours", "year", "extra"];
const good = {
  centre: "A",
  wpn: 3,
  painYears: 2.5,
  work: 1,
  pdiPre: 40,
  pdiPost: 30,
  pscPre: 70,
  pscPost: 40,
  hours: 120,
  year: 2024,
};
// A valid row with 0-3 fields replaced or removed, so most rows are near the valid set.
const row = fc.tuple(
  fc.array(fc.tuple(fc.constantFrom(...keys), value, fc.boolean()), { maxLength: 3 }),
  fc.constantFrom("A", "B", "centre 3"),
).map(([edits, centre]) => {
  const r: Record<string, unknown> = { ...good, centre };
  for (const [k, v, remove] of edits) {
    if (remove) delete r[k];
    else r[k] = v;
  }
  return r;
});

Deno.test("fastRegistryRows accepts what zod accepts and returns the same rows (property, seeded)", () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
      const fast = fastRegistryRows(rows);
      const z = rowsSchema.safeParse(rows);
      if (fast === null) {
        if (z.success) throw new Error(`fast refused rows zod accepts: ${JSON.stringify(rows)}`);
      } else {
        if (!z.success) throw new Error(`fast accepted rows zod refuses: ${JSON.stringify(rows)}`);
        assert.deepStrictEqual(fast, z.data);
      }
    }),
    { seed: 42, numRuns: 3000 },
  );
});

Deno.test("fastRegistryRows: not an array, or an array of non-objects, is left to zod", () => {
  assert.deepStrictEqual(fastRegistryRows("rows"), null);
  assert.deepStrictEqual(fastRegistryRows([null]), null);
  assert.deepStrictEqual(fastRegistryRows([[1, 2]]), null);
});

Deno.test("benchmarkCentres gives the same result whichever check ran, and zod's message for a bad row", () => {
  const { patients } = simulateRegistry({ centres: 8 }, 3);
  const plain: Record<string, unknown>[] = patients.map((r) => ({ ...r }));
  const a = benchmarkCentres({ rows: plain as never });
  // The same rows after zod (unknown fields such as the simulation's truth dropped): the same result.
  const b = benchmarkCentres({ rows: rowsSchema.parse(plain) });
  assert.deepStrictEqual(JSON.stringify(a), JSON.stringify(b));
  const bad = plain.map((r, i) => (i === 4 ? { ...r, wpn: 7 } : r));
  let msg = "";
  try {
    benchmarkCentres({ rows: bad as never });
  } catch (e) {
    msg = (e as Error).message;
  }
  // zod's message (the fast check returned null): the array index of the library call, the field, the rule.
  assert.equal(msg, "benchmarkCentres: rows[4].wpn must be <= 4, got 7");
});
