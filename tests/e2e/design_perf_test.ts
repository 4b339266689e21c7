/**
 * Browser performance of the design-simulator notebooks (issue 6): the default view renders its
 * first diagnosis within 2 s of navigation, and a slider change shows a first updated result within
 * 300 ms. Measured with the `performance.mark`s the notebooks set (`<name>:first-result` after
 * each first, coarse answer is displayed), in headless Chromium, with no console errors or
 * off-machine requests.
 */
import assert from "node:assert/strict";
import { assertClean, openPage, withSite } from "./browser.ts";
import type { Page } from "playwright-core";

const NOTEBOOKS = ["pico-pio", "proms"];
const FIRST_VIEW_MS = 2000;
const SLIDER_MS = 300;

function firstResultAfter(page: Page, name: string, after: number): Promise<number> {
  return page.waitForFunction(
    ([n, t]) => {
      const m = performance.getEntriesByName(`${n}:first-result`).filter((e) => e.startTime > (t as number));
      return m.length ? m[0].startTime : false;
    },
    [name, after] as const,
    { timeout: 30_000 },
  ).then((h) => h.jsonValue() as Promise<number>);
}

Deno.test({
  name: "design notebooks: first view <= 2 s, slider change -> first updated result <= 300 ms (median of 5)",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async (t) => {
    await withSite(async (base, browser) => {
      for (const name of NOTEBOOKS) {
        await t.step(name, async () => {
          const tracked = await openPage(browser, `${base}notebooks/${name}.html`);
          try {
            const first = await firstResultAfter(tracked.page, name, 0);
            assert.ok(
              first <= FIRST_VIEW_MS,
              `${name}: first result ${first.toFixed(0)} ms after navigation (> ${FIRST_VIEW_MS})`,
            );
            // change the first slider five times (the first change also warms up the JIT); the
            // median change must show a first updated result within the bound (a median, so that one
            // hiccup of a shared CI machine does not decide the measurement)
            const times: number[] = [];
            for (let k = 0; k < 5; k++) {
              await new Promise((r) => setTimeout(r, 500));
              const t0 = await tracked.page.evaluate(() => {
                const input = document.querySelector<HTMLInputElement>("main form input[type=range]");
                if (!input) throw new Error("no slider");
                const step = Number(input.step) || 1;
                const next = Number(input.value) + (Number(input.value) + step <= Number(input.max) ? step : -step);
                input.value = String(next);
                const now = performance.now();
                input.dispatchEvent(new Event("input", { bubbles: true }));
                return now;
              });
              times.push((await firstResultAfter(tracked.page, name, t0)) - t0);
            }
            const median = times.slice().sort((a, b) => a - b)[2];
            assert.ok(
              median <= SLIDER_MS,
              `${name}: slider -> first result took ${times.map((x) => x.toFixed(0)).join(", ")} ms (> ${SLIDER_MS})`,
            );
            console.log(
              `${name}: first view ${first.toFixed(0)} ms; slider -> first result ${
                times.map((x) => x.toFixed(0)).join(", ")
              } ms`,
            );
            assertClean(tracked, name);
          } finally {
            await tracked.page.context().close();
          }
        });
      }
    });
  },
});
