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

/**
 * Other names under which the seed documents report an instrument of `data/instruments.csv`, by
 * the file's name for it. The Roland-Morris Disability Questionnaire is `RMDQ` in the file but
 * "Roland Disability Questionnaire [0-24]" / `RDQ` in the VRA objection's table of Smeets 2006
 * (`data/evidence/estimates.csv`, instrument "RDQ (0-24)").
 */
export const INSTRUMENT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  RMDQ: ["RDQ"],
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The instrument of `instruments` (rows of `data/instruments.csv`) that `label` names, by its name
 * or one of its {@link INSTRUMENT_ALIASES}, as a whole word ("smeets2006 RDQ (0-24)" → the RMDQ
 * row); the longest name wins when several match. `undefined` when the label names none.
 *
 * @example
 * ```ts
 * import { findInstrument } from "./instruments.ts";
 * const rows = [{ instrument: "RMDQ", better: "lower" }, { instrument: "PSC", better: "lower" }];
 * if (findInstrument("smeets2006 RDQ (0-24)", rows)?.instrument !== "RMDQ") throw new Error("alias");
 * ```
 */
export function findInstrument<T extends { instrument: string }>(
  label: string,
  instruments: readonly T[],
): T | undefined {
  const names = instruments.flatMap((row) =>
    [row.instrument, ...(INSTRUMENT_ALIASES[row.instrument] ?? [])].map((name) => ({ name, row }))
  ).sort((a, b) => b.name.length - a.name.length);
  return names.find(({ name }) => new RegExp(`(^|[^A-Za-z0-9])${escapeRegExp(name)}($|[^A-Za-z0-9])`).test(label))
    ?.row;
}

/** The "favours …" texts under a forest panel (left of 0, right of 0), for each direction. */
export interface FavoursTexts {
  /** Lower scores are better: a difference below 0 favours the first-named treatment. */
  lowerIsBetter: readonly [string, string];
  /** Higher scores are better: a difference above 0 favours the first-named treatment. */
  higherIsBetter: readonly [string, string];
  /** The label names no instrument with a known direction ("lower/higher with the first-named"). */
  unknown: readonly [string, string];
}

/**
 * The "favours …" texts for a forest panel whose `label` names an instrument: `texts.lowerIsBetter`
 * or `texts.higherIsBetter` after the instrument's `better` column ({@link findInstrument}, aliases
 * included), `texts.unknown` when the label names none.
 *
 * @example
 * ```ts
 * import { favoursFor } from "./instruments.ts";
 * const texts = { lowerIsBetter: ["A", "B"], higherIsBetter: ["B", "A"], unknown: ["-", "+"] } as const;
 * const rows = [{ instrument: "RMDQ", better: "lower" as const }];
 * if (favoursFor("smeets2006 RDQ (0-24)", rows, texts)[0] !== "A") throw new Error("RDQ is lower-better");
 * ```
 */
export function favoursFor(
  label: string,
  instruments: readonly { instrument: string; better: "lower" | "higher" }[],
  texts: FavoursTexts,
): readonly [string, string] {
  const hit = findInstrument(label, instruments);
  if (!hit) return texts.unknown;
  return hit.better === "lower" ? texts.lowerIsBetter : texts.higherIsBetter;
}
