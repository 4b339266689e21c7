/**
 * A user's own long-format single-case data, end to end: read the CSV (`lib/io/csv.ts`: `,` `;` or
 * tab, decimal commas, BOM, CRLF), then every within-case effect size per case and outcome
 * (SingleCaseES, `es.ts`), the design-comparable between-case SMD g_AB with a stated model
 * (scdhlm's `calc_BCSMD`, `bcsmd.ts`), and the randomisation-test confidence interval for a shift
 * (`rtci.ts`). The CLI (`lib/cli/sced.ts`) and the notebook (`notebooks/sced.html`) only call these.
 *
 * File: columns `case`, `session` (or `measurement`), `phase`, `value`, and optionally `outcome`
 * (the measure's name, for files with several measures). One row per measurement occasion; an
 * empty or NA value is a missing measurement (left out of the effect sizes and the HLM, kept in
 * place for the randomisation test). Sessions are whole numbers, unique within a case and outcome;
 * gaps are allowed (multiple-probe designs).
 *
 * @module
 */
import { z } from "zod";
import { csvInteger, csvOptionalNumber, csvString, loadCsv, readCsv } from "../io/csv.ts";
import { fail, ValidationError } from "../validate.ts";
import type { Improvement } from "../conventions.ts";
import { normalizeLevel } from "../conventions.ts";
import { MAX_ABS_VALUE, VALUE_RULE } from "./_schemas.ts";
import { batchScedEffectSizes, SCED_ES_NAMES, type ScedEsBatchRow, type ScedEsName, type ScedScale } from "./es.ts";
import { bcsmdDefaultTimes, type BcsmdDesign, calcBCSMD, type CalcBcsmdResult } from "./bcsmd.ts";
import type { ScedCorStruct } from "./hlm.ts";
import { type ScedRandomizationCi, scedRandomizationCI } from "./rtci.ts";
import { countAssignments, type ScedDesign, startsFromLimit } from "./designs.ts";

/** One measurement of {@link ScedLongData}. */
export interface ScedLongRow {
  /** Case (participant). */
  case: string;
  /** Outcome (measure) name; `""` when the file has no `outcome` column. */
  outcome: string;
  /** Session (measurement occasion) number. */
  session: number;
  /** Phase label. */
  phase: string;
  /** The measurement; null when missing. */
  value: number | null;
  /** 1-based data row in the file. */
  row: number;
}

/** Long-format single-case data read by {@link readScedLongCsv}. */
export interface ScedLongData {
  /** The file name (as given), for "results from ..." lines. */
  file: string;
  /** Every data row, in file order. */
  rows: ScedLongRow[];
  /** Number of data rows. */
  nRows: number;
  /** Number of missing measurements (empty or NA values). */
  missing: number;
  /** Cases in order of first appearance. */
  cases: string[];
  /** Outcomes in order of first appearance (`[""]` without an `outcome` column). */
  outcomes: string[];
  /** Phase labels in order of first appearance (the first is the baseline by default). */
  phases: string[];
  /** The column that numbered the sessions (`session` or `measurement`). */
  sessionColumn: "session" | "measurement";
  /** How the file was read, e.g. `separator ";" and decimal comma (Dutch Excel)`. */
  dialect: string;
}

/** Options of {@link readScedLongCsv}. */
export interface ScedLongCsvOptions {
  /** The file name used in messages and in {@link ScedLongData.file}. Default `data.csv`. */
  name?: string;
}

const valueSchema = csvOptionalNumber().pipe(
  z.number().min(-MAX_ABS_VALUE, { error: VALUE_RULE }).max(MAX_ABS_VALUE, { error: VALUE_RULE }).nullable(),
);

/**
 * Read long-format single-case data (see the module documentation). Errors are
 * `ValidationError`s naming the file, the 1-based row (and line), the column and the rule.
 *
 * @example
 * ```ts
 * import { readScedLongCsv } from "./long.ts";
 * const d = readScedLongCsv("case;session;phase;value\np1;1;A;6,5\np1;2;B;3\n", { name: "diary.csv" });
 * if (d.rows[0].value !== 6.5 || d.phases.join() !== "A,B" || d.nRows !== 2) throw new Error("read");
 * ```
 */
export function readScedLongCsv(text: string, options: ScedLongCsvOptions = {}): ScedLongData {
  const file = options?.name ?? "data.csv";
  const { columns } = readCsv(text, { name: file });
  const sessionColumn = columns.includes("session") ? "session" : "measurement";
  if (columns.includes("session") && columns.includes("measurement")) {
    fail(file, "header", "must have a column session or a column measurement, not both", columns.join(","));
  }
  const hasOutcome = columns.includes("outcome");
  const schema = z.object({
    case: csvString(),
    [sessionColumn]: csvInteger(),
    phase: csvString(),
    value: valueSchema,
    ...(hasOutcome ? { outcome: csvString() } : {}),
  });
  const { rows: raw, dialect } = loadCsv(text, schema, {
    name: file,
    required: ["case", sessionColumn, "phase", "value"],
  });
  const rows: ScedLongRow[] = (raw as Record<string, unknown>[]).map((r, i) => ({
    case: r.case as string,
    outcome: hasOutcome ? (r.outcome as string) : "",
    session: r[sessionColumn] as number,
    phase: r.phase as string,
    value: r.value as number | null,
    row: i + 1,
  }));
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = JSON.stringify([r.case, r.outcome, r.session]);
    if (seen.has(key)) {
      throw new ValidationError(file, [{
        path: `row ${r.row} (line ${r.row + 1}), column ${sessionColumn}`,
        rule: `repeats ${sessionColumn} ${r.session} of case ${JSON.stringify(r.case)}${
          r.outcome ? ` (outcome ${JSON.stringify(r.outcome)})` : ""
        } (first in row ${seen.get(key)}): each occasion must appear once`,
        received: r.session,
        row: r.row,
      }]);
    }
    seen.set(key, r.row);
  }
  const uniq = (f: (r: ScedLongRow) => string) => [...new Set(rows.map(f))];
  const phases = uniq((r) => r.phase);
  if (phases.length < 2) {
    fail(file, "phase", `must have at least two labels (a baseline and a treatment phase); found only ${phases[0]}`);
  }
  return {
    file,
    rows,
    nRows: rows.length,
    missing: rows.filter((r) => r.value === null).length,
    cases: uniq((r) => r.case),
    outcomes: uniq((r) => r.outcome),
    phases,
    sessionColumn,
    dialect: dialect.description,
  };
}

function phasesOf(data: ScedLongData, tool: string, baseline?: string, treatment?: string): [string, string] {
  if (!data || !Array.isArray(data.rows)) fail(tool, "data", "must be the result of readScedLongCsv", data);
  const a = baseline ?? data.phases[0];
  const b = treatment ?? data.phases.find((p) => p !== a);
  for (const [path, v] of [["baseline", a], ["treatment", b]] as const) {
    if (v === undefined || !data.phases.includes(v)) {
      fail(tool, path, `must be one of the phase labels of ${data.file} (${data.phases.join(", ")})`, v);
    }
  }
  if (a === b) fail(tool, "treatment", "must differ from the baseline phase", b);
  return [a, b as string];
}

function outcomeRows(data: ScedLongData, tool: string, outcome?: string): { rows: ScedLongRow[]; outcome: string } {
  if (outcome === undefined) {
    if (data.outcomes.length > 1) {
      fail(tool, "outcome", `must be chosen: ${data.file} has ${data.outcomes.length} (${data.outcomes.join(", ")})`);
    }
    return { rows: data.rows, outcome: data.outcomes[0] };
  }
  if (!data.outcomes.includes(outcome)) {
    fail(tool, "outcome", `must be one of the outcomes of ${data.file} (${data.outcomes.join(", ")})`, outcome);
  }
  return { rows: data.rows.filter((r) => r.outcome === outcome), outcome };
}

/** One case's measurements by session position (what a phase plot or a randomisation test takes). */
export interface ScedDataSeries {
  /** The case. */
  name: string;
  /** Values from the case's first to its last session (a session gap is null: missing, kept in place). */
  values: (number | null)[];
  /** Phase label of each position (a gap takes the label of the session before it). */
  labels: string[];
}

function seriesOf(rows: readonly ScedLongRow[], tool: string): ScedDataSeries[] {
  const byCase = new Map<string, ScedLongRow[]>();
  for (const r of rows) {
    if (!byCase.has(r.case)) byCase.set(r.case, []);
    byCase.get(r.case)!.push(r);
  }
  return [...byCase.entries()].map(([name, rs]) => {
    rs.sort((x, y) => x.session - y.session);
    const s0 = rs[0].session, n = rs[rs.length - 1].session - s0 + 1;
    if (n > 10_000) fail(tool, `case ${name}`, "spans more than 10,000 sessions", n);
    const values: (number | null)[] = Array(n).fill(null);
    const labels: string[] = Array(n).fill("");
    for (const r of rs) {
      values[r.session - s0] = r.value;
      labels[r.session - s0] = r.phase;
    }
    for (let i = 1; i < n; i++) if (labels[i] === "") labels[i] = labels[i - 1];
    return { name, values, labels };
  });
}

/**
 * The cases of one outcome as series by session (for `phasePlot` of `lib/plot`).
 *
 * @example
 * ```ts
 * import { readScedLongCsv, scedDataSeries } from "./long.ts";
 * const s = scedDataSeries(readScedLongCsv("case,session,phase,value\na,1,A,3\na,3,B,1\n"));
 * if (s[0].values.join() !== "3,,1" || s[0].labels.join() !== "A,A,B") throw new Error("series");
 * ```
 */
export function scedDataSeries(data: ScedLongData, options: { outcome?: string } = {}): ScedDataSeries[] {
  const { rows } = outcomeRows(data, "sced series", options?.outcome);
  return seriesOf(rows, "sced series");
}

// ---------------------------------------------------------------------------------------------
// within-case effect sizes

/** The independence caveat every within-case SE and CI carries (printed with the table). */
export const SCED_ES_ASSUMPTION: string =
  "SEs and CIs assume independent measurements within each phase (as in SingleCaseES); with positive " +
  "autocorrelation they are too small and the intervals too narrow. Within-case SMDs use the within-person " +
  "SD and are not on the scale of a between-group SMD (use g_AB for that).";

/** Options of {@link scedDataEffectSizes}. */
export interface ScedDataEsOptions {
  /** Which direction of the score is an improvement (e.g. `"decrease"` for pain or fear). */
  improvement: Improvement;
  /** Baseline phase label. Default: the first label in the file. */
  baseline?: string;
  /** Treatment phase label. Default: the next label in the file. */
  treatment?: string;
  /** Effect sizes. Default every one SingleCaseES has ({@link SCED_ES_NAMES}). */
  es?: readonly ScedEsName[];
  /** Measurement scale (LRR/LOR truncation). Default `"count"`. */
  scale?: ScedScale;
  /** Intervals per session (proportion/percentage scales). */
  intervals?: number;
  /** Confidence level in percent (95) or as a proportion (0.95). Default 95. */
  level?: number;
}

/** Result of {@link scedDataEffectSizes}. */
export interface ScedDataEffectSizes {
  /** One row per case × outcome × effect size (null fields with the reason in `warnings` where undefined). */
  rows: ScedEsBatchRow[];
  /** The baseline phase compared. */
  baseline: string;
  /** The treatment phase compared. */
  treatment: string;
  /** The improvement direction used. */
  improvement: Improvement;
  /** Confidence level in percent. */
  level: number;
  /** The independence assumption of the SEs and CIs ({@link SCED_ES_ASSUMPTION}). */
  assumption: string;
  /** Missing measurements left out. */
  missing: number;
}

/**
 * Every within-case effect size of every case (and outcome) of a data set, as SingleCaseES's
 * `batch_calc_ES`: the baseline phase against the treatment phase (other phases are left out),
 * missing measurements dropped. Oriented by `improvement` as SingleCaseES does.
 *
 * @example
 * ```ts
 * import { readScedLongCsv, scedDataEffectSizes } from "./long.ts";
 * const csv = "case,session,phase,value\n" + [7, 8, 7, 3, 2, 3].map((v, i) => `p1,${i + 1},${i < 3 ? "A" : "B"},${v}`).join("\n");
 * const es = scedDataEffectSizes(readScedLongCsv(csv), { improvement: "decrease", es: ["NAP", "PND"] });
 * if (es.rows.length !== 2 || es.rows[0].estimate !== 1 || es.rows[1].estimate !== 1) throw new Error("es");
 * ```
 */
export function scedDataEffectSizes(data: ScedLongData, opts: ScedDataEsOptions): ScedDataEffectSizes {
  const tool = "sced effect sizes";
  const [a, b] = phasesOf(data, tool, opts?.baseline, opts?.treatment);
  if (opts.improvement !== "increase" && opts.improvement !== "decrease") {
    fail(tool, "improvement", 'must be "increase" or "decrease"', opts.improvement);
  }
  const level = opts.level === undefined ? 95 : normalizeLevel(opts.level, tool, "level");
  const kept = data.rows.filter((r) => r.value !== null && (r.phase === a || r.phase === b));
  const rows = batchScedEffectSizes(
    kept.map((r) => ({ case: r.case, outcome: r.outcome, session: r.session, phase: r.phase, value: r.value! })),
    {
      es: opts.es ?? SCED_ES_NAMES,
      improvement: opts.improvement,
      baselinePhase: a,
      treatmentPhase: b,
      level,
      ...(opts.scale ? { scale: opts.scale } : {}),
      ...(opts.intervals !== undefined ? { intervals: opts.intervals } : {}),
    },
  );
  return {
    rows,
    baseline: a,
    treatment: b,
    improvement: opts.improvement,
    level,
    assumption: SCED_ES_ASSUMPTION,
    missing: data.rows.filter((r) => r.value === null && (r.phase === a || r.phase === b)).length,
  };
}

/** {@link scedEsWide}: one row per case and outcome, one cell per effect size. */
export interface ScedEsWide {
  /** Effect-size names as printed (`NAP`, `Tau-BC`, ...), in order. */
  columns: string[];
  /** One row per case × outcome. */
  rows: { case: string; outcome: string; cells: Record<string, ScedEsBatchRow> }[];
}

/**
 * The effect-size rows of {@link scedDataEffectSizes} as a wide table (a row per case and outcome).
 *
 * @example
 * ```ts
 * import { readScedLongCsv, scedDataEffectSizes, scedEsWide } from "./long.ts";
 * const d = readScedLongCsv("case,session,phase,value\na,1,A,3\na,2,A,4\na,3,B,1\na,4,B,2\n");
 * const w = scedEsWide(scedDataEffectSizes(d, { improvement: "decrease", es: ["NAP", "PND"] }));
 * if (w.columns.join() !== "NAP,PND" || w.rows[0].cells.NAP.estimate !== 1) throw new Error("wide");
 * ```
 */
export function scedEsWide(result: ScedDataEffectSizes): ScedEsWide {
  const columns: string[] = [];
  const byKey = new Map<string, ScedEsWide["rows"][number]>();
  for (const r of result.rows) {
    if (!columns.includes(r.es)) columns.push(r.es);
    const key = JSON.stringify([r.case, r.outcome]);
    if (!byKey.has(key)) byKey.set(key, { case: r.case, outcome: r.outcome, cells: {} });
    byKey.get(key)!.cells[r.es] = r;
  }
  return { columns, rows: [...byKey.values()] };
}

// ---------------------------------------------------------------------------------------------
// design-comparable SMD

/** Options of {@link scedDataBcsmd}: the model of the between-case SMD. */
export interface ScedDataBcsmdOptions {
  /** Outcome to analyse (required when the file has several). */
  outcome?: string;
  /** `"MBP"` (multiple baseline/probe) or `"TR"` (treatment reversal, ABAB). Default: inferred from the phases. */
  design?: BcsmdDesign;
  /** Level-1 errors: `"AR1"` (default, as scdhlm), `"MA1"` or `"IID"` (independent). */
  correlation?: ScedCorStruct;
  /**
   * Random trend: linear baseline trends and trend changes with a random case slope (scdhlm's
   * `FE_base = c(0, 1), RE_base = c(0, 1), FE_trt = c(0, 1)`), the effect evaluated `B − A`
   * sessions into treatment. Multiple baseline designs only. Default false (level change only).
   */
  randomTrend?: boolean;
  /** Baseline phase label. Default: the first label in the file. */
  baseline?: string;
  /** Treatment phase label. Default: the next label in the file. */
  treatment?: string;
  /** Times A (last baseline session) and B of a trend model. Default as scdhlm. */
  times?: { A: number; B: number };
  /** Confidence level in percent (95) or as a proportion (0.95). Default 95. */
  level?: number;
}

/** Result of {@link scedDataBcsmd}: g_AB with its model. */
export interface ScedDataBcsmd {
  /** The file the data came from. */
  file: string;
  /** The outcome analysed (`""` for a file without an outcome column). */
  outcome: string;
  /** The design used. */
  design: BcsmdDesign;
  /** Whether the design was inferred from the phase sequence (no `design` given). */
  designInferred: boolean;
  /** Number of cases and of (non-missing) measurements in the model. */
  cases: number;
  /** Measurements in the model. */
  n: number;
  /** The model: formulas as lme would print them, and one line for a reader. */
  model: { fixed: string; random: string; correlation: string; description: string };
  /** Bias-corrected design-comparable SMD (treatment − baseline, in between-case SD units). */
  g_AB: number;
  /** Its SE. */
  SE_g_AB: number;
  /** Degrees of freedom ν. */
  nu: number;
  /** Lower confidence bound (g_AB − t_ν SE). */
  ci_lb: number;
  /** Upper confidence bound. */
  ci_ub: number;
  /** Confidence level in percent. */
  level: number;
  /** AR(1) φ or MA(1) θ; null for independent errors. */
  phi: number | null;
  /** Intra-class correlation. */
  rho: number;
  /** Whether the REML fit converged. */
  converged: boolean;
  /** Fit warnings and notes (e.g. rows of other phases left out). */
  warnings: string[];
  /** The full scdhlm-style result (fit, weights, κ, A, B). */
  result: CalcBcsmdResult;
}

/** `"MBP"` when every case runs baseline then treatment once (AB), else `"TR"`. */
function inferDesign(rows: readonly ScedLongRow[], a: string, b: string): BcsmdDesign {
  const byCase = new Map<string, ScedLongRow[]>();
  for (const r of rows) {
    if (r.phase !== a && r.phase !== b) continue;
    if (!byCase.has(r.case)) byCase.set(r.case, []);
    byCase.get(r.case)!.push(r);
  }
  for (const rs of byCase.values()) {
    rs.sort((x, y) => x.session - y.session);
    let changes = 0;
    for (let i = 1; i < rs.length; i++) if (rs[i].phase !== rs[i - 1].phase) changes++;
    if (changes > 1 || rs[0]?.phase !== a) return "TR";
  }
  return "MBP";
}

/**
 * The design-comparable between-case SMD g_AB of a data set (scdhlm's `calc_BCSMD`, REML), with
 * the model spelled out: random case intercepts, AR(1) (default), MA(1) or independent level-1
 * errors, optionally a random trend. Rows of other phases than the two compared are left out
 * (with a warning); missing measurements are dropped.
 *
 * @example
 * ```ts
 * import { readScedLongCsv, scedDataBcsmd } from "./long.ts";
 * const rows = ["case,session,phase,value"];
 * for (let c = 0; c < 4; c++) {
 *   for (let s = 1; s <= 10; s++) rows.push(`p${c},${s},${s > 3 + c ? "B" : "A"},${20 + 2 * c + (s > 3 + c ? 8 : 0) + ((s * 5 + c * 3) % 7) - 3}`);
 * }
 * const g = scedDataBcsmd(readScedLongCsv(rows.join("\n")), { correlation: "AR1" });
 * if (g.design !== "MBP" || !(g.g_AB > 0 && g.ci_lb < g.g_AB && g.g_AB < g.ci_ub)) throw new Error("g_AB");
 * ```
 */
export function scedDataBcsmd(data: ScedLongData, opts: ScedDataBcsmdOptions = {}): ScedDataBcsmd {
  const tool = "sced bcsmd";
  const [a, b] = phasesOf(data, tool, opts?.baseline, opts?.treatment);
  const { rows: all, outcome } = outcomeRows(data, tool, opts.outcome);
  const correlation = opts.correlation ?? "AR1";
  if (!["AR1", "MA1", "IID"].includes(correlation)) {
    fail(tool, "correlation", 'must be "AR1", "MA1" or "IID"', correlation);
  }
  const design = opts.design ?? inferDesign(all, a, b);
  if (design !== "MBP" && design !== "TR") fail(tool, "design", 'must be "MBP" or "TR"', design);
  if (opts.randomTrend && design !== "MBP") {
    fail(tool, "randomTrend", "is for multiple baseline designs (MBP); a treatment reversal design has no trend model");
  }
  const warnings: string[] = [];
  const other = all.filter((r) => r.phase !== a && r.phase !== b).length;
  if (other) warnings.push(`${other} rows of phases other than ${a} and ${b} left out`);
  const used = all.filter((r) => (r.phase === a || r.phase === b) && r.value !== null);
  if (!used.some((r) => r.phase === a)) fail(tool, "baseline", `has no measurements of phase ${a}`, a);
  const input = used.map((r) => ({ case: r.case, session: r.session, phase: r.phase, outcome: r.value }));
  const trend = opts.randomTrend === true;
  let times = opts.times;
  if (trend && !times) {
    times = bcsmdDefaultTimes(input, b); // scdhlm's default times; the model is centred at B
  }
  const r = calcBCSMD(input, {
    design,
    treatmentName: b,
    corStruct: correlation,
    level: opts.level,
    ...(trend ? { feBase: [0, 1], reBase: [0, 1], feTrt: [0, 1], center: times!.B, A: times!.A, B: times!.B } : {}),
    ...(!trend && times ? { A: times.A, B: times.B } : {}),
  });
  const errors = correlation === "AR1"
    ? `AR(1) errors (phi = ${r.phi?.toFixed(3)})`
    : correlation === "MA1"
    ? `MA(1) errors (theta = ${r.phi?.toFixed(3)})`
    : "independent errors";
  const description = `${design === "MBP" ? "multiple baseline" : "treatment reversal"}, REML; ` +
    (trend
      ? `baseline trend and trend change with random case intercepts and slopes, effect at B - A = ${
        r.B! - r.A!
      } sessions into treatment (A = ${r.A}, B = ${r.B})`
      : "level change with random case intercepts") +
    `; ${errors}`;
  return {
    file: data.file,
    outcome,
    design,
    designInferred: opts.design === undefined,
    cases: new Set(used.map((x) => x.case)).size,
    n: used.length,
    model: { ...r.model, description },
    g_AB: r.g_AB,
    SE_g_AB: r.SE_g_AB,
    nu: r.nu,
    ci_lb: r.ci_lb,
    ci_ub: r.ci_ub,
    level: r.level,
    phi: r.phi,
    rho: r.rho,
    converged: r.converged,
    warnings: [...warnings, ...r.warnings],
    result: r,
  };
}

// ---------------------------------------------------------------------------------------------
// randomisation-test CI

/** Options of {@link scedDataRandomizationCI}. */
export interface ScedDataRtciOptions {
  /** Outcome to analyse (required when the file has several). */
  outcome?: string;
  /** Baseline phase label. Default: the first label in the file. */
  baseline?: string;
  /** Treatment phase label (its measurements are shifted). Default: the next label in the file. */
  treatment?: string;
  /**
   * `"MBD"`: one multiple-baseline test over every case (Marascuilo–Busk: each case's start drawn
   * from every start leaving `limit` measurements per phase); `"phase"`: each case on its own, its
   * phase sequence as in the data. Default: MBD when every case runs baseline then treatment once
   * and there are several cases, else phase.
   */
  design?: "MBD" | "phase";
  /** Minimum measurements per phase of the randomisation scheme. Default 3. */
  limit?: number;
  /** Confidence level in percent (95) or as a proportion (0.95). Default 95. */
  level?: number;
  /** Monte Carlo draws (then `seed` is required); without it the test is exact. */
  draws?: number;
  /** Seed of the Monte Carlo draws. */
  seed?: number;
  /** Largest assignment space enumerated exactly. Default 200,000. */
  maxExact?: number;
  /**
   * Monte Carlo draws to use instead when an exact interval would enumerate more than `maxExact`
   * assignments (with `seed`). Default: none (such a design is an error naming the remedy).
   */
  fallbackDraws?: number;
}

/** One interval of {@link ScedDataRtci}. */
export interface ScedDataRtciRow extends ScedRandomizationCi {
  /** The case (phase designs) or `"all cases"` (multiple baseline). */
  case: string;
  /** The design tested, e.g. `ABAB, limit 3` or `MBD (Marascuilo–Busk) over 4 cases, limit 3`. */
  designText: string;
}

/** Result of {@link scedDataRandomizationCI}. */
export interface ScedDataRtci {
  /** The file the data came from. */
  file: string;
  /** The outcome analysed. */
  outcome: string;
  /** `"MBD"` or `"phase"`. */
  design: "MBD" | "phase";
  /** One interval (MBD) or one per case. */
  intervals: ScedDataRtciRow[];
}

/**
 * Randomisation-test confidence intervals for an additive shift (treatment − baseline, on the
 * outcome's scale) from a data set: one for a multiple baseline over all cases, or one per case of
 * a phase design. Measurements are placed by session number (a gap is a missing measurement, kept
 * in place). The interval's validity rests on the random assignment of the start points assumed
 * here (see `design` and `limit`): state that scheme when you report it.
 *
 * @example
 * ```ts
 * import { readScedLongCsv, scedDataRandomizationCI } from "./long.ts";
 * const v = [3, 4, 2, 5, 3, 4, 9, 8, 10, 9, 11, 10, 3, 4, 3, 5, 4, 9, 10, 9, 8, 10, 11, 9];
 * const lab = v.map((_, i) => (i < 6 ? "A" : i < 12 ? "B" : i < 17 ? "A" : "B"));
 * const csv = "case,session,phase,value\n" + v.map((x, i) => `p1,${i + 1},${lab[i]},${x}`).join("\n");
 * const ci = scedDataRandomizationCI(readScedLongCsv(csv), { limit: 3 }).intervals[0];
 * if (!(ci.ci_lb < ci.estimate && ci.estimate < ci.ci_ub) || ci.designText !== "ABAB, limit 3") throw new Error("rt-ci");
 * ```
 */
export function scedDataRandomizationCI(data: ScedLongData, opts: ScedDataRtciOptions = {}): ScedDataRtci {
  const tool = "sced rt-ci";
  const [a, b] = phasesOf(data, tool, opts?.baseline, opts?.treatment);
  const { rows, outcome } = outcomeRows(data, tool, opts.outcome);
  const limit = opts.limit ?? 3;
  if (!Number.isInteger(limit) || limit < 1) fail(tool, "limit", "must be a whole number >= 1", limit);
  const maxExact = opts.maxExact ?? 200_000;
  if ((opts.draws !== undefined || opts.fallbackDraws !== undefined) && opts.seed === undefined) {
    fail(tool, "seed", "is required with draws (a Monte Carlo interval is reproducible from its seed)");
  }
  const cases = seriesOf(rows, tool);
  const ab = cases.every((c) => {
    const runs = c.labels.filter((l, i) => i === 0 || l !== c.labels[i - 1]);
    return runs.length === 2 && runs[0] === a && runs[1] === b;
  });
  const design = opts.design ?? (ab && cases.length > 1 ? "MBD" : "phase");
  if (design !== "MBD" && design !== "phase") fail(tool, "design", 'must be "MBD" or "phase"', design);
  const mc = opts.draws === undefined
    ? { method: "exact" as const }
    : { method: "monte-carlo" as const, draws: opts.draws, seed: opts.seed };
  const run = (
    d: ScedDesign,
    cs: { name: string; values: (number | null)[]; labels: string[] }[],
    base = a,
    trt = b,
  ): ScedRandomizationCi => {
    const count = countAssignments(d);
    let how: typeof mc = mc;
    if (mc.method === "exact" && count > maxExact && opts.fallbackDraws !== undefined) {
      how = { method: "monte-carlo" as const, draws: opts.fallbackDraws, seed: opts.seed };
    } else if (mc.method === "exact" && count > maxExact) {
      fail(
        tool,
        "draws",
        `are needed: the design has ${count} assignments (> ${maxExact} for an exact interval); give draws and a seed`,
      );
    }
    return scedRandomizationCI(
      { design: d as unknown as { type: string }, cases: cs, ...how },
      { level: opts.level, baseline: base, treatment: trt },
    );
  };
  if (design === "MBD") {
    if (!ab) fail(tool, "design", `MBD needs every case to run ${a} then ${b} once`);
    const starts = cases.map((c) => {
      try {
        return startsFromLimit(c.values.length, limit);
      } catch {
        return fail(tool, `case ${c.name}`, `has ${c.values.length} sessions: too few for limit ${limit} per phase`);
      }
    });
    cases.forEach((c, i) => {
      const start = c.labels.indexOf(b) + 1;
      if (!starts[i].includes(start)) {
        fail(
          tool,
          `case ${c.name}`,
          `starts ${b} at session ${start} of ${c.values.length}, outside the starts that leave limit = ${limit} ` +
            `measurements per phase (${starts[i][0]}..${starts[i][starts[i].length - 1]}): choose a smaller limit`,
          start,
        );
      }
    });
    const d: ScedDesign = { type: "MBD", scheme: "marascuilo-busk", n: cases.map((c) => c.values.length), starts };
    // the multiple-baseline test reads the phases as A and B
    const ci = run(d, cases.map((c) => ({ ...c, labels: c.labels.map((l) => (l === a ? "A" : "B")) })), "A", "B");
    return {
      file: data.file,
      outcome,
      design,
      intervals: [{
        ...ci,
        case: "all cases",
        designText: `MBD (Marascuilo–Busk) over ${cases.length} cases, limit ${limit}`,
      }],
    };
  }
  return {
    file: data.file,
    outcome,
    design,
    intervals: cases.map((c) => {
      const phases = c.labels.filter((l, i) => i === 0 || l !== c.labels[i - 1]);
      const d: ScedDesign = { type: "phase", phases, n: c.values.length, limit };
      return { ...run(d, [c]), case: c.name, designText: `${phases.join("")}, limit ${limit}` };
    }),
  };
}
