/**
 * Default parameters of the design simulator, each with its source. Values marked
 * `source: "assumption"` are the toolkit's working defaults (not from the seeds); change them in a
 * design file or a notebook slider. When `data/instruments.csv` provides an instrument's MCID or
 * range, {@link instrumentsFromCsv} overrides these defaults with it.
 *
 * Scales: the multi-domain instruments (PDI, PSC) are modelled on 7 life domains scored 0–10 each
 * (the PDI's 7 domains); the PDI is their sum (0–70), the PSC the mean of the patient's own 3
 * most important activities (0–10). Single-score instruments (pain NRS, SF-12 PCS/MCS) have one
 * "domain". All effects are in points on the domain scale, positive = improvement.
 *
 * @example
 * import { instruments } from "./defaults.ts";
 * instruments.nrs.mean; // 6.53 (Breugelmans 2024 baseline, seed table)
 * @module
 */
import { PDI_MCID } from "../instruments.ts";

/** How an instrument is scored from the simulated domains. */
export type Scoring = "sum" | "mean-prioritised" | "single";

/** Everything the outcome model needs to know about one instrument. */
export interface InstrumentSpec {
  /** Short name, e.g. `pdi`. */
  name: string;
  /** Human label. */
  label: string;
  /** `sum`: generic PROM (sum over all domains); `mean-prioritised`: personalised PROM (mean of the
   * patient's `items` most important domains); `single`: one score. */
  scoring: Scoring;
  /** Number of life domains simulated (7 for the PDI/PSC model, 1 for a single score). */
  domains: number;
  /** Items of a personalised PROM (the patient's own most important activities). */
  items: number;
  /** Mean baseline score per domain (single score: the score's mean). */
  mean: number;
  /** SD of the observed baseline per domain (single score: of the score). */
  sd: number;
  /** Test–retest reliability per domain: share of the observed variance that is true-score variance. */
  reliability: number;
  /** Correlation between true domain scores (multi-domain instruments only). */
  interDomainR: number;
  /** +1 if higher scores are better (SF-12), -1 if lower scores are better (PDI, PSC, NRS). */
  direction: 1 | -1;
  /** Minimal clinically important difference on the instrument's score scale (improvement). */
  mcid: number;
  /** Lower end of the instrument's score range (for labels). */
  min: number;
  /** Upper end of the score range. */
  max: number;
  /** Where the numbers come from. */
  source: string;
}

/**
 * Built-in instruments. Baselines for pain NRS (6.53), SF-12 PCS (31.2) and MCS (36.6) are the
 * Breugelmans 2024 cohort baselines quoted in the VRA objection (seed, table "Nederlandse
 * situatie", ref. 13). The PDI's 7 domains and the PSC's 3 activities are from the same seed
 * (section "O: outcome"; Breugelmans 2024 table lists PSC with 3 activities). The COPM MCID of 2
 * points is from the seed's Meesters 2016 row; other SDs, reliabilities and MCIDs are assumptions.
 */
export const instruments: Record<string, InstrumentSpec> = {
  pdi: {
    name: "pdi",
    label: "PDI (generic, 7 domains, 0–70)",
    scoring: "sum",
    domains: 7,
    items: 3,
    mean: 5.5,
    sd: 2.2,
    reliability: 0.8,
    interDomainR: 0.5,
    direction: -1,
    mcid: PDI_MCID.value,
    min: 0,
    max: 70,
    source: "7 domains: seed (VRA objection, 'O: outcome'); MCID " + PDI_MCID.value + " points" +
      (PDI_MCID.verified === "verified" ? ": " : " (unverified): ") + PDI_MCID.source +
      "; mean 5.5/domain, SD 2.2, reliability 0.8, inter-domain r 0.5: assumptions",
  },
  psc: {
    name: "psc",
    label: "PSC/PSFS (personalised, 3 own activities, 0–10)",
    scoring: "mean-prioritised",
    domains: 7,
    items: 3,
    mean: 5.5,
    sd: 2.2,
    reliability: 0.8,
    interDomainR: 0.5,
    direction: -1,
    mcid: 2,
    min: 0,
    max: 10,
    source: "3 activities: seed (Breugelmans 2024 table, PSC); same 7-domain model as the PDI; MCID 2 " +
      "points as for the COPM (seed, Meesters 2016 row); other values: assumptions",
  },
  nrs: {
    name: "nrs",
    label: "Pain NRS (0–10)",
    scoring: "single",
    domains: 1,
    items: 1,
    mean: 6.53,
    sd: 1.8,
    reliability: 0.7,
    interDomainR: 0,
    direction: -1,
    mcid: 2,
    min: 0,
    max: 10,
    source: "baseline 6.53: seed (Breugelmans 2024 via VRA objection); SD 1.8, reliability 0.7, MCID 2: assumptions",
  },
  pcs: {
    name: "pcs",
    label: "SF-12 PCS (0–100)",
    scoring: "single",
    domains: 1,
    items: 1,
    mean: 31.2,
    sd: 8,
    reliability: 0.8,
    interDomainR: 0,
    direction: 1,
    mcid: 3.8,
    min: 0,
    max: 100,
    source: "baseline 31.2: seed (Breugelmans 2024 via VRA objection); SD 8, reliability 0.8, MCID 3.8: assumptions",
  },
  mcs: {
    name: "mcs",
    label: "SF-12 MCS (0–100)",
    scoring: "single",
    domains: 1,
    items: 1,
    mean: 36.6,
    sd: 10,
    reliability: 0.8,
    interDomainR: 0,
    direction: 1,
    mcid: 4.7,
    min: 0,
    max: 100,
    source: "baseline 36.6: seed (Breugelmans 2024 via VRA objection); SD 10, reliability 0.8, MCID 4.7: assumptions",
  },
  score: {
    name: "score",
    label: "Generic score (higher = better)",
    scoring: "single",
    domains: 1,
    items: 1,
    mean: 0,
    sd: 1,
    reliability: 0.5,
    interDomainR: 0,
    direction: 1,
    mcid: 0.5,
    min: -Infinity,
    max: Infinity,
    source: "a standardised score for checks against textbook answers",
  },
};

/**
 * Default effect distributions (points per prioritised domain, positive = improvement), and the
 * default natural course. Natural course 0: the 10-week waiting-list arm of Smeets 2006 showed no
 * change on any outcome (seed, VRA objection, "Optie 2") — the VRA's premise; the scenario files in
 * `data/designs/scenario-*.json` offer the sceptical and literature-neutral alternatives. The IMSR
 * and comparator effects are assumptions. With these defaults (k = 1) the cohort's PDI standardised
 * change is about 0.24, far below the Breugelmans 2024 cohort's 1.01 (seed line 1385); it grows
 * with k (about 1.65 at k = 7). Use a scenario file, where k and the IMSR effect are calibrated to
 * the seed (`calibrateK`), rather than these defaults.
 */
export const defaultEffects = {
  /** IMSR (the intervention). */
  imsr: { mean: 2.5, sd: 1 },
  /** Usual IMSR (graded activity) as active comparator: a somewhat smaller effect (assumption). */
  usualImsr: { mean: 2, sd: 1 },
  /** Continued primary care for patients who are NOT at the end of the line (assumption). */
  primaryCare: { mean: 2, sd: 1 },
  /** Continued primary care for end-of-the-line patients: no effect (VRA objection's premise). */
  primaryCareEndOfLine: { mean: 0, sd: 0 },
  /** Waiting list: no effect beyond the natural course (Smeets 2006). */
  waitingList: { mean: 0, sd: 0 },
} as const;

/** Default natural course (points per domain over the study period): 0 (Smeets 2006 waiting-list arm). */
export const defaultNaturalCourse = 0;

/** Default SCED settings: 8 cases, 30 measurements, AR(1) 0.3, at least 5 per phase (assumptions). */
export const defaultSced = { cases: 8, measurements: 30, ar: 0.3, minPhase: 5, randomizations: 1000 } as const;

/** Rows of `data/instruments.csv` that correspond to the built-in instruments. */
export const csvInstrumentNames: Record<string, string> = {
  "PDI": "pdi",
  "NRS-pain": "nrs",
  "PSFS": "psc",
  "SF-12 PCS": "pcs",
  "SF-12 MCS": "mcs",
};

/**
 * Override built-in instrument MCIDs from rows of `data/instruments.csv` (columns `instrument`,
 * `mcid`), matched through {@link csvInstrumentNames} (PSFS, the 0–10 patient-specific scale,
 * stands for the PSC). Rows without an MCID or for other instruments are ignored. Returns a new
 * record; the defaults are not changed.
 * @example instrumentsFromCsv([{ instrument: "PDI", mcid: 9 }]).pdi.mcid // 9
 */
export function instrumentsFromCsv(
  rows: readonly Record<string, unknown>[],
): Record<string, InstrumentSpec> {
  const out: Record<string, InstrumentSpec> = {};
  for (const [k, v] of Object.entries(instruments)) out[k] = { ...v };
  for (const row of rows) {
    const key = csvInstrumentNames[String(row.instrument ?? "").trim()];
    const target = key ? out[key] : undefined;
    if (!target) continue;
    const mcid = row.mcid === "" || row.mcid === null || row.mcid === undefined ? NaN : Number(row.mcid);
    if (Number.isFinite(mcid) && mcid > 0) {
      target.mcid = mcid;
      target.source += `; MCID ${mcid} from data/instruments.csv`;
    }
  }
  return out;
}
