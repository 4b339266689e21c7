/**
 * Loaders for the evidence data: each parses CSV text with its zod row schema (through
 * `lib/io/csv.ts`), so the CLI, the tests and the notebooks share one code path. {@link loadEvidence}
 * reads every file through a reader you pass (Deno.readTextFile in the CLI, FileAttachment in a
 * notebook), so this module does no I/O itself.
 *
 * In a notebook, pass the `FileAttachment`s to {@link loadEvidenceAttachments} (FileAttachment needs
 * literal paths, so the notebook lists them; everything else happens here).
 *
 * @example
 * const ev = await loadEvidence((file) => Deno.readTextFile(`data/${file}`));
 * ev.estimates.length; // 221
 * @module
 */
import { loadCsv } from "../io/csv.ts";
import { ValidationError } from "../validate.ts";
import {
  type Assumption,
  assumptionRow,
  type DirectionRow,
  directionRow,
  type Estimate,
  estimateRow,
  type Instrument,
  instrumentRow,
  type PopulationRow,
  populationRow,
  type SmcRow,
  smcRow,
  type Study,
  studyRow,
  type SubgroupRow,
  subgroupRow,
  type SubgroupTestRow,
  subgroupTestRow,
  type TableRow,
  tableRow,
} from "./_schemas.ts";

/** Every evidence table of the seed, parsed. */
export interface Evidence {
  /** `tables.csv`: the seed's tables and their expected row counts. */
  tables: TableRow[];
  /** `studies.csv`: the studies of chapter 4a. */
  studies: Study[];
  /** `estimates.csv`: every reported number of chapters 4a and 4b. */
  estimates: Estimate[];
  /** `smc_review.csv`: the 4c review table. */
  smc: SmcRow[];
  /** `smc_direction.csv`: direction-of-effect counts. */
  directions: DirectionRow[];
  /** `smc_subgroups.csv`: subgroup estimates. */
  subgroups: SubgroupRow[];
  /** `smc_subgroup_tests.csv`: subgroup-difference tests. */
  subgroupTests: SubgroupTestRow[];
  /** `population_comparison.csv`: section 3b. */
  population: PopulationRow[];
  /** `assumptions.csv`: labelled assumptions (never data). */
  assumptions: Assumption[];
  /** `data/instruments.csv`: outcome measures and MCIDs. */
  instruments: Instrument[];
}

/** The keys of {@link Evidence}, one per file. */
export type EvidenceFile =
  | "tables"
  | "studies"
  | "estimates"
  | "smc"
  | "directions"
  | "subgroups"
  | "subgroupTests"
  | "population"
  | "assumptions"
  | "instruments";

/** The files {@link loadEvidence} reads, relative to `data/`. */
export const EVIDENCE_FILES: Readonly<Record<EvidenceFile, string>> = {
  tables: "evidence/tables.csv",
  studies: "evidence/studies.csv",
  estimates: "evidence/estimates.csv",
  smc: "evidence/smc_review.csv",
  directions: "evidence/smc_direction.csv",
  subgroups: "evidence/smc_subgroups.csv",
  subgroupTests: "evidence/smc_subgroup_tests.csv",
  population: "evidence/population_comparison.csv",
  assumptions: "evidence/assumptions.csv",
  instruments: "instruments.csv",
};

function uniqueIds<T>(rows: T[], key: (r: T) => string, name: string): T[] {
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const k = key(r);
    if (seen.has(k)) {
      throw new ValidationError(name, [{
        path: `row ${i + 1} (line ${i + 2}), column ${name === "tables.csv" ? "table_id" : "id"}`,
        row: i + 1,
        rule: `must be unique (also used by row ${seen.get(k)! + 1})`,
        received: k,
      }]);
    }
    seen.set(k, i);
  });
  return rows;
}

/** Parse `estimates.csv`. @example parseEstimates(text)[0].statistic // "n" */
export function parseEstimates(text: string): Estimate[] {
  return uniqueIds(loadCsv(text, estimateRow, { name: "estimates.csv" }).rows, (r) => r.id, "estimates.csv");
}
/** Parse `studies.csv` (unique on study and table). @example parseStudies(text).length // 24 */
export function parseStudies(text: string): Study[] {
  return uniqueIds(
    loadCsv(text, studyRow, { name: "studies.csv" }).rows,
    (r) => `${r.study_id}@${r.table_id}`,
    "studies.csv",
  );
}
/** Parse `smc_review.csv`. @example parseSmc(text).length // 30 */
export function parseSmc(text: string): SmcRow[] {
  return uniqueIds(loadCsv(text, smcRow, { name: "smc_review.csv" }).rows, (r) => r.id, "smc_review.csv");
}
/** Parse `smc_direction.csv`. @example parseDirections(text).length // 10 */
export function parseDirections(text: string): DirectionRow[] {
  return uniqueIds(loadCsv(text, directionRow, { name: "smc_direction.csv" }).rows, (r) => r.id, "smc_direction.csv");
}
/** Parse `smc_subgroups.csv`. @example parseSubgroups(text).length // 8 */
export function parseSubgroups(text: string): SubgroupRow[] {
  return uniqueIds(loadCsv(text, subgroupRow, { name: "smc_subgroups.csv" }).rows, (r) => r.id, "smc_subgroups.csv");
}
/** Parse `smc_subgroup_tests.csv`. @example parseSubgroupTests(text).length // 2 */
export function parseSubgroupTests(text: string): SubgroupTestRow[] {
  return uniqueIds(
    loadCsv(text, subgroupTestRow, { name: "smc_subgroup_tests.csv" }).rows,
    (r) => r.id,
    "smc_subgroup_tests.csv",
  );
}
/** Parse `population_comparison.csv`. @example parsePopulation(text).length // 12 */
export function parsePopulation(text: string): PopulationRow[] {
  return uniqueIds(
    loadCsv(text, populationRow, { name: "population_comparison.csv" }).rows,
    (r) => r.id,
    "population_comparison.csv",
  );
}
/** Parse `assumptions.csv`. @example parseAssumptions(text)[0].id // "leeuw2008-n-exp" */
export function parseAssumptions(text: string): Assumption[] {
  return uniqueIds(loadCsv(text, assumptionRow, { name: "assumptions.csv" }).rows, (r) => r.id, "assumptions.csv");
}
/** Parse `tables.csv`. @example parseTables(text).map((t) => t.table_id) */
export function parseTables(text: string): TableRow[] {
  return uniqueIds(loadCsv(text, tableRow, { name: "tables.csv" }).rows, (r) => r.table_id, "tables.csv");
}
/** Parse `data/instruments.csv`. @example parseInstruments(text).find((i) => i.instrument === "PDI") */
export function parseInstruments(text: string): Instrument[] {
  return uniqueIds(
    loadCsv(text, instrumentRow, { name: "instruments.csv" }).rows,
    (r) => r.instrument,
    "instruments.csv",
  );
}

/**
 * Read and parse every evidence file with `read(pathRelativeToData)`, and check that each
 * estimate's study exists in `studies.csv` for the same table.
 * @example
 * const ev = await loadEvidence((f) => Deno.readTextFile(new URL(`../../data/${f}`, import.meta.url)));
 */
export async function loadEvidence(read: (file: string) => string | Promise<string>): Promise<Evidence> {
  if (typeof read !== "function") {
    throw new ValidationError("loadEvidence", [{ path: "read", rule: "must be a function (file) => text" }]);
  }
  const text = async (k: EvidenceFile) => {
    const t = await read(EVIDENCE_FILES[k]);
    if (typeof t !== "string") {
      throw new ValidationError("loadEvidence", [{
        path: EVIDENCE_FILES[k],
        rule: "must be read as text",
        received: typeof t,
      }]);
    }
    return t;
  };
  const ev: Evidence = {
    tables: parseTables(await text("tables")),
    studies: parseStudies(await text("studies")),
    estimates: parseEstimates(await text("estimates")),
    smc: parseSmc(await text("smc")),
    directions: parseDirections(await text("directions")),
    subgroups: parseSubgroups(await text("subgroups")),
    subgroupTests: parseSubgroupTests(await text("subgroupTests")),
    population: parsePopulation(await text("population")),
    assumptions: parseAssumptions(await text("assumptions")),
    instruments: parseInstruments(await text("instruments")),
  };
  const studyKeys = new Set(ev.studies.map((s) => `${s.study_id}@${s.table_id}`));
  const bad = ev.estimates
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.table_id.startsWith("4a") && !studyKeys.has(`${e.study_id}@${e.table_id}`));
  if (bad.length) {
    throw new ValidationError(
      "estimates.csv",
      bad.map(({ e, i }) => ({
        path: `row ${i + 1} (line ${i + 2}), column study_id`,
        row: i + 1,
        rule: `must name a study of table ${e.table_id} in studies.csv`,
        received: e.study_id,
      })),
    );
  }
  return ev;
}

/**
 * Row counts per table id, across all files, for comparison with `tables.csv`'s expected_rows.
 * @example countRows(ev)["4c-smc"] // 30
 */
export function countRows(ev: Evidence): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (id: string) => (out[id] = (out[id] ?? 0) + 1);
  ev.estimates.forEach((r) => add(r.table_id));
  for (const rows of [ev.smc, ev.directions, ev.subgroups, ev.subgroupTests, ev.population]) {
    rows.forEach((r) => add(r.table_id));
  }
  ev.studies.forEach(() => add("studies"));
  return out;
}

/** A file a notebook attaches: Notebook Kit's `FileAttachment("../data/evidence/tables.csv")`. */
export interface AttachedFile {
  /** The file's text. */
  text(): Promise<string>;
}

/**
 * Load the evidence from a notebook's file attachments, one per key of {@link EVIDENCE_FILES}
 * (a notebook build renames the files, so they are matched by key, not by name). A missing key is
 * a `ValidationError` naming it and its file.
 * @example
 * const ev = await loadEvidenceAttachments({ tables: FileAttachment("../data/evidence/tables.csv"), ... });
 */
export function loadEvidenceAttachments(files: Readonly<Record<EvidenceFile, AttachedFile>>): Promise<Evidence> {
  if (typeof files !== "object" || files === null) {
    throw new ValidationError("loadEvidenceAttachments", [{
      path: "files",
      rule: "must be an object of FileAttachments keyed by " + Object.keys(EVIDENCE_FILES).join(", "),
    }]);
  }
  const keys = Object.keys(EVIDENCE_FILES) as EvidenceFile[];
  const missing = keys.filter((k) => typeof files[k]?.text !== "function");
  const unknown = Object.keys(files).filter((k) => !(k in EVIDENCE_FILES));
  if (missing.length || unknown.length) {
    throw new ValidationError("loadEvidenceAttachments", [
      ...missing.map((k) => ({ path: `files.${k}`, rule: `must be the FileAttachment of data/${EVIDENCE_FILES[k]}` })),
      ...unknown.map((k) => ({ path: `files.${k}`, rule: `is not an evidence file (expected ${keys.join(", ")})` })),
    ]);
  }
  const byPath = new Map(keys.map((k) => [EVIDENCE_FILES[k], files[k]]));
  return loadEvidence((f) => byPath.get(f)!.text());
}

/**
 * The value of an assumption in `assumptions.csv`, checked: a missing row, a missing value (`NA` or
 * empty) or a value that breaks `rule` is a `ValidationError` naming the file, the 1-based row (and
 * its line), the column and the rule.
 * @example assumptionValue(ev, "leeuw2008-n-exp", { integer: true, min: 1 }) // 42
 */
export function assumptionValue(
  ev: Evidence,
  id: string,
  rule: { integer?: boolean; min?: number; max?: number; usedFor?: string } = {},
): number {
  const i = ev.assumptions.findIndex((a) => a.id === id);
  const usedFor = rule.usedFor ? ` (used for ${rule.usedFor})` : "";
  if (i < 0) {
    throw new ValidationError("assumptions.csv", [{
      path: "rows",
      rule: `must contain an assumption with id ${id}${usedFor}`,
    }]);
  }
  const v = ev.assumptions[i].value;
  const where = { path: `row ${i + 1} (line ${i + 2}), column value`, row: i + 1 };
  const what = `(${id}: ${ev.assumptions[i].quantity}${rule.usedFor ? `, used for ${rule.usedFor}` : ""})`;
  if (v === null) {
    throw new ValidationError("assumptions.csv", [{ ...where, rule: `must be a number ${what}`, received: "NA" }]);
  }
  if (rule.integer && !Number.isInteger(v)) {
    throw new ValidationError("assumptions.csv", [{ ...where, rule: `must be a whole number ${what}`, received: v }]);
  }
  if (rule.min !== undefined && v < rule.min) {
    throw new ValidationError("assumptions.csv", [{ ...where, rule: `must be >= ${rule.min} ${what}`, received: v }]);
  }
  if (rule.max !== undefined && v > rule.max) {
    throw new ValidationError("assumptions.csv", [{ ...where, rule: `must be <= ${rule.max} ${what}`, received: v }]);
  }
  return v;
}

/**
 * The value of a row of `estimates.csv` by id; a missing row or value is a `ValidationError`
 * naming the file, the row and the column.
 * @example estimateValue(ev, "leeuw2008-n") // 85
 */
export function estimateValue(ev: Evidence, id: string): number {
  const i = ev.estimates.findIndex((e) => e.id === id);
  if (i < 0) throw new ValidationError("estimates.csv", [{ path: "rows", rule: `must contain a row with id ${id}` }]);
  const v = ev.estimates[i].value;
  if (v === null) {
    throw new ValidationError("estimates.csv", [{
      path: `row ${i + 1} (line ${i + 2}), column value`,
      row: i + 1,
      rule: `must be a number (${id})`,
      received: "NA",
    }]);
  }
  return v;
}
