import assert from "node:assert/strict";
import { parseScedCsv, parseStartsCsv } from "../../lib/sced/data.ts";
import { repoPath } from "../helpers.ts";

Deno.test("long-format CSV: cases in order, values by measurement, empty value = missing kept in place", () => {
  const cases = parseScedCsv("case,measurement,phase,value\np1,2,A,\np1,1,A,5\np1,3,B,2\np2,1,A,7\np2,2,B,NA\n");
  assert.deepEqual(cases, [
    { name: "p1", values: [5, null, 2], labels: ["A", "A", "B"] },
    { name: "p2", values: [7, null], labels: ["A", "B"] },
  ]);
});

Deno.test("long-format CSV errors name the row, the column or the case", () => {
  assert.throws(
    () => parseScedCsv("case,measurement,phase,value\np1,1,A,abc\n"),
    /row 1 \(line 2\), column value must be a number or empty/,
  );
  assert.throws(() => parseScedCsv("case,measurement,value\np1,1,3\n"), /missing required column phase/);
  assert.throws(
    () => parseScedCsv("case,measurement,phase,value\np1,1,A,3\np1,3,B,2\n"),
    /data.csv: row 2 \(line 3\), column measurement skips measurement 2 of case "p1"/,
  );
});

Deno.test("starts file: sets in order of first appearance, sorted; the example data files parse", () => {
  assert.deepEqual(parseStartsCsv("tier,start\n1,6\n1,5\n2,8\n"), [[5, 6], [8]]);
  assert.throws(() => parseStartsCsv("x,start\n1,5\n"), /must have a column set, case, tier or participant/);
  const kl = parseStartsCsv(Deno.readTextFileSync(repoPath("data/sced/mbd-starts-koehler-levin.csv")));
  assert.deepEqual(kl, [[6, 7, 8], [10, 11, 12], [14, 15, 16], [18, 19, 20]]);
  const abcd = parseScedCsv(Deno.readTextFileSync(repoPath("data/sced/abcd-fear-diary.csv")));
  assert.equal(abcd.length, 3);
  assert.equal(abcd[0].values.length, 35);
  assert.equal(abcd.flatMap((c) => c.values).filter((v) => v === null).length, 3);
});
