/**
 * Benchmarking centres against case-mix-adjusted norms (indirect standardisation): a case-mix
 * model fitted on all centres gives each patient's expected outcome; per centre, observed minus
 * expected (and observed / expected) with its standard error; a funnel plot with 95% and 99.8%
 * control limits, optionally widened for overdispersion (Spiegelhalter 2005); flags; and
 * random-effects shrunken estimates for a caterpillar plot.
 *
 * Outcomes: `pdi_change` (PDI pre - post, linear model), `pdi_responder` (change >= MCID, logistic
 * model; indicator = observed - expected responder proportion, se = sqrt(sum p(1 - p)) / n),
 * `psc_change` (personalised PROM, linear model).
 *
 * @example
 * const reg = simulateRegistry({}, 1);
 * const b = benchmarkCentres({ rows: reg.patients, outcome: "pdi_change" });
 * b.centres.filter((c) => c.flag95 !== 0).map((c) => c.centre);
 * @module
 */
import { z } from "zod";
import { linearFit, logisticFit } from "./casemix.ts";
import { funnel, type FunnelResult } from "./funnel.ts";
import { shrinkCentres } from "./shrink.ts";
import { estimateCentreTau2 } from "./tau2.ts";
import { PDI_MCID } from "./registry.ts";
import { fail, parseInput } from "../validate.ts";
import { classifyResponders } from "../responders/responders.ts";
import { propCI } from "../responders/intervals.ts";

/** One patient in a registry extract (simulated or uploaded). */
export interface RegistryRow {
  centre: string;
  /** WPN level 1-4 (IMSR admits 3-4). */
  wpn: number;
  /** Pain duration in years (> 0). */
  painYears: number;
  /** In paid work at baseline (0/1). */
  work: number;
  /** PDI before and after treatment (0-70). */
  pdiPre: number;
  pdiPost: number;
  /** Personalised PROM (PSC, VAS 0-100, lower is better) before and after, when recorded. */
  pscPre?: number | null;
  pscPost?: number | null;
  /** Contact hours, when recorded. */
  hours?: number | null;
  year?: number | null;
}

/** zod schema of one {@link RegistryRow}. */
export const registryRowSchema = z.object({
  centre: z.string().min(1),
  wpn: z.number().int().min(1).max(4),
  painYears: z.number().positive().finite(),
  work: z.number().int().min(0).max(1),
  pdiPre: z.number().min(0).max(70),
  pdiPost: z.number().min(0).max(70),
  pscPre: z.number().min(0).max(100).nullable().optional(),
  pscPost: z.number().min(0).max(100).nullable().optional(),
  hours: z.number().min(0).max(2000).nullable().optional(),
  year: z.number().int().nullable().optional(),
});

/** Outcomes {@link benchmarkCentres} can benchmark. */
export const OUTCOMES = ["pdi_change", "pdi_responder", "psc_change"] as const;
export type Outcome = (typeof OUTCOMES)[number];

const benchSchema = z.object({
  rows: z.array(registryRowSchema).min(10),
  outcome: z.enum(OUTCOMES).default("pdi_change"),
  mcid: z.number().positive().default(PDI_MCID),
  od: z.enum(["none", "multiplicative", "additive"]).default("additive"),
  trim: z.number().min(0).lt(0.5).default(0.1),
  levels: z.array(z.number().gt(0).lt(1)).length(2).default([0.95, 0.998]),
  minCentreSize: z.number().int().min(1).default(5),
  /** Points on the funnel's limit curves (0 to skip them, e.g. in simulations). */
  curvePoints: z.number().int().min(0).max(2000).default(200),
});

/** Input of {@link benchmarkCentres}. */
export type BenchmarkInput = z.input<typeof benchSchema>;

/** One centre's benchmark. */
export interface CentreBenchmark {
  centre: string;
  n: number;
  /** Observed: mean change (change outcomes) or number of responders. */
  observed: number;
  /** Expected from the case-mix model: mean change or expected responders. */
  expected: number;
  /** Observed - expected: PDI/PSC points, or responder proportion. */
  diff: number;
  /** Observed / expected (indirectly standardised ratio; for change scores the ratio of mean changes); null if expected is 0. */
  oe: number | null;
  /** Standard error of diff. */
  se: number;
  z: number;
  zAdj: number;
  /** -1 below / 0 inside / +1 above the 95% and 99.8% limits. */
  flag95: number;
  flag998: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  /** Random-effects shrunken diff with its interval (caterpillar plot). */
  shrunk: number;
  shrunkLower: number;
  shrunkUpper: number;
  /** Case-mix profile: mean baseline PDI, share WPN 4, mean pain duration (years), share working. */
  meanPre: number;
  shareWpn4: number;
  meanPainYears: number;
  shareWork: number;
  /** Mean contact hours (null when not recorded). */
  hours: number | null;
  /** pdi_responder only: unadjusted responder rate with its 95% Wilson interval (lib/responders propCI); else null. */
  rate: { estimate: number; lower: number; upper: number } | null;
}

/** Result of {@link benchmarkCentres}. */
export interface Benchmark {
  outcome: Outcome;
  /** Unit of `diff`. */
  unit: string;
  model: {
    kind: "linear" | "logistic";
    names: string[];
    coef: number[];
    se: number[];
    sigma: number;
    r2: number;
    n: number;
  };
  /** Overall observed mean (change) or responder proportion. */
  overall: number;
  funnel: FunnelResult;
  centres: CentreBenchmark[];
  /** Between-centre variance of diff (REML via the meta engine when available) and the mean used for shrinkage. */
  shrinkage: { tau2: number; mu: number; method: string };
  /** Between-centre variance before and after case-mix adjustment, and the share removed. */
  variance: { tau2Raw: number; tau2Adjusted: number; removed: number };
  /** Centres left out for having fewer than minCentreSize patients. */
  excluded: string[];
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

const mean = (a: readonly number[]) => a.reduce((s, v) => s + v, 0) / a.length;

function wilson(x: number, n: number): { estimate: number; lower: number; upper: number } {
  const ci = propCI(x, n, { method: "wilson", level: 0.95 });
  return { estimate: ci.estimate, lower: ci.ci_lb, upper: ci.ci_ub };
}

/**
 * Benchmark every centre in `rows` on `outcome` (see the module notes).
 * @example benchmarkCentres({ rows: simulateRegistry({}, 1).patients, outcome: "pdi_responder", od: "none" })
 */
export function benchmarkCentres(input: BenchmarkInput): Benchmark {
  const p = parseInput(benchSchema, input, "benchmarkCentres");
  const { outcome, mcid, od, trim, levels } = p;
  let rows = p.rows as RegistryRow[];
  if (outcome === "psc_change") {
    rows.forEach((r, i) => {
      if (r.pscPre == null || r.pscPost == null) {
        fail("benchmarkCentres", `rows[${i}].${r.pscPre == null ? "pscPre" : "pscPost"}`, "is required for psc_change");
      }
    });
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
  let model: Benchmark["model"];
  if (outcome === "pdi_responder") {
    // Responder: PDI improvement (pre - post) >= MCID points, classified by the responder engine.
    const cls = classifyResponders({
      baseline: rows.map((r) => r.pdiPre),
      followup: rows.map((r) => r.pdiPost),
      mcid,
      improvement: "decrease",
      requireBoth: true,
    });
    const y = cls.responder.map((v) => (v ? 1 : 0) as 0 | 1);
    const fit = logisticFit(X, y, names);
    fitted = fit.fitted;
    model = { kind: "logistic", names: fit.names, coef: fit.coef, se: fit.se, sigma: 1, r2: fit.r2, n: rows.length };
    y.forEach((v, i) => (change[i] = v));
  } else {
    const fit = linearFit(X, change, names);
    fitted = fit.fitted;
    model = {
      kind: "linear",
      names: fit.names,
      coef: fit.coef,
      se: fit.se,
      sigma: fit.sigma,
      r2: fit.r2,
      n: rows.length,
    };
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
    const O = mean(idx.map((i) => change[i]));
    const E = mean(idx.map((i) => fitted[i]));
    const se = outcome === "pdi_responder"
      ? Math.sqrt(idx.reduce((a, i) => a + fitted[i] * (1 - fitted[i]), 0)) / n
      : model.sigma / Math.sqrt(n);
    return { id, O, E, se, n, idx };
  });
  const f = funnel({
    type: "mean",
    units: units.map((u) => ({ id: u.id, O: u.O, E: u.E, se: u.se, n: u.n })),
    target: 0,
    levels,
    od,
    trim,
    curvePoints: p.curvePoints,
  });
  const yi = units.map((u) => u.O - u.E);
  const vi = units.map((u) => u.se * u.se);
  const t2 = estimateCentreTau2(yi, vi);
  const shr = shrinkCentres({ yi, vi, tau2: t2.tau2, mu: t2.mu });
  // Between-centre variance of unadjusted centre means (within-centre SD pooled).
  const rawYi = units.map((u) => u.O);
  const rawVi = units.map((u) => {
    if (outcome === "pdi_responder") return Math.max(u.O * (1 - u.O), 1e-6) / u.n;
    const m = u.O;
    const ss = u.idx.reduce((a, i) => a + (change[i] - m) ** 2, 0);
    return Math.max(ss / (u.n - 1), 1e-12) / u.n;
  });
  const tau2Raw = estimateCentreTau2(rawYi, rawVi).tau2;
  const centres: CentreBenchmark[] = units.map((u, j) => {
    const row = f.rows[j];
    const rs = u.idx.map((i) => rows[i]);
    const hrs = rs.map((r) => r.hours).filter((h): h is number => typeof h === "number");
    const isResp = outcome === "pdi_responder";
    return {
      centre: u.id,
      n: u.n,
      observed: isResp ? u.O * u.n : u.O,
      expected: isResp ? u.E * u.n : u.E,
      diff: u.O - u.E,
      oe: u.E !== 0 ? u.O / u.E : null,
      se: u.se,
      z: row.z,
      zAdj: row.zAdj,
      flag95: row.flags[0],
      flag998: row.flags[1],
      lower95: row.lower[0],
      upper95: row.upper[0],
      lower998: row.lower[1],
      upper998: row.upper[1],
      shrunk: shr.theta[j],
      shrunkLower: shr.lower[j],
      shrunkUpper: shr.upper[j],
      meanPre: mean(rs.map((r) => r.pdiPre)),
      shareWpn4: mean(rs.map((r) => (r.wpn === 4 ? 1 : 0))),
      meanPainYears: mean(rs.map((r) => r.painYears)),
      shareWork: mean(rs.map((r) => r.work)),
      hours: hrs.length ? mean(hrs) : null,
      rate: isResp ? wilson(Math.round(u.O * u.n), u.n) : null,
    };
  });
  return {
    outcome,
    unit: outcome === "pdi_responder" ? "responder proportion" : outcome === "psc_change" ? "PSC points" : "PDI points",
    model,
    overall: mean(change),
    funnel: f,
    centres,
    shrinkage: { tau2: t2.tau2, mu: t2.mu, method: t2.method },
    variance: { tau2Raw, tau2Adjusted: t2.tau2, removed: tau2Raw > 0 ? 1 - t2.tau2 / tau2Raw : 0 },
    excluded,
  };
}

const indicationSchema = z.object({
  rows: z.array(registryRowSchema).min(10),
  threshold: z.number().min(0).max(70).default(30),
  od: z.enum(["none", "multiplicative", "additive"]).default("additive"),
  minCentreSize: z.number().int().min(1).default(5),
  curvePoints: z.number().int().min(0).max(2000).default(200),
});

/**
 * Indication funnel: per centre, the share of admitted patients with a baseline PDI below
 * `threshold` (mild disability, default 30 of 70: an assumption, not a seed value), against the
 * pooled share, with exact binomial limits (or arcsine-scale overdispersion limits).
 * @example indicationFunnel({ rows: simulateRegistry({}, 1).patients }).rows.length // 25
 */
export function indicationFunnel(input: z.input<typeof indicationSchema>): FunnelResult {
  const p = parseInput(indicationSchema, input, "indicationFunnel");
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
  return funnel({ type: "proportion", units, od: p.od, curvePoints: p.curvePoints });
}
