import assert from "node:assert/strict";
import fc from "fast-check";
import { benchmarkCentres, parseRegistryCsv } from "../../lib/practice/mod.ts";
import { parseRegistrySlow } from "../../lib/practice/_upload.ts";
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

Deno.test("the fast path and the cell-by-cell (zod) path give the same rows, or the same message (seeded property)", () => {
  const cells = {
    centre: ["A", "B", "C01", "", " D "],
    wpn: ["3", "4", "1", "5", "3.0", "+3", "x", "2.5", "1e0"],
    pain_years: ["5.5", "0", "100", "101", "1e1", ".5", "NA", "0x10", "-1"],
    work: ["0", "1", "2", "1.0", ""],
    pdi_pre: ["40", "0", "70", "70.5", "-0", "abc", "35,5"],
    pdi_post: ["20", "71", "12.25", "Infinity", " 30 "],
    psc_pre: ["", "NA", "50", "101", ".", "x"],
    hours: ["", "80", "2001", "na", "1e3"],
    year: ["", "2024", "2024.5", "NaN"],
  };
  const keys = Object.keys(cells) as (keyof typeof cells)[];
  fc.assert(
    fc.property(
      fc.array(fc.tuple(...keys.map((k) => fc.constantFrom(...cells[k]))), { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      (rows, dutch) => {
        const sep = dutch ? ";" : ",";
        const text = [keys.join(sep), ...rows.map((r) => r.map((c) => (dutch ? c.replace(".", ",") : c)).join(sep))]
          .join("\n");
        const run = (f: () => unknown) => {
          try {
            return JSON.stringify(f());
          } catch (e) {
            return `error: ${(e as Error).message}`;
          }
        };
        assert.equal(run(() => parseRegistryCsv(text, { name: "r.csv" })), run(() => parseRegistrySlow(text, "r.csv")));
      },
    ),
    { seed: 42, numRuns: 300 },
  );
  // valid spellings only (every file then takes the fast path): the same rows as zod gives
  const valid = {
    centre: ["A", "B", " C "],
    wpn: ["3", "4", "3.0", "+3", "1e0"],
    pain_years: ["5.5", "100", "1e1", ".5", "0.3"],
    work: ["0", "1", "1.0"],
    pdi_pre: ["40", "0", "70", "-0", "12.5"],
    pdi_post: ["20", "12.25", " 30 ", "7e1"],
    psc_pre: ["", "NA", "50", ".", "na", "NaN"],
    hours: ["", "80", "1e3", "0"],
    year: ["", "2024", "1", "-3"],
  };
  fc.assert(
    fc.property(
      fc.array(fc.tuple(...keys.map((k) => fc.constantFrom(...valid[k]))), { minLength: 1, maxLength: 6 }),
      (rows) => {
        const text = [keys.join(","), ...rows.map((r) => r.join(","))].join("\n");
        assert.deepEqual(parseRegistryCsv(text, { name: "r.csv" }), parseRegistrySlow(text, "r.csv"));
      },
    ),
    { seed: 42, numRuns: 300 },
  );
  // and on the example extracts
  for (const f of ["simulated-registry.csv", "simulated-registry-nl.csv"]) {
    const text = Deno.readTextFileSync(repoPath(`data/registry/${f}`));
    assert.deepEqual(parseRegistryCsv(text, { name: f }), parseRegistrySlow(text, f));
  }
});
