/**
 * Write each notebook as ONE self-contained HTML file that works from `file://` (to e-mail to a
 * committee member): scripts, styles, fonts and data files are inlined, nothing is fetched.
 *
 *   deno run -A tasks/bundle.ts                       # every notebook into .bundle/
 *   deno run -A tasks/bundle.ts meta-analysis audit   # only these
 *   deno run -A tasks/bundle.ts --out /tmp/bundle
 *
 * How: each notebook is built on its own by Vite with Notebook Kit's plugin, with every asset
 * (data files, fonts) inlined as a data URL and one CSS file; the built page's stylesheet is then
 * inlined and its script chunks become data URLs in an import map (see {@link inlineAssets}). A
 * module script loaded by `src` from `file://` is blocked by the browser; these are not. Chunks
 * stay separate (not one script), so the notebook runtime's optional CDN imports stay lazy and are
 * never requested.
 * @module
 */
import { build } from "vite";
import { config, observable } from "@observablehq/notebook-kit/vite";
import { fileURLToPath } from "node:url";
import { listNotebooks, parseArgs } from "./build.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Replace a built page's external scripts and styles by inlined content. `page` is the built
 * HTML, `dir` its folder, `assets` the folder of its chunks. Every chunk becomes a data URL in an
 * import map under a bare name (`@bundle/<chunk>.js`), and the chunks' relative imports of each
 * other are rewritten to those names: a module loaded from a data URL cannot resolve a relative
 * import, but it can resolve a bare one through the page's import map.
 */
export function inlineAssets(page: string, dir: string, assets: string): string {
  const read = (href: string): string => Deno.readTextFileSync(new URL(href, `file://${dir}/`));
  // A Web Worker's script (`new URL("worker-….js", import.meta.url)`, a self-contained file) becomes
  // a data URL itself: a module loaded from a data URL has no base to resolve it against.
  const workers = (code: string): string =>
    code.replace(
      /new URL\((["'`])([\w.-]+\.js)\1,\s*import\.meta\.url\)/g,
      (m, _q: string, file: string) => {
        try {
          return `new URL("data:text/javascript;base64,${base64(Deno.readTextFileSync(`${assets}/${file}`))}")`;
        } catch {
          return m;
        }
      },
    );
  const bare = (code: string): string => workers(code).replace(/(["'`])\.\/([\w.-]+\.js)\1/g, '"@bundle/$2"');
  const imports: Record<string, string> = {};
  for (const e of Deno.readDirSync(assets)) {
    if (!e.isFile || !e.name.endsWith(".js")) continue;
    const code = bare(Deno.readTextFileSync(`${assets}/${e.name}`));
    imports[`@bundle/${e.name}`] = `data:text/javascript;base64,${base64(code)}`;
  }
  let out = page
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, "")
    .replace(
      /<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g,
      (_m, href: string) => `<style>${offline(read(href))}</style>`,
    )
    .replace(
      /<script type="module"[^>]*src="\.\.\/assets\/([^"]+)"[^>]*><\/script>/g,
      (_m, file: string) => `<script type="module">import "@bundle/${file}";</script>`,
    );
  const map = `<script type="importmap">${JSON.stringify({ imports }).replace(/<\//g, "<\\/")}</script>`;
  // The import map must come before the first module script; no request for /favicon.ico either.
  out = out.replace(/<head>/, `<head><link rel="icon" href="data:,">${map}`);
  const left = [...out.matchAll(/(?:src|href)="(\.\.\/assets\/[^"]+)"/g)].map((m) => m[1]);
  if (left.length) throw new Error(`bundle: assets left outside the page: ${left.join(", ")}`);
  return out;
}

/**
 * CSS without `@import`s of other hosts: with one CSS file, the notebook runtime's lazy
 * `inputs.css` (an `@import` of the Inputs CSS from a CDN) would load on every page; the notebooks
 * import the Inputs CSS from npm, which is already in the file.
 */
function offline(css: string): string {
  return css.replace(/@import\s*(?:url\(\s*["']?https?:[^)]*\)|["']https?:[^"']*["'])[^;]*;/g, "");
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Bundle one notebook into `<out>/<name>.html`; returns the file's path. */
export async function bundleNotebook(name: string, out: string): Promise<string> {
  const tmp = await Deno.makeTempDir({ prefix: `bundle-${name}-` });
  try {
    await build({
      ...config(),
      plugins: [observable()],
      root,
      base: "./",
      logLevel: "warn",
      build: {
        outDir: tmp,
        emptyOutDir: true,
        chunkSizeWarningLimit: 100_000,
        assetsInlineLimit: () => true,
        cssCodeSplit: false,
        modulePreload: false,
        rollupOptions: { input: `${root}notebooks/${name}.html` },
      },
    });
    const page = `${tmp}/notebooks/${name}.html`;
    const html = inlineAssets(await Deno.readTextFile(page), `${tmp}/notebooks`, `${tmp}/assets`);
    await Deno.mkdir(out, { recursive: true });
    const file = `${out}/${name}.html`;
    const part = `${file}.part`;
    await Deno.writeTextFile(part, html);
    await Deno.rename(part, file);
    return file;
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
}

/** Bundle the named notebooks (all when empty) into `out`. */
export async function bundleNotebooks({ out, names }: { out: string; names: string[] }): Promise<string[]> {
  const files: string[] = [];
  for (const name of listNotebooks(names)) {
    const started = performance.now();
    const file = await bundleNotebook(name, out);
    const kb = (await Deno.stat(file)).size / 1024;
    console.log(
      `bundled ${name} into ${file} (${kb.toFixed(0)} KB, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    files.push(file);
  }
  return files;
}

if (import.meta.main) {
  const args = parseArgs(Deno.args);
  const out = Deno.args.some((a) => a === "--out" || a === "-o" || a.startsWith("--out="))
    ? args.out
    : `${root}.bundle`;
  try {
    await bundleNotebooks({ out, names: args.names });
  } catch (e) {
    console.error(`bundle failed: ${(e as Error).message}`);
    Deno.exit(1);
  }
}
