/**
 * The analytic derivatives of the multilevel core against finite differences of its own
 * log-likelihood (REML and ML; nested intercepts, CHE blocks and a UN structure), and convergence
 * on simulated three-level data sets (a seeded property: a finite fit whose score vanishes).
 */
import fc from "fast-check";
import { evaluate } from "../../lib/meta/_mv_core.ts";
import { mvState } from "../../lib/meta/_mv_state.ts";
import { rmaMv, type RmaMvInput } from "../../lib/meta/rmamv.ts";
import { vcalc } from "../../lib/meta/vcalc.ts";
import { createRandom } from "../../lib/stats/random.ts";

const yi = [0.2, 0.4, 0.1, 0.6, 0.5, 0.3, 0.9, 0.7, 0.35, 0.15, 0.45, 0.25];
const vi = [0.02, 0.03, 0.02, 0.04, 0.03, 0.02, 0.05, 0.04, 0.03, 0.02, 0.03, 0.02];
const study = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6];
const esid = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2];

function checkDerivatives(input: RmaMvInput, at: number[]) {
  for (const method of ["REML", "ML"] as const) {
    const fit = rmaMv({ ...input, method });
    const s = mvState(fit, "test");
    const reml = method === "REML";
    const th = Float64Array.from(at);
    const ev = evaluate(s.model, th, reml, true)!;
    const q = th.length;
    for (let i = 0; i < q; i++) {
      const h = 1e-6;
      const up = th.slice(), dn = th.slice();
      up[i] += h;
      dn[i] -= h;
      const eu = evaluate(s.model, up, reml, true)!, ed = evaluate(s.model, dn, reml, true)!;
      const g = (eu.ll - ed.ll) / (2 * h);
      if (Math.abs(g - ev.score[i]) > 1e-5 * Math.max(1, Math.abs(g))) {
        throw new Error(`${method} score[${i}]: analytic ${ev.score[i]}, numeric ${g}`);
      }
      for (let l = 0; l < q; l++) {
        // observed information = - d score / d theta
        const hess = (eu.score[l] - ed.score[l]) / (2 * h);
        const obs = ev.observed[i * q + l];
        if (Math.abs(-hess - obs) > 1e-4 * Math.max(1, Math.abs(obs))) {
          throw new Error(`${method} observed[${i},${l}]: analytic ${obs}, numeric ${-hess}`);
        }
      }
    }
  }
}

Deno.test("core: score and observed information match finite differences (nested intercepts)", () => {
  checkDerivatives({ yi, V: vi, random: { nested: [study, esid] }, mods: { x: study } }, [0.03, 0.02]);
});

Deno.test("core: score and observed information match finite differences (CHE V blocks)", () => {
  const V = vcalc({ vi, cluster: study, obs: esid, rho: 0.6 });
  checkDerivatives({ yi, V, random: { nested: [study, esid] } }, [0.05, 0.01]);
});

Deno.test("core: score and observed information match finite differences (UN: two variances, one covariance)", () => {
  const g = esid.map((e) => (e === 1 ? "A" : "B"));
  checkDerivatives({ yi, V: vi, mods: { g }, intercept: false, random: { inner: g, outer: study, struct: "UN" } }, [
    0.04,
    0.03,
    0.01,
  ]);
});

Deno.test("core: simulated three-level data sets converge to a vanishing score", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
      const rng = createRandom(seed);
      const m = 4 + Math.floor(rng.uniform() * 10);
      const y: number[] = [], v: number[] = [], cl: number[] = [], ob: number[] = [];
      const s1 = rng.uniform() * 0.2, s2 = rng.uniform() * 0.1;
      for (let j = 0; j < m; j++) {
        const u = rng.normal(0, Math.sqrt(s1));
        const n = 1 + Math.floor(rng.uniform() * 5);
        for (let e = 0; e < n; e++) {
          const vv = 0.01 + rng.uniform() * 0.1;
          y.push(0.3 + u + rng.normal(0, Math.sqrt(s2)) + rng.normal(0, Math.sqrt(vv)));
          v.push(vv);
          cl.push(j);
          ob.push(e);
        }
      }
      if (y.length < 3) return;
      const fit = rmaMv({ yi: y, V: v, random: { nested: [cl, ob] } });
      if (fit.warnings.some((w) => /converge/.test(w))) throw new Error(`no convergence (seed ${seed})`);
      const st = mvState(fit, "test");
      st.theta.forEach((t, i) => {
        if (t > 0 && Math.abs(st.ev.score[i]) > 1e-5 * Math.max(1, Math.abs(st.ev.ll))) {
          throw new Error(`score[${i}] = ${st.ev.score[i]} at an interior estimate (seed ${seed})`);
        }
        if (t === 0 && st.ev.score[i] > 1e-6) {
          throw new Error(`boundary estimate with an increasing likelihood (seed ${seed})`);
        }
      });
    }),
    { seed: 42, numRuns: 100 },
  );
});
