/**
 * zod schemas for the shared conventions (internal: engines use them in their input schemas; the
 * public surface is the types and functions in `conventions.ts`).
 * @module
 */
import { z } from "zod";
import type { Improvement } from "./conventions.ts";

/** zod schema of {@link Improvement}. */
export const improvementSchema: z.ZodType<Improvement> = z.enum(["increase", "decrease"]);

/**
 * zod schema for a confidence level: accepts a percentage or a proportion and outputs the
 * percentage (`0.95` → `95`).
 */
export const levelSchema: z.ZodType<number, number> = z
  .number({ error: "must be a number (a percentage such as 95, or a proportion such as 0.95)" })
  .refine((x) => Number.isFinite(x) && x > 0 && x < 100, {
    error: "must be a percentage in [1, 100) or a proportion in (0, 1)",
  })
  .transform((x) => (x < 1 ? x * 100 : x));

/** zod schema for a required seed: a safe integer. */
export const seedSchema: z.ZodType<number> = z
  .number({ error: "is required (every random function takes a seed)" })
  .int({ error: "must be a whole number" })
  .refine((x) => Number.isSafeInteger(x), { error: "must be a safe integer" });
