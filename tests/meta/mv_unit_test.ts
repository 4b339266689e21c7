/**
 * Unit tests of the multilevel engine beyond the fixtures: vcalc's time-lag variant and repeated
 * observations, rhoSensitivity against separate CHE fits, ML vs REML on the same data, the
 * block structure (crossed factors give one block), predictions at the level of a proportion.
 */
import { assertClose } from "../helpers.ts";
import { confintMv, predictMv, rmaMv } from "../../lib/meta/rmamv.ts";
import { rhoSensitivity, vcalc } from "../../lib/meta/vcalc.ts";
import { robust } from "../../lib/meta/robust.ts";
import { rma } from "../../lib/meta/rma.ts";

const yi = [0.2, 0.4, 0.1, 0.6, 0.5, 0.3, 0.9, 0.7, 0.35, 0.15];
const vi = [0.02, 0.03, 0.02, 0.04, 0.03, 0.02, 0.05, 0.04, 0.03, 0.02];
const study = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5];
const esid = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2];

Deno.test("vcalc: time lag phi^|t_i - t_j| within clusters, 0 across", () => {
  const V = vcalc({ vi: [0.1, 0.2, 0.3, 0.4], cluster: ["a", "a", "a", "b"], time1: [0, 2, 5, 0], phi: 0.7 });
  assertClose(V[0][1], 0.7 ** 2 * Math.sqrt(0.02), 1e-15, "V[0][1]");
  assertClose(V[1][2], 0.7 ** 3 * Math.sqrt(0.06), 1e-15, "V[1][2]");
  if (V[0][3] !== 0 || V[3][3] !== 0.4) throw new Error("across clusters / diagonal");
});

Deno.test("vcalc: the same observation twice in a cluster correlates 1", () => {
  const V = vcalc({ vi: [0.1, 0.4, 0.2], cluster: [1, 1, 1], obs: ["x", "x", "y"], rho: 0.3 });
  assertClose(V[0][1], Math.sqrt(0.04), 1e-15, "same obs");
  assertClose(V[0][2], 0.3 * Math.sqrt(0.02), 1e-15, "different obs");
});

Deno.test("rhoSensitivity equals separate vcalc + rmaMv + robust fits", () => {
  const s = rhoSensitivity({ yi, vi, cluster: study, obs: esid, rhos: [0.3, 0.7] });
  s.rows.forEach((row) => {
    const fit = rmaMv({
      yi,
      V: vcalc({ vi, cluster: study, obs: esid, rho: row.rho }),
      random: { nested: [study, esid] },
    });
    const r = robust(fit, { cluster: study, clubSandwich: true });
    assertClose(row.beta[0], fit.beta[0], 1e-12, "beta");
    assertClose(row.robust_se![0], r.se[0], 1e-12, "robust se");
  });
});

// rma() stops (as metafor's rma.uni) when the tau2 change falls below 1e-5, rmaMv at the optimum;
// hence 1e-4 relative.
Deno.test("rmaMv with one nested factor equals rma (REML and ML)", () => {
  for (const method of ["REML", "ML"] as const) {
    const mv = rmaMv({ yi, V: vi, random: { nested: [yi.map((_, i) => i)] }, method });
    const uni = rma({ yi, vi, method });
    assertClose(mv.beta[0], uni.beta, 1e-5, `${method} beta`);
    assertClose(mv.sigma2[0], uni.tau2, 1e-4, `${method} tau2`, 1e-8);
  }
});

Deno.test("rmaMv: crossed random intercepts (one block) fit and give finite results", () => {
  const crossed = rmaMv({ yi, V: vi, random: [{ nested: [study] }, { nested: [esid] }] });
  if (!crossed.sigma2.every(Number.isFinite) || crossed.sigma2.length !== 2) throw new Error("two components");
});

Deno.test("predictMv: level given as a proportion equals the percentage", () => {
  const fit = rmaMv({ yi, V: vi, random: { nested: [study, esid] } });
  const a = predictMv(fit, { level: 0.9 }), b = predictMv(fit, { level: 90 });
  assertClose(a.pi_lb[0]!, b.pi_lb[0]!, 1e-15, "pi_lb");
  if (a.level !== 90) throw new Error("level in percent");
});

Deno.test("rmaMv: sigma2 fixed at 0 for the outer level equals the two-level model, and parms drop by one", () => {
  const full = rmaMv({ yi, V: vi, random: { nested: [study, esid] } });
  const fixed0 = rmaMv({ yi, V: vi, random: { nested: [study, esid] }, sigma2: [0, null] });
  const two = rmaMv({ yi, V: vi, random: { nested: [yi.map((_, i) => i)] } });
  assertClose(fixed0.sigma2[1], two.sigma2[0], 1e-8, "sigma2", 1e-10);
  assertClose(fixed0.beta[0], two.beta[0], 1e-8, "beta");
  if (fixed0.sigma2[0] !== 0) throw new Error("fixed at 0");
  // AIC counts estimated components only: same logLik, one parameter less than the full model's count
  assertClose(fixed0.fit_stats.AIC - 2 * 2, -2 * fixed0.fit_stats.logLik, 1e-12, "AIC with 2 parameters");
  if (!(full.fit_stats.logLik >= fixed0.fit_stats.logLik - 1e-9)) {
    throw new Error("the free model fits at least as well");
  }
});

Deno.test("rmaMv: HCS with three outcomes lies between CS and UN and has one correlation", () => {
  const trial = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6];
  const outcome = trial.map((_, i) => ["pain", "PDI", "QoL"][i % 3]);
  const y = [0.5, 0.3, 0.2, 0.9, 0.4, 0.1, 0.2, 0.35, 0.3, 0.7, 0.2, 0.25, 0.4, 0.6, 0.05, 1.1, 0.5, 0.45];
  const v = y.map((_, i) => 0.01 + 0.005 * (i % 4));
  const fit = (struct: "CS" | "HCS" | "UN") =>
    rmaMv({ yi: y, V: v, mods: { outcome }, intercept: false, random: { inner: outcome, outer: trial, struct } });
  const cs = fit("CS"), hcs = fit("HCS"), un = fit("UN");
  const ll = (f: typeof cs) => f.fit_stats.logLik;
  if (!(ll(cs) <= ll(hcs) + 1e-7 && ll(hcs) <= ll(un) + 1e-7)) {
    throw new Error(`logLik order ${ll(cs)} ${ll(hcs)} ${ll(un)}`);
  }
  if (hcs.rho.length !== 1 || hcs.tau2.length !== 3) throw new Error("HCS: three tau2, one rho");
  // G_ab = rho tau_a tau_b
  assertClose(hcs.G[0][2], hcs.rho[0] * Math.sqrt(hcs.tau2[0] * hcs.tau2[2]), 1e-10, "G[0][2]", 1e-14);
  // parameters counted: 3 coefficients + 3 tau2 + 1 rho
  assertClose(hcs.fit_stats.AIC, -2 * ll(hcs) + 2 * 7, 1e-12, "AIC");
});

Deno.test("confintMv: a fixed sigma2 gets no interval and stays fixed in the other profile", () => {
  const fixed0 = rmaMv({ yi, V: vi, random: { nested: [study, esid] }, sigma2: [0, null] });
  const two = rmaMv({ yi, V: vi, random: { nested: [yi.map((_, i) => i)] } });
  const a = confintMv(fixed0), b = confintMv(two);
  if (a.components.length !== 1 || a.components[0].names[0] !== "sigma^2.2") throw new Error("only sigma^2.2");
  assertClose(a.components[0].ci_ub[0], b.components[0].ci_ub[0], 1e-6, "ci_ub as the two-level model");
});
