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
 * const reg = simulateRegistry({ centres: 10 }, 42);
 * reg.patients.length; // sum of the centres' sizes
 * @module
 */
import { z } from "zod";
import { createRandom, deriveSeed, type Random } from "../stats/random.ts";
import { parseInput } from "../validate.ts";

/** PDI range (7 items scored 0-10). */
export const PDI_MAX = 70;
/** PSC (Patient Specific Complaints, VAS 0-100 per activity, mean of 3 activities; lower is better). */
export const PSC_MAX = 100;
/** PDI MCID in points: Soer 2012, as recorded in data/instruments.csv (recalled there; verify against the paper). */
export const PDI_MCID = 8.5;

/** Seed effect sizes by contact-hour band (review table, pain interference; VRA objection 2025, ch. 4c). */
export const DOSE_BANDS = [
  { from: 0, to: 48, es: 0.658 },
  { from: 49, to: 130, es: 0.614 },
  { from: 131, to: 274, es: 0.388 },
] as const;

/** Relative effect of a dose (contact hours), 1 for the 49-130 h reference band. */
export function doseFactor(hours: number): number {
  const band = hours <= 48.5 ? DOSE_BANDS[0] : hours <= 130.5 ? DOSE_BANDS[1] : DOSE_BANDS[2];
  return band.es / DOSE_BANDS[1].es;
}

const paramsSchema = z.object({
  centres: z.number().int().min(2).max(500).default(25),
  sizeMin: z.number().int().min(5).default(30),
  sizeMax: z.number().int().min(5).default(150),
  years: z.number().int().min(1).max(10).default(1),
  indicationBreadth: z.number().min(0).max(0.95).default(0.15),
  indicationSpread: z.number().min(1).max(1000).default(6),
  doseHours: z.number().min(10).max(274).default(80),
  doseSpread: z.number().min(0).max(1.5).default(0.45),
  centreSD: z.number().min(0).max(20).default(1.5),
  shortfall: z.number().min(-30).max(30).default(0),
  shortfallCentres: z.number().int().min(0).default(0),
  broadCentres: z.number().int().min(0).default(0),
  broadShare: z.number().min(0).max(1).default(0.5),
  wpn4Share: z.number().min(0).max(1).default(0.4),
  meanChange: z.number().min(-20).max(40).default(11.5),
  residualSD: z.number().positive().max(40).default(12),
  mcid: z.number().positive().max(70).default(PDI_MCID),
  preMeanEndOfLine: z.number().min(0).max(70).default(42),
  preMeanLessComplex: z.number().min(0).max(70).default(28),
  preSD: z.number().positive().max(30).default(10),
  durationMedianEndOfLine: z.number().positive().default(7),
  durationMedianLessComplex: z.number().positive().default(2),
  workEndOfLine: z.number().min(0).max(1).default(0.16),
  workLessComplex: z.number().min(0).max(1).default(0.4),
  lessComplexGain: z.number().min(-30).max(30).default(0),
  bPre: z.number().min(-2).max(2).default(0.5),
  bDuration: z.number().min(-10).max(10).default(-1),
  bWork: z.number().min(-10).max(10).default(2),
  bWpn4: z.number().min(-10).max(10).default(-1),
  pscChangeES: z.number().min(-5).max(5).default(1.44),
});

/** Parameters of {@link simulateRegistry}; every field has a default (see {@link REGISTRY_SOURCES}). */
export type RegistryParams = z.input<typeof paramsSchema>;
/** Parameters with defaults filled in. */
export type RegistryParamsFull = z.output<typeof paramsSchema>;

/** The default parameters. */
export const REGISTRY_DEFAULTS: RegistryParamsFull = paramsSchema.parse({});

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
  centreSD: "assumption: SD of true centre effects in PDI points (overdispersion)",
  shortfall: "true shortfall in PDI points for the first `shortfallCentres` centres (negative = less improvement)",
  shortfallCentres: "number of centres with the true shortfall (diagnosis): the first ones, C01, C02, ...",
  broadCentres: "number of centres with an over-broad indication (diagnosis): the last ones",
  broadShare: "share of less complex patients admitted by an over-broad centre (diagnosis)",
  wpn4Share: "assumption: share of WPN 4 among end-of-the-line (WPN 3-4) patients",
  meanChange:
    "PDI improvement at the 49-130 h reference dose: chosen so that with residual SD 12 and MCID 8.5, 59.8% are responders (8.5 + 12 x 0.249 = 11.5) (Breugelmans 2024: PDI ES -1.01, 59.8% responders on the MCID)",
  residualSD: "assumption: SD of individual PDI change, 12 points",
  mcid: "PDI MCID 8.5 points (Soer 2012, as recorded in data/instruments.csv; recalled there, to be verified)",
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
  centre: string;
  /** Patients per year. */
  size: number;
  /** Share of less complex patients admitted (indication policy). */
  lessComplexShare: number;
  /** Contact hours (dose policy). */
  hours: number;
  /** Relative effect of the dose (1 at 49-130 h). */
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
  centre: string;
  year: number;
  /** Recorded WPN level (3 or 4: IMSR requires it; less complex patients are recorded as 3). */
  wpn: 3 | 4;
  /** Hidden truth: admitted although less complex. */
  lessComplex: boolean;
  painYears: number;
  work: 0 | 1;
  hours: number;
  pdiPre: number;
  pdiPost: number;
  pscPre: number;
  pscPost: number;
}

/** A simulated registry. */
export interface SimRegistry {
  params: RegistryParamsFull;
  seed: number;
  centres: SimCentre[];
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
export function centreName(i: number): string {
  return `C${String(i + 1).padStart(2, "0")}`;
}

/**
 * The expected PDI change of one patient given the truth (used by the simulation; exported so
 * tests can check the generating model).
 */
export function trueChange(
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
 * when other centres are added.
 * @example simulateRegistry({ centres: 5, years: 3 }, 1).centres.length // 5
 */
export function simulateRegistry(params: RegistryParams = {}, seed = 1): SimRegistry {
  const p = parseInput(paramsSchema, params, "simulateRegistry");
  if (p.sizeMax < p.sizeMin) {
    parseInput(z.object({ sizeMax: z.number().min(p.sizeMin) }), { sizeMax: p.sizeMax }, "simulateRegistry");
  }
  if (!Number.isInteger(seed)) parseInput(z.number().int(), seed, "simulateRegistry seed");
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
      doseFactor: doseFactor(hours),
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
        const painYears = round1(Math.max(0.3, med * Math.exp(rng.normal(0, sdlog))));
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
 * The registry as a CSV extract (the columns {@link parseRegistryCsv} reads), without the hidden truth.
 * @example registryToCsv(simulateRegistry({ centres: 2 }, 1).patients).split("\n")[0]
 */
export function registryToCsv(patients: readonly SimPatient[]): string {
  const head = "centre,year,wpn,pain_years,work,hours,pdi_pre,pdi_post,psc_pre,psc_post";
  const lines = patients.map((q) =>
    [q.centre, q.year, q.wpn, q.painYears, q.work, q.hours, q.pdiPre, q.pdiPost, q.pscPre, q.pscPost].join(",")
  );
  return [head, ...lines].join("\n") + "\n";
}
