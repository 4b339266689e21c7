// The Dutch of the engines' generated sentences (lib/notebook/messages.ts): every sentence the
// engines produce for the notebooks' inputs has a Dutch rendering that keeps its numbers, the
// catalogue is complete in both languages, and an unknown sentence is shown marked, not lost.
import assert from "node:assert/strict";
import {
  catalogueProblems,
  findTranslation,
  MESSAGE_CATALOGUE,
  MESSAGE_TERMS,
  placeholderNames,
  translateMessage,
  translateMessages,
  UNTRANSLATED_MARK,
} from "../../lib/notebook/messages.ts";
import * as notebook from "../../lib/notebook/mod.ts";
import { collectEngineMessages } from "./_engine_messages.ts";

/** Words written the same in Dutch and English (a sentence of only these may stay as it is). */
const SAME_IN_DUTCH = /\b(?:open|responders|cohort)\b/g;

/** The numbers of a text, sorted (the multiset a translation must keep). */
function numbers(text: string): string[] {
  return (text.match(/[-−]?\d+(?:\.\d+)*/g) ?? []).map((x) => x.replace("−", "-")).sort();
}

Deno.test("messages: every engine sentence of the notebooks' inputs has a Dutch rendering that keeps its numbers", async () => {
  const messages = await collectEngineMessages();
  // the grid reaches every engine (a collector that silently stopped would pass vacuously)
  for (
    const from of [
      "benchmarkSummary",
      "calibrationSummary",
      "diagnosisTable",
      "scedDataBcsmd",
      "poolBcsmd",
      "certainty",
      "scenarioAgreement",
      "GEN with a measure",
      "vi = 0",
      "impliedResponderRates",
      "leeuw2008Comparison",
      "pooledResponderCohorts",
      "analyseStudies(assink2016",
      "analyseStudies(shared obs",
      "dependenceInventory",
      "auditEvidence(i2)",
      "auditEvidence(extraction-correction)",
      "contrastRows",
      "reportedResponderRates",
      "doseComparison",
      "PDI_MCID.source",
      "certainty notebook(rob.csv",
      "certainty notebook(rob-illustrative.csv",
      "certainty notebook(ROB_TOOLS)",
    ]
  ) {
    assert.ok(messages.some((m) => m.from.startsWith(from)), `no sentence collected from ${from}`);
  }
  assert.ok(messages.length > 150, `only ${messages.length} sentences collected`);
  const missing: string[] = [];
  const lost: string[] = [];
  for (const { text, from } of messages) {
    const nl = findTranslation(text, "nl");
    if (nl === null) {
      missing.push(`${from}: ${text}`);
      continue;
    }
    const a = numbers(text), b = numbers(nl);
    const left = [...b];
    for (const x of a) {
      const i = left.indexOf(x);
      if (i < 0) lost.push(`${from}: ${x} of "${text}" not in "${nl}"`);
      else left.splice(i, 1);
    }
    // a sentence with words must change (a template that maps to itself would hide English)
    // (words that are part of a study id, "smeets2006", are codes, the same in both languages, and
    // so are the Dutch words spelt as in English: "open", "responders", "cohort")
    if (
      /[a-z]{4,}/.test(text.replace(/\b[a-z]+\d{4}\b/g, "").replace(SAME_IN_DUTCH, "")) && !text.includes("~") &&
      !/^[\w.]+ [-\d]/.test(text) &&
      !text.startsWith("Coefficients")
    ) {
      if (nl === text) lost.push(`${from}: "${text}" unchanged in Dutch`);
    }
  }
  assert.deepEqual(missing, [], `sentences without Dutch:\n${missing.join("\n")}`);
  assert.deepEqual(lost, []);
});

Deno.test("messages: the catalogue has both languages and the same placeholders in each", () => {
  assert.deepEqual(catalogueProblems(), []);
  assert.ok(MESSAGE_CATALOGUE.length > 50);
  for (const { en, nl } of MESSAGE_CATALOGUE) {
    assert.deepEqual(placeholderNames(en).sort(), placeholderNames(nl).sort(), en);
    assert.ok(nl !== en, `"${en}" has no Dutch of its own`);
  }
  for (const [en, nl] of Object.entries(MESSAGE_TERMS)) assert.ok(en.trim() !== "" && nl.trim() !== "", en);
});

Deno.test("messages: every catalogue template matches its own filled-in sentence and fills the Dutch", () => {
  const term = Object.keys(MESSAGE_TERMS).find((k) => k === "serious")!;
  for (const { en, nl } of MESSAGE_CATALOGUE) {
    const values: Record<string, string> = {};
    let i = 0;
    const sentence = en.replace(/\{(\w+)(?::([ntm]))?\}/g, (_, name: string, kind?: string) => {
      i++;
      const v = kind === "n" ? `${i}7.25` : kind === "t" || kind === "m" ? term : `Xq${i}`;
      values[name] = kind === "t" || kind === "m" ? MESSAGE_TERMS[term] : v;
      return v;
    });
    const got = findTranslation(sentence, "nl");
    if (got === null) throw new Error(`"${sentence}" (from "${en}") is not translated`);
    for (const v of Object.values(values)) assert.ok(got.includes(v), `"${sentence}" → "${got}"`);
    assert.deepEqual(numbers(got), numbers(nl.replace(/\{(\w+)\}/g, (_, k: string) => values[k])), got);
  }
});

Deno.test("messages: English stays as it is; an unknown sentence is shown in English and marked", () => {
  const text = "a sentence no engine has written yet";
  assert.deepEqual(translateMessage(text, "en"), text);
  assert.deepEqual(findTranslation(text, "nl"), null);
  const shown = translateMessage(text, "nl");
  assert.ok(shown.startsWith(UNTRANSLATED_MARK), shown);
  assert.ok(shown.includes(text));
  // a known part next to an unknown one does not hide the unknown one
  assert.ok(translateMessage(`serious; ${text}`, "nl").startsWith(UNTRANSLATED_MARK));
  assert.deepEqual(translateMessages(["serious", "very low"], "nl"), ["ernstig", "zeer laag"]);
  assert.deepEqual(translateMessages(["serious"], "en"), ["serious"]);
});

Deno.test("messages: a tool's prefix, lists and numbers-only text keep their form", () => {
  assert.deepEqual(
    translateMessage(
      "meta-analysis: There are outcomes with non-positive sampling variances (vi = 0 in rows 1, 2).",
      "nl",
    ),
    "meta-analysis: Er zijn uitkomsten met niet-positieve steekproefvarianties (vi = 0 in rijen 1, 2).",
  );
  assert.deepEqual(
    translateMessage("comparator none instead of primary-care; outcome psc instead of pdi", "nl"),
    "vergelijking geen in plaats van eerstelijnszorg; uitkomst PSC in plaats van PDI",
  );
  assert.deepEqual(translateMessage("12.5% (τ² 5.9946 → 5.2451)", "nl"), "12.5% (τ² 5.9946 → 5.2451)");
  assert.deepEqual(translateMessage("outcome ~ 1 + trt", "nl"), "outcome ~ 1 + trt");
  // a term placeholder takes only known words: an unknown comparator is not passed off as Dutch
  assert.deepEqual(findTranslation("comparator somewhere instead of primary-care", "nl"), null);
});

Deno.test("messages: the notebook module exports the translator", () => {
  assert.deepEqual(notebook.translateMessage("high (95%)", "nl"), "hoog (95%)");
  assert.deepEqual(notebook.UNTRANSLATED_MARK, UNTRANSLATED_MARK);
});

Deno.test("messages: the responders and multilevel sentences keep the Dutch they had in the notebooks' dictionaries", () => {
  assert.deepEqual(
    translateMessage("EXP 12 months: 63% of 42 is not a whole number of patients; 26/42 = 61.9% is used", "nl"),
    "EXP 12 maanden: 63% van 42 is geen geheel aantal patiënten; gebruikt wordt 26/42 = 61.9%",
  );
  assert.deepEqual(
    translateMessage("NNT(harm) 12.3 (95% CI NNT(benefit) 8.0 to ∞ to NNT(harm) 3.6)", "nl"),
    "NNT(schade) 12.3 (95%-BI NNT(baat) 8.0 tot ∞ tot NNT(schade) 3.6)",
  );
  assert.deepEqual(
    translateMessage("smd: only 1 study (ma2023) reports CIs — studies ma2023", "nl"),
    "smd: slechts 1 studie (ma2023) rapporteert BI's — studies ma2023",
  );
  // two terms side by side split where both are known words ("work capacity" + "12 months")
  assert.deepEqual(
    translateMessage("Breugelmans work capacity 12 months", "nl"),
    "Breugelmans arbeidsvermogen 12 maanden",
  );
  // a word that is part of a longer word is not a term, and the gap is marked, not half-translated
  assert.ok(translateMessage("Breugelmans PDI postcode", "nl").startsWith(UNTRANSLATED_MARK));
  assert.deepEqual(translateMessage("Breugelmans PDI post", "en"), "Breugelmans PDI post");
});
