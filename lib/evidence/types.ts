/**
 * The row types of the evidence tables in `data/evidence/` (one CSV per table kind) and of
 * `data/instruments.csv`, as the loaders return them. Every evidence row carries its provenance:
 * the seed file, the section, the table id and the line in the seed text where the number is
 * printed. Missing numbers are `null` (never 0).
 * @module
 */

/** The statistic types used in `estimates.csv`. */
export type ReportedStatistic =
  | "n"
  | "count"
  | "pct"
  | "pct_responders"
  | "md"
  | "smd"
  | "es"
  | "mean"
  | "sd"
  | "median"
  | "p"
  | "threshold"
  | "age_range"
  | "score_range"
  | "hours"
  | "weeks"
  | "months"
  | "years"
  | "sessions"
  | "days_per_week"
  | "cost_difference"
  | "mcid";

/** How a reported p-value is qualified: `=`, `<` or `<=` (empty when no p is reported). */
export type POp = "" | "=" | "<" | "<=";

/** The three periods of the SMC review table. */
export type Period = "pre-post" | "post-final follow-up" | "pre-final follow-up";

/** Where a number is printed in the seed. */
export interface Provenance {
  /** The seed file the number comes from. */
  seed_file: string;
  /** The section of the seed (e.g. "4a"). */
  section: string;
  /** The table id (see `tables.csv`). */
  table_id: string;
  /** The line in the seed text where the number is printed (1-based). */
  seed_line: number;
}

/** Key columns of a row that records numbers reported for a referenced study. */
export interface Reported extends Provenance {
  /** Unique row id. */
  id: string;
  /** The study the number belongs to. */
  study_id: string;
  /** The seed's reference number of the study. */
  ref: number;
}

/** The transcription columns: the seed's text as extracted, and a note. */
export interface Transcription {
  /** The seed's text as extracted from the PDF. */
  raw: string;
  /** A note (e.g. on a correction of the extraction); may be empty. */
  note: string;
}

/**
 * One reported number of a chapter-4 table (`estimates.csv`, long format).
 * Columns as in the file (a transcription of the seed, not a toolkit result: `lower`/`upper` are
 * the printed bounds of the kind named in `interval` — CI, range or IQR — and `p_value` the printed p).
 */
export interface Estimate extends Reported, Transcription {
  /** The outcome (may be empty). */
  outcome: string;
  /** The instrument (may be empty). */
  instrument: string;
  /** The contrast of a comparison (may be empty). */
  contrast: string;
  /** The group (may be empty). */
  group: string;
  /** The time point (may be empty). */
  timepoint: string;
  /** What the number is. */
  statistic: ReportedStatistic;
  /** The number (null for a range given only by its bounds). */
  value: number | null;
  /** Lower bound of the CI or range printed with it (the file's column name). */
  lower: number | null;
  /** Upper bound of the CI or range printed with it. */
  upper: number | null;
  /** What lower/upper are: a 95% CI, a range, or nothing. */
  interval: "" | "ci95" | "range";
  /** A reported p-value. */
  p_value: number | null;
  /** How the p-value is qualified. */
  p_op: POp;
  /** The number of patients the number refers to, when printed with it. */
  n: number | null;
  /** Unit. */
  unit: string;
  /** True when the extraction was corrected (see raw and note). */
  corrected: boolean;
}

/** One reference row of a chapter-4 table (`studies.csv`: a study as it appears in one table). */
export interface Study extends Provenance {
  /** Study id. */
  study_id: string;
  /** The seed's reference number. */
  ref: number;
  /** First author. */
  first_author: string;
  /** Publication year. */
  year: number;
  /** Design as described. */
  design: string;
  /** Number of patients, when printed. */
  n: number | null;
  /** Population. */
  population: string;
  /** Intervention. */
  intervention: string;
  /** Comparator (may be empty). */
  comparator: string;
  /** Treatment approach (the table's grouping). */
  approach: string;
  /** A note (may be empty). */
  note: string;
}

/** One cell group (domain × period) of the 4c review table of standardised mean changes. */
export interface SmcRow extends Reported, Transcription {
  /** Outcome domain. */
  domain: string;
  /** Period. */
  period: Period;
  /** Number of cohorts N. */
  n_cohorts: number;
  /** Median standardised mean change. */
  mdn_smc: number;
  /** Lower end of the printed range. */
  range_lb: number | null;
  /** Upper end of the printed range. */
  range_ub: number | null;
  /** Cochran's Q. */
  Q: number | null;
  /** Degrees of freedom of Q. */
  df: number | null;
  /** I² as printed (%). */
  I2: number | null;
  /** Significance mark as printed. */
  sig_mark: "" | "*" | "**" | "***";
  /** Instrument of the re-expression (may be empty). */
  reexpr_instrument: string;
  /** Re-expressed value. */
  reexpr_value: number | null;
  /** True when the extraction was corrected. */
  corrected: boolean;
}

/** Direction-of-effect counts (pre to final follow-up) of one outcome domain. */
export interface DirectionRow extends Reported, Transcription {
  /** Outcome domain. */
  domain: string;
  /** Cohorts with a favourable effect. */
  n_positive: number;
  /** Cohorts with no effect. */
  n_no_effect: number;
  /** Cohorts with an unfavourable effect. */
  n_adverse: number;
}

/**
 * One subgroup level (ES and p) of the 4c subgroup analysis.
 * Columns as in the file (a transcription of the seed, not a toolkit result: `lower`/`upper` are
 * the printed bounds of the kind named in `interval` — CI, range or IQR — and `p_value` the printed p).
 */
export interface SubgroupRow extends Reported, Transcription {
  /** Outcome. */
  outcome: string;
  /** Subgroup factor. */
  factor: string;
  /** Level of the factor. */
  level: string;
  /** Effect size. */
  es: number;
  /** p-value. */
  p_value: number;
  /** How the p-value is qualified. */
  p_op: POp;
}

/**
 * One reported subgroup-difference test.
 * Columns as in the file (a transcription of the seed, not a toolkit result: `lower`/`upper` are
 * the printed bounds of the kind named in `interval` — CI, range or IQR — and `p_value` the printed p).
 */
export interface SubgroupTestRow extends Reported, Transcription {
  /** Outcome. */
  outcome: string;
  /** Subgroup factor. */
  factor: string;
  /** First level compared. */
  level_a: string;
  /** Second level compared. */
  level_b: string;
  /** p-value of the difference. */
  p_value: number;
  /** How the p-value is qualified. */
  p_op: POp;
}

/**
 * One characteristic of the Ronzi 2017 vs Dutch IMSR comparison (section 3b).
 * Columns as in the file (a transcription of the seed, not a toolkit result: `lower`/`upper` are
 * the printed bounds of the kind named in `interval` — CI, range or IQR — and `p_value` the printed p).
 */
export interface PopulationRow extends Provenance, Transcription {
  /** Unique row id. */
  id: string;
  /** The characteristic compared. */
  characteristic: string;
  /** "Ronzi 2017" or "Dutch IMSR". */
  population: string;
  /** The seed's reference number, when given. */
  ref: number | null;
  /** The value (null when only a range is given). */
  value: number | null;
  /** Lower end of the range. */
  lower: number | null;
  /** Upper end of the range. */
  upper: number | null;
  /** Unit. */
  unit: string;
}

/**
 * A labelled assumption (never data): e.g. group sizes the seed does not report. Columns as in the
 * file (`lower`/`upper` bound the range of plausible values, not a confidence interval).
 */
export interface Assumption {
  /** Unique id (e.g. "leeuw2008-n-exp"). */
  id: string;
  /** The study or object it applies to. */
  applies_to: string;
  /** What is assumed. */
  quantity: string;
  /** The assumed value. */
  value: number | null;
  /** Lower end of an assumed range. */
  lower: number | null;
  /** Upper end of an assumed range. */
  upper: number | null;
  /** Unit. */
  unit: string;
  /** Why it is assumed. */
  reason: string;
  /** Where it is used. */
  used_by: string;
}

/** One table of the seed: where it is, which file holds it, and how many rows it must have. */
export interface TableRow {
  /** Table id. */
  table_id: string;
  /** The file holding its rows. */
  file: string;
  /** Title. */
  title: string;
  /** The seed file. */
  seed_file: string;
  /** Section. */
  section: string;
  /** First line of the table in the seed. */
  seed_line_start: number;
  /** Last line of the table in the seed. */
  seed_line_end: number;
  /** How many rows the data must have. */
  expected_rows: number;
  /** How the rows were counted. */
  how_counted: string;
  /** The table's legend (may be empty). */
  legend: string;
}

/** One outcome measure of the instrument registry (`data/instruments.csv`). */
export interface Instrument {
  /** Short name ("PDI"). */
  instrument: string;
  /** Full name. */
  name: string;
  /** Construct measured. */
  construct: string;
  /** Lowest score. */
  scale_min: number;
  /** Highest score. */
  scale_max: number;
  /** Which scores are better. */
  better: "lower" | "higher";
  /** Minimal clinically important difference, when known. */
  mcid: number | null;
  /** Unit of the MCID. */
  mcid_unit: string;
  /** Citation of the MCID. */
  mcid_citation: string;
  /** How the MCID was verified: from the seed, recalled (unverified), or none. */
  verified: "seed" | "recalled" | "none";
  /** Seed file. */
  seed_file: string;
  /** Seed line. */
  seed_line: number;
  /** A note (may be empty). */
  note: string;
}
