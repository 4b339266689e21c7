/**
 * The notebooks' dictionaries, by notebook name (the file name without `.html`).
 * @module
 */
import type { Dictionary } from "./i18n.ts";
import { META_ANALYSIS } from "./dict/meta_analysis.ts";

/** Every notebook's dictionary, by notebook name; `tests/notebook/i18n_test.ts` checks that no key is missing. */
export const DICTIONARIES: Readonly<Record<string, Dictionary>> = {
  "meta-analysis": META_ANALYSIS,
};
