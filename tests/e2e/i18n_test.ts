/**
 * Dutch and English: every notebook dictionary has every key in both languages (no browser
 * needed), and in Chromium the switch changes the page's text, renders without a missing key
 * (a missing key throws, which shows as a cell error), and each translated notebook is
 * screenshotted at 1280 px in both languages (tests/e2e/screenshots/<name>-nl.png, -en.png).
 */
import assert from "node:assert/strict";
import { DICTIONARIES, missingKeys } from "../../lib/notebook/mod.ts";
import { proseHtml } from "../../lib/notebook/prose.ts";
import { assertClean, openPage, screenshot, settle, withSite } from "./browser.ts";

Deno.test("every notebook dictionary has every key in Dutch and in English, none empty", () => {
  for (const [name, dict] of Object.entries(DICTIONARIES)) {
    assert.deepEqual(missingKeys(dict), { nl: [], en: [] }, `${name}: keys missing`);
    for (const lang of ["nl", "en"] as const) {
      for (const [key, text] of Object.entries(dict[lang])) {
        const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        const other = dict[lang === "nl" ? "en" : "nl"][key];
        assert.deepEqual(
          placeholders(text),
          placeholders(other),
          `${name}.${key}: placeholders differ between nl and en`,
        );
      }
    }
  }
});

Deno.test("prose renders the Markdown subset and escapes HTML", () => {
  assert.equal(
    proseHtml("## A *b*\n\n- **x** `y`\n- [z](./a.html)\n\n<script>"),
    '<h2>A <em>b</em></h2>\n<ul><li><strong>x</strong> <code>y</code></li><li><a href="./a.html">z</a></li></ul>\n<p>&lt;script&gt;</p>',
  );
});

/** The notebooks with a dictionary, and their default language. */
const TRANSLATED: Record<string, "nl" | "en"> = {
  "evidence-tables": "nl",
  audit: "nl",
  certainty: "nl",
  "meta-analysis": "en",
  index: "en",
  practice: "en",
  sced: "en",
  "pico-pio": "nl",
  proms: "en",
  "getting-started": "en",
  responders: "en",
  multilevel: "en",
};

Deno.test({
  name: "the language switch changes the text; both languages render with no missing key (screenshots)",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async (t) => {
    await withSite(async (base, browser) => {
      for (const [name, fallback] of Object.entries(TRANSLATED)) {
        await t.step(name, async () => {
          const tracked = await openPage(browser, `${base}notebooks/${name}.html`);
          const { page } = tracked;
          try {
            await settle(page);
            const pressed = await page.locator(".lang-switch button[aria-pressed=true]").getAttribute("data-lang");
            assert.equal(pressed, fallback, `${name}: default language`);
            const texts: Record<string, string> = {};
            for (const lang of [fallback, fallback === "nl" ? "en" : "nl"]) {
              if (lang !== fallback) {
                await Promise.all([
                  page.waitForURL(new RegExp(`lang=${lang}`)),
                  page.click(`.lang-switch button[data-lang=${lang}]`),
                ]);
                await settle(page);
              }
              const errors = await page.locator(".observablehq--error").allInnerTexts();
              assert.deepEqual(errors, [], `${name} (${lang}): cells show errors: ${errors.join(" | ")}`);
              texts[lang] = await page.locator("main").innerText();
              await screenshot(page, `${name}-${lang}`);
            }
            assert.notEqual(texts.nl, texts.en, `${name}: switching the language changed nothing`);
            assert.match(texts.nl, /\b(de|het|een|van)\b/, `${name}: the Dutch page has no Dutch`);
            assertClean(tracked, name);
          } finally {
            await page.context().close();
          }
        });
      }
    });
  },
});
