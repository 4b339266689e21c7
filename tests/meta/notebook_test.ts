/**
 * The meta-analysis notebook holds no analysis logic: it imports analyseStudies from the meta
 * engine's front door (the function the meta CLI calls) and no inner file of lib/meta or
 * lib/effects, and its old local copies (readStudies, escalcData, analyse, a header split on
 * commas, DOM helpers and formatters) are gone.
 */
import assert from "node:assert/strict";
import { repoPath } from "../helpers.ts";

const source = Deno.readTextFileSync(repoPath("notebooks/meta-analysis.html"));
const imports = [...source.matchAll(/import\s+(?:[^"';]+\s+from\s+)?["']([^"']+)["']/g)].map((m) => m[1]);

Deno.test("meta notebook imports analyseStudies from ../lib/meta/mod.ts and calls it", () => {
  assert.match(source, /import \{[^}]*\banalyseStudies\b[^}]*\} from "\.\.\/lib\/meta\/mod\.ts"/);
  assert.match(source, /analyseStudies\(source\.text,/);
});

Deno.test("meta notebook imports only front doors (mod.ts, format.ts), never an inner meta/effects file", () => {
  const lib = imports.filter((p) => p.startsWith("../lib/"));
  assert.ok(lib.length > 0);
  for (const p of lib) {
    assert.match(p, /^\.\.\/lib\/([a-z]+\/mod\.ts|format\.ts|conventions\.ts)$/, `inner import ${p}`);
  }
  assert.ok(!imports.some((p) => /lib\/(meta|effects)\/(?!mod\.ts)/.test(p)), "no inner meta/effects file");
  assert.ok(!imports.some((p) => p.startsWith("npm:")), "no npm: specifiers");
});

Deno.test("meta notebook has no local analysis, CSV parsing, DOM helper or formatter copies", () => {
  for (
    const re of [/readStudies/, /escalcData/, /const analyse\b/, /\.split\(","\)/, /const el = /, /const htmlTable = /]
  ) {
    assert.doesNotMatch(source, re, String(re));
  }
  assert.doesNotMatch(source, /const fmt\w* = /, "formatters come from lib/format.ts");
  assert.doesNotMatch(source, /toFixed\(/, "numbers are formatted with lib/format.ts");
});
