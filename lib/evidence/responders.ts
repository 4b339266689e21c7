/**
 * Responder analyses of the seed's evidence, shared by the reproduce CLI and the notebooks: the
 * Leeuw 2008 EXP vs GA comparison (group sizes stated, counts reconstructed and said to be), the
 * Volker 2017 rates with their intervals, responder rates implied by the printed effect sizes, the
 * responder rates reported in chapter 4, and the pooling of independent cohorts.
 *
 * @example
 * const l = leeuw2008Comparison(ev); // group sizes from assumptions.csv (42 EXP / 43 GA)
 * l.timepoints[0].comparison.difference; // EXP - GA post, Newcombe interval
 * @module
 */
import { fail } from "../validate.ts";
import { compareReportedRates, type ReportedComparison } from "../responders/compare.ts";
import { type PropCI, propCI, reconstructCount, splitsFittingPercentages } from "../responders/intervals.ts";
import { impliedMcid, rateFromSmc } from "../responders/responders.ts";
import { type PooledProportion, poolProportions } from "../responders/pool.ts";
import { assumptionValue, estimateValue, type Evidence } from "./load.ts";

/** Options of {@link leeuw2008Comparison}. */
export interface Leeuw2008Options {
  /** EXP group size (default: the assumption `leeuw2008-n-exp`). */
  nExp?: number;
  /** GA group size (default: the assumption `leeuw2008-n-ga`). */
  nGa?: number;
  /** Confidence level in percent (default 95). */
  level?: number;
}

/** One time point of {@link leeuw2008Comparison}. */
export interface Leeuw2008Timepoint {
  /** "post" or "12 months". */
  timepoint: string;
  /** EXP (group 1) vs GA (group 2) from the reported percentages. */
  comparison: ReportedComparison;
}

/** Result of {@link leeuw2008Comparison}. */
export interface Leeuw2008Comparison {
  /** Total number of patients printed in the seed (85). */
  total: number;
  /** EXP group size used. */
  n_exp: number;
  /** GA group size used. */
  n_ga: number;
  /** Where the group sizes come from. */
  sizes_from: "assumptions.csv" | "user";
  /** Splits of the total (EXP, GA) under which all four percentages are whole numbers of patients. */
  splits_that_fit: [number, number][];
  /** Post-treatment and 12-month comparisons. */
  timepoints: Leeuw2008Timepoint[];
  /** What the reader must know: assumed sizes, reconstructed counts, percentages that do not fit. */
  warnings: string[];
}

/**
 * Leeuw 2008 (exposure in vivo vs graded activity): the seed prints only responder percentages (EXP
 * 51 % post and 63 % at 12 months, GA 58 % and 51 %) and a total of 85 patients. The group sizes are
 * an assumption (assumptions.csv, or your own), the counts are reconstructed from the percentages,
 * and every percentage that is not a whole number of its group is reported with the percentage the
 * count used really gives. `splits_that_fit` lists the splits of 85 under which all four fit (none
 * does).
 * @example leeuw2008Comparison(ev).warnings
 */
export function leeuw2008Comparison(ev: Evidence, options: Leeuw2008Options = {}): Leeuw2008Comparison {
  const tool = "leeuw2008Comparison";
  const total = estimateValue(ev, "leeuw2008-n");
  const usedFor = "the Leeuw 2008 comparison";
  const assumed = (id: string, given: number | undefined) =>
    given !== undefined && ev.assumptions.every((a) => a.id !== id || a.value !== given)
      ? null
      : assumptionValue(ev, id, { integer: true, min: 1, usedFor });
  const aExp = assumed("leeuw2008-n-exp", options.nExp), aGa = assumed("leeuw2008-n-ga", options.nGa);
  const nExp = options.nExp ?? (aExp as number);
  const nGa = options.nGa ?? (aGa as number);
  // "user" only when a size differs from the assumption (a notebook slider at its default is the assumption)
  const user = aExp === null || aGa === null;
  for (const [field, n] of [["nExp", nExp], ["nGa", nGa]] as const) {
    if (!Number.isInteger(n) || n < 1) fail(tool, field, "must be a whole number >= 1", n);
  }
  if (nExp + nGa > total) fail(tool, "nExp + nGa", `must be <= the ${total} patients randomised`, nExp + nGa);
  const pct = (g: "exp" | "ga", tp: "post" | "12m") => estimateValue(ev, `leeuw2008-resp-${g}-${tp}`);
  const timepoints = (["post", "12m"] as const).map((tp) => ({
    timepoint: tp === "post" ? "post" : "12 months",
    comparison: compareReportedRates(
      { label: `EXP ${tp === "post" ? "post" : "12 months"}`, pct: pct("exp", tp), n: nExp },
      { label: `GA ${tp === "post" ? "post" : "12 months"}`, pct: pct("ga", tp), n: nGa },
      { level: options.level },
    ),
  }));
  const splits = splitsFittingPercentages(total, [pct("exp", "post"), pct("exp", "12m")], [
    pct("ga", "post"),
    pct("ga", "12m"),
  ]);
  const warnings = [
    `Group sizes ${nExp} EXP / ${nGa} GA are ${
      user ? "chosen by the user" : "an assumption (assumptions.csv)"
    }: the seed gives only the total of ${total}. The numbers of responders are reconstructed from the printed percentages.`,
    splits.length
      ? `Splits of ${total} under which all four percentages are whole numbers: ${
        splits.map(([a, b]) => `${a}/${b}`).join(", ")
      }.`
      : `No split of the ${total} patients makes all four percentages whole numbers of patients: they refer to other denominators (drop-out, completers) or one of them is misprinted.`,
    ...timepoints.flatMap((t) => t.comparison.warnings),
  ];
  return {
    total,
    n_exp: nExp,
    n_ga: nGa,
    sizes_from: user ? "user" : "assumptions.csv",
    splits_that_fit: splits,
    timepoints,
    warnings,
  };
}

/** A reported responder rate with the denominator the seed gives. */
export interface ReportedRate {
  /** Row id in estimates.csv. */
  id: string;
  /** What it is (study, instrument, group, time point). */
  label: string;
  /** The reported rate as a proportion. */
  rate: number;
  /** The denominator: from the seed, assumed (Leeuw 2008), or none. */
  basis: "n from the seed" | "assumed n" | "no denominator";
  /** Number of patients, when known. */
  n: number | null;
  /** Number of responders (reconstructed from the percentage), when n is known. */
  x: number | null;
  /** Wilson interval, when n is known. */
  ci: PropCI | null;
}

/** The denominators of the responder percentages of chapter 4 (row ids of estimates.csv). */
const DENOMINATORS: Readonly<Record<string, string>> = {
  "meesters2016-resp-copm-perf": "meesters2016-n-prepost",
  "meesters2016-resp-copm-sat": "meesters2016-n-prepost",
  "volker2017-resp-pdi-post": "volker2017-n-prepost",
  "volker2017-resp-pdi-24m": "volker2017-n-24m",
  "nicholas2012-responders": "nicholas2012-n",
};

/**
 * Every responder percentage of chapter 4 (table 4a-GA's copies of Leeuw 2008 left out) with its
 * Wilson interval where the seed gives the denominator (Leeuw 2008: the assumed group sizes).
 * @example reportedResponderRates(ev).filter((r) => r.ci)
 */
export function reportedResponderRates(ev: Evidence, options: Leeuw2008Options = {}): ReportedRate[] {
  const usedFor = "the Leeuw 2008 intervals";
  return ev.estimates.filter((e) => e.statistic === "pct_responders" && e.table_id !== "4a-GA").map((e) => {
    if (e.value === null) {
      const i = ev.estimates.indexOf(e);
      fail(
        "estimates.csv",
        `row ${i + 1} (line ${i + 2}), column value`,
        `must be a number (${e.id} is a responder percentage)`,
        "NA",
      );
    }
    let n: number | null = DENOMINATORS[e.id] ? estimateValue(ev, DENOMINATORS[e.id]) : null;
    let basis: ReportedRate["basis"] = n ? "n from the seed" : "no denominator";
    if (e.study_id === "leeuw2008") {
      n = e.group === "EXP"
        ? options.nExp ?? assumptionValue(ev, "leeuw2008-n-exp", { integer: true, min: 1, usedFor })
        : options.nGa ?? assumptionValue(ev, "leeuw2008-n-ga", { integer: true, min: 1, usedFor });
      basis = "assumed n";
    }
    const x = n !== null && e.value !== null ? reconstructCount(e.value, n).x : null;
    return {
      id: e.id,
      label: `${e.study_id} ${e.instrument || e.outcome} ${e.group} ${e.timepoint}`.replace(/\s+/g, " ").trim(),
      rate: e.value / 100,
      basis,
      n,
      x,
      ci: x !== null && n !== null ? propCI(x, n, { level: options.level }) : null,
    };
  });
}

/** A printed effect size next to a printed responder percentage, and what the one implies for the other. */
export interface ImpliedRate {
  /** Where they are printed. */
  label: string;
  /** Row id of the effect size. */
  es_id: string;
  /** Row id of the responder percentage. */
  resp_id: string;
  /** The printed effect size. */
  effect_size: number;
  /** The printed responder rate (proportion). */
  reported: number;
  /** The responder rate the effect size implies under normal change scores (proportion). */
  implied: number;
  /** The MCID (in SD units) under which the effect size gives the printed rate. */
  mcid_that_fits: number;
}

/** Options of {@link impliedResponderRates}: the two assumptions, in SD units. */
export interface ImpliedRateOptions {
  /** MCID in SD units (default 0.5, Norman et al. 2003). */
  mcidSd?: number;
  /** SD of change in units of the SD the effect size was standardised by (default 1). */
  sdChangeSd?: number;
}

const PAIRS: readonly [string, string, string][] = [
  ["breugelmans2024-pdi-es-post", "breugelmans2024-pdi-resp-post", "Breugelmans PDI post"],
  ["breugelmans2024-pdi-es-12m", "breugelmans2024-pdi-resp-12m", "Breugelmans PDI 12 months"],
  ["breugelmans2024-work-es-post", "breugelmans2024-work-resp-post", "Breugelmans work capacity post"],
  ["breugelmans2024-work-es-12m", "breugelmans2024-work-resp-12m", "Breugelmans work capacity 12 months"],
  ["breugelmans2024-pain-es-post", "breugelmans2024-pain-resp-post", "Breugelmans pain (NRS) post"],
  ["breugelmans2024-pain-es-12m", "breugelmans2024-pain-resp-12m", "Breugelmans pain (NRS) 12 months"],
  ["volker2017-es-pdi-24m", "volker2017-resp-pdi-24m", "Volker PDI 24 months"],
  ["nicholas2012-es-rdq", "nicholas2012-responders", "Nicholas RDQ post"],
];

/**
 * The pairs (effect size, responder %) printed side by side in the seed, with the responder rate
 * each effect size implies (Furukawa) and the MCID that would reproduce the printed rate.
 * @example impliedResponderRates(ev, { mcidSd: 0.5, sdChangeSd: 1 })[0].implied
 */
export function impliedResponderRates(ev: Evidence, options: ImpliedRateOptions = {}): ImpliedRate[] {
  const mcidSd = options.mcidSd ?? 0.5, sdChangeSd = options.sdChangeSd ?? 1;
  return PAIRS.map(([es, resp, label]) => {
    const d = estimateValue(ev, es), reported = estimateValue(ev, resp) / 100;
    return {
      label,
      es_id: es,
      resp_id: resp,
      effect_size: d,
      reported,
      implied: rateFromSmc({ d, mcidSd, sdChangeSd }),
      mcid_that_fits: impliedMcid({ rate: reported, meanImprovement: Math.abs(d), sdChange: sdChangeSd }),
    };
  });
}

/** A cohort offered for pooling. */
export interface ResponderCohort {
  /** Label. */
  label: string;
  /** Which patients it reports (two rows with one cohort are the same patients). */
  cohort: string;
  /** Responders (reconstructed from the percentage). */
  x: number;
  /** Patients. */
  n: number;
  /** Whether it is pooled, and if not, why. */
  pooled: boolean;
  /** Why it is left out (empty when pooled). */
  reason: string;
}

/** Result of {@link pooledResponderCohorts}. */
export interface PooledCohorts {
  /** Every cohort considered, pooled or not. */
  cohorts: ResponderCohort[];
  /** Pooled with the logit and the Freeman-Tukey transform. */
  pooled: PooledProportion[];
}

/**
 * Pool the responder proportions of the chapter-4 cohorts that print a percentage and its
 * denominator, counting each group of patients once: Meesters 2016 and Volker 2017 report the same
 * 165 patients (Rijndam), so only Volker 2017 (PDI, the national indicator) is pooled. The cohorts
 * use different instruments, so the result shows the method, not a clinical summary.
 * @example pooledResponderCohorts(ev).pooled[0].pred
 */
export function pooledResponderCohorts(ev: Evidence): PooledCohorts {
  const row = (resp: string, n: string, label: string, cohort: string, pooled: boolean, reason = "") => {
    const nn = estimateValue(ev, n);
    return { label, cohort, x: reconstructCount(estimateValue(ev, resp), nn).x, n: nn, pooled, reason };
  };
  const cohorts: ResponderCohort[] = [
    row(
      "meesters2016-resp-copm-perf",
      "meesters2016-n-prepost",
      "Meesters 2016 COPM performance",
      "rijndam-165",
      false,
      "same 165 patients as Volker 2017 (the audit's same-cohort check): pooling both would count them twice",
    ),
    row("volker2017-resp-pdi-post", "volker2017-n-prepost", "Volker 2017 PDI post", "rijndam-165", true),
    row("nicholas2012-responders", "nicholas2012-n", "Nicholas 2012 RDQ", "nicholas2012", true),
  ];
  const use = cohorts.filter((c) => c.pooled);
  const pooled = (["PLO", "PFT"] as const).map((measure) =>
    poolProportions({
      xi: use.map((c) => c.x),
      ni: use.map((c) => c.n),
      measure,
      slab: use.map((c) => c.label),
      cohort: use.map((c) => c.cohort),
    })
  );
  return { cohorts, pooled };
}

/** The Volker 2017 PDI responder rates with Wilson and Clopper-Pearson intervals. */
export interface VolkerRate {
  /** Row id of the percentage. */
  id: string;
  /** Responders. */
  x: number;
  /** Patients. */
  n: number;
  /** Wilson interval. */
  ci: PropCI;
  /** Clopper-Pearson interval. */
  ci_cp: PropCI;
}

/** Result of {@link responderSummary}. */
export interface ResponderSummary {
  /** Leeuw 2008 EXP vs GA. */
  leeuw2008: Leeuw2008Comparison;
  /** Volker 2017 post and 24 months (the same cohort: not pooled). */
  volker2017: VolkerRate[];
}

/**
 * The responder comparisons the reproduce CLI prints.
 * @example responderSummary(ev).leeuw2008.timepoints[0].comparison.difference
 */
export function responderSummary(ev: Evidence): ResponderSummary {
  const volker2017 = [
    { id: "volker2017-resp-pdi-post", nId: "volker2017-n-prepost" },
    { id: "volker2017-resp-pdi-24m", nId: "volker2017-n-24m" },
  ].map(({ id, nId }) => {
    const n = estimateValue(ev, nId);
    const c = reconstructCount(estimateValue(ev, id), n);
    if (!c.exact) fail("responderSummary", id, `is not a whole number of ${n} patients`, c.reported_pct);
    return { id, x: c.x, n, ci: propCI(c.x, n), ci_cp: propCI(c.x, n, { method: "clopper-pearson" }) };
  });
  return { leeuw2008: leeuw2008Comparison(ev), volker2017 };
}
