/**
 * Issue 16, item 9: sources are cited as a reader can find them (document, section, page or
 * table), never as local paths or seed-file line numbers. Every notebook, in both languages, is
 * opened and the text of its `main` element is searched for `.txt`, `../shared`, and a line
 * number (`line 12`, `lines 3-5`, `regel 12`, `regels 3-5`). Readable citations carry no line
 * numbers at all, so no exception is needed.
 */
import assert from "node:assert/strict";
import { listNotebooks } from "../../tasks/build.ts";
import { assertClean, openPage, settle, withSite } from "./browser.ts";

/**
 * The notebooks of `UI_NOTEBOOKS` in ui_test.ts (importing that file would run its tests here):
 * every notebook the build writes.
 */
const NOTEBOOKS = listNotebooks();

const FORBIDDEN: [string, RegExp][] = [
  ["a .txt file name", /\.txt\b/i],
  ["a local path", /\.\.\/shared/],
  // a line number, not a decimal ("the solid lines 99.8%" is a plot's legend)
  ["an English line number", /\blines? \d+(?![\d.,]*\d|%)/i],
  ["a Dutch line number", /\bregels? \d+(?![\d.,]*\d|%)/i],
];

/** Each forbidden pattern found in `text`, with 60 characters of context either side. */
function findings(text: string): string[] {
  const out: string[] = [];
  for (const [what, re] of FORBIDDEN) {
    const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
    for (const m of text.matchAll(g)) {
      const at = m.index ?? 0;
      out.push(`${what}: …${text.slice(Math.max(0, at - 60), at + 60).replace(/\s+/g, " ")}…`);
    }
  }
  return out;
}

Deno.test({
  name: "every notebook in both languages cites sources by document and section, not by path or line",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    await withSite(async (base, browser) => {
      for (const [name, lang] of NOTEBOOKS.flatMap((n) => [[n, "en"], [n, "nl"]] as const)) {
        await t.step(`${name} (${lang})`, async () => {
          const tracked = await openPage(browser, `${base}notebooks/${name}.html?lang=${lang}`);
          try {
            await settle(tracked.page);
            if (name === "pico-pio") {
              // the calibration table (with its sources) comes with the final simulation answer
              await tracked.page.waitForSelector("table.calibration", { timeout: 120_000 });
              await settle(tracked.page);
            }
            const text = await tracked.page.evaluate(() => document.querySelector("main")?.textContent ?? "");
            assert.ok(text.length > 200, `${name} (${lang}): the page shows almost no text`);
            const found = findings(text);
            assert.ok(found.length === 0, `${name} (${lang}) shows unreadable sources:\n  ${found.join("\n  ")}`);
            if (name === "pico-pio" || name === "certainty") {
              // the documents the section citations name are listed in full
              for (
                const short of ["VRA-bezwaar (2025): Nederlandse Vereniging", "Behandelkader aanhoudende pijn (2025): "]
              ) {
                assert.ok(text.includes(short), `${name} (${lang}): no full citation "${short}…"`);
              }
            }
            if (name === "pico-pio") {
              // the readable citations are there (the check above is not vacuous): the MCID's and
              // the calibration targets', in both languages
              for (
                const cite of [
                  "(data/instruments.csv; Behandelkader aanhoudende pijn (2025), §4 ‘Indicatoren’, p. 12)",
                  "VRA-bezwaar (2025), §4b ‘Aanvullende informatie cohort Breugelmans’ (Breugelmans 2024, ",
                  "VRA-bezwaar (2025), §4a ‘Stand van wetenschap’ (Smeets 2006, RDQ)",
                ]
              ) assert.ok(text.includes(cite), `pico-pio (${lang}): "${cite}" not on the page`);
              // every scenario: its description and value sources cite the seed documents
              const radios = tracked.page.locator("main form").filter({
                has: tracked.page.locator("input[type=radio]"),
              })
                .first().locator("input[type=radio]");
              assert.equal(await radios.count(), 3, "pico-pio: the three scenarios");
              for (let i = 0; i < 3; i++) {
                await radios.nth(i).check();
                await settle(tracked.page);
                const shown = await tracked.page.evaluate(() => document.querySelector("main")?.textContent ?? "");
                const more = findings(shown);
                assert.ok(more.length === 0, `pico-pio (${lang}) scenario ${i + 1}:\n  ${more.join("\n  ")}`);
              }
            }
            assertClean(tracked, `${name} (${lang})`);
          } finally {
            await tracked.page.context().close();
          }
        });
      }
    });
  },
});
