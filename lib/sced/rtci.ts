/**
 * A confidence interval for an additive treatment effect in a single-case experiment, by
 * inverting the randomisation test (Michiels, Heyvaert, Meulders & Onghena 2017): the interval
 * holds every shift Δ for which "the treatment adds Δ to every treatment-phase measurement" is
 * not rejected by the randomisation test of `test.ts` at the two-sided level α (equal tails,
 * α/2 each, with the mean-difference statistics `"B-A"` and `"A-B"` on the data with Δ taken off
 * the treatment measurements). With `tails: "absolute"` it inverts the test of the absolute mean
 * difference at α instead, as Michiels et al. did (single-case designs).
 *
 * Its coverage rests on the random assignment alone (no normality, no independence of the
 * measurements), which is what a randomised single-case design buys; it protects against
 * autocorrelation in a way the SE-based intervals of `es.ts` do not.
 *
 * Because the mean-difference statistic of every assignment is linear in Δ, the p-value is an
 * exact step function of Δ: the bounds are computed exactly (not by a numerical search) from two
 * runs of the test with the randomisation distribution. At a bound the two-sided p-value jumps
 * across α.
 *
 * @example
 * ```ts
 * import { scedRandomizationCI } from "./rtci.ts";
 * const values = [3, 4, 2, 5, 3, 4, 9, 8, 10, 9, 11, 10, 3, 4, 3, 5, 4, 9, 10, 9, 8, 10, 11, 9, 10, 11, 12, 10, 9, 10];
 * const labels = values.map((_, i) => (i < 6 ? "A" : i < 12 ? "B" : i < 17 ? "A" : "B"));
 * const ci = scedRandomizationCI({ design: { type: "phase", phases: ["A", "B", "A", "B"], n: 30, limit: 3 }, values, labels });
 * if (!(ci.ci_lb < ci.estimate && ci.estimate < ci.ci_ub && ci.level === 95)) throw new Error("CI");
 * ```
 * @module
 */
import { normalizeLevel } from "../conventions.ts";
import { fail } from "../validate.ts";
import { randomizationTest, type RandomizationTestInput } from "./test.ts";

const TOOL = "sced-rtci";

/** One case of {@link ScedRandomizationCiInput} (as a case of `randomizationTest`). */
export interface ScedRtciCase {
  /** Optional case name. */
  name?: string;
  /** Measurements in time order (null = missing, kept in place). */
  values: readonly (number | null)[];
  /** Label of each measurement (phase, CRD, RBD, ATD designs, or an MBD case). */
  labels?: readonly string[];
  /** 1-based first treatment measurement (multiple-baseline alternative to `labels`). */
  start?: number;
}

/**
 * Input of {@link scedRandomizationCI}: what `randomizationTest` takes, without the statistic
 * (the interval is for the mean difference).
 */
export interface ScedRandomizationCiInput {
  /** The randomisation design, as `randomizationTest` accepts it (e.g. `{ type: "phase", phases, n, limit }`). */
  design: { type: string; [key: string]: unknown };
  /** Cases (one for single-case designs, one per participant for a multiple baseline). */
  cases?: readonly ScedRtciCase[];
  /** Shorthand for one case: its values ... */
  values?: readonly (number | null)[];
  /** ... and labels. */
  labels?: readonly string[];
  /** `"exact"` (default) or `"monte-carlo"`. */
  method?: "exact" | "monte-carlo";
  /** Monte Carlo draws. */
  draws?: number;
  /** Seed of the Monte Carlo draws (required for Monte Carlo). */
  seed?: number;
  /** Refuse exact tests over more assignments than this. */
  maxExact?: number;
}

/** Options of {@link scedRandomizationCI}. */
export interface ScedRandomizationCiOptions {
  /** Confidence level in percent (95) or as a proportion (0.95). Default 95. */
  level?: number;
  /** Baseline label. Default `"A"`. */
  baseline?: string;
  /** Treatment label (its measurements are shifted). Default `"B"`. */
  treatment?: string;
  /**
   * The two-sided test inverted: `"equal"` (default) — two one-sided mean-difference tests at α/2
   * each; `"absolute"` — the test with the absolute mean difference |B̄ − Ā| at α, as in Michiels
   * et al. (2017) (single-case designs only: for a multiple baseline the test's statistic is a mean
   * of absolute differences, which is not a shift-linear statistic).
   */
  tails?: "equal" | "absolute";
}

/** Result of {@link scedRandomizationCI}. */
export interface ScedRandomizationCi {
  /** Observed mean difference (treatment − baseline; for a multiple baseline, the mean over cases). */
  estimate: number;
  /** Lower bound: the smallest shift not rejected. */
  ci_lb: number;
  /** Upper bound: the largest shift not rejected. */
  ci_ub: number;
  /** Confidence level in percent. */
  level: number;
  /** Two-sided randomisation p-value of no effect (Δ = 0), 2 × the smaller one-sided p, at most 1. */
  pval: number;
  /** Smallest two-sided p-value the design can give (2 / #assignments for an exact test). */
  min_pval: number;
  /** `"exact"` or `"monte-carlo"`. */
  method: "exact" | "monte-carlo";
  /** Size of the assignment space. */
  assignments: number;
  /** Monte Carlo draws (absent for exact tests). */
  draws?: number;
  /** Seed of the Monte Carlo draws (absent for exact tests). */
  seed?: number;
  /** How the interval was built. */
  convention: string;
}

type TestResult = ReturnType<typeof randomizationTest>;

/** Number of entries ≤ x in an ascending array. */
function countLe(sorted: readonly number[], x: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of entries < x in an ascending array. */
function countLt(sorted: readonly number[], x: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Smallest i in [0, n) with pred(i) true, for a predicate false…false true…true; n if none. */
function firstIndex(n: number, pred: (i: number) => boolean): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function pOf(r: TestResult): number {
  const x = r as unknown as { pval?: number; p?: number };
  return (x.pval ?? x.p) as number;
}

/** Shift the treatment measurements of the observed assignment by −Δ. */
function shifted(input: ScedRandomizationCiInput, delta: number, trt: string): ScedRandomizationCiInput {
  const shiftCase = (values: readonly (number | null)[], labels?: readonly string[], start?: number) =>
    values.map((v, i) => {
      if (v === null) return null;
      const isTrt = labels ? labels[i] === trt : start !== undefined && i + 1 >= start;
      return isTrt ? v - delta : v;
    });
  if (input.cases) {
    return {
      ...input,
      cases: input.cases.map((c) => ({ ...c, values: shiftCase(c.values, c.labels, c.start) })),
    };
  }
  return { ...input, values: shiftCase(input.values ?? [], input.labels) };
}

/**
 * Randomisation-test confidence interval for an additive shift (see the module documentation).
 * Exact tests enumerate the assignments; Monte Carlo tests (`method: "monte-carlo"`, `seed`
 * required) use the same seeded draws for every Δ. The design must offer enough assignments
 * for the level: 2/#assignments < α.
 *
 * @example
 * ```ts
 * import { scedRandomizationCI } from "./rtci.ts";
 * const ci = scedRandomizationCI({
 *   design: { type: "MBD", scheme: "marascuilo-busk", n: 12, starts: [[4, 5, 6, 7, 8, 9], [4, 5, 6, 7, 8, 9], [4, 5, 6, 7, 8, 9]] },
 *   cases: [
 *     { values: [5, 6, 5, 7, 12, 11, 13, 12, 11, 12, 13, 12], start: 5 },
 *     { values: [4, 5, 6, 5, 4, 6, 10, 11, 12, 11, 10, 12], start: 7 },
 *     { values: [6, 5, 6, 7, 6, 5, 6, 7, 12, 13, 12, 11], start: 9 },
 *   ],
 * }, { level: 0.9 });
 * if (!(ci.ci_lb > 0 && ci.ci_lb < ci.estimate && ci.level === 90)) throw new Error("MBD CI");
 * ```
 */
export function scedRandomizationCI(
  input: ScedRandomizationCiInput,
  opts: ScedRandomizationCiOptions = {},
): ScedRandomizationCi {
  if (input === null || typeof input !== "object") {
    fail(TOOL, "input", "must be a randomisation-test input object", input);
  }
  const level = opts.level === undefined ? 95 : normalizeLevel(opts.level, TOOL, "level");
  const alpha = 1 - level / 100;
  const base = opts.baseline ?? "A", trt = opts.treatment ?? "B";
  if (typeof base !== "string" || typeof trt !== "string" || base === trt) {
    fail(TOOL, "baseline, treatment", "must be two different labels", [base, trt]);
  }
  if (input.method === "monte-carlo" && input.seed === undefined) {
    fail(TOOL, "seed", "is required for a Monte Carlo interval (the same seeded draws are used for every shift)");
  }
  const tails = opts.tails ?? "equal";
  if (tails !== "equal" && tails !== "absolute") fail(TOOL, "tails", 'must be "equal" or "absolute"', tails);
  if (tails === "absolute" && input.design?.type === "MBD") {
    fail(TOOL, "tails", '"absolute" is for single-case designs; use "equal" for a multiple baseline', tails);
  }
  const stat = `${trt}-${base}`;
  const run = (delta: number) =>
    randomizationTest(
      { ...shifted(input, delta, trt), statistic: stat, distribution: true } as unknown as RandomizationTestInput,
    );
  const r0 = run(0);
  const r1 = run(1);
  const u = r0.distribution!, u1 = r1.distribution!;
  if (!u || !u1 || u.length !== u1.length) {
    fail(TOOL, "design", "the test did not return its randomisation distribution");
  }
  const uo = r0.observed, vo = r0.observed - r1.observed;
  const mc = r0.method === "monte-carlo";
  const M = u.length;
  const denom = mc ? M + 1 : M;
  const plus = mc ? 1 : 0;
  const tol = 1e-10 * Math.max(1, Math.abs(uo));
  // Upper-tail count at Δ: #{a : u_a − Δ v_a ≥ u_o − Δ v_o − tol}. With v_a < v_o this holds for
  // Δ ≥ b_a = (u_o − u_a − tol)/(v_o − v_a); with v_a > v_o for Δ ≤ b_a; with v_a = v_o always or never.
  const upAlways: number[] = [], upFrom: number[] = [], upUntil: number[] = [];
  for (let a = 0; a < M; a++) {
    const va = u[a] - u1[a];
    const dv = vo - va;
    if (Math.abs(dv) <= 1e-12 * Math.max(1, Math.abs(vo))) {
      if (u[a] >= uo - tol) upAlways.push(a);
    } else if (dv > 0) upFrom.push((uo - u[a] - tol) / dv);
    else upUntil.push((uo - u[a] - tol) / dv);
  }
  for (const arr of [upFrom, upUntil]) arr.sort((x, y) => x - y);
  const pUpper = (d: number) =>
    (plus + upAlways.length + countLe(upFrom, d) + (upUntil.length - countLt(upUntil, d))) / denom;
  // Lower tail ("A-B" on the shifted data) is the mirror image: #{a : u_a − Δ v_a ≤ u_o − Δ v_o + tol}.
  const loAlways: number[] = [], loUntil: number[] = [], loFrom: number[] = [];
  for (let a = 0; a < M; a++) {
    const va = u[a] - u1[a];
    const dv = vo - va;
    if (Math.abs(dv) <= 1e-12 * Math.max(1, Math.abs(vo))) {
      if (u[a] <= uo + tol) loAlways.push(a);
    } else if (dv > 0) loUntil.push((uo - u[a] + tol) / dv);
    else loFrom.push((uo - u[a] + tol) / dv);
  }
  for (const arr of [loUntil, loFrom]) arr.sort((x, y) => x - y);
  const pLower = (d: number) =>
    (plus + loAlways.length + (loUntil.length - countLt(loUntil, d)) + countLe(loFrom, d)) / denom;
  if (tails === "absolute") {
    return absoluteInterval({ u, u1, uo, vo, M, denom, plus, tol, alpha, level, r0, trt, base, mc });
  }
  const p2 = (d: number) => Math.min(1, 2 * Math.min(pUpper(d), pLower(d)));
  // the observed statistic counts itself once: exact, among the assignments (plus = 0); Monte Carlo, as the +1
  const minP = Math.min(1, 2 * Math.max(plus, 1) / denom);
  if (minP > alpha) {
    fail(
      TOOL,
      "level",
      `needs a design with more assignments: the smallest two-sided p-value is ${minP.toPrecision(3)} > α = ${
        alpha.toPrecision(3)
      }, so the ${level}% interval is unbounded`,
      level,
    );
  }
  // Lower bound: the smallest breakpoint at which pUpper exceeds α/2 (pUpper is a step function
  // that can only change at the breakpoints). Upper bound: the largest breakpoint with pLower > α/2.
  const cands = [...upFrom, ...upUntil, ...loUntil, ...loFrom].sort((x, y) => x - y);
  const est = r0.observed;
  // pUpper is non-decreasing and pLower non-increasing in Δ: binary searches over the breakpoints.
  // (v_a > v_o cannot happen for a mean difference, but if it did the p-functions would not be
  // monotone and the breakpoints are scanned one by one.)
  const monotone = upUntil.length === 0 && loFrom.length === 0;
  const firstUp = monotone
    ? firstIndex(cands.length, (i) => pUpper(cands[i]) > alpha / 2)
    : cands.findIndex((b) => pUpper(b) > alpha / 2 && pLower(b) > alpha / 2);
  const lastLo = monotone
    ? firstIndex(cands.length, (i) => !(pLower(cands[i]) > alpha / 2)) - 1
    : cands.findLastIndex((b) => pUpper(b) > alpha / 2 && pLower(b) > alpha / 2);
  if (firstUp < 0 || firstUp >= cands.length || lastLo < 0) {
    fail(TOOL, "data", "give no shift that the test does not reject (the interval is empty)");
  }
  const ci_lb = cands[firstUp], ci_ub = cands[lastLo];
  if (!(ci_lb <= ci_ub) || !Number.isFinite(ci_lb) || !Number.isFinite(ci_ub)) {
    fail(TOOL, "data", "give an empty or unbounded interval", [ci_lb, ci_ub]);
  }
  const out: ScedRandomizationCi = {
    estimate: est,
    ci_lb,
    ci_ub,
    level,
    pval: p2(0),
    min_pval: minP,
    method: r0.method,
    assignments: r0.assignments,
    convention:
      `{Δ : two-sided p(Δ) > α}, p(Δ) = 2 × min(one-sided p of "${trt}-${base}", of "${base}-${trt}") on the data with Δ ` +
      `subtracted from the ${trt} measurements; ${
        mc ? "Monte Carlo p = (k + 1)/(M + 1) over the same seeded draws" : "exact p over all assignments"
      }`,
  };
  if (mc) {
    out.draws = r0.draws;
    out.seed = r0.seed;
  }
  return out;
}

/** Ingredients shared by the two ways of inverting the test. */
interface InversionParts {
  u: number[];
  u1: number[];
  uo: number;
  vo: number;
  M: number;
  denom: number;
  plus: number;
  tol: number;
  alpha: number;
  level: number;
  r0: TestResult;
  trt: string;
  base: string;
  mc: boolean;
}

/**
 * Inversion of the absolute-difference test: assignment a counts at Δ when
 * |u_a − Δ v_a| ≥ |u_o − Δ v_o| − tol. With |v_a| < v_o that set is the closed interval
 * [min(c₁, c₂), max(d₁, d₂)] around u_o/v_o (the two sign cases of each absolute value), so the
 * p-value at Δ is a count of intervals holding Δ; assignments with |v_a| = v_o are checked directly.
 * The interval is the connected set of shifts around the estimate with p > α.
 */
function absoluteInterval(x: InversionParts): ScedRandomizationCi {
  const { u, u1, uo, vo, M, denom, plus, tol, alpha, level, r0, trt, base, mc } = x;
  const Ls: number[] = [], Rs: number[] = [], degenerate: { ua: number; va: number }[] = [];
  const cands: number[] = [];
  for (let a = 0; a < M; a++) {
    const ua = u[a], va = u[a] - u1[a];
    if (Math.abs(Math.abs(va) - vo) <= 1e-12 * Math.max(1, vo)) {
      degenerate.push({ ua, va });
      if (Math.abs(va - vo) > 1e-12 * vo) cands.push((ua - uo) / (va - vo));
      if (Math.abs(va + vo) > 1e-12 * vo) cands.push((ua + uo) / (va + vo));
      continue;
    }
    const L = Math.min((uo - tol - ua) / (vo - va), (uo - tol + ua) / (vo + va));
    const R = Math.max((ua + uo + tol) / (vo + va), (uo - ua + tol) / (vo - va));
    Ls.push(L);
    Rs.push(R);
    cands.push(L, R);
  }
  Ls.sort((p, q) => p - q);
  Rs.sort((p, q) => p - q);
  cands.sort((p, q) => p - q);
  const pAbs = (d: number) => {
    let k = plus + countLe(Ls, d) - countLt(Rs, d);
    const rhs = Math.abs(uo - d * vo) - tol;
    for (const g of degenerate) if (Math.abs(g.ua - d * g.va) >= rhs) k++;
    return k / denom;
  };
  const est = uo / vo;
  if (cands.length === 0) fail(TOOL, "design", "has a single assignment: no interval can be formed");
  const farL = pAbs(cands[0] - 1 - Math.abs(cands[0])),
    farR = pAbs(cands[cands.length - 1] + 1 + Math.abs(cands[cands.length - 1]));
  const minP = Math.min(farL, farR);
  if (farL > alpha || farR > alpha) {
    fail(
      TOOL,
      "level",
      `needs a design with more assignments: the smallest p-value is ${minP.toPrecision(3)}${
        Math.max(farL, farR) > alpha ? ` on one side, ${Math.max(farL, farR).toPrecision(3)} on the other` : ""
      } against α = ${alpha.toPrecision(3)}, so the ${level}% interval is unbounded`,
      level,
    );
  }
  // walk outward from the estimate over the segments between breakpoints
  let i = countLe(cands, est) - 1; // last breakpoint ≤ est
  let lo = est;
  while (i >= 0) {
    const left = i > 0 ? cands[i - 1] : cands[0] - 1 - Math.abs(cands[0]);
    if (pAbs((left + cands[i]) / 2) <= alpha) {
      lo = cands[i];
      break;
    }
    i--;
  }
  let j = countLt(cands, est); // first breakpoint ≥ est
  let hi = est;
  while (j < cands.length) {
    const right = j + 1 < cands.length ? cands[j + 1] : cands[j] + 1 + Math.abs(cands[j]);
    if (pAbs((cands[j] + right) / 2) <= alpha) {
      hi = cands[j];
      break;
    }
    j++;
  }
  const out: ScedRandomizationCi = {
    estimate: r0.observed,
    ci_lb: lo,
    ci_ub: hi,
    level,
    pval: Math.min(1, pAbs(0)),
    min_pval: minP,
    method: r0.method,
    assignments: r0.assignments,
    convention: `{Δ : p(Δ) > α} around the estimate, p(Δ) = randomisation p of "|${trt}-${base}|" on the data with Δ ` +
      `subtracted from the ${trt} measurements; ${
        mc ? "Monte Carlo p = (k + 1)/(M + 1) over the same seeded draws" : "exact p over all assignments"
      }`,
  };
  if (mc) {
    out.draws = r0.draws;
    out.seed = r0.seed;
  }
  return out;
}

/**
 * The two-sided randomisation p-value of the hypothesis "the treatment adds Δ" (2 × the
 * smaller one-sided p of the mean-difference test on the shifted data, at most 1; with
 * `tails: "absolute"` the p-value of the absolute-difference test): the function
 * {@link scedRandomizationCI} inverts. Use it to check an interval's ends.
 *
 * @example
 * ```ts
 * import { scedShiftPval } from "./rtci.ts";
 * const values = [3, 4, 2, 5, 3, 9, 8, 10, 9, 11];
 * const labels = values.map((_, i) => (i < 5 ? "A" : "B"));
 * const p = scedShiftPval({ design: { type: "phase", phases: ["A", "B"], n: 10, limit: 2 }, values, labels }, 6);
 * if (!(p > 0.5)) throw new Error("a shift near the observed difference is not rejected");
 * ```
 */
export function scedShiftPval(
  input: ScedRandomizationCiInput,
  delta: number,
  opts: Pick<ScedRandomizationCiOptions, "baseline" | "treatment" | "tails"> = {},
): number {
  if (typeof delta !== "number" || !Number.isFinite(delta)) fail(TOOL, "delta", "must be a finite number", delta);
  const base = opts.baseline ?? "A", trt = opts.treatment ?? "B";
  const s = shifted(input, delta, trt);
  if (opts.tails === "absolute") {
    return pOf(randomizationTest({ ...s, statistic: `|${trt}-${base}|` } as unknown as RandomizationTestInput));
  }
  const up = pOf(randomizationTest({ ...s, statistic: `${trt}-${base}` } as unknown as RandomizationTestInput));
  const lo = pOf(randomizationTest({ ...s, statistic: `${base}-${trt}` } as unknown as RandomizationTestInput));
  return Math.min(1, 2 * Math.min(up, lo));
}
