/**
 * `tasks/bundle.ts`: a notebook bundled into one HTML file opens from `file://` in Chromium with
 * no console error, no page error and no request (local or remote), and renders its plots.
 */
import assert from "node:assert/strict";
import { bundleNotebook, bundleNotebooks } from "../../tasks/bundle.ts";
import { assertClean, launchBrowser, openPage, screenshot, settle } from "./browser.ts";

Deno.test({
  name: "a bundled notebook opens from file:// with 0 errors and renders",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const out = await Deno.makeTempDir({ prefix: "bundle-test-" });
    const browser = await launchBrowser();
    try {
      const file = await bundleNotebook("meta-analysis", out);
      const tracked = await openPage(browser, `file://${file}`);
      const requests: string[] = [];
      tracked.page.on("request", (r) => {
        if (!/^(data|blob|file):/.test(r.url())) requests.push(r.url());
      });
      await settle(tracked.page);
      assertClean(tracked, "bundled meta-analysis");
      assert.deepEqual(requests, [], `the bundle requested: ${requests.join(", ")}`);
      assert.deepEqual(await tracked.page.locator(".observablehq--error").allInnerTexts(), []);
      assert.ok(await tracked.page.locator("main svg").count() >= 3, "no plots in the bundled notebook");
      assert.ok((await tracked.page.locator("main").innerText()).includes("0.9121"));
      await screenshot(tracked.page, "meta-analysis-bundled");
      await tracked.page.context().close();
    } finally {
      await browser.close();
      await Deno.remove(out, { recursive: true });
    }
  },
});

Deno.test({
  name: "every notebook, bundled, opens from file:// without an error (Web Workers included)",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async (t) => {
    const out = await Deno.makeTempDir({ prefix: "bundle-all-" });
    const browser = await launchBrowser();
    try {
      const files = await bundleNotebooks({ out, names: [] });
      for (const file of files) {
        const name = file.split("/").pop()!.replace(/\.html$/, "");
        await t.step(name, async () => {
          const tracked = await openPage(browser, `file://${file}`);
          try {
            await settle(tracked.page);
            assertClean(tracked, `bundled ${name}`);
            const errors = await tracked.page.locator(".observablehq--error").allInnerTexts();
            assert.deepEqual(errors, [], `bundled ${name}: ${errors.join(" | ")}`);
          } finally {
            await tracked.page.context().close();
          }
        });
      }
    } finally {
      await browser.close();
      await Deno.remove(out, { recursive: true });
    }
  },
});
