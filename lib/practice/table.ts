/**
 * The centre table: one row per centre with the benchmark's numbers and its flag by the one flag
 * rule ({@link funnelFlag}: the outermost control limit crossed, and in which direction). The CLI
 * prints it, the notebook shows it and the plots colour centres by the same flag, so the three
 * can never disagree. Also the summary lines above the table and the outcome's axis label.
 *
 * @example
 * ```ts
 * import { benchmarkCentres, centreTable, simulateRegistry } from "./mod.ts";
 * const b = benchmarkCentres({ rows: simulateRegistry({}, 3).patients, curvePoints: 0 });
 * const rows = centreTable(b, { sort: "flag" });
 * if (rows.length !== b.centres.length) throw new Error("one row per centre");
 * ```
 * @module
 */
import { fmt, fmtPct, fmtPEq } from "../format.ts";
import type { Interval } from "../conventions.ts";
import { fail } from "../validate.ts";
import type { Benchmark, Outcome } from "./benchmark.ts";
import { funnelFlag, type FunnelResult } from "./funnel.ts";
import { rankability } from "./rank.ts";
import type { SimCentre } from "./registry.ts";

/** One row of {@link centreTable}. */
export interface CentreTableRow {
  /** Centre name. */
  centre: string;
  /** Patients. */
  n: number;
  /** Observed mean change, or observed responders. */
  observed: number;
  /** Expected (case-mix model) mean change, or expected responders. */
  expected: number;
  /** Observed - expected. */
  diff: number;
  /** Observed / expected (null when expected is 0). */
  oe: number | null;
  /** z-score after the overdispersion adjustment. */
  z: number;
  /** The flag label by the one rule: `"low (99.8%)"`, `"high (95%)"`, or `""` inside. */
  flag: string;
  /** `"low"`, `"high"` or null. */
  flagDirection: "low" | "high" | null;
  /** The outermost level crossed (percent), or null. */
  flagLevel: number | null;
  /** Shrunken (random-effects) observed - expected with its interval. */
  shrunk: Interval;
  /** Mean baseline PDI. */
  meanPre: number;
  /** Mean contact hours, when recorded. */
  hours: number | null;
  /** Responder outcome: the unadjusted responder rate with its Wilson interval; else null. */
  rate: Interval | null;
  /** Flag on the indication funnel (share mildly disabled) by the same rule; null without one. */
  indication: string | null;
  /** Simulation only: the centre's true effect in PDI points; null for real data. */
  trueEffect: number | null;
  /** Simulation only: the share of less complex patients the centre admitted; null for real data. */
  lessComplexShare: number | null;
}

/** Options of {@link centreTable}. */
export interface CentreTableOptions {
  /** The indication funnel of the same rows (adds the `indication` column). */
  indication?: FunnelResult;
  /** A simulation's centres (adds the hidden truth columns). */
  truth?: readonly SimCentre[];
  /** `"centre"` (default: by name) or `"flag"` (flagged first, outermost first, then by z). */
  sort?: "centre" | "flag";
}

const TABLE_OPTIONS = ["indication", "truth", "sort"];

/**
 * The centre table of a benchmark (see the module notes).
 */
export function centreTable(b: Benchmark, options: CentreTableOptions = {}): CentreTableRow[] {
  if (!b || !Array.isArray(b.centres) || !Array.isArray(b.levels)) {
    fail("centreTable", "benchmark", "must be a benchmarkCentres() result");
  }
  for (const k of Object.keys(options ?? {})) {
    if (!TABLE_OPTIONS.includes(k)) fail("centreTable", "options", `has unknown field(s) ${k}`);
  }
  const sort = options.sort ?? "centre";
  if (sort !== "centre" && sort !== "flag") {
    fail("centreTable", "options.sort", 'must be one of "centre", "flag"', sort);
  }
  const ind = options.indication;
  const indFlags = new Map<string, string>();
  if (ind) {
    if (!Array.isArray(ind.rows) || ind.type !== "proportion") {
      fail("centreTable", "options.indication", "must be an indicationFunnel() result");
    }
    for (const r of ind.rows) indFlags.set(r.id, funnelFlag(r.flags, ind.levels).label);
  }
  const truth = new Map((options.truth ?? []).map((c) => [c.centre, c]));
  const rows: CentreTableRow[] = b.centres.map((c) => {
    const flag = funnelFlag(c.flags, b.levels);
    const t = truth.get(c.centre);
    return {
      centre: c.centre,
      n: c.n,
      observed: c.observed,
      expected: c.expected,
      diff: c.diff,
      oe: c.oe,
      z: c.zAdj,
      flag: flag.label,
      flagDirection: flag.direction,
      flagLevel: flag.level,
      shrunk: c.shrunk,
      meanPre: c.meanPre,
      hours: c.hours,
      rate: c.rate,
      indication: ind ? (indFlags.get(c.centre) ?? "") : null,
      trueEffect: t ? t.effect : null,
      lessComplexShare: t ? t.lessComplexShare : null,
    };
  });
  if (sort === "flag") {
    rows.sort((a, c) => (c.flagLevel ?? 0) - (a.flagLevel ?? 0) || a.z - c.z);
  }
  return rows;
}

/** The axis label for observed - expected of an outcome. */
export function outcomeLabel(outcome: Outcome): string {
  return outcome === "pdi_responder"
    ? "Observed - expected responder proportion"
    : outcome === "psc_change"
    ? "Observed - expected PSC improvement (points)"
    : "Observed - expected PDI improvement (points)";
}

/**
 * The lines printed above the centre table (CLI) and shown under the funnel plot (notebook):
 * outcome and case-mix model, overdispersion, and the between-centre variance removed by case mix
 * (a ratio of variances; "not available" when there was none before adjustment).
 *
 * @example
 * ```ts
 * import { benchmarkCentres, benchmarkSummary, simulateRegistry } from "./mod.ts";
 * const lines = benchmarkSummary(benchmarkCentres({ rows: simulateRegistry({}, 3).patients, curvePoints: 0 }));
 * if (!lines[2].startsWith("Overdispersion: φ = ")) throw new Error(lines[2]);
 * ```
 */
export function benchmarkSummary(b: Benchmark): string[] {
  if (!b || !b.model || !b.funnel) fail("benchmarkSummary", "benchmark", "must be a benchmarkCentres() result");
  const digits = b.outcome === "pdi_responder" ? 5 : 3;
  const rk = rankability({ vi: b.centres.map((c) => c.se * c.se), tau2: b.shrinkage.tau2 });
  const r2 = b.model.kind === "logistic" || b.model.kind === "mixed-logistic" ? "McFadden R²" : "R²";
  const removed = b.variance.removed === null
    ? "not available (no between-centre variance before adjustment)"
    : fmtPct(b.variance.removed, 1);
  return [
    `Outcome: ${b.outcome} (${b.unit}); case-mix model: ${b.model.kind}${
      b.model.tau2 === null ? "" : ` (random centre intercepts, τ² ${fmt(b.model.tau2, 3)}; within-centre coefficients)`
    }, n = ${b.model.n}, ${r2} = ${fmt(b.model.r2, 3)}`,
    `Coefficients: ${b.model.names.map((n, i) => `${n} ${fmt(b.model.coef[i], 4)}`).join(", ")}`,
    `Overdispersion: φ = ${fmt(b.funnel.phi, 3)} (χ² test ${fmtPEq(b.funnel.pval)}), τ² = ${
      fmt(b.funnel.tau2, digits)
    }${b.funnel.od === "additive" ? ` (${b.funnel.tau2Method})` : ""}; limits: ${b.funnel.od}`,
    `Between-centre variance (τ², REML): before case-mix adjustment ${fmt(b.variance.tau2Raw, 4)}, after ${
      fmt(b.variance.tau2Adjusted, 4)
    }; removed by case mix: ${removed}`,
    `Rankability ρ = τ² / (τ² + median se²) = ${
      fmt(rk.rho, 2)
    } (${rk.reading}; van Dishoeck et al. 2011: < 0.5 poor, > 0.75 good)`,
  ];
}

/** One row of {@link centreTableCsvRows}: a centre table row with intervals as separate columns. */
export type CentreTableCsvRow = Record<string, string | number | null>;

/**
 * The centre table as flat rows for a CSV download: the shrunken estimate and the responder rate
 * as `shrunk`, `shrunk_ci_lb`, `shrunk_ci_ub` (and `rate`, `rate_ci_lb`, `rate_ci_ub`), the
 * simulation's truth columns only when present. The numbers are those of {@link centreTable}.
 */
export function centreTableCsvRows(rows: readonly CentreTableRow[]): CentreTableCsvRow[] {
  const truth = rows.some((r) => r.trueEffect !== null);
  const rate = rows.some((r) => r.rate !== null);
  const indication = rows.some((r) => r.indication !== null);
  return rows.map((r) => ({
    centre: r.centre,
    n: r.n,
    observed: r.observed,
    expected: r.expected,
    diff: r.diff,
    oe: r.oe,
    z: r.z,
    flag: r.flag,
    shrunk: r.shrunk.estimate,
    shrunk_ci_lb: r.shrunk.ci_lb,
    shrunk_ci_ub: r.shrunk.ci_ub,
    mean_pdi_pre: r.meanPre,
    hours: r.hours,
    ...(rate
      ? { rate: r.rate?.estimate ?? null, rate_ci_lb: r.rate?.ci_lb ?? null, rate_ci_ub: r.rate?.ci_ub ?? null }
      : {}),
    ...(indication ? { indication: r.indication } : {}),
    ...(truth ? { true_effect: r.trueEffect, less_complex_share: r.lessComplexShare } : {}),
  }));
}
