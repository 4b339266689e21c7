/**
 * Reading a registry extract from a CSV or Parquet file through DuckDB (internal; exposed by
 * `upload.ts`). DuckDB reads and checks the file in SQL (the same rules as `parseRegistryCsv`,
 * {@link REGISTRY_COLUMNS}), aggregates it per centre in SQL, and hands the patient rows to the
 * case-mix model. DuckDB is a native library: it is imported here lazily, inside the reader, so
 * importing `lib/practice/mod.ts` needs no permission and the browser notebooks never load it (the
 * specifier is a variable, which bundlers leave alone; the types come from a type-only import).
 * @module
 */
// @ts-types="@types/d3-dsv"
import { dsvFormat } from "d3-dsv";
import { type CsvDialect, dialectNote, missingColumnsError, readCsv } from "../io/csv.ts";
import { type Issue, ValidationError } from "../validate.ts";
import type { RegistryRow } from "./benchmark.ts";
import type { DuckDBConnection } from "@duckdb/node-api";

/** Options of `readRegistryExtract`. */
export interface ReadExtractOptions {
  /** File name used in messages (default: the path's last part). */
  name?: string;
  /** `"csv"` or `"parquet"` (default: from the file's extension; anything but `.parquet` is CSV). */
  format?: "csv" | "parquet";
  /** The column holding the centre (default `"centre"`; a national extract may call it otherwise). */
  centreColumn?: string;
  /** PDI responder threshold for the per-centre responder count (default 8.5, the toolkit's PDI MCID). */
  mcid?: number;
  /**
   * Hand the patient rows to JavaScript (default true: the case-mix model needs them). False
   * checks the file and returns the per-centre SQL aggregates only, with `rows` empty: handing
   * 10⁶ rows over is most of the reader's time.
   */
  rows?: boolean;
}

/** One centre of a registry extract, aggregated in SQL by `readRegistryExtract`. */
export interface ExtractCentre {
  /** Centre name. */
  centre: string;
  /** Patients. */
  n: number;
  /** Mean PDI change (pre - post; positive is improvement). */
  meanChange: number;
  /** Sample SD of the PDI change (null for a centre of one patient). */
  sdChange: number | null;
  /** Patients whose PDI improved by at least `mcid` points. */
  responders: number;
  /** Mean baseline PDI. */
  meanPre: number;
  /** Share WPN 4. */
  shareWpn4: number;
  /** Mean pain duration (years). */
  meanPainYears: number;
  /** Share in paid work. */
  shareWork: number;
  /** Mean contact hours over patients with hours recorded (null when none). */
  hours: number | null;
  /** Patients with both PSC scores. */
  nPsc: number;
  /** Patients with a baseline PSC and no follow-up PSC (missing follow-up). */
  missingPscPost: number;
  /** Mean PSC improvement (pre - post) over patients with both scores (null when none). */
  meanPscChange: number | null;
  /** First and last registry year recorded (null when none). */
  years: [number, number] | null;
}

/** Result of `readRegistryExtract`: the rows as `parseRegistryCsv` gives them, and the SQL aggregates. */
export interface RegistryExtract {
  /** One row per patient, in file order (the same rows `parseRegistryCsv` gives for a CSV); empty with `rows: false`. */
  rows: RegistryRow[];
  /** Centre names, sorted. */
  centres: string[];
  /** PSC before and after are present for every patient. */
  hasPsc: boolean;
  /** Contact hours are present for some patients. */
  hasHours: boolean;
  /** How a CSV file was written (separator, decimal mark); null for Parquet. */
  dialect: CsvDialect | null;
  /** The file format read. */
  format: "csv" | "parquet";
  /** Per-centre aggregates computed in SQL, sorted by centre. */
  summary: ExtractCentre[];
  /** The responder threshold used for `summary`. */
  mcid: number;
}

const TOOL_OPTIONS = ["name", "format", "centreColumn", "mcid", "rows"];
const REQUIRED = ["centre", "wpn", "pain_years", "work", "pdi_pre", "pdi_post"] as const;
const NUMERIC = ["wpn", "pain_years", "work", "pdi_pre", "pdi_post", "psc_pre", "psc_post", "hours", "year"] as const;
type NumCol = (typeof NUMERIC)[number];
/** The range rules of REGISTRY_COLUMNS / the zod schema, as SQL on the number `v` (first failing rule wins). */
const RULES: Record<NumCol, [string, string][]> = {
  wpn: [["v <> round(v)", "must be a whole number"], ["v < 1", "must be >= 1"], ["v > 4", "must be <= 4"]],
  pain_years: [["v <= 0", "must be > 0"], ["v > 100", "must be <= 100"]],
  work: [["v <> 0 AND v <> 1", "must be 0 or 1"]],
  pdi_pre: [["v < 0", "must be >= 0"], ["v > 70", "must be <= 70"]],
  pdi_post: [["v < 0", "must be >= 0"], ["v > 70", "must be <= 70"]],
  psc_pre: [["v < 0", "must be >= 0"], ["v > 100", "must be <= 100"]],
  psc_post: [["v < 0", "must be >= 0"], ["v > 100", "must be <= 100"]],
  hours: [["v < 0", "must be >= 0"], ["v > 2000", "must be <= 2000"]],
  year: [["v <> round(v)", "must be a whole number"]],
};
const MAX_ISSUES = 20;
/** A number written with a decimal comma (as lib/io/csv.ts reads it). */
const DECIMAL_COMMA = /^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+([eE][+-]?\d+)?$/;
/** The PDI MCID of lib/instruments.ts (8.5 points; unverified there), the default threshold. */
const DEFAULT_MCID = 8.5;

const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** A DuckDB failure as the toolkit's error: the first line of DuckDB's message, never its stack. */
function duckError(name: string, e: unknown): ValidationError {
  if (e instanceof ValidationError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  const first = msg.split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 2).join(" ");
  return new ValidationError(name, [{ path: "file", rule: `cannot be read by DuckDB: ${first}` }]);
}

/**
 * The DuckDB package as deno.json imports it (a test keeps the two equal). A full `npm:` specifier
 * so that it also resolves where there is no import map (the published package).
 */
export const DUCKDB_SPECIFIER = "npm:@duckdb/node-api@1.5.6-r.1";

/** Load DuckDB (lazily: the specifier is a variable so that no bundler follows it into the notebooks). */
async function connect(name: string): Promise<{ con: DuckDBConnection; close: () => void }> {
  let mod: typeof import("@duckdb/node-api");
  try {
    mod = await import(DUCKDB_SPECIFIER);
  } catch (e) {
    throw new ValidationError(name, [{
      path: "engine duckdb",
      rule: `is not available (${
        e instanceof Error ? e.message.split("\n")[0] : String(e)
      }): run \`deno install\` first, or read the CSV with the JavaScript reader (--engine js)`,
    }]);
  }
  const inst = await mod.DuckDBInstance.create(":memory:");
  const con = await inst.connect();
  return {
    con,
    close: () => {
      con.closeSync();
      inst.closeSync();
    },
  };
}

/**
 * SQL for one numeric column of `raw`, in two steps: `inner` reads the cell as a double (NaN or
 * infinite kept, NULL when not a number), then `num` keeps finite values and `missing` says whether
 * the cell is empty or NA (as lib/io/csv.ts). `n` names the inner column.
 */
function numericSql(
  col: string,
  type: string,
  decimalComma: boolean,
  n: string,
): { inner: string; num: string; missing: string } {
  const c = ident(col);
  const num = `CASE WHEN isfinite(${n}) THEN ${n} END`;
  if (
    /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/.test(type)
  ) {
    return { inner: `CAST(${c} AS DOUBLE)`, num, missing: `(${n} IS NULL OR isnan(${n}))` };
  }
  let s = `CAST(${c} AS VARCHAR)`;
  if (decimalComma) {
    // as lib/io/csv.ts: a cell such as 1.234,5 or 5,5 is read with a decimal comma
    s = `CASE WHEN contains(${s}, ',') AND regexp_full_match(trim(${s}), ${q(DECIMAL_COMMA.source.slice(1, -1))}) ` +
      `THEN replace(replace(trim(${s}), '.', ''), ',', '.') ELSE ${s} END`;
  }
  // DuckDB's cast (which ignores surrounding blanks), less the digit separator "1_000" that
  // JavaScript reads as no number; "nan" and "inf" are refused by `num`
  const inner = `CASE WHEN NOT contains(${c}, '_') THEN TRY_CAST(${s} AS DOUBLE) END`;
  // empty or NA, looked at only where the cast found no number (or NaN, as "NaN" is an NA spelling)
  const missing = `CASE WHEN ${n} IS NOT NULL AND NOT isnan(${n}) THEN false ` +
    `ELSE (${c} IS NULL OR trim(${c}) IN ('', 'NA', 'na', 'NaN', '.')) END`;
  return { inner, num, missing };
}

/**
 * Read a registry extract (CSV or Parquet) through DuckDB, check it with the upload's rules, and
 * aggregate it per centre in SQL (see the module notes). Throws a ValidationError naming the file,
 * the row and column, and the rule (up to 20 problems), never a DuckDB stack.
 */
export async function readRegistryExtract(path: string, options: ReadExtractOptions = {}): Promise<RegistryExtract> {
  const tool = "readRegistryExtract";
  if (typeof path !== "string" || path === "") {
    throw new ValidationError(tool, [{ path: "path", rule: "must be the path of a CSV or Parquet file" }]);
  }
  for (const k of Object.keys(options ?? {})) {
    if (!TOOL_OPTIONS.includes(k)) {
      throw new ValidationError(tool, [{ path: "options", rule: `has unknown field(s) ${k}` }]);
    }
  }
  const name = options.name ?? path.split(/[\\/]/).pop() ?? path;
  const format = options.format ?? (/\.parquet$/i.test(path) ? "parquet" : "csv");
  if (format !== "csv" && format !== "parquet") {
    throw new ValidationError(tool, [{ path: "options.format", rule: 'must be "csv" or "parquet"', received: format }]);
  }
  const mcid = options.mcid ?? DEFAULT_MCID;
  if (typeof mcid !== "number" || !(mcid > 0 && mcid <= 70)) {
    throw new ValidationError(tool, [{ path: "options.mcid", rule: "must be a number > 0 and <= 70", received: mcid }]);
  }
  const centreCol = options.centreColumn ?? "centre";
  if (options.rows !== undefined && typeof options.rows !== "boolean") {
    throw new ValidationError(tool, [{ path: "options.rows", rule: "must be true or false", received: options.rows }]);
  }
  let dialect: CsvDialect | null = null;
  let header: string[] = [];
  try {
    const info = await Deno.stat(path);
    if (info.isDirectory) throw new ValidationError(name, [{ path: "file", rule: "is a folder, not a file" }]);
    if (format === "csv") {
      const f = await Deno.open(path);
      const buf = new Uint8Array(65536);
      const got = (await f.read(buf)) ?? 0;
      f.close();
      const text = new TextDecoder().decode(buf.subarray(0, got));
      // the first lines through the toolkit's CSV reader: the dialect, and the header's rules (no
      // duplicated or empty column name) with the same messages as parseRegistryCsv
      const lines = text.split("\n");
      const head = (got < buf.length ? lines : lines.slice(0, -1)).slice(0, 40).join("\n");
      const first = readCsv(head, { name });
      dialect = first.dialect;
      header = first.columns;
    }
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    if (e instanceof Deno.errors.NotFound) throw new ValidationError(name, [{ path: "file", rule: "does not exist" }]);
    throw new ValidationError(name, [{ path: "file", rule: `cannot be read (${(e as Error).message})` }]);
  }
  const { con, close } = await connect(name);
  try {
    const source = format === "parquet"
      ? `read_parquet(${q(path)})`
      : `read_csv(${q(path)}, delim = ${q(dialect!.delimiter)}, header = true, auto_detect = false, ` +
        `columns = {${header.map((c) => `${q(c)}: 'VARCHAR'`).join(", ")}}, quote = '"', escape = '"', ` +
        // short rows are padded with empty cells, long ones refused (as lib/io/csv.ts)
        `null_padding = true, strict_mode = true)`;
    try {
      await con.run(`CREATE TEMP TABLE raw AS SELECT * FROM ${source}`);
    } catch (e) {
      const m = /CSV Error on Line: (\d+)\s*\n\s*Original Line: ([^\n]*)\n[\s\S]*Expected Number of Columns: (\d+)/
        .exec(String((e as Error)?.message ?? e));
      if (m && dialect) {
        // the message of lib/io/csv.ts, with the cells counted as it counts them
        const line = Number(m[1]);
        const cells = dsvFormat(dialect.delimiter).parseRows(m[2])[0]?.length ?? 0;
        throw new ValidationError(name, [{
          path: `row ${line - 1} (line ${line})`,
          rule: `has ${cells} cells where the header has ${m[3]} (check the separator: ${dialect.description})`,
        }]);
      }
      throw duckError(name, e);
    }
    const described = (await con.runAndReadAll("DESCRIBE raw")).getRowObjectsJS() as Record<string, unknown>[];
    const types = new Map<string, string>();
    const found: string[] = [];
    for (const d of described) {
      const col = String(d.column_name);
      found.push(col);
      types.set(col.trim(), String(d.column_type));
    }
    const headerNote = dialectNote(found, dialect);
    if (options.centreColumn !== undefined && !types.has(centreCol)) {
      throw new ValidationError(name, [{
        path: "centreColumn",
        rule: `names no column of the file (found: ${found.join(", ") || "none"})${headerNote}`,
        received: centreCol,
      }]);
    }
    const need = REQUIRED.map((c) => (c === "centre" ? centreCol : c));
    const missingCols = need.filter((c) => !types.has(c));
    if (missingCols.length) throw missingColumnsError(name, missingCols, found, dialect);
    const original = new Map(found.map((c) => [c.trim(), c]));
    const decimalComma = dialect?.decimal === ",";
    const present = (c: string) => types.has(c);
    const inner: string[] = [`rowid + 1 AS "row"`];
    const centreRaw = ident(original.get(centreCol) as string);
    inner.push(`NULLIF(trim(CAST(${centreRaw} AS VARCHAR)), '') AS centre`);
    const cols: string[] = [`"row"`, "centre"];
    for (const c of NUMERIC) {
      if (!present(c)) {
        cols.push(`CAST(NULL AS DOUBLE) AS ${c}`, `true AS ${c}__m`);
        continue;
      }
      const raw = original.get(c) as string;
      const sql = numericSql(raw, types.get(c) as string, decimalComma, `${c}__n`);
      inner.push(`${sql.inner} AS ${c}__n`, `${ident(raw)} AS ${c}__s`);
      cols.push(`${sql.num} AS ${c}`, `${sql.missing.replaceAll(ident(raw), `${c}__s`)} AS ${c}__m`);
    }
    try {
      await con.run(`CREATE TEMP TABLE t AS SELECT ${cols.join(", ")} FROM (SELECT ${inner.join(", ")} FROM raw)`);
    } catch (e) {
      throw duckError(name, e);
    }
    // Every rule as SQL: one branch per column, the first failing rule of a cell, in row then column order.
    const branches: string[] = [
      `SELECT "row", 0 AS k, 'centre' AS col, 'must not be empty' AS rule FROM t WHERE centre IS NULL`,
    ];
    NUMERIC.forEach((c, j) => {
      if (!present(c)) return;
      const required = (REQUIRED as readonly string[]).includes(c);
      const whens = [
        required ? `WHEN ${c}__m THEN 'is missing (a number is required)'` : `WHEN ${c}__m THEN NULL`,
        `WHEN ${c} IS NULL THEN ${q(required ? "must be a number" : "must be a number or empty")}`,
        ...RULES[c].map(([cond, rule]) => `WHEN ${cond.replace(/\bv\b/g, c)} THEN ${q(rule)}`),
      ];
      branches.push(
        `SELECT "row", ${j + 1} AS k, ${q(c)} AS col, CASE ${whens.join(" ")} END AS rule FROM t ` +
          `WHERE ${c}__m ${required ? "" : "AND false "}OR ${c} IS NULL AND NOT ${c}__m OR NOT ${c}__m AND (${
            RULES[c].map(([cond]) => cond.replace(/\bv\b/g, c)).join(" OR ")
          })`,
      );
    });
    const bad = (await con.runAndReadAll(
      `SELECT "row", col, rule FROM (${branches.join(" UNION ALL ")}) ORDER BY "row", k LIMIT ${MAX_ISSUES}`,
    )).getRowObjectsJS() as { row: bigint; col: string; rule: string }[];
    if (bad.length) {
      const issues: Issue[] = [];
      for (const b of bad) {
        const row = Number(b.row);
        const colName = b.col === "centre" ? centreCol : b.col;
        const cell = (await con.runAndReadAll(
          `SELECT CAST(${ident(original.get(colName) as string)} AS VARCHAR) AS v FROM raw WHERE rowid = ${row - 1}`,
        )).getRowObjectsJS()[0]?.v as string | null | undefined;
        const where = format === "csv"
          ? `row ${row} (line ${row + 1}), column ${colName}`
          : `row ${row}, column ${colName}`;
        const issue: Issue = { path: where, row, rule: b.rule };
        if (format === "csv") {
          // the cell as the JavaScript reader reports it: trimmed, a decimal comma turned into a point
          const v = (cell ?? "").trim();
          issue.received = decimalComma && DECIMAL_COMMA.test(v) ? v.replace(/\./g, "").replace(",", ".") : v;
        } else if (cell != null) issue.received = Number.isFinite(Number(cell)) ? Number(cell) : cell;
        issues.push(issue);
      }
      throw new ValidationError(name, issues);
    }
    const count = Number((await con.runAndReadAll("SELECT count(*) AS n FROM t")).getRowObjectsJS()[0].n);
    if (count === 0) throw new ValidationError(name, [{ path: "rows", rule: "must contain at least one data row" }]);
    const summary = await aggregate(con, mcid);
    const centres = summary.map((s) => s.centre);
    const hasPsc = present("psc_pre") && present("psc_post") && summary.every((s) => s.nPsc === s.n);
    const hasHours = present("hours") && summary.some((s) => s.hours !== null);
    if (options.rows === false) return { rows: [], centres, hasPsc, hasHours, dialect, format, summary, mcid };
    const reader = await con.runAndReadAll(
      // file order (a scan of t need not keep it: the 10^6-row CSV came back reordered without the sort)
      `SELECT centre, wpn, pain_years, work, pdi_pre, pdi_post, psc_pre, psc_post, hours, year FROM t ORDER BY "row"`,
    );
    const [centre, wpn, py, work, pre, post, pscPre, pscPost, hours, year] = reader.getColumns() as [
      string[],
      ...(number | null)[][],
    ];
    const rows: RegistryRow[] = new Array(count);
    for (let i = 0; i < count; i++) {
      rows[i] = {
        centre: centre[i],
        wpn: wpn[i] as number,
        painYears: py[i] as number,
        work: work[i] as number,
        pdiPre: pre[i] as number,
        pdiPost: post[i] as number,
        pscPre: pscPre[i],
        pscPost: pscPost[i],
        hours: hours[i],
        year: year[i],
      };
    }
    return { rows, centres, hasPsc, hasHours, dialect, format, summary, mcid };
  } finally {
    close();
  }
}

/** Per-centre aggregates of the checked table `t`, in SQL. */
async function aggregate(con: DuckDBConnection, mcid: number): Promise<ExtractCentre[]> {
  // The responder rule of lib/responders classifyResponders: improvement >= mcid - 1e-12.
  const res = await con.runAndReadAll(`
    SELECT centre,
      CAST(count(*) AS DOUBLE) AS n,
      avg(pdi_pre - pdi_post) AS mean_change,
      stddev_samp(pdi_pre - pdi_post) AS sd_change,
      CAST(count(*) FILTER (WHERE pdi_pre - pdi_post >= ${mcid} - 1e-12) AS DOUBLE) AS responders,
      avg(pdi_pre) AS mean_pre,
      avg(CASE WHEN wpn = 4 THEN 1.0 ELSE 0.0 END) AS share_wpn4,
      avg(pain_years) AS mean_pain_years,
      avg(work) AS share_work,
      avg(hours) AS hours,
      CAST(count(*) FILTER (WHERE psc_pre IS NOT NULL AND psc_post IS NOT NULL) AS DOUBLE) AS n_psc,
      CAST(count(*) FILTER (WHERE psc_pre IS NOT NULL AND psc_post IS NULL) AS DOUBLE) AS missing_psc_post,
      avg(psc_pre - psc_post) AS mean_psc_change,
      min(year) AS year_min,
      max(year) AS year_max
    FROM t GROUP BY centre`);
  const out = (res.getRowObjectsJS() as Record<string, string | number | null>[]).map((r): ExtractCentre => ({
    centre: r.centre as string,
    n: r.n as number,
    meanChange: r.mean_change as number,
    sdChange: r.sd_change as number | null,
    responders: r.responders as number,
    meanPre: r.mean_pre as number,
    shareWpn4: r.share_wpn4 as number,
    meanPainYears: r.mean_pain_years as number,
    shareWork: r.share_work as number,
    hours: r.hours as number | null,
    nPsc: r.n_psc as number,
    missingPscPost: r.missing_psc_post as number,
    meanPscChange: r.mean_psc_change as number | null,
    years: r.year_min === null ? null : [r.year_min as number, r.year_max as number],
  }));
  return out.sort((a, b) => (a.centre < b.centre ? -1 : a.centre > b.centre ? 1 : 0));
}

/**
 * Write registry rows (e.g. a simulated registry's patients) as a Parquet file through DuckDB,
 * with the extract's column names (`centre, year, wpn, pain_years, work, hours, pdi_pre, pdi_post,
 * psc_pre, psc_post`; numbers as DOUBLE, empty cells as NULL). Used to make national test extracts.
 */
export async function writeRegistryParquet(rows: readonly RegistryRow[], path: string): Promise<void> {
  const name = "writeRegistryParquet";
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new ValidationError(name, [{ path: "rows", rule: "must hold at least one registry row" }]);
  }
  const { con, close } = await connect(name);
  const tmp = await Deno.makeTempFile({ suffix: ".csv" });
  try {
    const n = (v: number | null | undefined) => (v == null ? "" : String(v));
    const lines = ["centre,year,wpn,pain_years,work,hours,pdi_pre,pdi_post,psc_pre,psc_post"];
    for (const r of rows) {
      lines.push(
        [
          JSON.stringify(r.centre),
          n(r.year),
          r.wpn,
          r.painYears,
          r.work,
          n(r.hours),
          r.pdiPre,
          r.pdiPost,
          n(r.pscPre),
          n(r.pscPost),
        ].join(","),
      );
    }
    await Deno.writeTextFile(tmp, lines.join("\n") + "\n");
    const types = "centre: 'VARCHAR', year: 'DOUBLE', wpn: 'DOUBLE', pain_years: 'DOUBLE', work: 'DOUBLE', " +
      "hours: 'DOUBLE', pdi_pre: 'DOUBLE', pdi_post: 'DOUBLE', psc_pre: 'DOUBLE', psc_post: 'DOUBLE'";
    try {
      await con.run(
        `COPY (SELECT * FROM read_csv(${q(tmp)}, header = true, columns = {${types}})) TO ${q(path)} (FORMAT parquet)`,
      );
    } catch (e) {
      throw new ValidationError(name, [{
        path: "path",
        rule: `cannot be written (${(e as Error).message.split("\n")[0]})`,
        received: path,
      }]);
    }
  } finally {
    close();
    await Deno.remove(tmp).catch(() => {});
  }
}
