/**
 * Diagnosis: from the per-replication results of an answer strategy (estimate, CI, p-value,
 * estimand) to the diagnosands power, bias, RMSE, CI coverage, type-S error rate, mean CI width
 * and empirical SE, each with its Monte Carlo standard error (Morris, White & Crowther 2019,
 * Stat Med 38:2074, table 6), and a warning when too few replications were run. Also: two designs
 * side by side, and a plain-language mapping of diagnosands to GRADE domains (the toolkit's
 * heuristic, not GRADE itself).
 *
 * Sums run in replication order, so the same replications give bit-identical diagnosands however
 * they were split over workers or shards.
 *
 * @example
 * const est = [0.1, -0.1, 0.2, 0], lb = est.map((e) => e - 1), ub = est.map((e) => e + 1);
 * const d = diagnoseAnswer({ estimate: est, ci_lb: lb, ci_ub: ub, pval: [0.5, 0.5, 0.01, 0.9], estimand: [0, 0, 0, 0] }, 0.05);
 * d.bias; // 0.05
 * d.coverage; // 1
 * @module
 */
import { z } from "zod";
import { fail, parseInput } from "../validate.ts";
import { fmt as fmtNum } from "../format.ts";

/** Per-replication results of one answer strategy (null or NaN: not available in that replication). */
export interface AnswerDraws {
  /** Estimates. */
  estimate: ArrayLike<number | null>;
  /** Lower confidence bounds. */
  ci_lb: ArrayLike<number | null>;
  /** Upper confidence bounds. */
  ci_ub: ArrayLike<number | null>;
  /** p-values. */
  pval: ArrayLike<number | null>;
  /** Estimands (the truth each replication targets). */
  estimand: ArrayLike<number | null>;
}

/** Diagnosands of one answer strategy, each with its Monte Carlo SE (null where not defined). */
export interface Diagnosis {
  /** Replications run. */
  reps: number;
  /** Replications where the answer strategy gave no estimate (e.g. an arm emptied by dropout). */
  failed: number;
  /** Mean of the estimand over replications with an estimate. */
  mean_estimand: number | null;
  /** Mean of the estimates. */
  mean_estimate: number | null;
  /** Empirical SE: SD of the estimates over replications. */
  sd_estimate: number | null;
  /** Bias: mean of estimate − estimand. */
  bias: number | null;
  /** Monte Carlo SE of the bias. */
  bias_mcse: number | null;
  /** Root mean squared error of the estimates. */
  rmse: number | null;
  /** Monte Carlo SE of the RMSE (delta method). */
  rmse_mcse: number | null;
  /** Share of replications with p <= alpha (null without a test). */
  power: number | null;
  /** Monte Carlo SE of the power. */
  power_mcse: number | null;
  /** Share of CIs that contain the estimand (null without a CI). */
  coverage: number | null;
  /** Monte Carlo SE of the coverage. */
  coverage_mcse: number | null;
  /** Among significant results, the share whose sign differs from the estimand's (Gelman & Carlin 2014). */
  type_s: number | null;
  /** Monte Carlo SE of the type-S rate. */
  type_s_mcse: number | null;
  /** Mean width of the confidence intervals. */
  mean_ci_width: number | null;
  /** Plain-language warnings (too few replications, failures). */
  warnings: string[];
}

/** Below this many replications a diagnosis carries a warning. */
export const MIN_REPS = 500;

const num = (x: number | null | undefined): number => (x === null || x === undefined ? NaN : x);

const drawsSchema = z.object({
  estimate: z.any(),
  ci_lb: z.any(),
  ci_ub: z.any(),
  pval: z.any(),
  estimand: z.any(),
});

/**
 * Diagnose one answer strategy from its per-replication results.
 * MCSEs: bias sd(e)/√R; power and coverage √(x(1−x)/R); RMSE √(var(e²)/R) / (2·RMSE) (delta method);
 * type-S √(s(1−s)/R_sig). Warns when R < {@link MIN_REPS} or when the power or coverage MCSE > 0.01.
 * @example diagnoseAnswer({ estimate: [1, 1], ci_lb: [0, 0], ci_ub: [2, 2], pval: [0.01, 0.2], estimand: [1, 1] }, 0.05).power // 0.5
 */
export function diagnoseAnswer(draws: AnswerDraws, alpha: number): Diagnosis {
  if (!(typeof alpha === "number" && alpha > 0 && alpha < 1)) {
    fail("diagnoseAnswer", "alpha", "must be a significance threshold in (0, 1), a proportion such as 0.05", alpha);
  }
  parseInput(drawsSchema, draws, "diagnoseAnswer");
  const R = draws.estimate.length;
  for (const f of ["ci_lb", "ci_ub", "pval", "estimand"] as const) {
    if (draws[f]?.length !== R) {
      fail("diagnoseAnswer", f, `must have ${R} elements (one per replication, like estimate)`, draws[f]?.length);
    }
  }
  let ok = 0, sE = 0, sEst = 0, sEstimand = 0, sE2 = 0;
  let nTest = 0, nSig = 0, nWrong = 0, nCi = 0, nCov = 0, sWidth = 0;
  for (let i = 0; i < R; i++) {
    const est = num(draws.estimate[i]), th = num(draws.estimand[i]);
    if (!Number.isFinite(est) || !Number.isFinite(th)) continue;
    ok++;
    const e = est - th;
    sE += e;
    sE2 += e * e;
    sEst += est;
    sEstimand += th;
    const p = num(draws.pval[i]);
    if (Number.isFinite(p)) {
      nTest++;
      if (p <= alpha) {
        nSig++;
        if (th !== 0 && Math.sign(est) !== Math.sign(th)) nWrong++;
      }
    }
    const lb = num(draws.ci_lb[i]), ub = num(draws.ci_ub[i]);
    if (Number.isFinite(lb) && Number.isFinite(ub)) {
      nCi++;
      if (lb <= th && th <= ub) nCov++;
      sWidth += ub - lb;
    }
  }
  const warnings: string[] = [];
  const failed = R - ok;
  if (failed > 0) warnings.push(`${failed} of ${R} replications gave no estimate (diagnosands use the other ${ok})`);
  if (ok === 0) {
    return {
      reps: R,
      failed,
      mean_estimand: null,
      mean_estimate: null,
      sd_estimate: null,
      bias: null,
      bias_mcse: null,
      rmse: null,
      rmse_mcse: null,
      power: null,
      power_mcse: null,
      coverage: null,
      coverage_mcse: null,
      type_s: null,
      type_s_mcse: null,
      mean_ci_width: null,
      warnings,
    };
  }
  const bias = sE / ok, mse = sE2 / ok, meanEst = sEst / ok;
  // second pass (in replication order) for the variances
  let vE = 0, vEst = 0, vE2 = 0;
  for (let i = 0; i < R; i++) {
    const est = num(draws.estimate[i]), th = num(draws.estimand[i]);
    if (!Number.isFinite(est) || !Number.isFinite(th)) continue;
    const e = est - th;
    vE += (e - bias) ** 2;
    vEst += (est - meanEst) ** 2;
    vE2 += (e * e - mse) ** 2;
  }
  const sdE = ok > 1 ? Math.sqrt(vE / (ok - 1)) : NaN;
  const rmse = Math.sqrt(mse);
  const rmseMcse = ok > 1 && rmse > 0 ? Math.sqrt(vE2 / (ok - 1) / ok) / (2 * rmse) : null;
  const power = nTest > 0 ? nSig / nTest : null;
  const coverage = nCi > 0 ? nCov / nCi : null;
  const typeS = nSig > 0 && sEstimand !== 0 ? nWrong / nSig : null;
  const prop = (x: number | null, n: number) => (x === null || n === 0 ? null : Math.sqrt((x * (1 - x)) / n));
  const powerMcse = prop(power, nTest), covMcse = prop(coverage, nCi);
  if (R < MIN_REPS) warnings.push(`only ${R} replications: run at least ${MIN_REPS} before trusting the diagnosands`);
  if ((powerMcse ?? 0) > 0.01 || (covMcse ?? 0) > 0.01) {
    warnings.push(
      `Monte Carlo SE of ${(powerMcse ?? 0) > 0.01 ? "power" : "coverage"} is ${
        Math.max(powerMcse ?? 0, covMcse ?? 0).toFixed(3)
      } (> 0.01): run more replications`,
    );
  }
  return {
    reps: R,
    failed,
    mean_estimand: sEstimand / ok,
    mean_estimate: meanEst,
    sd_estimate: ok > 1 ? Math.sqrt(vEst / (ok - 1)) : null,
    bias,
    bias_mcse: Number.isFinite(sdE) ? sdE / Math.sqrt(ok) : null,
    rmse,
    rmse_mcse: rmseMcse,
    power,
    power_mcse: powerMcse,
    coverage,
    coverage_mcse: covMcse,
    type_s: typeS,
    type_s_mcse: typeS === null ? null : Math.sqrt((typeS * (1 - typeS)) / nSig),
    mean_ci_width: nCi > 0 ? sWidth / nCi : null,
    warnings,
  };
}

/** One row of a diagnosis table: the design, the grid values, the answer strategy and its diagnosands. */
export type DiagnosisRow = Diagnosis & {
  design: string;
  grid_index: number;
  answer: string;
  /** Which estimand the answer targets: raw (points), std (SD units) or responder (proportion). */
  estimand: string;
  /** Grid values of this point, by parameter path (e.g. `data.n`). */
  grid: Record<string, number | string | boolean>;
};

/**
 * Monte Carlo SE of the mean estimate of a row: `sd_estimate / √(replications with an estimate)`
 * (null without an estimate).
 * @example meanEstimateMcse({ ...row, sd_estimate: 2, reps: 400, failed: 0 }) // 0.1
 */
export function meanEstimateMcse(row: DiagnosisRow): number | null {
  const ok = row.reps - row.failed;
  return row.sd_estimate === null || ok < 1 ? null : row.sd_estimate / Math.sqrt(ok);
}

/** A comparison of two designs' diagnosands for matching answer strategies. */
export interface ComparisonRow {
  /** Answer strategy. */
  answer: string;
  /** Grid values of the row. */
  grid: Record<string, number | string | boolean>;
  /** The row of design a. */
  a: DiagnosisRow;
  /** The row of design b. */
  b: DiagnosisRow;
  /** b − a, with the MCSE of the difference (independent simulations: √(mcse_a² + mcse_b²)). */
  /** Power of b − power of a. */
  power_diff: number | null;
  /** Monte Carlo SE of the power difference. */
  power_diff_mcse: number | null;
  /** Bias of b − bias of a. */
  bias_diff: number | null;
  /** Monte Carlo SE of the bias difference. */
  bias_diff_mcse: number | null;
  /** RMSE of b − RMSE of a. */
  rmse_diff: number | null;
  /** Monte Carlo SE of the RMSE difference. */
  rmse_diff_mcse: number | null;
}

function diff(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : b - a;
}

/**
 * Put two designs side by side: rows of `a` and `b` matched on answer strategy and grid values
 * (matching by position when the grids differ). Differences are b − a with MCSEs.
 * @example compareDesigns(rowsRct, rowsCohort)[0].bias_diff
 */
export function compareDesigns(a: readonly DiagnosisRow[], b: readonly DiagnosisRow[]): ComparisonRow[] {
  const key = (r: DiagnosisRow) => `${r.answer}|${JSON.stringify(r.grid)}`;
  const bByKey = new Map(b.map((r) => [key(r), r]));
  const out: ComparisonRow[] = [];
  a.forEach((ra, i) => {
    const rb = bByKey.get(key(ra)) ?? b.filter((r) => r.answer === ra.answer)[0] ?? b[i];
    if (!rb) return;
    const se = (x: number | null, y: number | null) => (x === null || y === null ? null : Math.sqrt(x * x + y * y));
    out.push({
      answer: ra.answer,
      grid: ra.grid,
      a: ra,
      b: rb,
      power_diff: diff(ra.power, rb.power),
      power_diff_mcse: se(ra.power_mcse, rb.power_mcse),
      bias_diff: diff(ra.bias, rb.bias),
      bias_diff_mcse: se(ra.bias_mcse, rb.bias_mcse),
      rmse_diff: diff(ra.rmse, rb.rmse),
      rmse_diff_mcse: se(ra.rmse_mcse, rb.rmse_mcse),
    });
  });
  return out;
}

/** Context the GRADE heuristic needs besides the diagnosands. */
export interface GradeContext {
  /** MCID on the scale of the estimate. */
  mcid: number;
  /** Participants in the simulated study. */
  n: number;
  /** Optimal information size (participants needed for 80% power at the MCID, two-sided 5%). */
  ois: number;
  /**
   * Share of the personalised PROM's standardised effect that the analysed instrument shows
   * (1 = no dilution); null when not applicable.
   */
  dilution: number | null;
}

/** One GRADE domain judged by the heuristic. */
export interface GradeItem {
  /** The GRADE domain. */
  domain: "risk of bias" | "imprecision" | "indirectness";
  /** The level of concern. */
  concern: "no serious" | "serious" | "very serious";
  /** Why, in words with the numbers. */
  reason: string;
}

/**
 * @deprecated Use {@link certainty} (certainty.ts): it adds the starting level by design,
 * indirectness from comparator, population and outcome (not from PROM dilution alone),
 * inconsistency, and "what would change this rating". Kept so that old callers compile.
 *
 * Map diagnosands to GRADE domains — the toolkit's heuristic, NOT GRADE itself:
 * - risk of bias: |bias| < 0.25·MCID (or within 2 MCSE of 0) no serious; < 0.5·MCID serious; else very serious;
 * - imprecision: serious if the mean CI width exceeds the MCID or n < OIS; very serious if both;
 * - indirectness (PROM dilution): serious if the instrument shows < 70% of the personalised PROM's
 *   standardised effect, very serious under 40%.
 * @example gradeHeuristic(row, { mcid: 2, n: 100, ois: 64, dilution: 1 })[0].domain // "risk of bias"
 */
export function gradeHeuristic(d: Diagnosis, ctx: GradeContext): GradeItem[] {
  const out: GradeItem[] = [];
  const fmt = (x: number) => fmtNum(x, Math.abs(x) >= 10 ? 1 : 2);
  if (d.bias !== null) {
    const b = Math.abs(d.bias);
    const noise = 2 * (d.bias_mcse ?? 0);
    const concern = b < 0.25 * ctx.mcid || b <= noise ? "no serious" : b < 0.5 * ctx.mcid ? "serious" : "very serious";
    out.push({
      domain: "risk of bias",
      concern,
      reason: `bias ${fmt(d.bias)} against an MCID of ${fmt(ctx.mcid)} (${
        Math.round((100 * b) / ctx.mcid)
      }% of the MCID)`,
    });
  }
  if (d.mean_ci_width !== null) {
    const wide = d.mean_ci_width > ctx.mcid, small = ctx.n < ctx.ois;
    out.push({
      domain: "imprecision",
      concern: wide && small ? "very serious" : wide || small ? "serious" : "no serious",
      reason: `mean CI width ${fmt(d.mean_ci_width)} ${wide ? ">" : "<="} MCID ${fmt(ctx.mcid)}; n = ${ctx.n} ${
        small ? "<" : ">="
      } optimal information size ${Math.ceil(ctx.ois)}`,
    });
  }
  if (ctx.dilution !== null) {
    const r = ctx.dilution;
    out.push({
      domain: "indirectness",
      concern: r < 0.4 ? "very serious" : r < 0.7 ? "serious" : "no serious",
      reason: `the outcome shows ${Math.round(100 * r)}% of the standardised effect a personalised PROM would show`,
    });
  }
  return out;
}

/**
 * @deprecated Use {@link certainty}. A plain-language summary of {@link gradeHeuristic}, labelled
 * as the toolkit's heuristic.
 * @example gradeSummary(items) // "Toolkit heuristic (not GRADE itself): risk of bias: no serious concern (...); ..."
 */
export function gradeSummary(items: readonly GradeItem[]): string {
  if (items.length === 0) return "Toolkit heuristic (not GRADE itself): nothing to judge.";
  return "Toolkit heuristic (not GRADE itself): " +
    items.map((i) => `${i.domain}: ${i.concern} concern (${i.reason})`).join("; ") + ".";
}
