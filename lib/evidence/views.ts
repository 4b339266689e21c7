/**
 * The evidence as the notebooks show it: rows for the plots (contrasts with their CIs and the
 * audit's flags, Breugelmans 2024 post vs 12 months, reported vs Q-based I²) and the dose
 * arithmetic of section 3b. Plain functions of the loaded {@link Evidence}, tested like the rest.
 *
 * @example
 * contrastRows(ev, { flagged: flaggedIds(auditEvidence(ev)) });
 * doseComparison(ev).dutch.text; // "2-3 sessions × 30-60 min × 2-3 days a week × 10-12 weeks = 20-108 hours"
 * @module
 */
import { fail } from "../validate.ts";
import type { Finding } from "./audit.ts";
import { assumptionValue, type Evidence } from "./load.ts";

/** A contrast with its 95% CI, as `lib/plot`'s contrastPlot takes it. */
export interface ContrastView {
  /** Contrast and time point. */
  label: string;
  /** Study and instrument (or outcome). */
  group: string;
  /** The printed mean difference. */
  estimate: number;
  /** Lower limit of its 95% CI. */
  ci_lb: number;
  /** Upper limit of its 95% CI. */
  ci_ub: number;
  /** True when the audit flags the row (error or warning). */
  flagged: boolean;
}

/** Options of {@link contrastRows}. */
export interface ContrastRowsOptions {
  /** Outcomes to keep, as given by {@link contrastOutcomes} (default: all). */
  outcomes?: readonly string[];
  /** Row ids flagged by the audit ({@link flaggedIds}). */
  flagged?: readonly string[];
}

/**
 * The outcomes that have printed mean differences with 95% CIs, as "study: outcome".
 * @example contrastOutcomes(ev)[0] // "smeets2006: disability"
 */
export function contrastOutcomes(ev: Evidence): string[] {
  return [
    ...new Set(
      ev.estimates.filter((e) => e.statistic === "md" && e.interval === "ci95").map((e) =>
        `${e.study_id}: ${e.outcome}`
      ),
    ),
  ];
}

/**
 * Printed mean differences with 95% CIs (chapter 4a), optionally only some outcomes, with the
 * audit's flags.
 * @example contrastRows(ev).length
 */
export function contrastRows(ev: Evidence, options: ContrastRowsOptions = {}): ContrastView[] {
  const flagged = new Set(options.flagged ?? []);
  const keep = options.outcomes ? new Set(options.outcomes) : null;
  return ev.estimates
    .filter((e) =>
      e.statistic === "md" && e.interval === "ci95" && e.value !== null && e.lower !== null && e.upper !== null
    )
    .filter((e) => !keep || keep.has(`${e.study_id}: ${e.outcome}`))
    .map((e) => ({
      label: `${e.contrast}, ${e.timepoint}`,
      group: `${e.study_id} ${e.instrument || e.outcome}`,
      estimate: e.value as number,
      ci_lb: e.lower as number,
      ci_ub: e.upper as number,
      flagged: flagged.has(e.id),
    }));
}

/**
 * The row ids of every finding that is an error or a warning.
 * @example flaggedIds(auditEvidence(ev)).includes("smeets2006-psc-ct-wlc") // true
 */
export function flaggedIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.filter((f) => f.severity !== "note").flatMap((f) => f.ids))];
}

/** A Breugelmans 2024 effect size at one time point. */
export interface PostFollowView {
  /** Construct (instrument, and activity number for the PSC). */
  construct: string;
  /** Time point. */
  timepoint: "post" | "12 months";
  /** The printed effect size. */
  value: number;
}

/**
 * The Breugelmans 2024 effect sizes (table 4b) at the end of treatment and at 12 months.
 * @example breugelmansRows(ev).filter((r) => r.construct === "PDI")
 */
export function breugelmansRows(ev: Evidence): PostFollowView[] {
  return ev.estimates.filter((e) => e.table_id === "4b-cohort" && e.statistic === "es" && e.value !== null).map((e) => {
    if (e.timepoint !== "post" && e.timepoint !== "12 months") {
      fail("breugelmansRows", e.id, 'must have timepoint "post" or "12 months"', e.timepoint);
    }
    return {
      construct: e.instrument
        ? `${e.instrument}${e.outcome.includes("activity") ? " " + e.outcome.slice(-1) : ""}`
        : e.outcome,
      timepoint: e.timepoint,
      value: e.value as number,
    };
  });
}

/** I² as printed and from Q and df, for one row of the 4c table. */
export interface I2View {
  /** Domain, period and the printed value. */
  label: string;
  /** I² as printed (%). */
  reported: number;
  /** Higgins' max(0, (Q - df) / Q) (%). */
  higgins: number;
}

/**
 * The rows of the 4c table with Q, df and I², with Higgins' Q-based I² beside the printed one.
 * @example i2Rows(ev).length // 27
 */
export function i2Rows(ev: Evidence): I2View[] {
  return ev.smc.filter((r) => r.Q !== null && r.df !== null && r.I2 !== null && r.Q > 0).map((r) => ({
    label: `${r.domain}, ${r.period}: printed ${r.I2}%`,
    reported: r.I2 as number,
    higgins: Math.max(0, ((r.Q as number) - (r.df as number)) / (r.Q as number)) * 100,
  }));
}

/** A treatment dose in hours with the arithmetic that gives it. */
export interface Dose {
  /** Lowest total hours. */
  min_hours: number;
  /** Highest total hours (equal to min_hours for a single value). */
  max_hours: number;
  /** The arithmetic, e.g. "2-3 sessions × 30-60 min × 2-3 days a week × 10-12 weeks = 20-108 hours". */
  text: string;
  /** Row ids of population_comparison.csv and assumptions.csv used. */
  sources: string[];
}

/** Result of {@link doseComparison}. */
export interface DoseComparison {
  /** Dutch IMSR (section 3b, lines 279-282). */
  dutch: Dose;
  /** Ronzi 2017 (line 277; days per week an assumption). */
  ronzi: Dose;
}

/**
 * The treatment dose of Dutch IMSR and of Ronzi 2017 in hours, computed from section 3b: Dutch
 * IMSR is 2-3 sessions a day of 30-60 minutes, 2-3 days a week for 10-12 weeks, so between
 * 2 × 0.5 h × 2 × 10 = 20 h and 3 × 1 h × 3 × 12 = 108 h; Ronzi 2017 is 6 hours a day for 5 weeks,
 * with 5 days a week assumed (assumptions.csv), 150 h.
 * @example doseComparison(ev).dutch.max_hours // 108
 */
export function doseComparison(ev: Evidence): DoseComparison {
  const row = (id: string) => {
    const i = ev.population.findIndex((p) => p.id === id);
    if (i < 0) fail("population_comparison.csv", "rows", `must contain a row with id ${id}`);
    const r = ev.population[i];
    const lo = r.value ?? r.lower, hi = r.value ?? r.upper;
    if (lo === null || hi === null) {
      fail("population_comparison.csv", `row ${i + 1} (line ${i + 2}), column value`, `must be given (${id})`, "NA");
    }
    return [lo, hi] as const;
  };
  const [s0, s1] = row("dutch-sessions-per-day");
  const [m0, m1] = row("dutch-session-minutes");
  const [d0, d1] = row("dutch-days-per-week");
  const [w0, w1] = row("dutch-weeks");
  const min = (s0 * m0 * d0 * w0) / 60, max = (s1 * m1 * d1 * w1) / 60;
  const r = (a: number, b: number) => (a === b ? `${a}` : `${a}-${b}`);
  const [h] = row("ronzi-hours-per-day");
  const [w] = row("ronzi-weeks");
  const days = assumptionValue(ev, "ronzi-days-per-week", { min: 1, max: 7, usedFor: "the Ronzi 2017 dose" });
  return {
    dutch: {
      min_hours: min,
      max_hours: max,
      text: `${r(s0, s1)} sessions × ${r(m0, m1)} min × ${r(d0, d1)} days a week × ${r(w0, w1)} weeks = ${
        r(+min.toFixed(1), +max.toFixed(1))
      } hours (${s0} × ${m0 / 60} h × ${d0} × ${w0} = ${+min.toFixed(1)} h to ${s1} × ${
        m1 / 60
      } h × ${d1} × ${w1} = ${+max.toFixed(1)} h)`,
      sources: ["dutch-sessions-per-day", "dutch-session-minutes", "dutch-days-per-week", "dutch-weeks"],
    },
    ronzi: {
      min_hours: h * days * w,
      max_hours: h * days * w,
      text: `${h} h a day × ${days} days a week (assumed) × ${w} weeks = ${h * days * w} hours`,
      sources: ["ronzi-hours-per-day", "ronzi-weeks", "ronzi-days-per-week"],
    },
  };
}
