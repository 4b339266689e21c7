/**
 * Power of a single-case randomisation test by simulation.
 *
 * Data model (Ferron & Onghena 1996; Heyvaert et al. 2017): y_t = effect·I(t in a treatment phase)
 * + slope·(t − phase start + 1)·I(t in a treatment phase) + e_t, with AR(1) errors
 * e_t = phi·e_{t−1} + u_t (see `simulateAR1`). Effects are in SD units: of the innovations u_t
 * (`scale: "innovation"`, default) or of the series e_t (`scale: "marginal"`). Treatment phases are
 * all phases whose label differs from the first phase's label. With `improvement: "decrease"` the
 * effect lowers the scores (pain, fear), and the default statistic is "A-B".
 *
 * For each simulated data set the real assignment is itself drawn at random from the design (the
 * randomised start), then the test is run (exact, or Monte Carlo with `draws` draws). Power = share
 * of data sets with p ≤ alpha; its Monte Carlo standard error is sqrt(power (1 − power) / datasets).
 * Data set r uses the seed `deriveSeed(seed, r)`, so results do not depend on chunking.
 *
 * Literature defaults: 20–40 measurements, phi 0–0.6, effect 0–2 SD, minimum phase length 3–5
 * (Ferron & Onghena 1996; Ferron & Sentovich 2002; Michiels et al. 2018).
 *
 * @example
 * scedPower({ design: { type: "phase", phases: ["A", "B"], n: 30, limit: 5 }, effect: 1.5, phi: 0.3,
 *   datasets: 200, draws: 200, seed: 1 }).power
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { createRandom, deriveSeed } from "../stats/random.ts";
import { countAssignments, drawAssignment, mbdLengths, type ScedDesign, validateDesign } from "./designs.ts";
import {
  abStatisticByStart,
  ar1Into,
  createFastRandom,
  DEFAULT_TOLERANCE,
  type FastRandom,
  mbdExactCore,
  mbdMonteCarloCore,
  type MeanStatistic,
  prepareMbdTables,
} from "./_fast.ts";
import { randomizationTest } from "./test.ts";
import type { Improvement } from "../conventions.ts";
import { scedSeed } from "./_schemas.ts";
import type { Statistic } from "./statistics.ts";

/** Input of {@link scedPower}. */
export interface ScedPowerInput {
  /** The design (its randomisation is simulated too). */
  design: ScedDesign;
  /** Level effect in SD units (size of the improvement; >= 0 in the improving direction). */
  effect: number;
  /** Slope effect per measurement in treatment phases (SD units, improving direction). Default 0. */
  slope?: number;
  /** AR(1) coefficient, in (−1, 1). */
  phi: number;
  /** Which direction of the score is an improvement (default `"decrease"`, as for pain). */
  improvement?: Improvement;
  /** Effects in SDs of the innovations (default) or of the series. */
  scale?: "innovation" | "marginal";
  /** Default "A-B" for a decrease, "B-A" for an increase. */
  statistic?: Statistic;
  /** Significance threshold, a proportion (default 0.05): a data set counts as a rejection when p ≤ alpha. */
  alpha?: number;
  /** Number of simulated data sets (default 1000). */
  datasets?: number;
  /**
   * Monte Carlo draws per test, "exact" to enumerate, or "auto" (default): exact when the design has
   * <= 10,000 assignments, else 1,000 draws. (With few assignments a Monte Carlo p cannot reach
   * 1/#assignments: (k + 1)/(M + 1) with k ≈ M/#assignments draws hitting the observed assignment.)
   */
  draws?: number | "exact" | "auto";
  /** Seed (required); data set r uses `deriveSeed(seed, r)`. */
  seed: number;
}

/** Result of {@link scedPower}. */
export interface ScedPowerResult {
  /** Share of simulated data sets with p ≤ alpha. */
  power: number;
  /** Monte Carlo standard error of `power`. */
  mcse: number;
  /** Number of data sets with p ≤ alpha. */
  rejections: number;
  /** Number of simulated data sets. */
  datasets: number;
  /** How each data set was tested. */
  method: "exact" | "monte-carlo";
  /** Monte Carlo draws per test (absent when exact). */
  draws?: number;
  /** The significance threshold used. */
  alpha: number;
  /** Size of the design's assignment space. */
  assignments: number;
  /** Smallest attainable p of the exact test (1/#assignments); power is 0 if alpha is below it. */
  minPval: number;
}

const schema = z.object({
  design: z.any(),
  effect: z.number().finite(),
  slope: z.number().finite().default(0),
  phi: z.number().gt(-1).lt(1),
  improvement: z.enum(["decrease", "increase"]).default("decrease"),
  scale: z.enum(["innovation", "marginal"]).default("innovation"),
  statistic: z.union([z.string(), z.custom<(...a: unknown[]) => unknown>((v) => typeof v === "function")]).optional(),
  alpha: z.number().gt(0).lt(1).default(0.05),
  datasets: z.number().int().min(1).max(1e7).default(1000),
  draws: z.union([z.number().int().min(1).max(1e9), z.literal("exact"), z.literal("auto")]).default("auto"),
  seed: scedSeed(),
}).strict();

/** Fill `out` with one simulated series given the treatment indicator per measurement. */
function simulateInto(
  out: Float64Array,
  treated: (t: number) => number, // 0 if baseline, else 1-based position within its treatment phase
  effect: number,
  slope: number,
  sign: number,
  phi: number,
  scale: "innovation" | "marginal",
  rng: FastRandom,
): void {
  ar1Into(out.length, phi, 1, scale, rng, out);
  for (let t = 0; t < out.length; t++) {
    const pos = treated(t);
    if (pos > 0) out[t] += sign * (effect + slope * pos);
  }
}

/**
 * Estimate the power of a design + statistic by simulation (see the module docs).
 * @example scedPower({ design: { type: "phase", phases: ["A","B"], n: 20, limit: 3 }, effect: 0, phi: 0, datasets: 100, seed: 2 }).power // ≈ alpha
 */
export function scedPower(input: ScedPowerInput): ScedPowerResult {
  const ctx = "scedPower";
  const o = parseInput(schema, input, ctx);
  const design = validateDesign(o.design, `${ctx}: design`);
  const sign = o.improvement === "decrease" ? -1 : 1;
  const statistic = (o.statistic ?? (o.improvement === "decrease" ? "A-B" : "B-A")) as Statistic;
  const assignments = countAssignments(design);
  if (o.draws === "auto") o.draws = assignments <= 10000 ? "exact" : 1000;
  const exact = o.draws === "exact";
  // How data set r is tested: by enumeration, or by Monte Carlo with its own derived seed.
  const testMethod = (r: number) =>
    exact
      ? { method: "exact" as const }
      : { method: "monte-carlo" as const, draws: o.draws as number, seed: deriveSeed(o.seed, r, 2) };
  if (exact && assignments > 1e6) {
    fail(ctx, "draws", `"exact" would enumerate ${assignments} assignments; give a number of draws`);
  }
  const fastStat = typeof statistic === "string" && ["A-B", "B-A", "|A-B|"].includes(statistic);
  let rejections = 0;

  const isAB = design.type === "phase" && design.phases.length === 2;
  if ((design.type === "MBD" || isAB) && fastStat) {
    // Fast path: per-participant tables + allocation-free test.
    const mbd = design.type === "MBD" ? design : {
      scheme: "marascuilo-busk" as const,
      starts: [Array.from({ length: design.n - 2 * design.limit + 1 }, (_, i) => design.limit + 1 + i)],
      n: design.n,
    };
    const lengths = design.type === "MBD" ? mbdLengths(design) : [design.n];
    const N = lengths.length;
    const series = lengths.map((n) => new Float64Array(n));
    const observed = new Array<number>(N);
    for (let r = 0; r < o.datasets; r++) {
      const rng = createFastRandom(deriveSeed(o.seed, r));
      // the real randomisation: draw the assignment (starts per participant)
      if (mbd.scheme === "marascuilo-busk") {
        for (let i = 0; i < N; i++) observed[i] = mbd.starts[i][rng.int(mbd.starts[i].length)];
      } else {
        const perm = Array.from({ length: N }, (_, i) => i);
        for (let i = N - 1; i > 0; i--) {
          const j = rng.int(i + 1);
          [perm[i], perm[j]] = [perm[j], perm[i]];
        }
        const chosen = mbd.starts.map((s) => s[rng.int(s.length)]);
        for (let i = 0; i < N; i++) observed[i] = chosen[perm[i]];
      }
      for (let i = 0; i < N; i++) {
        const s = observed[i];
        simulateInto(series[i], (t) => (t + 1 >= s ? t + 2 - s : 0), o.effect, o.slope, sign, o.phi, o.scale, rng);
      }
      const pre = prepareMbdTables(
        N,
        mbd.scheme,
        mbd.starts,
        observed,
        (i, set) => abStatisticByStart(series[i], set, statistic as MeanStatistic),
        ctx,
      );
      const res = exact
        ? mbdExactCore(pre, DEFAULT_TOLERANCE)
        : mbdMonteCarloCore(pre, o.draws as number, rng, DEFAULT_TOLERANCE);
      if (res.pval <= o.alpha) rejections++;
    }
  } else {
    if (design.type === "MBD") {
      // general statistic on an MBD: via randomizationTest
      const lengths = mbdLengths(design);
      for (let r = 0; r < o.datasets; r++) {
        const rng = createFastRandom(deriveSeed(o.seed, r));
        const starts = drawAssignment(design, createRandom(deriveSeed(o.seed, r, 1))) as number[];
        const cases = lengths.map((n, i) => {
          const v = new Float64Array(n);
          simulateInto(
            v,
            (t) => (t + 1 >= starts[i] ? t + 2 - starts[i] : 0),
            o.effect,
            o.slope,
            sign,
            o.phi,
            o.scale,
            rng,
          );
          return { values: Array.from(v), start: starts[i] };
        });
        const res = randomizationTest({
          design,
          cases,
          statistic,
          ...testMethod(r),
        });
        if (res.pval <= o.alpha) rejections++;
      }
    } else {
      const base = design.type === "phase" ? design.phases[0] : undefined;
      const n = design.type === "phase"
        ? design.n
        : design.type === "RBD"
        ? design.conditions.length * design.blocks
        : Object.values(design.counts).reduce((a, b) => a + b, 0);
      const baseline = base ??
        (design.type === "RBD" ? design.conditions[0] : design.type === "phase" ? "" : Object.keys(design.counts)[0]);
      for (let r = 0; r < o.datasets; r++) {
        const rng = createFastRandom(deriveSeed(o.seed, r));
        const a = drawAssignment(design, createRandom(deriveSeed(o.seed, r, 1)));
        const labels = design.type === "phase" ? phaseLabels(design.phases, a as number[], n) : (a as string[]);
        // position within the current treatment phase (1-based), 0 for baseline
        const pos = new Int32Array(n);
        for (let t = 0; t < n; t++) {
          if (labels[t] === baseline) continue;
          pos[t] = t > 0 && labels[t - 1] === labels[t] ? pos[t - 1] + 1 : 1;
        }
        const v = new Float64Array(n);
        simulateInto(
          v,
          (t) => (design.type === "phase" ? pos[t] : pos[t] > 0 ? 1 : 0),
          o.effect,
          o.slope,
          sign,
          o.phi,
          o.scale,
          rng,
        );
        const res = randomizationTest({
          design,
          values: Array.from(v),
          labels,
          statistic,
          ...testMethod(r),
        });
        if (res.pval <= o.alpha) rejections++;
      }
    }
  }
  const power = rejections / o.datasets;
  return {
    power,
    mcse: Math.sqrt((power * (1 - power)) / o.datasets),
    rejections,
    datasets: o.datasets,
    method: exact ? "exact" : "monte-carlo",
    ...(exact ? {} : { draws: o.draws as number }),
    alpha: o.alpha,
    assignments,
    minPval: 1 / assignments,
  };
}

function phaseLabels(phases: string[], starts: number[], n: number): string[] {
  const b = [1, ...starts, n + 1];
  const out: string[] = [];
  for (let j = 0; j < phases.length; j++) for (let t = b[j]; t < b[j + 1]; t++) out.push(phases[j]);
  return out;
}

/** Input of {@link powerCurve}: the input of {@link scedPower} with a grid of effects instead of one. */
export interface PowerCurveInput extends Omit<ScedPowerInput, "effect"> {
  /** The effects (SD units) at which power is estimated. */
  effects: number[];
}

/** One point of a power curve: the effect and the power there. */
export interface PowerCurvePoint extends ScedPowerResult {
  /** The effect (SD units) of this point. */
  effect: number;
}

/**
 * Power over a grid of effects (a power curve), same settings otherwise; each point uses the seed
 * `deriveSeed(seed, index)`.
 * @example powerCurve({ design, phi: 0.3, effects: [0, 0.5, 1, 1.5, 2], datasets: 200, draws: 200, seed: 1 })
 */
export function powerCurve(input: PowerCurveInput): PowerCurvePoint[] {
  if (!input || typeof input !== "object") fail("powerCurve", "input", "must be an object");
  const effects = parseInput(z.array(z.number().finite()).min(1).max(1000), input.effects, "powerCurve: effects");
  parseInput(scedSeed(), input.seed, "powerCurve: seed");
  const { effects: _e, ...rest } = input;
  return effects.map((effect, i) => ({ effect, ...scedPower({ ...rest, effect, seed: deriveSeed(input.seed, i) }) }));
}
