/**
 * The shape of the package: notebooks and CLIs go through the front doors (`mod.ts`), and no two
 * notebooks share a copied block of code (logic lives in lib/, cells bind, show and ask).
 */
import assert from "node:assert/strict";
import { repoPath } from "../helpers.ts";

/** Files at the root of lib/ that are public single-file modules (no engine folder). */
const ROOT_MODULES = new Set(["format.ts", "conventions.ts", "instruments.ts"]);

function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\s*["']([^"']+)["']/g)) {
    out.push(m[1] ?? m[2]);
  }
  for (const m of source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) out.push(m[1]);
  return out;
}

function libTarget(spec: string, fromDir: string): string | null {
  if (!spec.startsWith(".")) return null;
  const abs = new URL(spec, `file://${fromDir}/`).pathname;
  const lib = repoPath("lib/");
  return abs.startsWith(lib) ? abs.slice(lib.length) : null;
}

function allowed(target: string): boolean {
  if (ROOT_MODULES.has(target)) return true;
  return /^[a-z]+\/mod\.ts$/.test(target);
}

Deno.test("notebooks import only front doors (lib/<engine>/mod.ts, lib/format.ts, lib/conventions.ts, lib/instruments.ts)", () => {
  const bad: string[] = [];
  for (const e of Deno.readDirSync(repoPath("notebooks"))) {
    if (!e.name.endsWith(".html")) continue;
    const src = Deno.readTextFileSync(repoPath(`notebooks/${e.name}`));
    for (const spec of importsOf(src)) {
      const t = libTarget(spec, repoPath("notebooks"));
      if (t !== null && !allowed(t)) bad.push(`${e.name}: ${spec}`);
    }
  }
  assert.deepEqual(bad, [], `notebooks importing inner files:\n${bad.join("\n")}`);
});

Deno.test("CLIs import engines only through their front doors (and the shared CLI layer)", () => {
  const bad: string[] = [];
  for (const e of Deno.readDirSync(repoPath("lib/cli"))) {
    if (!e.name.endsWith(".ts") || e.name.startsWith("_")) continue;
    const src = Deno.readTextFileSync(repoPath(`lib/cli/${e.name}`));
    for (const spec of importsOf(src)) {
      // the shared CLI layer and the one error class are the CLIs' own infrastructure
      if (spec.startsWith("./_") || spec === "../validate.ts") continue;
      const t = libTarget(spec, repoPath("lib/cli"));
      if (t !== null && !allowed(t)) bad.push(`${e.name}: ${spec}`);
    }
  }
  assert.deepEqual(bad, [], `CLIs importing inner files:\n${bad.join("\n")}`);
});

/** Code lines of a notebook's cells, normalised as a duplicate finder would (white space folded). */
function codeLines(html: string): string[] {
  const lines: string[] = [];
  for (const m of html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const raw of m[1].split("\n")) {
      const l = raw.trim().replace(/\s+/g, " ");
      if (l === "" || l.startsWith("//") || l.startsWith("import ") || /^[\s{}()[\];,.]*$/.test(l)) continue;
      lines.push(l);
    }
  }
  return lines;
}

Deno.test("no two notebooks share a copied block of 6 or more code lines", () => {
  const WINDOW = 6;
  const seen = new Map<string, string>();
  const shared: string[] = [];
  for (const e of [...Deno.readDirSync(repoPath("notebooks"))].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!e.name.endsWith(".html")) continue;
    const lines = codeLines(Deno.readTextFileSync(repoPath(`notebooks/${e.name}`)));
    const mine = new Set<string>();
    for (let i = 0; i + WINDOW <= lines.length; i++) {
      const key = lines.slice(i, i + WINDOW).join("\n");
      if (mine.has(key)) continue;
      mine.add(key);
      const other = seen.get(key);
      if (other && other !== e.name) shared.push(`${other} ~ ${e.name}:\n  ${lines.slice(i, i + WINDOW).join("\n  ")}`);
      else if (!other) seen.set(key, e.name);
    }
  }
  assert.deepEqual(shared, [], `copied blocks between notebooks:\n${shared.slice(0, 5).join("\n")}`);
});
