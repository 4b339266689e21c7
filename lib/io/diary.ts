/**
 * Loader for a single patient's measurement diary (long format: one row per measurement), the
 * simplest table kind in evidence-lab and the one the getting-started notebook uses, with the
 * smoothing and per-phase summary that notebook shows.
 *
 * @example
 * const { rows } = loadDiary("day,phase,pain\n1,A,6\n2,B,4\n");
 * @module
 */
import { z } from "zod";
// @ts-types="@types/d3-array"
import { max, mean, min } from "d3-array";
import { csvInteger, csvNumber, csvString, loadCsv, type LoadedCsv } from "./csv.ts";
import { fail } from "../validate.ts";

/** One validated diary row. */
export interface DiaryRow {
  /** Measurement day (1-based). */
  day: number;
  /** Phase label: one capital letter (A = baseline, B = treatment, ...). */
  phase: string;
  /** Pain score on the 0-10 NRS. */
  pain: number;
}

/** zod schema of a diary row (internal; {@link DiaryRow} is the public type). */
const diaryRowSchema: z.ZodType<DiaryRow, Record<string, unknown>> = z.object({
  day: csvInteger().pipe(z.number().int().min(1)),
  phase: csvString().pipe(z.string().regex(/^[A-Z]$/, { error: "must be one capital letter (A, B, C, ...)" })),
  pain: csvNumber().pipe(z.number().min(0).max(10)),
});

/** Parse and validate a diary CSV; errors name the file, the row, the column and the rule. */
export function loadDiary(text: string, name = "diary.csv"): LoadedCsv<DiaryRow> {
  const loaded = loadCsv(text, diaryRowSchema, { name });
  const seen = new Map<number, number>();
  loaded.rows.forEach((r, i) => {
    if (seen.has(r.day)) {
      fail(
        name,
        `row ${i + 1} (line ${i + 2}), column day`,
        `must be unique (also on row ${seen.get(r.day)! + 1})`,
        r.day,
      );
    }
    seen.set(r.day, i);
  });
  return loaded;
}

/**
 * Trailing moving average of `values` over `window` points (the first points average what exists).
 * @example movingAverage([1, 2, 3, 4], 2) // [1, 1.5, 2.5, 3.5]
 */
export function movingAverage(values: readonly number[], window: number): number[] {
  if (!Number.isInteger(window) || window < 1) {
    fail("movingAverage", "window", "must be a whole number >= 1", window);
  }
  values.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      fail("movingAverage", `values[${i}]`, "must be a finite number", v);
    }
  });
  // each window summed afresh (d3-array's mean): no drift from a running sum
  return values.map((_, i) => mean(values.slice(Math.max(0, i - window + 1), i + 1)) as number);
}

/** A diary row with its smoothed score. */
export interface SmoothedDiaryRow extends DiaryRow {
  /** Trailing moving average of the pain score over the window. */
  smooth: number;
}

/** Per-phase summary of a diary ({@link summarizeDiary}). */
export interface DiaryPhaseSummary {
  /** Phase label. */
  phase: string;
  /** Number of days. */
  days: number;
  /** Mean score. */
  mean: number;
  /** Lowest score. */
  min: number;
  /** Highest score. */
  max: number;
  /** The last smoothed value in the phase. */
  last_smoothed: number;
}

/** A diary smoothed and summarised ({@link summarizeDiary}). */
export interface DiarySummary {
  /** Every row with its smoothed score, in day order. */
  points: SmoothedDiaryRow[];
  /** One row per phase, in order of appearance. */
  phases: DiaryPhaseSummary[];
  /** The first day of phase B (treatment start), or null when there is none. */
  treatmentStart: number | null;
}

/**
 * Smooth a diary with a trailing moving average of `window` days and summarise it per phase
 * (days, mean, lowest, highest, last smoothed value).
 * @example summarizeDiary(loadDiary(text).rows, 3).phases[0].mean
 */
export function summarizeDiary(rows: readonly DiaryRow[], window: number): DiarySummary {
  const sorted = [...rows].sort((a, b) => a.day - b.day);
  const smooth = movingAverage(sorted.map((d) => d.pain), window);
  const points = sorted.map((d, i) => ({ ...d, smooth: smooth[i] }));
  const order = [...new Set(points.map((p) => p.phase))];
  const phases = order.map((phase) => {
    const ps = points.filter((p) => p.phase === phase);
    const pains = ps.map((p) => p.pain);
    return {
      phase,
      days: ps.length,
      mean: mean(pains) as number,
      min: min(pains) as number,
      max: max(pains) as number,
      last_smoothed: ps[ps.length - 1].smooth,
    };
  });
  return { points, phases, treatmentStart: points.find((p) => p.phase === "B")?.day ?? null };
}
