/**
 * Constants read from `data/instruments.csv`, written once so that every engine uses the same
 * value (a test checks them against the file). Each carries its source.
 *
 * @example
 * ```ts
 * import { PDI_MCID } from "./instruments.ts";
 * if (PDI_MCID.value !== 8.5) throw new Error("PDI MCID");
 * ```
 * @module
 */

/** A sourced constant: the value, its unit, where it comes from and whether it was checked. */
export interface SourcedValue {
  /** The number. */
  value: number;
  /** Its unit. */
  unit: string;
  /** The citation (and the seed line where the seed names it). */
  source: string;
  /** `"verified"` when checked against the cited paper, `"recalled"` when not yet. */
  verified: "verified" | "recalled";
}

/**
 * The minimal clinically important change of the Pain Disability Index (PDI, 0–70, lower is
 * better), the national performance indicator (behandelkader, line 731). Not yet verified against
 * the paper: shown as "unverified" wherever it is used.
 */
export const PDI_MCID: SourcedValue = {
  value: 8.5,
  unit: "PDI points",
  source: "Soer R, Reneman MF, et al. Spine 2012;37(8):711-715 (data/instruments.csv; behandelkader line 731)",
  verified: "recalled",
};
