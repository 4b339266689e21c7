/**
 * zod schemas of the effects engine (internal: the public surface is the TypeScript interfaces in
 * `escalc.ts` and `convert.ts`).
 * @module
 */
import { z } from "zod";
import { levelSchema } from "../_schemas.ts";
import type { Measure } from "./escalc.ts";

/** The measures, in a stable order (kept here so the schema needs no runtime import cycle). */
export const MEASURE_NAMES: readonly Measure[] = [
  "MC",
  "SMCC",
  "SMCR",
  "MD",
  "SMD",
  "PR",
  "PLO",
  "PAS",
  "PFT",
  "RR",
  "OR",
  "RD",
];

const arr = z.array(z.number({ error: "must be a finite number" }).finite()).optional();

/** Shape of escalc's data (metafor's columns, each optional). */
export const dataSchema = z.strictObject({
  m1i: arr,
  m2i: arr,
  sd1i: arr,
  sd2i: arr,
  ni: arr,
  n1i: arr,
  n2i: arr,
  ri: arr,
  xi: arr,
  ai: arr,
  bi: arr,
  ci: arr,
  di: arr,
});

/** A measure name. */
export const measureSchema = z.enum(MEASURE_NAMES as unknown as [Measure, ...Measure[]], {
  error: `must be one of ${MEASURE_NAMES.join(", ")}`,
});

/** escalc's options. */
export const optionsSchema = z.strictObject({ improvement: z.enum(["increase", "decrease"]).optional() }).optional();

/** A finite number. */
export const finite: z.ZodNumber = z.number({ error: "must be a finite number" }).finite();

/** The level of an interval: 95 or 0.95. */
export { levelSchema };
