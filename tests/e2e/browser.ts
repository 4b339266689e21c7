/**
 * Browser-test helpers: serve the built site on 127.0.0.1, drive Debian's headless Chromium with
 * playwright-core, and record console errors, page errors and any request to a host other than
 * localhost (such requests are also aborted, so a test never sends traffic off the machine).
 *
 * @example
 * await withSite(async (site, browser) => {
 *   const page = await openPage(browser, `${site}notebooks/index.html`);
 *   await settle(page.page);
 *   assertClean(page);
 * });
 * @module
 */
import { type Browser, chromium, type Page } from "playwright-core";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../../tasks/serve.ts";
import { buildNotebooks, listNotebooks } from "../../tasks/build.ts";

export const SITE_DIR = fileURLToPath(new URL("../../.site", import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL("./screenshots", import.meta.url));
export const CHROMIUM = Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium";

/** An opened page with everything it logged or requested. */
export interface TrackedPage {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  offMachine: string[];
  failedLocal: string[];
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** True for URLs that stay on this machine (localhost, data:, blob:, about:, file:). */
export function isLocalUrl(raw: string): boolean {
  const url = new URL(raw);
  if (["data:", "blob:", "about:", "file:"].includes(url.protocol)) return true;
  return LOCAL_HOSTS.has(url.hostname);
}

/** Build the site if it is missing (or if `rebuild`), so `deno task e2e` works on its own. */
export async function ensureSite(rebuild = false): Promise<void> {
  let built = false;
  try {
    Deno.statSync(`${SITE_DIR}/notebooks/index.html`);
    const have = listNotebooks().every((n) => {
      try {
        Deno.statSync(`${SITE_DIR}/notebooks/${n}.html`);
        return true;
      } catch {
        return false;
      }
    });
    built = have;
  } catch {
    built = false;
  }
  if (!built || rebuild) await buildNotebooks({ out: SITE_DIR, names: [] });
}

/** Launch headless Chromium with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

/** Serve the built site and launch the browser for the duration of `fn`. */
export async function withSite<T>(fn: (baseUrl: string, browser: Browser) => Promise<T>): Promise<T> {
  await ensureSite();
  const server = serveStatic(SITE_DIR, 0);
  const browser = await launchBrowser();
  try {
    return await fn(server.url, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Open `url` in a new page, tracking console errors, page errors and off-machine requests. */
export async function openPage(
  browser: Browser,
  url: string,
  options: { width?: number; height?: number } = {},
): Promise<TrackedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  const page = await context.newPage();
  const tracked: TrackedPage = { page, consoleErrors: [], pageErrors: [], offMachine: [], failedLocal: [] };
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (isLocalUrl(u)) return route.continue();
    tracked.offMachine.push(u);
    return route.abort("blockedbyclient");
  });
  page.on("console", (msg) => {
    if (msg.type() === "error") tracked.consoleErrors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on("pageerror", (err) => tracked.pageErrors.push(String(err)));
  page.on("response", (res) => {
    if (res.status() >= 400 && isLocalUrl(res.url())) tracked.failedLocal.push(`${res.status()} ${res.url()}`);
  });
  await page.goto(url, { waitUntil: "load" });
  return tracked;
}

/**
 * Wait until the notebook has settled: the DOM has not changed for `quietMs`. Notebook Kit does
 * not mark pending cells in the DOM, so a cell that computes for a while (a simulation in a Web
 * Worker) is only seen through its output; the quiet period is therefore generous (1.5 s).
 */
export async function settle(page: Page, { quietMs = 1500, timeoutMs = 30_000 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const snapshot = await page.evaluate(() => {
      const running = document.querySelectorAll(".observablehq--running, .observablehq--pending").length;
      return `${running}|${document.body.innerHTML.length}|${document.querySelectorAll("svg, table, canvas").length}`;
    });
    if (snapshot !== last || !snapshot.startsWith("0|")) {
      last = snapshot;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Everything a page rendered as plots and tables, to detect a re-render. */
export function renderedOutputs(page: Page): Promise<string> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("main svg, main table, main canvas"))
      .filter((el) => !el.closest("form"))
      .map((el) => (el instanceof HTMLCanvasElement ? el.toDataURL() : el.outerHTML))
      .join("\n")
  );
}

/** Throw if the page logged an error, threw, requested another host, or got a 4xx/5xx locally. */
export function assertClean(t: TrackedPage, label = t.page.url()): void {
  const problems = [
    ...t.consoleErrors.map((e) => `console error: ${e}`),
    ...t.pageErrors.map((e) => `page error: ${e}`),
    ...t.offMachine.map((u) => `off-machine request: ${u}`),
    ...t.failedLocal.map((u) => `failed local request: ${u}`),
  ];
  if (problems.length) throw new Error(`${label}:\n  ${problems.join("\n  ")}`);
}

/** Save a full-page PNG screenshot under tests/e2e/screenshots/ (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await Deno.mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Change the first interactive input on the page (range, number, select, checkbox, radio, text)
 * the way a user would, and return a description of what was changed, or null if there is none.
 */
export async function changeFirstInput(page: Page): Promise<string | null> {
  const handle = await page.evaluateHandle(() => {
    const candidates = Array.from(
      document.querySelectorAll<HTMLElement>(
        "main form input[type=range], main form select, main form input[type=checkbox], main form input[type=radio], main form input[type=number]",
      ),
    ).filter((el) => !(el as HTMLInputElement).disabled && el.offsetParent !== null);
    return candidates[0] ?? null;
  });
  const el = handle.asElement();
  if (!el) return null;
  return await el.evaluate((node) => {
    const fire = (n: Element) => {
      n.dispatchEvent(new Event("input", { bubbles: true }));
      n.dispatchEvent(new Event("change", { bubbles: true }));
    };
    if (node instanceof HTMLSelectElement) {
      const next = (node.selectedIndex + 1) % node.options.length;
      node.selectedIndex = next;
      fire(node);
      return `select -> ${node.options[next]?.text}`;
    }
    const input = node as HTMLInputElement;
    if (input.type === "checkbox" || input.type === "radio") {
      input.click();
      return `${input.type} ${input.value} clicked`;
    }
    const min = input.min === "" ? Number(input.value) - 10 : Number(input.min);
    const max = input.max === "" ? Number(input.value) + 10 : Number(input.max);
    const cur = Number(input.value);
    const step = input.step && input.step !== "any" ? Number(input.step) : (max - min) / 100;
    // Move a quarter of the range towards the farther end, snapped to the step.
    let target = cur + (max - cur > cur - min ? 1 : -1) * Math.max(step, (max - min) / 4);
    target = Math.min(max, Math.max(min, min + Math.round((target - min) / step) * step));
    input.value = String(target);
    fire(input);
    return `${input.type} ${cur} -> ${input.value}`;
  });
}

/** A text label problem in one SVG figure, found by {@link svgTextProblems}. */
export interface SvgTextProblem {
  /** The figure: its `aria-label`, or its position on the page (`svg #3`). */
  svg: string;
  /** Two labels overlap, a label reaches outside its SVG, or an axis prints the same tick twice. */
  kind: "overlap" | "clipped" | "duplicate tick";
  /** The label(s) concerned. */
  text: string;
}

/**
 * Measure every SVG text label on the page (the rendered boxes, as a reader sees them): two labels
 * of one SVG that overlap by more than `tolerance` px in both directions, a label that reaches
 * more than `tolerance` px outside its SVG's box, and a tick label printed twice on one axis.
 * Works on any notebook; `selector` picks the SVGs (default: every top-level SVG in `main`).
 */
export function svgTextProblems(page: Page, selector = "main svg", tolerance = 1.5): Promise<SvgTextProblem[]> {
  return page.evaluate(({ selector, tolerance }) => {
    const problems: { svg: string; kind: "overlap" | "clipped" | "duplicate tick"; text: string }[] = [];
    const svgs = Array.from(document.querySelectorAll<SVGSVGElement>(selector)).filter((s) =>
      !s.parentElement?.closest("svg") && s.getBoundingClientRect().width > 0
    );
    svgs.forEach((svg, n) => {
      const name = svg.getAttribute("aria-label") ?? `svg #${n + 1}`;
      const box = svg.getBoundingClientRect();
      const texts = Array.from(svg.querySelectorAll("text"))
        .filter((t) => (t.textContent ?? "").trim() !== "" && getComputedStyle(t).visibility !== "hidden")
        .map((t) => ({ t, r: t.getBoundingClientRect(), s: (t.textContent ?? "").trim() }))
        .filter(({ r }) => r.width > 0 && r.height > 0);
      for (const { r, s } of texts) {
        if (
          r.left < box.left - tolerance || r.right > box.right + tolerance || r.top < box.top - tolerance ||
          r.bottom > box.bottom + tolerance
        ) problems.push({ svg: name, kind: "clipped", text: s });
      }
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i].r, b = texts[j].r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > tolerance && h > tolerance) {
            problems.push({ svg: name, kind: "overlap", text: `"${texts[i].s}" / "${texts[j].s}"` });
          }
        }
      }
      // A tick label printed twice next to itself on one axis line (facets repeat an axis: each
      // facet's labels lie on their own line, or follow each other, and are not flagged).
      for (const axis of Array.from(svg.querySelectorAll("g[aria-label$='tick label']"))) {
        const horizontal = /^f?x-axis/.test(axis.getAttribute("aria-label") ?? "");
        const lines = new Map<number, { s: string; at: number }[]>();
        for (const t of Array.from(axis.querySelectorAll("text"))) {
          const s = (t.textContent ?? "").trim();
          const r = t.getBoundingClientRect();
          if (s === "" || r.width === 0) continue;
          const line = Math.round((horizontal ? r.top : r.right) / 4);
          const at = horizontal ? r.left + r.width / 2 : r.top + r.height / 2;
          lines.set(line, [...(lines.get(line) ?? []), { s, at }]);
        }
        for (const labels of lines.values()) {
          labels.sort((a, b) => a.at - b.at);
          for (let i = 1; i < labels.length; i++) {
            if (labels[i].s === labels[i - 1].s) {
              problems.push({ svg: name, kind: "duplicate tick", text: labels[i].s });
            }
          }
        }
      }
    });
    return problems;
  }, { selector, tolerance });
}

/**
 * Tables wider than the notebook's column at the current viewport (their numbers would be off
 * screen or behind a scroll bar): returns the first header cells of each, to name it.
 */
export function offscreenTables(page: Page, tolerance = 2): Promise<string[]> {
  return page.evaluate((tolerance) => {
    const main = document.querySelector("main") ?? document.body;
    const limit = main.getBoundingClientRect().right + tolerance;
    return Array.from(main.querySelectorAll("table"))
      .filter((t) => t.getBoundingClientRect().width > 0 && t.getBoundingClientRect().right > limit)
      .map((t) =>
        Array.from(t.querySelectorAll("th")).slice(0, 4).map((th) => (th.textContent ?? "").trim()).join(" | ") ||
        (t.textContent ?? "").slice(0, 60)
      );
  }, tolerance);
}
