/**
 * scdhlm / lmeInfo / nlme reference values in ../shared/fixtures/sced-es/scdhlm_*.json, re-run
 * through lib/sced/hlm.ts and lib/sced/bcsmd.ts: REML/ML variance components, fixed effects and
 * their SEs, log-likelihoods, the inverse expected information, and g_mlm's δ_AB, g_AB, SE, ν, κ
 * and interval, and calc_BCSMD's defaults per design — to 1e-5 relative (R's own optimiser stops
 * at about 1e-6), with an absolute floor of 1e-8.
 */
import { fixturePath, readFixture } from "../helpers.ts";
import { fitScedHlm, type ScedHlmInput, type ScedHlmOptions } from "../../lib/sced/hlm.ts";
import { calcBCSMD, type CalcBcsmdOptions, effectSizeABk, effectSizeMB, gMlm } from "../../lib/sced/bcsmd.ts";

const TOL = 1e-5;
let worst = 0;
let worstWhere = "";
const worstByFile = new Map<string, number>();

function check(label: string, got: number | null | undefined, want: number | null | undefined, abs = 1e-8): void {
  if (want === null || want === undefined) {
    if (got !== null && got !== undefined) throw new Error(`${label}: expected null, got ${got}`);
    return;
  }
  if (typeof got !== "number") throw new Error(`${label}: expected ${want}, got ${got}`);
  const err = Math.abs(got - want);
  const rel = err / Math.max(Math.abs(want), 1e-300);
  if (err > abs) {
    const file = label.split(" ")[0];
    worstByFile.set(file, Math.max(worstByFile.get(file) ?? 0, rel));
    if (rel > worst) {
      worst = rel;
      worstWhere = label;
    }
    if (rel > TOL) throw new Error(`${label}: got ${got}, want ${want} (rel ${rel.toExponential(2)})`);
  }
}

type Row = Record<string, any>;

/** The lme models of the fixtures, as design columns. */
function modelFor(fx: any, id: string, d: Row[]): { input: ScedHlmInput; opts: ScedHlmOptions } {
  const trtName = fx.phase_levels[1];
  const trt = d.map((r) => (r.phase === trtName ? 1 : 0));
  const base = {
    case: d.map((r) => r.case),
    time: d.map((r) => r.session),
    outcome: d.map((r) => r.outcome),
    treatment: trt,
  };
  const phaseCol = { name: `phase${trtName}`, values: trt };
  switch (id) {
    case "level_change_AR1":
      return { input: { ...base, fixed: [phaseCol] }, opts: {} };
    case "level_change_AR1_ML":
      return { input: { ...base, fixed: [phaseCol] }, opts: { method: "ML" } };
    case "level_change_MA1":
      return { input: { ...base, fixed: [phaseCol] }, opts: { correlation: "MA1" } };
    case "level_change_AR1_het":
      return { input: { ...base, fixed: [phaseCol] }, opts: { variance: "het" } };
    case "trend_random_intercept":
    case "trend_random_slope": {
      const weekC = { name: "week_c", values: d.map((r) => r.week_c) };
      return {
        input: {
          ...base,
          time: d.map((r) => r.week_c),
          fixed: [weekC, phaseCol, { name: "trt_week", values: d.map((r) => r.trt_week) }],
          random: id === "trend_random_slope" ? [weekC] : [],
        },
        opts: {},
      };
    }
    default:
      throw new Error(`no model for ${id}`);
  }
}

function bcsmdOptions(call: string, design: "MBP" | "TR", treatmentName: string): CalcBcsmdOptions {
  const opts: CalcBcsmdOptions = { design, treatmentName };
  const num = (name: string) => call.match(new RegExp(`\\b${name} = ([\\d.]+)`))?.[1];
  const vec = (name: string) => {
    const m = call.match(new RegExp(`\\b${name} = c\\(([^)]*)\\)`));
    if (m) return m[1].split(",").map(Number);
    const s = num(name);
    return s === undefined ? undefined : [Number(s)];
  };
  const str = (name: string) => call.match(new RegExp(`\\b${name} = '([^']*)'`))?.[1];
  if (num("center")) opts.center = Number(num("center"));
  if (num("A")) opts.A = Number(num("A"));
  if (num("B")) opts.B = Number(num("B"));
  for (
    const [r, o] of [["FE_base", "feBase"], ["RE_base", "reBase"], ["FE_trt", "feTrt"], ["RE_trt", "reTrt"]] as const
  ) {
    const v = vec(r);
    if (v && !call.includes("# defaults")) opts[o] = v;
  }
  const cs = str("corStruct");
  if (cs) opts.corStruct = cs as CalcBcsmdOptions["corStruct"];
  const vs = str("varStruct");
  if (vs) opts.varStruct = vs as CalcBcsmdOptions["varStruct"];
  return opts;
}

const files = [...Deno.readDirSync(fixturePath("sced-es"))].map((e) => e.name).filter((n) => n.startsWith("scdhlm_"))
  .sort();

for (const file of files) {
  const fx = readFixture(`sced-es/${file}`);
  const d: Row[] = fx.data;
  for (const g of fx.g_mlm) {
    Deno.test(`scdhlm ${file}: lme + g_mlm ${g.id}`, () => {
      const { input, opts } = modelFor(fx, g.id, d);
      const fit = fitScedHlm(input, opts);
      const L = `${file} ${g.id}`;
      if (!fit.converged) throw new Error(`${L}: not converged`);
      // Our optimum is at least as high as nlme's (nlme stops a little short of the maximum).
      if (fit.logLik < g.lme.logLik - 1e-9) throw new Error(`${L}: logLik ${fit.logLik} below nlme's ${g.lme.logLik}`);
      check(`${L} logLik`, fit.logLik, g.lme.logLik);
      g.lme.fixed.est.forEach((v: number, i: number) => check(`${L} beta[${i}]`, fit.fixed.est[i], v));
      g.lme.fixed.se.forEach((v: number, i: number) => check(`${L} se[${i}]`, fit.fixed.se[i], v));
      const tau = g.g_mlm.theta.Tau.case.values as number[];
      tau.forEach((v, i) => check(`${L} Tau[${i}]`, fit.tau.values[i], v));
      g.g_mlm.theta.cor_params.forEach((v: number) => check(`${L} cor`, fit.cor_param, v));
      const s2 = g.g_mlm.theta.sigma_sq as number[];
      s2.forEach((v, i) => check(`${L} sigma_sq[${i}]`, fit.theta.values[fit.theta.values.length - s2.length + i], v));
      if (g.lme.varcomp.var_params.length) check(`${L} var_param`, fit.var_param, g.lme.varcomp.var_params[0]);
      const ii = g.g_mlm.info_inv.matrix as number[][];
      ii.forEach((row, i) => row.forEach((v, j) => check(`${L} info_inv[${i}][${j}]`, fit.info_inv[i][j], v)));
      const res = gMlm(fit, {
        pConst: g.g_mlm.p_const,
        rConst: g.g_mlm.r_const,
        separateVariances: g.g_mlm_call.includes("separate_variances = TRUE"),
      });
      for (
        const k of ["p_beta", "r_theta", "delta_AB", "SE_delta_AB", "nu", "J_nu", "kappa", "g_AB", "SE_g_AB"] as const
      ) {
        check(`${L} ${k}`, res[k], g.g_mlm[k]);
      }
      // A bound g ± t·SE can sit near 0 (cancellation): its error is judged on the scale of SE.
      check(`${L} CI lower`, res.ci_lb, g.g_mlm.CI_g.lower, TOL * g.g_mlm.SE_g_AB);
      check(`${L} CI upper`, res.ci_ub, g.g_mlm.CI_g.upper, TOL * g.g_mlm.SE_g_AB);
    });
  }
  for (const c of fx.calc_BCSMD) {
    Deno.test(`scdhlm ${file}: calc_BCSMD ${c.id}`, () => {
      const L = `${file} calc_BCSMD ${c.id}`;
      const opts = bcsmdOptions(c.call, fx.design, fx.phase_levels[1]);
      const r = calcBCSMD(
        d.map((x) => ({ case: x.case, session: x.session, phase: x.phase, outcome: x.outcome })),
        opts,
      );
      for (const k of ["g_AB", "SE_g_AB", "nu", "rho"] as const) check(`${L} ${k}`, r[k], c[k]);
      check(`${L} CI_L`, r.ci_lb, c.CI_L, TOL * c.SE_g_AB);
      check(`${L} CI_U`, r.ci_ub, c.CI_U, TOL * c.SE_g_AB);
      check(`${L} phi`, r.phi, c.phi);
      check(`${L} var_param`, r.var_param, c.var_param);
      if (c.A !== null) {
        if (r.A !== c.A || r.B !== c.B) throw new Error(`${L}: A, B = ${r.A}, ${r.B}; want ${c.A}, ${c.B}`);
      } else if (r.A !== null) throw new Error(`${L}: A should be null for TR`);
      if (r.model.fixed !== c.model.fixed_formula) {
        throw new Error(`${L}: fixed ${r.model.fixed} vs ${c.model.fixed_formula}`);
      }
    });
  }
}

Deno.test("scdhlm fixtures: worst relative error", () => {
  console.log(`worst relative error ${worst.toExponential(2)} at ${worstWhere}`);
  for (const [f, w] of worstByFile) console.log(`  ${f}: ${w.toExponential(2)}`);
});

for (const file of files) {
  const fx = readFixture(`sced-es/${file}`);
  const me = fx.moment_estimator;
  Deno.test(`scdhlm ${file}: moment estimator ${me.call.split("(")[0]}`, () => {
    const L = `${file} ${me.call.split("(")[0]}`;
    const rows = (fx.data as Row[]).map((x) => ({
      case: x.case,
      session: x.session,
      phase: x.phase,
      outcome: x.outcome,
      pair: x.phase_pair,
    }));
    const r = me.call.startsWith("effect_size_ABk")
      ? effectSizeABk(rows, { treatmentName: fx.phase_levels[1] })
      : effectSizeMB(rows, { treatmentName: fx.phase_levels[1] });
    // closed forms: no optimiser involved, so a tight tolerance (they agree to ~1e-14)
    for (
      const k of [
        "D_bar",
        "S_sq",
        "delta_hat_unadj",
        "phi",
        "sigma_sq_w",
        "rho",
        "theta",
        "nu",
        "delta_hat",
        "V_delta_hat",
      ] as const
    ) {
      const got = r[k], want = me[k] as number;
      const rel = Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);
      if (rel > 1e-12) throw new Error(`${L} ${k}: got ${got}, want ${want} (rel ${rel.toExponential(2)})`);
    }
    if (me.K !== undefined && (r.K !== me.K || r.g_dotdot !== me.g_dotdot)) throw new Error(`${L}: K, g_dotdot`);
    if (me.M_dot !== undefined) {
      if (r.M_dot !== me.M_dot) throw new Error(`${L}: M_dot ${r.M_dot} vs ${me.M_dot}`);
      if (JSON.stringify(r.M_a) !== JSON.stringify(me.M_a.matrix)) {
        throw new Error(`${L}: M_a ${JSON.stringify(r.M_a)}`);
      }
    }
  });
}
