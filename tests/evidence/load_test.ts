import assert from "node:assert/strict";
import { countRows, type Evidence, loadEvidence, parseEstimates, parseInstruments } from "../../lib/evidence/load.ts";
import { repoPath } from "../helpers.ts";

const read = (f: string) => Deno.readTextFile(repoPath(`data/${f}`));
const ev: Evidence = await loadEvidence(read);
const seedLines = (await Deno.readTextFile(
  repoPath("../shared/seeds/vra-bezwaar-zin-imsr-chronische-pijn-2025.txt"),
)).split("\n");

// Expected row counts, counted by hand in the seed text
// (vra-bezwaar-zin-imsr-chronische-pijn-2025.txt; line numbers of the extracted text):
const EXPECTED: Record<string, number> = {
  // 3b, lines 248-309: Ronzi pain/PCS/MCS (257-261), Dutch pain/PCS/MCS (271-275), Ronzi 6 h/day and
  // 5 weeks (277), Dutch 2-3 sessions, 30-60 min, 2-3x/week, 10-12 weeks (279-282)
  "3b-pico": 12,
  // 4a EXP table, lines 396-806, refs (14)-(25): Timmers 2021 7, Timmers 2019 1, Den Hollander 2016 10,
  // Den Hollander 2018 4, Leeuw 2008 5, Goossens 2015 1, Dekker 2020 6, de Jong 2008 12, de Jong 2021 5,
  // de Jong 2005 13
  "4a-EXP": 64,
  // 4a GA table, lines 808-1034: Leeuw 2008 5, Smeets 2006 53 (arms 5, design 8, RDQ 3 + 8 + 6,
  // PSC 3 + 8 + 6, self-perceived improvement 6), Smeets 2009 3
  "4a-GA": 61,
  // 4a CBT table, lines 1036-1250: Ma 2023 9, Lumley 2019 3, Smeets 2006 mediation 1, Nicholas 2012 13
  "4a-CBT": 26,
  // 4a older IMSR, lines 1252-1351: Meesters 2016 15, Volker 2017 21
  "4a-older": 36,
  // 4b, lines 1356-1413: n = 2309 and the 26 cells of the table (lines 1385-1410)
  "4b-cohort": 27,
  // 4c text, lines 1414-1434: 85%, 77%, 78%, 82.6%, 17%, 75.7%, 22.9%, five, 1.4%, 86%
  "4c-text": 10,
  // 4c table, lines 1436-1764: 10 outcome domains x 3 periods
  "4c-smc": 30,
  // 4c table, direction-of-effect column: one row per domain
  "4c-direction": 10,
  // 4c subgroups, lines 1780-1787: tailoring 3, contact hours 3, format 2; and 2 difference tests
  "4c-subgroups": 8,
  "4c-subgroup-tests": 2,
  // reference rows: EXP 12, GA 3, CBT 4, older 2, 4b 1, 4c 1, 3b 1
  studies: 24,
};

Deno.test("every table of the seed has all its rows (counted by hand in the seed)", () => {
  const counts = countRows(ev);
  for (const [table, n] of Object.entries(EXPECTED)) {
    assert.equal(counts[table] ?? 0, n, `table ${table}: expected ${n} rows, found ${counts[table] ?? 0}`);
  }
  assert.deepEqual(Object.keys(counts).sort(), Object.keys(EXPECTED).sort());
  // tables.csv says the same
  for (const t of ev.tables) assert.equal(t.expected_rows, EXPECTED[t.table_id], t.table_id);
});

Deno.test("the 4c table has 10 domains x 3 periods and every 4a study row has a reference number", () => {
  const domains = new Set(ev.smc.map((r) => r.domain));
  assert.equal(domains.size, 10);
  for (const d of domains) assert.equal(ev.smc.filter((r) => r.domain === d).length, 3, d);
  const refs = new Set(ev.studies.map((s) => s.ref));
  for (const r of [7, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 36]) {
    assert.ok(refs.has(r), `reference (${r}) missing from studies.csv`);
  }
});

Deno.test("every row's provenance points inside its table in the seed", () => {
  const range = new Map(ev.tables.map((t) => [t.table_id, [t.seed_line_start, t.seed_line_end]]));
  const rows = [...ev.estimates, ...ev.smc, ...ev.directions, ...ev.subgroups, ...ev.subgroupTests, ...ev.population];
  for (const r of rows) {
    assert.equal(r.seed_file, "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt");
    const [a, b] = range.get(r.table_id)!;
    assert.ok(r.seed_line >= a && r.seed_line <= b, `${r.id}: line ${r.seed_line} outside ${r.table_id} (${a}-${b})`);
  }
});

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  eight: 8,
  fourteen: 14,
  "twenty-three": 23,
  "sixty-two": 62,
  vier: 4,
};
// numbers not printed as digits near their line, with the reason
const EXEMPT: Record<string, string> = {
  "smeets2006-apt-session-hours": "printed as 1:45h",
  "denhollander2018-cost": "printed as '-' and '14.731' (Dutch thousands separator) on two lines",
};

function numbersNear(line: number, after = 5): Set<number> {
  const text = seedLines.slice(Math.max(0, line - 4), line + after).join(" ").toLowerCase();
  const out = new Set<number>();
  for (const m of text.matchAll(/\d+(?:[.,]\d+)?/g)) out.add(Number(m[0].replace(",", ".")));
  for (const [w, n] of Object.entries(WORDS)) if (text.includes(w)) out.add(n);
  return out;
}

Deno.test("every number in estimates.csv is printed in the seed near its line (or is a documented correction)", () => {
  for (const e of ev.estimates) {
    if (EXEMPT[e.id]) continue;
    const near = numbersNear(e.seed_line);
    for (const [k, x] of [["value", e.value], ["lower", e.lower], ["upper", e.upper]] as const) {
      if (x === null) continue;
      if (e.statistic === "p" && k === "value") continue;
      const ok = near.has(Math.abs(x));
      if (!ok) {
        assert.ok(e.corrected, `${e.id}: ${k} ${x} not found near line ${e.seed_line} and not marked as a correction`);
        assert.ok(e.note.length > 10, `${e.id}: a correction needs a note`);
      }
    }
  }
});

Deno.test("every number in the SMC table is printed in the seed near its line", () => {
  for (const r of ev.smc) {
    // a cell group spans up to 9 lines after its first number (e.g. lines 1455-1462)
    const near = numbersNear(r.seed_line, 10);
    for (const x of [r.n_cohorts, r.mdn_smc, r.range_lb, r.range_ub, r.Q, r.df, r.I2, r.reexpr_value]) {
      if (x === null) continue;
      assert.ok(near.has(Math.abs(x)), `${r.id}: ${x} not found near line ${r.seed_line}`);
    }
  }
});

Deno.test("corrections keep the raw text and explain themselves", () => {
  const corrected = ev.estimates.filter((e) => e.corrected);
  assert.ok(corrected.length >= 5);
  const cbt = corrected.find((e) => e.id === "smeets2006-psc-cbt-ct-post")!;
  assert.equal(cbt.raw, "Post: -1.74 (11.23 to 7.75)");
  assert.equal(cbt.lower, -11.23);
  const dh = corrected.find((e) => e.id === "denhollander2016-le-post")!;
  assert.match(dh.raw, /20\.018/);
  assert.equal(dh.lower, -0.018);
});

Deno.test("assumptions are kept apart from the data", () => {
  assert.ok(ev.assumptions.some((a) => a.id === "leeuw2008-n-exp" && a.value === 42));
  // no estimate carries an n the seed does not print next to it
  assert.ok(ev.estimates.every((e) => e.n === null));
  assert.ok(!ev.estimates.some((e) => e.id.includes("leeuw2008") && e.statistic === "n" && e.group !== "patients"));
});

Deno.test("instrument registry covers the seeds' measures with range, direction and citation", async () => {
  const ins = parseInstruments(await read("instruments.csv"));
  for (
    const name of [
      "PDI",
      "NRS-pain",
      "PSC",
      "PSFS",
      "COPM",
      "SF-12 PCS",
      "SF-12 MCS",
      "RMDQ",
      "GPE",
      "TSK",
      "PCS",
      "HADS-A",
      "BDI",
      "PSEQ",
    ]
  ) {
    const i = ins.find((x) => x.instrument === name);
    assert.ok(i, `${name} missing`);
    assert.ok(i.mcid_citation.length > 10, `${name}: citation`);
  }
  assert.equal(ins.find((i) => i.instrument === "PDI")!.better, "lower");
  assert.equal(ins.find((i) => i.instrument === "COPM")!.mcid, 2); // seed line 1310
});

Deno.test("loaders name the row, column and rule on bad input", () => {
  const header = Deno.readTextFileSync(repoPath("data/evidence/estimates.csv")).split("\n")[0];
  const bad = header + "\nx,s,7,f,4a,4a-GA,12,,,,,,md,abc,,,,,,,,raw,false,\n";
  assert.throws(() => parseEstimates(bad), /row 1 \(line 2\), column value must be a number or empty/);
  const badP = header + "\nx,s,7,f,4a,4a-GA,12,,,,,,md,1,0,2,ci95,0.5,,,,raw,false,\n";
  assert.throws(() => parseEstimates(badP), /p_value and p_op must be given together/);
});
