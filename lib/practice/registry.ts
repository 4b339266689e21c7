/**
 * A simulated pain-rehabilitation registry (NDP / outcome registry) with practice variation between
 * centres in indication (share of less complex patients admitted), dose (contact hours), size and a
 * true centre effect. One row per patient: centre, case-mix covariates, PDI and a personalised PROM
 * (PSC) before and after treatment.
 *
 * Every default is listed in {@link REGISTRY_SOURCES} with where it comes from; values not in the
 * seed documents are labelled as assumptions there.
 *
 * @example
 * ```ts
 * import { simulateRegistry } from "./mod.ts";
 * const reg = simulateRegistry({ centres: 10 }, 42);
 * const sizes = reg.centres.reduce((a, c) => a + c.size, 0);
 * if (reg.patients.length !== sizes) throw new Error("one row per patient");
 * ```
 * @module
 */
import { createRandom, deriveSeed, type Random } from "../stats/random.ts";
import { PDI_MCID } from "../instruments.ts";
import { parseInput } from "../validate.ts";
import { paramsObject, paramsSchema, seedObject } from "./_schemas.ts";

/** PDI range (7 items scored 0-10). */
export const PDI_MAX = 70;
/** PSC (Patient Specific Complaints, VAS 0-100 per activity, mean of 3 activities; lower is better). */
export const PSC_MAX = 100;

/** One contact-hour band of the seed's review with its pooled effect size. */
export interface DoseBand {
  /** First whole hour of the band. */
  from: number;
  /** Last whole hour of the band. */
  to: number;
  /** Pooled effect size (pain interference) of programmes in this band. */
  es: number;
}

/** Seed effect sizes by contact-hour band (review table, pain interference; VRA objection 2025, ch. 4c). */
export const DOSE_BANDS: readonly DoseBand[] = [
  { from: 0, to: 48, es: 0.658 },
  { from: 49, to: 130, es: 0.614 },
  { from: 131, to: 274, es: 0.388 },
];

/**
 * The cut points between the contact-hour bands (48.5 and 130.5 hours): the one place where they
 * are written, used by {@link doseFactor} and by the dose-severity plot.
 */
export const DOSE_BAND_CUTS: readonly number[] = DOSE_BANDS.slice(1).map((b) => b.from - 0.5);

/**
 * Relative effect of a dose (contact hours), 1 for the 49-130 h reference band: the ratio of the
 * review's pooled effect sizes by band (0.658 / 0.614 = 1.07 below 49 h, 0.388 / 0.614 = 0.63
 * above 130 h). These are *between-study* subgroup estimates (programmes that differ in more than
 * dose), not a causal dose effect; {@link simulateRegistry} applies them only with `doseEffect` > 0.
 * `weight` (default 1) scales the contrast: 1 + weight (ratio - 1).
 */
export function doseFactor(hours: number, weight = 1): number {
  const i = DOSE_BAND_CUTS.findIndex((cut) => hours <= cut);
  const band = DOSE_BANDS[i === -1 ? DOSE_BANDS.length - 1 : i];
  return 1 + weight * (band.es / DOSE_BANDS[1].es - 1);
}

/**
 * Parameters of {@link simulateRegistry}; every field is optional (defaults in
 * {@link REGISTRY_DEFAULTS}, sources in {@link REGISTRY_SOURCES}). Unknown fields are errors.
 */
export type RegistryParams = Partial<RegistryParamsFull>;

/** Parameters with defaults filled in (see {@link REGISTRY_SOURCES} for each field's source). */
export interface RegistryParamsFull {
  /** Number of centres (2-500). */
  centres: number;
  /** Smallest centre, patients per year. */
  sizeMin: number;
  /** Largest centre, patients per year (>= sizeMin). */
  sizeMax: number;
  /** Years of registry data (1-10). */
  years: number;
  /** Mean share of less complex patients admitted (0-0.95). */
  indicationBreadth: number;
  /** Beta concentration of the centres' indication share (higher = more alike). */
  indicationSpread: number;
  /** Median contact hours per centre. */
  doseHours: number;
  /** SD of log contact hours between centres. */
  doseSpread: number;
  /**
   * Share (0-1) of the review's between-study contact-hour contrast applied as a causal dose effect
   * (default 0: dose does not change outcomes; 1: 0.63x the improvement above 130 h). An assumption
   * either way, off by default.
   */
  doseEffect: number;
  /** SD of true centre effects in PDI points. */
  centreSD: number;
  /** True shortfall in PDI points of the first `shortfallCentres` centres (negative = less improvement). */
  shortfall: number;
  /** Number of centres with the true shortfall (the first ones; <= centres). */
  shortfallCentres: number;
  /** Number of centres with an over-broad indication (the last ones; <= centres). */
  broadCentres: number;
  /** Share of less complex patients admitted by an over-broad centre. */
  broadShare: number;
  /** Share of WPN 4 among end-of-the-line patients. */
  wpn4Share: number;
  /** PDI improvement at the reference dose. */
  meanChange: number;
  /** SD of individual PDI change. */
  residualSD: number;
  /** PDI MCID in points (default {@link PDI_MCID}, unverified). */
  mcid: number;
  /** Mean baseline PDI of WPN 3-4 patients. */
  preMeanEndOfLine: number;
  /** Mean baseline PDI of less complex patients. */
  preMeanLessComplex: number;
  /** SD of baseline PDI. */
  preSD: number;
  /** Median pain duration (years) of end-of-the-line patients. */
  durationMedianEndOfLine: number;
  /** Median pain duration (years) of less complex patients. */
  durationMedianLessComplex: number;
  /** Share in paid work among end-of-the-line patients. */
  workEndOfLine: number;
  /** Share in paid work among less complex patients. */
  workLessComplex: number;
  /** Extra PDI change of a less complex patient beyond the case-mix prediction. */
  lessComplexGain: number;
  /** PDI points of extra improvement per point of baseline PDI above 40. */
  bPre: number;
  /** PDI points per log-year of pain duration above 7 years. */
  bDuration: number;
  /** PDI points when in paid work. */
  bWork: number;
  /** PDI points for WPN 4. */
  bWpn4: number;
  /** Effect size of the personalised PROM (PSC) change. */
  pscChangeES: number;
}

/** The default parameters. */
export const REGISTRY_DEFAULTS: RegistryParamsFull = paramsObject.parse({});

/** Where each default comes from ("assumption" when not in the seed documents). */
export const REGISTRY_SOURCES: Record<keyof RegistryParamsFull, string> = {
  centres: "assumption: 25 centres offering IMSR for chronic pain",
  sizeMin: "assumption: smallest centre 30 patients/year",
  sizeMax: "assumption: largest centre 150 patients/year (Breugelmans 2024: 2309 patients in 3 years over its centres)",
  years: "1 year of registry data (the standard asks for at least yearly aggregation, Behandelkader 2025 ch. 4)",
  indicationBreadth:
    "assumption: mean share of admitted patients who are less complex (would have done well in primary care); VRA 2025 ch. 5 warns of over-broad inclusion",
  indicationSpread: "assumption: Beta concentration of the centres' indication share (higher = more alike)",
  doseHours:
    "assumption: median contact hours per centre; seed: outpatient 2-3 sessions of 30-60 min, 2-3x/week for 10-12 weeks (~50-100 h), clinical 6 h/day for 5 weeks (~150 h)",
  doseSpread: "assumption: SD of log contact hours between centres",
  doseEffect:
    "assumption, off by default (0): share of the seed review's contact-hour subgroup contrast (ES 0.658 / 0.614 / 0.388 for 0-48 / 49-130 / 131-274 h, a between-study comparison, VRA 2025 ch. 4c) applied as a causal dose effect; 1 = 0.63x the improvement above 130 h",
  centreSD: "assumption: SD of true centre effects in PDI points (overdispersion)",
  shortfall: "true shortfall in PDI points for the first `shortfallCentres` centres (negative = less improvement)",
  shortfallCentres: "number of centres with the true shortfall (diagnosis): the first ones, C01, C02, ...",
  broadCentres: "number of centres with an over-broad indication (diagnosis): the last ones",
  broadShare: "share of less complex patients admitted by an over-broad centre (diagnosis)",
  wpn4Share: "assumption: share of WPN 4 among end-of-the-line (WPN 3-4) patients",
  meanChange:
    "PDI improvement at the 49-130 h reference dose: chosen so that with residual SD 12 and MCID 8.5, 59.8% are responders (8.5 + 12 x 0.249 = 11.5) (Breugelmans 2024: PDI ES -1.01, 59.8% responders on the MCID)",
  residualSD: "assumption: SD of individual PDI change, 12 points",
  mcid:
    `PDI MCID ${PDI_MCID.value} points (${PDI_MCID.source}; unverified: recalled, not yet checked against the paper)`,
  preMeanEndOfLine: "assumption: mean baseline PDI of WPN 3-4 patients (PDI 0-70)",
  preMeanLessComplex: "assumption: mean baseline PDI of less complex patients",
  preSD: "assumption: SD of baseline PDI",
  durationMedianEndOfLine:
    "median pain duration 7 years (log-normal, sdlog 0.9): 65% have pain >= 5 years (Meesters 2016 / Volker 2017 in the VRA tables)",
  durationMedianLessComplex: "assumption: median pain duration 2 years for less complex patients",
  workEndOfLine: "16% in paid work >= 25 h at baseline (Volker 2017 in the VRA tables)",
  workLessComplex: "assumption: 40% in paid work among less complex patients",
  lessComplexGain:
    "assumption: extra PDI change of a less complex patient beyond the case-mix prediction (0 = the case-mix model captures them)",
  bPre: "assumption: +0.5 PDI points more improvement per point of baseline PDI above 40",
  bDuration: "assumption: -1 point per log-year of pain duration above 7 years",
  bWork: "assumption: +2 points when in paid work",
  bWpn4: "assumption: -1 point for WPN 4",
  pscChangeES:
    "personalised PROM (PSC, VAS 0-100, baseline mean 73 SD 15 as in Smeets 2006 per data/instruments.csv) effect size 1.44 (Breugelmans 2024: PSC -1.59/-1.40/-1.33)",
};

/** One centre's policy and truth. */
export interface SimCentre {
  /** Centre name ("C01", "C02", ...). */
  centre: string;
  /** Patients per year. */
  size: number;
  /** Share of less complex patients admitted (indication policy). */
  lessComplexShare: number;
  /** Contact hours (dose policy). */
  hours: number;
  /** Relative effect of the dose applied in the simulation (1 at 49-130 h, and 1 everywhere when `doseEffect` is 0). */
  doseFactor: number;
  /** True centre effect in PDI points (random part + shortfall). */
  effect: number;
  /** True shortfall assigned (0 for most centres). */
  shortfall: number;
  /** Assigned an over-broad indication (diagnosis). */
  broad: boolean;
}

/** One simulated patient (the columns of a registry extract, plus the hidden truth). */
export interface SimPatient {
  /** Centre name. */
  centre: string;
  /** Registry year (1, 2, ...). */
  year: number;
  /** Recorded WPN level (3 or 4: IMSR requires it; less complex patients are recorded as 3). */
  wpn: 3 | 4;
  /** Hidden truth: admitted although less complex. */
  lessComplex: boolean;
  /** Pain duration in years. */
  painYears: number;
  /** In paid work at baseline. */
  work: 0 | 1;
  /** Contact hours of the centre. */
  hours: number;
  /** PDI before treatment (0-70). */
  pdiPre: number;
  /** PDI after treatment (0-70). */
  pdiPost: number;
  /** PSC before treatment (0-100). */
  pscPre: number;
  /** PSC after treatment (0-100). */
  pscPost: number;
}

/** A simulated registry. */
export interface SimRegistry {
  /** The parameters used, defaults filled in. */
  params: RegistryParamsFull;
  /** The seed used. */
  seed: number;
  /** The centres' policies and truth. */
  centres: SimCentre[];
  /** One row per patient. */
  patients: SimPatient[];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

function rbeta(rng: Random, mean: number, conc: number): number {
  if (mean <= 0) return 0;
  const a = mean * conc;
  const b = (1 - mean) * conc;
  const x = rgamma(rng, a);
  const y = rgamma(rng, b);
  return x / (x + y);
}

function rgamma(rng: Random, shape: number): number {
  // Marsaglia-Tsang, with the boost for shape < 1.
  if (shape < 1) return rgamma(rng, shape + 1) * Math.pow(rng.uniform() || 1e-300, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = rng.uniform();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Centre name for index i: "C01", "C02", ... */
function centreName(i: number): string {
  return `C${String(i + 1).padStart(2, "0")}`;
}

/** The expected PDI change of one patient given the truth (the generating model). */
function trueChange(
  p: RegistryParamsFull,
  x: { pdiPre: number; painYears: number; work: 0 | 1; wpn: 3 | 4; lessComplex: boolean; doseFactor: number },
): number {
  return p.meanChange * x.doseFactor +
    p.bPre * (x.pdiPre - 40) +
    p.bDuration * (Math.log(x.painYears) - Math.log(7)) +
    p.bWork * x.work +
    p.bWpn4 * (x.wpn === 4 ? 1 : 0) +
    (x.lessComplex ? p.lessComplexGain : 0);
}

/**
 * Simulate a registry: centre policies from `seed` via deriveSeed(seed, 0, centre), patients of
 * centre j in year y from deriveSeed(seed, 1, j, y), so that a centre's patients do not change
 * when other centres are added. The seed is required; unknown parameter names are errors.
 *
 * @example
 * ```ts
 * import { simulateRegistry } from "./mod.ts";
 * if (simulateRegistry({ centres: 5, years: 3 }, 1).centres.length !== 5) throw new Error("centres");
 * ```
 */
export function simulateRegistry(params: RegistryParams, seed: number): SimRegistry {
  const p = parseInput(paramsSchema, params ?? {}, "simulateRegistry") as RegistryParamsFull;
  parseInput(seedObject, { seed }, "simulateRegistry");
  const centres: SimCentre[] = [];
  for (let j = 0; j < p.centres; j++) {
    const rng = createRandom(deriveSeed(seed, 0, j));
    const size = rng.int(p.sizeMin, p.sizeMax);
    const drawn = p.indicationBreadth > 0 ? rbeta(rng, p.indicationBreadth, p.indicationSpread) : 0;
    const lessComplexShare = j >= p.centres - p.broadCentres ? p.broadShare : drawn;
    const hours = clamp(Math.round(p.doseHours * Math.exp(rng.normal(0, p.doseSpread))), 10, 274);
    const sf = j < p.shortfallCentres ? p.shortfall : 0;
    const effect = rng.normal(0, p.centreSD) + sf;
    centres.push({
      centre: centreName(j),
      size,
      lessComplexShare,
      hours,
      doseFactor: doseFactor(hours, p.doseEffect),
      effect,
      shortfall: sf,
      broad: j >= p.centres - p.broadCentres,
    });
  }
  const patients: SimPatient[] = [];
  const sdlog = 0.9;
  centres.forEach((c, j) => {
    for (let y = 0; y < p.years; y++) {
      const rng = createRandom(deriveSeed(seed, 1, j, y));
      for (let i = 0; i < c.size; i++) {
        const lessComplex = rng.uniform() < c.lessComplexShare;
        const wpn: 3 | 4 = lessComplex ? 3 : rng.uniform() < p.wpn4Share ? 4 : 3;
        const preMean = lessComplex ? p.preMeanLessComplex : p.preMeanEndOfLine + (wpn === 4 ? 4 : -2);
        const pdiPre = Math.round(clamp(rng.normal(preMean, p.preSD), 0, PDI_MAX));
        const med = lessComplex ? p.durationMedianLessComplex : p.durationMedianEndOfLine;
        // Capped at 100 years, the bound the upload parser accepts, so that every extract the
        // simulator writes can be read back (the log-normal tail reached 130 years).
        const painYears = round1(clamp(med * Math.exp(rng.normal(0, sdlog)), 0.3, 100));
        const work: 0 | 1 = rng.uniform() < (lessComplex ? p.workLessComplex : p.workEndOfLine) ? 1 : 0;
        const mu = trueChange(p, { pdiPre, painYears, work, wpn, lessComplex, doseFactor: c.doseFactor }) + c.effect;
        const eps = rng.normal();
        const change = mu + p.residualSD * eps;
        const pdiPost = Math.round(clamp(pdiPre - change, 0, PDI_MAX));
        // PSC (VAS 0-100): baseline 73 (SD 15); change correlated 0.5 with the PDI residual.
        const pscPre = Math.round(clamp(rng.normal(73, 15), 0, PSC_MAX));
        const pscMu = p.pscChangeES * 15 * (mu / p.meanChange);
        const pscChange = pscMu + 15 * (0.5 * eps + Math.sqrt(0.75) * rng.normal());
        const pscPost = Math.round(clamp(pscPre - pscChange, 0, PSC_MAX));
        patients.push({
          centre: c.centre,
          year: y + 1,
          wpn,
          lessComplex,
          painYears,
          work,
          hours: c.hours,
          pdiPre,
          pdiPost,
          pscPre,
          pscPost,
        });
      }
    }
  });
  return { params: p, seed, centres, patients };
}

/**
 * The registry as a CSV extract (the columns `parseRegistryCsv` reads), without the hidden truth.
 *
 * @example
 * ```ts
 * import { registryToCsv, simulateRegistry } from "./mod.ts";
 * const head = registryToCsv(simulateRegistry({ centres: 2 }, 1).patients).split("\n")[0];
 * if (!head.startsWith("centre,year,wpn")) throw new Error(head);
 * ```
 */
export function registryToCsv(patients: readonly SimPatient[]): string {
  const head = "centre,year,wpn,pain_years,work,hours,pdi_pre,pdi_post,psc_pre,psc_post";
  const lines = patients.map((q) =>
    [q.centre, q.year, q.wpn, q.painYears, q.work, q.hours, q.pdiPre, q.pdiPost, q.pscPre, q.pscPost].join(",")
  );
  return [head, ...lines].join("\n") + "\n";
}

/** One row of {@link registryDefaultsTable}. */
export interface RegistryDefaultRow {
  /** Parameter name (a field of {@link RegistryParams}). */
  parameter: string;
  /** Its default value. */
  default: number;
  /** Where the default comes from ("assumption: ..." when not in the seed documents). */
  source: string;
}

/**
 * Every default parameter with its source, for display (the notebook's "Defaults and where they
 * come from" table).
 *
 * @example
 * ```ts
 * import { registryDefaultsTable } from "./mod.ts";
 * const mcid = registryDefaultsTable().find((r) => r.parameter === "mcid");
 * if (mcid?.default !== 8.5 || !/unverified/.test(mcid.source)) throw new Error("the MCID is shown as unverified");
 * ```
 */
export function registryDefaultsTable(): RegistryDefaultRow[] {
  return (Object.keys(REGISTRY_SOURCES) as (keyof RegistryParamsFull)[]).map((k) => ({
    parameter: k,
    default: REGISTRY_DEFAULTS[k],
    source: REGISTRY_SOURCES[k],
  }));
}
