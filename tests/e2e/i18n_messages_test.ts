/**
 * The engines' generated sentences in Dutch: in Dutch mode the practice, SCED, PICO/PIO,
 * meta-analysis, responders, multilevel, getting-started, audit, evidence-tables and PROMs notebooks show no engine sentence in English and none marked untranslated
 * ([EN]); in English mode the same sentences are there in English (so the Dutch check is not
 * vacuous: the elements it reads exist and hold engine text). The same holds for the texts of the
 * PICO/PIO notebook's default scenario file (title, description, design names, every value's
 * source and note, read from the file itself) and for the forest plots' column headings.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { DICTIONARIES, readableSource, UNTRANSLATED_MARK } from "../../lib/notebook/mod.ts";
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

/** The texts of a scenario file in each language (English from its fields, Dutch from its `nl`). */
interface ScenarioFile {
  title: string;
  description: string;
  values: Record<string, { source: string; note?: string; nl?: { source: string; note?: string } }>;
  nl?: { title: string; description: string; designs: Record<string, string> };
}

/**
 * Every text of the scenario file the PICO/PIO notebook opens with, in both languages. Single
 * words ("assumption") are left out: they are checked as parts of longer texts and by the unit
 * test of the files (tests/design/scenario_i18n_test.ts).
 */
function scenarioTexts(file: string): { en: string[]; nl: string[] } {
  const s: ScenarioFile = JSON.parse(Deno.readTextFileSync(new URL(`../../data/designs/${file}`, import.meta.url)));
  const pairs: [string, string | undefined][] = [
    [s.title, s.nl?.title],
    [s.description, s.nl?.description],
    ...Object.entries(s.nl?.designs ?? {}),
  ];
  for (const v of Object.values(s.values)) {
    pairs.push([v.source, v.nl?.source]);
    if (v.note !== undefined) pairs.push([v.note, v.nl?.note]);
  }
  const long = pairs.filter(([en, nl]) => en.includes(" ") && en !== nl);
  // as the notebook shows them: seed-file line references cited by document and section
  return {
    en: long.map(([en]) => readableSource(en, "en")),
    nl: long.map(([en, nl]) => (nl === undefined ? `(no Dutch for "${en}")` : readableSource(nl, "nl"))),
  };
}

const PICO_SCENARIO = scenarioTexts("scenario-literature-neutral.json");

/** Forest plot column headings (lib/plot/forest.ts, option `headings`) at the default 95%. */
const FOREST = { en: ["Weight", "Estimate [95% CI]"], nl: ["Gewicht", "Schatting [95%-BI]"] };

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
      ...FOREST.en,
    ],
    nl: [
      "niveauverandering met random intercepts per casus",
      "SE's en BI's veronderstellen onafhankelijke metingen",
      "één studie",
      ", limiet 3",
      ...FOREST.nl,
    ],
    ready: async (page) => {
      await page.waitForSelector("#sced-own-results table.sced-rtci-table", { timeout: 60_000 });
      await page.waitForSelector("table.sced-synthesis-table", { timeout: 60_000 });
    },
  },
  "pico-pio": {
    en: [
      "simulated bias",
      "randomised between patients: starts high",
      "instead of primary-care",
      "no serious",
      ...PICO_SCENARIO.en,
      "(no change on any outcome, 10 weeks)",
    ],
    nl: [
      "gesimuleerde vertekening",
      "gerandomiseerd tussen patiënten: start hoog",
      "in plaats van eerstelijnszorg",
      "geen ernstige",
      ...PICO_SCENARIO.nl,
      "(geen verandering op enige uitkomst, 10 weken)",
    ],
    ready: async (page) => {
      await page.waitForSelector(".certainty-reasons", { timeout: 60_000 });
      await page.waitForSelector(".scenario-summaries", { timeout: 180_000 });
      await page.waitForSelector("table.calibration", { timeout: 60_000 });
    },
  },
  "meta-analysis": {
    // the example raises no engine warning: the check here is that nothing is left marked, and
    // that the notebook's own labels (τ² methods, plot axes, table headings, seed outcomes) follow
    en: [
      ...FOREST.en,
      "REML: restricted maximum likelihood",
      "Standard error",
      "Contribution to overall heterogeneity",
      "Health-related quality of life",
      "on the left",
      "95% prediction interval",
    ],
    nl: [
      ...FOREST.nl,
      "REML: beperkte maximale aannemelijkheid",
      "Standaardfout",
      "Bijdrage aan de totale heterogeniteit",
      "Gezondheidsgerelateerde kwaliteit van leven",
      "aan de linkerkant",
      "95%-predictie-interval",
    ],
    ready: async (page) => {
      await page.waitForSelector("table", { timeout: 60_000 });
    },
  },
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
  audit: {
    // the findings' messages and explanations (lib/evidence audit over the seed tables)
    en: [
      "text extraction corrected",
      "is implausibly large",
      "differs from Higgins' (Q - df)/Q",
      "The heterogeneity test over N cohorts",
    ],
    nl: [
      "tekstextractie gecorrigeerd",
      "is onwaarschijnlijk groot",
      "procentpunt af van Higgins' (Q - df)/Q",
      "De heterogeniteitstoets over N cohorten",
    ],
    ready: async (page) => {
      await page.waitForSelector(".audit-findings", { timeout: 60_000 });
    },
  },
  "evidence-tables": {
    // the contrasts' labels, the reported rates, the review table's domains and the dose arithmetic
    en: [
      "GE vs TAU, pre-6 months",
      "breugelmans2024 self-rated work capacity post",
      "6 h a day × 5 days a week (assumed) × 5 weeks = 150 hours",
      "smeets2006: patient-specific complaints",
    ],
    nl: [
      "GE vs TAU, voor-6 maanden",
      "breugelmans2024 zelf beoordeeld arbeidsvermogen na afloop",
      "6 uur per dag × 5 dagen per week (aangenomen) × 5 weken = 150 uur",
      "smeets2006: patiëntspecifieke klachten",
      "Pijninterferentie",
    ],
    ready: async (page) => {
      await page.waitForFunction(() => document.querySelectorAll("table").length >= 4, null, { timeout: 60_000 });
    },
  },
  proms: {
    // the dilution plot's legend (the designs' names) and the MCID's source
    en: ["PSC (personalised)", "PDI (generic)"],
    nl: ["PSK (gepersonaliseerd)", "PDI (generiek)"],
    ready: async (page, lang) => {
      const legend = DICTIONARIES.proms[lang]["series.psc"];
      await page.waitForFunction((s) => document.body.textContent?.includes(s), legend, { timeout: 180_000 });
    },
  },
  certainty: {
    // the default comparison (waiting list), its first outcome and rob.csv: the comparison's label,
    // the SoF effect, a footnote, a domain's reason, a cell of the source list and the GRADE form
    en: [
      "IMSR vs waiting list (10 weeks)",
      "MD 2.40 points lower (4.14 lower to 0.65 lower)",
      "Risk of bias: open — not assessed for 100% of the weight",
      "a single study: inconsistency between studies cannot be judged",
      "waiting-list-rdq-apt, participants:",
      "risk of bias: decide",
    ],
    nl: [
      "IMSR vs wachtlijst (10 weken)",
      "MD 2.40 punten lager (4.14 lager tot 0.65 lager)",
      "Risico op vertekening: open — niet beoordeeld voor 100% van het gewicht",
      "één studie: inconsistentie tussen studies is niet te beoordelen",
      "waiting-list-rdq-apt, deelnemers:",
      "risico op vertekening: besluit",
    ],
    ready: async (page) => {
      await page.waitForSelector("table.certainty-domains", { timeout: 60_000 });
      await page.waitForSelector("table.sof-table", { timeout: 60_000 });
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
