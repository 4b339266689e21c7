/**
 * zod schemas of the practice engine's inputs (internal: the public surface is the TypeScript
 * interfaces in the engine's files). Every object schema is strict, so a misspelt option key
 * (`centers` for `centres`) is an error ("has unknown field(s) centers"), never silently ignored.
 * Confidence levels are percentages that also accept a proportion (`levelSchema`).
 * @module
 */
import { z } from "zod";
import { levelSchema, seedSchema } from "../_schemas.ts";
import { csvInteger, csvNumber, csvOptionalNumber, csvString } from "../io/csv.ts";
import { PDI_MCID } from "../instruments.ts";

/** Outcomes benchmarkCentres can benchmark. */
export const OUTCOME_VALUES = ["pdi_change", "pdi_responder", "psc_change"] as const;
/** Overdispersion methods. */
export const OD_VALUES = ["none", "multiplicative", "additive"] as const;
/** Estimators of the additive between-unit variance tau2. */
export const TAU2_VALUES = ["spiegelhalter-winsorised", "spiegelhalter", "DL", "REML"] as const;
/**
 * The default tau2 estimator: the one closest to nominal in the calibration table
 * (`calibrateOverdispersion`, data/registry/calibration.json; checked in tests/practice/calibrate_test.ts).
 */
export const DEFAULT_TAU2 = "DL" as const;

const baseParams = {
  centres: z.number().int().min(2).max(500).default(25),
  sizeMin: z.number().int().min(5).max(100000).default(30),
  sizeMax: z.number().int().min(5).max(100000).default(150),
  years: z.number().int().min(1).max(10).default(1),
  indicationBreadth: z.number().min(0).max(0.95).default(0.15),
  indicationSpread: z.number().min(1).max(1000).default(6),
  doseHours: z.number().min(10).max(274).default(80),
  doseSpread: z.number().min(0).max(1.5).default(0.45),
  doseEffect: z.number().min(0).max(1).default(0),
  centreSD: z.number().min(0).max(20).default(1.5),
  shortfall: z.number().min(-30).max(30).default(0),
  shortfallCentres: z.number().int().min(0).default(0),
  broadCentres: z.number().int().min(0).default(0),
  broadShare: z.number().min(0).max(1).default(0.5),
  wpn4Share: z.number().min(0).max(1).default(0.4),
  meanChange: z.number().min(-20).max(40).default(11.5),
  residualSD: z.number().positive().max(40).default(12),
  mcid: z.number().positive().max(70).default(PDI_MCID.value),
  preMeanEndOfLine: z.number().min(0).max(70).default(42),
  preMeanLessComplex: z.number().min(0).max(70).default(28),
  preSD: z.number().positive().max(30).default(10),
  durationMedianEndOfLine: z.number().positive().max(60).default(7),
  durationMedianLessComplex: z.number().positive().max(60).default(2),
  workEndOfLine: z.number().min(0).max(1).default(0.16),
  workLessComplex: z.number().min(0).max(1).default(0.4),
  lessComplexGain: z.number().min(-30).max(30).default(0),
  bPre: z.number().min(-2).max(2).default(0.5),
  bDuration: z.number().min(-10).max(10).default(-1),
  bWork: z.number().min(-10).max(10).default(2),
  bWpn4: z.number().min(-10).max(10).default(-1),
  pscChangeES: z.number().min(-5).max(5).default(1.44),
};

/** The registry parameters without cross-field rules (so that defaults can be read from it). */
export const paramsObject = z.strictObject(baseParams);

/** Registry parameters with the cross-field rules (sizes, counts of diagnosis centres). */
export const paramsSchema = paramsObject.superRefine((p, ctx) => {
  if (p.sizeMax < p.sizeMin) {
    ctx.addIssue({ code: "custom", path: ["sizeMax"], message: `must be >= sizeMin (${p.sizeMin}), got ${p.sizeMax}` });
  }
  if (p.shortfallCentres > p.centres) {
    ctx.addIssue({
      code: "custom",
      path: ["shortfallCentres"],
      message: `must be <= centres (${p.centres}), got ${p.shortfallCentres}`,
    });
  }
  if (p.broadCentres > p.centres) {
    ctx.addIssue({
      code: "custom",
      path: ["broadCentres"],
      message: `must be <= centres (${p.centres}), got ${p.broadCentres}`,
    });
  }
  if (
    p.shortfallCentres <= p.centres && p.broadCentres <= p.centres && p.shortfallCentres + p.broadCentres > p.centres
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["broadCentres"],
      message:
        `plus shortfallCentres must be <= centres (${p.centres}): the shortfall centres are the first ones and ` +
        `the over-broad ones the last, so ${p.shortfallCentres} + ${p.broadCentres} would overlap`,
    });
  }
});

/** A required seed, reported as the field `seed`. */
export const seedObject = z.object({ seed: seedSchema });

/** One registry row (parsed, camelCase; extra fields such as a simulation's hidden truth are dropped). */
export const registryRowSchema = z.object({
  centre: z.string().min(1),
  wpn: z.number().int().min(1).max(4),
  painYears: z.number().positive().finite(),
  work: z.number().int().min(0).max(1),
  pdiPre: z.number().min(0).max(70),
  pdiPost: z.number().min(0).max(70),
  pscPre: z.number().min(0).max(100).nullable().optional(),
  pscPost: z.number().min(0).max(100).nullable().optional(),
  hours: z.number().min(0).max(2000).nullable().optional(),
  year: z.number().int().nullable().optional(),
});

const levelsSchema = z.array(levelSchema).min(1).max(4);

const ROW_KEYS = Object.keys(registryRowSchema.shape);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const inRange = (v: unknown, lo: number, hi: number): boolean => isNum(v) && v >= lo && v <= hi;
const optRange = (v: unknown, lo: number, hi: number): boolean => v === undefined || v === null || inRange(v, lo, hi);

/**
 * The rows {@link registryRowSchema} would return, checked by plain loops instead of zod (a national
 * extract of 10⁶ rows took zod 2.6 s), or null when any row breaks a rule — the caller then runs the
 * zod schema, whose message names the row and rule. Same rules, same output (unknown keys dropped,
 * absent optional keys stay absent): `tests/practice/fast_rows_test.ts` checks it against zod.
 */
export function fastRegistryRows(rows: unknown): z.output<typeof registryRowSchema>[] | null {
  if (!Array.isArray(rows)) return null;
  const out = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (typeof r !== "object" || r === null || Array.isArray(r)) return null;
    const o = r as Record<string, unknown>;
    if (typeof o.centre !== "string" || o.centre.length < 1) return null;
    if (!inRange(o.wpn, 1, 4) || !Number.isSafeInteger(o.wpn)) return null;
    if (!isNum(o.painYears) || o.painYears <= 0) return null;
    if (!inRange(o.work, 0, 1) || !Number.isSafeInteger(o.work)) return null;
    if (!inRange(o.pdiPre, 0, 70) || !inRange(o.pdiPost, 0, 70)) return null;
    if (!optRange(o.pscPre, 0, 100) || !optRange(o.pscPost, 0, 100) || !optRange(o.hours, 0, 2000)) return null;
    if (!(o.year === undefined || o.year === null || (isNum(o.year) && Number.isSafeInteger(o.year)))) return null;
    if ("pscPre" in o && "pscPost" in o && "hours" in o && "year" in o) {
      // The usual row (every optional key present): one object literal, one hidden class.
      out[i] = {
        centre: o.centre,
        wpn: o.wpn,
        painYears: o.painYears,
        work: o.work,
        pdiPre: o.pdiPre,
        pdiPost: o.pdiPost,
        pscPre: o.pscPre,
        pscPost: o.pscPost,
        hours: o.hours,
        year: o.year,
      };
    } else {
      const row: Record<string, unknown> = {};
      for (const k of ROW_KEYS) if (k in o) row[k] = o[k];
      out[i] = row;
    }
  }
  return out;
}

export const benchSchema = z.strictObject({
  rows: z.array(registryRowSchema).min(10),
  outcome: z.enum(OUTCOME_VALUES).default("pdi_change"),
  mcid: z.number().positive().max(70).default(PDI_MCID.value),
  od: z.enum(OD_VALUES).default("additive"),
  tau2Method: z.enum(TAU2_VALUES).default(DEFAULT_TAU2),
  trim: z.number().min(0).lt(0.5).default(0.1),
  levels: levelsSchema.length(2).default([95, 99.8]),
  minCentreSize: z.number().int().min(1).default(5),
  caseMix: z.enum(["pooled", "mixed"]).default("pooled"),
  curvePoints: z.number().int().min(0).max(2000).default(200),
});

/** {@link benchSchema} for rows {@link fastRegistryRows} has already checked (same messages for the options). */
export const benchSchemaCheckedRows = benchSchema.extend({ rows: z.array(z.unknown()).min(10) });

export const indicationSchema = z.strictObject({
  rows: z.array(registryRowSchema).min(10),
  threshold: z.number().min(0).max(70).default(30),
  od: z.enum(OD_VALUES).default("additive"),
  tau2Method: z.enum(TAU2_VALUES).default(DEFAULT_TAU2),
  levels: levelsSchema.default([95, 99.8]),
  minCentreSize: z.number().int().min(1).default(5),
  curvePoints: z.number().int().min(0).max(2000).default(200),
});

/** {@link indicationSchema} for rows {@link fastRegistryRows} has already checked. */
export const indicationSchemaCheckedRows = indicationSchema.extend({ rows: z.array(z.unknown()).min(10) });

export const diagnoseSchema = z.strictObject({
  params: paramsObject.partial().default({}),
  reps: z.number().int().min(1).max(100000).default(200),
  seed: seedSchema,
  outcome: z.enum(OUTCOME_VALUES).default("pdi_change"),
  od: z.enum(OD_VALUES).default("additive"),
  tau2Method: z.enum(TAU2_VALUES).default(DEFAULT_TAU2),
  caseMix: z.enum(["pooled", "mixed"]).default("pooled"),
  indicationThreshold: z.number().min(0).max(70).default(30),
});

export const nullRatesSchema = z.strictObject({
  reps: z.number().int().min(1).max(100000).default(200),
  seed: seedSchema,
  centres: z.number().int().min(3).max(500).default(25),
  years: z.number().int().min(1).max(10).default(1),
  outcome: z.enum(OUTCOME_VALUES).default("pdi_change"),
});

export const binomSchema = z.strictObject({
  p0: z.number().gt(0).lt(1),
  n: z.number().positive().finite(),
  level: levelSchema.default(95),
  method: z.enum(["exact", "normal"]).default("exact"),
});

export const poissonSchema = z.strictObject({ E: z.number().positive().finite(), level: levelSchema.default(95) });

export const winsorSchema = z.strictObject({
  z: z.array(z.number().finite()).min(1),
  trim: z.number().min(0).lt(0.5).default(0.1),
});

export const odSchema = z.strictObject({
  z: z.array(z.number().finite()).min(2),
  s: z.array(z.number().positive().finite()).min(2),
  trim: z.number().min(0).lt(0.5).default(0.1),
});

const unitSchema = z.strictObject({
  id: z.string().min(1),
  O: z.number().finite(),
  n: z.number().positive().finite().optional(),
  E: z.number().finite().optional(),
  se: z.number().positive().finite().optional(),
});

export const funnelSchema = z.strictObject({
  type: z.enum(["proportion", "ratio", "mean"]),
  units: z.array(unitSchema).min(2),
  target: z.number().finite().optional(),
  levels: levelsSchema.default([95, 99.8]),
  od: z.enum(OD_VALUES).default("none"),
  tau2Method: z.enum(TAU2_VALUES).default(DEFAULT_TAU2),
  trim: z.number().min(0).lt(0.5).default(0.1),
  limits: z.enum(["exact", "normal"]).default("exact"),
  curvePoints: z.number().int().min(0).max(2000).default(200),
});

export const shrinkSchema = z.strictObject({
  yi: z.array(z.number().finite()).min(1),
  vi: z.array(z.number().positive().finite()).min(1),
  tau2: z.number().min(0).finite(),
  mu: z.number().finite(),
  level: levelSchema.default(95),
});

const designSchema = {
  X: z.array(z.array(z.number().finite())).min(1),
  names: z.array(z.string()).optional(),
  intercept: z.boolean().default(true),
};

export const linearSchema = z.strictObject({ ...designSchema, y: z.array(z.number().finite()).min(2) });

export const logisticSchema = z.strictObject({
  ...designSchema,
  y: z.array(z.union([z.literal(0), z.literal(1)])).min(2),
  maxIter: z.number().int().min(1).max(200).default(50),
  tol: z.number().positive().default(1e-10),
});

export const predictSchema = z.strictObject({
  coef: z.array(z.number().finite()).min(1),
  X: z.array(z.array(z.number().finite())),
  link: z.enum(["identity", "logit"]).default("identity"),
  intercept: z.boolean().default(true),
});

const pdi = () => csvNumber().pipe(z.number().min(0).max(70));
const psc = () => csvOptionalNumber().pipe(z.number().min(0).max(100).nullable());

/** One CSV row of a registry extract (cells are strings; extra columns are allowed and ignored). */
export const registryCsvRow = z.object({
  centre: csvString(),
  wpn: csvInteger().pipe(z.number().min(1).max(4)),
  pain_years: csvNumber().pipe(z.number().gt(0).max(100)),
  work: csvInteger().pipe(z.union([z.literal(0), z.literal(1)], { error: "must be 0 or 1" })),
  pdi_pre: pdi(),
  pdi_post: pdi(),
  psc_pre: psc().optional(),
  psc_post: psc().optional(),
  hours: csvOptionalNumber().pipe(z.number().min(0).max(2000).nullable()).optional(),
  year: csvOptionalNumber().pipe(z.number().int().nullable()).optional(),
});

export const calibrateSchema = z.strictObject({
  reps: z.number().int().min(1).max(100000).default(200),
  seed: seedSchema,
  centreSDs: z.array(z.number().min(0).max(20)).min(1).max(10).default([0, 1.5, 3]),
  centres: z.number().int().min(3).max(500).default(25),
  sizeMin: z.number().int().min(5).max(100000).default(30),
  sizeMax: z.number().int().min(5).max(100000).default(150),
  residualSD: z.number().positive().max(100).default(12),
  methods: z.array(z.enum([
    "none",
    "multiplicative-winsorised",
    "multiplicative",
    "additive-spiegelhalter-winsorised",
    "additive-spiegelhalter",
    "additive-DL",
    "additive-REML",
  ])).min(1).optional(),
}).refine((p) => p.sizeMax >= p.sizeMin, { path: ["sizeMax"], message: "must be >= sizeMin" });

export const rankabilitySchema = z.strictObject({
  vi: z.array(z.number().positive().finite()).min(1),
  tau2: z.number().min(0).finite(),
});

export const rankSchema = z.strictObject({
  ids: z.array(z.string()).optional(),
  yi: z.array(z.number().finite()).min(2),
  vi: z.array(z.number().positive().finite()).min(2),
  tau2: z.number().min(0).finite(),
  mu: z.number().finite(),
  level: levelSchema.default(95),
  reps: z.number().int().min(100).max(1000000).default(2000),
  seed: seedSchema,
});

export const rankBenchSchema = z.strictObject({
  level: levelSchema.default(95),
  reps: z.number().int().min(100).max(1000000).default(2000),
  seed: seedSchema,
});

const prob = () => z.number().gt(0).lt(1);
const oddsRatio = () => z.number().positive().finite();

export const cusumWeightSchema = z.strictObject({
  pResponse: prob(),
  responder: z.union([z.literal(0), z.literal(1)]),
  RA: oddsRatio().default(2),
  R0: oddsRatio().default(1),
});

export const cusumSchema = z.strictObject({
  pResponse: z.array(prob()).min(1),
  responder: z.array(z.union([z.literal(0), z.literal(1)])).min(1),
  h: z.number().positive().finite(),
  RA: oddsRatio().default(2),
  R0: oddsRatio().default(1),
  reset: z.boolean().default(true),
});

export const cusumThresholdSchema = z.strictObject({
  pResponse: z.array(prob()).min(1),
  arl0: z.number().min(10).max(100000).default(1000),
  RA: oddsRatio().refine((v) => v !== 1, "must differ from 1").default(2),
  reps: z.number().int().min(50).max(100000).default(1000),
  seed: seedSchema,
});

export const runLengthSchema = z.strictObject({
  pResponse: z.array(prob()).min(1),
  h: z.number().positive().max(50),
  RA: oddsRatio().default(2),
  trueOR: oddsRatio().default(1),
  reps: z.number().int().min(10).max(100000).default(1000),
  seed: seedSchema,
});

export const signalProbabilitySchema = z.strictObject({
  pResponse: z.array(prob()).min(1),
  h: z.number().positive().max(50),
  n: z.number().int().min(1).max(1000000).optional(),
  RA: oddsRatio().refine((v) => v !== 1, "must differ from 1").default(2),
  reps: z.number().int().min(10).max(100000).default(1000),
  seed: seedSchema,
});

export const thresholdAlphaSchema = z.strictObject({
  pResponse: z.array(prob()).min(1),
  alpha: z.number().gt(0).lt(1).default(0.05),
  n: z.number().int().min(1).max(1000000).optional(),
  RA: oddsRatio().refine((v) => v !== 1, "must differ from 1").default(2),
  reps: z.number().int().min(50).max(100000).default(1000),
  seed: seedSchema,
});

export const monitorSchema = z.strictObject({
  rows: z.array(registryRowSchema).min(10),
  mcid: z.number().positive().max(70).default(PDI_MCID.value),
  RA: oddsRatio().refine((v) => v !== 1, "must differ from 1").default(2),
  arl0: z.number().min(10).max(100000).default(1000),
  reps: z.number().int().min(50).max(100000).default(1000),
  seed: seedSchema,
});

export const missingSchema = z.strictObject({
  rows: z.array(registryRowSchema.extend({ pdiPost: z.number().min(0).max(70).nullable() })).min(10),
  deltas: z.array(z.number().min(-70).max(70)).min(1).max(20).default([0, -2, -4, -6]),
  od: z.enum(OD_VALUES).default("additive"),
  tau2Method: z.enum(TAU2_VALUES).default(DEFAULT_TAU2),
  levels: levelsSchema.length(2).default([95, 99.8]),
});

export const maskSchema = z.strictObject({
  rows: z.array(registryRowSchema.passthrough()).min(1),
  share: z.number().min(0).max(0.95).default(0.25),
  concentration: z.number().min(1).max(1000).default(8),
  nonResponderOR: z.number().positive().max(100).default(2),
  mcid: z.number().positive().max(70).default(PDI_MCID.value),
  seed: seedSchema,
});

export const mixedSchema = z.strictObject({
  X: z.array(z.array(z.number().finite())).min(4),
  y: z.array(z.number().finite()).min(4),
  groups: z.array(z.string().min(1)).min(4),
  names: z.array(z.string()).optional(),
  within: z.boolean().default(true),
  family: z.enum(["gaussian", "binomial"]).default("gaussian"),
});
