/**
 * Downloads for the notebooks: a figure as SVG and PNG, a table as CSV, an analysis as JSON, any
 * text (an R script), and everything a page currently shows as one zip (fflate).
 *
 * Every file offered by {@link withDownloads} is also registered for the page's zip; at zip time
 * only files whose element is still on the page are included, so a figure that a failed analysis
 * removed is not in the zip either.
 * @module
 */
import { strToU8, zipSync } from "fflate";

/** One downloadable file; its content is made when it is downloaded. */
export interface DownloadFile {
  /** The file name offered to the browser (also the name inside the zip). */
  filename: string;
  /** The MIME type of the file. */
  type: string;
  /** Make the content (text, bytes or a Blob; may be asynchronous, as a PNG is). */
  content: () => string | Uint8Array | Blob | Promise<string | Uint8Array | Blob>;
  /** The button text (default: the file's extension in capitals). */
  label?: string;
}

async function toBlob(f: DownloadFile): Promise<Blob> {
  const c = await f.content();
  if (c instanceof Blob) return c;
  return new Blob([typeof c === "string" ? c : c as BlobPart], { type: f.type });
}

async function toBytes(f: DownloadFile): Promise<Uint8Array> {
  const c = await f.content();
  if (typeof c === "string") return strToU8(c);
  if (c instanceof Uint8Array) return c;
  return new Uint8Array(await c.arrayBuffer());
}

/** Offer `blob` to the browser as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** A button that downloads `file` when clicked. */
export function fileButton(file: DownloadFile): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "download";
  button.dataset.filename = file.filename;
  button.title = `Download ${file.filename}`;
  button.textContent = `⤓ ${file.label ?? (file.filename.split(".").pop() ?? "file").toUpperCase()}`;
  button.style.cssText =
    "font: 12px var(--sans-serif, sans-serif); margin: 0 4px 0 0; padding: 1px 6px; cursor: pointer;";
  button.addEventListener("click", async () => saveBlob(await toBlob(file), file.filename));
  return button;
}

interface Registered {
  owner: Element;
  file: DownloadFile;
}

const registry = new Map<string, Registered>();

/** Register `file` for the page's zip while `owner` is on the page (a later file of the same name replaces it). */
export function registerDownload(owner: Element, file: DownloadFile): void {
  registry.set(file.filename, { owner, file });
}

/** The files registered for the zip whose element is still on the page, by file name. */
export function registeredDownloads(): DownloadFile[] {
  return [...registry.values()].filter((r) => r.owner.isConnected).map((r) => r.file)
    .sort((a, b) => a.filename.localeCompare(b.filename));
}

/** A zip of `files` (deflated; names as given). */
export async function zipFiles(files: readonly DownloadFile[]): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.filename] = await toBytes(f);
  return zipSync(entries, { level: 6 });
}

/** A button that downloads every registered file still on the page as `<name>.zip`. */
export function zipButton(name: string, label = "Download everything (zip)"): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "download download-zip";
  button.dataset.filename = `${name}.zip`;
  button.textContent = `⤓ ${label}`;
  button.style.cssText = "font: 13px var(--sans-serif, sans-serif); padding: 2px 8px; cursor: pointer;";
  button.addEventListener("click", async () => {
    const files = registeredDownloads();
    const bytes = await zipFiles(files);
    saveBlob(new Blob([bytes as BlobPart], { type: "application/zip" }), `${name}.zip`);
  });
  return button;
}

/** The SVG elements of a Plot figure (a bare `<svg>` or a `<figure>` with legends). */
function svgsOf(node: Element): SVGSVGElement[] {
  if (node instanceof SVGSVGElement) return [node];
  return [...node.querySelectorAll("svg")].filter((s) => !s.parentElement?.closest("svg")) as SVGSVGElement[];
}

/**
 * A figure's SVG as standalone text: the largest SVG in `node` (Plot's chart; its legends are
 * HTML), with the namespace, a white background and the page's text colour filled in.
 */
export function svgText(node: Element): string {
  const svgs = svgsOf(node);
  if (svgs.length === 0) throw new Error("no SVG in this figure");
  const area = (s: SVGSVGElement) => (Number(s.getAttribute("width")) || 1) * (Number(s.getAttribute("height")) || 1);
  const svg = svgs.reduce((a, b) => (area(b) > area(a) ? b : a));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
  const style = clone.getAttribute("style") ?? "";
  clone.setAttribute("style", `${style};background:white;color:black;font-family:sans-serif`);
  return new XMLSerializer().serializeToString(clone);
}

/** Render SVG text to a PNG (`scale` × its size, white background). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
  const width = Number(doc.getAttribute("width")) || 640;
  const height = Number(doc.getAttribute("height")) || 400;
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("the SVG could not be drawn as an image"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no canvas");
    ctx.fillStyle = "white";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png")
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The SVG and PNG files of a Plot figure, named `<base>.svg` and `<base>.png`. */
export function figureFiles(figure: Element, base: string): DownloadFile[] {
  return [
    { filename: `${base}.svg`, type: "image/svg+xml", content: () => svgText(figure) },
    { filename: `${base}.png`, type: "image/png", content: () => svgToPng(svgText(figure)) },
  ];
}

/** Turn rows into CSV text (RFC 4180 quoting; missing and non-finite values as empty cells). */
export function csvText(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown): string => {
    if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) return "";
    const s = typeof v === "object" ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}

/** A table's rows as `<base>.csv`. */
export function csvFile(
  rows: readonly Record<string, unknown>[],
  base: string,
  columns?: readonly string[],
): DownloadFile {
  return { filename: `${base}.csv`, type: "text/csv", content: () => csvText(rows, columns) };
}

/** A value as pretty-printed `<base>.json` (non-finite numbers become null). */
export function jsonFile(value: unknown, base: string): DownloadFile {
  return {
    filename: `${base}.json`,
    type: "application/json",
    content: () =>
      JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n",
  };
}

/** Any text as a file (an R script: `textFile(script, "analysis.R", "text/x-r")`). */
export function textFile(text: string, filename: string, type = "text/plain"): DownloadFile {
  return { filename, type, content: () => text };
}

/**
 * `node` with a row of download buttons under it; every file is registered for the page's zip
 * while `node` is on the page. For a figure: `withDownloads(plot, figureFiles(plot, "forest"))`.
 */
export function withDownloads(node: Element, files: readonly DownloadFile[]): HTMLElement {
  const wrapper = document.createElement("div");
  wrapper.className = "with-downloads";
  const bar = document.createElement("div");
  bar.className = "download-bar";
  bar.style.cssText = "margin: 2px 0 12px;";
  for (const f of files) {
    bar.append(fileButton(f));
    registerDownload(wrapper, f);
  }
  wrapper.append(node, bar);
  return wrapper;
}

/** A Plot figure with SVG and PNG download buttons (and in the page's zip). */
export function figureWithDownloads(figure: Element, base: string): HTMLElement {
  return withDownloads(figure, figureFiles(figure, base));
}
