/**
 * Long-format single-case data (CSV text → cases), parsed with lib/io/csv.ts.
 *
 * Data: columns `case, measurement, phase, value`; one row per measurement occasion; `value` empty
 * (or NA) = missing, kept in place. Measurements of a case must be 1..n without gaps (a missed
 * occasion is a row with an empty value, never a missing row).
 *
 * Starts: columns `set, start` (or `case, start` / `tier, start`): one row per possible start of B
 * (1-based). Sets appear in order of first appearance: tiers for Wampold–Worsham and
 * Koehler–Levin, participants (in the order of the data) for Marascuilo–Busk.
 *
 * @example
 * const cases = parseScedCsv("case,measurement,phase,value\np1,1,A,5\np1,2,A,\np1,3,B,2\n");
 * cases[0].values; // [5, null, 2]
 * @module
 */
import { z } from "zod";
import { csvInteger, csvOptionalNumber, csvString, loadCsv } from "../io/csv.ts";
import { fail } from "../validate.ts";

/** One case parsed from long-format data. */
export interface ScedCase {
  name: string;
  values: (number | null)[];
  labels: string[];
}

const rowSchema = z.object({
  case: csvString(),
  measurement: csvInteger().pipe(z.number().int().min(1)),
  phase: csvString(),
  value: csvOptionalNumber(),
});

/**
 * Parse long-format SCED data into cases (in order of first appearance), values by measurement.
 * @example parseScedCsv("case,measurement,phase,value\na,1,A,1\na,2,B,0\n")[0].labels // ["A", "B"]
 */
export function parseScedCsv(text: string, name = "data.csv"): ScedCase[] {
  const { rows } = loadCsv(text, rowSchema, { name });
  const byCase = new Map<string, { m: number; phase: string; value: number | null; line: number }[]>();
  rows.forEach((r, i) => {
    if (!byCase.has(r.case)) byCase.set(r.case, []);
    byCase.get(r.case)!.push({ m: r.measurement, phase: r.phase, value: r.value, line: i + 2 });
  });
  return [...byCase.entries()].map(([caseName, rs]) => {
    rs.sort((a, b) => a.m - b.m);
    rs.forEach((r, i) => {
      if (r.m !== i + 1) {
        fail(
          name,
          `case ${caseName}, line ${r.line}`,
          `measurement numbers must run 1..n without gaps or repeats (expected ${
            i + 1
          }; a missed occasion is a row with an empty value)`,
          r.m,
        );
      }
    });
    return { name: caseName, values: rs.map((r) => r.value), labels: rs.map((r) => r.phase) };
  });
}

const startSchema = z.object({
  set: csvString(),
  start: csvInteger().pipe(z.number().int().min(2)),
});

/**
 * Parse a starts file into start sets (in order of first appearance of `set`/`case`/`tier`).
 * @example parseStartsCsv("tier,start\n1,5\n1,6\n2,8\n") // [[5, 6], [8]]
 */
export function parseStartsCsv(text: string, name = "starts.csv"): number[][] {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0];
  const key = ["set", "case", "tier", "participant"].find((k) => header.split(",").map((h) => h.trim()).includes(k));
  if (!key) fail(name, "header", "must have a column set, case, tier or participant, and a column start", header);
  const renamed = text.replace(/^\uFEFF/, "").replace(
    header,
    header.split(",").map((h) => (h.trim() === key ? "set" : h)).join(","),
  );
  const { rows } = loadCsv(renamed, startSchema, { name });
  const sets = new Map<string, number[]>();
  for (const r of rows) {
    if (!sets.has(r.set)) sets.set(r.set, []);
    sets.get(r.set)!.push(r.start);
  }
  return [...sets.values()].map((s) => [...new Set(s)].sort((a, b) => a - b));
}
