/**
 * Design-comparable between-case standardised mean difference for single-case designs
 * (Hedges, Pustejovsky & Shadish 2012, 2013; Pustejovsky, Hedges & Shadish 2014), as the R
 * packages scdhlm (`calc_BCSMD`) and lmeInfo (`g_mlm`) compute it from a REML fit of the
 * hierarchical linear model of `hlm.ts`:
 *
 * - δ_AB = p'β / √(r'θ): the treatment effect at a chosen time (p'β) over the total
 *   (between-case plus within-case) SD at that time (r'θ), i.e. on the scale of a between-group SMD;
 * - ν = 2 (r'θ)² / (r' I⁻¹ r) with I the expected information of the variance components,
 *   κ² = p' Var(β̂) p / r'θ;
 * - g_AB = J(ν) δ_AB with Hedges' J(x) = 1 − 3/(4x − 1), its SE, and the symmetric interval
 *   g_AB ± t_{ν} SE.
 *
 * g_AB is the effect size a committee can put beside (and pool with) the SMDs of randomised
 * trials; the within-case SMD of `es.ts` cannot be.
 *
 * @example
 * ```ts
 * import { calcBCSMD } from "./bcsmd.ts";
 * const rows = [];
 * const starts = [4, 6, 8];
 * for (let c = 0; c < 3; c++) {
 *   for (let s = 1; s <= 12; s++) {
 *     const trt = s >= starts[c];
 *     rows.push({ case: `c${c}`, session: s, phase: trt ? "B" : "A", outcome: 10 + c + (trt ? 5 : 0) + ((s * 7 + c) % 5) - 2 });
 *   }
 * }
 * const r = calcBCSMD(rows, { design: "MBP", treatmentName: "B" });
 * if (!(r.g_AB > 1 && r.ci_lb < r.g_AB && r.g_AB < r.ci_ub && r.nu > 0)) throw new Error("g_AB");
 * ```
 * @module
 */
import { normalizeLevel } from "../conventions.ts";
import { fail, ValidationError } from "../validate.ts";
import { qt } from "../stats/distributions.ts";
import { fitScedHlm, type ScedCorStruct, type ScedHlmColumn, type ScedHlmFit, type ScedVarStruct } from "./hlm.ts";

export type { ScedCorStruct, ScedHlmFit, ScedNamedValues, ScedVarStruct } from "./hlm.ts";

const TOOL = "bcsmd";

/** Options of {@link gMlm}. */
export interface GMlmOptions {
  /** Weights of the fixed effects defining the treatment effect p'β (one per fixed effect). */
  pConst: readonly number[];
  /**
   * Weights of the variance components θ defining the total variance r'θ, in lmeInfo's order:
   * random-effect (co)variances, the correlation parameter, then — with phase-specific variances —
   * the SD ratio and the baseline σ² (lmeInfo's default), or with `separateVariances` the
   * baseline and treatment σ². See `theta_names` in the result.
   */
  rConst: readonly number[];
  /**
   * Phase-specific variances only: weight the two level-1 variances σ²_baseline, σ²_treatment
   * (lmeInfo's `separate_variances = TRUE`) instead of (SD ratio, σ²_baseline). Default false.
   */
  separateVariances?: boolean;
  /** Confidence level in percent (95) or as a proportion (0.95). Default 95. */
  level?: number;
}

/**
 * θ and its inverse information in lmeInfo's default parameterisation: with phase-specific
 * variances, (…, σ²_A, σ²_B) becomes (…, δ, σ²_A) with δ = σ_B/σ_A, and I⁻¹ is carried over by the
 * delta method, J I⁻¹ J'.
 */
function thetaFor(fit: ScedHlmFit, separate: boolean): { names: string[]; values: number[]; infoInv: number[][] } {
  if (fit.variance !== "het" || separate) {
    return { names: fit.theta.names, values: fit.theta.values, infoInv: fit.info_inv };
  }
  const r = fit.theta.values.length;
  const sA = fit.theta.values[r - 2], sB = fit.theta.values[r - 1];
  const delta = Math.sqrt(sB / sA);
  const J: number[][] = Array.from(
    { length: r },
    (_, i) => Array.from({ length: r }, (_, j) => (i === j && i < r - 2 ? 1 : 0)),
  );
  J[r - 2][r - 2] = -delta / (2 * sA); // dδ/dσ²_A
  J[r - 2][r - 1] = 1 / (2 * delta * sA); // dδ/dσ²_B
  J[r - 1][r - 2] = 1; // σ²_A
  const infoInv = J.map((Ji) =>
    J.map((Jk) => {
      let v = 0;
      for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) v += Ji[a] * fit.info_inv[a][b] * Jk[b];
      return v;
    })
  );
  return {
    names: [...fit.theta.names.slice(0, r - 2), "var_params", "sigma_sq"],
    values: [...fit.theta.values.slice(0, r - 2), delta, sA],
    infoInv,
  };
}

/** Result of {@link gMlm}: the effect size and its ingredients (names as lmeInfo's `g_mlm`). */
export interface GMlmResult {
  /** p'β, the treatment effect on the outcome scale. */
  p_beta: number;
  /** r'θ, the total variance. */
  r_theta: number;
  /** Unadjusted effect size p'β / √(r'θ). */
  delta_AB: number;
  /** SE of the unadjusted effect size (SE_g_AB / J(ν)). */
  SE_delta_AB: number;
  /** Degrees of freedom ν of the total-variance estimate. */
  nu: number;
  /** Small-sample correction J(ν) = 1 − 3/(4ν − 1). */
  J_nu: number;
  /** κ = √(p' Var(β̂) p / r'θ). */
  kappa: number;
  /** Bias-corrected effect size J(ν) δ_AB. */
  g_AB: number;
  /** SE of g_AB. */
  SE_g_AB: number;
  /** Lower bound of the symmetric interval g_AB − t_{ν} SE. */
  ci_lb: number;
  /** Upper bound of the symmetric interval g_AB + t_{ν} SE. */
  ci_ub: number;
  /** Confidence level in percent. */
  level: number;
  /** The p weights used. */
  p_const: number[];
  /** The r weights used. */
  r_const: number[];
  /** Names of the variance components the r weights apply to. */
  theta_names: string[];
}

const Jf = (x: number) => 1 - 3 / (4 * x - 1);

/**
 * Design-comparable effect size from a fitted HLM and the weights p (fixed effects) and r
 * (variance components), as lmeInfo's `g_mlm(fit, p_const, r_const, infotype = "expected")`.
 *
 * @example
 * ```ts
 * import { fitScedHlm } from "./hlm.ts";
 * import { gMlm } from "./bcsmd.ts";
 * const y = [4, 5, 4, 6, 9, 10, 9, 11, 3, 4, 3, 4, 5, 8, 9, 8, 5, 6, 5, 6, 6, 10, 11, 10];
 * const trt = y.map((_, i) => ((i % 8) >= [4, 5, 5][Math.floor(i / 8)] ? 1 : 0));
 * const fit = fitScedHlm({
 *   case: y.map((_, i) => Math.floor(i / 8)),
 *   time: y.map((_, i) => (i % 8) + 1),
 *   outcome: y,
 *   fixed: [{ name: "trt", values: trt }],
 * }, { correlation: "IID" });
 * const g = gMlm(fit, { pConst: [0, 1], rConst: [1, 1] });
 * if (Math.abs(g.delta_AB - g.p_beta / Math.sqrt(g.r_theta)) > 1e-12) throw new Error("delta");
 * ```
 */
export function gMlm(fit: ScedHlmFit, opts: GMlmOptions): GMlmResult {
  const th = thetaFor(fit, opts?.separateVariances ?? false);
  const p = fit.fixed.est.length, r = th.values.length;
  const pc = opts?.pConst, rc = opts?.rConst;
  if (!Array.isArray(pc) || pc.length !== p) {
    fail(TOOL, "pConst", `must have one weight per fixed effect (${p}: ${fit.fixed.names.join(", ")})`, pc?.length);
  }
  if (!Array.isArray(rc) || rc.length !== r) {
    fail(
      TOOL,
      "rConst",
      `must have one weight per variance component (${r}: ${fit.theta.names.join(", ")})`,
      rc?.length,
    );
  }
  for (const [name, v] of [["pConst", pc], ["rConst", rc]] as const) {
    v.forEach((x, i) => {
      if (typeof x !== "number" || !Number.isFinite(x)) {
        throw new ValidationError(TOOL, [{ path: `${name}[${i + 1}]`, rule: "must be a finite number", received: x }]);
      }
    });
  }
  const level = opts.level === undefined ? 95 : normalizeLevel(opts.level, TOOL, "level");
  const p_beta = pc.reduce((s, w, i) => s + w * fit.fixed.est[i], 0);
  const r_theta = rc.reduce((s, w, i) => s + w * th.values[i], 0);
  if (!(r_theta > 0)) fail(TOOL, "rConst", "must give a positive total variance r'θ", r_theta);
  const delta_AB = p_beta / Math.sqrt(r_theta);
  let pVp = 0;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) pVp += pc[i] * pc[j] * fit.vcov[i][j];
  const kappa_sq = pVp / r_theta;
  let rIr = 0;
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) rIr += rc[i] * rc[j] * th.infoInv[i][j];
  const nu = 2 * r_theta * r_theta / rIr;
  if (!(nu > 0.75) || !Number.isFinite(nu)) {
    fail(TOOL, "fit", "gives degrees of freedom ν ≤ 0.75: the total variance is not estimable from these data", nu);
  }
  const J_nu = Jf(nu);
  const g_AB = J_nu * delta_AB;
  const nuT = Math.max(nu, 2.001);
  const JT = Jf(nuT);
  const V = J_nu * J_nu * (nuT * kappa_sq / (nuT - 2) + g_AB * g_AB * (nuT / (nuT - 2) - 1 / (JT * JT)));
  const SE_g_AB = Math.sqrt(V);
  const tq = qt(1 - (1 - level / 100) / 2, nu);
  const out: GMlmResult = {
    p_beta,
    r_theta,
    delta_AB,
    SE_delta_AB: SE_g_AB / J_nu,
    nu,
    J_nu,
    kappa: Math.sqrt(kappa_sq),
    g_AB,
    SE_g_AB,
    ci_lb: g_AB - tq * SE_g_AB,
    ci_ub: g_AB + tq * SE_g_AB,
    level,
    p_const: Array.from(pc),
    r_const: Array.from(rc),
    theta_names: th.names,
  };
  for (const [k, v] of Object.entries(out)) {
    if (typeof v === "number" && !Number.isFinite(v)) fail(TOOL, k, "is not finite for this fit", v);
  }
  return out;
}

/** One observation of the long-format data of {@link calcBCSMD}. */
export interface BcsmdDataRow {
  /** Case (participant). */
  case: string | number;
  /** Session number (rounded to an integer, as scdhlm does). */
  session: number;
  /** Phase label (baseline or treatment). */
  phase: string;
  /** The outcome; null for a missing measurement (dropped). */
  outcome: number | null;
}

/** Single-case designs {@link calcBCSMD} knows: multiple baseline/probe (`MBP`) or treatment reversal (`TR`, ABAB). */
export type BcsmdDesign = "MBP" | "TR";

/** Options of {@link calcBCSMD} (defaults as scdhlm's `calc_BCSMD`). */
export interface CalcBcsmdOptions {
  /** `"MBP"` (multiple baseline/probe across participants) or `"TR"` (treatment reversal). */
  design: BcsmdDesign;
  /**
   * Label of the treatment phase. Default: the second phase label in order of appearance
   * (by case, then session) — pass it explicitly when the labels are not in that order.
   */
  treatmentName?: string;
  /** Session at which the time trends are centred. Default 0. */
  center?: number;
  /** Powers of (centred) session in the baseline fixed effects (0 = intercept). Default [0]. */
  feBase?: readonly number[];
  /** Powers of session in the baseline random effects (0 = random intercept). Default [0]. */
  reBase?: readonly number[];
  /** Powers of session-in-treatment in the treatment fixed effects (0 = level shift). Default [0]. */
  feTrt?: readonly number[];
  /** Powers of session-in-treatment in the treatment random effects. Default none. */
  reTrt?: readonly number[];
  /** Level-1 correlation structure. Default `"AR1"`. */
  corStruct?: ScedCorStruct;
  /** Level-1 variance structure. Default `"hom"`. */
  varStruct?: ScedVarStruct;
  /** Time A (last baseline session) at which the effect is evaluated. Default as scdhlm. */
  A?: number;
  /** Time B (A + treatment duration). Default as scdhlm. */
  B?: number;
  /** Confidence level in percent (95) or as a proportion. Default 95. */
  level?: number;
}

/** Result of {@link calcBCSMD}. */
export interface CalcBcsmdResult extends GMlmResult {
  /** AR(1) φ or MA(1) θ; null for independent errors. */
  phi: number | null;
  /** SD ratio treatment/baseline with `varStruct: "het"`, else null. */
  var_param: number | null;
  /** Intra-class correlation τ²₀₀ / (τ²₀₀ + σ²). */
  rho: number;
  /** Time A (null for TR designs). */
  A: number | null;
  /** Time B (null for TR designs). */
  B: number | null;
  /** The fitted model. */
  fit: ScedHlmFit;
  /** The model in lme notation (fixed, random, correlation). */
  model: { fixed: string; random: string; correlation: string };
  /** Whether the REML fit converged. */
  converged: boolean;
  /** Warnings from the fit. */
  warnings: string[];
}

/**
 * Default times A and B of scdhlm's `default_times` (MBP): A = the earliest last-baseline
 * session over cases; B = A + the treatment span of that case.
 *
 * @example
 * ```ts
 * import { bcsmdDefaultTimes } from "./bcsmd.ts";
 * const rows = [1, 2, 3, 4, 5, 6].flatMap((s) => [
 *   { case: "a", session: s, phase: s > 2 ? "B" : "A", outcome: s },
 *   { case: "b", session: s, phase: s > 4 ? "B" : "A", outcome: s },
 * ]);
 * const t = bcsmdDefaultTimes(rows, "B");
 * if (t.A !== 2 || t.B !== 6) throw new Error("times");
 * ```
 */
export function bcsmdDefaultTimes(rows: readonly BcsmdDataRow[], treatmentName: string): { A: number; B: number } {
  const byCase = new Map<string, { base: number[]; trt: number[] }>();
  for (const r of rows) {
    const k = String(r.case);
    if (!byCase.has(k)) byCase.set(k, { base: [], trt: [] });
    const s = Math.round(r.session);
    (r.phase === treatmentName ? byCase.get(k)!.trt : byCase.get(k)!.base).push(s);
  }
  let A = Infinity;
  for (const { base } of byCase.values()) if (base.length) A = Math.min(A, Math.max(...base));
  if (!Number.isFinite(A)) fail(TOOL, "phase", "no case has baseline observations", treatmentName);
  let span = Infinity;
  for (const { base, trt } of byCase.values()) {
    if (base.length && Math.max(...base) === A && trt.length) {
      span = Math.min(span, Math.max(...trt) - Math.min(...trt) + 1);
    }
  }
  if (!Number.isFinite(span)) {
    fail(TOOL, "phase", `the case(s) with the earliest baseline end have no ${treatmentName} observations`);
  }
  return { A, B: A + span };
}

function powersOf(name: string, v: readonly number[] | undefined, dflt: number[]): number[] {
  const out = v === undefined ? dflt : Array.from(v);
  out.forEach((x) => {
    if (!Number.isInteger(x) || x < 0) fail(TOOL, name, "must list non-negative integer powers", x);
  });
  if (new Set(out).size !== out.length) fail(TOOL, name, "must not repeat a power", out);
  return out.sort((a, b) => a - b);
}

/**
 * Check data row `i` (0-based) of {@link calcBCSMD}, {@link effectSizeMB} or {@link effectSizeABk}:
 * throws a ValidationError naming `tool` and the 1-based row; false for a row with a missing
 * (null) outcome, which is left out.
 */
function checkRow(r: BcsmdDataRow, i: number, tool: string): boolean {
  const bad = (path: string, rule: string, v: unknown) => {
    throw new ValidationError(tool, [{ path, rule, received: v, row: i + 1 }]);
  };
  if (r === null || typeof r !== "object") bad("row", "must be an object", r);
  if (typeof r.case !== "string" && typeof r.case !== "number") bad("case", "must be a string or number", r.case);
  if (typeof r.session !== "number" || !Number.isFinite(r.session)) {
    bad("session", "must be a finite number", r.session);
  }
  if (typeof r.phase !== "string" || r.phase === "") bad("phase", "must be a non-empty string", r.phase);
  if (r.outcome === null) return false;
  if (typeof r.outcome !== "number" || !Number.isFinite(r.outcome)) {
    bad("outcome", "must be a finite number or null", r.outcome);
  }
  return true;
}

/**
 * Design-comparable g_AB with scdhlm's defaults per design, as `calc_BCSMD(design, ...)` with
 * REML estimation: builds the model (`outcome ~ 1 + trt` with random case intercepts and AR(1)
 * errors by default; trends and random trends through `feBase`, `reBase`, `feTrt`, `reTrt`,
 * centred at `center`), fits it with {@link fitScedHlm}, and evaluates the effect `B − A`
 * sessions into treatment with {@link gMlm}.
 *
 * @example
 * ```ts
 * import { calcBCSMD } from "./bcsmd.ts";
 * const rows = [];
 * for (let c = 0; c < 4; c++) {
 *   for (let s = 1; s <= 10; s++) {
 *     const trt = s > 3 + c;
 *     rows.push({ case: c, session: s, phase: trt ? "treatment" : "baseline", outcome: 20 + 2 * c + (trt ? 8 : 0) + ((s * 5 + c * 3) % 7) - 3 });
 *   }
 * }
 * const r = calcBCSMD(rows, { design: "MBP", treatmentName: "treatment" });
 * if (r.A !== 3 || r.B !== 10 || !(r.g_AB > 0)) throw new Error("calcBCSMD");
 * ```
 */
export function calcBCSMD(data: readonly BcsmdDataRow[], opts: CalcBcsmdOptions): CalcBcsmdResult {
  if (!Array.isArray(data) || data.length === 0) fail(TOOL, "data", "must be a non-empty array of rows", data);
  const design = opts?.design;
  if (design !== "MBP" && design !== "TR") fail(TOOL, "design", 'must be "MBP" or "TR"', design);
  const rows: { case: string; session: number; phase: string; outcome: number; row: number }[] = [];
  data.forEach((r, i) => {
    if (!checkRow(r, i, TOOL)) return;
    rows.push({ case: String(r.case), session: Math.round(r.session), phase: r.phase, outcome: r.outcome, row: i + 1 });
  });
  const phases: string[] = [];
  for (const r of rows) if (!phases.includes(r.phase)) phases.push(r.phase);
  if (phases.length !== 2) {
    fail(TOOL, "phase", `must have exactly 2 labels (baseline, treatment), got ${phases.length}`, phases);
  }
  const treatmentName = opts.treatmentName ?? phases[1];
  if (!phases.includes(treatmentName)) {
    fail(TOOL, "treatmentName", `must be one of the phase labels (${phases.join(", ")})`, treatmentName);
  }
  const center = opts.center ?? 0;
  if (!Number.isFinite(center)) fail(TOOL, "center", "must be a finite number", center);
  const feBase = powersOf("feBase", opts.feBase, [0]);
  const reBase = powersOf("reBase", opts.reBase, [0]);
  const feTrt = powersOf("feTrt", opts.feTrt, [0]);
  const reTrt = powersOf("reTrt", opts.reTrt, []);
  const corStruct = opts.corStruct ?? "AR1";
  const varStruct = opts.varStruct ?? "hom";
  if (design === "TR" && (feBase.join() !== "0" || reBase.join() !== "0" || feTrt.join() !== "0" || reTrt.length)) {
    fail(TOOL, "design", "TR (treatment reversal) uses the default fixed and random effects only");
  }
  let A: number | null = null, B: number | null = null;
  if (design === "MBP") {
    const dt = (opts.A === undefined || opts.B === undefined) ? bcsmdDefaultTimes(rows, treatmentName) : null;
    A = opts.A ?? dt!.A;
    B = opts.B ?? (opts.A === undefined ? dt!.B : fail(TOOL, "B", "must be given when A is given"));
    if (!Number.isFinite(A) || !Number.isFinite(B)) fail(TOOL, "A, B", "must be finite numbers", [A, B]);
  }
  // session-by-treatment: session − first treatment session + 1 in treatment (0 in baseline), per case.
  const firstTrt = new Map<string, number>();
  for (const r of rows) {
    if (r.phase === treatmentName) firstTrt.set(r.case, Math.min(firstTrt.get(r.case) ?? Infinity, r.session));
  }
  const trt = rows.map((r) => (r.phase === treatmentName ? 1 : 0));
  const sess = rows.map((r) => r.session - center);
  const sessTrt = rows.map((r) => Math.max(0, r.session - (firstTrt.get(r.case) ?? Infinity) + 1));
  // the fixed and the random part of the model are built alike from their powers of session
  const part = (basePowers: number[], trtPowers: number[]) => {
    const columns: ScedHlmColumn[] = [];
    const terms: string[] = [basePowers.includes(0) ? "1" : "0"];
    for (const k of basePowers) {
      if (k === 0) continue;
      columns.push({ name: `I(session^${k})`, values: sess.map((s) => s ** k) });
      terms.push(`I(session^${k})`);
    }
    for (const k of trtPowers) {
      if (k === 0) {
        columns.push({ name: "trt", values: trt });
        terms.push("trt");
      } else {
        columns.push({ name: `I(session_trt^${k})`, values: sessTrt.map((s) => s ** k) });
        terms.push(`I(session_trt^${k})`);
      }
    }
    return { columns, terms };
  };
  const { columns: fixed, terms: fixedTerms } = part(feBase, feTrt);
  const { columns: random, terms: randomTerms } = part(reBase, reTrt);
  const fit = fitScedHlm(
    { case: rows.map((r) => r.case), time: sess, outcome: rows.map((r) => r.outcome), fixed, random, treatment: trt },
    {
      correlation: corStruct,
      variance: varStruct,
      method: "REML",
      fixedIntercept: feBase.includes(0),
      randomIntercept: reBase.includes(0),
    },
  );
  // p_const: zeros for the baseline terms, (B − A)^k for the treatment terms.
  const span = design === "MBP" ? (B as number) - (A as number) : NaN;
  const pConst = [...feBase.map(() => 0), ...feTrt.map((k) => (k === 0 ? 1 : span ** k))];
  // r_const: the variance of the baseline random effects at time B (centred), 0 for the rest.
  const bc = reBase.map((k) => (k === 0 ? 1 : ((B ?? NaN) - center) ** k));
  const q = reBase.length + reTrt.length;
  const rConst: number[] = [];
  for (let k = 0; k < q; k++) {
    for (let j = 0; j <= k; j++) {
      if (k < reBase.length) rConst.push(j === k ? bc[j] * bc[j] : 2 * bc[j] * bc[k]);
      else rConst.push(0);
    }
  }
  if (corStruct !== "IID") rConst.push(0);
  if (varStruct === "het") rConst.push(0); // the SD ratio (lmeInfo's default parameterisation)
  rConst.push(1);
  for (const v of [...pConst, ...rConst]) {
    if (!Number.isFinite(v)) {
      fail(TOOL, "A, B", "are needed for trend models (the effect is evaluated B − A sessions into treatment)");
    }
  }
  const g = gMlm(fit, { pConst, rConst, level: opts.level });
  const tau0 = fit.tau.values[0];
  return {
    ...g,
    phi: fit.cor_param,
    var_param: fit.var_param,
    rho: tau0 / (tau0 + fit.sigma_sq),
    A,
    B,
    fit,
    model: {
      fixed: `outcome ~ ${fixedTerms.join(" + ")}`,
      random: `~${randomTerms.join(" + ")} | case`,
      correlation: corStruct === "IID"
        ? "independent"
        : `${corStruct === "AR1" ? "corAR1" : "corMA1"}(~ session | case)`,
    },
    converged: fit.converged,
    warnings: fit.warnings.slice(),
  };
}

/** Options of {@link effectSizeMB} and {@link effectSizeABk}. */
export interface MomentEsOptions {
  /** Label of the treatment phase (B). Default: the second phase label in order of appearance. */
  treatmentName?: string;
  /** Confidence level in percent (95) or as a proportion (0.95) of the symmetric interval. Default 95. */
  level?: number;
}

/**
 * Result of the moment estimators (Hedges, Pustejovsky & Shadish 2012, 2013), with scdhlm's
 * names: the effect size `delta_hat` (bias-corrected), its variance, and the nuisance estimates.
 */
export interface MomentEsResult {
  /** Mean over cases (or case × phase pairs) of the treatment − baseline mean differences. */
  D_bar: number;
  /** Pooled between-case variance S² (across cases at each time point / phase point). */
  S_sq: number;
  /** Unadjusted effect size D̄ / S. */
  delta_hat_unadj: number;
  /** Bias-adjusted autocorrelation estimate. */
  phi: number;
  /** Within-case variance estimate. */
  sigma_sq_w: number;
  /** Intra-class correlation estimate (≥ 0). */
  rho: number;
  /** Scaling constant θ of the sampling variance. */
  theta: number;
  /** Degrees of freedom ν. */
  nu: number;
  /** Adjusted effect size J(ν) × delta_hat_unadj. */
  delta_hat: number;
  /** Sampling variance of delta_hat. */
  V_delta_hat: number;
  /** √V_delta_hat. */
  SE: number;
  /** Lower bound of delta_hat ± t_ν SE. */
  ci_lb: number;
  /** Upper bound of delta_hat ± t_ν SE. */
  ci_ub: number;
  /** Confidence level in percent. */
  level: number;
  /** Number of observations (multiple baseline). */
  g_dotdot?: number;
  /** Number of time × phase cells with observations (multiple baseline). */
  K?: number;
  /** Number of complete phase points per phase and phase pair (ABk), `M_a[phase][pair]`. */
  M_a?: number[][];
  /** Total number of complete phase points (ABk). */
  M_dot?: number;
}

interface MomRow {
  case: string;
  t: number;
  trt: 0 | 1;
  y: number;
}

function momentRows(
  data: readonly BcsmdDataRow[],
  opts: MomentEsOptions,
  tool: string,
): { rows: MomRow[]; cases: string[] } {
  if (!Array.isArray(data) || data.length === 0) fail(tool, "data", "must be a non-empty array of rows", data);
  const phases: string[] = [];
  const out: MomRow[] = [];
  data.forEach((r, i) => {
    if (checkRow(r, i, tool) && !phases.includes(r.phase)) phases.push(r.phase);
  });
  if (phases.length !== 2) {
    fail(tool, "phase", `must have exactly 2 labels (baseline, treatment), got ${phases.length}`, phases);
  }
  const trtName = opts.treatmentName ?? phases[1];
  if (!phases.includes(trtName)) {
    fail(tool, "treatmentName", `must be one of the phase labels (${phases.join(", ")})`, trtName);
  }
  const cases: string[] = [];
  for (const r of data) {
    if (r.outcome === null) continue;
    const c = String(r.case);
    if (!cases.includes(c)) cases.push(c);
    out.push({ case: c, t: r.session, trt: r.phase === trtName ? 1 : 0, y: r.outcome as number });
  }
  if (cases.length < 2) fail(tool, "case", "must have at least 2 cases", cases.length);
  const ci = new Map(cases.map((c, i) => [c, i]));
  out.sort((a, b) => ci.get(a.case)! - ci.get(b.case)! || a.t - b.t);
  for (let k = 1; k < out.length; k++) {
    if (out[k].case === out[k - 1].case && out[k].t === out[k - 1].t) {
      fail(tool, "session", `must be unique within a case (case ${out[k].case}, session ${out[k].t})`, out[k].t);
    }
  }
  return { rows: out, cases };
}

/** tr(A V A V) with A = I − projection on the cells (cell index per observation) and V dense. */
function trAVAV(cell: readonly number[], V: Float64Array, g: number): number {
  const nCell = Math.max(...cell) + 1;
  const cnt = new Float64Array(nCell);
  for (const c of cell) cnt[c]++;
  // AV = V − (cell means of the rows of V)
  const mean = new Float64Array(nCell * g);
  for (let j = 0; j < g; j++) for (let k = 0; k < g; k++) mean[cell[j] * g + k] += V[j * g + k];
  for (let c = 0; c < nCell; c++) for (let k = 0; k < g; k++) mean[c * g + k] /= cnt[c];
  const AV = new Float64Array(g * g);
  for (let j = 0; j < g; j++) for (let k = 0; k < g; k++) AV[j * g + k] = V[j * g + k] - mean[cell[j] * g + k];
  let tr = 0;
  for (let j = 0; j < g; j++) for (let k = 0; k < g; k++) tr += AV[j * g + k] * AV[k * g + j];
  return tr;
}

function finishMoment(
  base: Omit<MomentEsResult, "delta_hat" | "V_delta_hat" | "SE" | "ci_lb" | "ci_ub" | "level" | "delta_hat_unadj">,
  level: number,
  tool: string,
): MomentEsResult {
  const delta_hat_unadj = base.D_bar / Math.sqrt(base.S_sq);
  const nu = base.nu;
  if (!(nu > 0.75) || !Number.isFinite(nu)) fail(tool, "data", "give degrees of freedom ν ≤ 0.75", nu);
  const J = Jf(nu);
  const delta_hat = J * delta_hat_unadj;
  const nuT = Math.max(nu, 2.001);
  const V = J * J * (base.theta ** 2 * nuT / (nuT - 2) + delta_hat ** 2 * (nuT / (nuT - 2) - 1 / (J * J)));
  const SE = Math.sqrt(V);
  const tq = qt(1 - (1 - level / 100) / 2, nu);
  const out: MomentEsResult = {
    ...base,
    delta_hat_unadj,
    delta_hat,
    V_delta_hat: V,
    SE,
    ci_lb: delta_hat - tq * SE,
    ci_ub: delta_hat + tq * SE,
    level,
  };
  for (const [k, v] of Object.entries(out)) {
    if (typeof v === "number" && !Number.isFinite(v)) fail(tool, k, "is not finite for these data", v);
  }
  return out;
}

/**
 * Moment estimator of the design-comparable SMD for a multiple-baseline design across
 * participants (Hedges, Pustejovsky & Shadish 2013), as scdhlm's `effect_size_MB`: D̄ = mean of
 * the cases' treatment − baseline mean differences, S² = variance across cases at each
 * session and phase, φ and ρ by adjusted moments, ν and θ from the implied AR(1) + random
 * intercept covariance; `delta_hat` = J(ν) D̄ / S.
 *
 * @example
 * ```ts
 * import { effectSizeMB } from "./bcsmd.ts";
 * const rows = [];
 * for (let c = 0; c < 3; c++) {
 *   for (let s = 1; s <= 12; s++) {
 *     const trt = s > 3 + 2 * c;
 *     rows.push({ case: `c${c}`, session: s, phase: trt ? "B" : "A", outcome: 10 + c + (trt ? 6 : 0) + ((s * 7 + c) % 5) - 2 });
 *   }
 * }
 * const r = effectSizeMB(rows, { treatmentName: "B" });
 * if (!(r.delta_hat > 0 && r.delta_hat < r.delta_hat_unadj && r.nu > 0)) throw new Error("effect_size_MB");
 * ```
 */
export function effectSizeMB(data: readonly BcsmdDataRow[], opts: MomentEsOptions = {}): MomentEsResult {
  const tool = "effect_size_MB";
  const level = opts.level === undefined ? 95 : normalizeLevel(opts.level, tool, "level");
  const { rows, cases } = momentRows(data, opts, tool);
  const m = cases.length, g = rows.length;
  const byCase = cases.map((c) => rows.filter((r) => r.case === c));
  // case × phase means, D̄, residuals
  let dSum = 0, sumG0 = 0, sumG1 = 0, hCorr = 0;
  const res: number[] = [];
  for (const cr of byCase) {
    const mean = [0, 1].map((p) => {
      const v = cr.filter((r) => r.trt === p).map((r) => r.y);
      if (v.length === 0) fail(tool, "phase", `case ${cr[0].case} has no ${p ? "treatment" : "baseline"} observations`);
      hCorr += (v.length - 1) / v.length;
      return v.reduce((a, b) => a + b, 0) / v.length;
    });
    dSum += mean[1] - mean[0];
    const e = cr.map((r) => r.y - mean[r.trt]);
    const mu = e.reduce((a, b) => a + b, 0) / e.length;
    for (let i = 0; i < e.length; i++) {
      sumG0 += (e[i] - mu) ** 2;
      if (i + 1 < e.length) sumG1 += (e[i] - mu) * (e[i + 1] - mu);
    }
    res.push(...e);
  }
  const D_bar = dSum / m;
  // time × phase cells
  const cellKey = new Map<string, number>();
  const cell = rows.map((r) => {
    const k = `${r.t}|${r.trt}`;
    if (!cellKey.has(k)) cellKey.set(k, cellKey.size);
    return cellKey.get(k)!;
  });
  const K = cellKey.size;
  if (g - K < 1) fail(tool, "data", "have no replication across cases at any session (S² is undefined)");
  const cs = new Float64Array(K), cn = new Float64Array(K);
  rows.forEach((r, i) => {
    cs[cell[i]] += r.y;
    cn[cell[i]]++;
  });
  let ss = 0;
  rows.forEach((r, i) => (ss += (r.y - cs[cell[i]] / cn[cell[i]]) ** 2));
  const S_sq = ss / (g - K);
  if (!(S_sq > 0)) fail(tool, "outcome", "has no variation between cases (S² = 0)", S_sq);
  const phi = sumG1 / sumG0 + hCorr / (g - 2 * m);
  // tr(H C0): H = case × phase cell projection, C0 = φ^|Δt| within case
  let trHC = 0;
  for (const cr of byCase) {
    for (const p of [0, 1]) {
      const ts = cr.filter((r) => r.trt === p).map((r) => r.t);
      let s = 0;
      for (const a of ts) for (const b of ts) s += Math.pow(phi, Math.abs(a - b));
      trHC += s / ts.length;
    }
  }
  const sigma_sq_w = sumG0 / (g - trHC);
  const rho = Math.max(0, 1 - sigma_sq_w / S_sq);
  const V = new Float64Array(g * g);
  let off = 0;
  let thetaSq = 0;
  for (const cr of byCase) {
    const n = cr.length;
    const nB = cr.filter((r) => r.trt === 1).length, nA = n - nB;
    const a = cr.map((r) => (r.trt ? 1 / nB : -1 / nA));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = rho + (1 - rho) * Math.pow(phi, Math.abs(cr[i].t - cr[j].t));
        V[(off + i) * g + off + j] = v;
        thetaSq += a[i] * v * a[j];
      }
    }
    off += n;
  }
  const nu = (g - K) ** 2 / trAVAV(cell, V, g);
  const theta = Math.sqrt(thetaSq) / m;
  void res;
  return { ...finishMoment({ D_bar, S_sq, phi, sigma_sq_w, rho, theta, nu }, level, tool), g_dotdot: g, K };
}

/** One observation of {@link effectSizeABk}: a {@link BcsmdDataRow} with its phase pair. */
export interface AbkDataRow extends BcsmdDataRow {
  /** Phase pair (1 = first AB pair, 2 = second, ...). */
  pair: number;
}

/**
 * Moment estimator of the design-comparable SMD for (AB)^k treatment-reversal designs (Hedges,
 * Pustejovsky & Shadish 2012), as scdhlm's `effect_size_ABk`: D̄ = mean over cases and phase
 * pairs of the treatment − baseline differences, S² from the phase points observed in every case,
 * φ and ρ by adjusted moments, ν and θ from the implied covariance.
 *
 * @example
 * ```ts
 * import { effectSizeABk } from "./bcsmd.ts";
 * const rows = [];
 * for (let c = 0; c < 3; c++) {
 *   for (let s = 1; s <= 16; s++) {
 *     const pair = s <= 8 ? 1 : 2, trt = (s - 1) % 8 >= 4;
 *     rows.push({ case: c, session: s, pair, phase: trt ? "B" : "A", outcome: 8 + c - (trt ? 4 : 0) + ((s * 5 + c) % 3) });
 *   }
 * }
 * const r = effectSizeABk(rows, { treatmentName: "B" });
 * if (!(r.delta_hat < 0 && r.M_dot === 16)) throw new Error("effect_size_ABk");
 * ```
 */
export function effectSizeABk(data: readonly AbkDataRow[], opts: MomentEsOptions = {}): MomentEsResult {
  const tool = "effect_size_ABk";
  const level = opts.level === undefined ? 95 : normalizeLevel(opts.level, tool, "level");
  data.forEach((r, i) => {
    if (!Number.isInteger(r?.pair)) {
      throw new ValidationError(tool, [{
        path: "pair",
        rule: "must be an integer phase-pair number",
        received: r?.pair,
        row: i + 1,
      }]);
    }
  });
  const { rows: base, cases } = momentRows(data, opts, tool);
  const pairOf = new Map<string, number>();
  for (const r of data) if (r.outcome !== null) pairOf.set(`${r.case}|${r.session}`, r.pair);
  const rows = base.map((r) => ({ ...r, pair: pairOf.get(`${r.case}|${r.t}`)! }));
  const m = cases.length;
  const pairs = [...new Set(rows.map((r) => r.pair))].sort((a, b) => a - b);
  // groups (case, pair, trt) in time order, phase points 1..n
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = `${r.case}|${r.pair}|${r.trt}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  const point = new Map<(typeof rows)[number], number>();
  let sumG0 = 0, sumG1 = 0, sumFrac = 0, sumNm1 = 0, trHC = 0;
  const phiTerms: (typeof rows)[] = [];
  for (const gr of groups.values()) {
    gr.sort((a, b) => a.t - b.t);
    gr.forEach((r, i) => point.set(r, i + 1));
    const n = gr.length;
    if (n > 1) {
      const mu = gr.reduce((s, r) => s + r.y, 0) / n;
      for (let i = 0; i < n; i++) {
        sumG0 += (gr[i].y - mu) ** 2;
        if (i + 1 < n) sumG1 += (gr[i].y - mu) * (gr[i + 1].y - mu);
      }
    }
    sumFrac += 1 - 1 / n;
    sumNm1 += n - 1;
    phiTerms.push(gr);
  }
  const phi = sumG1 / sumG0 + sumFrac / sumNm1;
  for (const gr of phiTerms) {
    const n = gr.length;
    let s = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += Math.pow(phi, Math.abs(i - j));
    trHC += s / n;
  }
  // treatment contrasts per (case, pair) with both phases
  const contrasts: { case: string; pair: number; A: typeof rows; B: typeof rows }[] = [];
  for (const c of cases) {
    for (const p of pairs) {
      const A = groups.get(`${c}|${p}|0`), B = groups.get(`${c}|${p}|1`);
      if (A && B) contrasts.push({ case: c, pair: p, A, B });
    }
  }
  if (contrasts.length === 0) fail(tool, "data", "have no case and phase pair with both phases");
  const D_bar = contrasts.reduce(
    (s, k) => s + k.B.reduce((a, r) => a + r.y, 0) / k.B.length - k.A.reduce((a, r) => a + r.y, 0) / k.A.length,
    0,
  ) /
    contrasts.length;
  // phase points observed in every case
  const cellCount = new Map<string, number>();
  for (const r of rows) {
    const k = `${point.get(r)}|${r.trt}|${r.pair}`;
    cellCount.set(k, (cellCount.get(k) ?? 0) + 1);
  }
  const M_a = [0, 1].map((trt) =>
    pairs.map((p) => [...cellCount.entries()].filter(([k, v]) => v === m && k.endsWith(`|${trt}|${p}`)).length)
  );
  const M_dot = M_a.flat().reduce((a, b) => a + b, 0);
  if (M_dot === 0 || m < 2) fail(tool, "data", "have no phase point observed in every case (S² is undefined)");
  const incl = rows.filter((r) => cellCount.get(`${point.get(r)}|${r.trt}|${r.pair}`) === m);
  const cellKey = new Map<string, number>();
  const cell = incl.map((r) => {
    const k = `${point.get(r)}|${r.trt}|${r.pair}`;
    if (!cellKey.has(k)) cellKey.set(k, cellKey.size);
    return cellKey.get(k)!;
  });
  const cs = new Float64Array(cellKey.size), cn = new Float64Array(cellKey.size);
  incl.forEach((r, i) => {
    cs[cell[i]] += r.y;
    cn[cell[i]]++;
  });
  let ss = 0;
  incl.forEach((r, i) => (ss += (r.y - cs[cell[i]] / cn[cell[i]]) ** 2));
  const S_sq = ss / (M_dot * (m - 1));
  if (!(S_sq > 0)) fail(tool, "outcome", "has no variation between cases (S² = 0)", S_sq);
  const N = rows.length;
  const sigma_sq_w = sumG0 / (N - trHC);
  const rho = Math.max(0, 1 - sigma_sq_w / S_sq);
  const vAt = (a: { case: string; t: number }, b: { case: string; t: number }) =>
    a.case === b.case ? rho + (1 - rho) * Math.pow(phi, Math.abs(a.t - b.t)) : 0;
  const gi = incl.length;
  const V = new Float64Array(gi * gi);
  for (let i = 0; i < gi; i++) for (let j = 0; j < gi; j++) V[i * gi + j] = vAt(incl[i], incl[j]);
  const nu = (M_dot * (m - 1)) ** 2 / trAVAV(cell, V, gi);
  // θ² = a' V a with a the sum of the contrasts' weight vectors, over all observations
  const w = new Map<(typeof rows)[number], number>();
  for (const k of contrasts) {
    for (const r of k.B) w.set(r, (w.get(r) ?? 0) + 1 / k.B.length);
    for (const r of k.A) w.set(r, (w.get(r) ?? 0) - 1 / k.A.length);
  }
  const wr = [...w.entries()];
  let aVa = 0;
  for (const [r1, w1] of wr) for (const [r2, w2] of wr) aVa += w1 * w2 * vAt(r1, r2);
  const theta = Math.sqrt(aVa) / contrasts.length;
  return { ...finishMoment({ D_bar, S_sq, phi, sigma_sq_w, rho, theta, nu }, level, tool), M_a, M_dot };
}
