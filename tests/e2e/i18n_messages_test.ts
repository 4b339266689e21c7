/**
 * The engines' generated sentences in Dutch: in Dutch mode the practice, SCED, PICO/PIO and
 * meta-analysis notebooks show no engine sentence in English and none marked untranslated
 * ([EN]); in English mode the same sentences are there in English (so the Dutch check is not
 * vacuous: the elements it reads exist and hold engine text).
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { DICTIONARIES, UNTRANSLATED_MARK } from "../../lib/notebook/mod.ts";
import { assertClean, openPage, settle, withSite } from "./browser.ts";

/** Engine sentences as the English notebooks show them, and the Dutch that replaces them. */
interface Expect {
  /** Fragments of engine sentences in English (all shown in English mode, none in Dutch mode). */
  en: string[];
  /** Fragments of their Dutch renderings (all shown in Dutch mode). */
  nl: string[];
  /** Wait for the engine output to be on the page (and run what needs a click). */
  ready: (page: Page, lang: "nl" | "en") => Promise<void>;
}

const EXPECT: Record<string, Expect> = {
  practice: {
    en: [
      "Overdispersion: φ =",
      "Rankability ρ = τ² / (τ² + median se²)",
      "ordinary centres flagged at 95%",
      "shortfall centre flagged low",
      "assumption: 25 centres offering IMSR",
    ],
    nl: [
      "Overdispersie: φ =",
      "Rangschikbaarheid ρ = τ² / (τ² + mediane se²)",
      "gewone centra gemarkeerd bij 95%",
      "centrum met tekort laag gemarkeerd",
      "aanname: 25 centra die IMSR",
    ],
    ready: async (page, lang) => {
      await page.waitForSelector(".benchmark-summary", { timeout: 60_000 });
      await page.getByRole("button", { name: DICTIONARIES.practice[lang]["input.run"] }).click();
      await page.waitForSelector("table.diagnosis-table", { timeout: 120_000 });
    },
  },
  sced: {
    en: [
      "level change with random case intercepts",
      "SEs and CIs assume independent measurements",
      "a single study",
      ", limit 3",
    ],
    nl: [
      "niveauverandering met random intercepts per casus",
      "SE's en BI's veronderstellen onafhankelijke metingen",
      "één studie",
      ", limiet 3",
    ],
    ready: async (page) => {
      await page.waitForSelector("#sced-own-results table.sced-rtci-table", { timeout: 60_000 });
      await page.waitForSelector("table.sced-synthesis-table", { timeout: 60_000 });
    },
  },
  "pico-pio": {
    en: ["simulated bias", "randomised between patients: starts high", "instead of primary-care", "no serious"],
    nl: [
      "gesimuleerde vertekening",
      "gerandomiseerd tussen patiënten: start hoog",
      "in plaats van eerstelijnszorg",
      "geen ernstige",
    ],
    ready: async (page) => {
      await page.waitForSelector(".certainty-reasons", { timeout: 60_000 });
      await page.waitForSelector(".scenario-summaries", { timeout: 180_000 });
    },
  },
  "meta-analysis": {
    // the example raises no engine warning: the check here is that nothing is left marked
    en: [],
    nl: [],
    ready: async (page) => {
      await page.waitForSelector("table", { timeout: 60_000 });
    },
  },
};

/** The page's text, including closed <details> (textContent, not innerText). */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector("main")?.textContent ?? document.body.textContent ?? "");
}

Deno.test({
  name: "engine sentences are in Dutch in Dutch mode and in English in English mode, none marked untranslated",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async (t) => {
    await withSite(async (base, browser) => {
      for (const [name, expect] of Object.entries(EXPECT)) {
        for (const lang of ["nl", "en"] as const) {
          await t.step(`${name} (${lang})`, async () => {
            const tracked = await openPage(browser, `${base}notebooks/${name}.html?lang=${lang}`);
            const { page } = tracked;
            try {
              await settle(page);
              await expect.ready(page, lang);
              await settle(page, { quietMs: 1000, timeoutMs: 60_000 });
              const errors = await page.locator(".observablehq--error").allInnerTexts();
              assert.deepEqual(errors, [], `${name} (${lang}): cells show errors: ${errors.join(" | ")}`);
              const text = await pageText(page);
              const marked = text.split("\n").filter((l) => l.includes(UNTRANSLATED_MARK));
              assert.deepEqual(marked, [], `${name} (${lang}): engine sentences without Dutch`);
              const [shown, absent] = lang === "nl" ? [expect.nl, expect.en] : [expect.en, expect.nl];
              for (const s of shown) assert.ok(text.includes(s), `${name} (${lang}): "${s}" not on the page`);
              for (const s of absent) assert.ok(!text.includes(s), `${name} (${lang}): "${s}" on the page`);
              assertClean(tracked, `${name} (${lang})`);
            } finally {
              await page.context().close();
            }
          });
        }
      }
    });
  },
});
