/**
 * The engines' generated sentences in Dutch, for the responders, multilevel and getting-started
 * notebooks (the same check as i18n_messages_test.ts for the other notebooks): in Dutch mode no
 * engine sentence is shown in English and none is marked untranslated ([EN]); in English mode the
 * same sentences are there in English, so the Dutch check reads elements that hold engine text.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { UNTRANSLATED_MARK } from "../../lib/notebook/mod.ts";
import { assertClean, openPage, settle, withSite } from "./browser.ts";

/** Engine sentences as the English notebooks show them, and the Dutch that replaces them. */
interface Expect {
  /** Fragments of engine sentences in English (all shown in English mode, none in Dutch mode). */
  en: string[];
  /** Fragments of their Dutch renderings (all shown in Dutch mode). */
  nl: string[];
  /** Wait for the engine output to be on the page. */
  ready: (page: Page) => Promise<void>;
}

const EXPECT: Record<string, Expect> = {
  responders: {
    en: [
      "Breugelmans work capacity 12 months",
      "are an assumption (assumptions.csv): the seed gives only the total of 85",
      "is not a whole number of patients",
      "(95% CI NNT(benefit)",
      "same 165 patients as Volker 2017",
    ],
    nl: [
      "Breugelmans arbeidsvermogen 12 maanden",
      "zijn een aanname (assumptions.csv): het bezwaar geeft alleen het totaal van 85",
      "is geen geheel aantal patiënten",
      "(95%-BI NNT(baat)",
      "dezelfde 165 patiënten als Volker 2017",
    ],
    ready: async (page) => {
      // the last table: the pooled responder rates
      await page.waitForFunction(() => document.querySelectorAll("table").length >= 5, null, { timeout: 60_000 });
    },
  },
  multilevel: {
    en: [
      "every effect size independent (rma)",
      "cluster-robust CR2 (clubSandwich), Satterthwaite df, 17 clusters",
      "md (upper extremity disability)",
      "only 1 study (smeets2006) reports CIs",
      "no effect size has a 95% CI",
    ],
    nl: [
      "elke effectgrootte onafhankelijk (rma)",
      "clusterrobuuste CR2 (clubSandwich), Satterthwaite-df, 17 clusters",
      "md (beperkingen bovenste extremiteit)",
      "slechts 1 studie (smeets2006) rapporteert BI's",
      "geen enkele effectgrootte heeft een 95%-BI",
    ],
    ready: async (page) => {
      await page.waitForSelector("table.che-table", { timeout: 60_000 });
      await page.waitForSelector("table.seed-inventory", { timeout: 60_000 });
      await page.waitForSelector("table.influence-table", { timeout: 60_000 });
    },
  },
  "getting-started": {
    // the diary's loader and summary show no engine sentence: the check is that nothing is marked
    en: [],
    nl: [],
    ready: async (page) => {
      await page.waitForFunction(() => document.querySelectorAll("table").length >= 2, null, { timeout: 60_000 });
    },
  },
};

/** The page's text, including closed <details> (textContent, not innerText). */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector("main")?.textContent ?? document.body.textContent ?? "");
}

Deno.test({
  name: "responders, multilevel, getting-started: engine sentences in Dutch in Dutch mode, none marked untranslated",
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
              await expect.ready(page);
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
