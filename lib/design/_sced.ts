/**
 * Answer strategies of a simulated SCED study (internal to the design engine):
 *
 * - `randomization`: the randomisation test (p) with the mean within-case B − A difference and its
 *   t interval on (cases − 1) df (cases as the unit);
 * - `rt-ci`: the randomisation-test confidence interval for an additive shift (`scedRandomizationCI`
 *   of lib/sced: the shifts the test does not reject, equal tails; Monte Carlo over
 *   `data.randomizations` seeded draws), its estimate the same mean difference and its p the
 *   two-sided randomisation p of no shift;
 * - `bc-smd`: the design-comparable between-case SMD g_AB of Hedges, Pustejovsky & Shadish
 *   (`calcBCSMD` of lib/sced: REML, random case intercepts, AR(1) errors, `outcome ~ 1 + trt`) with
 *   its interval g_AB ± t_ν SE and p = 2·P(t_ν > |g_AB / SE|).
 *
 * The true between-case SMD of the design model: a case's baseline measurement is
 * true score + AR(1) error, so its variance across cases at one session is
 * τ² + σ² = Var(true score) + (measurement-error SD)² — exactly the model's baseline score SD²
 * (`scoreSd²` of the resolved model). The effect is the mean IMSR effect on the score, so
 * δ = mean effect / scoreSd, the design's `std` estimand (sample or population average effect, as
 * the design's `estimand` says). Selection on a noisy baseline narrows the selected patients'
 * baseline SD; δ keeps the unselected SD (the population the instrument's SD describes).
 * @module
 */
import { calcBCSMD, scedRandomizationCI } from "../sced/mod.ts";
import { ValidationError } from "../validate.ts";
import { pt, qt } from "../stats/distributions.ts";
import type { Random } from "../stats/random.ts";
import type { ScedStudy } from "./data.ts";
import type { AnswerResult } from "./answers.ts";

const EMPTY: AnswerResult = { estimate: null, ci_lb: null, ci_ub: null, pval: null };

/** The mean within-case difference (mean of B − mean of A per case, averaged over cases) and the per-case differences. */
export function scedDifferences(study: ScedStudy): { estimate: number; diffs: Float64Array } {
  const m = study.series.length;
  const diffs = new Float64Array(m);
  let s = 0;
  for (let i = 0; i < m; i++) {
    const y = study.series[i], b = study.starts[i] - 1;
    let sa = 0, sb = 0;
    for (let t = 0; t < y.length; t++) t < b ? (sa += y[t]) : (sb += y[t]);
    diffs[i] = sb / (y.length - b) - sa / b;
    s += diffs[i];
  }
  return { estimate: s / m, diffs };
}

/**
 * The t interval of the mean within-case difference on (cases − 1) df (no interval for one case).
 */
export function scedTInterval(study: ScedStudy, level: number): AnswerResult {
  const { estimate, diffs } = scedDifferences(study);
  const m = diffs.length;
  let ci_lb: number | null = null, ci_ub: number | null = null;
  if (m >= 2) {
    let ss = 0;
    for (let i = 0; i < m; i++) ss += (diffs[i] - estimate) ** 2;
    const se = Math.sqrt(ss / (m - 1) / m);
    if (se > 0) {
      const q = qt(1 - (100 - level) / 200, m - 1);
      ci_lb = estimate - q * se;
      ci_ub = estimate + q * se;
    }
  }
  return { estimate, ci_lb, ci_ub, pval: null };
}

/** The randomisation scheme and start sets of a simulated study as lib/sced's test takes them. */
export function scedTestDesign(study: ScedStudy): { scheme: "koehler-levin" | "marascuilo-busk"; starts: number[][] } {
  const mbd = study.design === "mbd" && study.series.length > 1;
  return {
    scheme: mbd ? "koehler-levin" : "marascuilo-busk",
    // Koehler–Levin: tiers in order of their starts (cases are assigned to tiers at random)
    starts: mbd ? [...study.startSets].sort((a, b) => a[0] - b[0]) : study.startSets,
  };
}

/**
 * Randomisation-test CI for an additive shift (Monte Carlo, `draws` seeded draws, seed from `rng`).
 * Returns nulls when the test cannot bound the interval at this level (too few assignments).
 */
export function scedRtCi(study: ScedStudy, level: number, draws: number, rng: Random): AnswerResult {
  const { scheme, starts } = scedTestDesign(study);
  const seed = rng.int(0, 2 ** 31 - 1);
  const T = study.series[0].length;
  try {
    const ci = scedRandomizationCI({
      design: { type: "MBD", scheme, n: T, starts },
      cases: study.series.map((y, i) => ({ values: Array.from(y), start: study.starts[i] })),
      method: "monte-carlo",
      draws,
      seed,
    }, { level });
    return { estimate: ci.estimate, ci_lb: ci.ci_lb, ci_ub: ci.ci_ub, pval: ci.pval };
  } catch (e) {
    if (e instanceof ValidationError) return EMPTY;
    throw e;
  }
}

/**
 * Design-comparable between-case SMD g_AB (scdhlm's `calc_BCSMD` defaults for a multiple baseline:
 * REML, random case intercepts, AR(1) errors, level shift) with its t_ν interval and p-value.
 * Returns nulls when the model cannot be fitted (e.g. one case).
 */
export function scedBcSmd(study: ScedStudy, level: number): AnswerResult {
  const rows: { case: number; session: number; phase: string; outcome: number }[] = [];
  study.series.forEach((y, i) => {
    for (let t = 0; t < y.length; t++) {
      rows.push({ case: i, session: t + 1, phase: t + 1 >= study.starts[i] ? "B" : "A", outcome: y[t] });
    }
  });
  try {
    const g = calcBCSMD(rows, { design: "MBP", treatmentName: "B", level });
    if (!(g.SE_g_AB > 0) || !Number.isFinite(g.g_AB)) return EMPTY;
    const pval = Math.min(1, 2 * pt(Math.abs(g.g_AB / g.SE_g_AB), g.nu, { lower: false }));
    return { estimate: g.g_AB, ci_lb: g.ci_lb, ci_ub: g.ci_ub, pval };
  } catch (e) {
    if (e instanceof ValidationError) return EMPTY;
    throw e;
  }
}
