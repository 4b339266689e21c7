/**
 * Browser test of the practice-variation notebook's upload path: choosing the example extract with a
 * deliberate error (data/registry/simulated-registry-with-error.csv) shows a message in the page
 * naming the row and the column (not a console error); choosing the valid example then shows the
 * benchmark table and plots. No console errors, no off-machine requests.
 *
 * Uses the shared harness (withSite builds .site if needed). To run it against a site built
 * elsewhere (e.g. `deno run -A tasks/build.ts practice --out /tmp/site-practice`), set
 * PRACTICE_SITE_DIR to that folder.
 */
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { assertClean, launchBrowser, openPage, settle, withSite } from "./browser.ts";
import { serveStatic } from "../../tasks/serve.ts";
import { repoPath } from "../helpers.ts";

async function run(fn: (base: string, browser: Browser) => Promise<void>): Promise<void> {
  const dir = Deno.env.get("PRACTICE_SITE_DIR");
  if (!dir) return await withSite(fn);
  const server = serveStatic(dir, 0);
  const browser = await launchBrowser();
  try {
    await fn(server.url, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** No result of the upload section is on screen: no stamp, table or plot of an earlier file. */
async function assertNoUploadResults(page: Page, when: string): Promise<void> {
  assert.equal(await page.locator("#registry-upload-results").count(), 0, `upload results shown ${when}`);
  assert.equal(await page.locator("table.upload-centre-table").count(), 0, `a stale centre table ${when}`);
  const stamps = await page.locator(".input-stamp").count();
  assert.equal(stamps, 0, `a stamp names results that are gone ${when}`);
  const message = await page.locator("#registry-upload-status").innerText();
  assert.match(message, /No results are shown/);
}

Deno.test({
  name:
    "practice notebook: an error names row and column and leaves no old results; a valid CSV (comma or Dutch Excel) is benchmarked and stamped",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    await run(async (base, browser) => {
      const tracked = await openPage(browser, `${base}notebooks/practice.html`);
      const page = tracked.page;
      try {
        await settle(page);
        const status = page.locator("#registry-upload-status");
        // Without a file the bundled example is benchmarked.
        assert.match(await status.innerText(), /320 patients in 12 centres/);

        const input = page.locator("main input[type=file]");
        await input.setInputFiles(repoPath("data/registry/simulated-registry-with-error.csv"));
        await page.waitForSelector("#registry-upload-status.registry-upload-error", { timeout: 30_000 });
        await settle(page);
        const message = await page.locator("#registry-upload-status").innerText();
        assert.match(message, /simulated-registry-with-error\.csv/);
        assert.match(message, /row 3 \(line 4\), column pdi_post must be <= 70/);
        // A first failed upload leaves none of the example's results on screen.
        await assertNoUploadResults(page, "after a first failed upload");
        const shownErrors = await page.locator(".observablehq--error").allInnerTexts();
        assert.deepEqual(shownErrors, [], `cells show errors: ${shownErrors.join(" | ")}`);

        await input.setInputFiles(repoPath("data/registry/simulated-registry.csv"));
        await page.waitForSelector("#registry-upload-status.registry-upload-ok", { timeout: 30_000 });
        await settle(page);
        assert.match(
          await page.locator("#registry-upload-status").innerText(),
          /simulated-registry\.csv: 320 patients/,
        );
        const tableText = await page.locator("table.upload-centre-table").innerText();
        assert.match(tableText, /C12/);
        // The results name their file (name, rows, time).
        assert.equal(
          await page.locator("#registry-upload-results .input-stamp").getAttribute("data-source"),
          "simulated-registry.csv",
        );
        assert.match(
          await page.locator("#registry-upload-results .input-stamp").innerText(),
          /simulated-registry\.csv, 320 rows, read at \d/,
        );

        // The same extract as a Dutch Excel saves it (";" and decimal commas) goes through the same
        // parser (lib/io/csv.ts) and gives the same patients and the same centre table.
        const okTable = await page.locator("table.upload-centre-table tbody").innerText();
        const dutch = Deno.readTextFileSync(repoPath("data/registry/simulated-registry.csv"))
          .split("\n").map((l) => l.replaceAll(",", ";").replace(/(\d)\.(\d)/g, "$1,$2")).join("\r\n");
        const dir = Deno.makeTempDirSync();
        const dutchPath = `${dir}/registry-dutch.csv`;
        Deno.writeTextFileSync(dutchPath, dutch);
        try {
          await input.setInputFiles(dutchPath);
          await page.waitForFunction(
            () =>
              /registry-dutch\.csv: 320 patients/.test(
                document.querySelector("#registry-upload-status")?.textContent ?? "",
              ),
            undefined,
            { timeout: 30_000 },
          );
          await settle(page);
          assert.match(await page.locator("#registry-upload-status").innerText(), /decimal comma/);
          assert.equal(await page.locator("table.upload-centre-table tbody").innerText(), okTable);
          assert.equal(
            await page.locator("#registry-upload-results .input-stamp").getAttribute("data-source"),
            "registry-dutch.csv",
          );

          // A failed file after a valid one: its error, and none of the valid file's results.
          await input.setInputFiles(repoPath("data/registry/simulated-registry-with-error.csv"));
          await page.waitForSelector("#registry-upload-status.registry-upload-error", { timeout: 30_000 });
          await settle(page);
          assert.match(await page.locator("#registry-upload-status").innerText(), /simulated-registry-with-error\.csv/);
          await assertNoUploadResults(page, "after a failed upload that followed a valid one");
        } finally {
          Deno.removeSync(dir, { recursive: true });
        }
        assertClean(tracked, "practice upload");
      } finally {
        await page.context().close();
      }
    });
  },
});

Deno.test({
  name:
    "practice notebook: first view (funnel plot) <= 1 s after navigation; calibration, ranks, CUSUM and missing-data sections render",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    await run(async (base, browser) => {
      const firsts: number[] = [];
      // median of 3 loads, so that one hiccup of a shared machine does not decide the measurement
      for (let k = 0; k < 3; k++) {
        const tracked = await openPage(browser, `${base}notebooks/practice.html`);
        const page = tracked.page;
        try {
          const first = await page.waitForFunction(
            () => {
              const m = performance.getEntriesByName("practice:first-result");
              return m.length ? m[0].startTime : false;
            },
            undefined,
            { timeout: 30_000 },
          ).then((h) => h.jsonValue() as Promise<number>);
          firsts.push(first);
          if (k === 0) {
            await settle(page);
            assert.match(
              await page.locator("table.calibration-table").innerText(),
              /DerSimonian-Laird \(lib\/meta\) \(default\)/,
            );
            assert.match(await page.locator("#rankability").innerText(), /Rankability ρ = /);
            assert.match(await page.locator("#cusum-summary").innerText(), /Control limit h = /);
            assert.match(await page.locator("table.missing-table").innerText(), /δ/);
            // the diagnosis runs on request (it takes seconds), and then shows its table
            assert.equal(await page.locator("table.diagnosis-table").count(), 0);
            await page.getByRole("button", { name: /Run the diagnosis/ }).click();
            await page.waitForSelector("table.diagnosis-table", { timeout: 60_000 });
            assert.match(await page.locator("table.diagnosis-table").innerText(), /shortfall centre flagged low/);
            const shownErrors = await page.locator(".observablehq--error").allInnerTexts();
            assert.deepEqual(shownErrors, [], `cells show errors: ${shownErrors.join(" | ")}`);
            assertClean(tracked, "practice sections");
          }
        } finally {
          await page.context().close();
        }
      }
      const median = firsts.slice().sort((a, b) => a - b)[1];
      console.log(`practice: first view ${firsts.map((x) => x.toFixed(0)).join(", ")} ms`);
      assert.ok(median <= 1000, `first view ${firsts.map((x) => x.toFixed(0)).join(", ")} ms (median > 1000)`);
    });
  },
});
