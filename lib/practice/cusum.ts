/**
 * Monitoring centres over time: the risk-adjusted CUSUM of Steiner, Cook, Farewell & Treasure
 * (2000, "Monitoring surgical performance using risk-adjusted cumulative sum charts",
 * Biostatistics 1:441-452) on responder status, and the VLAD chart (variable life-adjusted display:
 * cumulative observed minus expected responders).
 *
 * The adverse outcome is non-response. Patient t has the case-mix-predicted probability
 * pₜ = 1 - P(response); the chart tests the odds ratio of non-response R₀ (1: as predicted) against
 * R_A (default 2: the odds of non-response doubled, Steiner et al.'s choice for mortality) with the
 * log-likelihood-ratio weight (Steiner 2000, eq. 2.1)
 *
 *   Wₜ = log[ (1 - pₜ + R₀pₜ) R_A / ((1 - pₜ + R_A pₜ) R₀) ]   if patient t did not respond,
 *   Wₜ = log[ (1 - pₜ + R₀pₜ) / (1 - pₜ + R_A pₜ) ]             if patient t responded,
 *
 * and Sₜ = max(0, Sₜ₋₁ + Wₜ); a signal when Sₜ >= h, after which the chart restarts at 0 (or not:
 * `reset: false`). The control limit h is chosen by simulation so that the in-control average run
 * length (ARL₀, the expected number of patients until a false signal when every centre performs as
 * the case-mix model predicts) is the design value ({@link cusumThreshold}), or so that the
 * probability of a false signal within a monitoring period of n patients is `alpha`
 * ({@link cusumThresholdAlpha}, {@link cusumSignalProbability}).
 *
 * In the R package `cusum` (Hubig, version 0.4.1, GPL-2; functions `racusum`,
 * `racusum_limit_sim`, `racusum_alpha_sim`) the same chart is written for the adverse event:
 * `patient_risks` = 1 - pResponse, `patient_outcomes` = 1 - responder, `odds_multiplier` = RA,
 * `limit` = h, `reset` = reset. tests/practice/cusum_published_test.ts reproduces that package's
 * vignette ("Construct CUSUM charts for hospital performance": limit 3.742861, first signal at
 * patient 865, false-signal probability 0.058) and its unit test, and Steiner et al.'s weights for
 * patients of Parsonnet score 0 and 50 (2000, pp. 445-446; R_A = 2 and 1/2). A chart for
 * improvement (R's `odds_multiplier` < 1 with a negative limit, the CUSUM kept <= 0) is this chart
 * with RA < 1 and h > 0: Sₜ here is minus R's value.
 *
 * @example Steiner's weights by hand, R_A = 2: a non-responder with p = 0.1 adds log(2 / 1.1)
 * ```ts
 * import { cusumWeight } from "./mod.ts";
 * const w = cusumWeight({ pResponse: 0.9, responder: 0, RA: 2 });
 * if (Math.abs(w - Math.log(2 / 1.1)) > 1e-15) throw new Error(String(w));
 * ```
 * @module
 */
import { createRandom, deriveSeed, type Random } from "../stats/random.ts";
import { fail, parseInput } from "../validate.ts";
import {
  cusumSchema,
  cusumThresholdSchema,
  cusumWeightSchema,
  monitorSchema,
  runLengthSchema,
  signalProbabilitySchema,
  thresholdAlphaSchema,
} from "./_schemas.ts";
import { caseMixMatrix, type RegistryRow } from "./benchmark.ts";
import { logisticFit } from "./_fit.ts";
import { classifyResponders } from "../responders/mod.ts";

/** Input of {@link cusumWeight}. */
export interface CusumWeightInput {
  /** Case-mix-predicted probability of response, in (0, 1). */
  pResponse: number;
  /** Observed responder status (1 responder, 0 not). */
  responder: 0 | 1;
  /** Odds ratio of non-response the chart is to detect (default 2). */
  RA?: number;
  /** Odds ratio of non-response in control (default 1). */
  R0?: number;
}

/** Steiner et al. (2000)'s log-likelihood-ratio weight of one patient (see the module notes). */
export function cusumWeight(input: CusumWeightInput): number {
  const { pResponse, responder, RA, R0 } = parseInput(cusumWeightSchema, input, "cusumWeight");
  return weight(1 - pResponse, responder, RA, R0);
}

function weight(pAdverse: number, responder: number, RA: number, R0: number): number {
  const num = 1 - pAdverse + R0 * pAdverse;
  const den = 1 - pAdverse + RA * pAdverse;
  return responder === 0 ? Math.log((num * RA) / (den * R0)) : Math.log(num / den);
}

/** Input of {@link raCusum}. */
export interface CusumInput {
  /** Case-mix-predicted probabilities of response, in the order the patients were treated. */
  pResponse: readonly number[];
  /** Observed responder status (0/1), one per patient. */
  responder: readonly (0 | 1)[];
  /** Control limit h (> 0). */
  h: number;
  /** Odds ratio of non-response to detect (default 2). */
  RA?: number;
  /** In-control odds ratio (default 1). */
  R0?: number;
  /**
   * Restart the CUSUM at 0 after a signal (default true, Steiner et al. 2000). With false the chart
   * keeps accumulating and every patient at which Sₜ >= h is listed in `signals` (as R `cusum`'s
   * `racusum(reset = FALSE)` marks them).
   */
  reset?: boolean;
}

/** Result of {@link raCusum}. */
export interface CusumChart {
  /** Weight of each patient. */
  W: number[];
  /** CUSUM after each patient (0 right after a signal's restart is not shown: Sₜ is the value that signalled). */
  S: number[];
  /** VLAD: cumulative observed minus expected responders after each patient. */
  vlad: number[];
  /** 1-based positions of the patients at which the chart signalled (Sₜ >= h; then restarted at 0 unless `reset: false`). */
  signals: number[];
  /** The control limit. */
  h: number;
}

/**
 * Risk-adjusted CUSUM with restart after a signal, and the VLAD (see the module notes).
 *
 * @example
 * ```ts
 * import { raCusum } from "./mod.ts";
 * const c = raCusum({ pResponse: [0.9, 0.8, 0.5], responder: [0, 1, 0], h: 0.65 });
 * // W = log(2/1.1), log(1/1.2), log(2/1.5); S = 0.598, 0.416, 0.703 -> signal at patient 3
 * if (c.signals.join() !== "3") throw new Error(c.S.join());
 * ```
 */
export function raCusum(input: CusumInput): CusumChart {
  const { pResponse, responder, h, RA, R0, reset } = parseInput(cusumSchema, input, "raCusum");
  if (responder.length !== pResponse.length) {
    fail("raCusum", "responder", `must have ${pResponse.length} elements (like pResponse)`, responder.length);
  }
  const W: number[] = [];
  const S: number[] = [];
  const vlad: number[] = [];
  const signals: number[] = [];
  let s = 0, v = 0;
  pResponse.forEach((p, t) => {
    const w = weight(1 - p, responder[t], RA, R0);
    W.push(w);
    s = Math.max(0, s + w);
    S.push(s);
    v += responder[t] - p;
    vlad.push(v);
    if (s >= h) {
      signals.push(t + 1);
      if (reset) s = 0;
    }
  });
  return { W, S, vlad, signals, h };
}

/** Input of {@link cusumThreshold}. */
export interface CusumThresholdInput {
  /** Case-mix-predicted probabilities of response of the patients the chart will see (resampled). */
  pResponse: readonly number[];
  /** Design in-control average run length in patients (default 1000: an assumption). */
  arl0?: number;
  /** Odds ratio of non-response to detect (default 2). */
  RA?: number;
  /** Simulated in-control runs (default 1000). */
  reps?: number;
  /** Seed (required). */
  seed: number;
}

/** Result of {@link cusumThreshold}. */
export interface CusumThreshold {
  /** The control limit h whose simulated in-control ARL is closest to `arl0`. */
  h: number;
  /** The design ARL₀. */
  arl0: number;
  /** The simulated in-control ARL at h. */
  arl: number;
  /** Its Monte Carlo standard error. */
  mcse: number;
  /** Runs simulated. */
  reps: number;
}

/** One in-control run: the records of its running maximum (t at which max S first exceeded each value). */
interface Run {
  rng: Random;
  t: number;
  s: number;
  max: number;
  /** Pairs (t, max after t) each time the running maximum grew. */
  recT: number[];
  recMax: number[];
}

function extend(run: Run, pAdverse: readonly number[], RA: number, upTo: number): void {
  const { rng } = run;
  while (run.max < upTo) {
    const pa = pAdverse[Math.floor(rng.uniform() * pAdverse.length)];
    const y = rng.uniform() < pa ? 0 : 1; // 0 = non-responder (adverse)
    run.s = Math.max(0, run.s + weight(pa, y, RA, 1));
    run.t++;
    if (run.s > run.max) {
      run.max = run.s;
      run.recT.push(run.t);
      run.recMax.push(run.s);
    }
  }
}

/** Run length at h: the first t at which S reached h (records are increasing). */
function runLength(run: Run, h: number): number {
  let lo = 0, hi = run.recMax.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (run.recMax[mid] >= h) hi = mid;
    else lo = mid + 1;
  }
  return run.recT[lo];
}

function arlAt(runs: readonly Run[], h: number): { arl: number; mcse: number } {
  const rl = runs.map((r) => runLength(r, h));
  const arl = rl.reduce((a, v) => a + v, 0) / rl.length;
  const sd = Math.sqrt(rl.reduce((a, v) => a + (v - arl) ** 2, 0) / (rl.length - 1));
  return { arl, mcse: sd / Math.sqrt(rl.length) };
}

/**
 * The control limit h for a design in-control ARL, by simulation: `reps` in-control runs (patients
 * resampled from `pResponse`, outcomes drawn with those probabilities), the run length of each as a
 * function of h from the records of its running maximum (the chart before its first signal does
 * not depend on h), and bisection on h for the ARL. Run r uses the stream deriveSeed(seed, r).
 *
 * @example
 * ```ts
 * import { cusumThreshold } from "./mod.ts";
 * const t = cusumThreshold({ pResponse: [0.5, 0.6, 0.7], arl0: 100, reps: 200, seed: 1 });
 * if (!(t.h > 0) || Math.abs(t.arl - 100) > 5) throw new Error(`${t.h} ${t.arl}`);
 * ```
 */
export function cusumThreshold(input: CusumThresholdInput): CusumThreshold {
  const { pResponse, arl0, RA, reps, seed } = parseInput(cusumThresholdSchema, input, "cusumThreshold");
  const pAdverse = pResponse.map((p) => 1 - p);
  const runs: Run[] = Array.from({ length: reps }, (_, r) => ({
    rng: createRandom(deriveSeed(seed, r)),
    t: 0,
    s: 0,
    max: 0,
    recT: [],
    recMax: [],
  }));
  // raise the upper end until its ARL exceeds the design value
  let hi = 0.5;
  for (;;) {
    for (const run of runs) extend(run, pAdverse, RA, hi);
    if (arlAt(runs, hi).arl >= arl0) break;
    hi += 0.5;
    if (hi > 50) {
      fail("cusumThreshold", "arl0", "needs a control limit above 50 (ARL too large for this case mix)", arl0);
    }
  }
  let lo = Math.max(0, hi - 0.5);
  for (let it = 0; it < 50 && hi - lo > 1e-6; it++) {
    const mid = (lo + hi) / 2;
    if (arlAt(runs, mid).arl >= arl0) hi = mid;
    else lo = mid;
  }
  const at = arlAt(runs, hi);
  return { h: hi, arl0, arl: at.arl, mcse: at.mcse, reps };
}

/** Input of {@link cusumRunLength}. */
export interface CusumRunLengthInput {
  /** Case-mix-predicted probabilities of response (resampled). */
  pResponse: readonly number[];
  /** Control limit. */
  h: number;
  /** Odds ratio of non-response to detect (default 2). */
  RA?: number;
  /** True odds ratio of non-response while running (default 1: in control). */
  trueOR?: number;
  /** Simulated runs (default 1000). */
  reps?: number;
  /** Seed (required). */
  seed: number;
}

/**
 * Simulated average run length of the chart with limit h (in control by default, or with the true
 * odds ratio of non-response `trueOR`, e.g. 2 for the out-of-control ARL), with its MCSE.
 *
 * @example
 * ```ts
 * import { cusumRunLength } from "./mod.ts";
 * const a = cusumRunLength({ pResponse: [0.6], h: 2, reps: 300, seed: 2 });
 * const b = cusumRunLength({ pResponse: [0.6], h: 2, reps: 300, seed: 2, trueOR: 2 });
 * if (!(b.arl < a.arl)) throw new Error("a worse centre signals sooner");
 * ```
 */
export function cusumRunLength(input: CusumRunLengthInput): { arl: number; mcse: number; reps: number } {
  const p = parseInput(runLengthSchema, input, "cusumRunLength");
  const pAdverse = p.pResponse.map((q) => {
    const pa = 1 - q;
    return (p.trueOR * pa) / (1 - pa + p.trueOR * pa);
  });
  const pAdverse0 = p.pResponse.map((q) => 1 - q);
  const rl: number[] = [];
  for (let r = 0; r < p.reps; r++) {
    const rng = createRandom(deriveSeed(p.seed, r));
    let s = 0, t = 0;
    while (s < p.h) {
      const j = Math.floor(rng.uniform() * pAdverse.length);
      const y = rng.uniform() < pAdverse[j] ? 0 : 1;
      s = Math.max(0, s + weight(pAdverse0[j], y, p.RA, 1));
      t++;
      if (t > 1e7) fail("cusumRunLength", "h", "gives run lengths above 10^7 patients", p.h);
    }
    rl.push(t);
  }
  const arl = rl.reduce((a, v) => a + v, 0) / rl.length;
  const sd = Math.sqrt(rl.reduce((a, v) => a + (v - arl) ** 2, 0) / (rl.length - 1));
  return { arl, mcse: sd / Math.sqrt(rl.length), reps: p.reps };
}

/**
 * Maxima of `reps` in-control charts of n patients each (no restart: the maximum before a first
 * signal does not depend on the rule after it). Patients are resampled from pAdverse with equal
 * weights, outcomes drawn with those probabilities; run r uses the stream deriveSeed(seed, r).
 */
function simulateMaxima(pAdverse: readonly number[], n: number, RA: number, reps: number, seed: number): Float64Array {
  const wAdverse = pAdverse.map((pa) => weight(pa, 0, RA, 1));
  const wOk = pAdverse.map((pa) => weight(pa, 1, RA, 1));
  const maxima = new Float64Array(reps);
  for (let r = 0; r < reps; r++) {
    const rng = createRandom(deriveSeed(seed, r));
    let s = 0, max = 0;
    for (let t = 0; t < n; t++) {
      const j = Math.floor(rng.uniform() * pAdverse.length);
      s = Math.max(0, s + (rng.uniform() < pAdverse[j] ? wAdverse[j] : wOk[j]));
      if (s > max) max = s;
    }
    maxima[r] = max;
  }
  return maxima;
}

/** In-control maxima of a parsed period input, with its period length. */
function periodMaxima(
  p: { pResponse: readonly number[]; n?: number; RA: number; reps: number; seed: number },
): { maxima: Float64Array; n: number } {
  const n = p.n ?? p.pResponse.length;
  return { maxima: simulateMaxima(p.pResponse.map((q) => 1 - q), n, p.RA, p.reps, p.seed), n };
}

/** Monitoring period shared by {@link cusumSignalProbability} and {@link cusumThresholdAlpha}. */
export interface CusumPeriodInput {
  /** Case-mix-predicted probabilities of response of the patients the chart will see (resampled). */
  pResponse: readonly number[];
  /** Patients in the monitoring period (default `pResponse.length`). */
  n?: number;
  /** Odds ratio of non-response to detect (default 2). */
  RA?: number;
  /** Simulated in-control periods (default 1000). */
  reps?: number;
  /** Seed (required). */
  seed: number;
}

/** Input of {@link cusumSignalProbability}. */
export interface CusumSignalProbabilityInput extends CusumPeriodInput {
  /** Control limit h (> 0). */
  h: number;
}

/** What {@link cusumSignalProbability} and {@link cusumThresholdAlpha} simulated. */
export interface CusumPeriodResult {
  /** Monte Carlo standard error of the result's estimate. */
  mcse: number;
  /** Patients per period. */
  n: number;
  /** Periods simulated. */
  reps: number;
}

/** Result of {@link cusumSignalProbability}; `mcse` is sqrt(p (1 - p) / reps). */
export interface CusumSignalProbability extends CusumPeriodResult {
  /** Share of simulated in-control periods in which the chart reached h (a false signal). */
  probability: number;
}

/**
 * Simulated false-signal probability of the chart with limit h over a monitoring period of n
 * patients: the share of `reps` in-control periods (patients resampled from `pResponse`, outcomes
 * drawn with those probabilities) in which Sₜ reached h. The quantity of R `cusum`'s
 * `racusum_alpha_sim`.
 *
 * @example A higher limit signals less often
 * ```ts
 * import { cusumSignalProbability } from "./mod.ts";
 * const pResponse = [0.5, 0.6, 0.7];
 * const a = cusumSignalProbability({ pResponse, h: 2, n: 100, reps: 400, seed: 1 });
 * const b = cusumSignalProbability({ pResponse, h: 4, n: 100, reps: 400, seed: 1 });
 * if (!(b.probability < a.probability)) throw new Error(`${a.probability} ${b.probability}`);
 * ```
 */
export function cusumSignalProbability(input: CusumSignalProbabilityInput): CusumSignalProbability {
  const p = parseInput(signalProbabilitySchema, input, "cusumSignalProbability");
  const { maxima, n } = periodMaxima(p);
  const probability = maxima.reduce((a, m) => a + (m >= p.h ? 1 : 0), 0) / p.reps;
  return { probability, mcse: Math.sqrt((probability * (1 - probability)) / p.reps), n, reps: p.reps };
}

/** Input of {@link cusumThresholdAlpha}. */
export interface CusumThresholdAlphaInput extends CusumPeriodInput {
  /** Design false-signal probability within the period (default 0.05, as R `cusum`'s vignette). */
  alpha?: number;
}

/**
 * Result of {@link cusumThresholdAlpha}; `mcse` is the Monte Carlo standard error of h: the width of
 * the distribution-free 95 % interval for the quantile (order statistics
 * reps·(1 - alpha) ± 1.96·sqrt(reps·alpha·(1 - alpha))) over 2 × 1.96.
 */
export interface CusumThresholdAlpha extends CusumPeriodResult {
  /** The control limit: the 1 - alpha quantile of the simulated in-control maxima of Sₜ (R's type 7). */
  h: number;
  /** The design false-signal probability. */
  alpha: number;
}

/**
 * The control limit h for a design false-signal probability `alpha` within a monitoring period of
 * n patients (e.g. one year of a centre), by simulation: the 1 - alpha quantile of the maximum of
 * Sₜ over `reps` in-control periods. The design of R `cusum`'s `racusum_limit_sim`; the ARL design
 * is {@link cusumThreshold}.
 *
 * @example
 * ```ts
 * import { cusumSignalProbability, cusumThresholdAlpha } from "./mod.ts";
 * const pResponse = [0.5, 0.6, 0.7];
 * const t = cusumThresholdAlpha({ pResponse, alpha: 0.1, n: 100, reps: 2000, seed: 1 });
 * const p = cusumSignalProbability({ pResponse, h: t.h, n: 100, reps: 2000, seed: 2 });
 * if (Math.abs(p.probability - 0.1) > 0.03) throw new Error(`${t.h} ${p.probability}`);
 * ```
 */
export function cusumThresholdAlpha(input: CusumThresholdAlphaInput): CusumThresholdAlpha {
  const p = parseInput(thresholdAlphaSchema, input, "cusumThresholdAlpha");
  const { maxima, n } = periodMaxima(p);
  const sorted = maxima.sort();
  const at = (q: number): number => {
    const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  };
  const q = 1 - p.alpha;
  const half = 1.96 * Math.sqrt(p.alpha * (1 - p.alpha) / p.reps);
  const mcse = (at(q + half) - at(q - half)) / (2 * 1.96);
  return { h: at(q), alpha: p.alpha, mcse, n, reps: p.reps };
}

/** Input of {@link monitorCentres}. */
export interface MonitorInput {
  /** One row per patient, in the order treated within each centre (sorted by `year` when recorded). */
  rows: readonly RegistryRow[];
  /** PDI responder threshold in points (default the unverified PDI MCID, 8.5). */
  mcid?: number;
  /** Odds ratio of non-response to detect (default 2, Steiner et al. 2000). */
  RA?: number;
  /** Design in-control ARL in patients (default 1000: an assumption). */
  arl0?: number;
  /** In-control runs for the control limit (default 1000). */
  reps?: number;
  /** Seed (required: the control limit is simulated). */
  seed: number;
}

/** One centre's charts. */
export interface CentreMonitor {
  /** Centre name. */
  centre: string;
  /** Patients charted. */
  n: number;
  /** The CUSUM and VLAD of the centre. */
  chart: CusumChart;
}

/** Result of {@link monitorCentres}. */
export interface Monitoring {
  /** The control limit and its simulated ARL. */
  threshold: CusumThreshold;
  /** Odds ratio of non-response the charts detect. */
  RA: number;
  /** One entry per centre, sorted by name. */
  centres: CentreMonitor[];
}

/**
 * A risk-adjusted CUSUM and a VLAD per centre on PDI responder status, with probabilities from a
 * logistic case-mix model fitted on all centres (as `benchmarkCentres` with outcome
 * `pdi_responder`) and the control limit from {@link cusumThreshold} on the registry's case mix.
 *
 * @example
 * ```ts
 * import { monitorCentres, simulateRegistry } from "./mod.ts";
 * const m = monitorCentres({ rows: simulateRegistry({ centres: 4 }, 1).patients, arl0: 200, reps: 200, seed: 1 });
 * if (m.centres.length !== 4 || !(m.threshold.h > 0)) throw new Error("charts");
 * ```
 */
export function monitorCentres(input: MonitorInput): Monitoring {
  const p = parseInput(monitorSchema, input, "monitorCentres");
  const rows = p.rows as RegistryRow[];
  const cls = classifyResponders({
    baseline: rows.map((r) => r.pdiPre),
    followup: rows.map((r) => r.pdiPost),
    mcid: p.mcid,
    improvement: "decrease",
  });
  const y = cls.responder.map((v) => (v ? 1 : 0) as 0 | 1);
  const k = y.reduce((a: number, v) => a + v, 0);
  if (k === 0 || k === y.length) {
    fail("monitorCentres", "mcid", `makes ${k === 0 ? "no" : "every"} patient a responder`, p.mcid);
  }
  const { X, names } = caseMixMatrix(rows);
  const fit = logisticFit(X, y, names);
  const threshold = cusumThreshold({ pResponse: fit.fitted, arl0: p.arl0, RA: p.RA, reps: p.reps, seed: p.seed });
  const byCentre = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = byCentre.get(r.centre) ?? [];
    list.push(i);
    byCentre.set(r.centre, list);
  });
  const centres = [...byCentre.keys()].sort().map((centre) => {
    const idx = (byCentre.get(centre) as number[]).slice().sort((a, b) =>
      ((rows[a].year ?? 0) - (rows[b].year ?? 0)) || a - b
    );
    const chart = raCusum({
      pResponse: idx.map((i) => fit.fitted[i]),
      responder: idx.map((i) => y[i]),
      h: threshold.h,
      RA: p.RA,
    });
    return { centre, n: idx.length, chart };
  });
  return { threshold, RA: p.RA, centres };
}
