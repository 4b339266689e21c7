/**
 * Sources as a reader can find them (issue 16, item 9): the seed section index matches the seed
 * files, every seed reference in `data/` and `lib/` maps to a section, and `readableSource`
 * rewrites references (ranges, lists, Dutch) into document-and-section citations.
 */
import assert from "node:assert/strict";
import {
  BEHANDELKADER,
  readableSource,
  sectionOf,
  SEED_DOCUMENTS,
  seedCitations,
  type SeedDocument,
  seedReferences,
  VRA_OBJECTION,
} from "../../lib/notebook/_sources.ts";
import { readCsv } from "../../lib/io/csv.ts";
import { repoPath } from "../helpers.ts";

const VRA = "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt";
const BK = "behandelkader-aanhoudende-pijn-2025.txt";
const S4B = "VRA-bezwaar (2025), §4b ‘Aanvullende informatie cohort Breugelmans’";

/** Every file under `dir` (recursively) whose name ends in one of `exts`. */
function filesUnder(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  for (const e of Deno.readDirSync(repoPath(dir))) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory) out.push(...filesUnder(rel, exts));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(rel);
  }
  return out;
}

const SCANNED = [...filesUnder("data", [".csv", ".json", ".md"]), ...filesUnder("lib", [".ts"])];

/** The reason a reference cannot be placed, or null when every line it names maps to a section. */
function unplaced(doc: SeedDocument, lines: number[]): string | null {
  if (!lines.length) return null; // the document alone (a file name without a line)
  for (const l of lines) {
    if (l < 1 || l > doc.lines) return `line ${l} is outside ${doc.file} (${doc.lines} lines)`;
    if (!sectionOf(doc, l)) return `line ${l} of ${doc.file} is in the front matter (no section)`;
  }
  return null;
}

Deno.test("every seed reference written in data/ and lib/ maps to a section of the index", () => {
  const problems: string[] = [];
  let count = 0;
  for (const file of SCANNED) {
    Deno.readTextFileSync(repoPath(file)).split("\n").forEach((text, i) => {
      for (const ref of seedReferences(text)) {
        count++;
        const why = unplaced(ref.doc, ref.lines);
        if (why) problems.push(`${file}:${i + 1}: "${ref.text}": ${why}`);
      }
    });
  }
  assert.deepEqual(problems, []);
  // the scan found the known references (calibration targets, scenario sources, the MCID, …)
  assert.ok(count >= 100, `only ${count} seed references found`);
});

Deno.test("every seed_file/seed_line cell of the data tables maps to a section, and to the section it names", () => {
  const problems: string[] = [];
  let checked = 0;
  for (const file of filesUnder("data", [".csv"])) {
    const csv = readCsv(Deno.readTextFileSync(repoPath(file)), { name: file });
    if (!csv.columns.includes("seed_file")) continue;
    csv.rows.forEach((row, i) => {
      const doc = SEED_DOCUMENTS.find((d) => d.file === row.seed_file);
      if (!row.seed_file) return;
      if (!doc) return void problems.push(`${file} row ${i + 1}: unknown seed file ${row.seed_file}`);
      // a range spanning sections (the overview of all chapter-4 tables) names no single section
      const span = row.seed_line_start && row.seed_line_end &&
        sectionOf(doc, Number(row.seed_line_start)) !== sectionOf(doc, Number(row.seed_line_end));
      for (const col of ["seed_line", "seed_line_start", "seed_line_end"]) {
        if (!row[col]) continue;
        const line = Number(row[col]);
        checked++;
        const why = unplaced(doc, [line]);
        if (why) problems.push(`${file} row ${i + 1} ${col}: ${why}`);
        else if (row.section && !span && sectionOf(doc, line)!.number !== row.section) {
          problems.push(
            `${file} row ${i + 1}: ${col} ${line} is in §${sectionOf(doc, line)!.number}, the row says §${row.section}`,
          );
        }
      }
    });
  }
  assert.deepEqual(problems, []);
  assert.ok(checked > 300, `only ${checked} cells checked`);
});

let seeds: Map<string, string[]> | null = null;
try {
  seeds = new Map(
    SEED_DOCUMENTS.map((d) => [d.file, Deno.readTextFileSync(repoPath(`../shared/seeds/${d.file}`)).split("\n")]),
  );
} catch {
  seeds = null;
}
const ignoreWithoutSeeds = seeds === null;
if (ignoreWithoutSeeds) {
  console.warn("sources_test: ../shared/seeds is absent; the index-vs-seed tests are skipped (CI has it)");
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

Deno.test({
  name: "the index's first lines and titles are the seed files' headings (skipped without ../shared/seeds)",
  ignore: ignoreWithoutSeeds,
  fn: () => {
    for (const doc of SEED_DOCUMENTS) {
      const lines = seeds!.get(doc.file)!;
      assert.equal(lines.length, doc.lines, `${doc.file}: line count`);
      for (const s of doc.sections) {
        const heading = squash(lines[s.line - 1]);
        // "4b.Aanvullende informatie …", " 4c Preliminary data", "5.1 Deskundigheid …"
        const re = new RegExp(`^${s.number.replace(".", "\\.")}\\.?\\s*(.*)$`);
        const m = re.exec(heading);
        assert.ok(m, `${doc.file}:${s.line} "${heading}" is not the heading of §${s.number}`);
        assert.ok(
          squash(m[1]).replace(/:$/, "").startsWith(s.title),
          `${doc.file}:${s.line}: "${heading}" vs "${s.title}"`,
        );
      }
    }
  },
});

Deno.test({
  name:
    "the index holds every heading of the VRA objection and every entry of the behandelkader's contents, with its page",
  ignore: ignoreWithoutSeeds,
  fn: () => {
    const vra = seeds!.get(VRA)!;
    const headings = vra.flatMap((l, i) => (/^\s?[1-9][a-z]?(\.|\s)\s*[A-Z][a-z]/.test(l) ? [i + 1] : []));
    assert.deepEqual(headings, VRA_OBJECTION.sections.map((s) => s.line));

    // the table of contents (before the first section): "2.3 Patiënten perspectief en behandeldoelen 7"
    const bk = seeds!.get(BK)!.slice(0, BEHANDELKADER.sections[0].line - 1);
    const toc = bk.flatMap((l) => {
      const m = /^(\d(?:\.\d)?)\.?\s+(.+?)\s+(\d+)\s*$/.exec(l.trim());
      return m ? [{ number: m[1], title: m[2], page: Number(m[3]) }] : [];
    });
    // §6 Referenties is in the contents but its text is not in the seed file
    assert.deepEqual(toc.at(-1), { number: "6", title: "Referenties", page: 16 });
    assert.deepEqual(
      toc.slice(0, -1),
      BEHANDELKADER.sections.map((s) => ({
        number: s.number,
        title: toc.find((t) => t.number === s.number)?.title,
        page: s.page,
      })),
    );
    for (const s of BEHANDELKADER.sections) {
      assert.ok(s.title.startsWith(toc.find((t) => t.number === s.number)!.title.slice(0, 20)), s.number);
    }
  },
});

Deno.test("readableSource: a file reference becomes document and section, the rest of the text is kept", () => {
  assert.equal(
    readableSource(`${VRA}:1385 (Breugelmans 2024, ES −1.01; sign oriented)`, "en"),
    `${S4B} (Breugelmans 2024, ES −1.01; sign oriented)`,
  );
  // a later reference to the same document gives the section only
  assert.equal(
    readableSource(`PDI ES 1.01 (${VRA}:1385) and PSC per-activity ES 1.44 (line 1390), given`, "en"),
    `PDI ES 1.01 (${S4B}) and PSC per-activity ES 1.44 (§4b ‘Aanvullende informatie cohort Breugelmans’), given`,
  );
  // the behandelkader with the page its contents give
  assert.equal(
    readableSource(`${BK}:731 (the PDI is the national performance indicator)`, "en"),
    "Behandelkader aanhoudende pijn (2025), §4 ‘Indicatoren’, p. 12 (the PDI is the national performance indicator)",
  );
  assert.equal(
    readableSource("Spine 2012;37(8):711-715 (data/instruments.csv; behandelkader line 731)", "en"),
    "Spine 2012;37(8):711-715 (data/instruments.csv; Behandelkader aanhoudende pijn (2025), §4 ‘Indicatoren’, p. 12)",
  );
});

Deno.test("readableSource: ranges and lists across sections, 'and'/'en', Dutch 'regel'", () => {
  // a range inside one section cites it once
  assert.equal(
    readableSource(`${VRA}:199-202 (Smeets 2006)`, "en"),
    "VRA-bezwaar (2025), §3a ‘Bezwaar tegen de PICO’ (Smeets 2006)",
  );
  // "and" and "en" between two lines of one section
  assert.equal(
    readableSource(`${VRA}:910 and :913 (Smeets 2006, RDQ)`, "en"),
    "VRA-bezwaar (2025), §4a ‘Stand van wetenschap’ (Smeets 2006, RDQ)",
  );
  assert.equal(
    readableSource(`${VRA}:910 en :913 (Smeets 2006, RDQ)`, "nl"),
    "VRA-bezwaar (2025), §4a ‘Stand van wetenschap’ (Smeets 2006, RDQ)",
  );
  // a list across sections cites each section once, in order
  assert.equal(
    readableSource(`a waiting list (${VRA}, lines 199-200, 839-954)`, "en"),
    "a waiting list (VRA-bezwaar (2025), §3a ‘Bezwaar tegen de PICO’; §4a ‘Stand van wetenschap’)",
  );
  assert.equal(
    readableSource("wachtlijst (regels 1385-1434)", "nl"),
    "wachtlijst (VRA-bezwaar (2025), §4b ‘Aanvullende informatie cohort Breugelmans’; §4c ‘Preliminary data’)",
  );
  // "seed line N" and "regel N van de brondocumenten" name the VRA objection
  assert.equal(
    readableSource("higher (seed line 209 says so)", "en"),
    "higher (VRA-bezwaar (2025), §3a ‘Bezwaar tegen de PICO’ says so)",
  );
  assert.equal(
    readableSource("hoger (regel 209 van de brondocumenten zegt dat)", "nl"),
    "hoger (VRA-bezwaar (2025), §3a ‘Bezwaar tegen de PICO’ zegt dat)",
  );
  assert.equal(
    readableSource("(seed vra-bezwaar-zin-imsr-chronische-pijn-2025.txt line 904)", "nl"),
    "(VRA-bezwaar (2025), §4a ‘Stand van wetenschap’)",
  );
});

Deno.test("readableSource: front matter cites the document alone; CSV locations and decimals are not seed references", () => {
  assert.equal(readableSource(`${BK}:50`, "en"), "Behandelkader aanhoudende pijn (2025)");
  assert.equal(readableSource(`see ${VRA}`, "nl"), "see VRA-bezwaar (2025)");
  const untouched = "registry.csv: row 3 (line 4), column pdi_post must be <= 70; the solid lines 99.8%";
  assert.equal(readableSource(untouched, "en"), untouched);
  assert.deepEqual(seedReferences(untouched), []);
  // no file name, no line number is left in a rewritten text
  for (const text of [`${VRA}:1 and :1986`, `${BK}:761-960`, "behandelkader regel 930"]) {
    const out = readableSource(text, "nl");
    assert.doesNotMatch(out, /\.txt|\b(line|regel)s? \d/, out);
  }
  assert.equal(
    readableSource("behandelkader regel 930", "nl"),
    "Behandelkader aanhoudende pijn (2025), §5.3 ‘Netwerk’, p. 15",
  );
});

Deno.test("seedCitations: each seed document by the short name the citations use, with organisation and year", () => {
  const list = seedCitations();
  assert.equal(list.length, 2);
  assert.match(
    list[0],
    /^VRA-bezwaar \(2025\): Nederlandse Vereniging van Revalidatieartsen \(VRA\)\. Bezwaar .*2025\.$/,
  );
  assert.match(
    list[1],
    /^Behandelkader aanhoudende pijn \(2025\): .*Behandelkader Aanhoudende pijn\. .*6 november 2025\.$/,
  );
  // every short name readableSource writes has its full citation in the list
  for (const d of SEED_DOCUMENTS) assert.ok(list.some((c) => c.startsWith(`${d.short}: `)), d.short);
});
