/**
 * Reading a registry extract (one row per patient) from CSV text, validated with zod. Errors name
 * the row, the line and the column, e.g.
 * `registry.csv: row 3 (line 4), column pdi_post must be <= 70, got 85`. Nothing is sent anywhere:
 * the text is parsed in memory (in the notebook, in the browser).
 *
 * Required columns: `centre, wpn, pain_years, work, pdi_pre, pdi_post`.
 * Optional: `year, hours, psc_pre, psc_post` (empty cells allowed).
 *
 * @example
 * const { rows } = parseRegistryCsv("centre,wpn,pain_years,work,pdi_pre,pdi_post\nA,3,5,0,40,28\n");
 * rows[0].pdiPre; // 40
 * @module
 */
import { z } from "zod";
import { csvInteger, csvNumber, csvOptionalNumber, csvString, loadCsv } from "../io/csv.ts";
import type { RegistryRow } from "./benchmark.ts";

/** The columns of a registry extract, with their rules (shown in the notebook). */
export const REGISTRY_COLUMNS = [
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
] as const;

const pdi = () => csvNumber().pipe(z.number().min(0).max(70));
const psc = () => csvOptionalNumber().pipe(z.number().min(0).max(100).nullable());

/** zod schema of one CSV row of a registry extract (cells are strings). */
export const registryCsvRow = z.object({
  centre: csvString(),
  wpn: csvInteger().pipe(z.number().min(1).max(4)),
  pain_years: csvNumber().pipe(z.number().gt(0).max(100)),
  work: csvInteger().pipe(z.union([z.literal(0), z.literal(1)], { error: "must be 0 or 1" })),
  pdi_pre: pdi(),
  pdi_post: pdi(),
  psc_pre: psc().optional(),
  psc_post: psc().optional(),
  hours: csvOptionalNumber().pipe(z.number().min(0).max(2000).nullable()).optional(),
  year: csvOptionalNumber().pipe(z.number().int().nullable()).optional(),
});

/** Result of {@link parseRegistryCsv}. */
export interface ParsedRegistry {
  rows: RegistryRow[];
  centres: string[];
  /** Which optional columns were present. */
  hasPsc: boolean;
  hasHours: boolean;
}

/**
 * Parse and validate a registry extract. Throws a ValidationError naming every missing column, or
 * every bad cell by row, line and column (up to 20).
 * @example parseRegistryCsv(text, { name: "my-extract.csv" }).centres
 */
export function parseRegistryCsv(text: string, options: { name?: string } = {}): ParsedRegistry {
  const { rows, columns } = loadCsv(text, registryCsvRow, { name: options.name ?? "registry.csv" });
  const out: RegistryRow[] = rows.map((r) => ({
    centre: r.centre,
    wpn: r.wpn,
    painYears: r.pain_years,
    work: r.work,
    pdiPre: r.pdi_pre,
    pdiPost: r.pdi_post,
    pscPre: r.psc_pre ?? null,
    pscPost: r.psc_post ?? null,
    hours: r.hours ?? null,
    year: r.year ?? null,
  }));
  return {
    rows: out,
    centres: [...new Set(out.map((r) => r.centre))].sort(),
    hasPsc: columns.includes("psc_pre") && columns.includes("psc_post") &&
      out.every((r) => r.pscPre != null && r.pscPost != null),
    hasHours: columns.includes("hours") && out.some((r) => r.hours != null),
  };
}
