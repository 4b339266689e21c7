/**
 * Calibration of funnel-plot control limits under overdispersion: how often does each
 * overdispersion method flag a centre that is merely an ordinary member of the between-centre
 * spread? Each replication simulates `centres` centres of `sizeMin`-`sizeMax` patients, true centre
 * effects normal with SD `centreSD` (PDI points), patient changes normal around them with SD
 * `residualSD`; it then benchmarks them exactly as {@link benchmarkCentres} does with an
 * intercept-only case-mix model (expected = the overall mean, se = overall residual SD / sqrt(n))
 * and counts, for every method on the same data, the share of centres outside the 95% and 99.8%
 * limits. Every centre is "in control" (drawn from the same normal distribution of centre
 * effects), so a calibrated method flags about 5% and 0.2% of them.
 *
 * Replication r uses the stream deriveSeed(seed, r): the same seed gives the same table whoever
 * runs it and however the replications are split.
 *
 * @example
 * ```ts
 * import { calibrateOverdispersion } from "./mod.ts";
 * const c = calibrateOverdispersion({ reps: 4, seed: 1, centreSDs: [1.5] });
 * const row = c.rows.find((r) => r.method === "additive-DL" && r.level === 95);
 * if (!row || row.n !== 100 || row.rate === null) throw new Error("4 registries of 25 centres");
 * ```
 * @module
 */
import { createRandom, deriveSeed } from "../stats/random.ts";
import { parseInput } from "../validate.ts";
import { calibrateSchema } from "./_schemas.ts";
import { funnel, type FunnelTau2Method, type OverdispersionMethod } from "./funnel.ts";

/** One overdispersion method compared in the calibration table. */
export interface CalibrationMethod {
  /** Key, e.g. `"additive-DL"`. */
  method: string;
  /** What it is, for display. */
  label: string;
  /** The funnel's `od`. */
  od: OverdispersionMethod;
  /** The funnel's `tau2Method` (additive only). */
  tau2Method: FunnelTau2Method;
  /** The funnel's `trim` (winsorising share per tail). */
  trim: number;
}

/** The methods of the calibration table, in display order. */
export const CALIBRATION_METHODS: readonly CalibrationMethod[] = [
  { method: "none", label: "no adjustment", od: "none", tau2Method: "DL", trim: 0.1 },
  {
    method: "multiplicative-winsorised",
    label: "multiplicative φ, z winsorised 10% (FunnelPlotR)",
    od: "multiplicative",
    tau2Method: "DL",
    trim: 0.1,
  },
  {
    method: "multiplicative",
    label: "multiplicative φ, not winsorised",
    od: "multiplicative",
    tau2Method: "DL",
    trim: 0,
  },
  {
    method: "additive-DL",
    label: "additive τ², DerSimonian-Laird (lib/meta)",
    od: "additive",
    tau2Method: "DL",
    trim: 0,
  },
  { method: "additive-REML", label: "additive τ², REML (lib/meta)", od: "additive", tau2Method: "REML", trim: 0 },
  {
    method: "additive-spiegelhalter-winsorised",
    label: "additive τ², Spiegelhalter, z winsorised 10% (FunnelPlotR)",
    od: "additive",
    tau2Method: "spiegelhalter-winsorised",
    trim: 0.1,
  },
  {
    method: "additive-spiegelhalter",
    label: "additive τ², Spiegelhalter, not winsorised",
    od: "additive",
    tau2Method: "spiegelhalter",
    trim: 0,
  },
];

/** Input of {@link calibrateOverdispersion}. Unknown fields are errors. */
export interface CalibrateInput {
  /** Simulated registries per true centre SD (default 200). */
  reps?: number;
  /** Seed (required). */
  seed: number;
  /** True SDs of centre effects in PDI points (default [0, 1.5, 3]). */
  centreSDs?: readonly number[];
  /** Centres per registry (default 25). */
  centres?: number;
  /** Smallest centre (default 30 patients). */
  sizeMin?: number;
  /** Largest centre (default 150 patients). */
  sizeMax?: number;
  /** SD of individual change around the centre's true effect (default 12 PDI points, the registry's assumption). */
  residualSD?: number;
  /** Methods compared, by key of {@link CALIBRATION_METHODS} (default all). */
  methods?: readonly string[];
}

/** One cell of the calibration table. */
export interface CalibrationRow {
  /** Method key. */
  method: string;
  /** Method label. */
  label: string;
  /** True SD of centre effects. */
  centreSD: number;
  /** Control-limit level in percent. */
  level: number;
  /** Centre sizes counted: `"all"`, or a third of the size range such as `"30-69"`. */
  size: string;
  /** Nominal false-flag rate, 1 - level / 100. */
  nominal: number;
  /** Centre-replications counted. */
  n: number;
  /** Share flagged (either side); null when n is 0. */
  rate: number | null;
  /** Monte Carlo standard error of the rate; null when n is 0. */
  mcse: number | null;
}

/** Result of {@link calibrateOverdispersion}. */
export interface Calibration {
  /** Registries per true centre SD. */
  reps: number;
  /** The seed. */
  seed: number;
  /** Centres per registry. */
  centres: number;
  /** Centre sizes, smallest and largest. */
  sizeMin: number;
  /** Largest centre. */
  sizeMax: number;
  /** Residual SD. */
  residualSD: number;
  /** One row per method x true SD x level (all centres). */
  rows: CalibrationRow[];
  /** The same by thirds of the centre-size range (a method can be right on average and wrong for small or large centres). */
  bySize: CalibrationRow[];
  /**
   * Per method, the mean over true SDs, levels and thirds of the centre-size range of
   * |rate - nominal| / nominal (0 = exactly nominal everywhere), smallest first; ties keep the
   * order of {@link CALIBRATION_METHODS}.
   */
  distance: { method: string; distance: number }[];
  /** The method with the smallest distance. */
  closest: string;
}

/**
 * The calibration table (see the module notes): false-flag rates of every method at 95% and 99.8%
 * per true centre SD, with Monte Carlo standard errors.
 */
export function calibrateOverdispersion(input: CalibrateInput): Calibration {
  const p = parseInput(calibrateSchema, input, "calibrateOverdispersion");
  const methods = CALIBRATION_METHODS.filter((m) =>
    p.methods === undefined || (p.methods as readonly string[]).includes(m.method)
  );
  const levels = [95, 99.8];
  const width = (p.sizeMax - p.sizeMin + 1) / 3;
  const bandOf = (n: number) => Math.min(2, Math.floor((n - p.sizeMin) / width));
  const bandLabel = (b: number) =>
    `${Math.ceil(p.sizeMin + b * width)}-${b === 2 ? p.sizeMax : Math.ceil(p.sizeMin + (b + 1) * width) - 1}`;
  const counts = new Map<string, number>();
  const key = (m: string, sd: number, lv: number) => `${m}|${sd}|${lv}`;
  p.centreSDs.forEach((sd, si) => {
    for (let r = 0; r < p.reps; r++) {
      const rng = createRandom(deriveSeed(p.seed, si, r));
      const sizes: number[] = [];
      // centre-replications per size third (for the by-size rates)
      const sums: number[] = [];
      let ss = 0, total = 0, N = 0;
      const values: number[][] = [];
      for (let j = 0; j < p.centres; j++) {
        const n = rng.int(p.sizeMin, p.sizeMax);
        const u = rng.normal(0, sd);
        const ys = new Array<number>(n);
        let s = 0;
        for (let i = 0; i < n; i++) {
          ys[i] = u + p.residualSD * rng.normal();
          s += ys[i];
        }
        sizes.push(n);
        sums.push(s);
        values.push(ys);
        total += s;
        N += n;
      }
      for (const n of sizes) {
        const kb = `n|${si}|${bandOf(n)}`;
        counts.set(kb, (counts.get(kb) ?? 0) + 1);
      }
      const grand = total / N;
      for (const ys of values) for (const y of ys) ss += (y - grand) ** 2;
      const sigma = Math.sqrt(ss / (N - 1));
      const units = sizes.map((n, j) => ({ id: `C${j + 1}`, O: sums[j] / n, E: grand, se: sigma / Math.sqrt(n), n }));
      for (const m of methods) {
        const f = funnel({
          type: "mean",
          units,
          target: 0,
          levels,
          od: m.od,
          tau2Method: m.tau2Method,
          trim: m.trim,
          curvePoints: 0,
        });
        levels.forEach((lv, li) => {
          f.rows.forEach((row, j) => {
            if (row.flags[li] === 0) return;
            const k = key(m.method, sd, lv);
            counts.set(k, (counts.get(k) ?? 0) + 1);
            const kb = key(m.method, sd, lv) + `|${bandOf(sizes[j])}`;
            counts.set(kb, (counts.get(kb) ?? 0) + 1);
          });
        });
      }
    }
  });
  const rows: CalibrationRow[] = [];
  const bySize: CalibrationRow[] = [];
  const cell = (m: CalibrationMethod, sd: number, lv: number, n: number, hits: number, size: string) => {
    const rate = n > 0 ? hits / n : null;
    return {
      method: m.method,
      label: m.label,
      centreSD: sd,
      level: lv,
      size,
      nominal: Number((1 - lv / 100).toFixed(6)),
      n,
      rate,
      mcse: rate === null ? null : Math.sqrt((rate * (1 - rate)) / n),
    };
  };
  for (const m of methods) {
    p.centreSDs.forEach((sd, si) => {
      for (const lv of levels) {
        rows.push(cell(m, sd, lv, p.reps * p.centres, counts.get(key(m.method, sd, lv)) ?? 0, "all"));
        for (let b = 0; b < 3; b++) {
          const n = counts.get(`n|${si}|${b}`) ?? 0;
          bySize.push(cell(m, sd, lv, n, counts.get(key(m.method, sd, lv) + `|${b}`) ?? 0, bandLabel(b)));
        }
      }
    });
  }
  // Distance over the by-size cells, so that a method right on average but not for small or large
  // centres (the multiplicative phi under additive truth) is not called calibrated.
  const distance = methods.map((m) => {
    const mine = bySize.filter((r) => r.method === m.method && r.n > 0);
    const d = mine.reduce((a, r) => a + Math.abs((r.rate as number) - r.nominal) / r.nominal, 0) / mine.length;
    return { method: m.method, distance: d };
  }).sort((a, b) => a.distance - b.distance);
  return {
    reps: p.reps,
    seed: p.seed,
    centres: p.centres,
    sizeMin: p.sizeMin,
    sizeMax: p.sizeMax,
    residualSD: p.residualSD,
    rows,
    bySize,
    distance,
    closest: distance[0].method,
  };
}

/**
 * What the calibration table shows about one method, in words (for the notebook and the CLI): its
 * false-flag rates per true centre SD at 95% and 99.8%, read off the table, and whether they are
 * within 1.5 percentage points of 5% and below 0.5%.
 *
 * @example
 * ```ts
 * import { calibrateOverdispersion, calibrationSummary } from "./mod.ts";
 * const c = calibrateOverdispersion({ reps: 2, seed: 1, centreSDs: [0] });
 * if (!calibrationSummary(c, "additive-DL")[0].startsWith("additive τ², DerSimonian-Laird")) throw new Error("label");
 * ```
 */
export function calibrationSummary(c: Calibration, method: string): string[] {
  const mine = c.rows.filter((r) => r.method === method);
  if (mine.length === 0) return [`${method}: not in this calibration table`];
  const pct = (r: CalibrationRow) => r.rate === null ? "not available" : `${(100 * r.rate).toFixed(2)}%`;
  const at = (lv: number) =>
    mine.filter((r) => r.level === lv).map((r) => `${pct(r)} (true SD ${r.centreSD})`).join(", ");
  const ok95 = mine.filter((r) => r.level === 95).every((r) => r.rate !== null && Math.abs(r.rate - 0.05) <= 0.015);
  const ok998 = mine.filter((r) => r.level === 99.8).every((r) => r.rate !== null && r.rate < 0.005);
  return [
    `${mine[0].label}: ordinary centres flagged at 95%: ${at(95)}; at 99.8%: ${at(99.8)} ` +
    `(${c.reps} simulated registries of ${c.centres} centres of ${c.sizeMin}-${c.sizeMax} patients per true SD, seed ${c.seed}).`,
    `${ok95 ? "Within" : "Not within"} 1.5 percentage points of 5% at every true SD; ` +
    `${ok998 ? "below" : "not below"} 0.5% at 99.8% at every true SD.`,
  ];
}
