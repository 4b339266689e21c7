/**
 * The PICO/PIO notebook in headless Chromium (issue 11): it loads offline and cleanly; switching
 * the scenario changes the certainty table (the pre-post cohort's risk of bias is at least serious
 * under the sceptical scenario and not serious under the VRA premises); the side-by-side view says
 * where the scenarios agree and where they flip; an edited scenario downloads as JSON. (Opened in
 * English, `?lang=en`; the notebook is Dutch by default.)
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { assertClean, openPage, settle, withSite } from "./browser.ts";

async function tableText(page: Page, selector: string): Promise<string> {
  await page.waitForSelector(selector, { timeout: 60_000 });
  return await page.locator(selector).first().innerText();
}

function cohortLine(text: string): string {
  return text.split("\n").find((l) => /cohort/i.test(l)) ?? "";
}

async function finalTable(page: Page, scenario: string): Promise<string> {
  // wait for the final answer of this scenario (the caption names it; the status line says Final)
  await page.waitForFunction(
    (s) => {
      const cap = document.querySelector(".certainty-table caption")?.textContent ?? "";
      return cap.includes(`Scenario: ${s}`) &&
        [...document.querySelectorAll("p")].some((p) => /^Final answer/.test(p.textContent ?? ""));
    },
    scenario,
    { timeout: 120_000 },
  );
  return await tableText(page, ".certainty-table");
}

Deno.test({
  name: "pico-pio notebook: switching scenario changes the certainty table; agreement and download",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    await withSite(async (base, browser) => {
      const tracked = await openPage(browser, `${base}notebooks/pico-pio.html?lang=en`, { height: 2400 });
      const page = tracked.page;
      try {
        const neutral = await finalTable(page, "literature-neutral");
        assert.match(neutral, /risk of bias/);
        assert.equal(neutral.split("\n").filter((l) => /RCT|cohort|SCED/.test(l)).length, 5, neutral);

        await page.getByLabel("sceptical").check();
        const sceptical = await finalTable(page, "sceptical");
        assert.match(cohortLine(sceptical), /\t(serious|very serious)\t/, cohortLine(sceptical));

        await page.getByLabel("VRA premises").check();
        // the caption names the scenario by its label in the reader's language
        const vra = await finalTable(page, "VRA premises");
        assert.match(cohortLine(vra), /\tno serious\t/, cohortLine(vra));
        assert.notEqual(vra, sceptical);

        // the side-by-side view (after the final answer): at least one design flips
        await page.waitForSelector(".scenario-agreement", { timeout: 120_000 });
        const agreement = await tableText(page, ".scenario-agreement");
        assert.match(agreement, /flips/);
        // the one-at-a-time view: a tornado of the cohort's bias (after the final answer)
        await page.waitForFunction(
          () =>
            document.body.innerText.includes("model.naturalCourse (0 to 0)") ||
            [...document.querySelectorAll("svg")].some((s) => (s.textContent ?? "").includes("model.")),
          undefined,
          {
            timeout: 120_000,
          },
        );
        await settle(page, { quietMs: 800, timeoutMs: 60_000 });
        assertClean(tracked, "pico-pio scenarios");

        // the scenario downloads as JSON with its sourced values
        const [dl] = await Promise.all([
          page.waitForEvent("download"),
          page.locator('button.download[data-filename="scenario-vra-premises-edited.json"]').click(),
        ]);
        const json = JSON.parse(await Deno.readTextFile((await dl.path())!));
        assert.equal(json.scenario, "vra-premises");
        assert.equal(json.values["model.naturalCourse"].value, 0);
      } finally {
        await page.context().close();
      }
    });
  },
});
