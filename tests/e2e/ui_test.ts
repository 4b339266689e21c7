/**
 * The outside layer of the notebooks (issue 16), in headless Chromium at 1280 px: uploads that
 * name their input and clear stale results, Dutch Excel CSV files, downloads of the right type,
 * readable labels and tables, the header, and the favicon.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import type { Page } from "playwright-core";
import {
  assertClean,
  offscreenTables,
  openPage,
  screenshot,
  settle,
  svgTextProblems,
  type TrackedPage,
  withSite,
} from "./browser.ts";

/** The notebooks this slice looks after (the other four adopt the same helpers later). */
export const UI_NOTEBOOKS = [
  "index",
  "getting-started",
  "meta-analysis",
  "multilevel",
  "evidence-tables",
  "audit",
  "responders",
  "certainty",
  "sced",
  "practice",
  "pico-pio",
  "proms",
];

const COMMA = Deno.readTextFileSync(new URL("../../data/examples/prepost-example.csv", import.meta.url));
/** The same file as Dutch Excel saves it: `;` between cells and a decimal comma. */
const DUTCH = COMMA.split("\n").map((l) => l.replaceAll(",", ";").replace(/(\d)\.(\d)/g, "$1,$2")).join("\r\n");
const BROKEN = "study,m_pre,m_post,sd_pre,sd_post,ni,ri\nA,30.6,38.5,-15,11.6,20,0.47\nB,23.5,26.8,3.1,4.1,50,0.64\n";

async function upload(page: Page, name: string, text: string): Promise<void> {
  await page.locator("main input[type=file]").setInputFiles({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(text, "utf8"),
  });
  await settle(page);
}

async function chooseDirection(page: Page, label: RegExp): Promise<void> {
  await page.locator("main label", { hasText: label }).first().click();
  await settle(page);
}

/** The text of every result table (the seed's static review table included). */
function tableTexts(page: Page): Promise<string[]> {
  return page.locator("main table").evaluateAll((ts) => ts.map((t) => (t as HTMLElement).innerText));
}

async function withNotebook(
  base: string,
  browser: Parameters<Parameters<typeof withSite>[0]>[1],
  name: string,
  fn: (t: TrackedPage) => Promise<void>,
  query = "",
): Promise<void> {
  const tracked = await openPage(browser, `${base}notebooks/${name}.html${query}`);
  try {
    await settle(tracked.page);
    await fn(tracked);
  } finally {
    await tracked.page.context().close();
  }
}

Deno.test({
  name:
    "meta-analysis: a Dutch Excel CSV gives the comma file's numbers, the direction is asked, a failed upload clears",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    await withSite(async (base, browser) => {
      await withNotebook(base, browser, "meta-analysis", async (tracked) => {
        const { page } = tracked;
        assert.ok(await page.locator(".input-stamp[data-source='prepost-example.csv']").count() > 0);

        await upload(page, "prepost-comma.csv", COMMA);
        // Nothing is analysed until the direction is confirmed next to the upload.
        const asked = await page.locator("main").innerText();
        assert.match(asked, /do lower or higher scores mean improvement/);
        assert.equal(await page.locator("main svg").count(), 0, "plots shown before the direction was confirmed");
        await chooseDirection(page, /a higher score/);
        const comma = await tableTexts(page);
        assert.ok(comma.join("\n").includes("0.9121"), "the comma file gives metafor's 0.9121");
        assert.ok(await page.locator(".input-stamp[data-source='prepost-comma.csv']").count() > 0);

        await upload(page, "prepost-dutch.csv", DUTCH);
        await chooseDirection(page, /a higher score/);
        const dutch = await tableTexts(page);
        assert.deepEqual(dutch, comma, "the Dutch Excel file gives other numbers than the comma file");
        const text = await page.locator("main").innerText();
        assert.match(text, /decimal comma/, "the page does not say it read a decimal comma");
        assert.ok(await page.locator(".input-stamp[data-source='prepost-dutch.csv']").count() > 0);
        assert.ok(await page.locator("main svg").count() >= 3, "no forest, funnel and r plots");
        await screenshot(page, "meta-analysis-dutch-upload");

        await upload(page, "broken.csv", BROKEN);
        await chooseDirection(page, /a higher score/);
        const after = await tableTexts(page);
        assert.equal(after.length, 1, `old results left on screen after a failed upload: ${after.length} tables`);
        assert.match(after[0], /Pain interference/, "the one table left is the seed's static review table");
        assert.equal(await page.locator("main svg").count(), 0, "old plots left on screen after a failed upload");
        assert.equal(await page.locator(".input-stamp").count(), 0, "a stamp names results that are gone");
        const failed = await page.locator(".analysis-error").allInnerTexts();
        assert.ok(failed.some((m) => /broken\.csv/.test(m) && /sd/i.test(m)), `no error naming the file: ${failed}`);
        assertClean(tracked, "meta-analysis uploads");
      });
    });
  },
});

Deno.test({
  name: "meta-analysis: the r slider is off while every study reports r, on when the slider's r is used",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    await withSite(async (base, browser) => {
      await withNotebook(base, browser, "meta-analysis", async ({ page }) => {
        const slider = page.locator("main input[type=range]").first();
        assert.equal(await slider.isDisabled(), true, "the slider looks active although r does not enter");
        await page.locator("main label", { hasText: /the slider's r for every study/ }).first().click();
        await settle(page);
        assert.equal(await page.locator("main input[type=range]").first().isDisabled(), false);
        const text = await page.locator("main").innerText();
        assert.doesNotMatch(text, /p = </, "p printed as 'p = < …'");
      });
    });
  },
});

/** What a downloaded file must start with, by extension. */
function checkFile(name: string, bytes: Uint8Array): string | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 200));
  const ext = name.split(".").pop();
  if (bytes.length === 0) return "empty";
  if (ext === "svg") return /^<svg[\s>]/.test(head) ? null : `not an SVG: ${head.slice(0, 40)}`;
  if (ext === "png") return [0x89, 0x50, 0x4e, 0x47].every((b, i) => bytes[i] === b) ? null : "not a PNG";
  if (ext === "zip") return bytes[0] === 0x50 && bytes[1] === 0x4b ? null : "not a zip";
  if (ext === "csv") return /^[^\n<{]*,[^\n]*\n/.test(head) ? null : `not a CSV: ${head.slice(0, 40)}`;
  if (ext === "json") {
    try {
      JSON.parse(new TextDecoder().decode(bytes));
      return null;
    } catch (e) {
      return `not JSON: ${(e as Error).message}`;
    }
  }
  if (ext === "html") return /<(table|html|!doctype)/i.test(head) ? null : "not HTML";
  if (ext === "md") return /\|/.test(new TextDecoder().decode(bytes)) ? null : "not a Markdown table";
  if (ext === "R") return /library\(metafor\)/.test(head) ? null : "not an R script";
  return `unexpected file type .${ext}`;
}

Deno.test({
  name: "every download button produces a file of the right type, and the zip holds them all",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async (t) => {
    await withSite(async (base, browser) => {
      for (const name of UI_NOTEBOOKS.filter((n) => n !== "index")) {
        await t.step(name, async () => {
          await withNotebook(base, browser, name, async (tracked) => {
            const { page } = tracked;
            const buttons = page.locator("main button.download");
            const n = await buttons.count();
            assert.ok(n > 0, `${name}: no download buttons`);
            const kinds = new Set<string>();
            let zipSize = 0;
            for (let i = 0; i < n; i++) {
              const button = buttons.nth(i);
              const expected = await button.getAttribute("data-filename");
              // A figure's PNG is drawn asynchronously after the click; on a loaded machine Chromium
              // occasionally drops that first download, as a user would see a button "not react". One
              // second click is allowed (a user would click again); a second miss fails the test.
              const attempt = async (timeout: number) => {
                const [d] = await Promise.all([page.waitForEvent("download", { timeout }), button.click()]);
                return d;
              };
              const download = await attempt(15_000).catch(() => attempt(30_000)).catch((e) => {
                throw new Error(`${name}: ${expected} gave no download (${tracked.pageErrors.join("; ")}): ${e}`);
              });
              assert.equal(download.suggestedFilename(), expected);
              const path = await download.path();
              const bytes = await Deno.readFile(path);
              const problem = checkFile(download.suggestedFilename(), bytes);
              assert.equal(problem, null, `${name}: ${download.suggestedFilename()}: ${problem}`);
              kinds.add(download.suggestedFilename().split(".").pop()!);
              if (download.suggestedFilename().endsWith(".zip")) zipSize = bytes.length;
            }
            assert.ok(kinds.has("zip") && kinds.has("csv"), `${name}: offers ${[...kinds].join(", ")}`);
            if (name === "meta-analysis") {
              assert.ok(kinds.has("R"), `${name}: no metafor script (.R) among the downloads`);
            }
            assert.ok(zipSize > 200, `${name}: the zip is almost empty (${zipSize} bytes)`);
            if (await page.locator("main svg").count() > 0) {
              assert.ok(kinds.has("svg") && kinds.has("png"), `${name}: figures without SVG/PNG downloads`);
            }
            assertClean(tracked, `${name} downloads`);
          });
        });
      }
    });
  },
});

Deno.test({
  name:
    "no SVG label overlaps another or is clipped, no table is wider than the page at 1280 px, a header on every page (in English and in Dutch)",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async (t) => {
    await withSite(async (base, browser) => {
      for (const [name, lang] of UI_NOTEBOOKS.flatMap((n) => [[n, "en"], [n, "nl"]] as const)) {
        await t.step(`${name} (${lang})`, async () => {
          await withNotebook(base, browser, name, async (tracked) => {
            const { page } = tracked;
            const problems = await svgTextProblems(page);
            assert.deepEqual(
              problems,
              [],
              `${name}: ${problems.map((p) => `${p.kind} in ${p.svg}: ${p.text}`).join("\n")}`,
            );
            const wide = await offscreenTables(page);
            assert.deepEqual(wide, [], `${name}: tables wider than the page: ${wide.join("; ")}`);
            assert.equal(await page.locator("nav.notebook-header").count(), 1, `${name}: no header`);
            const links = await page.locator("nav.notebook-header a").evaluateAll((as) =>
              as.map((a) => (a as HTMLAnchorElement).getAttribute("href"))
            );
            assert.ok(links.includes("./index.html"), `${name}: no link back to the index`);
            assertClean(tracked, name);
          }, `?lang=${lang}`);
        });
      }
    });
  },
});

Deno.test({
  name: "the site serves a favicon (no 404 on any page)",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    await withSite(async (base) => {
      const res = await fetch(`${base}favicon.ico`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.equal(res.status, 200);
      assert.deepEqual([...bytes.subarray(0, 4)], [0, 0, 1, 0], "not an ICO file");
    });
  },
});
