/**
 * Browser test of the SCED notebook's own-data path (issue 13): uploading a long-format CSV (the
 * scdhlm Laski data, written as a Dutch Excel file: ";" and decimal commas) shows which file and
 * how many rows the results come from, the within-case effect-size table and g_AB with its model
 * (scdhlm's value, 1.405); switching AR(1) off refits with independent errors; a bad file shows
 * an error naming the row and column and no stale results; a valid file afterwards brings them
 * back, and pasted text is analysed instead of the file. No console errors, no off-machine requests.
 *
 * Uses the shared harness (withSite builds .site if needed); set SCED_SITE_DIR to test a site
 * built elsewhere (e.g. `deno run -A tasks/build.ts sced --out /tmp/site-sced`).
 */
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { assertClean, launchBrowser, openPage, settle, withSite } from "./browser.ts";
import { serveStatic } from "../../tasks/serve.ts";
import { repoPath } from "../helpers.ts";

async function run(fn: (base: string, browser: Browser) => Promise<void>): Promise<void> {
  const dir = Deno.env.get("SCED_SITE_DIR");
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

Deno.test({
  name:
    "sced notebook: an uploaded CSV gives the effect-size table and g_AB; a bad file shows an error and no stale results",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const tmp = Deno.makeTempDirSync({ prefix: "sced-e2e-" });
    const laski = Deno.readTextFileSync(repoPath("data/sced/laski1988-mbd.csv"));
    const dutch = laski.split("\n").map((l) => l.replaceAll(",", ";").replace(/(\d)\.(\d)/g, "$1,$2")).join("\r\n");
    const dutchPath = `${tmp}/laski-dutch.csv`;
    Deno.writeTextFileSync(dutchPath, dutch);
    const badPath = `${tmp}/bad.csv`;
    Deno.writeTextFileSync(badPath, "case,session,phase,value\np1,1,A,5\np1,2,A,six\np1,3,B,2\n");
    try {
      await run(async (base, browser) => {
        const tracked = await openPage(browser, `${base}notebooks/sced.html`);
        const page = tracked.page;
        try {
          await settle(page);
          const status = page.locator("#sced-upload-status");
          // without a file: the bundled example, and the page says so
          assert.match(await status.innerText(), /mbd-fear-diary\.csv \(example\): 120 rows, 4 cases/);

          const input = page.locator("main input[type=file]");
          await input.setInputFiles(dutchPath);
          await page.waitForFunction(
            () => /laski-dutch\.csv: 128 rows/.test(document.querySelector("#sced-upload-status")?.textContent ?? ""),
            undefined,
            { timeout: 60_000 },
          );
          await settle(page);
          assert.match(await status.innerText(), /laski-dutch\.csv: 128 rows, 8 cases; phases baseline, treatment/);
          assert.match(await status.innerText(), /decimal comma/);
          // The results name their input (file, rows, time of reading).
          assert.equal(
            await page.locator("#sced-own-results .input-stamp").getAttribute("data-source"),
            "laski-dutch.csv",
          );
          assert.match(
            await page.locator("#sced-own-results .input-stamp").innerText(),
            /laski-dutch\.csv, 128 rows, read at \d/,
          );
          const es = await page.locator("table.sced-es-table").innerText();
          for (const h of ["NAP", "Tau-BC", "PND", "SMD", "LRRi"]) assert.match(es, new RegExp(h), h);
          assert.match(es, /Case 1/);
          assert.match(es, /Case 9/);
          const gab = await page.locator("table.sced-gab-table").innerText();
          assert.match(gab, /MBP/);
          assert.match(gab, /1\.405/); // scdhlm calc_BCSMD on Laski: 1.404887
          assert.match(gab, /random case intercepts; AR\(1\) errors/);
          assert.match(gab, /fixed outcome ~ 1 \+ trt/);
          const rtci = await page.locator("table.sced-rtci-table").innerText();
          assert.match(rtci, /MBD \(Marascuilo–Busk\) over 8 cases, limit 3/);
          assert.match(rtci, /Monte Carlo \(2000 draws, seed 2024\)/);
          const shownErrors = await page.locator(".observablehq--error").allInnerTexts();
          assert.deepEqual(shownErrors, [], `cells show errors: ${shownErrors.join(" | ")}`);

          // the model choice: AR(1) off refits with independent errors (scdhlm IID: 1.405104)
          await page.getByLabel("g_AB model: AR(1) errors").uncheck();
          await page.waitForFunction(
            () => /independent errors/.test(document.querySelector("table.sced-gab-table")?.textContent ?? ""),
            undefined,
            { timeout: 60_000 },
          );
          assert.match(await page.locator("table.sced-gab-table").innerText(), /1\.405/);

          // a bad file: an error naming the file, row and column, and no results from the file before
          await input.setInputFiles(badPath);
          await page.waitForSelector("#sced-upload-status.sced-upload-error", { timeout: 60_000 });
          await settle(page);
          const msg = await status.innerText();
          assert.match(msg, /Could not use bad\.csv/);
          assert.match(msg, /row 2 \(line 3\), column value/);
          assert.equal(await page.locator("table.sced-es-table").count(), 0, "no stale effect-size table");
          assert.equal(await page.locator("table.sced-gab-table").count(), 0, "no stale g_AB");
          assert.equal(await page.locator("#sced-own-results").count(), 0, "no stale results");
          assert.equal(await page.locator("main .input-stamp").count(), 0, "a stamp names results that are gone");

          // a valid file again: results are back
          await input.setInputFiles(dutchPath);
          await page.waitForSelector("#sced-upload-status.sced-upload-ok", { timeout: 60_000 });
          await settle(page);
          assert.equal(await page.locator("table.sced-es-table").count(), 1);

          // pasted text (here the Saddler data) is used instead of the file, through the same parser
          await page.getByLabel("g_AB model: AR(1) errors").check();
          const saddler = Deno.readTextFileSync(repoPath("data/sced/saddler2008-writing-quality-mbd.csv"));
          await page.locator("main textarea").fill(saddler);
          await page.getByRole("button", { name: "Use pasted data" }).click();
          await page.waitForFunction(
            () =>
              /pasted data: 41 rows, 6 cases/.test(document.querySelector("#sced-upload-status")?.textContent ?? ""),
            undefined,
            { timeout: 60_000 },
          );
          await settle(page);
          assert.match(await page.locator("table.sced-gab-table").innerText(), /2\.17/); // scdhlm: 2.174154
          assertClean(tracked, "sced upload");
        } finally {
          await page.context().close();
        }
      });
    } finally {
      Deno.removeSync(tmp, { recursive: true });
    }
  },
});
