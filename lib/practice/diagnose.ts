/**
 * Diagnosis of a benchmarking design by simulation: how often a centre with a true shortfall (or
 * an over-broad indication) is flagged in one year or three, how often a centre without one is
 * flagged by chance, how much of the between-centre variance case-mix adjustment removes, and
 * how dose relates to severity at centre level. Replication r uses registry seed
 * deriveSeed(seed, r), so results do not depend on how the replications are split.
 *
 * A rate over no centres (no shortfall centres were simulated) is `null`, printed as "not
 * available (n = 0)", never as 0 %.
 *
 * @example
 * ```ts
 * import { diagnoseBenchmark } from "./mod.ts";
 * const d = diagnoseBenchmark({ params: { centres: 8, shortfall: -6, shortfallCentres: 2 }, reps: 2, seed: 1 });
 * if (d.shortfall.low95.n !== 4 || d.broad.outcomeLow95.rate !== null) throw new Error("rates");
 * ```
 * @module
 */
import { fmt, fmtMcse, fmtPct, fmtRate } from "../format.ts";
import { deriveSeed } from "../stats/random.ts";
import { fail, parseInput, ValidationError } from "../validate.ts";
import { diagnoseSchema, nullRatesSchema, paramsSchema } from "./_schemas.ts";
import { benchmarkCentres, indicationFunnel, type Outcome } from "./benchmark.ts";
import type { FunnelTau2Method, OverdispersionMethod } from "./funnel.ts";
import { type RegistryParams, simulateRegistry } from "./registry.ts";

/** A proportion estimated by simulation with its Monte Carlo standard error. */
export interface Rate {
  /** Number of centre-replications the rate is over. */
  n: number;
  /** The share flagged; null when n is 0 (not available). */
  rate: number | null;
  /** Monte Carlo standard error of `rate`; null when n is 0. */
  mcse: number | null;
}

const rate = (hits: number, n: number): Rate => {
  if (n === 0) return { n, rate: null, mcse: null };
  const r = hits / n;
  return { n, rate: r, mcse: Math.sqrt((r * (1 - r)) / n) };
};

/** Input of {@link diagnoseBenchmark}. Unknown fields (here and in `params`) are errors. */
export interface DiagnoseInput {
  /** Registry parameters (see `simulateRegistry`). */
  params?: RegistryParams;
  /** Replications (default 200). */
  reps?: number;
  /** Seed (required). */
  seed: number;
  /** Outcome benchmarked (default `"pdi_change"`). */
  outcome?: Outcome;
  /** Overdispersion adjustment (default `"additive"`). */
  od?: OverdispersionMethod;
  /** Estimator of tau2 for the additive adjustment (default `"DL"`). */
  tau2Method?: FunnelTau2Method;
  /** Case-mix model (default `"pooled"`; `"mixed"`: random centre intercepts, within-centre coefficients). */
  caseMix?: "pooled" | "mixed";
  /** Baseline PDI threshold of the indication funnel (default 30). */
  indicationThreshold?: number;
}

/** Result of {@link diagnoseBenchmark}. */
export interface FlagRateDiagnosis {
  /** Replications. */
  reps: number;
  /** Centres with a true shortfall: flagged below the 95% / 99.8% limits. */
  shortfall: { low95: Rate; low998: Rate };
  /** Centres without a shortfall or over-broad indication: flagged in either direction by chance. */
  good: { any95: Rate; any998: Rate };
  /** Over-broad centres: flagged low on the outcome funnel, and high on the indication funnel (share mild). */
  broad: { outcomeLow95: Rate; indicationHigh95: Rate; indicationHigh998: Rate };
  /**
   * Share of between-centre variance removed by case-mix adjustment, as a ratio of variances:
   * 1 - mean tau2 adjusted / mean tau2 raw over replications; null when no raw variance was found.
   */
  varianceRemoved: number | null;
  /** Mean over replications of tau2 before case-mix adjustment. */
  tau2Raw: number;
  /** Mean over replications of tau2 after case-mix adjustment. */
  tau2Adjusted: number;
  /**
   * Mean over replications of the centre-level correlation between contact hours and mean
   * baseline PDI; null when it is undefined in every replication (e.g. one dose for all).
   */
  doseSeverityCorrelation: number | null;
}

function correlation(x: number[], y: number[]): number | null {
  const n = x.length;
  if (n < 3) return null;
  const mx = x.reduce((a, v) => a + v, 0) / n;
  const my = y.reduce((a, v) => a + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

function checkParams(tool: string, params: unknown): void {
  try {
    parseInput(paramsSchema, params, tool);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    throw new ValidationError(tool, e.issues.map((i) => ({ ...i, path: `params.${i.path}` })));
  }
}

/**
 * Simulate `reps` registries with `params` (see simulateRegistry), benchmark each, and count flags.
 * A shortfall needs shortfall centres and the other way round (else the shortfall rates would be
 * over no centres, or the "shortfall" centres would be ordinary ones).
 */
export function diagnoseBenchmark(input: DiagnoseInput): FlagRateDiagnosis {
  const { params, reps, seed, outcome, od, tau2Method, caseMix, indicationThreshold } = parseInput(
    diagnoseSchema,
    input,
    "diagnoseBenchmark",
  );
  checkParams("diagnoseBenchmark", params);
  const sf = params.shortfall ?? 0;
  const sfc = params.shortfallCentres ?? 0;
  if (sfc > 0 && sf === 0) {
    fail("diagnoseBenchmark", "params.shortfall", `must be non-zero when shortfallCentres is ${sfc}`, sf);
  }
  if (sf !== 0 && sfc === 0) {
    fail("diagnoseBenchmark", "params.shortfallCentres", `must be >= 1 when shortfall is ${sf}`, sfc);
  }
  let sfN = 0, sf95 = 0, sf998 = 0, gN = 0, g95 = 0, g998 = 0, bN = 0, bOut = 0, bInd95 = 0, bInd998 = 0;
  let raw = 0, adjusted = 0, corr = 0, corrN = 0;
  for (let r = 0; r < reps; r++) {
    const reg = simulateRegistry(params, deriveSeed(seed, r));
    const b = benchmarkCentres({ rows: reg.patients, outcome, od, tau2Method, caseMix, curvePoints: 0 });
    const ind = indicationFunnel({
      rows: reg.patients,
      threshold: indicationThreshold,
      od,
      tau2Method,
      curvePoints: 0,
    });
    const truth = new Map(reg.centres.map((c) => [c.centre, c]));
    const indRows = new Map(ind.rows.map((row) => [row.id, row]));
    for (const c of b.centres) {
      const t = truth.get(c.centre);
      if (!t) continue;
      const [f95, f998] = c.flags;
      if (t.shortfall !== 0) {
        sfN++;
        const dir = Math.sign(t.shortfall);
        if (f95 === dir) sf95++;
        if (f998 === dir) sf998++;
      } else if (!t.broad) {
        gN++;
        if (f95 !== 0) g95++;
        if (f998 !== 0) g998++;
      }
      if (t.broad) {
        bN++;
        if (f95 === -1) bOut++;
        const row = indRows.get(c.centre);
        if (row) {
          if (row.flags[0] === 1) bInd95++;
          if (row.flags[1] === 1) bInd998++;
        }
      }
    }
    raw += b.variance.tau2Raw;
    adjusted += b.variance.tau2Adjusted;
    const withHours = b.centres.filter((c) => c.hours !== null);
    const rho = correlation(withHours.map((c) => c.hours as number), withHours.map((c) => c.meanPre));
    if (rho !== null) {
      corr += rho;
      corrN++;
    }
  }
  return {
    reps,
    shortfall: { low95: rate(sf95, sfN), low998: rate(sf998, sfN) },
    good: { any95: rate(g95, gN), any998: rate(g998, gN) },
    broad: { outcomeLow95: rate(bOut, bN), indicationHigh95: rate(bInd95, bN), indicationHigh998: rate(bInd998, bN) },
    varianceRemoved: raw > 0 ? 1 - adjusted / raw : null,
    tau2Raw: raw / reps,
    tau2Adjusted: adjusted / reps,
    doseSeverityCorrelation: corrN > 0 ? corr / corrN : null,
  };
}

/** One line of {@link diagnosisTable}. */
export interface DiagnosisTableRow {
  /** What is counted. */
  what: string;
  /** The rate (null when over no centres, or for the non-rate rows when not available). */
  rate: number | null;
  /** Its Monte Carlo standard error (null when not available or not a Monte Carlo rate). */
  mcse: number | null;
  /** Centre-replications the rate is over (null for the non-rate rows). */
  n: number | null;
  /** The value as printed: "12.5% ± 1.2% (n = 50)", or "not available (n = 0)". */
  text: string;
}

/**
 * The diagnosis as table rows (the CLI prints them, the notebook shows them): rates over no
 * centres print as "not available (n = 0)".
 *
 * @example
 * ```ts
 * import { diagnoseBenchmark, diagnosisTable } from "./mod.ts";
 * const d = diagnoseBenchmark({ params: { centres: 6 }, reps: 1, seed: 2 });
 * const row = diagnosisTable(d).find((r) => r.what.startsWith("shortfall centre flagged low, 95%"));
 * if (row?.text !== "not available (n = 0)") throw new Error(row?.text);
 * ```
 */
export function diagnosisTable(d: FlagRateDiagnosis): DiagnosisTableRow[] {
  if (!d || !d.shortfall || !d.good || !d.broad) {
    fail("diagnosisTable", "diagnosis", "must be a diagnoseBenchmark() result");
  }
  const r = (what: string, x: Rate): DiagnosisTableRow => ({
    what,
    rate: x.rate,
    mcse: x.mcse,
    n: x.n,
    text: x.n > 0 ? `${fmtPct(x.rate, 1)} ± ${fmtPct(x.mcse, 1)} (n = ${x.n})` : fmtRate(x.rate, x.n),
  });
  return [
    r("shortfall centre flagged low, 95%", d.shortfall.low95),
    r("shortfall centre flagged low, 99.8%", d.shortfall.low998),
    r("other centre flagged (either side), 95%", d.good.any95),
    r("other centre flagged (either side), 99.8%", d.good.any998),
    r("over-broad centre flagged low on outcome, 95%", d.broad.outcomeLow95),
    r("over-broad centre flagged high on indication, 95%", d.broad.indicationHigh95),
    r("over-broad centre flagged high on indication, 99.8%", d.broad.indicationHigh998),
    {
      what: "between-centre variance removed by case mix (ratio of mean variances)",
      rate: d.varianceRemoved,
      mcse: null,
      n: null,
      text: d.varianceRemoved === null
        ? "not available (no between-centre variance before adjustment)"
        : `${fmtPct(d.varianceRemoved, 1)} (τ² ${fmt(d.tau2Raw, 4)} → ${fmt(d.tau2Adjusted, 4)})`,
    },
    {
      what: "dose-severity correlation (centre level, mean over replications)",
      rate: d.doseSeverityCorrelation,
      mcse: null,
      n: null,
      text: d.doseSeverityCorrelation === null
        ? "not available (one dose for all centres)"
        : fmtMcse(d.doseSeverityCorrelation, null, 3),
    },
  ];
}

/** Input of {@link nullFlagRates}. */
export interface NullFlagRatesInput {
  /** Replications (default 200). */
  reps?: number;
  /** Seed (required). */
  seed: number;
  /** Centres (default 25). */
  centres?: number;
  /** Years (default 1). */
  years?: number;
  /** Outcome (default `"pdi_change"`). */
  outcome?: Outcome;
}

/**
 * The null scenario: no true centre differences (no centre effects, the same dose everywhere, no
 * shortfall) and no overdispersion adjustment; about 5% (95% limits) and 0.2% (99.8%) of centres
 * should then be flagged.
 */
export function nullFlagRates(input: NullFlagRatesInput): { any95: Rate; any998: Rate } {
  const p = parseInput(nullRatesSchema, input, "nullFlagRates");
  const d = diagnoseBenchmark({
    params: { centres: p.centres, years: p.years, centreSD: 0, doseSpread: 0, shortfall: 0 },
    reps: p.reps,
    seed: p.seed,
    outcome: p.outcome,
    od: "none",
  });
  return d.good;
}
