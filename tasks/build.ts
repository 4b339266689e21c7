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
  /** The output folder. */
  out: string;
  /** The notebooks to build (names without `.html`; empty: all). */
  names: string[];
}

/** Parse `[name…] [--out dir]`. */
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

/**
 * A 16×16 favicon (ICO with one 32-bit BMP image): a dark blue square with a white bar chart, made
 * here so that the site needs no binary file in the repository.
 */
export function favicon(): Uint8Array {
  const size = 16;
  const pixels = new Uint8Array(size * size * 4);
  const bars = [[3, 5], [6, 9], [9, 7], [12, 11]]; // [x, height]
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const fromBottom = y; // BMP rows run bottom-up
      const bar = bars.find(([bx]) => x >= bx && x < bx + 2);
      const white = bar !== undefined && fromBottom >= 2 && fromBottom < 2 + bar[1];
      const i = (y * size + x) * 4;
      pixels.set(white ? [255, 255, 255, 255] : [0x79, 0x4e, 0x1f, 255], i); // BGRA of #1f4e79
    }
  }
  const mask = new Uint8Array(size * 4); // 1-bit AND mask, rows padded to 32 bits: all opaque
  const header = 40;
  const imageSize = header + pixels.length + mask.length;
  const buf = new Uint8Array(6 + 16 + imageSize);
  const v = new DataView(buf.buffer);
  v.setUint16(2, 1, true); // type: icon
  v.setUint16(4, 1, true); // one image
  buf[6] = size;
  buf[7] = size;
  v.setUint16(10, 1, true); // colour planes
  v.setUint16(12, 32, true); // bits per pixel
  v.setUint32(14, imageSize, true);
  v.setUint32(18, 22, true); // offset of the image
  v.setUint32(22, header, true);
  v.setInt32(26, size, true);
  v.setInt32(30, size * 2, true); // height counts the XOR and AND bitmaps
  v.setUint16(34, 1, true);
  v.setUint16(36, 32, true);
  v.setUint32(42, pixels.length + mask.length, true);
  buf.set(pixels, 22 + header);
  buf.set(mask, 22 + header + pixels.length);
  return buf;
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
      `<link rel="icon" href="favicon.ico"><title>evidence-lab</title><a href="notebooks/index.html">evidence-lab notebooks</a>\n`,
  );
  // Browsers ask for /favicon.ico on every page; without one the site logs a 404 per page.
  await Deno.writeFile(`${out}/favicon.ico`, favicon());
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
