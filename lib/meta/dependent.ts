/**
 * Several effect sizes from the same study: one call that fits the working model a methodologist
 * would choose for dependent effect sizes, with cluster-robust inference, and puts it next to the
 * naive analysis that treats every effect size as independent. Used by `analyseStudies` (hence
 * `deno task meta --cluster study ...`) and the multilevel notebook.
 *
 * Working models (`struct`), in metafor terms (`dat` one row per effect size):
 * - `"ML"`: `rma.mv(yi, vi, random = ~ 1 | cluster/obs)` (multilevel: effect sizes within studies);
 * - `"CHE"`: `V <- vcalc(vi, cluster, obs = obs, rho = rho)` then
 *   `rma.mv(yi, V, random = ~ 1 | cluster/obs)` (correlated and hierarchical effects);
 * - `"CS"`, `"HCS"`, `"UN"`: `rma.mv(yi, V, random = ~ outcome | cluster, struct = ...)` with `V` =
 *   `vi`, or `vcalc(vi, cluster, obs = obs, rho = rho)` when `rho` is given (multivariate);
 * and with `robust: true`, `robust(fit, cluster = cluster, clubSandwich = TRUE)` (CR2 with
 * Satterthwaite df, the HTZ test for the moderators). Numbers come from {@link rmaMv},
 * {@link vcalc} and {@link robust}, which reproduce metafor 3.8.1 and clubSandwich 0.5.8.
 * @module
 */
import { fail, ValidationError } from "../validate.ts";
import { normalizeLevel } from "../conventions.ts";
import { rma } from "./rma.ts";
import { rmaMods } from "./metareg.ts";
import { predictMv, rmaMv, type RmaMvInput, type RmaMvResult } from "./rmamv.ts";
import { vcalc } from "./vcalc.ts";
import { robust } from "./robust.ts";

/** Working model for dependent effect sizes (see the module documentation). */
export type DependenceStruct = "CHE" | "ML" | "CS" | "HCS" | "UN";

/** The working models, in a stable order. */
export const DEPENDENCE_STRUCTS: readonly DependenceStruct[] = ["CHE", "ML", "CS", "HCS", "UN"];

/** Input of {@link dependentEffects}. */
export interface DependentEffectsInput {
  /** Effect sizes, one per row (k). */
  yi: number[];
  /** Sampling variances (> 0), one per row. */
  vi: number[];
  /** Cluster (study) id of each row: the outer random effect and the cluster of the robust step. */
  cluster: (string | number)[];
  /** Effect-size id within the cluster (default: every row its own, as metafor's `esid = 1:k`). */
  obs?: (string | number)[];
  /** Outcome of each row, for the multivariate structures CS, HCS and UN. */
  outcome?: (string | number)[];
  /** Working model; default "CHE" when `rho` is given, otherwise "ML". */
  struct?: DependenceStruct;
  /** Assumed correlation of sampling errors within a cluster (vcalc); required for CHE. */
  rho?: number;
  /** Moderators: named columns (numbers, or strings for factors). */
  mods?: Record<string, number[] | string[]>;
  /** "REML" (default) or "ML". */
  method?: "REML" | "ML";
  /** "z" (default) or "t" (metafor's `test = "t"`, df = k - p). */
  test?: "z" | "t";
  /** Confidence level in percent (95) or as a proportion (0.95); default 95. */
  level?: number;
  /** Add CR2 cluster-robust inference (clubSandwich), default false. */
  robust?: boolean;
  /** Names of the cluster and obs factors in `s_names` (default "study" and "esid"). */
  names?: { cluster?: string; obs?: string };
}

/** Cluster-robust (CR2) inference of {@link DependentEffectsResult}: clubSandwich's numbers. */
export interface DependentRobust {
  /** Robust standard errors. */
  se: number[];
  /** t statistics. */
  tval: number[];
  /** Satterthwaite degrees of freedom per coefficient. */
  df: number[];
  /** p-values (null where the df are not positive). */
  pval: (number | null)[];
  /** Lower confidence bounds (null where the df are not positive). */
  ci_lb: (number | null)[];
  /** Upper confidence bounds. */
  ci_ub: (number | null)[];
  /** HTZ Wald F of the moderators (0 without moderators). */
  QM: number;
  /** Its numerator and denominator df. */
  QMdf: [number, number];
  /** Its p-value (null when the test breaks down or there are no moderators). */
  QMp: number | null;
  /** Number of clusters. */
  n_clusters: number;
}

/** One line of the comparison table: the first coefficient under each way of analysing. */
export interface DependenceRow {
  /** "naive" (every effect size independent), "multilevel" (~ 1 | cluster/obs), the chosen model, and "<model> + CR2". */
  model: string;
  /** A readable description. */
  label: string;
  /** Estimate. */
  beta: number;
  /** Standard error. */
  se: number;
  /** Lower confidence bound (null when the robust df are not positive). */
  ci_lb: number | null;
  /** Upper confidence bound. */
  ci_ub: number | null;
  /** p-value. */
  pval: number | null;
  /** Degrees of freedom of the test (null for z). */
  df: number | null;
}

/** Result of {@link dependentEffects}: the fit in metafor's names, the robust step, the comparison. */
export interface DependentEffectsResult {
  /** The working model fitted. */
  struct: DependenceStruct;
  /** The assumed sampling correlation used to build V (null: V = diag(vi)). */
  vcalc_rho: number | null;
  /** Estimation method. */
  method: "REML" | "ML";
  /** Test of the model-based inference. */
  test: "z" | "t";
  /** Confidence level in percent. */
  level: number;
  /** Number of effect sizes. */
  k: number;
  /** Number of clusters. */
  n_clusters: number;
  /** Coefficient names. */
  coef_names: string[];
  /** Coefficients. */
  beta: number[];
  /** Model-based standard errors. */
  se: number[];
  /** z or t statistics. */
  zval: number[];
  /** p-values. */
  pval: number[];
  /** Lower confidence bounds. */
  ci_lb: number[];
  /** Upper confidence bounds. */
  ci_ub: number[];
  /** Variance components of the nested intercepts (ML, CHE): [cluster, cluster/obs]. */
  sigma2: number[];
  /** Their names. */
  s_names: string[];
  /** τ² of the `~ outcome | cluster` term (CS: one; HCS, UN: one per outcome). */
  tau2: number[];
  /** Correlation(s) of the `~ outcome | cluster` term (metafor's `rho`; empty for ML, CHE). */
  rho: number[];
  /** Outcome levels of `tau2` (sorted as R does in the C locale). */
  g_levels: string[];
  /** Residual heterogeneity test (uses V only, as metafor). */
  QE: number;
  /** Its df (k - p). */
  QEdf: number;
  /** Its p-value. */
  QEp: number;
  /** Omnibus test of the moderators (chi² for z, F for t). */
  QM: number;
  /** Its df. */
  QMdf: [number, number | null];
  /** Its p-value. */
  QMp: number;
  /** Prediction interval of an intercept-only ML/CHE model (total heterogeneity); null otherwise. */
  pi_lb: number | null;
  /** Upper bound of that prediction interval. */
  pi_ub: number | null;
  /** CR2 inference, when asked for. */
  robust: DependentRobust | null;
  /** First coefficient under naive pooling, the multilevel model, the chosen model and CR2. */
  comparison: DependenceRow[];
  /** The full rma.mv fit (vb, G, fit statistics, ...). */
  fit: RmaMvResult;
  /** Warnings of the fit. */
  warnings: string[];
}

const TOOL = "dependentEffects";

/**
 * Fit a model for dependent effect sizes (several per study) and compare it with naive pooling.
 *
 * @example
 * ```ts
 * import { dependentEffects } from "./dependent.ts";
 * const res = dependentEffects({
 *   yi: [0.2, 0.4, 0.1, 0.6, 0.5, 0.3, 0.9, 0.7, 0.4, 0.2],
 *   vi: [0.02, 0.03, 0.02, 0.04, 0.03, 0.02, 0.05, 0.04, 0.03, 0.02],
 *   cluster: [1, 1, 2, 2, 3, 3, 4, 4, 5, 5], rho: 0.6, robust: true,
 * });
 * if (res.struct !== "CHE" || res.comparison.map((r) => r.model).join() !== "naive,multilevel,CHE,CHE + CR2") {
 *   throw new Error("comparison");
 * }
 * if (res.robust === null || !(res.robust.df[0] > 0 && res.robust.df[0] < 5)) throw new Error("CR2 df below the 5 clusters");
 * ```
 */
export function dependentEffects(input: DependentEffectsInput): DependentEffectsResult {
  if (input === null || typeof input !== "object") fail(TOOL, "input", "must be an object", input);
  const { yi, vi, cluster } = input;
  if (!Array.isArray(yi) || !Array.isArray(vi)) fail(TOOL, "yi", "yi and vi must be arrays of numbers");
  const k = yi.length;
  if (!Array.isArray(cluster) || cluster.length !== k) {
    fail(
      TOOL,
      "cluster",
      `must have ${k} ids (one per effect size)`,
      Array.isArray(cluster) ? cluster.length : cluster,
    );
  }
  const rho = input.rho;
  if (rho !== undefined && !(typeof rho === "number" && rho >= -1 && rho <= 1)) {
    fail(TOOL, "rho", "must be a correlation in [-1, 1]", rho);
  }
  const struct: DependenceStruct = input.struct ?? (rho !== undefined ? "CHE" : "ML");
  if (!DEPENDENCE_STRUCTS.includes(struct)) {
    fail(TOOL, "struct", `must be one of ${DEPENDENCE_STRUCTS.join(", ")}`, struct);
  }
  if (struct === "CHE" && rho === undefined) {
    fail(
      TOOL,
      "rho",
      "is required for the CHE model (the assumed correlation of effect sizes within a study, e.g. 0.6)",
    );
  }
  if (struct === "ML" && rho !== undefined) {
    fail(TOOL, "rho", 'applies to CHE (or CS/HCS/UN), not to "ML", whose V is diag(vi); use struct "CHE"', rho);
  }
  const multivariate = struct === "CS" || struct === "HCS" || struct === "UN";
  if (multivariate && input.outcome === undefined) {
    fail(TOOL, "outcome", `is required for struct "${struct}" (the random effects are ~ outcome | cluster)`);
  }
  if (!multivariate && input.outcome !== undefined) {
    fail(TOOL, "outcome", `applies to the multivariate structures CS, HCS and UN, not to "${struct}"`);
  }
  if (input.outcome !== undefined && (!Array.isArray(input.outcome) || input.outcome.length !== k)) {
    fail(TOOL, "outcome", `must have ${k} values (one per effect size)`);
  }
  if (input.obs !== undefined && (!Array.isArray(input.obs) || input.obs.length !== k)) {
    fail(TOOL, "obs", `must have ${k} ids (one per effect size)`);
  }
  const level = normalizeLevel(input.level ?? 95, TOOL);
  const method = input.method ?? "REML";
  const test = input.test ?? "z";
  const obs = input.obs ?? yi.map((_, i) => i + 1);
  const nClusters = new Set(cluster.map(String)).size;
  if (nClusters < 2) fail(TOOL, "cluster", "must have at least 2 different clusters", nClusters);

  // rows sharing (cluster, obs) are one observation for vcalc (correlation 1) and share a random effect
  const extraWarnings: string[] = [];
  if (input.obs !== undefined) {
    const seen = new Map<string, number>();
    const dups: string[] = [];
    obs.forEach((o, i) => {
      const key = `${cluster[i]}\u0000${o}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else if (dups.length < 5) dups.push(`rows ${first + 1} and ${i + 1} (cluster ${cluster[i]}, obs ${o})`);
    });
    if (dups.length && rho !== undefined) {
      fail(
        TOOL,
        "obs",
        `repeats an id within a cluster (${dups.join("; ")}): vcalc gives those rows sampling correlation 1, ` +
          "so V is singular; give each effect size its own id (or omit obs)",
      );
    }
    if (dups.length) {
      extraWarnings.push(
        `effect sizes share an obs id within a cluster: ${dups.join("; ")}; they are treated as the same ` +
          "observation (one random effect" + (rho === undefined ? "" : ", sampling correlation 1 in V") +
          "), as metafor does — give each effect size its own id if they are different outcomes",
      );
    }
  }
  if (rho !== undefined) {
    // V's block of a cluster with n effect sizes is D R D with R equicorrelated: positive definite iff -1/(n-1) < rho < 1
    const size = new Map<string, number>();
    cluster.forEach((c) => size.set(String(c), (size.get(String(c)) ?? 0) + 1));
    const [big, n] = [...size].reduce((a, b) => (b[1] > a[1] ? b : a));
    if (n >= 2 && !(rho < 1 && 1 + (n - 1) * rho > 0)) {
      fail(
        TOOL,
        "rho",
        `makes V singular or not positive definite: cluster ${big} has ${n} effect sizes, which needs ` +
          `${(-1 / (n - 1)).toFixed(4)} < rho < 1`,
        rho,
      );
    }
  }
  const hasMods = input.mods !== undefined && Object.keys(input.mods).length > 0;
  const V = rho === undefined ? vi : vcalc({ vi, cluster, obs, rho });
  const random: RmaMvInput["random"] = multivariate
    ? { inner: input.outcome!, outer: cluster, struct }
    : { nested: [cluster, obs], names: [input.names?.cluster ?? "study", input.names?.obs ?? "esid"] };
  const base = { yi, mods: hasMods ? input.mods : undefined, method, test, level };
  const fit = rmaMv({ ...base, V, random });
  let rob: ReturnType<typeof robust> | null = null;
  if (input.robust) {
    try {
      rob = robust(fit, { cluster, clubSandwich: true, level });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      fail(TOOL, "robust", `CR2 cannot be computed for these data: ${e.issues.map((i) => i.rule).join("; ")}`);
    }
  }

  // prediction interval of an intercept-only nested model (pred ± crit sqrt(se² + Σ sigma2))
  let pi_lb: number | null = null, pi_ub: number | null = null;
  if (!hasMods && !multivariate) {
    const pr = predictMv(fit);
    pi_lb = pr.pi_lb[0];
    pi_ub = pr.pi_ub[0];
  }

  const first = (
    label: string,
    model: string,
    f: { beta: number[]; se: number[]; ci_lb: number[]; ci_ub: number[]; pval: number[]; ddf?: number[] | null },
  ): DependenceRow => ({
    model,
    label,
    beta: f.beta[0],
    se: f.se[0],
    ci_lb: f.ci_lb[0],
    ci_ub: f.ci_ub[0],
    pval: f.pval[0],
    df: f.ddf ? f.ddf[0] : null,
  });
  const comparison: DependenceRow[] = [];
  const uniTest = test === "t" ? "knha" : "z";
  if (hasMods) {
    const n = rmaMods({ yi, vi, mods: input.mods!, method, test: uniTest, level });
    comparison.push(
      first("every effect size independent (rma)", "naive", { ...n, ddf: n.ddf === null ? null : [n.ddf] }),
    );
  } else {
    const n = rma({ yi, vi, method, test: uniTest, level });
    comparison.push({
      model: "naive",
      label: "every effect size independent (rma)",
      beta: n.beta,
      se: n.se,
      ci_lb: n.ci_lb,
      ci_ub: n.ci_ub,
      pval: n.pval,
      df: n.ddf,
    });
  }
  const ml = struct === "ML" ? fit : rmaMv({ ...base, V: vi, random: { nested: [cluster, obs] } });
  comparison.push(first("effect sizes within studies (~ 1 | study/esid)", "multilevel", ml));
  if (struct !== "ML") {
    const what = struct === "CHE"
      ? `CHE: V with rho = ${rho}, ~ 1 | study/esid`
      : `~ outcome | study, struct ${struct}${rho === undefined ? "" : `, V with rho = ${rho}`}`;
    comparison.push(first(what, struct, fit));
  }
  if (rob) {
    comparison.push({
      model: `${struct} + CR2`,
      label: `cluster-robust CR2 (clubSandwich), Satterthwaite df, ${rob.n_clusters} clusters`,
      beta: rob.beta[0],
      se: rob.se[0],
      ci_lb: rob.ci_lb[0],
      ci_ub: rob.ci_ub[0],
      pval: rob.pval[0],
      df: rob.df[0],
    });
  }
  return {
    struct,
    vcalc_rho: rho ?? null,
    method,
    test,
    level,
    k,
    n_clusters: nClusters,
    coef_names: fit.coef_names,
    beta: fit.beta,
    se: fit.se,
    zval: fit.zval,
    pval: fit.pval,
    ci_lb: fit.ci_lb,
    ci_ub: fit.ci_ub,
    sigma2: fit.sigma2,
    s_names: fit.s_names,
    tau2: fit.tau2,
    rho: fit.rho,
    g_levels: fit.g_levels,
    QE: fit.QE,
    QEdf: fit.QEdf,
    QEp: fit.QEp,
    QM: fit.QM,
    QMdf: fit.QMdf,
    QMp: fit.QMp,
    pi_lb,
    pi_ub,
    robust: rob === null ? null : {
      se: rob.se,
      tval: rob.tval,
      df: rob.df,
      pval: rob.pval,
      ci_lb: rob.ci_lb,
      ci_ub: rob.ci_ub,
      QM: rob.QM,
      QMdf: rob.QMdf,
      QMp: rob.QMp,
      n_clusters: rob.n_clusters,
    },
    comparison,
    fit,
    warnings: [...extraWarnings, ...fit.warnings],
  };
}

/**
 * One reported number, as the evidence engine's `Estimate` rows carry it, with the columns as in the
 * file `estimates.csv` (`lower`, `upper`); extra fields are ignored.
 */
export interface ReportedEffect {
  /** Study id (the cluster). */
  study_id: string;
  /** What the number is (e.g. "smd", "es", "md"). */
  statistic: string;
  /** Outcome (may be empty). */
  outcome: string;
  /** Instrument (may be empty). */
  instrument: string;
  /** The number (null when not reported). */
  value: number | null;
  /** Lower bound of its CI (null when not reported). */
  lower: number | null;
  /** Upper bound of its CI (null when not reported). */
  upper: number | null;
  /** What lower/upper are ("ci95", "range" or ""). */
  interval: string;
}

/** One study and effect-size scale of {@link dependenceInventory}. */
export interface DependenceInventoryRow {
  /** Study id. */
  study_id: string;
  /** Scale: a standardised statistic ("smd", "es", "d", "g") or "md (<instrument>)" for raw differences. */
  scale: string;
  /** Effect sizes reported on that scale. */
  k: number;
  /** Of which with a 95% CI (a sampling variance can be derived). */
  with_ci: number;
  /** Distinct outcomes among them. */
  outcomes: number;
}

/** Result of {@link dependenceInventory}. */
export interface DependenceInventory {
  /** Studies and scales with at least 2 effect sizes (the multi-outcome rows). */
  rows: DependenceInventoryRow[];
  /**
   * Scales on which a dependent-effects model could be fitted: at least 2 studies with an effect
   * size with a CI, and at least one study with several of them.
   */
  poolable: { scale: string; studies: number; k: number }[];
  /** Why the scales with multi-outcome rows are not poolable (one sentence each). */
  reasons: string[];
}

const STANDARDISED = new Set(["smd", "es", "d", "g"]);

/**
 * Which reported effect sizes are several per study, and whether a dependent-effects model could
 * use them: it needs effect sizes on one scale (standardised, or raw differences on the same
 * instrument) with CIs (so that vi can be derived) in at least 2 studies.
 *
 * @example
 * ```ts
 * import { dependenceInventory } from "./dependent.ts";
 * const row = (study_id: string, outcome: string, lower: number | null) =>
 *   ({ study_id, statistic: "es", outcome, instrument: "", value: 0.5, lower, upper: lower === null ? null : 0.9, interval: lower === null ? "" : "ci95" });
 * const inv = dependenceInventory([row("a", "pain", 0.1), row("a", "PDI", 0.2), row("b", "pain", null)]);
 * if (inv.rows.length !== 1 || inv.poolable.length !== 0) throw new Error("one study with CIs: not poolable");
 * ```
 */
export function dependenceInventory(effects: readonly ReportedEffect[]): DependenceInventory {
  const tool = "dependenceInventory";
  if (!Array.isArray(effects)) fail(tool, "effects", "must be an array of reported effects", effects);
  const groups = new Map<
    string,
    { study_id: string; scale: string; k: number; with_ci: number; outcomes: Set<string> }
  >();
  effects.forEach((e, i) => {
    if (e === null || typeof e !== "object" || typeof e.study_id !== "string" || typeof e.statistic !== "string") {
      fail(tool, `effects[${i}]`, "must have study_id and statistic (text)", e);
    }
    const stat = e.statistic.toLowerCase();
    if (!STANDARDISED.has(stat) && stat !== "md") return;
    if (e.value === null && e.lower === null) return;
    const scale = STANDARDISED.has(stat) ? stat : `md (${e.instrument || e.outcome || "unknown instrument"})`;
    const key = `${e.study_id}\u0000${scale}`;
    const g = groups.get(key) ?? { study_id: e.study_id, scale, k: 0, with_ci: 0, outcomes: new Set<string>() };
    g.k++;
    if (e.interval === "ci95" && e.lower !== null && e.upper !== null && e.upper > e.lower) g.with_ci++;
    g.outcomes.add(e.outcome);
    groups.set(key, g);
  });
  const all = [...groups.values()];
  const rows = all.filter((g) => g.k >= 2).map((g) => ({
    study_id: g.study_id,
    scale: g.scale,
    k: g.k,
    with_ci: g.with_ci,
    outcomes: g.outcomes.size,
  }));
  const scales = [...new Set(all.map((g) => g.scale))];
  const poolable: DependenceInventory["poolable"] = [];
  const reasons: string[] = [];
  for (const scale of scales) {
    const gs = all.filter((g) => g.scale === scale && g.with_ci > 0);
    const multi = all.some((g) => g.scale === scale && g.k >= 2);
    if (!multi) continue;
    if (gs.length >= 2 && gs.some((g) => g.with_ci >= 2)) {
      poolable.push({ scale, studies: gs.length, k: gs.reduce((s, g) => s + g.with_ci, 0) });
    } else {
      const studies = all.filter((g) => g.scale === scale).map((g) => g.study_id);
      reasons.push(
        `${scale}: ${
          gs.length === 0
            ? "no effect size has a 95% CI (no sampling variance)"
            : `only ${gs.length} study (${gs.map((g) => g.study_id).join(", ")}) reports CIs`
        }` +
          ` — studies ${[...new Set(studies)].join(", ")}`,
      );
    }
  }
  return { rows, poolable, reasons };
}
