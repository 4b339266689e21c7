/**
 * Internal zod pieces shared by the SCED engine's validators (not part of the public API).
 * @module
 */
import { z } from "zod";

/**
 * The largest magnitude a measurement may have. Sums of squares and prefix sums of larger values
 * overflow (or lose every digit of the smaller values), so such values are refused up front with a
 * message that says so, instead of turning into an "undefined statistic" further down.
 */
export const MAX_ABS_VALUE = 1e100;

/** The rule text for values beyond {@link MAX_ABS_VALUE}. */
export const VALUE_RULE =
  "must be a finite number between -1e100 and 1e100 (larger values overflow sums and squares; rescale the scores)";

/** A measurement: a finite number within ±{@link MAX_ABS_VALUE}. */
export function scedValue(): z.ZodNumber {
  return z.number({ error: (iss) => (iss.input === undefined ? undefined : VALUE_RULE) }).finite({
    error: VALUE_RULE,
  }).min(-MAX_ABS_VALUE, { error: VALUE_RULE }).max(MAX_ABS_VALUE, { error: VALUE_RULE });
}

/** A seed: a whole number (required wherever randomness is used). */
export function scedSeed(): z.ZodNumber {
  return z.number({ error: "is required (a whole number): every random result is reproducible from its seed" })
    .int({ error: "must be a whole number" }).min(-(2 ** 53)).max(2 ** 53);
}
