/**
 * rmaMv, vcalc, robust (CR2 / CR1) and waldTest against the metafor-mv fixtures (metafor 3.8.1,
 * clubSandwich 0.5.8): every fit of konstantopoulos2011, assink2016 and berkey1998, with its
 * predictions, cluster-robust results, clubSandwich's vcovCR / coef_test / conf_int / Wald_test,
 * and the vcalc blocks.
 *
 * Tolerances: 1e-8 relative for closed forms given the same inputs (QE, vcalc, everything of the
 * `uni_*` fits whose τ² comes from the existing rma/rmaMods), 1e-5 for everything that depends on
 * the REML/ML optimum. p-values are compared on the scale of their statistic: a relative error ε
 * in z moves p by about z² ε relatively, so the p-value tolerance is 1e-5 · max(1, z²). Variance
 * components at the boundary are compared with an absolute floor of 1e-8.
 *
 * berkey1998 UN/HCS: metafor's nlminb stops short of the optimum (our REML log-likelihood is
 * higher by 7e-11; the fixture's own UN and HCS fits of the same model differ by 1e-5), so those
 * fits are compared at 2e-5 (the README: "agree only to optimizer precision").
 */
import { assertClose, readFixture } from "../helpers.ts";
import { predictMv, rmaMv, type RmaMvInput, type RmaMvResult } from "../../lib/meta/rmamv.ts";
import { vcalc } from "../../lib/meta/vcalc.ts";
import { robust, waldTest } from "../../lib/meta/robust.ts";
import { rma } from "../../lib/meta/rma.ts";
import { rmaMods } from "../../lib/meta/metareg.ts";

const CLOSED = 1e-8;
const ITER = 1e-5;
const ABS = 1e-8;

type Any = any;

function close(a: number | null | undefined, b: number | null | undefined, tol: number, label: string, abs = 0) {
  assertClose(a, b, tol, label, abs);
}
function closeAll(a: readonly (number | null)[], b: readonly (number | null)[], tol: number, label: string, abs = 0) {
  if (a.length !== b.length) throw new Error(`${label}: length ${a.length} vs ${b.length}`);
  a.forEach((v, i) => close(v, b[i], tol, `${label}[${i}]`, abs));
}
/** Interval bounds near 0: relative to the interval's scale (max |bound|), not to the bound itself. */
function closeBounds(
  lb: readonly (number | null)[],
  ub: readonly (number | null)[],
  rlb: readonly (number | null)[],
  rub: readonly (number | null)[],
  tol: number,
  label: string,
) {
  lb.forEach((_, i) => {
    const scale = Math.max(Math.abs(rlb[i] ?? 0), Math.abs(rub[i] ?? 0));
    close(lb[i], rlb[i], tol, `${label} lb[${i}]`, tol * scale);
    close(ub[i], rub[i], tol, `${label} ub[${i}]`, tol * scale);
  });
}
/** p-values compared on the scale of their statistic (see the module comment). */
function closeP(
  p: readonly (number | null)[],
  ref: readonly (number | null)[],
  stat: readonly number[],
  tol: number,
  label: string,
) {
  p.forEach((v, i) => close(v, ref[i], tol * Math.max(1, stat[i] ** 2), `${label}[${i}]`));
}

function modsOf(file: string, d: Any, id: string): RmaMvInput["mods"] | undefined {
  if (!id.includes("mod")) return undefined;
  if (file === "assink2016") {
    return { pubstatus: d.input.map((r: Any) => r.pubstatus), year: d.input.map((r: Any) => r.year) };
  }
  if (file === "konstantopoulos2011") return d.input.map((r: Any) => [r.year - 1990]);
  // berkey: ~ outcome + outcome:I(year - 1983) - 1
  return d.input.map((r: Any) => [
    r.outcome === "AL" ? 1 : 0,
    r.outcome === "PD" ? 1 : 0,
    r.outcome === "AL" ? r.year - 1983 : 0,
    r.outcome === "PD" ? r.year - 1983 : 0,
  ]);
}

function fitFor(file: string, d: Any, fx: Any): RmaMvResult | Any {
  const yi = d.escalc.yi, vi = d.escalc.vi;
  const cl = d.structure.cluster_ids;
  const m = fx.fit;
  const mods = modsOf(file, d, fx.id);
  if (d.kind === "multilevel") {
    if (fx.id.startsWith("uni")) {
      if (!mods) return rma({ yi, vi, method: "REML" });
      const cols = Array.isArray(mods) ? { x: (mods as number[][]).map((r) => r[0]) } : mods;
      return rmaMods({ yi, vi, mods: cols, method: "REML" });
    }
    const rm = fx.id.match(/che_rho([0-9.]+)_/);
    const V = rm ? vcalc({ vi, cluster: cl, obs: d.structure.obs_ids, rho: Number(rm[1]) }) : vi;
    return rmaMv({
      yi,
      V,
      mods,
      mods_names: Array.isArray(mods) ? ["I(year - 1990)"] : undefined,
      random: { nested: [cl, d.structure.obs_ids], names: [d.structure.cluster, d.structure.obs] },
      method: m.method,
      test: m.test,
      dfs: m.dfs,
    });
  }
  const oc = d.structure.outcome;
  return rmaMv({
    yi,
    V: d.V.matrix,
    random: { inner: oc, outer: cl, struct: m.struct },
    method: m.method,
    test: m.test,
    intercept: false,
    mods: mods ?? { outcome: oc },
    mods_names: mods ? m.coef_names : undefined,
  });
}

for (const file of ["konstantopoulos2011", "assink2016", "berkey1998"]) {
  const d = readFixture(`metafor-mv/${file}.json`);
  const cl = d.structure.cluster_ids;

  if (d["vcalc_rho0.6"]) {
    Deno.test(`metafor-mv ${file}: vcalc rho = 0.6 blocks`, () => {
      const V = vcalc({ vi: d.escalc.vi, cluster: cl, obs: d.structure.obs_ids, rho: 0.6 });
      for (
        const [id, block] of Object.entries(
          d["vcalc_rho0.6"].blocks_in_order_of_first_appearance as Record<string, number[][]>,
        )
      ) {
        const rows = cl.map((c: string, i: number) => (c === id ? i : -1)).filter((i: number) => i >= 0);
        rows.forEach((i: number, a: number) =>
          rows.forEach((j: number, b: number) => close(V[i][j], block[a][b], CLOSED, `V[${id}][${a},${b}]`))
        );
      }
    });
  }

  for (const fx of d.fits) {
    const uni = fx.id.startsWith("uni");
    const loose = /mv_(UN|HCS)/.test(fx.id);
    const tol = uni ? CLOSED : loose ? 2e-5 : ITER;
    Deno.test(`metafor-mv ${file}: ${fx.id}`, () => {
      const fit = fitFor(file, d, fx);
      const m = fx.fit;
      if (!uni) {
        const r = fit as RmaMvResult;
        closeAll(r.beta, m.beta, tol, "beta");
        closeAll(r.se, m.se, tol, "se");
        closeAll(r.zval, m.zval ?? m.tval, tol, "zval");
        closeP(r.pval, m.pval, r.zval, tol, "pval");
        closeBounds(r.ci_lb, r.ci_ub, m.ci_lb, m.ci_ub, tol, "ci");
        closeAll(r.vb.flat(), m.vb.flat(), tol, "vb");
        if (m.ddf) closeAll(r.ddf!, m.ddf, 0, "ddf");
        if (m.sigma2) {
          closeAll(r.sigma2, m.sigma2, tol, "sigma2", ABS);
          if (JSON.stringify(r.s_nlevels) !== JSON.stringify(m.s_nlevels)) throw new Error("s_nlevels");
          if (JSON.stringify(r.s_names) !== JSON.stringify(m.s_names)) throw new Error(`s_names ${r.s_names}`);
        }
        if (m.tau2) {
          closeAll(r.tau2, m.tau2, tol, "tau2", ABS);
          closeAll(r.rho, m.rho, tol, "rho", ABS);
          closeAll(r.G.flat(), m.G.flat(), tol, "G", ABS);
          if (JSON.stringify(r.g_levels) !== JSON.stringify(m.g_levels)) throw new Error("g_levels");
        }
        close(r.QE, m.QE, CLOSED, "QE");
        close(r.QEp, m.QEp, CLOSED, "QEp");
        if (r.QEdf !== m.QEdf) throw new Error("QEdf");
        close(r.QM, m.QM, tol, "QM");
        closeP([r.QMp], [m.QMp], [Math.sqrt(r.QM * r.QMdf[0])], tol, "QMp");
        closeAll(
          r.QMdf.map((v) => v ?? NaN).filter((v) => !Number.isNaN(v)),
          m.QMdf.filter((v: number | null) => v !== null),
          0,
          "QMdf",
        );
        if (JSON.stringify(r.btt) !== JSON.stringify(m.btt)) throw new Error("btt");
        const fs = m.fit_stats;
        close(r.fit_stats.logLik, fs.logLik, tol, "logLik");
        close(r.fit_stats.deviance, fs.deviance, tol, "deviance");
        close(r.fit_stats.AIC, fs.AIC, tol, "AIC");
        close(r.fit_stats.BIC, fs.BIC, tol, "BIC");
        close(r.fit_stats.AICc, fs.AICc, tol, "AICc");
        close(r.fit_stats.logLik_ML, fs.logLik_ML_column, tol, "logLik_ML");
        close(r.fit_stats.logLik_REML, fs.logLik_REML_column, tol, "logLik_REML");
        // predict
        const pr = fx.predict;
        let newmods: number[][] | undefined;
        if (pr.call.includes("diag(2)")) newmods = [[1, 0], [0, 1]];
        else if (pr.call.includes("cbind(c(-10, 0, 10))")) newmods = [[-10], [0], [10]];
        else if (pr.call.includes("rbind(")) {
          const body = pr.call.slice(pr.call.indexOf("rbind(") + 6);
          newmods = [...body.matchAll(/c\(([-0-9., ]*)\)/g)].map((x) => x[1].split(",").map(Number));
        }
        const p = predictMv(r, { newmods, tau2_levels: pr.tau2_level });
        closeAll(p.pred, pr.pred, tol, "pred");
        closeAll(p.se, pr.se, tol, "pred se");
        closeBounds(p.ci_lb, p.ci_ub, pr.ci_lb, pr.ci_ub, tol, "pred ci");
        closeBounds(p.pi_lb, p.pi_ub, pr.pi_lb, pr.pi_ub, tol, "pi");
      }
      // cluster-robust
      const R = fx.robust_clubSandwich;
      const rc = robust(fit, { cluster: cl, clubSandwich: true });
      closeAll(rc.beta, R.beta, tol, "CR2 beta");
      closeAll(rc.se, R.se, tol, "CR2 se");
      closeAll(rc.tval, R.tval, tol, "CR2 tval");
      closeAll(rc.df, R.df, tol, "CR2 df");
      closeP(rc.pval, R.pval, rc.tval, tol, "CR2 pval");
      closeBounds(rc.ci_lb, rc.ci_ub, R.ci_lb, R.ci_ub, tol, "CR2 ci");
      closeAll(rc.vb.flat(), R.vb.flat(), tol, "CR2 vb");
      close(rc.QM, R.QM, tol, "CR2 QM", R.QM === 0 ? 0 : 0);
      closeAll(rc.QMdf, R.QMdf, tol, "CR2 QMdf");
      closeP([rc.QMp], [R.QMp], [Math.sqrt(rc.QM * rc.QMdf[0])], tol, "CR2 QMp");
      if (rc.n_clusters !== R.n_clusters) throw new Error("n_clusters");
      const cs = fx.clubSandwich;
      closeAll(rc.vb.flat(), cs.vcovCR.flat(), tol, "vcovCR");
      closeAll(rc.df, cs.coef_test.df_Satt, tol, "df_Satt");
      closeAll(rc.se, cs.coef_test.SE, tol, "coef_test SE");
      closeBounds(rc.ci_lb, rc.ci_ub, cs.conf_int.CI_L, cs.conf_int.CI_U, tol, "conf_int");
      if (cs.Wald_test) {
        const wt = waldTest(fit, { cluster: cl, coefs: cs.Wald_test_coefs });
        for (const ref of cs.Wald_test) {
          const mine = wt.find((x) => x.test === ref.test)!;
          close(mine.Fstat, ref.Fstat, tol, `${ref.test} Fstat`);
          close(mine.delta, ref.delta, tol, `${ref.test} delta`);
          close(mine.df_num, ref.df_num, 0, `${ref.test} df_num`);
          close(mine.df_denom, ref.df_denom, tol, `${ref.test} df_denom`);
          closeP([mine.pval], [ref.p_val], [Math.sqrt(mine.Fstat * mine.df_num)], tol, `${ref.test} p`);
        }
      }
      const D = fx.robust_default;
      const rd = robust(fit, { cluster: cl });
      closeAll(rd.se, D.se, tol, "CR1 se");
      closeAll(rd.df, D.df, 0, "CR1 df");
      closeP(rd.pval, D.pval, rd.tval, tol, "CR1 pval");
      closeBounds(rd.ci_lb, rd.ci_ub, D.ci_lb, D.ci_ub, tol, "CR1 ci");
      closeAll(rd.vb.flat(), D.vb.flat(), tol, "CR1 vb");
      close(rd.QM, D.QM, tol, "CR1 QM");
      closeAll(rd.QMdf, D.QMdf, 0, "CR1 QMdf");
      closeP([rd.QMp], [D.QMp], [Math.sqrt(rd.QM * rd.QMdf[0])], tol, "CR1 QMp");
    });
  }
}
