/**
 * Data strategies (how a study collects data) and the inquiry (what it wants to know), for one
 * simulated study: a parallel RCT (complete random assignment, dropout MCAR/MAR/MNAR), a
 * waiting-list RCT, a prospective pre-post cohort with attrition (a PIO: no comparator), a
 * single-case multiple-baseline or AB design, and a meta-analysis of several RCTs.
 *
 * The inquiry is computed from the simulated potential outcomes of the same patients (as in
 * DeclareDesign): for an RCT the average effect of IMSR against its comparator, for a cohort the
 * average effect of IMSR against no treatment. Every value is oriented (positive = improvement).
 *
 * @example
 * import { createRandom } from "../stats/random.ts";
 * import { parseDesign } from "./schema.ts";
 * const design = parseDesign({ data: { type: "rct", n: 50 } });
 * const sim = simulateStudy(design, resolveModel(design.model), createRandom(1));
 * sim.kind; // "two-arm"
 * @module
 */
import type { Random } from "../stats/random.ts";
import type { Design, Dropout } from "./schema.ts";
import type { EstimandTarget } from "./types.ts";
import { type Condition, drawPatients, type ResolvedModel, resolveModel } from "./model.ts";
import type { SingleArm, SteppedWedge, TwoArm } from "./answers.ts";
import { escalc } from "../effects/escalc.ts";
import { ar1Into, createFastRandom } from "../sced/_fast.ts";
import { handleMissing } from "./answers.ts";
import { fail } from "../validate.ts";

/** The targets of inference for one simulated study (oriented, positive = improvement). */
export interface Estimands {
  /** Average effect in points (sample average of individual potential-outcome differences). */
  raw: number;
  /** `raw` divided by the sample SD of the baseline score. */
  std: number;
  /** Difference in responder proportions (improvement ≥ MCID) between the two potential outcomes. */
  responder: number;
}

/** One simulated SCED study: series per case, its design, and the case-level true effects. */
export interface ScedStudy {
  /** Oriented scores, one array of `measurements` per case. */
  series: Float64Array[];
  /** 1-based start of phase B per case (the realised randomisation). */
  starts: number[];
  /** Possible starts per case (multiple-baseline: per tier). */
  startSets: number[][];
  design: "mbd" | "ab";
}

/** What a data strategy returns. */
export type SimData =
  | { kind: "two-arm"; data: TwoArm; estimands: Estimands; n: number }
  | { kind: "single-arm"; data: SingleArm; estimands: Estimands; n: number }
  | { kind: "sced"; study: ScedStudy; estimands: Estimands; n: number }
  | { kind: "meta"; yi: number[]; vi: number[]; estimands: Estimands; n: number }
  | { kind: "stepped-wedge"; data: SteppedWedge; estimands: Estimands; n: number }
  | { kind: "its"; means: Float64Array; interruption: number; estimands: Estimands; n: number };

const COMPARATOR: Record<string, Condition> = {
  "primary-care": "primaryCare",
  "usual-imsr": "usualImsr",
  "waiting-list": "waitingList",
};

function sampleSd(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  const m = s / x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - m) ** 2;
  return Math.sqrt(ss / (x.length - 1));
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/**
 * Mark post scores missing. MCAR: each with probability `rate`. MAR: log-odds logit(rate) +
 * strength · z, z = how much worse than the sample mean the baseline is, in SDs. MNAR: the same with
 * the (unobserved) post score. `controlRate` applies to treat = 0.
 */
function applyDropout(
  pre: Float64Array,
  post: Float64Array,
  treat: Uint8Array | null,
  dropout: Dropout,
  rng: Random,
): void {
  const n = post.length;
  const rates = [dropout.controlRate ?? dropout.rate, dropout.rate];
  if (rates[0] === 0 && rates[1] === 0) return;
  let driver: Float64Array | null = null;
  if (dropout.mechanism !== "MCAR") {
    const x = dropout.mechanism === "MAR" ? pre : post;
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i];
    const m = s / n, sd = sampleSd(x) || 1;
    driver = new Float64Array(n);
    for (let i = 0; i < n; i++) driver[i] = -(x[i] - m) / sd; // worse (lower oriented score) -> higher
  }
  for (let i = 0; i < n; i++) {
    const r = rates[treat ? treat[i] : 1];
    let prob = r;
    if (driver && r > 0 && r < 1) prob = 1 / (1 + Math.exp(-(logit(r) + dropout.strength * driver[i])));
    if (rng.uniform() < prob) post[i] = NaN;
  }
}

function responderShare(post: Float64Array, pre: Float64Array, mcid: number): number {
  let x = 0;
  for (let i = 0; i < pre.length; i++) if (post[i] - pre[i] >= mcid) x++;
  return x / pre.length;
}

/**
 * The population average effect of IMSR against `comparator` in the model (points on the analysed
 * score, oriented): effect weight × (mean IMSR effect − mean comparator effect), the comparator's
 * mean mixing end-of-the-line and other patients by `shareNotEndOfLine`. Observation artefacts
 * (expectation, response shift, hold-back) are not part of it.
 * @example populationEffect(resolveModel(parseDesign({}).model), "none") // 2.5 (1 domain × 2.5)
 */
export function populationEffect(rm: ResolvedModel, comparator: Condition): number {
  const e = rm.model.effects, share = rm.model.shareNotEndOfLine;
  const c = comparator === "primaryCare"
    ? share * e.primaryCare.mean + (1 - share) * e.primaryCareEndOfLine.mean
    : comparator === "usualImsr"
    ? e.usualImsr.mean
    : comparator === "waitingList"
    ? e.waitingList.mean
    : 0;
  return rm.effectWeight * (e.imsr.mean - c);
}

function twoArmEstimands(
  pre: Float64Array,
  y1: Float64Array,
  y0: Float64Array,
  mcid: number,
  population: number | null,
): Estimands {
  let s = 0;
  for (let i = 0; i < pre.length; i++) s += y1[i] - y0[i];
  const raw = population ?? s / pre.length;
  return {
    raw,
    std: raw / sampleSd(pre),
    responder: responderShare(y1, pre, mcid) - responderShare(y0, pre, mcid),
  };
}

type RctLike = Extract<Design["data"], { type: "rct" | "waitlist" }>;

/**
 * One RCT: complete random assignment of round(n · allocation) to IMSR; non-adherent patients of
 * the IMSR arm receive the comparator, contaminated patients of the comparator arm receive IMSR
 * (both analysed as randomised); dropout; estimands (the effect of receiving IMSR).
 */
function simulateRct(
  rm: ResolvedModel,
  data: Omit<RctLike, "type">,
  rng: Random,
  target: EstimandTarget,
): SimData & { kind: "two-arm" } {
  const c = COMPARATOR[data.comparator];
  const p = drawPatients(rm, data.n, ["imsr", c], rng);
  const n = data.n, n1 = Math.round(n * data.allocation);
  const treat = new Uint8Array(n);
  for (let i = 0; i < n1; i++) treat[i] = 1;
  rng.shuffleInPlace(treat as unknown as number[]);
  const y1 = p.post.imsr!, y0 = p.post[c]!;
  const post = new Float64Array(n);
  const nonAdh = data.nonAdherence ?? 0, contam = data.contamination ?? 0;
  for (let i = 0; i < n; i++) {
    let received = treat[i];
    if (received && nonAdh > 0 && rng.uniform() < nonAdh) received = 0;
    else if (!treat[i] && contam > 0 && rng.uniform() < contam) received = 1;
    post[i] = received ? y1[i] : y0[i];
  }
  applyDropout(p.pre, post, treat, data.dropout, rng);
  return {
    kind: "two-arm",
    data: { pre: p.pre, post, treat },
    estimands: twoArmEstimands(
      p.pre,
      p.truePost.imsr!,
      p.truePost[c]!,
      rm.spec.mcid,
      target === "population" ? populationEffect(rm, c) : null,
    ),
    n,
  };
}

/**
 * A controlled cohort (target-trial emulation): each patient receives IMSR with log-odds
 * logit(share) + indication · (how much worse the true baseline is, in SDs) + unmeasured.selection
 * · U, U ~ N(0, 1) an unmeasured prognostic factor that also worsens the outcome by
 * unmeasured.prognosis points per domain per SD in both conditions. The inquiry is the effect of
 * IMSR against the comparator in all patients (sample or population average).
 */
function simulateControlledCohort(
  rm: ResolvedModel,
  data: Extract<Design["data"], { type: "controlled-cohort" }>,
  rng: Random,
  target: EstimandTarget,
): SimData & { kind: "two-arm" } {
  const c = COMPARATOR[data.comparator];
  const p = drawPatients(rm, data.n, ["imsr", c], rng);
  const n = data.n;
  const y1 = p.post.imsr!, y0 = p.post[c]!, t1 = p.truePost.imsr!, t0 = p.truePost[c]!;
  // standardise the true baseline (oriented: lower = worse)
  let s = 0;
  for (let i = 0; i < n; i++) s += p.trueScore[i];
  const m = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (p.trueScore[i] - m) ** 2;
  const sd = Math.sqrt(ss / Math.max(1, n - 1)) || 1;
  const treat = new Uint8Array(n), post = new Float64Array(n);
  const base = logit(data.share), { selection, prognosis } = data.unmeasured;
  const progWeight = prognosis * rm.allWeight;
  for (let i = 0; i < n; i++) {
    const u = selection !== 0 || prognosis !== 0 ? rng.normal() : 0;
    const worse = -(p.trueScore[i] - m) / sd;
    const pr = 1 / (1 + Math.exp(-(base + data.indication * worse + selection * u)));
    treat[i] = rng.uniform() < pr ? 1 : 0;
    const shift = -progWeight * u; // a worse prognosis lowers the oriented post score in both conditions
    y1[i] += shift;
    y0[i] += shift;
    t1[i] += shift;
    t0[i] += shift;
    post[i] = treat[i] ? y1[i] : y0[i];
  }
  applyDropout(p.pre, post, treat, data.dropout, rng);
  return {
    kind: "two-arm",
    data: { pre: p.pre, post, treat },
    estimands: twoArmEstimands(p.pre, t1, t0, rm.spec.mcid, target === "population" ? populationEffect(rm, c) : null),
    n,
  };
}

/**
 * A stepped-wedge cluster RCT: centres in random order cross from the comparator to IMSR at
 * evenly spread steps (period 0 all comparator, the last all IMSR); each centre-period treats
 * `perCluster` new patients. A centre effect (SD `clusterSd` per domain) shifts baseline and
 * outcome alike; a secular trend shifts outcomes by `secularTrend` per domain per period.
 */
function simulateSteppedWedge(
  rm: ResolvedModel,
  data: Extract<Design["data"], { type: "stepped-wedge" }>,
  rng: Random,
  target: EstimandTarget,
): SimData {
  const { clusters: C, periods: P, perCluster: m } = data;
  const comp = COMPARATOR[data.comparator];
  const order = Array.from({ length: C }, (_, i) => i);
  rng.shuffleInPlace(order);
  const step = new Int32Array(C); // first period with IMSR per centre
  order.forEach((c, j) => (step[c] = 1 + Math.floor((j * (P - 1)) / C)));
  const N = C * P * m;
  const pre = new Float64Array(N), post = new Float64Array(N), treat = new Uint8Array(N);
  const cluster = new Int32Array(N), period = new Int32Array(N);
  const t1 = new Float64Array(N), t0 = new Float64Array(N);
  let k = 0;
  for (let c = 0; c < C; c++) {
    const ce = data.clusterSd > 0 ? data.clusterSd * rm.allWeight * rng.normal() : 0;
    for (let t = 0; t < P; t++) {
      const p = drawPatients(rm, m, ["imsr", comp], rng);
      const trend = data.secularTrend * rm.allWeight * t;
      const on = t >= step[c] ? 1 : 0;
      for (let i = 0; i < m; i++, k++) {
        pre[k] = p.pre[i] + ce;
        post[k] = (on ? p.post.imsr![i] : p.post[comp]![i]) + ce + trend;
        t1[k] = p.truePost.imsr![i] + ce + trend;
        t0[k] = p.truePost[comp]![i] + ce + trend;
        treat[k] = on;
        cluster[k] = c;
        period[k] = t;
      }
    }
  }
  applyDropout(pre, post, treat, data.dropout, rng);
  return {
    kind: "stepped-wedge",
    data: { pre, post, treat, cluster, period, clusters: C, periods: P },
    estimands: twoArmEstimands(pre, t1, t0, rm.spec.mcid, target === "population" ? populationEffect(rm, comp) : null),
    n: N,
  };
}

/**
 * An interrupted time series on registry data: `perPeriod` new patients per period, treated with
 * the comparator before the interruption and with IMSR from it on; outcomes drift by a secular
 * trend, and a co-intervention (not IMSR) shifts them from the interruption on. The analysed data
 * are the period means of the post scores.
 */
function simulateIts(
  rm: ResolvedModel,
  data: Extract<Design["data"], { type: "its" }>,
  rng: Random,
  target: EstimandTarget,
): SimData {
  const { periods: P, perPeriod: m, interruption: T0 } = data;
  const comp = COMPARATOR[data.comparator];
  const means = new Float64Array(P);
  let sumEffect = 0, sumPre = 0, sumPre2 = 0;
  for (let t = 0; t < P; t++) {
    const p = drawPatients(rm, m, ["imsr", comp], rng);
    const after = t >= T0;
    const shift = rm.allWeight * (data.secularTrend * t + (after ? data.coIntervention : 0));
    let s = 0;
    for (let i = 0; i < m; i++) {
      s += (after ? p.post.imsr![i] : p.post[comp]![i]) + shift;
      sumEffect += p.truePost.imsr![i] - p.truePost[comp]![i];
      sumPre += p.pre[i];
      sumPre2 += p.pre[i] * p.pre[i];
    }
    means[t] = s / m;
  }
  const N = P * m;
  const raw = target === "population" ? populationEffect(rm, comp) : sumEffect / N;
  const sdPre = Math.sqrt(Math.max(0, (sumPre2 - (sumPre * sumPre) / N) / (N - 1))) || 1;
  return { kind: "its", means, interruption: T0, estimands: { raw, std: raw / sdPre, responder: NaN }, n: N };
}

/** A pre-post cohort (PIO): everyone gets IMSR; the inquiry is the effect against no treatment. */
function simulateCohort(
  rm: ResolvedModel,
  data: Extract<Design["data"], { type: "cohort" }>,
  rng: Random,
  target: EstimandTarget,
): SimData {
  const p = drawPatients(rm, data.n, ["imsr", "none"], rng);
  const post = Float64Array.from(p.post.imsr!);
  applyDropout(p.pre, post, null, data.attrition, rng);
  return {
    kind: "single-arm",
    data: { pre: p.pre, post },
    estimands: twoArmEstimands(
      p.pre,
      p.truePost.imsr!,
      p.truePost.none!,
      rm.spec.mcid,
      target === "population" ? populationEffect(rm, "none") : null,
    ),
    n: data.n,
  };
}

/**
 * Start sets of an SCED: AB: every start with at least `minPhase` measurements in A and in B;
 * MBD: the same range cut into `cases` consecutive, non-overlapping tiers (staggered starts), one
 * tier per case in the order cases are assigned.
 * @example scedStartSets("ab", 1, 10, 3) // [[4, 5, 6, 7, 8]]
 */
export function scedStartSets(design: "mbd" | "ab", cases: number, measurements: number, minPhase: number): number[][] {
  const first = minPhase + 1, last = measurements - minPhase + 1;
  const all: number[] = [];
  for (let s = first; s <= last; s++) all.push(s);
  if (design === "ab" || cases === 1) return Array.from({ length: cases }, () => all.slice());
  if (all.length < cases) {
    fail(
      "simulate",
      "data.cases",
      `must be <= the possible starts of an MBD (measurements ${measurements} with minPhase ${minPhase} give ${all.length})`,
      cases,
    );
  }
  const sets: number[][] = [];
  for (let t = 0; t < cases; t++) {
    const a = Math.floor((t * all.length) / cases), b = Math.floor(((t + 1) * all.length) / cases);
    sets.push(all.slice(a, b));
  }
  return sets;
}

/**
 * An SCED study: per case, an AR(1) series around the case's true baseline score with marginal SD
 * equal to the score's measurement-error SD, a level shift of the case's IMSR effect from its
 * randomised start on, and the natural course as a linear trend over the series (for MBD,
 * participants are randomly assigned to tiers and each tier's start is drawn from its set).
 */
function simulateSced(
  rm: ResolvedModel,
  data: Extract<Design["data"], { type: "sced" }>,
  rng: Random,
  target: EstimandTarget,
): SimData {
  const { cases, measurements: T, ar } = data;
  const p = drawPatients(rm, cases, ["imsr", "none"], rng);
  const startSets = scedStartSets(data.design, cases, T, data.minPhase);
  const tierOf = Array.from({ length: cases }, (_, i) => i);
  if (data.design === "mbd") rng.shuffleInPlace(tierOf);
  const starts = tierOf.map((t) => {
    const set = startSets[t];
    return set[rng.int(0, set.length - 1)];
  });
  const trendTotal = rm.model.naturalCourse * rm.allWeight;
  // AR(1) errors from the SCED engine (marginal SD = the score's measurement-error SD)
  const fast = createFastRandom(rng.int(0, 2 ** 31 - 1));
  const e = new Float64Array(T);
  const series: Float64Array[] = [];
  let sumEffect = 0;
  for (let i = 0; i < cases; i++) {
    const y = new Float64Array(T);
    ar1Into(T, ar, rm.scoreErrorSd, "marginal", fast, e);
    const eff = p.effect.imsr![i];
    const observed = eff + rm.artefact.imsr;
    sumEffect += eff;
    for (let t = 0; t < T; t++) {
      const trend = T > 1 ? (trendTotal * t) / (T - 1) : 0;
      y[t] = p.trueScore[i] + trend + e[t] + (t + 1 >= starts[i] ? observed : 0);
    }
    series.push(y);
  }
  const raw = target === "population" ? populationEffect(rm, "none") : sumEffect / cases;
  return {
    kind: "sced",
    study: {
      series,
      starts,
      startSets: data.design === "mbd" ? tierOf.map((t) => startSets[t]) : startSets,
      design: data.design,
    },
    estimands: { raw, std: raw / (rm.scoreSd || 1), responder: NaN },
    n: cases,
  };
}

/**
 * A meta-analysis of `studies` RCTs whose true mean IMSR effect varies between studies (SD `tau`,
 * points per prioritised domain); each study reports MD or SMD (via lib/effects/escalc) after its
 * missing-data handling. The inquiry is μ, the mean of the distribution of true study effects
 * (`estimand: "population"`, the default for meta-analyses; for SMD μ divided by the score's
 * population SD, an approximation), or the average of the studies' realised effects (`sample`).
 */
function simulateMeta(
  rm: ResolvedModel,
  data: Extract<Design["data"], { type: "meta" }>,
  missing: Design["missing"],
  rng: Random,
  target: EstimandTarget,
): SimData {
  const yi: number[] = [], vi: number[] = [];
  let raw = 0, std = 0, resp = 0, n = 0;
  for (let s = 0; s < data.studies; s++) {
    const shift = data.tau > 0 ? data.tau * rng.normal() : 0;
    const imsr = rm.model.effects.imsr;
    const model = { ...rm.model, effects: { ...rm.model.effects, imsr: { mean: imsr.mean + shift, sd: imsr.sd } } };
    const srm = { ...rm, model };
    const sim = simulateRct(srm, data.study, rng, "sample");
    const d = handleMissing(sim.data, missing);
    const m = [0, 0], ss = [0, 0], k = [0, 0];
    for (let i = 0; i < d.post.length; i++) {
      if (Number.isNaN(d.post[i])) continue;
      m[d.treat[i]] += d.post[i];
      k[d.treat[i]]++;
    }
    if (k[0] < 2 || k[1] < 2) continue;
    m[0] /= k[0];
    m[1] /= k[1];
    for (let i = 0; i < d.post.length; i++) {
      if (Number.isNaN(d.post[i])) continue;
      ss[d.treat[i]] += (d.post[i] - m[d.treat[i]]) ** 2;
    }
    const sd = [Math.sqrt(ss[0] / (k[0] - 1)), Math.sqrt(ss[1] / (k[1] - 1))];
    if (!(sd[0] > 0 && sd[1] > 0)) continue;
    const es = escalc(data.measure, {
      m1i: [m[1]],
      m2i: [m[0]],
      sd1i: [sd[1]],
      sd2i: [sd[0]],
      n1i: [k[1]],
      n2i: [k[0]],
    });
    yi.push(es.yi[0]);
    vi.push(es.vi[0]);
    raw += sim.estimands.raw;
    std += sim.estimands.std;
    resp += sim.estimands.responder;
    n += sim.n;
  }
  const k = yi.length || 1;
  if (target === "population") {
    const mu = populationEffect(rm, COMPARATOR[data.study.comparator]);
    return { kind: "meta", yi, vi, estimands: { raw: mu, std: mu / (rm.scoreSd || 1), responder: resp / k }, n };
  }
  return { kind: "meta", yi, vi, estimands: { raw: raw / k, std: std / k, responder: resp / k }, n };
}

/**
 * Simulate one study of `design` (its data strategy applied to patients from its model).
 * Pass a resolved model (from {@link resolveModel}) to avoid resolving it for every replication.
 * @example simulateStudy(parseDesign({ data: { type: "cohort", n: 20 } }), undefined, createRandom(2)).kind // "single-arm"
 */
export function simulateStudy(design: Design, rm: ResolvedModel | undefined, rng: Random): SimData {
  const model = rm ?? resolveModel(design.model);
  const data = design.data;
  const target = design.estimand ?? "sample";
  switch (data.type) {
    case "rct":
    case "waitlist":
      return simulateRct(model, data, rng, target);
    case "cohort":
      return simulateCohort(model, data, rng, target);
    case "sced":
      return simulateSced(model, data, rng, target);
    case "meta":
      return simulateMeta(model, data, design.missing, rng, target);
    case "twics":
      // offered vs not offered, analysed as randomised; refusers stay in usual care
      return simulateRct(model, { ...data, nonAdherence: data.refusal }, rng, target);
    case "controlled-cohort":
      return simulateControlledCohort(model, data, rng, target);
    case "stepped-wedge":
      return simulateSteppedWedge(model, data, rng, target);
    case "its":
      return simulateIts(model, data, rng, target);
  }
}
