/**
 * Zod row schemas for the evidence tables (internal: the public types are in `types.ts`). Each
 * schema is typed with the row interface it produces, so the two cannot drift apart.
 * @module
 */
import { z } from "zod";
import { csvInteger, csvNumber, csvOptionalNumber, csvString } from "../io/csv.ts";
import type {
  Assumption,
  DirectionRow,
  Estimate,
  Instrument,
  PopulationRow,
  SmcRow,
  Study,
  SubgroupRow,
  SubgroupTestRow,
  TableRow,
} from "./types.ts";

export type {
  Assumption,
  DirectionRow,
  Estimate,
  Instrument,
  PopulationRow,
  SmcRow,
  Study,
  SubgroupRow,
  SubgroupTestRow,
  TableRow,
} from "./types.ts";

/** An optional text cell: "" becomes "" (kept as an empty string, never undefined). */
const csvText = () => z.preprocess((v) => (typeof v === "string" ? v.trim() : v ?? ""), z.string());
/** A "true"/"false" cell. */
const csvBool = () =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.enum(["true", "false"], { error: 'must be "true" or "false"' }),
  ).transform((v) => v === "true");
/** An optional whole number ("" -> null). */
const csvOptionalInteger = () =>
  csvOptionalNumber().pipe(z.number().int({ error: "must be a whole number" }).nullable());

/** The provenance columns every evidence row carries. */
export const provenance = {
  seed_file: csvString(),
  section: csvString(),
  table_id: csvString(),
  seed_line: csvInteger().pipe(z.number().int().positive()),
};

/** The key columns of a row that records numbers reported for a referenced study. */
const reported = {
  id: csvString(),
  study_id: csvString(),
  ref: csvInteger(),
  ...provenance,
};

/** The transcription columns: the seed's text as extracted, and a note (e.g. on a correction). */
const transcription = {
  raw: csvString(),
  note: csvText(),
};

/** How a reported p-value is qualified: `=`, `<` or `<=` (empty when no p is reported). */
export const pOp = () => z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.enum(["", "=", "<", "<="]));

/** The statistic types used in `estimates.csv`. */
export const STATISTICS = [
  "n",
  "count",
  "pct",
  "pct_responders",
  "md",
  "smd",
  "es",
  "mean",
  "sd",
  "median",
  "p",
  "threshold",
  "age_range",
  "score_range",
  "hours",
  "weeks",
  "months",
  "years",
  "sessions",
  "days_per_week",
  "cost_difference",
  "mcid",
] as const;

/** One reported number of a chapter-4 table (long format). */
export const estimateRow: z.ZodType<Estimate, Record<string, unknown>> = z.object({
  ...reported,
  outcome: csvText(),
  instrument: csvText(),
  contrast: csvText(),
  group: csvText(),
  timepoint: csvText(),
  statistic: z.enum(STATISTICS),
  value: csvOptionalNumber(),
  lower: csvOptionalNumber(),
  upper: csvOptionalNumber(),
  interval: z.enum(["", "ci95", "range"]),
  p_value: csvOptionalNumber().pipe(z.number().min(0).max(1).nullable()),
  p_op: pOp(),
  n: csvOptionalInteger(),
  unit: csvText(),
  corrected: csvBool(),
  ...transcription,
}).superRefine((row, ctx) => {
  if (row.value === null && (row.lower === null || row.upper === null)) {
    ctx.addIssue({ code: "custom", path: ["value"], message: "must be given unless lower and upper are (a range)" });
  }
  if ((row.lower === null) !== (row.upper === null)) {
    ctx.addIssue({ code: "custom", path: ["upper"], message: "lower and upper must be given together" });
  }
  if (row.lower !== null && row.interval === "") {
    ctx.addIssue({
      code: "custom",
      path: ["interval"],
      message: 'must be "ci95" or "range" when lower/upper are given',
    });
  }
  if ((row.p_value === null) !== (row.p_op === "")) {
    ctx.addIssue({ code: "custom", path: ["p_op"], message: "p_value and p_op must be given together" });
  }
});

/** One reference row of a chapter-4 table (a study as it appears in one table). */
export const studyRow: z.ZodType<Study, Record<string, unknown>> = z.object({
  study_id: csvString(),
  ref: csvInteger(),
  first_author: csvString(),
  year: csvInteger(),
  ...provenance,
  design: csvString(),
  n: csvOptionalInteger(),
  population: csvString(),
  intervention: csvString(),
  comparator: csvText(),
  approach: csvString(),
  note: csvText(),
});

/** The three periods of the SMC review table. */
export const PERIODS = ["pre-post", "post-final follow-up", "pre-final follow-up"] as const;

/** One cell group (domain x period) of the 4c review table of standardised mean changes. */
export const smcRow: z.ZodType<SmcRow, Record<string, unknown>> = z.object({
  ...reported,
  domain: csvString(),
  period: z.enum(PERIODS),
  n_cohorts: csvInteger().pipe(z.number().int().positive()),
  mdn_smc: csvNumber(),
  range_lb: csvOptionalNumber(),
  range_ub: csvOptionalNumber(),
  Q: csvOptionalNumber(),
  df: csvOptionalInteger(),
  I2: csvOptionalNumber(),
  sig_mark: z.enum(["", "*", "**", "***"]),
  reexpr_instrument: csvText(),
  reexpr_value: csvOptionalNumber(),
  corrected: csvBool(),
  ...transcription,
});

/** Direction-of-effect counts (pre to final follow-up) of one outcome domain. */
export const directionRow: z.ZodType<DirectionRow, Record<string, unknown>> = z.object({
  ...reported,
  domain: csvString(),
  n_positive: csvInteger(),
  n_no_effect: csvInteger(),
  n_adverse: csvInteger(),
  ...transcription,
});

/** One subgroup level (ES and p) of the 4c subgroup analysis. */
export const subgroupRow: z.ZodType<SubgroupRow, Record<string, unknown>> = z.object({
  ...reported,
  outcome: csvString(),
  factor: csvString(),
  level: csvString(),
  es: csvNumber(),
  p_value: csvNumber().pipe(z.number().min(0).max(1)),
  p_op: pOp(),
  ...transcription,
});

/** One reported subgroup-difference test. */
export const subgroupTestRow: z.ZodType<SubgroupTestRow, Record<string, unknown>> = z.object({
  ...reported,
  outcome: csvString(),
  factor: csvString(),
  level_a: csvString(),
  level_b: csvString(),
  p_value: csvNumber().pipe(z.number().min(0).max(1)),
  p_op: pOp(),
  ...transcription,
});

/** One characteristic of the Ronzi 2017 vs Dutch IMSR comparison (section 3b). */
export const populationRow: z.ZodType<PopulationRow, Record<string, unknown>> = z.object({
  id: csvString(),
  ...provenance,
  characteristic: csvString(),
  population: csvString(),
  ref: csvOptionalInteger(),
  value: csvOptionalNumber(),
  lower: csvOptionalNumber(),
  upper: csvOptionalNumber(),
  unit: csvString(),
  ...transcription,
});

/** A labelled assumption (never data): e.g. group sizes the seed does not report. */
export const assumptionRow: z.ZodType<Assumption, Record<string, unknown>> = z.object({
  id: csvString(),
  applies_to: csvString(),
  quantity: csvString(),
  value: csvOptionalNumber(),
  lower: csvOptionalNumber(),
  upper: csvOptionalNumber(),
  unit: csvString(),
  reason: csvString(),
  used_by: csvString(),
});

/** One table of the seed: where it is, which file holds it, and how many rows it must have. */
export const tableRow: z.ZodType<TableRow, Record<string, unknown>> = z.object({
  table_id: csvString(),
  file: csvString(),
  title: csvString(),
  seed_file: csvString(),
  section: csvString(),
  seed_line_start: csvInteger(),
  seed_line_end: csvInteger(),
  expected_rows: csvInteger(),
  how_counted: csvString(),
  legend: csvText(),
});

/** One outcome measure of the instrument registry (`data/instruments.csv`). */
export const instrumentRow: z.ZodType<Instrument, Record<string, unknown>> = z.object({
  instrument: csvString(),
  name: csvString(),
  construct: csvString(),
  scale_min: csvNumber(),
  scale_max: csvNumber(),
  better: z.enum(["lower", "higher"]),
  mcid: csvOptionalNumber(),
  mcid_unit: csvText(),
  mcid_citation: csvString(),
  verified: z.enum(["seed", "recalled", "none"]),
  seed_file: csvString(),
  seed_line: csvInteger(),
  note: csvText(),
}).superRefine((row, ctx) => {
  if (row.scale_max <= row.scale_min) {
    ctx.addIssue({ code: "custom", path: ["scale_max"], message: "must be > scale_min" });
  }
  if (row.mcid !== null && !(row.mcid > 0)) ctx.addIssue({ code: "custom", path: ["mcid"], message: "must be > 0" });
});
