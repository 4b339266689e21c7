/**
 * Rankability and rank uncertainty of centres (Lingsma et al. 2010; van Dishoeck, Lingsma et al.
 * 2011, "Random variation and rankability of hospitals using outcome indicators", BMJ Qual Saf
 * 20:869-874). Rankability ρ = τ² / (τ² + median σᵢ²): the share of the spread between centre
 * estimates that is true between-centre variance rather than sampling noise (van Dishoeck et al.
 * call ρ < 0.5 poor and > 0.75 good). Rank intervals: each centre's rank among the centres, drawn by
 * seeded simulation from the random-effects (shrinkage) model: the overall mean μ from N(μ̂, var μ̂),
 * then θᵢ = (1 - Bᵢ) yᵢ + Bᵢ μ + N(0, τ² vᵢ / (τ² + vᵢ)), Bᵢ = vᵢ / (τ² + vᵢ); ties (τ² = 0) are
 * broken at random. Rank 1 is the highest value (the largest O − E: the most improvement).
 *
 * @example
 * ```ts
 * import { rankability } from "./mod.ts";
 * // median of the sampling variances 1, 2, 4, 0.5, 3 is 2; tau2 2 -> rho = 2 / (2 + 2) = 0.5
 * if (rankability({ vi: [1, 2, 4, 0.5, 3], tau2: 2 }).rho !== 0.5) throw new Error("rho");
 * ```
 * @module
 */
// @ts-types="@types/d3-array"
import { median } from "d3-array";
import { createRandom } from "../stats/random.ts";
import { fail, parseInput } from "../validate.ts";
import { rankabilitySchema, rankBenchSchema, rankSchema } from "./_schemas.ts";
import type { Benchmark } from "./benchmark.ts";

/** Input of {@link rankability}. */
export interface RankabilityInput {
  /** Sampling variances of the centre estimates (> 0). */
  vi: readonly number[];
  /** Between-centre variance (>= 0). */
  tau2: number;
}

/** Result of {@link rankability}. */
export interface Rankability {
  /** ρ = τ² / (τ² + median vᵢ), in [0, 1). */
  rho: number;
  /** The between-centre variance used. */
  tau2: number;
  /** The median sampling variance. */
  medianVi: number;
  /** van Dishoeck et al. 2011's reading: "poor" (< 0.5), "moderate" (0.5-0.75), "good" (> 0.75). */
  reading: "poor" | "moderate" | "good";
}

/**
 * Rankability ρ = τ² / (τ² + median vᵢ) (Lingsma; van Dishoeck et al. 2011).
 *
 * @example
 * ```ts
 * import { rankability } from "./mod.ts";
 * const r = rankability({ vi: [1.6, 1.6], tau2: 0 });
 * if (r.rho !== 0 || r.reading !== "poor") throw new Error("no true differences: nothing to rank");
 * ```
 */
export function rankability(input: RankabilityInput): Rankability {
  const { vi, tau2 } = parseInput(rankabilitySchema, input, "rankability");
  const medianVi = median(vi) as number;
  const rho = tau2 / (tau2 + medianVi);
  return { rho, tau2, medianVi, reading: rho < 0.5 ? "poor" : rho <= 0.75 ? "moderate" : "good" };
}

/** Input of {@link rankIntervals}. */
export interface RankIntervalsInput {
  /** Centre names (default "1", "2", ...). */
  ids?: readonly string[];
  /** Centre estimates (e.g. O − E). */
  yi: readonly number[];
  /** Their sampling variances (> 0). */
  vi: readonly number[];
  /** Between-centre variance (>= 0). */
  tau2: number;
  /** Random-effects mean μ̂. */
  mu: number;
  /** Level of the rank intervals in percent, or a proportion (default 95). */
  level?: number;
  /** Simulated draws (default 2000). */
  reps?: number;
  /** Seed (required). */
  seed: number;
}

/** One centre's rank and rank interval. */
export interface CentreRank {
  /** Centre name. */
  id: string;
  /** Rank of the centre's own estimate yᵢ among the estimates (1 = highest). */
  rankObserved: number;
  /** Mean simulated rank. */
  rankMean: number;
  /** Median simulated rank. */
  estimate: number;
  /** Lower end of the rank interval (a rank, 1 = best). */
  ci_lb: number;
  /** Upper end of the rank interval. */
  ci_ub: number;
  /** Level in percent. */
  level: number;
}

/** Result of {@link rankIntervals}. */
export interface RankIntervals {
  /** One entry per centre, in input order. */
  ranks: CentreRank[];
  /** The rankability of the same centres. */
  rankability: Rankability;
  /** Draws simulated. */
  reps: number;
  /** The seed used. */
  seed: number;
}

/**
 * Rank intervals per centre by seeded simulation from the shrinkage model (see the module notes):
 * the equal-tailed `level` interval of each centre's simulated ranks.
 *
 * @example
 * ```ts
 * import { rankIntervals } from "./mod.ts";
 * const r = rankIntervals({ yi: [-5, 0, 5], vi: [0.01, 0.01, 0.01], tau2: 25, mu: 0, seed: 1, reps: 200 });
 * if (r.ranks.map((x) => `${x.ci_lb}-${x.ci_ub}`).join() !== "3-3,2-2,1-1") throw new Error("clear ranks");
 * ```
 */
export function rankIntervals(input: RankIntervalsInput): RankIntervals {
  const p = parseInput(rankSchema, input, "rankIntervals");
  const { yi, vi, tau2, mu, level, reps, seed } = p;
  const k = yi.length;
  if (vi.length !== k) fail("rankIntervals", "vi", `must have ${k} elements (like yi)`, vi.length);
  const ids = p.ids ?? yi.map((_, i) => String(i + 1));
  if (ids.length !== k) fail("rankIntervals", "ids", `must have ${k} elements (like yi)`, ids.length);
  const B = vi.map((v) => (tau2 > 0 ? v / (tau2 + v) : 1));
  const sd = vi.map((v) => (tau2 > 0 ? Math.sqrt((tau2 * v) / (tau2 + v)) : 0));
  const varMu = 1 / vi.reduce((a, v) => a + 1 / (v + tau2), 0);
  const rng = createRandom(seed);
  const draws: number[][] = yi.map(() => new Array<number>(reps));
  const order = Array.from({ length: k }, (_, i) => i);
  const theta = new Array<number>(k);
  const tie = new Array<number>(k);
  for (let s = 0; s < reps; s++) {
    const m = mu + Math.sqrt(varMu) * rng.normal();
    for (let i = 0; i < k; i++) {
      theta[i] = (1 - B[i]) * yi[i] + B[i] * m + sd[i] * rng.normal();
      tie[i] = rng.uniform();
    }
    order.sort((a, b) => theta[b] - theta[a] || tie[a] - tie[b]);
    for (let r = 0; r < k; r++) draws[order[r]][s] = r + 1;
  }
  const a = (1 - level / 100) / 2;
  const observedOrder = [...order].sort((x, y) => yi[y] - yi[x] || x - y);
  const rankObs = new Array<number>(k);
  observedOrder.forEach((i, r) => (rankObs[i] = r + 1));
  const ranks = draws.map((d, i) => {
    const sorted = Float64Array.from(d).sort();
    const at = (q: number) => sorted[Math.min(reps - 1, Math.max(0, Math.floor(q * reps)))];
    return {
      id: ids[i],
      rankObserved: rankObs[i],
      rankMean: d.reduce((x, v) => x + v, 0) / reps,
      estimate: at(0.5),
      ci_lb: at(a),
      ci_ub: sorted[Math.min(reps - 1, Math.ceil((1 - a) * reps) - 1)],
      level,
    };
  });
  return { ranks, rankability: rankability({ vi, tau2 }), reps, seed };
}

/** Options of {@link rankBenchmark}. */
export interface RankBenchmarkOptions {
  /** Level of the rank intervals in percent, or a proportion (default 95). */
  level?: number;
  /** Simulated draws (default 2000). */
  reps?: number;
  /** Seed (required). */
  seed: number;
}

/**
 * Rank intervals and rankability of a benchmark's centres: O − E with se², and the benchmark's
 * shrinkage model (τ² and μ by REML via lib/meta).
 *
 * @example
 * ```ts
 * import { benchmarkCentres, rankBenchmark, simulateRegistry } from "./mod.ts";
 * const b = benchmarkCentres({ rows: simulateRegistry({ centres: 8 }, 3).patients, curvePoints: 0 });
 * const r = rankBenchmark(b, { seed: 1, reps: 500 });
 * if (r.ranks.length !== 8 || r.ranks.some((x) => x.ci_lb > x.ci_ub)) throw new Error("ranks");
 * ```
 */
export function rankBenchmark(b: Benchmark, options: RankBenchmarkOptions): RankIntervals {
  if (!b || !Array.isArray(b.centres) || !b.shrinkage) {
    fail("rankBenchmark", "b", "must be a benchmarkCentres() result");
  }
  const o = parseInput(rankBenchSchema, options, "rankBenchmark");
  return rankIntervals({
    ids: b.centres.map((c) => c.centre),
    yi: b.centres.map((c) => c.diff),
    vi: b.centres.map((c) => c.se * c.se),
    tau2: b.shrinkage.tau2,
    mu: b.shrinkage.mu,
    ...o,
  });
}
