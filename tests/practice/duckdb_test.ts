/**
 * The DuckDB reader of registry extracts (`readRegistryExtract`) against the JavaScript path
 * (`parseRegistryCsv` + `benchmarkCentres`): on a simulated extract written as CSV, as a Dutch Excel
 * CSV and as Parquet, the rows are the same, the benchmark is the same, and the per-centre SQL
 * aggregates equal the JavaScript numbers to 1e-12 relative; bad files give the same
 * ValidationError messages as the JavaScript reader, never a DuckDB stack.
 */
import assert from "node:assert/strict";
import {
  benchmarkCentres,
  parseRegistryCsv,
  readRegistryExtract,
  type RegistryRow,
  registryToCsv,
  simulateRegistry,
  ValidationError,
  writeRegistryParquet,
} from "../../lib/practice/mod.ts";
import { DUCKDB_SPECIFIER } from "../../lib/practice/_duckdb.ts";
import { runPractice } from "./_cli.ts";
import { repoPath } from "../helpers.ts";

const tmp = Deno.makeTempDirSync({ prefix: "practice-duckdb-" });
const HEAD = "centre,wpn,pain_years,work,pdi_pre,pdi_post";

/** A seeded registry with some PSC follow-up missing and some hours missing (empty cells). */
const patients = simulateRegistry({ centres: 14, years: 2 }, 11).patients.map((p, i) => ({
  ...p,
  pscPost: i % 17 === 3 ? null : p.pscPost,
  hours: i % 23 === 5 ? null : p.hours,
})) as ReturnType<typeof simulateRegistry>["patients"];
const csvText = registryToCsv(patients);
const csvFile = `${tmp}/registry.csv`;
Deno.writeTextFileSync(csvFile, csvText);
/** As a Dutch Excel saves it: `;` separators, decimal commas, CRLF, a BOM. */
const dutchFile = `${tmp}/dutch.csv`;
Deno.writeTextFileSync(
  dutchFile,
  "\uFEFF" + csvText.trim().split("\n").map((l) => l.replaceAll(",", ";").replace(/(\d)\.(\d)/g, "$1,$2")).join(
    "\r\n",
  ) + "\r\n",
);
const parquetFile = `${tmp}/registry.parquet`;
await writeRegistryParquet(patients, parquetFile);

const js = parseRegistryCsv(csvText, { name: "registry.csv" });

function rel(a: number | null, b: number | null, what: string): void {
  if (a === null || b === null) return assert.equal(a, b, what);
  assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
}

const avg = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

for (const [label, file] of [["CSV", csvFile], ["Dutch Excel CSV", dutchFile], ["Parquet", parquetFile]]) {
  Deno.test(`readRegistryExtract (${label}) gives the JavaScript reader's rows and the same benchmark`, async () => {
    const x = await readRegistryExtract(file);
    assert.equal(x.format, label === "Parquet" ? "parquet" : "csv");
    if (label === "Dutch Excel CSV") assert.equal(x.dialect?.decimal, ",");
    assert.deepEqual(x.rows, js.rows);
    assert.deepEqual(x.centres, js.centres);
    assert.equal(x.hasPsc, js.hasPsc);
    assert.equal(x.hasHours, js.hasHours);
    for (const outcome of ["pdi_change", "pdi_responder"] as const) {
      assert.deepEqual(
        benchmarkCentres({ rows: x.rows, outcome, curvePoints: 0 }),
        benchmarkCentres({ rows: js.rows, outcome, curvePoints: 0 }),
      );
    }
  });

  Deno.test(`the SQL aggregates per centre (${label}) equal the JavaScript path to 1e-12`, async () => {
    const x = await readRegistryExtract(file);
    const change = benchmarkCentres({ rows: js.rows, curvePoints: 0 });
    const resp = benchmarkCentres({ rows: js.rows, outcome: "pdi_responder", curvePoints: 0 });
    assert.equal(x.summary.length, change.centres.length);
    assert.equal(x.mcid, 8.5);
    x.summary.forEach((s, j) => {
      const c = change.centres[j];
      const rows = js.rows.filter((r) => r.centre === s.centre);
      assert.equal(s.centre, c.centre);
      assert.equal(s.n, c.n);
      rel(s.meanChange, c.observed, `${s.centre} mean change`);
      rel(s.responders, resp.centres[j].observed, `${s.centre} responders`);
      rel(s.meanPre, c.meanPre, `${s.centre} mean PDI before`);
      rel(s.shareWpn4, c.shareWpn4, `${s.centre} WPN 4`);
      rel(s.meanPainYears, c.meanPainYears, `${s.centre} pain years`);
      rel(s.shareWork, c.shareWork, `${s.centre} work`);
      rel(s.hours, c.hours, `${s.centre} hours`);
      // the SD of change by two passes, as benchmarkCentres' unadjusted between-centre variance uses it
      const d = rows.map((r) => r.pdiPre - r.pdiPost);
      const m = avg(d);
      rel(s.sdChange, Math.sqrt(d.reduce((a, v) => a + (v - m) ** 2, 0) / (d.length - 1)), `${s.centre} SD`);
      const both = rows.filter((r) => r.pscPre != null && r.pscPost != null);
      assert.equal(s.nPsc, both.length);
      assert.equal(s.missingPscPost, rows.filter((r) => r.pscPre != null && r.pscPost == null).length);
      rel(s.meanPscChange, avg(both.map((r) => (r.pscPre as number) - (r.pscPost as number))), `${s.centre} PSC`);
      const years = rows.map((r) => r.year as number);
      assert.deepEqual(s.years, [Math.min(...years), Math.max(...years)]);
    });
    assert.ok(x.summary.some((s) => s.missingPscPost > 0), "the test extract has missing PSC follow-up");
    // without handing the rows over: the same aggregates, no rows
    const light = await readRegistryExtract(file, { rows: false });
    assert.deepEqual(light.rows, []);
    assert.deepEqual(light.summary, x.summary);
    assert.deepEqual([light.centres, light.hasPsc, light.hasHours], [x.centres, x.hasPsc, x.hasHours]);
  });
}

Deno.test("a centre column with another name (centreColumn) gives the same rows; an unknown one is named", async () => {
  const file = `${tmp}/instelling.csv`;
  Deno.writeTextFileSync(file, csvText.replace(/^centre,/, "instelling,"));
  const x = await readRegistryExtract(file, { centreColumn: "instelling" });
  assert.deepEqual(x.rows, js.rows);
  await assert.rejects(
    () => readRegistryExtract(file, { centreColumn: "agb" }),
    (e: unknown) =>
      e instanceof ValidationError && e.tool === "instelling.csv" &&
      /instelling\.csv: centreColumn names no column of the file \(found: instelling, year, wpn/.test(e.message) &&
      /got "agb"/.test(e.message),
  );
});

/** Bad CSV files: the DuckDB reader gives the JavaScript reader's message, word for word. */
const badCsv: [string, string][] = [
  ["a missing column", "centre,wpn,work,pdi_pre\nA,3,0,40\n"],
  ["a value out of range", `${HEAD}\nA,3,5,0,40,20\nB,3,5,0,40,85\n`],
  ["a non-numeric value", `${HEAD}\nA,3,5,0,40,20\nC,3,abc,0,40,20\n`],
  ["a missing required number", `${HEAD}\nA,3,,0,40,20\n`],
  ["an empty centre", `${HEAD}\n,3,5,0,40,20\n`],
  ["a WPN that is not whole", `${HEAD}\nA,2.5,5,0,40,20\n`],
  ["work that is not 0/1", `${HEAD}\nA,3,5,2,40,20\n`],
  ["an optional PSC out of range", `${HEAD},psc_pre\nA,3,5,0,40,20,120\n`],
  ["an optional hours cell that is text", `${HEAD},hours\nA,3,5,0,40,20,many\n`],
  ["a year that is not whole", `${HEAD},year\nA,3,5,0,40,20,2021.5\n`],
  ["several problems, in row then column order", `${HEAD}\nA,3,5,0,40,20\nB,3,5,0,99,20\nC,3,abc,9,40,-1\n`],
  ["infinity is not a number", `${HEAD}\nA,3,Infinity,0,40,20\n`],
  ["a duplicated column", `${HEAD},pdi_post\nA,3,5,0,40,20,20\n`],
  [
    "a Dutch file with a bad cell",
    "centre;wpn;pain_years;work;pdi_pre;pdi_post\r\nA;3;5,5;0;40;20\r\nB;3;0,0;0;40;20\r\n",
  ],
];

for (const [what, text] of badCsv) {
  Deno.test(`bad CSV through DuckDB, ${what}: the JavaScript reader's ValidationError`, async () => {
    const file = `${tmp}/bad.csv`;
    Deno.writeTextFileSync(file, text);
    let want = "";
    try {
      parseRegistryCsv(text, { name: "bad.csv" });
    } catch (e) {
      assert.ok(e instanceof ValidationError);
      want = e.message;
    }
    assert.notEqual(want, "", "the JavaScript reader refuses it");
    await assert.rejects(
      () => readRegistryExtract(file),
      (e: unknown) => e instanceof ValidationError && e.message === want && !/\n\s+at /.test(e.message),
    );
  });
}

Deno.test("blank lines, quoted centres, empty cells and CRLF: the JavaScript reader's rows", async () => {
  const text = `${HEAD},hours\r\n"Centre, north",3,5,0,40,20,12\r\n\r\nB,4,2.5,1,30,10,\r\n"B",3,1e1,0,35,30,\r\n\r\n`;
  const file = `${tmp}/odd.csv`;
  Deno.writeTextFileSync(file, text);
  const x = await readRegistryExtract(file);
  assert.deepEqual(x.rows, parseRegistryCsv(text).rows);
  assert.deepEqual(x.centres, ["B", "Centre, north"]);
});

Deno.test("the reader loads the DuckDB version deno.json installs", () => {
  const json = JSON.parse(Deno.readTextFileSync(repoPath("deno.json")));
  assert.equal(DUCKDB_SPECIFIER, json.imports["@duckdb/node-api"]);
});

Deno.test("a digit separator (1_000) is not a number for either reader", async () => {
  const text = `${HEAD},hours\nA,3,5,0,40,20,1_000\n`;
  const file = `${tmp}/sep.csv`;
  Deno.writeTextFileSync(file, text);
  assert.throws(() => parseRegistryCsv(text, { name: "sep.csv" }), /row 1 \(line 2\), column hours must be a number/);
  await assert.rejects(() => readRegistryExtract(file), /row 1 \(line 2\), column hours must be a number or empty/);
});

Deno.test("bad Parquet and unreadable files: a ValidationError naming file, row, column and rule", async () => {
  const rows: RegistryRow[] = js.rows.slice(0, 30).map((r, i) => (i === 6 ? { ...r, pdiPost: 90 } : r));
  const bad = `${tmp}/bad.parquet`;
  await writeRegistryParquet(rows, bad);
  await assert.rejects(
    () => readRegistryExtract(bad),
    (e: unknown) =>
      e instanceof ValidationError && e.message === "bad.parquet: row 7, column pdi_post must be <= 70, got 90" &&
      e.issues[0].row === 7,
  );
  const notParquet = `${tmp}/text.parquet`;
  Deno.writeTextFileSync(notParquet, csvText);
  await assert.rejects(
    () => readRegistryExtract(notParquet),
    (e: unknown) =>
      e instanceof ValidationError && /^text\.parquet: file cannot be read by DuckDB: /.test(e.message) &&
      !/\n\s+at /.test(e.message),
  );
  await assert.rejects(() => readRegistryExtract(`${tmp}/nothing.csv`), /nothing\.csv: file does not exist/);
  await assert.rejects(() => readRegistryExtract(csvFile, { mcid: 0 }), /readRegistryExtract: options\.mcid must be/);
  await assert.rejects(
    () => readRegistryExtract(csvFile, { rows: "no" } as never),
    /readRegistryExtract: options\.rows must be true or false, got "no"/,
  );
  await assert.rejects(
    () => readRegistryExtract(csvFile, { centre: "x" } as never),
    /readRegistryExtract: options has unknown field\(s\) centre/,
  );
});

Deno.test("CLI: a Parquet extract prints what the JavaScript reader prints for the same CSV; js refuses Parquet", async () => {
  const fromParquet = await runPractice([parquetFile]);
  const fromJs = await runPractice([csvFile, "--engine", "js"]);
  assert.equal(fromParquet.code, 0, fromParquet.stderr);
  assert.equal(fromParquet.stdout, fromJs.stdout);
  const refused = await runPractice([parquetFile, "--engine", "js"]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /--engine js reads CSV only: read a \.parquet file with --engine duckdb/);
});

Deno.test("CLI: --summary prints the SQL aggregates (JSON: the reader's), without the benchmark; not with js", async () => {
  const json = await runPractice([parquetFile, "--summary", "--json"]);
  assert.equal(json.code, 0, json.stderr);
  const x = await readRegistryExtract(parquetFile, { rows: false });
  assert.deepEqual(JSON.parse(json.stdout), { summary: x.summary, mcid: 8.5 });
  const text = await runPractice([csvFile, "--summary", "--mcid", "10"]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(
    text.stdout,
    /^\d+ patients in 14 centres \(csv, separator "," and decimal point\); .* change >= 10 points/,
  );
  const c01 = x.summary[0];
  assert.match(
    text.stdout,
    new RegExp(`^C01 +${c01.n} +${c01.meanChange.toFixed(2)} +${c01.sdChange?.toFixed(2)} `, "m"),
  );
  assert.doesNotMatch(text.stdout, /Overdispersion/);
  const js = await runPractice([csvFile, "--summary", "--engine", "js"]);
  assert.equal(js.code, 2);
  assert.match(js.stderr, /--summary needs --engine duckdb/);
});

Deno.test("CLI: --write-extract writes the simulated registry, which reads back as the same benchmark", async () => {
  const out = `${tmp}/sim.parquet`;
  const sim = await runPractice(["--simulate", "--seed", "4", "--centres", "6", "--write-extract", out]);
  assert.equal(sim.code, 0, sim.stderr);
  assert.match(sim.stderr, /wrote \d+ patients to .*sim\.parquet/);
  const back = await runPractice([out]);
  assert.equal(back.stdout, sim.stdout);
  const csv = `${tmp}/sim.csv`;
  await runPractice(["--simulate", "--seed", "4", "--centres", "6", "--write-extract", csv]);
  assert.equal(Deno.readTextFileSync(csv), registryToCsv(simulateRegistry({ centres: 6 }, 4).patients));
});
