/**
 * The two readings of a registry extract behind `parseRegistryCsv` (internal): the fast path
 * (plain checks of every cell, numbers only in their plain decimal spelling) and the cell-by-cell
 * zod reading that any file the fast path does not accept whole goes through.
 * @module
 */
import { type CsvDialect, loadCsv } from "../io/csv.ts";
import { registryCsvRow } from "./_schemas.ts";
import type { RegistryRow } from "./benchmark.ts";
import type { ParsedRegistry } from "./upload.ts";

/** The cell-by-cell (zod) reading of `parseRegistryCsv` (internal; tests compare the two paths). */
export function parseRegistrySlow(text: string, name: string): ParsedRegistry {
  const { rows, columns, dialect } = loadCsv(text, registryCsvRow, { name });
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
  return summarise(out, columns, dialect);
}

export function summarise(out: RegistryRow[], columns: readonly string[], dialect: CsvDialect): ParsedRegistry {
  return {
    rows: out,
    centres: [...new Set(out.map((r) => r.centre))].sort(),
    hasPsc: columns.includes("psc_pre") && columns.includes("psc_post") &&
      out.every((r) => r.pscPre != null && r.pscPost != null),
    hasHours: columns.includes("hours") && out.some((r) => r.hours != null),
    dialect,
  };
}

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NA = new Set(["", "NA", "na", "NaN", "."]);

/** Registry rows from string cells when every cell passes the schema's rules, else null. */
export function fastRows(raw: readonly Record<string, string>[], columns: readonly string[]): RegistryRow[] | null {
  const need = ["centre", "wpn", "pain_years", "work", "pdi_pre", "pdi_post"];
  if (raw.length === 0 || need.some((c) => !columns.includes(c))) return null;
  const has = (c: string) => columns.includes(c);
  const hasPscPre = has("psc_pre"), hasPscPost = has("psc_post"), hasHours = has("hours"), hasYear = has("year");
  const num = (v: string | undefined): number | null => (v !== undefined && PLAIN.test(v) ? Number(v) : null);
  const opt = (v: string | undefined): number | null | false => {
    if (v === undefined || NA.has(v)) return null;
    return PLAIN.test(v) ? Number(v) : false;
  };
  const out: RegistryRow[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const centre = r.centre;
    const wpn = num(r.wpn), py = num(r.pain_years), work = num(r.work), pre = num(r.pdi_pre), post = num(r.pdi_post);
    if (!centre || wpn === null || py === null || work === null || pre === null || post === null) return null;
    if (!Number.isInteger(wpn) || wpn < 1 || wpn > 4) return null;
    if (!(py > 0 && py <= 100) || (work !== 0 && work !== 1)) return null;
    if (!(pre >= 0 && pre <= 70 && post >= 0 && post <= 70)) return null;
    const pscPre = hasPscPre ? opt(r.psc_pre) : null;
    const pscPost = hasPscPost ? opt(r.psc_post) : null;
    const hours = hasHours ? opt(r.hours) : null;
    const year = hasYear ? opt(r.year) : null;
    if (pscPre === false || pscPost === false || hours === false || year === false) return null;
    if (pscPre !== null && !(pscPre >= 0 && pscPre <= 100)) return null;
    if (pscPost !== null && !(pscPost >= 0 && pscPost <= 100)) return null;
    if (hours !== null && !(hours >= 0 && hours <= 2000)) return null;
    if (year !== null && !Number.isInteger(year)) return null;
    out[i] = { centre, wpn, painYears: py, work, pdiPre: pre, pdiPost: post, pscPre, pscPost, hours, year };
  }
  return out;
}
