import assert from "node:assert/strict";
// @ts-types="@types/jsdom"
import { JSDOM } from "jsdom";
import { favoursFor, findInstrument, INSTRUMENT_ALIASES, PDI_MCID } from "../lib/instruments.ts";
import { contrastOutcomes, contrastRows, loadEvidence } from "../lib/evidence/mod.ts";
import { contrastPlot } from "../lib/plot/mod.ts";
import { readCsv } from "../lib/io/csv.ts";
import { repoPath } from "./helpers.ts";

Deno.test("PDI_MCID is the PDI row of data/instruments.csv, with its verification status", () => {
  const { rows } = readCsv(Deno.readTextFileSync(repoPath("data/instruments.csv")), { name: "instruments.csv" });
  const pdi = rows.find((r) => r.instrument === "PDI");
  assert.ok(pdi, "instruments.csv has a PDI row");
  assert.equal(PDI_MCID.value, Number(pdi.mcid));
  assert.equal(PDI_MCID.verified, pdi.verified);
  assert.match(PDI_MCID.source, /Soer/);
});

const ev = await loadEvidence((f) => Deno.readTextFile(repoPath(`data/${f}`)));
const TEXTS = {
  lowerIsBetter: ["← favours the first-named", "favours the second-named →"],
  higherIsBetter: ["← favours the second-named", "favours the first-named →"],
  unknown: ["← lower with the first-named", "higher with the first-named →"],
} as const;

Deno.test("an alias names an existing row of instruments.csv and no row of its own", () => {
  const names = ev.instruments.map((i) => i.instrument);
  for (const [name, aliases] of Object.entries(INSTRUMENT_ALIASES)) {
    assert.equal(names.filter((n) => n === name).length, 1, `${name}: one row in instruments.csv`);
    for (const alias of aliases) assert.ok(!names.includes(alias), `${alias} has a row of its own`);
  }
});

Deno.test("findInstrument matches whole names and aliases, the longest first", () => {
  assert.equal(findInstrument("smeets2006 RDQ (0-24)", ev.instruments)?.instrument, "RMDQ");
  assert.equal(findInstrument("smeets2006 PSC (0-100)", ev.instruments)?.instrument, "PSC");
  assert.equal(findInstrument("SF-12 PCS at 12 months", ev.instruments)?.instrument, "SF-12 PCS");
  assert.equal(findInstrument("PCS", ev.instruments)?.instrument, "PCS");
  // A name inside a longer word is not a match ("PDIx", "xRDQ").
  assert.equal(findInstrument("PDIx xRDQ", ev.instruments), undefined);
  assert.equal(findInstrument("denhollander2016 upper extremity disability", ev.instruments), undefined);
});

Deno.test("the RCT forest plot's RDQ panel gets its 'favours …' labels (RDQ = RMDQ, lower is better)", () => {
  const document = new JSDOM("").window.document as unknown as Document;
  const rows = contrastRows(ev, { outcomes: contrastOutcomes(ev) });
  const figure = contrastPlot(rows, {
    document,
    favours: (group) => favoursFor(/7-point/.test(group) ? "GPE" : group, ev.instruments, TEXTS),
  }) as unknown as Element;
  // Each panel is a title div, the plot, then its "favours" row.
  const children = [...figure.children];
  const title = children.findIndex((c) => c.tagName === "DIV" && /RDQ/.test(c.textContent ?? ""));
  assert.ok(title > 0, "no RDQ panel in the RCT forest plot");
  const favours = children.slice(title + 1).find((c) => c.classList.contains("favours"));
  assert.equal(favours?.textContent, "← favours the first-namedfavours the second-named →");
  // Every panel that names an instrument of the file has "favours" labels, none "lower/higher".
  const unknown = children.filter((c) => c.classList.contains("favours") && /lower with/.test(c.textContent ?? ""));
  const untitled = unknown.map((c) => children[children.indexOf(c) - 2]?.textContent);
  assert.ok(untitled.every((t) => !/RDQ|PSC|7-point/.test(t ?? "")), `panels without "favours": ${untitled}`);
});
