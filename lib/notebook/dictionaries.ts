/**
 * The notebooks' dictionaries, by notebook name (the file name without `.html`).
 * @module
 */
import type { Dictionary } from "./i18n.ts";
import { AUDIT } from "./dict/audit.ts";
import { CERTAINTY } from "./dict/certainty.ts";
import { EVIDENCE_TABLES } from "./dict/evidence_tables.ts";
import { INDEX_PAGE } from "./dict/index_page.ts";
import { META_ANALYSIS } from "./dict/meta_analysis.ts";
import { PRACTICE } from "./dict/practice.ts";
import { SCED } from "./dict/sced.ts";
import { PICO_PIO } from "./dict/pico_pio.ts";
import { PROMS } from "./dict/proms.ts";
import { GETTING_STARTED } from "./dict/getting_started.ts";
import { RESPONDERS } from "./dict/responders.ts";
import { MULTILEVEL } from "./dict/multilevel.ts";

/** Every notebook's dictionary, by notebook name; `tests/e2e/i18n_test.ts` checks that no key is missing. */
export const DICTIONARIES: Readonly<Record<string, Dictionary>> = {
  "meta-analysis": META_ANALYSIS,
  "evidence-tables": EVIDENCE_TABLES,
  "audit": AUDIT,
  "certainty": CERTAINTY,
  "index": INDEX_PAGE,
  "practice": PRACTICE,
  "sced": SCED,
  "pico-pio": PICO_PIO,
  "proms": PROMS,
  "getting-started": GETTING_STARTED,
  "responders": RESPONDERS,
  "multilevel": MULTILEVEL,
};
