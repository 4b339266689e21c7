/**
 * The certainty notebook in headless Chromium: it loads offline and cleanly; judging the risk of
 * bias (with an assessor) and declaring indirectness turns the open certainty into a level, and
 * the downloaded table and judgements change with it.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { assertClean, openPage, settle, withSite } from "./browser.ts";

async function download(page: Page, label: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: label }).click()]);
  const path = await dl.path();
  return await Deno.readTextFile(path!);
}

function csvRow(csv: string, id: string): string {
  return csv.split("\n").find((l) => l.includes(`,${id},`)) ?? "";
}

Deno.test({
  name: "certainty notebook: changing a judgement changes the certainty and the exported table",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    await withSite(async (base, browser) => {
      const tracked = await openPage(browser, `${base}notebooks/certainty.html?lang=en`, { height: 2400 });
      const page = tracked.page;
      try {
        await settle(page);
        assertClean(tracked, "certainty");
        const result = page.locator(".certainty-result");
        assert.match(await result.innerText(), /not determined \(open: risk of bias, indirectness/);
        const before = await download(page, "Table (CSV)");
        assert.match(csvRow(before, "waiting-list-rdq-apt"), /not determined/);

        await page.locator("form", { hasText: "Assessor (required to judge)" }).last().locator("input")
          .fill("e2e committee");
        await page.locator("form", { hasText: "Overall Overall risk of bias" }).last().locator("select")
          .selectOption("Low");
        for (const e of ["Population", "Intervention", "Comparator", "Outcome"]) {
          await page.locator("form", { hasText: `${e} differs?` }).last().locator("select").selectOption("no");
        }
        await settle(page);
        assertClean(tracked, "certainty after judging");
        assert.match(await result.innerText(), /Certainty: ⨁⨁⨁⨁ High/);
        const after = await download(page, "Table (CSV)");
        assert.match(csvRow(after, "waiting-list-rdq-apt"), /⨁⨁⨁⨁ High/);
        assert.notEqual(after, before);
        const judgements = await download(page, "Risk-of-bias judgements (CSV)");
        assert.match(judgements, /smeets2006,all,RoB 2,Overall,Low,,e2e committee,false/);
      } finally {
        await page.context().close();
      }
    });
  },
});

Deno.test({
  name: "certainty notebook: every comparison and outcome renders with both judgement files, without errors",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    await withSite(async (base, browser) => {
      const tracked = await openPage(browser, `${base}notebooks/certainty.html?lang=en`, { height: 2400 });
      const page = tracked.page;
      try {
        await settle(page);
        const comparison = page.locator("form", { hasText: "Comparison" }).first().locator("select");
        const labels = await comparison.locator("option").allInnerTexts();
        assert.equal(labels.length, 4);
        for (const file of ["rob.csv (all Not assessed)", "rob-illustrative.csv (ILLUSTRATIVE)"]) {
          await page.getByLabel(file).check();
          for (const label of labels) {
            await comparison.selectOption({ label });
            await settle(page, { quietMs: 400 });
            const outcome = page.locator("form", { hasText: "Outcome" }).first().locator("select");
            const outcomes = await outcome.locator("option").allInnerTexts();
            for (const o of outcomes) {
              await outcome.selectOption({ label: o });
              await settle(page, { quietMs: 400 });
              const shown = await page.locator(".observablehq--error").allInnerTexts();
              assert.deepEqual(shown, [], `${file} / ${label} / ${o}`);
              assert.equal(await page.locator("table.sof-table").count(), 1, `${label} / ${o}: SoF table`);
            }
          }
        }
        assertClean(tracked, "certainty, all comparisons");
        assert.match(await page.locator("table.sof-table").innerText(), /./);
      } finally {
        await page.context().close();
      }
    });
  },
});
