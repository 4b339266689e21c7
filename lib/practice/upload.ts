/**
 * Reading a registry extract (one row per patient) from CSV text, validated with zod. Errors name
 * the row, the line and the column, e.g.
 * `registry.csv: row 3 (line 4), column pdi_post must be <= 70, got 85`. Nothing is sent anywhere:
 * the text is parsed in memory (in the notebook, in the browser).
 *
 * Required columns: `centre, wpn, pain_years, work, pdi_pre, pdi_post`.
 * Optional: `year, hours, psc_pre, psc_post` (empty cells allowed).
 *
 * The text goes through the toolkit's one CSV reader (`lib/io/csv.ts`): a file saved by a Dutch
 * Excel (`;` separator, decimal comma) gives the same rows as the comma version, a BOM or CRLF
 * line ends are accepted, and a duplicated column (two `pdi_post`) is an error, never "the last
 * one wins".
 *
 * A national extract (10⁶ rows, CSV or Parquet, on disk) can also be read through DuckDB with
 * `readRegistryExtract(path)`: the same rules checked in SQL, the same rows and messages
 * (tests/practice/duckdb_test.ts), and per-centre aggregates computed in SQL. DuckDB is a native
 * library, loaded only when that function is called (in Deno, with file access; never in the
 * browser notebooks).
 *
 * @example
 * ```ts
 * import { parseRegistryCsv } from "./mod.ts";
 * const comma = parseRegistryCsv("centre,wpn,pain_years,work,pdi_pre,pdi_post\nA,3,5.5,0,40,28\n");
 * const dutch = parseRegistryCsv("centre;wpn;pain_years;work;pdi_pre;pdi_post\nA;3;5,5;0;40;28\n");
 * if (comma.rows[0].painYears !== 5.5 || dutch.rows[0].painYears !== 5.5) throw new Error("5.5 years");
 * ```
 * @module
 */
import { type CsvDialect, readCsv } from "../io/csv.ts";
import { fail } from "../validate.ts";
import { fastRows, parseRegistrySlow, summarise } from "./_upload.ts";
import type { RegistryRow } from "./benchmark.ts";
export {
  type ExtractCentre,
  type ReadExtractOptions,
  readRegistryExtract,
  type RegistryExtract,
  writeRegistryParquet,
} from "./_duckdb.ts";

/** One column of a registry extract. */
export interface RegistryColumn {
  /** Column name as in the header. */
  column: string;
  /** Whether the column must be present. */
  required: boolean;
  /** The rule in words. */
  rule: string;
}

/** The columns of a registry extract, with their rules (shown in the notebook). */
export const REGISTRY_COLUMNS: readonly RegistryColumn[] = [
  { column: "centre", required: true, rule: "centre name or code (text)" },
  { column: "wpn", required: true, rule: "WPN level, whole number 1-4 (IMSR: 3 or 4)" },
  { column: "pain_years", required: true, rule: "pain duration in years, > 0" },
  { column: "work", required: true, rule: "in paid work at baseline: 0 or 1" },
  { column: "pdi_pre", required: true, rule: "Pain Disability Index before treatment, 0-70" },
  { column: "pdi_post", required: true, rule: "Pain Disability Index after treatment, 0-70" },
  {
    column: "psc_pre",
    required: false,
    rule: "Patient Specific Complaints (VAS 0-100, mean of 3 activities) before, may be empty",
  },
  { column: "psc_post", required: false, rule: "PSC after treatment, 0-100, may be empty" },
  { column: "hours", required: false, rule: "contact hours, >= 0, may be empty" },
  { column: "year", required: false, rule: "registry year, whole number, may be empty" },
];

/** Result of {@link parseRegistryCsv}. */
export interface ParsedRegistry {
  /** One row per patient. */
  rows: RegistryRow[];
  /** Centre names, sorted. */
  centres: string[];
  /** PSC before and after are present for every patient. */
  hasPsc: boolean;
  /** Contact hours are present for some patients. */
  hasHours: boolean;
  /** How the file was written (separator and decimal mark). */
  dialect: CsvDialect;
}

/** Options of {@link parseRegistryCsv}. */
export interface ParseRegistryOptions {
  /** File name used in messages (default "registry.csv"). */
  name?: string;
}

/**
 * Parse and validate a registry extract. Throws a ValidationError naming every missing column, or
 * every bad cell by row, line and column (up to 20).
 *
 * A national extract of 10⁶ rows is read through a fast path: the one CSV reader, then every cell
 * checked against the same rules with plain comparisons (numbers only in their plain decimal
 * spelling). Any file the fast path does not accept as a whole is read again cell by cell with
 * the zod schema, so the messages, and the rows of valid files, are the same either way
 * (tests/practice/upload_test.ts).
 */
export function parseRegistryCsv(text: string, options: ParseRegistryOptions = {}): ParsedRegistry {
  if (typeof text !== "string") fail("parseRegistryCsv", "text", "must be the CSV text (a string)", typeof text);
  for (const k of Object.keys(options ?? {})) {
    if (k !== "name") fail("parseRegistryCsv", "options", `has unknown field(s) ${k}`);
  }
  const name = options.name ?? "registry.csv";
  const csv = readCsv(text, { name });
  const fast = fastRows(csv.rows, csv.columns);
  if (fast) return summarise(fast, csv.columns, csv.dialect);
  return parseRegistrySlow(text, name);
}
