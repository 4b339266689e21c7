/**
 * The practice engine's front door: every value a public file exports is exported by name from
 * mod.ts (as Deno std checks for its packages), no zod schema is among them, and the internals
 * (`_` files) stay out.
 */
import assert from "node:assert/strict";
import * as mod from "../../lib/practice/mod.ts";
import * as schemas from "../../lib/practice/_schemas.ts";
import * as fit from "../../lib/practice/_fit.ts";

const dir = new URL("../../lib/practice/", import.meta.url);

Deno.test("mod.ts exports every value of the engine's public files, and nothing internal", async () => {
  const files = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) =>
    n.endsWith(".ts") && !n.startsWith("_") && n !== "mod.ts"
  ).sort();
  assert.ok(files.length >= 8, files.join());
  for (const f of files) {
    const m = await import(new URL(f, dir).href);
    for (const name of Object.keys(m)) {
      assert.ok(name in mod, `${f} exports ${name}, which mod.ts does not`);
      assert.equal((mod as Record<string, unknown>)[name], m[name], `${name} is the same binding`);
    }
  }
  for (const name of [...Object.keys(schemas), ...Object.keys(fit)]) {
    assert.ok(!(name in mod), `internal ${name} is exported from mod.ts`);
  }
  for (const [name, v] of Object.entries(mod)) {
    const isZod = typeof v === "object" && v !== null && ("_zod" in v || "safeParse" in v);
    assert.ok(!isZod, `${name} is a zod schema`);
  }
});
