/**
 * Population and outcome model (P and O): patients on WPN levels 3–4 with true domain scores,
 * measurement error, optional selection on the observed baseline (so regression to the mean
 * emerges), a share of patients who are not at the end of the line (they respond to primary care),
 * a natural course, and patient-level treatment effects that fall on the k domains each patient
 * prioritises. A generic PROM (PDI: sum of 7 domains) then shows a smaller standardised effect
 * than a personalised PROM (PSC: mean of the patient's own 3 most important activities, placed in
 * the domains the patient prioritises; with k = 1 all three are activities of that one domain).
 * This dilution is *assumed*, not emergent: it follows from putting the whole effect on k domains
 * and the personalised items exactly there. Its size is set by k, which is calibrated against the
 * seed's effect sizes per scenario (`calibrateK` in calibration.ts), not chosen.
 *
 * Bias mechanisms (observation artefacts, not part of the inquiry): a non-specific (expectation)
 * effect for everyone in active care, a response shift for treated patients (generic and
 * personalised PROMs separately), a waiting-list hold-back; plus the natural course and, through
 * selection on a noisy baseline, regression to the mean.
 *
 * Every score is returned *oriented*: higher = better (the PDI, PSC and NRS are multiplied by -1),
 * so every effect, estimate and estimand in `lib/design` reads "positive = improvement".
 *
 * @example
 * import { createRandom } from "../stats/random.ts";
 * import { parseDesign } from "./schema.ts";
 * import { drawPatients, resolveModel } from "./model.ts";
 * const m = resolveModel(parseDesign({}).model);
 * const p = drawPatients(m, 10, ["imsr", "none"], createRandom(1));
 * p.post.imsr.length; // 10
 * @module
 */
import type { Random } from "../stats/random.ts";
import type { Model } from "./schema.ts";
import { instruments, type InstrumentSpec } from "./defaults.ts";
import { fail } from "../validate.ts";

/** Conditions a patient can be in during the study period. */
export type Condition = "imsr" | "usualImsr" | "primaryCare" | "waitingList" | "none";

/** The model with the instrument's defaults and the design's overrides resolved. */
export interface ResolvedModel {
  /** The instrument with the design's overrides applied. */
  spec: InstrumentSpec;
  /** Domains prioritised (capped at the instrument's domains). */
  k: number;
  /** True-score and error SD per domain. */
  sdTrue: number;
  /** Measurement-error SD per domain. */
  sdError: number;
  /** Weight of a per-domain effect in the oriented score (PDI: k; PSC: 1, its items lie in the prioritised domains; single: 1). */
  effectWeight: number;
  /** Weight of a change on every domain (natural course) in the score (PDI: 7; PSC, single: 1). */
  allWeight: number;
  /** SD of the measurement error of the score. */
  scoreErrorSd: number;
  /** SD of the observed score in the unselected population (analytic). */
  scoreSd: number;
  /** Observation artefact per condition on the oriented score (expectation, response shift, hold-back). */
  artefact: Record<Condition, number>;
  /** The validated model it was resolved from. */
  model: Model;
}

/**
 * Resolve a validated model: take the instrument's defaults, apply overrides, and derive the
 * weights of effects in the analysed score.
 * @example resolveModel(parseDesign({ model: { instrument: "pdi", prioritised: 2 } }).model).effectWeight // 2
 */
export function resolveModel(model: Model): ResolvedModel {
  const base = instruments[model.instrument];
  const spec: InstrumentSpec = {
    ...base,
    mean: model.mean ?? base.mean,
    sd: model.sd ?? base.sd,
    reliability: model.reliability ?? base.reliability,
    interDomainR: model.interDomainR ?? base.interDomainR,
    mcid: model.mcid ?? base.mcid,
    items: model.items ?? base.items,
  };
  const D = spec.domains;
  const k = Math.min(model.prioritised, D);
  const sdTrue = spec.sd * Math.sqrt(spec.reliability);
  const sdError = spec.sd * Math.sqrt(1 - spec.reliability);
  const rho = D > 1 ? spec.interDomainR : 0;
  let effectWeight: number, allWeight: number, scoreErrorSd: number, scoreSd: number;
  if (spec.scoring === "sum") {
    effectWeight = k;
    allWeight = D;
    scoreErrorSd = sdError * Math.sqrt(D);
    scoreSd = Math.sqrt(sdTrue ** 2 * (D + D * (D - 1) * rho) + sdError ** 2 * D);
  } else if (spec.scoring === "mean-prioritised") {
    // item j measures prioritised domain j mod k: all items lie in the domains the patient prioritises
    const m = spec.items;
    effectWeight = 1;
    allWeight = 1;
    scoreErrorSd = sdError / Math.sqrt(m);
    let corr = 0;
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) corr += a % k === b % k ? 1 : rho;
    scoreSd = Math.sqrt((sdTrue ** 2 * corr + sdError ** 2 * m) / (m * m));
  } else {
    effectWeight = 1;
    allWeight = 1;
    scoreErrorSd = sdError;
    scoreSd = spec.sd;
  }
  const exp = allWeight * (model.expectation ?? 0);
  const rs = allWeight *
    (spec.scoring === "mean-prioritised" ? model.responseShift?.personalised ?? 0 : model.responseShift?.generic ?? 0);
  const artefact: Record<Condition, number> = {
    imsr: exp + rs,
    usualImsr: exp + rs,
    primaryCare: exp,
    waitingList: -allWeight * (model.holdBack ?? 0),
    none: 0,
  };
  return { spec, k, sdTrue, sdError, effectWeight, allWeight, scoreErrorSd, scoreSd, artefact, model };
}

/** Simulated patients: oriented observed baseline and potential post scores per condition. */
export interface Patients {
  n: number;
  /** 1 if the patient is not at the end of the line (responds to primary care). */
  notEndOfLine: Uint8Array;
  /** Oriented true baseline score (no measurement error). */
  trueScore: Float64Array;
  /** Oriented observed baseline score. */
  pre: Float64Array;
  /** Oriented observed post score under each requested condition (same measurement error across conditions). */
  post: Partial<Record<Condition, Float64Array>>;
  /** Oriented post score without observation artefacts (what the inquiry is about). */
  truePost: Partial<Record<Condition, Float64Array>>;
  /** Oriented effect of each requested condition on the score (excluding the natural course). */
  effect: Partial<Record<Condition, Float64Array>>;
  /** Patients generated before selection (equals n without selection). */
  screened: number;
}

function effectParams(model: Model, c: Condition, notEol: boolean): { mean: number; sd: number } {
  const e = model.effects;
  switch (c) {
    case "imsr":
      return e.imsr;
    case "usualImsr":
      return e.usualImsr;
    case "primaryCare":
      return notEol ? e.primaryCare : e.primaryCareEndOfLine;
    case "waitingList":
      return e.waitingList;
    case "none":
      return { mean: 0, sd: 0 };
  }
}

/**
 * Draw `n` patients (after selection on the observed baseline, if the model has one) with their
 * potential post scores under each of `conditions`. Throws if selection keeps fewer than 1 in
 * 10,000 patients.
 * @example drawPatients(resolveModel(parseDesign({}).model), 5, ["imsr"], createRandom(3)).pre.length // 5
 */
export function drawPatients(rm: ResolvedModel, n: number, conditions: readonly Condition[], rng: Random): Patients {
  const { spec, k, sdTrue, effectWeight, allWeight, model, scoreErrorSd } = rm;
  const D = spec.domains;
  const dir = spec.direction;
  const rho = D > 1 ? spec.interDomainR : 0;
  // The analysed score only depends on sums of domain scores, so each patient needs one common
  // factor F and one unique-part normal for the true score, and one normal per measurement error,
  // whatever the number of domains (exactly the distribution of summing D correlated domains).
  // sum (PDI): true = D·μ + σT·(D·√ρ·F + √(1−ρ)·√D·Z); mean of m items on the k prioritised
  // domains (item j on domain j mod k; PSC): true = μ + σT·(√ρ·F + √(1−ρ)·√(Σ c_d²)/m·Z).
  let A: number, bF: number, bU: number;
  if (spec.scoring === "sum") {
    A = D * spec.mean;
    bF = D * Math.sqrt(rho);
    bU = Math.sqrt(1 - rho) * Math.sqrt(D);
  } else if (spec.scoring === "mean-prioritised") {
    const m = spec.items;
    let c2 = 0;
    for (let d = 0; d < Math.min(k, m); d++) {
      let c = 0;
      for (let j = 0; j < m; j++) if (j % k === d) c++;
      c2 += c * c;
    }
    A = spec.mean;
    bF = Math.sqrt(rho);
    bU = (Math.sqrt(1 - rho) * Math.sqrt(c2)) / m;
  } else {
    A = spec.mean;
    bF = 0;
    bU = 1;
  }
  const nc = model.naturalCourse * allWeight;
  const share = model.shareNotEndOfLine;
  const sel = model.selection;
  const keepAbove = sel?.keep === "above", cutoff = sel?.cutoff ?? 0;
  const out: Patients = {
    n,
    notEndOfLine: new Uint8Array(n),
    trueScore: new Float64Array(n),
    pre: new Float64Array(n),
    post: {},
    truePost: {},
    effect: {},
    screened: 0,
  };
  const C = conditions.length;
  const postArr: Float64Array[] = [], effArr: Float64Array[] = [], trueArr: Float64Array[] = [], art: number[] = [];
  const pEol: { mean: number; sd: number }[] = [], pNot: { mean: number; sd: number }[] = [];
  for (const c of conditions) {
    postArr.push(out.post[c] = new Float64Array(n));
    effArr.push(out.effect[c] = new Float64Array(n));
    trueArr.push(out.truePost[c] = new Float64Array(n));
    art.push(rm.artefact[c]);
    pEol.push(effectParams(model, c, false));
    pNot.push(effectParams(model, c, true));
  }
  const maxScreen = Math.max(10_000 * n, 100_000);
  let screened = 0;
  for (let i = 0; i < n; i++) {
    let preRaw = 0, trueRaw = 0;
    // draw until the patient passes selection
    for (;;) {
      if (++screened > maxScreen) {
        fail(
          "simulate",
          "model.selection",
          `keeps too few patients (fewer than 1 in 10,000 pass cutoff ${sel?.cutoff}, keep ${sel?.keep})`,
          sel,
        );
      }
      const f = bF > 0 ? bF * rng.normal() : 0;
      trueRaw = A + sdTrue * (f + bU * rng.normal());
      preRaw = trueRaw + (scoreErrorSd > 0 ? scoreErrorSd * rng.normal() : 0);
      if (!sel || (keepAbove ? preRaw >= cutoff : preRaw <= cutoff)) break;
    }
    const notEol = share > 0 && rng.uniform() < share;
    out.notEndOfLine[i] = notEol ? 1 : 0;
    out.trueScore[i] = dir * trueRaw;
    out.pre[i] = dir * preRaw;
    // post measurement error, shared by all potential outcomes
    const postRaw = trueRaw + (scoreErrorSd > 0 ? scoreErrorSd * rng.normal() : 0);
    const base = dir * postRaw + nc;
    const params = notEol ? pNot : pEol;
    for (let c = 0; c < C; c++) {
      const p = params[c];
      const eff = effectWeight * (p.sd > 0 ? p.mean + p.sd * rng.normal() : p.mean);
      effArr[c][i] = eff;
      trueArr[c][i] = base + eff;
      postArr[c][i] = base + eff + art[c];
    }
  }
  out.screened = screened;
  return out;
}
