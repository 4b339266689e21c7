/**
 * lib/notebook without a browser (jsdom): CSV and JSON downloads, the zip, the dictionaries, the
 * Markdown subset, tables with detail rows and cards, the input stamp; and the site's favicon.
 */
import assert from "node:assert/strict";
// @ts-types="@types/jsdom"
import { JSDOM } from "jsdom";
import { unzipSync } from "fflate";
import {
  cardList,
  csvText,
  DICTIONARIES,
  fill,
  htmlTable,
  inputStamp,
  jsonFile,
  missingKeys,
  plotLabels,
  registeredDownloads,
  translator,
  withDownloads,
  zipFiles,
} from "../../lib/notebook/mod.ts";
import { favicon } from "../../tasks/build.ts";

const dom = new JSDOM("<!doctype html><body></body>");
Object.assign(globalThis, { document: dom.window.document, Node: dom.window.Node });

Deno.test("csvText quotes commas, quotes and line breaks; missing and non-finite values are empty", () => {
  const text = csvText([{ a: 'x, "y"', b: NaN, c: null }, { a: "two\nlines", b: 1.5, c: Infinity }]);
  assert.equal(text, 'a,b,c\n"x, ""y""",,\n"two\nlines",1.5,\n');
});

Deno.test("jsonFile writes non-finite numbers as null", async () => {
  const f = jsonFile({ beta: 0.9121, se: NaN, list: [Infinity, 1] }, "analysis");
  assert.equal(f.filename, "analysis.json");
  assert.deepEqual(JSON.parse(String(await f.content())), { beta: 0.9121, se: null, list: [null, 1] });
});

Deno.test("zipFiles holds every file under its name, and only files still on the page are registered", async () => {
  const table = htmlTable([{ x: 1 }], [{ key: "x", label: "x" }]);
  const kept = withDownloads(table, [{ filename: "kept.csv", type: "text/csv", content: () => "x\n1\n" }]);
  withDownloads(document.createElement("div"), [{ filename: "gone.csv", type: "text/csv", content: () => "" }]);
  document.body.append(kept);
  assert.deepEqual(registeredDownloads().map((f) => f.filename), ["kept.csv"]);
  const zip = await zipFiles([
    ...registeredDownloads(),
    { filename: "a.json", type: "application/json", content: () => new TextEncoder().encode("{}") },
  ]);
  const files = unzipSync(zip);
  assert.deepEqual(Object.keys(files).sort(), ["a.json", "kept.csv"]);
  assert.equal(new TextDecoder().decode(files["kept.csv"]), "x\n1\n");
  kept.remove();
});

Deno.test("every dictionary has every key in both languages; translator fills placeholders and refuses a missing key", () => {
  for (const [name, dict] of Object.entries(DICTIONARIES)) {
    assert.deepEqual(missingKeys(dict), { nl: [], en: [] }, name);
  }
  const { t } = translator(DICTIONARIES["meta-analysis"], "en", "nl");
  assert.match(t("own.ok", { k: 5, name: "a.csv", dialect: "“;”" }), /5 studies gelezen uit a\.csv/);
  assert.throws(() => t("no.such.key"), /no "no.such.key" in the nl dictionary/);
  assert.equal(fill("{a} and {b}", { a: 1 }), "1 and {b}");
  assert.equal(plotLabels(DICTIONARIES["audit"], "nl")["findings"], "bevindingen");
  assert.equal(plotLabels(DICTIONARIES["audit"], "en")["findings"], "findings");
});

Deno.test("htmlTable with detail rows: one toggle per row, details hidden until opened", () => {
  const table = htmlTable([{ a: 1, long: "explanation" }], [{ key: "a", label: "a" }], {
    detail: (r) => r.long,
    fit: true,
  });
  const toggle = table.querySelector("button.detail-toggle") as HTMLButtonElement;
  const detail = table.querySelector("tr.detail-row") as HTMLTableRowElement;
  assert.equal(detail.hidden, true);
  toggle.click();
  assert.equal(detail.hidden, false);
  assert.equal(detail.textContent, "explanation");
});

Deno.test("cardList: one <details> per card with its badge, fields and body", () => {
  const list = cardList([{
    badge: "error",
    title: "4a · CI not symmetric",
    fields: [{ label: "rows", value: "x" }],
    body: "why",
  }]);
  const card = list.querySelector("details")!;
  assert.match(card.querySelector("summary")!.textContent!, /^error4a · CI not symmetric$/);
  assert.equal(card.querySelector("dd")!.textContent, "x");
});

Deno.test("inputStamp names the input, its rows and when it was read, in both languages", () => {
  const at = new Date("2026-01-02T10:11:12Z");
  const en = inputStamp({ name: "pain.csv", rows: 7, at });
  assert.equal(en.dataset.source, "pain.csv");
  assert.match(en.textContent!, /^Results on this page: pain\.csv, 7 rows, read at /);
  assert.match(inputStamp({ name: "pain.csv", rows: 7, at }, "nl").textContent!, /pain\.csv, 7 rijen, ingelezen om/);
});

Deno.test("the site's favicon is a 16×16 32-bit ICO", () => {
  const ico = favicon();
  const v = new DataView(ico.buffer);
  assert.deepEqual([v.getUint16(0, true), v.getUint16(2, true), v.getUint16(4, true)], [0, 1, 1]);
  assert.deepEqual([ico[6], ico[7], v.getUint16(12, true)], [16, 16, 32]);
  assert.equal(v.getUint32(14, true) + 22, ico.length);
});
