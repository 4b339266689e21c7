import assert from "node:assert/strict";
import { z } from "zod";
import { csvInteger, csvNumber, csvOptionalNumber, csvString, loadCsv, readCsv } from "../../lib/io/csv.ts";
import { loadDiary, movingAverage } from "../../lib/io/diary.ts";
import { repoPath } from "../helpers.ts";

const schema = z.object({
  study: csvString(),
  yi: csvNumber(),
  vi: csvNumber().pipe(z.number().nonnegative()),
  n: csvInteger().pipe(z.number().min(2)),
  r: csvOptionalNumber(),
});

Deno.test("loadCsv parses, validates and returns rows and an arquero table", () => {
  const { rows, table, columns } = loadCsv("study,yi,vi,n,r\nA,0.5,0.04,20,0.5\nB,-1e-1,0.1,30,\n", schema);
  assert.deepEqual(columns, ["study", "yi", "vi", "n", "r"]);
  assert.deepEqual(rows[1], { study: "B", yi: -0.1, vi: 0.1, n: 30, r: null });
  assert.equal(table.numRows(), 2);
  assert.deepEqual(table.array("yi"), [0.5, -0.1]);
});

Deno.test("errors name the row, the line, the column and the rule", () => {
  const text = "study,yi,vi,n,r\nA,0.5,0.04,20,0.5\nB,abc,-2,30,\nC,,0.1,2.5,x\n";
  assert.throws(() => loadCsv(text, schema, { name: "studies.csv" }), (e: Error) => {
    assert.match(e.message, /^studies\.csv: 5 problems:/);
    assert.match(e.message, /row 2 \(line 3\), column yi must be a number, got "abc"/);
    assert.match(e.message, /row 2 \(line 3\), column vi must be >= 0, got "-2"/);
    assert.match(e.message, /row 3 \(line 4\), column yi is missing \(a number is required\)/);
    assert.match(e.message, /row 3 \(line 4\), column n must be a whole number, got "2.5"/);
    assert.match(e.message, /row 3 \(line 4\), column r must be a number or empty, got "x"/);
    return true;
  });
});

Deno.test("missing columns are reported before any row, with the columns found", () => {
  assert.throws(
    () => loadCsv("study,yi\nA,1\n", schema, { name: "s.csv" }),
    /s\.csv: header is missing required columns vi, n \(found: study, yi\)/,
  );
});

Deno.test("an empty file and a header-only file are errors, not empty tables", () => {
  assert.throws(() => loadCsv("study,yi,vi,n,r\n", schema), /rows must contain at least one data row/);
  assert.throws(() => loadCsv("", schema), /file is empty \(no header line\)/);
});

Deno.test("a byte-order mark and Windows line ends are tolerated", () => {
  const { rows } = loadCsv("\uFEFFstudy,yi,vi,n,r\r\nA,1,1,3,\r\n", schema);
  assert.equal(rows[0].study, "A");
});

Deno.test("the getting-started diary loads from data/ and smoothing is a trailing mean", () => {
  const { rows } = loadDiary(Deno.readTextFileSync(repoPath("data/getting-started/pain-diary.csv")));
  assert.equal(rows.length, 28);
  assert.equal(rows.filter((r) => r.phase === "A").length, 10);
  assert.deepEqual(movingAverage([1, 2, 3, 4], 2), [1, 1.5, 2.5, 3.5]);
  assert.deepEqual(movingAverage([5, 7], 1), [5, 7]);
  assert.throws(() => movingAverage([1], 0), /window must be a whole number >= 1, got 0/);
  assert.throws(() => loadDiary("day,phase,pain\n1,A,11\n"), /row 1 \(line 2\), column pain must be <= 10, got "11"/);
});

Deno.test("a Dutch Excel file (separator ; and decimal comma) reads as the comma version", () => {
  const comma = loadCsv("study,yi,vi,n,r\nA,1.5,0.25,3,0.5\nB,-2,1,4,\n", schema);
  const dutch = loadCsv("study;yi;vi;n;r\r\nA;1,5;0,25;3;0,5\r\nB;-2;1;4;\r\n", schema);
  assert.deepEqual(dutch.rows, comma.rows);
  assert.equal(dutch.dialect.delimiter, ";");
  assert.equal(dutch.dialect.decimal, ",");
  assert.match(dutch.dialect.description, /decimal comma/);
  const tab = loadCsv("study\tyi\tvi\tn\tr\nA\t1.5\t0.25\t3\t0.5\nB\t-2\t1\t4\t\n", schema);
  assert.deepEqual(tab.rows, comma.rows);
});

Deno.test("a duplicated or unnamed column is an error naming both positions", () => {
  assert.throws(
    () => readCsv("study,yi,yi\nA,1,2\n", { name: "d.csv" }),
    /d\.csv: header has column "yi" twice \(columns 2 and 3\)/,
  );
  assert.throws(() => readCsv("study,,vi\nA,1,2\n"), /column 2 has no name/);
});

Deno.test("a row with more cells than the header names the separator problem", () => {
  assert.throws(
    () => readCsv("a;b\n1;2;3\n", { name: "x.csv" }),
    /x\.csv: line 2 has 2 separators \(";"\) where the header has 1: check the separator/,
  );
  assert.throws(() => readCsv("a,b,c\n1,2\n3\n4,5,6,7,8\n", { name: "y.csv" }), /y\.csv: line 2 has 1 separators \(","\) where the header has 2/);
});
