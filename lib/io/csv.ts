/**
 * CSV loading: text -> rows validated with a zod schema per table kind -> arquero table.
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
 * const { rows, table } = loadCsv("study,yi,vi\nA,0.5,0.04\n", schema, { name: "demo.csv" });
 * @module
 */
// @ts-types="@types/d3-dsv"
import { csvParse, csvParseRows } from "d3-dsv";
import { from as arqueroFrom } from "arquero";
import { z } from "zod";
import { type Issue, ValidationError, zodIssues } from "../validate.ts";

const MISSING = new Set(["", "NA", "na", "NaN", "."]);

/** A CSV cell that must hold a number ("1.5", "-2", "1e-3"); empty or "NA" is an error. */
export function csvNumber() {
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
export function csvOptionalNumber() {
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
export function csvInteger() {
  return csvNumber().pipe(z.number().int({ error: "must be a whole number" }));
}

/** A CSV cell holding a non-empty string (trimmed). */
export function csvString() {
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

/** Result of {@link loadCsv}: validated rows and the same data as an arquero table. */
export interface LoadedCsv<T> {
  rows: T[];
  // deno-lint-ignore no-explicit-any
  table: any;
  columns: string[];
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

/**
 * Parse CSV `text`, validate each row with `rowSchema`, and return the rows plus an arquero table.
 * Throws a {@link ValidationError} listing missing columns, or every bad cell with its row and column.
 */
export function loadCsv<S extends z.ZodType>(
  text: string,
  rowSchema: S,
  options: LoadCsvOptions = {},
): LoadedCsv<z.output<S>> {
  const name = options.name ?? "CSV";
  const maxIssues = options.maxIssues ?? 20;
  if (typeof text !== "string") throw new ValidationError(name, [{ path: "text", rule: "must be a string" }]);
  const clean = text.replace(/^\uFEFF/, "");
  const header = csvParseRows(clean.split(/\r?\n/, 1)[0] ?? "")[0] ?? [];
  const columns = header.map((h) => h.trim());
  const needed = options.required ?? requiredKeys(rowSchema);
  const missing = needed.filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new ValidationError(name, [{
      path: "header",
      rule: `is missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (found: ${
        columns.join(", ") || "none"
      })`,
    }]);
  }
  const raw = csvParse(clean, (d) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(d)) out[k.trim()] = v ?? "";
    return out;
  });
  const rows: z.output<S>[] = [];
  const issues: Issue[] = [];
  raw.forEach((row, i) => {
    if (issues.length >= maxIssues) return;
    const res = rowSchema.safeParse(row);
    if (res.success) rows.push(res.data);
    else {
      for (const issue of zodIssues(res.error, row)) {
        if (issues.length >= maxIssues) break;
        issues.push({ ...issue, path: `row ${i + 1} (line ${i + 2}), column ${issue.path || "?"}` });
      }
    }
  });
  if (issues.length) throw new ValidationError(name, issues);
  if (rows.length === 0) {
    throw new ValidationError(name, [{ path: "rows", rule: "must contain at least one data row" }]);
  }
  const table = arqueroFrom(rows as Record<string, unknown>[]);
  return { rows, table, columns };
}
