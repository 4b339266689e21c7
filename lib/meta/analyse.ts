/**
 * One analysis function for a table of studies, used by the meta CLI (`deno task meta`) and the
 * meta-analysis notebook: {@link analyseStudies} reads CSV text through the toolkit's one CSV
 * reader (`readCsv`: `,` `;` tab, decimal commas, BOM, duplicated columns refused), recognises the
 * column vocabulary, computes effect sizes (`escalc`), fits the model (`rma`, `rmaMods` or
 * `subgroup`) and the optional extras (Q-profile CI, Egger's test and trim-and-fill, leave-one-out,
 * r-sensitivity), and returns one plain, JSON-serialisable result with `warnings`.
 *
 * Accepted vocabularies (one row per study; a study label column `study`, `author`, `slab` or
 * `trial` is used when present, or the column named by `slab`):
 * - `yi, vi`: effect sizes and sampling variances computed elsewhere;
 * - metafor's `escalc` arguments for `measure` (e.g. SMCR: `m1i, m2i, sd1i, ni, ri`);
 * - pre-post columns `m_pre, m_post, sd_pre, sd_post, ni, ri` for MC, SMCC and SMCR
 *   (`sd_post` may be empty for SMCR).
 * Any metafor column can be read from another column with `cols` (`{ ri: "r_prepost" }`, the
 * CLI's `--col ri=r_prepost`).
 *
 * Missing values: an empty or `NA` cell in a moderator or subgroup column drops that study with
 * a warning naming it (as metafor's "Studies with NAs omitted from model fitting"), and the
 * column keeps its type; an empty `ri` takes the assumed `r`; anything else missing is an error
 * naming the row (1-based, as in the file) and the column.
 * @module
 */
import { readCsv } from "../io/csv.ts";
import { type Issue, ValidationError } from "../validate.ts";
import { type Improvement, normalizeLevel } from "../conventions.ts";
import { escalc, type EscalcData, type Measure, MEASURES, requiredColumns } from "../effects/escalc.ts";
import {
  confint,
  type ConfintResult,
  rma,
  type RmaResult,
  TAU2_METHODS,
  type Tau2Method,
  type TestType,
} from "./rma.ts";
import { rmaMods, type RmaModsResult } from "./metareg.ts";
import { subgroup, type SubgroupResult } from "./subgroup.ts";
import { leave1out, type Leave1outResult } from "./influence.ts";
import { regtest, type RegtestResult, trimfill } from "./bias.ts";
import { rSensitivity, type RSensitivityResult } from "./rsensitivity.ts";
import {
  DEPENDENCE_STRUCTS,
  type DependenceStruct,
  dependentEffects,
  type DependentEffectsResult,
} from "./dependent.ts";

/** The metafor column names that `cols` may map (effect sizes and escalc arguments). */
export const STUDY_COLUMNS: readonly string[] = [
  "yi",
  "vi",
  "m1i",
  "m2i",
  "sd1i",
  "sd2i",
  "ni",
  "n1i",
  "n2i",
  "ri",
  "xi",
  "ai",
  "bi",
  "ci",
  "di",
];

/** Column names tried, in order, for the study labels. */
export const SLAB_COLUMNS: readonly string[] = ["study", "author", "slab", "trial"];

/** The pre-post vocabulary's columns and the metafor arguments they become. */
const PREPOST_REQUIRED = ["m_pre", "m_post", "sd_pre", "ni"];

/** Options of {@link analyseStudies} (all optional). */
export interface AnalyseOptions {
  /** The file name, used in messages (default "CSV"). */
  name?: string;
  /** The tool named in messages (default "meta"). */
  tool?: string;
  /** Effect-size measure to compute; omit when the file has `yi` and `vi`. */
  measure?: Measure;
  /** τ² estimator (default "REML"). */
  method?: Tau2Method;
  /** "z" (default) or "knha". */
  test?: TestType;
  /** Confidence level in percent (95) or as a proportion (0.95); default 95. */
  level?: number;
  /** Pre-post correlation assumed for MC/SMCC/SMCR where the file has no `ri` or an empty cell. */
  r?: number;
  /** "missing" (default): `r` only where `ri` is absent or empty; "all": `r` for every study. */
  rFor?: "missing" | "all";
  /** Also redo the analysis with every study's r set to each of these values (MC, SMCC, SMCR). */
  rGrid?: number[];
  /** "decrease" flips yi so that a decrease (less pain) is positive. */
  improvement?: Improvement;
  /** Moderator columns for a meta-regression (numeric columns continuous, text categorical). */
  mods?: string[];
  /** Subgroup column (cannot be combined with `mods`). */
  subgroup?: string;
  /** Study label column (default: the first of study, author, slab, trial present). */
  slab?: string;
  /** Read metafor column `name` from file column `cols[name]` (the CLI's `--col name=column`). */
  cols?: Record<string, string>;
  /** Add Egger's regression test and trim-and-fill (models without moderators). */
  bias?: boolean;
  /** Add the leave-one-out table (models without moderators). */
  leave1out?: boolean;
  /**
   * Column of the study (cluster) id: several effect sizes per study are analysed with a model
   * for dependent effect sizes (`struct`), see {@link dependentEffects}; `model` stays the naive fit.
   */
  cluster?: string;
  /** Column of the effect-size id within a study (default: every row its own). Needs `cluster`. */
  obs?: string;
  /** Column of the outcome, for `struct` CS, HCS or UN. Needs `cluster`. */
  outcome?: string;
  /** Working model: "CHE" (default when `rho` is given), "ML" (default otherwise), "CS", "HCS", "UN". */
  struct?: DependenceStruct;
  /** Assumed correlation of effect sizes within a study (vcalc), for CHE (and optionally CS/HCS/UN). */
  rho?: number;
  /** Add CR2 cluster-robust inference (clubSandwich) to the dependent-effects model. Needs `cluster`. */
  robust?: boolean;
}

/** The options as applied (defaults filled in), for reports and the emitted R script. */
export interface AnalyseCall {
  /** File name used in messages. */
  name: string;
  /** The measure requested (undefined: yi and vi given). */
  measure?: Measure;
  /** τ² estimator. */
  method: Tau2Method;
  /** Test. */
  test: TestType;
  /** Confidence level in percent. */
  level: number;
  /** Assumed pre-post correlation. */
  r?: number;
  /** Where `r` applies. */
  rFor: "missing" | "all";
  /** r-sensitivity grid. */
  rGrid?: number[];
  /** Improvement direction, when given. */
  improvement?: Improvement;
  /** Moderators. */
  mods: string[];
  /** Subgroup column. */
  subgroup?: string;
  /** Study label column, when there is one. */
  slab?: string;
  /** Column mapping (metafor name → file column). */
  cols: Record<string, string>;
  /** Bias analyses requested. */
  bias: boolean;
  /** Leave-one-out requested. */
  leave1out: boolean;
  /** Study (cluster) column of a dependent-effects analysis. */
  cluster?: string;
  /** Effect-size id column. */
  obs?: string;
  /** Outcome column. */
  outcome?: string;
  /** Working model (set when `cluster` is). */
  struct?: DependenceStruct;
  /** Assumed within-study correlation. */
  rho?: number;
  /** CR2 requested. */
  robust: boolean;
}

/** Trim-and-fill in brief. */
export interface TrimfillSummary {
  /** Estimated number of missing studies. */
  k0: number;
  /** Side on which they were imputed. */
  side: "left" | "right";
  /** Estimate after filling. */
  beta: number;
  /** Its standard error. */
  se: number;
  /** Lower confidence bound after filling. */
  ci_lb: number;
  /** Upper confidence bound after filling. */
  ci_ub: number;
  /** The filled-in studies (effect sizes and variances), for a funnel plot. */
  filled: { yi: number[]; vi: number[] };
  /** Test of the refit: "z" as metafor's trimfill (whatever the model's test). */
  test: TestType;
  /** Confidence level of the refit in percent (95 as metafor). */
  level: number;
}

/** The studies analysed. */
export interface AnalysedData {
  /** Study labels. */
  slab: string[];
  /** Effect sizes. */
  yi: number[];
  /** Sampling variances. */
  vi: number[];
  /** The 1-based row in the file of each analysed study. */
  row: number[];
  /** Number of studies whose pre-post correlation was assumed (`r`). */
  ri_assumed: number;
  /** The file's columns. */
  columns: string[];
  /** The file's cells of the analysed studies (strings, as read). */
  cells: Record<string, string>[];
}

/** Result of {@link analyseStudies}: everything computed, JSON-serialisable, with warnings. */
export interface AnalyseResult {
  /** Options as applied. */
  call: AnalyseCall;
  /** Which vocabulary the file was read in. */
  vocabulary: "yi" | "metafor" | "prepost";
  /** The measure computed, or "GEN" for yi/vi given. */
  measure: Measure | "GEN";
  /** How the file was written (separator, decimal mark). */
  dialect: string;
  /** The studies analysed. */
  data: AnalysedData;
  /** The fitted model (without or with moderators). */
  model: RmaResult | RmaModsResult;
  /** Q-profile CIs of τ², I², H² (null for FE, k < 2 or moderators). */
  confint: ConfintResult | null;
  /** The subgroup analysis, when asked for. */
  subgroup: SubgroupResult | null;
  /** The r-sensitivity analysis, when asked for. */
  rSensitivity: RSensitivityResult | null;
  /** Egger's test, when asked for (null if it could not be computed: see warnings). */
  regtest: RegtestResult | null;
  /** Trim-and-fill, when asked for (null if it could not be computed: see warnings). */
  trimfill: TrimfillSummary | null;
  /** Leave-one-out, when asked for (null if it could not be computed: see warnings). */
  leave1out: Leave1outResult | null;
  /** The dependent-effects model (with `cluster`), in metafor's names, with CR2 and the comparison. */
  multilevel: DependentEffectsResult | null;
  /** Things the user must know: studies dropped for missing values, extras not computed. */
  warnings: string[];
}

const MISSING = new Set(["", "NA", "na", "N/A", "."]);
/** The analysis options of {@link AnalyseOptions} (besides `name` and `tool`). */
const OPTION_NAMES = [
  "measure",
  "method",
  "test",
  "level",
  "r",
  "rFor",
  "rGrid",
  "improvement",
  "mods",
  "subgroup",
  "slab",
  "cols",
  "bias",
  "leave1out",
  "cluster",
  "obs",
  "outcome",
  "struct",
  "rho",
  "robust",
] as const;
/** Message paths that are options or the file, not columns. */
const NOT_COLUMNS = new Set<string>(["file", "header", "options", ...OPTION_NAMES]);

function issue(tool: string, row: number | undefined, column: string, rule: string, received?: unknown): never {
  const bare = column.startsWith("column ") || NOT_COLUMNS.has(column);
  const path = bare ? column : `column ${column}`;
  const i: Issue = { path, rule };
  if (row !== undefined) i.row = row;
  if (received !== undefined) i.received = received;
  throw new ValidationError(tool, [i]);
}

/** A numeric cell: a finite number, null for a missing cell; "NaN", "Inf" and text are errors. */
function numberCell(tool: string, raw: string, row: number, column: string): number | null {
  const s = raw.trim();
  if (MISSING.has(s)) return null;
  if (/^[+-]?nan$/i.test(s)) {
    issue(tool, row, column, "is NaN (not a number); leave the cell empty or write NA for a missing value", s);
  }
  const x = Number(s);
  if (Number.isNaN(x)) issue(tool, row, column, "must be a number", s);
  if (!Number.isFinite(x)) issue(tool, row, column, "must be a finite number (the value overflows)", s);
  return x;
}

/**
 * Read a study table from CSV text and analyse it: effect sizes, the model, and the extras asked
 * for. Throws a `ValidationError` that names the tool, the 1-based row, the column and the rule.
 *
 * @example
 * ```ts
 * import { analyseStudies } from "./analyse.ts";
 * const csv = "study,m1i,m2i,sd1i,ni,ri\nA,38.5,30.6,15,20,0.47\nB,26.8,23.5,3.1,50,0.64\n" +
 *   "C,0.7,0.5,0.1,9,0.77\nD,75.9,53.4,14.5,10,0.89\nE,36,35.6,4.7,14,0.44\n";
 * const res = analyseStudies(csv, { measure: "SMCR", method: "REML" });
 * if (res.model.model !== "rma.uni" || Math.abs(res.model.beta - 0.9121) > 5e-5) throw new Error("beta");
 * ```
 */
export function analyseStudies(text: string, options: AnalyseOptions = {}): AnalyseResult {
  const tool = options.tool ?? "meta";
  const name = options.name ?? "CSV";
  if (typeof text !== "string") issue(tool, undefined, "file", "must be CSV text", typeof text);
  const call = resolveOptions(tool, name, options);
  const warnings: string[] = [];
  let csv;
  try {
    csv = readCsv(text, { name });
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(`${tool}: ${name}`, e.issues);
    throw e;
  }
  const { columns, rows, dialect } = csv;
  if (rows.length === 0) {
    issue(`${tool}: ${name}`, undefined, "file", "must contain at least one data row below the header");
  }
  const has = (c: string) => columns.includes(c);
  const listed = columns.join(", ");
  for (const [field, col] of Object.entries(call.cols)) {
    if (!has(col)) {
      issue(
        tool,
        undefined,
        `column ${col}`,
        `(named by --col ${field}=${col}) is not in the file (columns: ${listed})`,
      );
    }
  }
  const colOf = (field: string) => call.cols[field] ?? field;

  // which vocabulary
  const measure = call.measure;
  let vocabulary: AnalyseResult["vocabulary"];
  const fieldCol: Record<string, string> = {};
  const prePost = measure === "MC" || measure === "SMCC" || measure === "SMCR";
  if (measure && requiredColumns(measure).every((f) => f === "ri" || has(colOf(f)))) {
    vocabulary = "metafor";
    for (const f of requiredColumns(measure)) fieldCol[f] = colOf(f);
  } else if (prePost && PREPOST_REQUIRED.every(has)) {
    vocabulary = "prepost";
    fieldCol.m1i = "m_post";
    fieldCol.m2i = "m_pre";
    fieldCol.ni = has(colOf("ni")) ? colOf("ni") : "ni";
    fieldCol.ri = colOf("ri") !== "ri" ? colOf("ri") : "ri";
    if (measure === "SMCR") fieldCol.sd1i = "sd_pre";
    else {
      if (!has("sd_post")) {
        issue(
          tool,
          undefined,
          "header",
          `has no sd_post column: ${measure} needs the post-test SD (SMCR needs only sd_pre)`,
        );
      }
      fieldCol.sd1i = "sd_post";
      fieldCol.sd2i = "sd_pre";
    }
  } else if (has(colOf("yi")) && has(colOf("vi"))) {
    vocabulary = "yi";
    fieldCol.yi = colOf("yi");
    fieldCol.vi = colOf("vi");
    if (measure) {
      warnings.push(`${tool}: measure ${measure} not used: ${name} gives yi and vi (effect sizes computed elsewhere)`);
    }
  } else if (measure) {
    const missing = requiredColumns(measure).filter((f) => f !== "ri" && !has(colOf(f))).map(colOf);
    issue(
      tool,
      undefined,
      "header",
      `is missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} for measure ${measure}` +
        (prePost ? " (or give m_pre, m_post, sd_pre, sd_post, ni, ri)" : "") +
        ` (found: ${listed || "none"}; read with ${dialect.description})`,
    );
  } else {
    issue(
      tool,
      undefined,
      "measure",
      `is required unless the file has yi and vi columns (found: ${
        listed || "none"
      }; read with ${dialect.description})`,
    );
  }

  // labels, moderators, subgroup
  if (call.slab !== undefined && !has(call.slab)) {
    issue(tool, undefined, "slab", `names column ${call.slab}, which is not in the file (columns: ${listed})`);
  }
  const slabCol = call.slab ?? SLAB_COLUMNS.find(has);
  const extra = [...call.mods, ...(call.subgroup ? [call.subgroup] : [])];
  for (const m of extra) {
    if (!has(m)) {
      issue(
        tool,
        undefined,
        call.subgroup === m ? "subgroup" : "mods",
        `names column ${m}, which is not in the file (columns: ${listed})`,
      );
    }
  }
  for (const key of ["cluster", "obs", "outcome"] as const) {
    const c = call[key];
    if (c !== undefined && !has(c)) {
      issue(tool, undefined, key, `names column ${c}, which is not in the file (columns: ${listed})`);
    }
  }
  const label = (i: number) => (slabCol && rows[i][slabCol] ? rows[i][slabCol] : String(i + 1));

  // effect sizes over every row (rows in messages are the file's)
  const fileRow = rows.map((_, i) => i + 1);
  const colFor = (field: string) => fieldCol[field] ?? field;
  const read = (field: string, i: number): number | null =>
    numberCell(tool, rows[i][colFor(field)] ?? "", i + 1, colFor(field));
  const required = (field: string, i: number): number => {
    const v = read(field, i);
    if (v === null) issue(tool, i + 1, colFor(field), "is missing (a number is required)", rows[i][colFor(field)]);
    return v;
  };
  let yi: number[], vi: number[];
  let riAssumed = 0;
  const base: EscalcData = {};
  if (vocabulary === "yi") {
    yi = rows.map((_, i) => required("yi", i));
    vi = rows.map((_, i) => required("vi", i));
    if (call.improvement === "decrease") yi = yi.map((y) => -y + 0);
  } else {
    const need = requiredColumns(measure!);
    for (const f of need) {
      if (f === "ri") continue;
      base[f] = rows.map((_, i) => required(f, i));
    }
    if (need.includes("ri")) {
      const riCol = has(colFor("ri")) ? rows.map((_, i) => read("ri", i)) : rows.map(() => null);
      const ri = riCol.map((v, i) => {
        if (call.rFor === "all" || v === null) {
          if (call.r === undefined) {
            issue(
              tool,
              has(colFor("ri")) ? i + 1 : undefined,
              colFor("ri"),
              has(colFor("ri"))
                ? `is empty: give an assumed r (--r <value>) for studies without a reported correlation`
                : `is required for ${measure} (the file has no ri column): give --r <value>, and check its influence with --r-grid 0.3,0.5,0.7`,
            );
          }
          riAssumed++;
          return call.r;
        }
        return v;
      });
      base.ri = ri as number[];
    }
    const es = inFileTerms(tool, fileRow, fieldCol, () => escalc(measure!, base, { improvement: call.improvement }));
    yi = es.yi;
    vi = es.vi;
  }

  // moderators and subgroup: missing cells drop the study (with a warning), the type is kept
  const keep = rows.map(() => true);
  const modCols: Record<string, number[] | string[]> = {};
  for (const m of extra) {
    const cells = rows.map((r) => r[m].trim());
    const present = cells.filter((c) => !MISSING.has(c));
    const numeric = present.length > 0 && present.every((c) => /^[+-]?nan$/i.test(c) || !Number.isNaN(Number(c)));
    const dropped: number[] = [];
    cells.forEach((c, i) => {
      if (MISSING.has(c)) {
        keep[i] = false;
        dropped.push(i);
      } else if (numeric) numberCell(tool, c, i + 1, m);
    });
    if (dropped.length) {
      warnings.push(
        `${tool}: ${dropped.length} stud${
          dropped.length === 1 ? "y" : "ies"
        } with a missing ${m} omitted from model fitting: ` +
          dropped.map((i) => `row ${i + 1} (${label(i)})`).join(", "),
      );
    }
    if (m !== call.subgroup) modCols[m] = numeric ? cells.map((c) => (MISSING.has(c) ? NaN : Number(c))) : cells;
  }
  const idx = rows.map((_, i) => i).filter((i) => keep[i]);
  if (idx.length === 0) {
    issue(tool, undefined, "file", "has no study left once studies with missing moderators are omitted");
  }
  const sel = <T>(a: T[]) => idx.map((i) => a[i]);
  const kRows = sel(fileRow);
  const slab = idx.map(label);
  const y = sel(yi), v = sel(vi);
  const { method, test, level } = call;
  const colOfField: Record<string, string> = { ...fieldCol };
  if (vocabulary !== "yi") {
    colOfField.yi = `yi (computed by escalc from ${Object.values(fieldCol).join(", ")})`;
    colOfField.vi = `vi (computed by escalc)`;
  }
  for (const m of extra) colOfField[`mods.${m}`] = m;
  if (call.subgroup) colOfField.group = call.subgroup;
  const fit = <T>(f: () => T) => inFileTerms(tool, kRows, colOfField, f);

  let model: RmaResult | RmaModsResult;
  let ci: ConfintResult | null = null;
  let sg: SubgroupResult | null = null;
  if (call.mods.length) {
    const mods: Record<string, number[] | string[]> = {};
    for (const m of call.mods) mods[m] = sel(modCols[m] as unknown[]) as number[] | string[];
    const m = fit(() => rmaMods({ yi: y, vi: v, mods, method, test, level, slab }));
    model = m;
    warnings.push(...m.warnings.map((w) => w.replace(/^rmaMods: /, `${tool}: `)));
  } else {
    const f = fit(() => rma({ yi: y, vi: v, method, test, level, slab }));
    model = f;
    warnings.push(...f.warnings.map((w) => w.replace(/^rma: /, `${tool}: `)));
    if (method !== "FE" && f.k >= 2 && f.vt !== null) {
      try {
        ci = confint(f);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        warnings.push(`${tool}: Q-profile CI for tau2 not computed: ${e.message}`);
      }
    }
    if (call.subgroup) {
      const group = sel(rows.map((r) => r[call.subgroup!].trim()));
      sg = fit(() => subgroup({ yi: y, vi: v, group, method, test, level, slab }));
      for (const w of sg.warnings) if (!warnings.includes(w)) warnings.push(w);
    }
  }
  let mv: DependentEffectsResult | null = null;
  if (call.cluster) {
    const ids = (c: string): string[] =>
      idx.map((i) => {
        const v = rows[i][c].trim();
        if (MISSING.has(v)) issue(tool, i + 1, c, "is missing (every effect size needs an id here)", rows[i][c]);
        return v;
      });
    const mods: Record<string, number[] | string[]> = {};
    for (const m of call.mods) mods[m] = sel(modCols[m] as unknown[]) as number[] | string[];
    const colOfMv: Record<string, string> = { ...colOfField, cluster: call.cluster };
    if (call.obs) colOfMv.obs = call.obs;
    if (call.outcome) colOfMv.outcome = call.outcome;
    const clusterIds = ids(call.cluster);
    const obsIds = call.obs ? ids(call.obs) : undefined;
    const outcomeIds = call.outcome ? ids(call.outcome) : undefined;
    mv = inFileTerms(tool, kRows, colOfMv, () =>
      dependentEffects({
        yi: y,
        vi: v,
        cluster: clusterIds,
        obs: obsIds,
        outcome: outcomeIds,
        struct: call.struct,
        rho: call.rho,
        mods: call.mods.length ? mods : undefined,
        method: method as "REML" | "ML",
        level,
        robust: call.robust,
      }));
    for (const w of mv.warnings) warnings.push(`${tool}: rma.mv: ${w}`);
  }
  let rs: RSensitivityResult | null = null;
  if (call.rGrid) {
    if (!prePost || vocabulary === "yi") {
      issue(tool, undefined, "rGrid", "applies only to the pre-post measures MC, SMCC and SMCR computed from the file");
    }
    const data: EscalcData = {};
    for (const [f, col] of Object.entries(base)) if (f !== "ri") data[f as keyof EscalcData] = sel(col as number[]);
    rs = fit(() =>
      rSensitivity({
        measure: measure as "MC" | "SMCC" | "SMCR",
        data,
        r: call.rGrid,
        method,
        test,
        level,
        improvement: call.improvement,
      })
    );
  }
  let rt: RegtestResult | null = null;
  let tf: TrimfillSummary | null = null;
  let l1o: Leave1outResult | null = null;
  if (call.bias || call.leave1out) {
    if (model.model !== "rma.uni") {
      issue(tool, undefined, call.bias ? "bias" : "leave1out", "is for models without moderators (drop --mods)");
    }
    const m = model as RmaResult;
    const soft = <T>(what: string, f: () => T): T | null => {
      try {
        return fit(f);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        warnings.push(`${tool}: ${what} not computed: ${e.message}`);
        return null;
      }
    };
    if (call.bias) {
      rt = soft("Egger's regression test", () => regtest(m));
      if (rt) { for (const w of rt.warnings) warnings.push(w); }
      const t = soft("trim-and-fill", () => trimfill(m));
      if (t) {
        if (t.k0 > 0) { for (const w of t.fit.warnings) warnings.push(w); }
        tf = {
          k0: t.k0,
          side: t.side,
          beta: t.fit.beta,
          se: t.fit.se,
          ci_lb: t.fit.ci_lb,
          ci_ub: t.fit.ci_ub,
          filled: { yi: t.fit.yi.filter((_, i) => t.fill[i]), vi: t.fit.vi.filter((_, i) => t.fill[i]) },
          test: t.fit.test,
          level: t.fit.level,
        };
      }
    }
    if (call.leave1out) l1o = soft("leave-one-out", () => leave1out(m));
  }
  return {
    call,
    vocabulary,
    measure: vocabulary === "yi" ? "GEN" : measure!,
    dialect: dialect.description,
    data: { slab, yi: y, vi: v, row: kRows, ri_assumed: riAssumed, columns, cells: sel(rows) },
    model,
    confint: ci,
    subgroup: sg,
    rSensitivity: rs,
    regtest: rt,
    trimfill: tf,
    leave1out: l1o,
    multilevel: mv,
    warnings,
  };
}

function resolveOptions(tool: string, name: string, o: AnalyseOptions): AnalyseCall {
  if (o === null || typeof o !== "object") issue(tool, undefined, "options", "must be an object", o);
  const known = new Set<string>(["name", "tool", ...OPTION_NAMES]);
  for (const key of Object.keys(o)) {
    if (!known.has(key)) issue(tool, undefined, "options", `has an unknown option ${key}`);
  }
  if (o.measure !== undefined && !MEASURES.includes(o.measure)) {
    issue(tool, undefined, "measure", `must be one of ${MEASURES.join(", ")}`, o.measure);
  }
  if (o.method !== undefined && !TAU2_METHODS.includes(o.method)) {
    issue(tool, undefined, "method", `must be one of ${TAU2_METHODS.join(", ")}`, o.method);
  }
  if (o.test !== undefined && o.test !== "z" && o.test !== "knha") {
    issue(tool, undefined, "test", 'must be "z" or "knha"', o.test);
  }
  const level = normalizeLevel(o.level ?? 95, tool, "level");
  const inR = (x: unknown) => typeof x === "number" && x >= -1 && x <= 1;
  if (o.r !== undefined && !inR(o.r)) issue(tool, undefined, "r", "must be a correlation in [-1, 1]", o.r);
  if (o.rGrid !== undefined) {
    if (!Array.isArray(o.rGrid) || o.rGrid.length === 0) {
      issue(tool, undefined, "rGrid", "must be a list of correlations");
    }
    o.rGrid.forEach((r) => {
      if (!inR(r)) issue(tool, undefined, "rGrid", "values must be correlations in [-1, 1]", r);
    });
  }
  if (o.rFor !== undefined && o.rFor !== "missing" && o.rFor !== "all") {
    issue(tool, undefined, "rFor", 'must be "missing" or "all"', o.rFor);
  }
  if (o.rFor === "all" && o.r === undefined) {
    issue(tool, undefined, "r", 'is required when it applies to every study (rFor: "all", the CLI\'s --r-all)');
  }
  if (o.improvement !== undefined && o.improvement !== "increase" && o.improvement !== "decrease") {
    issue(tool, undefined, "improvement", 'must be "increase" or "decrease"', o.improvement);
  }
  const mods = o.mods ?? [];
  if (!Array.isArray(mods) || mods.some((m) => typeof m !== "string" || m === "")) {
    issue(tool, undefined, "mods", "must be a list of column names", mods);
  }
  if (mods.length && o.subgroup) issue(tool, undefined, "subgroup", "cannot be combined with mods");
  const cols = { ...(o.cols ?? {}) };
  for (const [f, c] of Object.entries(cols)) {
    if (!STUDY_COLUMNS.includes(f)) {
      issue(tool, undefined, "cols", `maps ${f}, which is not one of ${STUDY_COLUMNS.join(", ")}`, `${f}=${c}`);
    }
    if (typeof c !== "string" || c.trim() === "") issue(tool, undefined, "cols", `must name a column for ${f}`, c);
  }
  const dep = resolveDependence(tool, o);
  return {
    name,
    measure: o.measure,
    method: o.method ?? "REML",
    test: o.test ?? "z",
    level,
    r: o.r,
    rFor: o.rFor ?? "missing",
    rGrid: o.rGrid,
    improvement: o.improvement,
    mods: [...mods],
    subgroup: o.subgroup,
    slab: o.slab,
    cols,
    bias: o.bias ?? false,
    leave1out: o.leave1out ?? false,
    ...dep,
  };
}

/** Check the dependent-effects options and their combinations with the others. */
function resolveDependence(
  tool: string,
  o: AnalyseOptions,
): Pick<AnalyseCall, "cluster" | "obs" | "outcome" | "struct" | "rho" | "robust"> {
  const flag: Record<string, string> = {
    obs: "--obs",
    outcome: "--outcome",
    struct: "--struct",
    rho: "--rho",
    robust: "--robust",
    subgroup: "--subgroup",
    bias: "--bias",
    leave1out: "--leave1out",
    rGrid: "--r-grid",
  };
  for (const key of ["cluster", "obs", "outcome"] as const) {
    const c = o[key];
    if (c !== undefined && (typeof c !== "string" || c.trim() === "")) {
      issue(tool, undefined, key, "must name a column", c);
    }
  }
  if (o.cluster === undefined) {
    for (const key of ["obs", "outcome", "struct", "rho"] as const) {
      if (o[key] !== undefined) {
        issue(
          tool,
          undefined,
          key,
          `(${flag[key]}) needs cluster (--cluster <study column>): it describes effect sizes within studies`,
        );
      }
    }
    if (o.robust) {
      issue(tool, undefined, "robust", "(--robust) needs cluster (--cluster <study column>): CR2 clusters by study");
    }
    return { robust: false };
  }
  for (const key of ["subgroup", "bias", "leave1out", "rGrid"] as const) {
    const v = o[key];
    if (v !== undefined && v !== false) {
      issue(
        tool,
        undefined,
        key,
        `(${flag[key]}) cannot be combined with cluster: it is defined for one effect size per study ` +
          "(use moderators, --mods, with --cluster)",
      );
    }
  }
  if (o.method !== undefined && o.method !== "REML" && o.method !== "ML") {
    issue(tool, undefined, "method", 'must be "REML" or "ML" with cluster (rma.mv estimates by likelihood)', o.method);
  }
  if (o.test === "knha") {
    issue(
      tool,
      undefined,
      "test",
      '"knha" is not available with cluster (rma.mv has no Knapp-Hartung adjustment); use --robust for ' +
        "small-sample t tests (CR2, Satterthwaite df)",
      o.test,
    );
  }
  if (o.struct !== undefined && !DEPENDENCE_STRUCTS.includes(o.struct)) {
    issue(tool, undefined, "struct", `must be one of ${DEPENDENCE_STRUCTS.join(", ")}`, o.struct);
  }
  if (o.rho !== undefined && !(typeof o.rho === "number" && o.rho >= -1 && o.rho <= 1)) {
    issue(tool, undefined, "rho", "must be a correlation in [-1, 1]", o.rho);
  }
  const struct: DependenceStruct = o.struct ?? (o.rho !== undefined ? "CHE" : "ML");
  if (struct === "CHE" && o.rho === undefined) {
    issue(
      tool,
      undefined,
      "rho",
      "(--rho) is required for struct CHE: the assumed correlation of effect sizes within a study, e.g. 0.6",
    );
  }
  if (struct === "ML" && o.rho !== undefined) {
    issue(tool, undefined, "rho", '(--rho) applies to struct CHE (or CS, HCS, UN); "ML" uses V = diag(vi)', o.rho);
  }
  const multivariate = struct === "CS" || struct === "HCS" || struct === "UN";
  if (multivariate && o.outcome === undefined) {
    issue(tool, undefined, "outcome", `(--outcome <column>) is required for struct ${struct} (~ outcome | study)`);
  }
  if (!multivariate && o.outcome !== undefined) {
    issue(tool, undefined, "outcome", `(--outcome) applies to struct CS, HCS or UN, not to ${struct}`);
  }
  if (o.obs !== undefined && o.obs === o.cluster) {
    issue(tool, undefined, "obs", "must differ from the cluster column", o.obs);
  }
  return { cluster: o.cluster, obs: o.obs, outcome: o.outcome, struct, rho: o.rho, robust: o.robust ?? false };
}

/**
 * Run `f`; a ValidationError from an engine function (fields in metafor's names, rows as study
 * indices) is rethrown in the file's terms: the tool, the file's 1-based row and the column.
 */
function inFileTerms<T>(tool: string, fileRows: number[], colOf: Record<string, string>, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const issues = e.issues.map((i): Issue => {
      const field = i.path.replace(/^data\./, "");
      const col = colOf[i.path] ?? colOf[field];
      const out: Issue = { path: col ? `column ${col}` : i.path, rule: i.rule };
      if ("received" in i) out.received = i.received;
      if (i.row !== undefined) out.row = fileRows[i.row - 1] ?? i.row;
      return out;
    });
    throw new ValidationError(`${tool} (${e.tool})`, issues);
  }
}
