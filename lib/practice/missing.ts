/**
 * Missing follow-up PROMs: a delta-adjusted (pattern-mixture, missing not at random) sensitivity
 * analysis of the benchmark's flags. Follow-up PDI is often missing in registries (the NDP asks for
 * 3 and 12 months), and provider comparisons on PROMs can flip with the missing-data assumption
 * (Gomes, Gutacker, Bojke & Street 2016, "Addressing missing data in patient-reported outcome
 * measures (PROMs): implications for the use of PROMs for comparing provider performance", Health
 * Econ 25:515-528).
 *
 * Model: the case-mix model is fitted on the patients with follow-up; a patient without follow-up
 * is assumed to change as an observed patient of the same centre with the same case mix would
 * (missing at random given centre and case mix, δ = 0), plus δ PDI points (δ < 0: those lost to
 * follow-up improved less). Centre c's observed minus expected is then
 * dᶜ(δ) = dᶜ + (mᶜ - M) δ, where dᶜ is the complete-case O − E, mᶜ the centre's share missing and M
 * the registry's (the norm moves with the imputed patients), with standard error σ / sqrt(n_observed).
 * Flags use the same funnel limits and flag rule as {@link benchmarkCentres}.
 *
 * @example
 * ```ts
 * import { missingDataSensitivity } from "./mod.ts";
 * const rows = Array.from({ length: 60 }, (_, i) => ({
 *   centre: `C${i % 3}`, wpn: i % 5 === 0 ? 4 : 3, painYears: 1 + (i % 7), work: i % 2, pdiPre: 30 + (i % 11),
 *   pdiPost: i % 3 === 0 && i % 2 === 0 ? null : 20 + (i % 13),
 * }));
 * const s = missingDataSensitivity({ rows, deltas: [0, -5] });
 * if (s.centres[0].missingShare !== 0.5 || s.byDelta.length !== 2) throw new Error("C0 lacks half");
 * ```
 * @module
 */
import { fail, parseInput } from "../validate.ts";
import { createRandom } from "../stats/random.ts";
import { linearFit } from "./_fit.ts";
import { maskSchema, missingSchema } from "./_schemas.ts";
import { caseMixMatrix, type RegistryRow } from "./benchmark.ts";
import { funnel, funnelFlag, type FunnelTau2Method, type OverdispersionMethod } from "./funnel.ts";

/** A registry row whose follow-up PDI may be missing (null). */
export interface RegistryRowMissing extends Omit<RegistryRow, "pdiPost"> {
  /** PDI after treatment, or null when follow-up is missing. */
  pdiPost: number | null;
}

/** Input of {@link missingDataSensitivity}. Unknown fields are errors. */
export interface MissingSensitivityInput {
  /** One row per patient; `pdiPost` null when follow-up is missing. */
  rows: readonly RegistryRowMissing[];
  /** Values of δ in PDI points (default [0, -2, -4, -6]; 0 = missing at random given centre and case mix). */
  deltas?: readonly number[];
  /** Overdispersion adjustment (default `"additive"`). */
  od?: OverdispersionMethod;
  /** Estimator of tau2 (default `"DL"`). */
  tau2Method?: FunnelTau2Method;
  /** The two control-limit levels (default [95, 99.8]). */
  levels?: readonly number[];
}

/** One centre's missing data. */
export interface CentreMissing {
  /** Centre name. */
  centre: string;
  /** Patients. */
  n: number;
  /** Patients with follow-up. */
  nObserved: number;
  /** Share without follow-up. */
  missingShare: number;
  /** Complete-case observed minus expected PDI change. */
  diff: number;
}

/** The flags at one δ. */
export interface DeltaFlags {
  /** δ in PDI points. */
  delta: number;
  /** O − E per centre (order of `centres`). */
  diff: number[];
  /** Flag label per centre by the one rule (`""` inside). */
  flags: string[];
  /** Centres flagged (either side, any level). */
  nFlagged: number;
  /** Centres whose flag differs from the flag at δ = 0 (or at the first δ when 0 is not given). */
  changed: string[];
}

/** Result of {@link missingDataSensitivity}. */
export interface MissingSensitivity {
  /** Share of patients without follow-up in the registry. */
  missingShare: number;
  /** Per centre, sorted by name. */
  centres: CentreMissing[];
  /** One entry per δ, in the order given. */
  byDelta: DeltaFlags[];
  /** Control-limit levels in percent. */
  levels: number[];
}

/**
 * Delta-adjusted sensitivity of the PDI-change benchmark to missing follow-up (see the module notes).
 */
export function missingDataSensitivity(input: MissingSensitivityInput): MissingSensitivity {
  const p = parseInput(missingSchema, input, "missingDataSensitivity");
  const rows = p.rows as RegistryRowMissing[];
  const obs = rows.map((r, i) => (r.pdiPost === null ? -1 : i)).filter((i) => i >= 0);
  if (obs.length < 10) {
    fail("missingDataSensitivity", "rows", "must hold at least 10 patients with follow-up", obs.length);
  }
  const obsRows = obs.map((i) => rows[i] as RegistryRow);
  const { X, names } = caseMixMatrix(obsRows);
  const change = obsRows.map((r) => r.pdiPre - r.pdiPost);
  const fit = linearFit(X, change, names);
  const ids = [...new Set(rows.map((r) => r.centre))].sort();
  const total = new Map<string, number>();
  for (const r of rows) total.set(r.centre, (total.get(r.centre) ?? 0) + 1);
  const resid = new Map<string, { s: number; n: number }>();
  obs.forEach((_, j) => {
    const c = obsRows[j].centre;
    const g = resid.get(c) ?? { s: 0, n: 0 };
    g.s += change[j] - fit.fitted[j];
    g.n += 1;
    resid.set(c, g);
  });
  const lacking = ids.filter((c) => (resid.get(c)?.n ?? 0) < 2);
  if (lacking.length) {
    fail(
      "missingDataSensitivity",
      "rows",
      `need at least 2 patients with follow-up per centre (not in ${lacking.join(", ")})`,
    );
  }
  if (ids.length < 3) fail("missingDataSensitivity", "rows", "must hold at least 3 centres", ids.length);
  const M = 1 - obs.length / rows.length;
  const centres: CentreMissing[] = ids.map((c) => {
    const g = resid.get(c) as { s: number; n: number };
    const n = total.get(c) as number;
    return { centre: c, n, nObserved: g.n, missingShare: 1 - g.n / n, diff: g.s / g.n };
  });
  const se = centres.map((c) => fit.sigma / Math.sqrt(c.nObserved));
  const byDelta: DeltaFlags[] = [];
  let levels: number[] = [];
  for (const delta of p.deltas) {
    const diff = centres.map((c) => c.diff + (c.missingShare - M) * delta);
    const f = funnel({
      type: "mean",
      units: centres.map((c, j) => ({ id: c.centre, O: diff[j], E: 0, se: se[j], n: c.n })),
      target: 0,
      levels: p.levels,
      od: p.od,
      tau2Method: p.tau2Method,
      curvePoints: 0,
    });
    levels = f.levels;
    const flags = f.rows.map((r) => funnelFlag(r.flags, f.levels).label);
    byDelta.push({ delta, diff, flags, nFlagged: flags.filter((x) => x !== "").length, changed: [] });
  }
  const ref = byDelta.find((d) => d.delta === 0) ?? byDelta[0];
  for (const d of byDelta) d.changed = ids.filter((_, j) => d.flags[j] !== ref.flags[j]);
  return { missingShare: M, centres, byDelta, levels };
}

/** Input of {@link maskFollowUp}. */
export interface MaskFollowUpInput {
  /** Complete rows (e.g. a simulated registry's patients). */
  rows: readonly RegistryRow[];
  /** Mean share of patients without follow-up (default 0.25: an assumption). */
  share?: number;
  /** Beta concentration of the centres' missing shares (default 8: an assumption; higher = more alike). */
  concentration?: number;
  /** Odds ratio of missing follow-up for a patient who improved less than the MCID (default 2: missing not at random). */
  nonResponderOR?: number;
  /** MCID in PDI points that separates "improved" from "not" for `nonResponderOR` (default 8.5, unverified). */
  mcid?: number;
  /** Seed (required). */
  seed: number;
}

/**
 * Remove follow-up PDI from some patients of a complete (simulated) registry, to show what missing
 * follow-up does: each centre gets its own missing share (Beta around `share`), and patients who
 * improved less than the MCID are `nonResponderOR` times as likely (in odds) to be missing. Returns
 * new rows; `pdiPost` is null where removed.
 *
 * @example
 * ```ts
 * import { maskFollowUp, simulateRegistry } from "./mod.ts";
 * const rows = maskFollowUp({ rows: simulateRegistry({ centres: 5 }, 1).patients, share: 0.3, seed: 2 });
 * const missing = rows.filter((r) => r.pdiPost === null).length / rows.length;
 * if (!(missing > 0.15 && missing < 0.45)) throw new Error(String(missing));
 * ```
 */
export function maskFollowUp(input: MaskFollowUpInput): RegistryRowMissing[] {
  const p = parseInput(maskSchema, input, "maskFollowUp");
  const rng = createRandom(p.seed);
  const ids = [...new Set(p.rows.map((r) => r.centre))].sort();
  const shareOf = new Map<string, number>();
  for (const c of ids) shareOf.set(c, betaDraw(rng, p.share, p.concentration));
  return p.rows.map((r) => {
    const base = shareOf.get(r.centre) as number;
    const improved = r.pdiPre - r.pdiPost >= p.mcid;
    const odds = (base / (1 - base)) * (improved ? 1 : p.nonResponderOR);
    const pm = base <= 0 ? 0 : base >= 1 ? 1 : odds / (1 + odds);
    return { ...(r as RegistryRow), pdiPost: rng.uniform() < pm ? null : r.pdiPost };
  });
}

function betaDraw(rng: ReturnType<typeof createRandom>, mean: number, conc: number): number {
  if (mean <= 0) return 0;
  const g = (shape: number): number => {
    if (shape < 1) return g(shape + 1) * Math.pow(rng.uniform() || 1e-300, 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = rng.normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      if (Math.log(rng.uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const x = g(mean * conc);
  const y = g((1 - mean) * conc);
  return x / (x + y);
}
