/**
 * zod schemas for the plot builders' shared options (internal: the public types are in
 * `theme.ts`).
 * @module
 */
import { z } from "zod";
import type { Transform } from "./theme.ts";

/**
 * zod schema for a {@link Transform} option (internal to the plot builders).
 * @example transformSchema.parse("exp") // "exp"
 */
export const transformSchema: z.ZodType<Transform> = z.union([
  z.enum(["none", "exp", "ilogit", "iarcsin", "tanh"]),
  z.custom<(x: number) => number>((v) => typeof v === "function", { message: "must be a function of one number" }),
]);

/**
 * zod schema for a scalar coefficient given as a number or a one-element array (internal to the
 * plot builders).
 * @example scalarSchema.parse([0.91]) // [0.91]
 */
export const scalarSchema: z.ZodType<number | number[]> = z.union([
  z.number().finite(),
  z.array(z.number().finite()).min(1),
]);
