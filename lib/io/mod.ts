/**
 * The io engine: the one CSV reader of evidence-lab (the same for the CLIs and the notebooks) and
 * the diary loader of the getting-started notebook. `readCsv` detects the separator (`,` `;` tab)
 * and a decimal comma (Dutch Excel), strips a BOM, accepts CRLF and refuses duplicated or empty
 * column names. The loaders built on it (`loadDiary` here, the evidence and meta loaders in their
 * engines) validate every row and name the file, the 1-based row, the line, the column and the
 * rule in their errors.
 *
 * @example Reading CSV as Dutch Excel saves it
 * ```ts
 * import { readCsv, ValidationError } from "./mod.ts";
 * const csv = readCsv("study;yi;vi\nA;0,5;0,04\nB;1,25;0,1\n", { name: "demo.csv" });
 * if (csv.dialect.delimiter !== ";" || csv.dialect.decimal !== ",") throw new Error("dialect");
 * if (csv.rows[0].yi !== "0.5" || csv.rows.length !== 2) throw new Error("cells");
 * let msg = "";
 * try { readCsv("yi,yi\n1,2\n", { name: "two.csv" }); } catch (e) { if (e instanceof ValidationError) msg = e.message; }
 * if (!/two\.csv: header has column "yi" twice/.test(msg)) throw new Error(msg);
 * ```
 *
 * @example A diary, validated, smoothed and summarised
 * ```ts
 * import { loadDiary, summarizeDiary, ValidationError } from "./mod.ts";
 * const { rows } = loadDiary("day,phase,pain\n1,A,6\n2,A,8\n3,B,4\n4,B,2\n", "diary.csv");
 * const s = summarizeDiary(rows, 2);
 * if (s.phases[0].mean !== 7 || s.phases[1].last_smoothed !== 3 || s.treatmentStart !== 3) throw new Error("summary");
 * let msg = "";
 * try { loadDiary("day,phase,pain\n1,A,11\n", "diary.csv"); } catch (e) { if (e instanceof ValidationError) msg = e.message; }
 * if (!/diary\.csv: row 1 \(line 2\), column pain must be <= 10, got "11"/.test(msg)) throw new Error(msg);
 * ```
 * @module
 */
// loadCsv and the csvNumber/csvInteger/... cell schemas take and return zod schemas, so they stay
// internal to the engines (which import lib/io/csv.ts directly); the public reader is readCsv.
export { type CsvDialect, detectDialect, type LoadedCsv, type RawCsv, readCsv } from "./csv.ts";
export {
  type DiaryPhaseSummary,
  type DiaryRow,
  type DiarySummary,
  loadDiary,
  movingAverage,
  type SmoothedDiaryRow,
  summarizeDiary,
} from "./diary.ts";
export { type Issue, ValidationError } from "../validate.ts";
