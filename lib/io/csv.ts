/**
 * CSV loading: text -> rows validated with a zod schema per table kind.
 *
 * Errors name the row (1-based data row, and the line in the file), the column and the rule:
 * `demo.csv: row 3 (line 4), column pre must be >= 0, got -2`.
 *
 * Cells arrive as strings; use {@link csvNumber}, {@link csvOptionalNumber} and
 * {@link csvInteger} in row schemas so that "" means "missing" (never silently 0) and "abc" is an
 * error naming the column.
 *
 * @example
 * const schema = z.object({ study: z.string().min(1), yi: csvNumber(), vi: csvNumber().pipe(z.number().nonnegative()) });
 * const { rows } = loadCsv("study,yi,vi\nA,0.5,0.04\n", schema, { name: "demo.csv" });
 * @module
 */
// @ts-types="@types/d3-dsv"
import { dsvFormat } from "d3-dsv";
import { z } from "zod";
import { type Issue, ValidationError, zodIssues } from "../validate.ts";

const MISSING = new Set(["", "NA", "na", "NaN", "."]);

/** A CSV cell that must hold a number ("1.5", "-2", "1e-3"); empty or "NA" is an error. */
export function csvNumber(): z.ZodType<number> {
  return z.preprocess(
    (v) => {
      if (typeof v === "number") return v;
      if (typeof v !== "string") return v;
      const s = v.trim();
      if (MISSING.has(s)) return undefined;
      const n = Number(s);
      return Number.isNaN(n) ? s : n;
    },
    z.number({ error: (iss) => (iss.input === undefined ? "is missing (a number is required)" : "must be a number") }),
  );
}

/** A CSV cell holding a number or nothing: "" and "NA" become `null` (kept, never dropped). */
export function csvOptionalNumber(): z.ZodType<number | null> {
  return z.preprocess((v) => {
    if (typeof v === "number") return v;
    if (v === undefined || v === null) return null;
    if (typeof v !== "string") return v;
    const s = v.trim();
    if (MISSING.has(s)) return null;
    const n = Number(s);
    return Number.isNaN(n) ? s : n;
  }, z.number({ error: "must be a number or empty" }).nullable());
}

/** A CSV cell holding a whole number. */
export function csvInteger(): z.ZodType<number> {
  return csvNumber().pipe(z.number().int({ error: "must be a whole number" }));
}

/** A CSV cell holding a non-empty string (trimmed). */
export function csvString(): z.ZodType<string> {
  return z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1, { error: "must not be empty" }));
}

/** Options for {@link loadCsv}. */
export interface LoadCsvOptions {
  /** The file name, used in error messages. */
  name?: string;
  /** Columns that must be present in the header (checked before any row). */
  required?: readonly string[];
  /** Stop collecting after this many problems (default 20). */
  maxIssues?: number;
}

/** Result of {@link loadCsv}: validated rows, the header and the detected dialect. */
export interface LoadedCsv<T> {
  /** The validated rows. */
  rows: T[];
  /** Column names as in the header. */
  columns: string[];
  /** The detected separator and decimal mark. */
  dialect: CsvDialect;
}

function requiredKeys(schema: z.ZodType): string[] {
  // deno-lint-ignore no-explicit-any
  const shape = (schema as any).shape ?? (schema as any)._zod?.def?.shape;
  if (!shape) return [];
  return Object.entries(shape)
    // deno-lint-ignore no-explicit-any
    .filter(([, s]) => !(s as any).safeParse(undefined).success)
    .map(([k]) => k);
}

/** How a CSV file was written: its field separator and decimal mark. */
export interface CsvDialect {
  /** `","`, `";"` or `"\t"`. */
  delimiter: "," | ";" | "\t";
  /** `"."`, or `","` for files saved by a Dutch (or other continental) Excel. */
  decimal: "." | ",";
  /** A sentence for the user, e.g. `separator ";" and decimal comma (Dutch Excel)`. */
  description: string;
}

/** A CSV read into string cells: header, rows keyed by column, and the detected dialect. */
export interface RawCsv {
  /** Column names as in the header (trimmed). */
  columns: string[];
  /** Data rows; every cell is a string (trimmed); decimal commas already turned into points. */
  rows: Record<string, string>[];
  /** The detected separator and decimal mark. */
  dialect: CsvDialect;
}

const DECIMAL_COMMA = /^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+([eE][+-]?\d+)?$/;

/** Split text into records at line breaks outside quotes (a quoted cell may hold a line break). */
function records(text: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === "\n" && !quoted) {
      out.push(text.slice(start, i > start && text[i - 1] === "\r" ? i - 1 : i));
      start = i + 1;
      if (out.length > 40) return out;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ch) n++;
  }
  return n;
}

/**
 * Detect the separator (`,` `;` or tab) from the first lines, and a decimal comma (cells such as
 * `1,5` in a `;`- or tab-separated file). Throws a `ValidationError` naming the separator problem
 * when the lines disagree.
 */
export function detectDialect(text: string, name = "CSV"): CsvDialect {
  const lines = records(text).filter((l) => l.trim() !== "").slice(0, 20);
  if (lines.length === 0) throw new ValidationError(name, [{ path: "file", rule: "is empty (no header line)" }]);
  const candidates = [",", ";", "\t"] as const;
  const counts = candidates.map((c) => lines.map((l) => countOutsideQuotes(l, c)));
  // a separator that gives every line the header's count (> 0) wins; prefer ; and tab over , (a
  // Dutch file has commas inside its numbers)
  const consistent = candidates.filter((_, i) => counts[i][0] > 0 && counts[i].every((n) => n === counts[i][0]));
  let delimiter: CsvDialect["delimiter"];
  if (consistent.includes("\t")) delimiter = "\t";
  else if (consistent.includes(";")) delimiter = ";";
  else if (consistent.includes(",")) delimiter = ",";
  else {
    const header = counts.map((c) => c[0]);
    const best = header.indexOf(Math.max(...header));
    if (header[best] === 0) delimiter = ",";
    else {
      const sep = candidates[best] === "\t" ? "tab" : `"${candidates[best]}"`;
      const bad = counts[best].findIndex((n) => n !== counts[best][0]);
      throw new ValidationError(name, [{
        path: `line ${bad + 1}`,
        rule: `has ${counts[best][bad]} separators (${sep}) where the header has ${
          counts[best][0]
        }: check the separator (",", ";" or tab) and quote cells that contain it`,
      }]);
    }
  }
  let decimal: CsvDialect["decimal"] = ".";
  if (delimiter !== ",") {
    const cells = lines.slice(1).flatMap((l) => l.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, "")));
    if (cells.some((c) => DECIMAL_COMMA.test(c))) decimal = ",";
  }
  const sepName = delimiter === "\t" ? "tab" : `"${delimiter}"`;
  const description = decimal === ","
    ? `separator ${sepName} and decimal comma (as Dutch Excel saves CSV)`
    : `separator ${sepName} and decimal point`;
  return { delimiter, decimal, description };
}

/**
 * Read CSV text into string cells: detects the dialect (`,` `;` tab; decimal comma), strips a
 * BOM, accepts CRLF, trims cells and refuses a duplicated or empty column name (a file with two
 * `yi` columns is an error, never "the last one wins").
 */
export function readCsv(text: string, options: { name?: string } = {}): RawCsv {
  const name = options.name ?? "CSV";
  if (typeof text !== "string") throw new ValidationError(name, [{ path: "text", rule: "must be a string" }]);
  const clean = text.replace(/^\uFEFF/, "");
  const dialect = detectDialect(clean, name);
  const parsed = dsvFormat(dialect.delimiter).parseRows(clean);
  const nonEmpty = parsed.filter((r) => r.some((c) => c.trim() !== ""));
  const columns = (nonEmpty[0] ?? []).map((h) => h.trim());
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  columns.forEach((c, i) => {
    if (c === "") issues.push({ path: "header", rule: `column ${i + 1} has no name` });
    else if (seen.has(c)) {
      issues.push({ path: "header", rule: `has column "${c}" twice (columns ${seen.get(c)! + 1} and ${i + 1})` });
    } else seen.set(c, i);
  });
  if (issues.length) throw new ValidationError(name, issues);
  const rows = nonEmpty.slice(1).map((r, i) => {
    if (r.length > columns.length && r.slice(columns.length).some((c) => c.trim() !== "")) {
      throw new ValidationError(name, [{
        path: `row ${i + 1} (line ${i + 2})`,
        rule:
          `has ${r.length} cells where the header has ${columns.length} (check the separator: ${dialect.description})`,
      }]);
    }
    const out: Record<string, string> = {};
    columns.forEach((c, j) => {
      let v = (r[j] ?? "").trim();
      if (dialect.decimal === "," && DECIMAL_COMMA.test(v)) v = v.replace(/\./g, "").replace(",", ".");
      out[c] = v;
    });
    return out;
  });
  return { columns, rows, dialect };
}

/**
 * Why the columns of a file may not be the expected ones: with one column, or a separator other
 * than a comma, say how the file was read ("" otherwise). Shared with the DuckDB extract reader.
 */
export function dialectNote(columns: readonly string[], dialect: CsvDialect | null | undefined): string {
  return dialect && (columns.length === 1 || dialect.delimiter !== ",")
    ? `; the file was read with ${dialect.description}`
    : "";
}

/** The error for required columns missing from a file's header (the columns found, and {@link dialectNote}). */
export function missingColumnsError(
  name: string,
  missing: readonly string[],
  columns: readonly string[],
  dialect: CsvDialect | null | undefined,
): ValidationError {
  return new ValidationError(name, [{
    path: "header",
    rule: `is missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (found: ${
      columns.join(", ") || "none"
    })${dialectNote(columns, dialect)}`,
  }]);
}

/**
 * Parse CSV `text`, validate each row with `rowSchema`, and return the rows, the header and the dialect.
 * Throws a {@link ValidationError} listing missing columns, or every bad cell with its row and column.
 * The dialect (separator, decimal comma) is detected as in {@link readCsv}.
 */
export function loadCsv<S extends z.ZodType>(
  text: string,
  rowSchema: S,
  options: LoadCsvOptions = {},
): LoadedCsv<z.output<S>> {
  const name = options.name ?? "CSV";
  const maxIssues = options.maxIssues ?? 20;
  const { columns, rows: raw, dialect } = readCsv(text, { name });
  const needed = options.required ?? requiredKeys(rowSchema);
  const missing = needed.filter((c) => !columns.includes(c));
  if (missing.length) throw missingColumnsError(name, missing, columns, dialect);
  const rows: z.output<S>[] = [];
  const issues: Issue[] = [];
  raw.forEach((row, i) => {
    if (issues.length >= maxIssues) return;
    const res = rowSchema.safeParse(row);
    if (res.success) rows.push(res.data);
    else {
      for (const issue of zodIssues(res.error, row)) {
        if (issues.length >= maxIssues) break;
        issues.push({ ...issue, path: `row ${i + 1} (line ${i + 2}), column ${issue.path || "?"}`, row: i + 1 });
      }
    }
  });
  if (issues.length) throw new ValidationError(name, issues);
  if (rows.length === 0) {
    throw new ValidationError(name, [{ path: "rows", rule: "must contain at least one data row" }]);
  }
  return { rows, columns, dialect };
}
