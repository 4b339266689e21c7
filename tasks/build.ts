/**
 * Build notebooks into a static site with Observable Notebook Kit (Vite under Deno).
 *
 *   deno task build                      # every notebooks/*.html into .site/
 *   deno task build meta-analysis sced   # only these notebooks (names without .html)
 *   deno task build --out /tmp/site      # another output folder
 *
 * The site root is the repository root, so notebooks can import `../lib/*.ts` and read
 * `../data/*` with FileAttachment; the built pages land in `<out>/notebooks/` and `<out>/index.html`
 * redirects to the notebook index. Off-machine requests are checked where they would happen, in
 * the browser tests (tests/e2e/), which fail on any request to a host other than localhost.
 * @module
 */
import { build } from "vite";
import { config, observable } from "@observablehq/notebook-kit/vite";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Options parsed from the command line. */
export interface BuildOptions {
  out: string;
  names: string[];
}

export function parseArgs(args: string[]): BuildOptions {
  const names: string[] = [];
  let out = `${root}.site`;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--out" || a === "-o") out = args[++i];
    else if (a.startsWith("--out=")) out = a.slice(6);
    else names.push(a.replace(/\.html$/, "").replace(/^notebooks\//, ""));
  }
  return { out, names };
}

/** The notebooks to build: all notebooks/*.html, or the named ones (which must exist). */
export function listNotebooks(names: string[] = []): string[] {
  const all = [...Deno.readDirSync(`${root}notebooks`)]
    .filter((e) => e.isFile && e.name.endsWith(".html"))
    .map((e) => e.name.replace(/\.html$/, ""))
    .sort();
  if (names.length === 0) return all;
  for (const n of names) {
    if (!all.includes(n)) throw new Error(`no notebook notebooks/${n}.html (have: ${all.join(", ")})`);
  }
  return names;
}

/** Build the given notebooks into `out`. */
export async function buildNotebooks({ out, names }: BuildOptions): Promise<string[]> {
  const notebooks = listNotebooks(names);
  const started = performance.now();
  await build({
    ...config(),
    plugins: [observable()],
    root,
    base: "./",
    logLevel: "warn",
    build: {
      outDir: out,
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: notebooks.map((n) => `${root}notebooks/${n}.html`) },
    },
  });
  await Deno.writeTextFile(
    `${out}/index.html`,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=notebooks/index.html">` +
      `<title>evidence-lab</title><a href="notebooks/index.html">evidence-lab notebooks</a>\n`,
  );
  console.log(
    `built ${notebooks.length} notebook(s) into ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${
      notebooks.join(", ")
    }`,
  );
  return notebooks;
}

if (import.meta.main) {
  try {
    await buildNotebooks(parseArgs(Deno.args));
  } catch (e) {
    console.error(`notebook build failed: ${(e as Error).message}`);
    Deno.exit(1);
  }
}
