/**
 * Long-format single-case data (CSV text → cases), read with the toolkit's one CSV reader
 * (`lib/io/csv.ts`): `,` `;` or tab separated, decimal commas (Dutch Excel), BOM and CRLF accepted.
 *
 * Data: columns `case, measurement, phase, value`; one row per measurement occasion; `value` empty
 * (or NA) = missing, kept in place. Measurements of a case must be 1..n without gaps (a missed
 * occasion is a row with an empty value, never a missing row).
 *
 * Starts: columns `set, start` (or `case, start` / `tier, start` / `participant, start`): one row
 * per possible start of B (1-based). Sets appear in order of first appearance: tiers for
 * Wampold–Worsham and Koehler–Levin, participants (in the order of the data) for Marascuilo–Busk.
 *
 * Errors name the file, the 1-based data row (and the line), the column and the rule.
 *
 * @example
 * const cases = parseScedCsv("case,measurement,phase,value\np1,1,A,5\np1,2,A,\np1,3,B,2\n");
 * cases[0].values; // [5, null, 2]
 * @module
 */
import { z } from "zod";
import { csvInteger, csvOptionalNumber, csvString, loadCsv, readCsv } from "../io/csv.ts";
import { fail, ValidationError } from "../validate.ts";
import { MAX_ABS_VALUE, VALUE_RULE } from "./_schemas.ts";

/** One case parsed from long-format data. */
export interface ScedCase {
  /** The case name (column `case`). */
  name: string;
  /** Values by measurement number; `null` = missing (kept in place). */
  values: (number | null)[];
  /** Phase label of each measurement (column `phase`). */
  labels: string[];
}

/** Options of {@link parseScedCsv} and {@link parseStartsCsv}. */
export interface ScedCsvOptions {
  /** The file name used in error messages (default `data.csv` / `starts.csv`). */
  name?: string;
}

const rowSchema = z.object({
  case: csvString(),
  measurement: csvInteger().pipe(z.number().int().min(1, { error: "must be a whole number >= 1" })),
  phase: csvString(),
  value: csvOptionalNumber().pipe(
    z.number().min(-MAX_ABS_VALUE, { error: VALUE_RULE }).max(MAX_ABS_VALUE, { error: VALUE_RULE }).nullable(),
  ),
});

/**
 * Parse long-format SCED data into cases (in order of first appearance), values by measurement.
 * @example parseScedCsv("case,measurement,phase,value\na,1,A,1\na,2,B,0\n")[0].labels // ["A", "B"]
 */
export function parseScedCsv(text: string, options: ScedCsvOptions = {}): ScedCase[] {
  const name = options?.name ?? "data.csv";
  const { rows } = loadCsv(text, rowSchema, { name });
  const byCase = new Map<string, { m: number; phase: string; value: number | null; row: number }[]>();
  rows.forEach((r, i) => {
    if (!byCase.has(r.case)) byCase.set(r.case, []);
    byCase.get(r.case)!.push({ m: r.measurement, phase: r.phase, value: r.value, row: i + 1 });
  });
  return [...byCase.entries()].map(([caseName, rs]) => {
    rs.sort((a, b) => a.m - b.m || a.row - b.row);
    rs.forEach((r, i) => {
      if (r.m !== i + 1) {
        const rule = r.m < i + 1
          ? `repeats measurement ${r.m} of case ${JSON.stringify(caseName)} (each occasion must appear once)`
          : `skips measurement ${i + 1} of case ${JSON.stringify(caseName)}: measurement numbers must run ` +
            "1..n without gaps (a missed occasion is a row with an empty value)";
        throw new ValidationError(name, [{
          path: `row ${r.row} (line ${r.row + 1}), column measurement`,
          rule,
          received: r.m,
          row: r.row,
        }]);
      }
    });
    return { name: caseName, values: rs.map((r) => r.value), labels: rs.map((r) => r.phase) };
  });
}

const SET_COLUMNS = ["set", "case", "tier", "participant"];

/**
 * Parse a starts file into start sets (in order of first appearance of `set`/`case`/`tier`/
 * `participant`), each sorted and without repeats.
 * @example parseStartsCsv("tier,start\n1,5\n1,6\n2,8\n") // [[5, 6], [8]]
 */
export function parseStartsCsv(text: string, options: ScedCsvOptions = {}): number[][] {
  const name = options?.name ?? "starts.csv";
  const { columns } = readCsv(text, { name });
  const keys = SET_COLUMNS.filter((k) => columns.includes(k));
  if (keys.length === 0 || !columns.includes("start")) {
    fail(
      name,
      "header",
      "must have a column set, case, tier or participant, and a column start",
      columns.join(","),
    );
  }
  if (keys.length > 1) {
    fail(name, "header", `must have only one of the columns set, case, tier, participant (found ${keys.join(", ")})`);
  }
  const key = keys[0];
  const schema = z.object({
    [key]: csvString(),
    start: csvInteger().pipe(
      z.number().int().min(2, { error: "must be a whole number >= 2 (B needs a baseline before it)" }),
    ),
  });
  const { rows } = loadCsv(text, schema, { name });
  const sets = new Map<string, number[]>();
  for (const r of rows as Record<string, string | number>[]) {
    const set = String(r[key]);
    if (!sets.has(set)) sets.set(set, []);
    sets.get(set)!.push(r.start as number);
  }
  return [...sets.values()].map((s) => [...new Set(s)].sort((a, b) => a - b));
}
