/**
 * The multilevel notebook ("Several outcomes from the same study") in headless Chromium: it loads
 * offline without console errors, shows metafor's CHE + CR2 numbers at the default rho = 0.6, and
 * moving the rho slider re-renders the CHE/CR2 table with other numbers.
 */
import assert from "node:assert/strict";
import { assertClean, openPage, settle, withSite } from "./browser.ts";

Deno.test({
  name: "multilevel notebook: 0 console errors; the rho slider changes the CHE / CR2 table",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    await withSite(async (base, browser) => {
      const tracked = await openPage(browser, `${base}notebooks/multilevel.html`, { height: 2400 });
      const page = tracked.page;
      try {
        await settle(page);
        assertClean(tracked, "multilevel");
        const table = page.locator("table.che-table");
        const before = await table.innerText();
        // metafor + clubSandwich on dat.assink2016 with rho = 0.6
        assert.match(before, /naive\s+0\.5630/);
        assert.match(before, /CHE \+ CR2\s+0\.3678\s+0\.0970\s+\[0\.1605, 0\.5750\]\s+14\.53/);
        assert.match(await page.locator("table.seed-inventory").innerText(), /breugelmans2024/);
        assert.match(await page.locator("table.influence-table").innerText(), /Aronson/);
        const svgs = await page.locator("main svg").count();
        assert.ok(svgs >= 4, `comparison, Baujat, cumulative and bubble plots (got ${svgs})`);

        const slider = page.locator("form", { hasText: "Assumed correlation" }).locator("input[type=range]");
        await slider.evaluate((node) => {
          const input = node as HTMLInputElement;
          input.value = "0.3";
          input.dispatchEvent(new Event("input", { bubbles: true }));
          input.dispatchEvent(new Event("change", { bubbles: true }));
        });
        await settle(page, { quietMs: 800 });
        assertClean(tracked, "multilevel after moving rho");
        const after = await table.innerText();
        assert.notEqual(after, before, "the CHE / CR2 table re-rendered");
        assert.match(after, /CHE\s+0\.3943/, "metafor's CHE estimate with rho = 0.3");
        assert.match(after, /naive\s+0\.5630/, "naive pooling does not depend on rho");
      } finally {
        await page.context().close();
      }
    });
  },
});
