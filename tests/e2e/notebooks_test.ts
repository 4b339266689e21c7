/**
 * Every built notebook, in headless Chromium: no console errors, no page errors, no request to a
 * host other than localhost, no failed local request; a screenshot of each under
 * tests/e2e/screenshots/; and for each notebook with inputs, changing the first input re-renders a
 * plot or table.
 */
import assert from "node:assert/strict";
import { listNotebooks } from "../../tasks/build.ts";
import { assertClean, changeFirstInput, openPage, renderedOutputs, screenshot, settle, withSite } from "./browser.ts";

const notebooks = listNotebooks();

Deno.test({
  name: "every notebook loads offline, cleanly, and re-renders when its first input changes",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async (t) => {
    await withSite(async (base, browser) => {
      for (const name of notebooks) {
        await t.step(name, async () => {
          const tracked = await openPage(browser, `${base}notebooks/${name}.html`);
          try {
            await settle(tracked.page);
            assertClean(tracked, name);
            const cells = await tracked.page.locator("main .observablehq").count();
            assert.ok(cells > 0, `${name}: no notebook cells rendered`);
            const errorsShown = await tracked.page.locator(".observablehq--error").allInnerTexts();
            assert.deepEqual(errorsShown, [], `${name}: cells show errors: ${errorsShown.join(" | ")}`);
            await screenshot(tracked.page, name);
            const before = await renderedOutputs(tracked.page);
            const changed = await changeFirstInput(tracked.page);
            if (changed !== null) {
              await settle(tracked.page);
              const after = await renderedOutputs(tracked.page);
              assert.ok(before.length > 0, `${name}: has inputs but no plot or table`);
              assert.notEqual(after, before, `${name}: changing the first input (${changed}) changed no plot or table`);
              assertClean(tracked, `${name} after ${changed}`);
              await screenshot(tracked.page, `${name}-changed`);
            }
          } finally {
            await tracked.page.context().close();
          }
        });
      }
    });
  },
});

Deno.test({
  name: "the index links to every notebook and every link resolves",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    await withSite(async (base, browser) => {
      const tracked = await openPage(browser, `${base}index.html`);
      try {
        await tracked.page.waitForURL(/notebooks\/index\.html$/);
        await settle(tracked.page);
        const hrefs = await tracked.page.locator("main a[href$='.html']").evaluateAll((as) =>
          as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? "")
        );
        const linked = new Set(hrefs.map((h) => h.replace(/^\.\//, "").replace(/\.html$/, "")));
        const missing = notebooks.filter((n) => n !== "index" && !linked.has(n));
        assert.deepEqual(missing, [], `index does not link to: ${missing.join(", ")}`);
        const dangling = [...linked].filter((n) => !notebooks.includes(n));
        assert.deepEqual(dangling, [], `index links to missing notebooks: ${dangling.join(", ")}`);
        assertClean(tracked, "index");
      } finally {
        await tracked.page.context().close();
      }
    });
  },
});
