import assert from "node:assert/strict";
import { benchmarkCentres, parseRegistryCsv } from "../../lib/practice/mod.ts";
import { repoPath } from "../helpers.ts";

const HEAD = "centre,wpn,pain_years,work,pdi_pre,pdi_post";

Deno.test("parseRegistryCsv reads the example extract in data/registry and it benchmarks", () => {
  const text = Deno.readTextFileSync(repoPath("data/registry/simulated-registry.csv"));
  const reg = parseRegistryCsv(text, { name: "simulated-registry.csv" });
  assert.equal(reg.centres.length, 12);
  assert.equal(reg.hasPsc, true);
  assert.equal(reg.hasHours, true);
  const b = benchmarkCentres({ rows: reg.rows });
  assert.equal(b.centres.length, 12);
});

Deno.test("the error example names row 3 (line 4), column pdi_post", () => {
  const text = Deno.readTextFileSync(repoPath("data/registry/simulated-registry-with-error.csv"));
  assert.throws(
    () => parseRegistryCsv(text, { name: "simulated-registry-with-error.csv" }),
    /simulated-registry-with-error\.csv: row 3 \(line 4\), column pdi_post must be <= 70, got "85"/,
  );
});

Deno.test("parseRegistryCsv: missing columns, impossible scores and bad codes are named", () => {
  assert.throws(
    () => parseRegistryCsv("centre,wpn,work,pdi_pre\nA,3,0,40\n", { name: "x.csv" }),
    /x\.csv: header is missing required columns pain_years, pdi_post/,
  );
  assert.throws(() => parseRegistryCsv(`${HEAD}\nA,3,5,0,40,-2\n`), /row 1 \(line 2\), column pdi_post must be >= 0/);
  assert.throws(() => parseRegistryCsv(`${HEAD}\nA,5,5,0,40,20\n`), /row 1 \(line 2\), column wpn must be <= 4/);
  assert.throws(() => parseRegistryCsv(`${HEAD}\nA,3,5,2,40,20\n`), /column work must be 0 or 1/);
  assert.throws(() => parseRegistryCsv(`${HEAD}\nA,3,,0,40,20\n`), /column pain_years is missing/);
  assert.throws(() => parseRegistryCsv(`${HEAD},psc_pre\nA,3,5,0,40,20,120\n`), /column psc_pre must be <= 100/);
  // several problems are listed together
  assert.throws(
    () => parseRegistryCsv(`${HEAD}\nA,3,5,0,40,20\nB,3,5,0,99,20\nC,3,abc,0,40,20\n`),
    (e: Error) =>
      /2 problems/.test(e.message) && /row 2 \(line 3\), column pdi_pre/.test(e.message) &&
      /row 3 \(line 4\), column pain_years must be a number/.test(e.message),
  );
});

Deno.test("parseRegistryCsv: optional columns may be empty", () => {
  const r = parseRegistryCsv(`${HEAD},psc_pre,psc_post,hours\nA,4,5.5,1,40,20,,,\nA,3,2,0,30,25,70,50,80\n`);
  assert.equal(r.rows[0].pscPre, null);
  assert.equal(r.rows[1].hours, 80);
  assert.equal(r.hasPsc, false);
  assert.equal(r.hasHours, true);
});
