/**
 * Loader for a single patient's measurement diary (long format: one row per measurement), the
 * simplest table kind in evidence-lab and the one the getting-started notebook uses.
 *
 * @example
 * const { rows, table } = loadDiary("day,phase,pain\n1,A,6\n2,B,4\n");
 * @module
 */
import { z } from "zod";
import { csvInteger, csvNumber, csvString, loadCsv, type LoadedCsv } from "./csv.ts";

/** One diary row: measurement day (1-based), phase label, and a 0–10 score. */
export const diaryRowSchema = z.object({
  day: csvInteger().pipe(z.number().int().min(1)),
  phase: csvString().pipe(z.string().regex(/^[A-Z]$/, { error: "must be one capital letter (A, B, C, ...)" })),
  pain: csvNumber().pipe(z.number().min(0).max(10)),
});

/** A validated diary row. */
export type DiaryRow = z.output<typeof diaryRowSchema>;

/** Parse and validate a diary CSV; errors name the row and the column. */
export function loadDiary(text: string, name = "diary.csv"): LoadedCsv<DiaryRow> {
  return loadCsv(text, diaryRowSchema, { name });
}

/**
 * Trailing moving average of `values` over `window` points (the first points average what exists).
 * @example movingAverage([1, 2, 3, 4], 2) // [1, 1.5, 2.5, 3.5]
 */
export function movingAverage(values: readonly number[], window: number): number[] {
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(`window must be a whole number >= 1, got ${window}`);
  }
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (i >= window) sum -= values[i - window];
    out.push(sum / Math.min(i + 1, window));
  }
  return out;
}
