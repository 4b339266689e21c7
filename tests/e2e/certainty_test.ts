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
      const tracked = await openPage(browser, `${base}notebooks/certainty.html`, { height: 2400 });
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
