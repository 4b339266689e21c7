/**
 * Input schemas and checks of the meta engine (internal). The zod schemas check the shape (types,
 * known option names, `level` as 95 or 0.95); the hand-written checks name the 1-based study row
 * (`rma: row 4, vi must be > 0, got 0`) and say when numbers cannot be represented.
 * @module
 */
import { z } from "zod";
import { levelSchema } from "../_schemas.ts";
import { fail, type Issue, ValidationError } from "../validate.ts";
import type { Tau2Method, TestType } from "./rma.ts";

/** The τ² estimators (metafor's names), in a stable order. */
export const METHOD_NAMES: readonly Tau2Method[] = ["FE", "DL", "HE", "HS", "SJ", "ML", "REML", "EB", "PM"];

/** zod schema of a τ² estimator name. */
export const methodSchema: z.ZodType<Tau2Method> = z.enum(
  METHOD_NAMES as unknown as [Tau2Method, ...Tau2Method[]],
  { error: `must be one of ${METHOD_NAMES.join(", ")}` },
);
/** zod schema of the test type. */
export const testSchema: z.ZodType<TestType> = z.enum(["z", "knha"], { error: 'must be "z" or "knha"' });

// values are checked per study (with their 1-based row) by checkStudies
const numbers = z.array(z.unknown(), { error: "must be an array of numbers" });

/** Shape of rma()'s input (values are checked by {@link checkStudies}). */
export const rmaSchema = z.strictObject({
  yi: numbers,
  vi: numbers,
  method: methodSchema.optional(),
  test: testSchema.optional(),
  level: levelSchema.optional(),
  slab: z.array(z.string()).optional(),
});

/** Shape of rmaMods()'s input. */
export const rmaModsSchema = z.strictObject({
  yi: numbers,
  vi: numbers,
  mods: z.record(z.string(), z.array(z.unknown()), {
    error: "must be an object of named columns (numbers or strings)",
  }),
  intercept: z.boolean().optional(),
  method: methodSchema.optional(),
  test: testSchema.optional(),
  level: levelSchema.optional(),
  slab: z.array(z.string()).optional(),
});

/** Shape of subgroup()'s input. */
export const subgroupSchema = z.strictObject({
  yi: numbers,
  vi: numbers,
  group: z.array(z.string()),
  method: methodSchema.optional(),
  test: testSchema.optional(),
  level: levelSchema.optional(),
  slab: z.array(z.string()).optional(),
});

/** Shape of rSensitivity()'s input. */
export const rSensitivitySchema = z.strictObject({
  measure: z.enum(["MC", "SMCC", "SMCR"], { error: 'must be one of "MC", "SMCC", "SMCR"' }),
  data: z.record(z.string(), z.array(z.number().nullable())),
  r: z.array(z.number().min(-1).max(1)).min(1).optional(),
  method: methodSchema.optional(),
  test: testSchema.optional(),
  level: levelSchema.optional(),
  improvement: z.enum(["increase", "decrease"]).optional(),
});

/**
 * Check per-study effect sizes and variances: at least one study, equal lengths, every yi a finite
 * number and every vi a finite number > 0 (>= 0 with `allowZeroVi`, as metafor's rma.uni accepts
 * vi = 0), each problem named by its 1-based row.
 */
export function checkStudies(
  tool: string,
  yi: readonly number[],
  vi: readonly number[],
  slab?: readonly string[],
  allowZeroVi = false,
): void {
  const k = yi.length;
  if (k === 0) fail(tool, "yi", "must have at least 1 element (k = 0: no studies)", 0);
  if (vi.length !== k) fail(tool, "vi", `must have ${k} elements (like yi)`, vi.length);
  if (slab !== undefined && slab.length !== k) fail(tool, "slab", `must have ${k} elements (like yi)`, slab.length);
  const issues: Issue[] = [];
  for (let i = 0; i < k && issues.length < 10; i++) {
    if (typeof yi[i] !== "number" || !Number.isFinite(yi[i])) {
      issues.push({ path: "yi", row: i + 1, rule: "must be a finite number", received: yi[i] });
    }
    const v = vi[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.push({ path: "vi", row: i + 1, rule: "must be a finite number", received: v });
    } else if (allowZeroVi ? !(v >= 0) : !(v > 0)) {
      issues.push({
        path: "vi",
        row: i + 1,
        rule: allowZeroVi
          ? "must be >= 0 (a sampling variance)"
          : "must be > 0 (a sampling variance; 0 would give the study infinite weight)",
        received: v,
      });
    }
  }
  if (issues.length) throw new ValidationError(tool, issues);
  // the weighted sums the fit needs must be representable: Σ yi²/vi (Q) and Σ 1/vi³ (tr(PP))
  let q = 0, w3 = 0;
  for (let i = 0; i < k; i++) {
    if (vi[i] === 0) continue; // allowed only with allowZeroVi; the fit handles it as metafor does
    q += yi[i] * (yi[i] / vi[i]);
    w3 += 1 / (vi[i] * vi[i] * vi[i]);
  }
  if (!Number.isFinite(w3)) assertRepresentable(tool, "vi", w3, yi, vi);
  if (!Number.isFinite(q)) assertRepresentable(tool, "yi", q, yi, vi);
}

/**
 * Refuse a non-finite computed quantity with a message that says why: values too large (overflow)
 * or sampling variances too small (their weights 1/vi overflow), never a silent NaN or Infinity.
 */
export function assertRepresentable(
  tool: string,
  field: string,
  value: number,
  yi: readonly number[],
  vi: readonly number[],
): void {
  if (Number.isFinite(value)) return;
  const what = field === "yi" || field === "vi" ? "are out of range" : "cannot be computed";
  let maxY = 0, minV = Infinity;
  for (const y of yi) maxY = Math.max(maxY, Math.abs(y));
  for (const v of vi) minV = Math.min(minV, v);
  if (maxY > 1e100) {
    fail(
      tool,
      field,
      `${what}: the values overflow (|yi| up to ${maxY.toExponential(3)} is too large for ` +
        "double precision once squared or weighted); rescale yi and vi (e.g. other units)",
      value,
    );
  }
  if (minV < 1e-100) {
    fail(
      tool,
      field,
      `${what}: the sampling variances underflow (vi as small as ${minV.toExponential(3)} give ` +
        "weights 1/vi that overflow); rescale yi and vi (e.g. other units) or check vi",
      value,
    );
  }
  fail(tool, field, "is not a finite number (an overflow or an undefined quantity)", value);
}

/** A ValidationError for the Knapp–Hartung test when all residuals are 0 (e.g. identical yi). */
export function knhaUndefined(tool: string, yi: readonly number[]): never {
  const same = yi.every((y) => y === yi[0]);
  return fail(
    tool,
    "test",
    `"knha" is undefined for these data: ${
      same ? `the effect sizes are all identical (yi = ${yi[0]})` : "the model fits every effect size exactly"
    }, so the Knapp-Hartung scale factor is 0 and t would be infinite; use test "z"`,
    "knha",
  );
}

/** Where the studies of a refit sit in the user's data, for the messages of {@link zeroViWarnings}. */
export interface ZeroViRows {
  /** The user's label of the i-th study of the refit (0-based i): its 1-based row, or e.g. "Filled 1". */
  label: (i: number) => string | number;
  /** Which fit this is, e.g. `the separate fit of level "a"` (said in every message). */
  fit: string;
}

/**
 * metafor's handling of vi = 0 once τ² is estimated (rma.uni): with τ² = 0 a weight 1/(vi + τ²) is
 * infinite and metafor stops ("Division by zero when computing the inverse variance weights");
 * otherwise it fits, warns, and reports the Q-test, I² and H² as NA. Returns the warnings (none
 * when every vi > 0). `intOnly` picks metafor's wording ("Q-test" without moderators, "QE-test" with).
 * `rows` names the studies of a refit on a subset or a reordering of the data by the user's rows.
 */
export function zeroViWarnings(
  context: string,
  vi: readonly number[],
  tau2: number,
  method: string,
  intOnly: boolean,
  rows?: ZeroViRows,
): string[] {
  const zero: (string | number)[] = [];
  for (let i = 0; i < vi.length; i++) if (!(vi[i] > 0)) zero.push(rows ? rows.label(i) : i + 1);
  if (zero.length === 0) return [];
  const where = `row${zero.length > 1 ? "s" : ""} ${zero.join(", ")}${rows ? ` in ${rows.fit}` : ""}`;
  if (tau2 === 0) {
    fail(
      context,
      "vi",
      `= 0 (${where}) with tau2 = 0${method === "FE" ? " (FE model)" : ""}: ` +
        '"Division by zero when computing the inverse variance weights", as metafor stops',
      0,
    );
  }
  const inFit = rows ? ` in ${rows.fit}` : "";
  if (zero.length === vi.length) {
    // metafor stays silent when every vi is 0 (the user constrained them); the toolkit says why QE is null
    return [`${context}: every vi is 0${inFit}, so QE, QEp, I2 and H2 are NA (null), as metafor reports them.`];
  }
  return [
    `${context}: There are outcomes with non-positive sampling variances (vi = 0 in ${where}).`,
    `${context}: Cannot compute ${intOnly ? "Q" : "QE"}-test, I^2, or H^2 when there are non-positive sampling ` +
    `variances in the data (QE, QEp, I2 and H2 are NA${inFit}, as metafor).`,
  ];
}
