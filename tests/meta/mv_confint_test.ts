/**
 * confintMv (profile-likelihood intervals of the variance components) against the metafor-mv
 * fixtures. metafor finds each bound with uniroot(tol = .Machine$double.eps^0.25 ≈ 1.22e-4,
 * absolute on the component's scale), so a bound agrees if it is within 2e-3 relative or within
 * that absolute tolerance (the fixture README: "compare with ~1e-3 relative"); boundary bounds
 * (0 for a variance, ±1 for rho) must match exactly.
 */
import { readFixture } from "../helpers.ts";
import { confintMv, rmaMv } from "../../lib/meta/rmamv.ts";
import { vcalc } from "../../lib/meta/vcalc.ts";

const UNIROOT_TOL = 1.220703125e-4;

function near(mine: number, ref: number, label: string) {
  if (ref === 0 || Math.abs(ref) === 1) {
    if (mine !== ref) throw new Error(`${label}: expected the boundary ${ref}, got ${mine}`);
    return;
  }
  const d = Math.abs(mine - ref);
  if (d > 2e-3 * Math.abs(ref) && d > UNIROOT_TOL) {
    throw new Error(`${label}: expected ${ref}, got ${mine} (|diff| ${d.toExponential(2)})`);
  }
}

for (const file of ["konstantopoulos2011", "assink2016", "berkey1998"]) {
  const d = readFixture(`metafor-mv/${file}.json`);
  const cl = d.structure.cluster_ids;
  for (const fx of d.fits) {
    if (!fx.confint) continue;
    Deno.test(`metafor-mv ${file}: confint ${fx.id}`, () => {
      const m = fx.fit;
      let fit;
      if (d.kind === "multilevel") {
        const rm = fx.id.match(/che_rho([0-9.]+)_/);
        const V = rm
          ? vcalc({ vi: d.escalc.vi, cluster: cl, obs: d.structure.obs_ids, rho: Number(rm[1]) })
          : d.escalc.vi;
        fit = rmaMv({ yi: d.escalc.yi, V, random: { nested: [cl, d.structure.obs_ids] }, method: m.method });
      } else {
        const oc = d.structure.outcome;
        fit = rmaMv({
          yi: d.escalc.yi,
          V: d.V.matrix,
          random: { inner: oc, outer: cl, struct: m.struct },
          method: m.method,
          intercept: false,
          mods: { outcome: oc },
        });
      }
      const ci = confintMv(fit);
      const refs = fx.confint.components;
      if (ci.components.length !== refs.length) {
        throw new Error(`components: ${ci.components.length} vs ${refs.length}`);
      }
      refs.forEach((ref: any, i: number) => {
        const mine = ci.components[i];
        if (JSON.stringify(mine.names) !== JSON.stringify(ref.names)) {
          throw new Error(`names ${mine.names} vs ${ref.names}`);
        }
        near(mine.estimate[0], ref.estimate[0], `${ref.names[0]} estimate`);
        near(mine.ci_lb[0], ref.ci_lb[0], `${ref.names[0]} ci_lb`);
        near(mine.ci_ub[0], ref.ci_ub[0], `${ref.names[0]} ci_ub`);
      });
    });
  }
}
