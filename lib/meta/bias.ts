/**
 * Small-study effects and publication bias: Egger's regression test (metafor's `regtest()` with
 * its defaults: the model of the fit with the standard error as moderator) and trim-and-fill
 * (metafor's `trimfill()`, L0 or R0 estimator of the number of missing studies).
 *
 * @example
 * ```ts
 * import { regtest, trimfill } from "./bias.ts";
 * import { rma } from "./rma.ts";
 * // an exactly symmetric funnel: no asymmetry, no missing studies
 * const fit = rma({ yi: [0.3, 0.7, 0.4, 0.6, 0.5], vi: [0.1, 0.1, 0.02, 0.02, 0.01], method: "FE" });
 * if (Math.abs(regtest(fit).zval) > 1e-9) throw new Error("Egger");
 * if (trimfill(fit).k0 !== 0) throw new Error("trim-and-fill");
 * ```
 * @module
 */
import { fail, ValidationError } from "../validate.ts";
import { normalizeLevel } from "../conventions.ts";
import { rmaFit, type RmaResult } from "./rma.ts";
import { rmaX } from "./metareg.ts";
import { type ZeroViRows, zeroViWarnings } from "./_validate.ts";

/** Result of {@link regtest}. */
export interface RegtestResult {
  /** Test statistic of the sei coefficient (z, or t under knha). */
  zval: number;
  /** Its two-sided p-value (Egger's test). */
  pval: number;
  /** df of the t test under knha, null for z. */
  ddf: number | null;
  /** Limit estimate: the intercept (the expected effect as the standard error goes to 0). */
  est: number;
  /** Lower confidence bound of the limit estimate. */
  ci_lb: number;
  /** Upper confidence bound of the limit estimate. */
  ci_ub: number;
  /** Confidence level in percent. */
  level: number;
  /** Slope on sei (the asymmetry coefficient). */
  slope: number;
  /** Standard error of the slope. */
  slope_se: number;
  /**
   * metafor's warnings of the refit (with some vi = 0: "There are outcomes with non-positive sampling
   * variances", "Cannot compute QE-test, I^2, or H^2 ..."); empty otherwise.
   */
  warnings: string[];
}

function checkFit(fit: RmaResult, context: string): void {
  if (fit === null || typeof fit !== "object" || fit.model !== "rma.uni" || !Array.isArray(fit.yi)) {
    fail(context, "fit", "must be a result of rma()", typeof fit);
  }
}

/**
 * vi = 0 as metafor: a refit whose τ² ends at 0 while some vi = 0 stops ("Division by zero when
 * computing the inverse variance weights"), as metafor's `regtest`/`trimfill` stop inside `rma.uni`.
 * The refit names rows in its own order; this says which fit stopped and names the user's rows.
 */
function refitting<T>(run: () => T, tool: string, vi: readonly number[], method: string, rows: ZeroViRows): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ValidationError && e.issues[0]?.path === "vi" && e.issues[0]?.received === 0) {
      zeroViWarnings(tool, vi, 0, method, true, rows); // throws, naming the user's rows
    }
    throw e;
  }
}

const userRow = (i: number): number => i + 1;

/**
 * Egger's regression test for funnel-plot asymmetry: refit the model with sei = sqrt(vi) as
 * moderator (same method and test) and test its coefficient. Needs k >= 3.
 * With some vi = 0 (accepted by {@link rma} as metafor does) the refit warns as metafor's
 * `regtest` does (`warnings`), and stops, as metafor, when its τ² is 0 (an infinite weight).
 * @example regtest(rma({ yi, vi })).pval
 */
export function regtest(fit: RmaResult): RegtestResult {
  checkFit(fit, "regtest");
  if (fit.k < 3) fail("regtest", "fit.k", "must be >= 3 for a regression test", fit.k);
  const X = fit.vi.map((v) => [1, Math.sqrt(v)]);
  const r = refitting(
    () => rmaX(fit.yi, fit.vi, X, ["intrcpt", "sei"], fit.method, fit.test, fit.level, fit.slab, true, "regtest"),
    "regtest",
    fit.vi,
    fit.method,
    { label: userRow, fit: "the refit with sei as moderator" },
  );
  return {
    zval: r.zval[1],
    pval: r.pval[1],
    ddf: r.ddf,
    est: r.beta[0],
    ci_lb: r.ci_lb[0],
    ci_ub: r.ci_ub[0],
    level: r.level,
    slope: r.beta[1],
    slope_se: r.se[1],
    warnings: r.warnings,
  };
}

/** R's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** Result of {@link trimfill}: the model fitted to the filled-in data, plus k0 and side. */
export interface TrimfillResult {
  /** Estimated number of missing studies. */
  k0: number;
  /** Standard error of k0. */
  se_k0: number;
  /** Side on which studies were imputed. */
  side: "left" | "right";
  /** The estimator of k0. */
  estimator: "L0" | "R0";
  /** The fit to observed + filled studies (its slab marks filled ones as "Filled 1", ...). */
  fit: RmaResult;
  /** true for imputed studies, in the order of fit.yi. */
  fill: boolean[];
  /**
   * How the filled-in data were refitted: "metafor" (test "z", level 95 unless `level` is given,
   * as metafor's `trimfill`) or "fit" (the fit's own test and level, on request).
   */
  refit: "metafor" | "fit";
}

/** Options of {@link trimfill}. */
export interface TrimfillOptions {
  /** Side on which to impute studies; estimated when not given (needs k >= 3). */
  side?: "left" | "right";
  /** Estimator of the number of missing studies, "L0" (default) or "R0". */
  estimator?: "L0" | "R0";
  /** Maximum number of trim-and-fill iterations (default 100). */
  maxiter?: number;
  /**
   * Confidence level of the refit (95 or 0.95). Default 95 with `refit: "metafor"` (metafor ignores
   * the fit's level), the fit's level with `refit: "fit"`.
   */
  level?: number;
  /**
   * "metafor" (default): refit the filled-in data with test "z" and level 95 whatever the fit's
   * test and level, as metafor's `trimfill` does (a Knapp-Hartung fit gives z-based results).
   * "fit": keep the fit's test ("knha" stays "knha") and level; say so when reporting.
   */
  refit?: "metafor" | "fit";
}

/**
 * Duval & Tweedie's trim-and-fill method, as metafor's `trimfill(fit)`.
 * The side is estimated, as metafor does, from the sign of the slope of yi on sqrt(vi). As metafor,
 * the filled-in data are refitted with the fit's τ² estimator but test "z" and level 95 (so a
 * Knapp-Hartung fit gives z-based results); `refit: "fit"` keeps the fit's test and level instead.
 * When no study is imputed (k0 = 0) the fit is returned unchanged, as metafor does.
 * With some vi = 0 (accepted by {@link rma} as metafor does) trim-and-fill runs as metafor's: a
 * refit whose τ² is 0 stops (an infinite weight), naming the fit and the user's rows; the refit of the
 * filled-in data carries the vi = 0 warnings in `fit.warnings` (metafor computes them too, but
 * suppresses them there, as the fit itself has warned).
 * @example trimfill(rma({ yi, vi, method: "FE" })).k0
 */
export function trimfill(fit: RmaResult, options: TrimfillOptions = {}): TrimfillResult {
  let { side } = options;
  const { estimator = "L0", maxiter = 100, refit = "metafor" } = options ?? {};
  checkFit(fit, "trimfill");
  if (fit.k < 2) fail("trimfill", "fit.k", "must be >= 2 (stopped because k = 1)", fit.k);
  if (fit.k < 3 && side === undefined) {
    fail(
      "trimfill",
      "fit.k",
      `must be >= 3 to estimate the side of the missing studies (a regression on the standard errors); ` +
        `with k = ${fit.k} give side: "left" or "right"`,
      fit.k,
    );
  }
  if (side !== undefined && side !== "left" && side !== "right") {
    fail("trimfill", "side", 'must be "left" or "right"', side);
  }
  if (estimator !== "L0" && estimator !== "R0") fail("trimfill", "estimator", 'must be "L0" or "R0"', estimator);
  if (refit !== "metafor" && refit !== "fit") fail("trimfill", "refit", 'must be "metafor" or "fit"', refit);
  const { method } = fit;
  const level = normalizeLevel(options?.level ?? (refit === "fit" ? fit.level : 95), "trimfill");
  const refitTest = refit === "fit" ? fit.test : "z";
  if (side === undefined) {
    const X = fit.vi.map((v) => [1, Math.sqrt(v)]);
    const r = refitting(
      () => rmaX(fit.yi, fit.vi, X, ["intrcpt", "sei"], method, "z", level, fit.slab, true, "trimfill"),
      "trimfill",
      fit.vi,
      method,
      { label: userRow, fit: "the regression of yi on sqrt(vi) that estimates the side" },
    );
    side = r.beta[1] < 0 ? "right" : "left";
  }
  const k = fit.k;
  let yAll = fit.yi.map((y) => (side === "right" ? -y : y));
  const order = yAll.map((_, i) => i).sort((a, b) => yAll[a] - yAll[b] || a - b);
  yAll = order.map((i) => yAll[i]);
  const vAll = order.map((i) => fit.vi[i]);
  let k0sav = -1, k0 = 0, iter = 0, se_k0 = 0, beta = 0;
  let yc: number[] = [];
  while (Math.abs(k0 - k0sav) > 0) {
    k0sav = k0;
    iter++;
    if (iter > maxiter) fail("trimfill", "maxiter", "reached: trim-and-fill did not converge", maxiter);
    const n = k - k0;
    const ft = refitting(
      () => rmaFit(yAll.slice(0, n), vAll.slice(0, n), method, "z", level, yAll.slice(0, n).map(String), "trimfill"),
      "trimfill",
      vAll.slice(0, n),
      method,
      {
        label: (i) => order[i] + 1,
        fit: `the refit of the ${n} studies left after trimming ${k0} (iteration ${iter})`,
      },
    );
    beta = ft.beta;
    yc = yAll.map((y) => y - beta);
    // rank(abs(yc), ties.method = "first")
    const idx = yc.map((_, i) => i).sort((a, b) => Math.abs(yc[a]) - Math.abs(yc[b]) || a - b);
    const rank = new Array<number>(k);
    idx.forEach((i, r) => (rank[i] = r + 1));
    const srank = yc.map((e, i) => Math.sign(e) * rank[i]);
    if (estimator === "R0") {
      const negs = srank.filter((s) => s < 0).map((s) => -s);
      const mx = negs.length ? Math.max(...negs) : -Infinity;
      k0 = k - mx - 1;
      se_k0 = Math.sqrt(2 * Math.max(0, k0) + 2);
    } else {
      const Sr = srank.filter((s) => s > 0).reduce((a, b) => a + b, 0);
      k0 = (4 * Sr - k * (k + 1)) / (2 * k - 1);
      const varSr = (k * (k + 1) * (2 * k + 1) + 10 * k0 ** 3 + 27 * k0 ** 2 + 17 * k0 - 18 * k * k0 ** 2 -
        18 * k * k0 + 6 * k * k * k0) / 24;
      se_k0 = 4 * Math.sqrt(varSr) / (2 * k - 1);
    }
    k0 = Math.max(0, roundHalfEven(k0));
    se_k0 = Math.max(0, se_k0);
  }
  if (k0 > 0) {
    // mirror the k0 most extreme studies around the estimate (back on the original scale)
    const yc2 = side === "right" ? yc.map((e) => -(e - beta)) : yc.map((e) => e - beta);
    const yFill = fit.yi.concat(yc2.slice(k - k0).map((e) => -e));
    const vFill = fit.vi.concat(vAll.slice(k - k0));
    const slab = fit.slab.concat(Array.from({ length: k0 }, (_, j) => `Filled ${j + 1}`));
    const filled: ZeroViRows = {
      label: (i) => (i < k ? i + 1 : `Filled ${i - k + 1}`),
      fit: "the refit of the filled-in data",
    };
    const f = refitting(
      () => rmaFit(yFill, vFill, method, refitTest, level, slab, "trimfill"),
      "trimfill",
      vFill,
      method,
      filled,
    );
    // the filled studies have no row of their own: name them as their labels do
    f.warnings = zeroViWarnings("trimfill", vFill, f.tau2, method, true, filled);
    return { k0, se_k0, side, estimator, fit: f, fill: yFill.map((_, i) => i >= k), refit };
  }
  // k0 = 0: metafor returns the fit unchanged (its test and level); an explicit level is honoured
  const keepLevel = options?.level === undefined ? fit.level : level;
  const same = keepLevel === fit.level
    ? fit
    : rmaFit(fit.yi, fit.vi, method, fit.test, keepLevel, fit.slab, "trimfill");
  return { k0, se_k0, side, estimator, fit: same, fill: fit.yi.map(() => false), refit };
}
