/**
 * Diagnosis of a benchmarking design by simulation: how often a centre with a true shortfall (or
 * an over-broad indication) is flagged in one year or three, how often a centre without one is
 * flagged by chance, how much of the between-centre variance case-mix adjustment removes, and
 * how dose relates to severity at centre level. Replication r uses registry seed
 * deriveSeed(seed, r), so results do not depend on how the replications are split.
 *
 * @example
 * const d = diagnoseBenchmark({ params: { shortfall: -6, shortfallCentres: 2 }, reps: 50, seed: 1 });
 * d.shortfall.low95; // share of shortfall centres flagged below the 95% limit
 * @module
 */
import { z } from "zod";
import { deriveSeed } from "../stats/random.ts";
import { parseInput } from "../validate.ts";
import { benchmarkCentres, indicationFunnel, OUTCOMES } from "./benchmark.ts";
import { simulateRegistry } from "./registry.ts";

/** A proportion estimated by simulation with its Monte Carlo standard error. */
export interface Rate {
  /** Number of centre-replications the rate is over. */
  n: number;
  rate: number;
  mcse: number;
}

const rate = (hits: number, n: number): Rate => {
  const r = n > 0 ? hits / n : 0;
  return { n, rate: r, mcse: n > 0 ? Math.sqrt((r * (1 - r)) / n) : 0 };
};

const diagnoseSchema = z.object({
  params: z.record(z.string(), z.unknown()).default({}),
  reps: z.number().int().min(1).max(100000).default(200),
  seed: z.number().int().default(1),
  outcome: z.enum(OUTCOMES).default("pdi_change"),
  od: z.enum(["none", "multiplicative", "additive"]).default("additive"),
  indicationThreshold: z.number().min(0).max(70).default(30),
});

/** Result of {@link diagnoseBenchmark}. */
export interface Diagnosis {
  reps: number;
  /** Centres with a true shortfall: flagged below the 95% / 99.8% limits. */
  shortfall: { low95: Rate; low998: Rate };
  /** Centres without a shortfall or over-broad indication: flagged in either direction by chance. */
  good: { any95: Rate; any998: Rate };
  /** Over-broad centres: flagged low on the outcome funnel, and high on the indication funnel (share mild). */
  broad: { outcomeLow95: Rate; indicationHigh95: Rate; indicationHigh998: Rate };
  /** Mean share of between-centre variance removed by case-mix adjustment (1 - tau2 adjusted / tau2 raw). */
  varianceRemoved: number;
  /** Mean over replications of the centre-level correlation between contact hours and mean baseline PDI. */
  doseSeverityCorrelation: number;
}

function correlation(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, v) => a + v, 0) / n;
  const my = y.reduce((a, v) => a + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/**
 * Simulate `reps` registries with `params` (see simulateRegistry), benchmark each, and count flags.
 * @example diagnoseBenchmark({ params: { years: 3, shortfall: -5, shortfallCentres: 3 }, reps: 20 }).shortfall.low95.rate
 */
export function diagnoseBenchmark(input: z.input<typeof diagnoseSchema>): Diagnosis {
  const { params, reps, seed, outcome, od, indicationThreshold } = parseInput(
    diagnoseSchema,
    input,
    "diagnoseBenchmark",
  );
  let sfN = 0, sf95 = 0, sf998 = 0, gN = 0, g95 = 0, g998 = 0, bN = 0, bOut = 0, bInd95 = 0, bInd998 = 0;
  let removed = 0, corr = 0;
  for (let r = 0; r < reps; r++) {
    const reg = simulateRegistry(params, deriveSeed(seed, r));
    const b = benchmarkCentres({ rows: reg.patients, outcome, od, curvePoints: 0 });
    const ind = indicationFunnel({ rows: reg.patients, threshold: indicationThreshold, od, curvePoints: 0 });
    const truth = new Map(reg.centres.map((c) => [c.centre, c]));
    b.centres.forEach((c, j) => {
      const t = truth.get(c.centre);
      if (!t) return;
      if (t.shortfall !== 0) {
        sfN++;
        const dir = Math.sign(t.shortfall);
        if (c.flag95 === dir) sf95++;
        if (c.flag998 === dir) sf998++;
      } else if (!t.broad) {
        gN++;
        if (c.flag95 !== 0) g95++;
        if (c.flag998 !== 0) g998++;
      }
      if (t.broad) {
        bN++;
        if (c.flag95 === -1) bOut++;
        const row = ind.rows[j];
        if (row && row.id === c.centre) {
          if (row.flags[0] === 1) bInd95++;
          if (row.flags[1] === 1) bInd998++;
        }
      }
    });
    removed += b.variance.removed;
    const withHours = b.centres.filter((c) => c.hours !== null);
    corr += correlation(withHours.map((c) => c.hours as number), withHours.map((c) => c.meanPre));
  }
  return {
    reps,
    shortfall: { low95: rate(sf95, sfN), low998: rate(sf998, sfN) },
    good: { any95: rate(g95, gN), any998: rate(g998, gN) },
    broad: { outcomeLow95: rate(bOut, bN), indicationHigh95: rate(bInd95, bN), indicationHigh998: rate(bInd998, bN) },
    varianceRemoved: removed / reps,
    doseSeverityCorrelation: corr / reps,
  };
}

/**
 * The null scenario: no true centre differences (no centre effects, the same dose everywhere, no
 * shortfall) and no overdispersion adjustment; about 5% (95% limits) and 0.2% (99.8%) of centres
 * should then be flagged.
 * @example nullFlagRates({ reps: 100, seed: 7 }).any95.rate // about 0.05
 */
export function nullFlagRates(
  input: { reps?: number; seed?: number; centres?: number; years?: number; outcome?: (typeof OUTCOMES)[number] } = {},
): { any95: Rate; any998: Rate } {
  const d = diagnoseBenchmark({
    params: { centres: input.centres ?? 25, years: input.years ?? 1, centreSD: 0, doseSpread: 0, shortfall: 0 },
    reps: input.reps ?? 200,
    seed: input.seed ?? 1,
    outcome: input.outcome ?? "pdi_change",
    od: "none",
  });
  return d.good;
}
