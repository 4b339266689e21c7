/**
 * Benchmarking centres against case-mix-adjusted norms (indirect standardisation): a case-mix
 * model fitted on all centres gives each patient's expected outcome; per centre, observed minus
 * expected (and observed / expected) with its standard error; a funnel plot with 95% and 99.8%
 * control limits, optionally widened for overdispersion (Spiegelhalter 2005); flags by one rule
 * ({@link funnelFlag}); random-effects shrunken estimates for a caterpillar plot; and the centre
 * table ({@link centreTable}) that the CLI, the notebook and the plots all show.
 *
 * Outcomes: `pdi_change` (PDI pre - post, linear model), `pdi_responder` (change >= MCID, logistic
 * model; indicator = observed - expected responder proportion, se = sqrt(sum p(1 - p)) / n),
 * `psc_change` (personalised PROM, linear model).
 *
 * @example
 * ```ts
 * import { benchmarkCentres, centreTable, simulateRegistry } from "./mod.ts";
 * const reg = simulateRegistry({ shortfall: -8, shortfallCentres: 1 }, 21);
 * const b = benchmarkCentres({ rows: reg.patients, outcome: "pdi_change" });
 * const c01 = centreTable(b).find((r) => r.centre === "C01");
 * if (c01?.flagDirection !== "low") throw new Error("the 8-point shortfall is flagged low");
 * ```
 * @module
 */
// @ts-types="@types/d3-array"
import { mean } from "d3-array";
import { classifyResponders, propCI } from "../responders/mod.ts";
import { fail, parseInput, ValidationError } from "../validate.ts";
import { linearFit, logisticFit } from "./_fit.ts";
import { fitMixedCaseMix } from "./casemix.ts";
import {
  benchSchema,
  benchSchemaCheckedRows,
  fastRegistryRows,
  indicationSchema,
  indicationSchemaCheckedRows,
  OUTCOME_VALUES,
} from "./_schemas.ts";
import {
  funnel,
  type FunnelFlag,
  funnelFlag,
  type FunnelResult,
  type FunnelTau2Method,
  type OverdispersionMethod,
} from "./funnel.ts";
import { shrinkCentres } from "./shrink.ts";
import { estimateCentreTau2 } from "./tau2.ts";
import type { Interval } from "../conventions.ts";

/** One patient in a registry extract (simulated or uploaded). */
export interface RegistryRow {
  /** Centre name or code. */
  centre: string;
  /** WPN level 1-4 (IMSR admits 3-4). */
  wpn: number;
  /** Pain duration in years (> 0). */
  painYears: number;
  /** In paid work at baseline (0/1). */
  work: number;
  /** PDI before treatment (0-70). */
  pdiPre: number;
  /** PDI after treatment (0-70). */
  pdiPost: number;
  /** Personalised PROM (PSC, VAS 0-100, lower is better) before treatment, when recorded. */
  pscPre?: number | null;
  /** PSC after treatment, when recorded. */
  pscPost?: number | null;
  /** Contact hours, when recorded. */
  hours?: number | null;
  /** Registry year, when recorded. */
  year?: number | null;
}

/** Outcomes {@link benchmarkCentres} can benchmark. */
export const OUTCOMES: readonly Outcome[] = OUTCOME_VALUES;
/** An outcome {@link benchmarkCentres} can benchmark. */
export type Outcome = "pdi_change" | "pdi_responder" | "psc_change";

/** Input of {@link benchmarkCentres}. Unknown fields are errors. */
export interface BenchmarkInput {
  /** One row per patient (at least 10). */
  rows: readonly RegistryRow[];
  /** Outcome benchmarked (default `"pdi_change"`). */
  outcome?: Outcome;
  /** PDI responder threshold in points (default the unverified PDI MCID, 8.5). */
  mcid?: number;
  /** Overdispersion adjustment of the limits (default `"additive"`). */
  od?: OverdispersionMethod;
  /** Estimator of tau2 for the additive adjustment (default `"DL"`: closest to nominal in the calibration table). */
  tau2Method?: FunnelTau2Method;
  /** Share winsorised in each tail when estimating phi or the winsorised tau2 (default 0.1). */
  trim?: number;
  /** The two control-limit levels in percent, or proportions (default [95, 99.8]). */
  levels?: readonly number[];
  /** Centres with fewer patients are left out (default 5). */
  minCentreSize?: number;
  /**
   * Case-mix model for change outcomes: `"pooled"` (default: least squares over all patients, as
   * before) or `"mixed"` (random centre intercepts by REML with the covariates' centre means added,
   * so the case-mix coefficients are within-centre and do not absorb centre performance that goes
   * with case mix; needs more centres than covariates + 2); for responders the logistic version
   * by penalised quasi-likelihood.
   */
  caseMix?: "pooled" | "mixed";
  /** Points on the funnel's limit curves (default 200; 0 to skip them, e.g. in simulations). */
  curvePoints?: number;
}

/** One centre's benchmark. */
export interface CentreBenchmark {
  /** Centre name. */
  centre: string;
  /** Patients. */
  n: number;
  /** Observed: mean change (change outcomes) or number of responders. */
  observed: number;
  /** Expected from the case-mix model: mean change or expected responders. */
  expected: number;
  /** Observed - expected: PDI/PSC points, or responder proportion. */
  diff: number;
  /**
   * Observed / expected responders (indirectly standardised ratio), for the binary outcome
   * `pdi_responder` only; null for mean changes (a ratio of mean changes means nothing: use `diff`,
   * O - E) and when expected is 0.
   */
  oe: number | null;
  /** Standard error of diff. */
  se: number;
  /** z-score of diff. */
  z: number;
  /** z-score after the overdispersion adjustment. */
  zAdj: number;
  /** Per level (order of `Benchmark.levels`): -1 below, 0 inside, +1 above the control limits. */
  flags: number[];
  /** The one flag rule: the outermost limit crossed and its direction. */
  flag: FunnelFlag;
  /** Lower control limits for diff at this centre's precision, one per level. */
  pi_lb: number[];
  /** Upper control limits, one per level. */
  pi_ub: number[];
  /** Random-effects shrunken diff with its 95% interval (caterpillar plot). */
  shrunk: Interval;
  /** Mean baseline PDI. */
  meanPre: number;
  /** Share WPN 4. */
  shareWpn4: number;
  /** Mean pain duration (years). */
  meanPainYears: number;
  /** Share in paid work. */
  shareWork: number;
  /** Mean contact hours (null when not recorded). */
  hours: number | null;
  /** pdi_responder only: unadjusted responder rate with its 95% Wilson interval (lib/responders propCI); else null. */
  rate: Interval | null;
}

/** The case-mix model of a {@link Benchmark}. */
export interface CaseMixModel {
  /**
   * `linear` (change outcomes, pooled over centres), `mixed` (change outcomes, random centre
   * intercepts by REML with within-centre coefficients), `logistic` (responders, pooled) or
   * `mixed-logistic` (responders, random centre intercepts by PQL, within-centre coefficients).
   */
  kind: "linear" | "mixed" | "logistic" | "mixed-logistic";
  /** Coefficient names. */
  names: string[];
  /** Coefficients. */
  coef: number[];
  /** Their standard errors. */
  se: number[];
  /** Residual SD (linear; within-centre for mixed) or 1. */
  sigma: number;
  /** R² (linear; for mixed, of the expected values at an average centre) or McFadden's pseudo-R² (logistic). */
  r2: number;
  /** Mixed only: between-centre variance of the intercepts (REML); else null. */
  tau2: number | null;
  /** Patients in the fit. */
  n: number;
}

/** Between-centre variance before and after case-mix adjustment. */
export interface VarianceExplained {
  /** tau² of the unadjusted centre means. */
  tau2Raw: number;
  /** tau² of observed - expected. */
  tau2Adjusted: number;
  /** 1 - tau2Adjusted / tau2Raw (a ratio of variances); null when tau2Raw is 0 (nothing to remove). */
  removed: number | null;
}

/** Result of {@link benchmarkCentres}. */
export interface Benchmark {
  /** The outcome benchmarked. */
  outcome: Outcome;
  /** Unit of `diff`. */
  unit: string;
  /** Control-limit levels in percent. */
  levels: number[];
  /** The case-mix model. */
  model: CaseMixModel;
  /** Overall observed mean (change) or responder proportion. */
  overall: number;
  /** The funnel analysis of observed - expected. */
  funnel: FunnelResult;
  /** One entry per centre, sorted by name. */
  centres: CentreBenchmark[];
  /** Between-centre variance of diff (REML via the meta engine when available) and the mean used for shrinkage. */
  shrinkage: { tau2: number; mu: number; method: string };
  /** Between-centre variance before and after case-mix adjustment, and the share removed. */
  variance: VarianceExplained;
  /** Centres left out for having fewer than minCentreSize patients. */
  excluded: string[];
  /** The minimum centre size used. */
  minCentreSize: number;
}

/** Case-mix covariates used by the models: baseline PDI, log pain duration, work, WPN 4 (and WPN 1-2 if present). */
export function caseMixMatrix(rows: readonly RegistryRow[]): { X: number[][]; names: string[] } {
  const anyLow = rows.some((r) => r.wpn <= 2);
  const names = ["pdi_pre", "log_pain_years", "work", "wpn4", ...(anyLow ? ["wpn12"] : [])];
  const X = rows.map((r) => {
    const x = [r.pdiPre, Math.log(r.painYears), r.work, r.wpn === 4 ? 1 : 0];
    if (anyLow) x.push(r.wpn <= 2 ? 1 : 0);
    return x;
  });
  return { X, names };
}

const avg = (a: readonly number[]): number => mean(a) as number;

/** McFadden's pseudo-R² of fitted probabilities against the intercept-only model. */
function mcFadden(y: readonly number[], prob: readonly number[]): number {
  const ybar = avg(y);
  const ll = y.reduce((a, v, i) => a + (v ? Math.log(prob[i]) : Math.log(1 - prob[i])), 0);
  const ll0 = y.length * (ybar * Math.log(ybar) + (1 - ybar) * Math.log(1 - ybar));
  return 1 - ll / ll0;
}

function wilson(x: number, n: number): Interval {
  const ci = propCI(x, n, { method: "wilson", level: 95 });
  return { estimate: ci.estimate, ci_lb: ci.ci_lb, ci_ub: ci.ci_ub, level: 95 };
}

/**
 * Benchmark every centre in `rows` on `outcome` (see the module notes).
 */
export function benchmarkCentres(input: BenchmarkInput): Benchmark {
  // Rows are checked by plain loops first (10⁶ rows: zod took 2.6 s); zod runs when one breaks a rule, for its message.
  const fast = fastRegistryRows((input as { rows?: unknown } | null)?.rows);
  const p = fast
    ? { ...parseInput(benchSchemaCheckedRows, input, "benchmarkCentres"), rows: fast }
    : parseInput(benchSchema, input, "benchmarkCentres");
  const { outcome, mcid, od, trim, levels, tau2Method } = p;
  let rows = p.rows as RegistryRow[];
  if (outcome === "psc_change") {
    const missing = rows.map((r, i) => (r.pscPre == null || r.pscPost == null ? i : -1)).filter((i) => i >= 0);
    if (missing.length) {
      const i = missing[0];
      const field = rows[i].pscPre == null ? "psc_pre" : "psc_post";
      throw new ValidationError("benchmarkCentres", [{
        path: field,
        row: i + 1,
        rule: `is required for outcome psc_change (missing for ${missing.length} of ${rows.length} patients)`,
      }]);
    }
  }
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.centre, (counts.get(r.centre) ?? 0) + 1);
  const excluded = [...counts].filter(([, n]) => n < p.minCentreSize).map(([c]) => c).sort();
  if (excluded.length) rows = rows.filter((r) => (counts.get(r.centre) as number) >= p.minCentreSize);
  const centreIds = [...new Set(rows.map((r) => r.centre))].sort();
  if (centreIds.length < 3) {
    fail(
      "benchmarkCentres",
      "rows",
      `must hold at least 3 centres with >= ${p.minCentreSize} patients`,
      centreIds.length,
    );
  }
  const { X, names } = caseMixMatrix(rows);
  const change = rows.map((
    r,
  ) => (outcome === "psc_change" ? (r.pscPre as number) - (r.pscPost as number) : r.pdiPre - r.pdiPost));
  let fitted: number[];
  let model: CaseMixModel;
  // the model record of every case-mix fit: its coefficients, residual SD, R² and tau2
  const record = (
    kind: CaseMixModel["kind"],
    fit: { names: string[]; coef: number[]; se: number[] },
    sigma: number,
    r2: number,
    tau2: number | null,
  ): CaseMixModel => ({ kind, names: fit.names, coef: fit.coef, se: fit.se, sigma, r2, n: rows.length, tau2 });
  if (outcome === "pdi_responder") {
    // Responder: PDI improvement (pre - post) >= MCID points, classified by the responder engine.
    const cls = classifyResponders({
      baseline: rows.map((r) => r.pdiPre),
      followup: rows.map((r) => r.pdiPost),
      mcid,
      improvement: "decrease",
    });
    const y = cls.responder.map((v) => (v ? 1 : 0) as 0 | 1);
    const k = y.reduce((a: number, v) => a + v, 0);
    if (k === 0 || k === y.length) {
      fail(
        "benchmarkCentres",
        "mcid",
        `makes ${
          k === 0 ? "no" : "every"
        } patient a responder (PDI improvement >= ${mcid} points for ${k} of ${y.length}): ` +
          "responder rates cannot be compared between centres",
        mcid,
      );
    }
    if (p.caseMix === "mixed") {
      const fit = fitMixedCaseMix({ X, y, groups: rows.map((r) => r.centre), names, within: true, family: "binomial" });
      fitted = fit.expected;
      model = record("mixed-logistic", fit, 1, mcFadden(y, fitted), fit.tau2);
    } else {
      const fit = logisticFit(X, y, names);
      fitted = fit.fitted;
      model = record("logistic", fit, 1, fit.r2, null);
    }
    y.forEach((v, i) => (change[i] = v));
  } else if (p.caseMix === "mixed") {
    const fit = fitMixedCaseMix({ X, y: change, groups: rows.map((r) => r.centre), names, within: true });
    fitted = fit.expected;
    const m = avg(change);
    const tss = change.reduce((a, v) => a + (v - m) ** 2, 0);
    const rss = change.reduce((a, v, i) => a + (v - fitted[i]) ** 2, 0);
    model = record("mixed", fit, Math.sqrt(fit.sigma2 as number), tss > 0 ? 1 - rss / tss : 0, fit.tau2);
  } else {
    const fit = linearFit(X, change, names);
    fitted = fit.fitted;
    model = record("linear", fit, fit.sigma, fit.r2, null);
  }
  const byCentre = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = byCentre.get(r.centre) ?? [];
    list.push(i);
    byCentre.set(r.centre, list);
  });
  const units = centreIds.map((id) => {
    const idx = byCentre.get(id) as number[];
    const n = idx.length;
    const O = avg(idx.map((i) => change[i]));
    const E = avg(idx.map((i) => fitted[i]));
    const se = outcome === "pdi_responder"
      ? Math.sqrt(idx.reduce((a, i) => a + fitted[i] * (1 - fitted[i]), 0)) / n
      : model.sigma / Math.sqrt(n);
    return { id, O, E, se, n, idx };
  });
  if (units.some((u) => !(u.se > 0))) {
    fail(
      "benchmarkCentres",
      "rows",
      "give a case-mix model that fits perfectly (residual SD 0): no centre can be compared",
    );
  }
  const f = funnel({
    type: "mean",
    units: units.map((u) => ({ id: u.id, O: u.O, E: u.E, se: u.se, n: u.n })),
    target: 0,
    levels,
    od,
    tau2Method,
    trim,
    curvePoints: p.curvePoints,
  });
  const yi = units.map((u) => u.O - u.E);
  const vi = units.map((u) => u.se * u.se);
  const t2 = estimateCentreTau2(yi, vi);
  const shr = shrinkCentres({ yi, vi, tau2: t2.tau2, mu: t2.mu, level: 95 });
  // Between-centre variance of unadjusted centre means (within-centre SD pooled).
  const rawYi = units.map((u) => u.O);
  const rawVi = units.map((u) => {
    if (outcome === "pdi_responder") return Math.max(u.O * (1 - u.O), 1e-6) / u.n;
    const m = u.O;
    const ss = u.idx.reduce((a, i) => a + (change[i] - m) ** 2, 0);
    return Math.max(ss / (u.n - 1), 1e-12) / u.n;
  });
  const tau2Raw = estimateCentreTau2(rawYi, rawVi).tau2;
  const isResp = outcome === "pdi_responder";
  const centres: CentreBenchmark[] = units.map((u, j) => {
    const row = f.rows[j];
    const rs = u.idx.map((i) => rows[i]);
    const hrs = rs.map((r) => r.hours).filter((h): h is number => typeof h === "number");
    return {
      centre: u.id,
      n: u.n,
      observed: isResp ? u.O * u.n : u.O,
      expected: isResp ? u.E * u.n : u.E,
      diff: u.O - u.E,
      oe: isResp && u.E !== 0 ? u.O / u.E : null,
      se: u.se,
      z: row.z,
      zAdj: row.zAdj,
      flags: row.flags,
      flag: funnelFlag(row.flags, f.levels),
      pi_lb: row.pi_lb,
      pi_ub: row.pi_ub,
      shrunk: { estimate: shr.theta[j], ci_lb: shr.ci_lb[j], ci_ub: shr.ci_ub[j], level: shr.level },
      meanPre: avg(rs.map((r) => r.pdiPre)),
      shareWpn4: avg(rs.map((r) => (r.wpn === 4 ? 1 : 0))),
      meanPainYears: avg(rs.map((r) => r.painYears)),
      shareWork: avg(rs.map((r) => r.work)),
      hours: hrs.length ? avg(hrs) : null,
      rate: isResp ? wilson(Math.round(u.O * u.n), u.n) : null,
    };
  });
  return {
    outcome,
    unit: outcome === "pdi_responder" ? "responder proportion" : outcome === "psc_change" ? "PSC points" : "PDI points",
    levels: f.levels,
    model,
    overall: avg(change),
    funnel: f,
    centres,
    shrinkage: { tau2: t2.tau2, mu: t2.mu, method: t2.method },
    variance: { tau2Raw, tau2Adjusted: t2.tau2, removed: tau2Raw > 0 ? 1 - t2.tau2 / tau2Raw : null },
    excluded,
    minCentreSize: p.minCentreSize,
  };
}

/** Input of {@link indicationFunnel}. Unknown fields are errors. */
export interface IndicationInput {
  /** One row per patient (at least 10). */
  rows: readonly RegistryRow[];
  /** Baseline PDI below which a patient counts as mildly disabled (default 30: an assumption). */
  threshold?: number;
  /** Overdispersion adjustment (default `"additive"`). */
  od?: OverdispersionMethod;
  /** Estimator of tau2 for the additive adjustment (default `"DL"`). */
  tau2Method?: FunnelTau2Method;
  /** Control-limit levels in percent, or proportions (default [95, 99.8]). */
  levels?: readonly number[];
  /** Centres with fewer patients are left out (default 5). */
  minCentreSize?: number;
  /** Points on the limit curves (default 200). */
  curvePoints?: number;
}

/**
 * Indication funnel: per centre, the share of admitted patients with a baseline PDI below
 * `threshold` (mild disability, default 30 of 70: an assumption, not a seed value), against the
 * pooled share, with exact binomial limits (or arcsine-scale overdispersion limits).
 *
 * @example
 * ```ts
 * import { indicationFunnel, simulateRegistry } from "./mod.ts";
 * const f = indicationFunnel({ rows: simulateRegistry({}, 1).patients, curvePoints: 0 });
 * if (f.rows.length !== 25) throw new Error("one row per centre");
 * ```
 */
export function indicationFunnel(input: IndicationInput): FunnelResult {
  const fast = fastRegistryRows((input as { rows?: unknown } | null)?.rows);
  const p = fast
    ? { ...parseInput(indicationSchemaCheckedRows, input, "indicationFunnel"), rows: fast }
    : parseInput(indicationSchema, input, "indicationFunnel");
  const groups = new Map<string, { O: number; n: number }>();
  for (const r of p.rows) {
    const g = groups.get(r.centre) ?? { O: 0, n: 0 };
    g.n += 1;
    if (r.pdiPre < p.threshold) g.O += 1;
    groups.set(r.centre, g);
  }
  const units = [...groups].filter(([, g]) => g.n >= p.minCentreSize).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, g]) => ({ id, O: g.O, n: g.n }));
  if (units.length < 3) {
    fail("indicationFunnel", "rows", `must hold at least 3 centres with >= ${p.minCentreSize} patients`, units.length);
  }
  const O = units.reduce((a, u) => a + u.O, 0);
  const n = units.reduce((a, u) => a + u.n, 0);
  if (O === 0 || O === n) {
    fail(
      "indicationFunnel",
      "threshold",
      `leaves no variation (every baseline PDI is ${O === 0 ? ">=" : "<"} the threshold)`,
      p.threshold,
    );
  }
  return funnel({
    type: "proportion",
    units,
    od: p.od,
    tau2Method: p.tau2Method,
    levels: p.levels,
    curvePoints: p.curvePoints,
  });
}
