import assert from "node:assert/strict";
import fc from "fast-check";
import { binomialLimits, funnel, overdispersion, poissonRatioLimits, winsorise, zFor } from "../../lib/practice/mod.ts";
import { rma } from "../../lib/meta/mod.ts";
import { assertAllClose, assertClose } from "../helpers.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

// Reference values are hand calculations from the published formulas (Spiegelhalter 2005, "Funnel
// plots for comparing institutional performance", Stat Med 24:1185-1202, and the formulas of the
// NHS-R FunnelPlotR package, R/build_limits_lookup.R and R/od_adjustment.R), each step evaluated
// independently with scipy 1.17 (binom.ppf/cdf/pmf, chi2.ppf, norm.ppf, numpy.quantile type 7).

Deno.test("zFor: 95% -> 1.959964, 99.8% -> 3.090232 (the z FunnelPlotR hard-codes)", () => {
  assertClose(zFor(0.95), 1.959963984540054, 1e-14, "z95");
  assertClose(zFor(0.998), 3.090232306167813, 1e-13, "z998");
});

Deno.test("binomialLimits normal: p0 = 0.6, n = 50 -> 0.6 ± 1.959964·sqrt(0.24/50)", () => {
  // sqrt(0.6 * 0.4 / 50) = sqrt(0.0048) = 0.0692820323; × 1.959964 = 0.1357903; 0.6 ∓ that.
  const l = binomialLimits({ p0: 0.6, n: 50, level: 0.95, method: "normal" });
  assertClose(l.pi_lb, 0.6 - 1.959963984540054 * Math.sqrt(0.0048), 1e-14, "lower");
  assertClose(l.pi_lb, 0.46420971, 1e-7, "lower (rounded)");
  assertClose(l.pi_ub, 0.73579029, 1e-7, "upper (rounded)");
});

Deno.test("binomialLimits exact with interpolation (Spiegelhalter 2005 appendix A.1.1), p0 = 0.6, n = 50", () => {
  // 95%, lower: r = qbinom(0.025, 50, 0.6) = 23; P(R<=23) = 0.0314056; P(R=23) = ...;
  //   alpha = (P(R<=23) - 0.025) / P(R=23) = 0.4167355; limit = (23 - alpha)/50 = 0.4516653.
  // 95%, upper: r = 37, alpha = 0.7972318, limit = (37 - alpha)/50 = 0.7240554.
  // 99.8%: lower r = 19, alpha = 0.4374242 -> 0.3712515; upper r = 40, alpha = 0.1685618 -> 0.7966288.
  const l95 = binomialLimits({ p0: 0.6, n: 50, level: 0.95 });
  assertClose(l95.pi_lb, 0.451665290765604, 1e-10, "lower95");
  assertClose(l95.pi_ub, 0.7240553630666082, 1e-10, "upper95");
  const l998 = binomialLimits({ p0: 0.6, n: 50, level: 0.998 });
  assertClose(l998.pi_lb, 0.3712515157990714, 1e-10, "lower998");
  assertClose(l998.pi_ub, 0.7966287637625115, 1e-10, "upper998");
});

Deno.test("binomialLimits exact, p0 = 0.2, n = 100", () => {
  // 95%: r = 12, alpha = 0.0257767 -> 0.1197422; r = 28, alpha = 0.3523915 -> 0.2764761.
  // 99.8%: r = 9, alpha = 0.9021747 -> 0.0809783; r = 33, alpha = 0.3234148 -> 0.3267659.
  const l95 = binomialLimits({ p0: 0.2, n: 100, level: 0.95 });
  assertAllClose([l95.pi_lb, l95.pi_ub], [0.1197422327150688, 0.27647608503359195], 1e-10, "95");
  const l998 = binomialLimits({ p0: 0.2, n: 100, level: 0.998 });
  assertAllClose([l998.pi_lb, l998.pi_ub], [0.08097825256459945, 0.3267658515166419], 1e-10, "998");
});

Deno.test("poissonRatioLimits: FunnelPlotR's chi-square limits qchisq(a/2, 2E)/2E and qchisq(1-a/2, 2E+2)/2E", () => {
  // E = 20: 95% [0.6108260, 1.5444189]; 99.8% [0.4479107, 1.9020941]
  // E = 5.5: 95% [0.3468862, 2.2486914]; 99.8% [0.1667139, 3.1389254]
  const cases: [number, number, number, number][] = [
    [20, 0.95, 0.6108259792701972, 1.5444188951337299],
    [20, 0.998, 0.4479106633813005, 1.9020940676925004],
    [5.5, 0.95, 0.34688620474873627, 2.248691353175595],
    [5.5, 0.998, 0.16671387860488093, 3.138925361351899],
  ];
  for (const [E, level, lo, hi] of cases) {
    const l = poissonRatioLimits({ E, level });
    assertClose(l.pi_lb, lo, 1e-9, `lower E=${E} ${level}`);
    assertClose(l.pi_ub, hi, 1e-9, `upper E=${E} ${level}`);
  }
});

Deno.test("poissonRatioLimits reproduce FunnelPlotR's own test values (tests/testthat/test-poisson_limits.R)", () => {
  // nhs-r-community/FunnelPlotR, test "Poisson limits are right": calculate_limits(number_seq = c(15, 20, 30),
  // target = 1): ll95 = 0.5596924, 0.6108260, 0.6746958 (7 dp); ul95 = 1.649348, 1.544419, 1.427562 (6 dp);
  // ll99 (99.8%) = 0.3862650, 0.4479107, 0.5289724; ul99 = 2.082907, 1.902094, 1.702771.
  const E = [15, 20, 30];
  const l95 = E.map((e) => poissonRatioLimits({ E: e, level: 0.95 }));
  const l998 = E.map((e) => poissonRatioLimits({ E: e, level: 0.998 }));
  const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  assert.deepEqual(l95.map((l) => r(l.pi_lb, 7)), [0.5596924, 0.6108260, 0.6746958]);
  assert.deepEqual(l95.map((l) => r(l.pi_ub, 6)), [1.649348, 1.544419, 1.427562]);
  assert.deepEqual(l998.map((l) => r(l.pi_lb, 7)), [0.3862650, 0.4479107, 0.5289724]);
  assert.deepEqual(l998.map((l) => r(l.pi_ub, 6)), [2.082907, 1.902094, 1.702771]);
});

Deno.test("winsorise: 10% each tail at R type-7 quantiles", () => {
  // sorted [-5, 0, 1, 2, 9]: q10 at h = 0.4 -> -5 + 0.4·5 = -3; q90 at h = 3.6 -> 2 + 0.6·7 = 6.2
  assertAllClose(winsorise({ z: [9, -5, 0, 1, 2], trim: 0.1 }), [6.2, -3, 0, 1, 2], 1e-14, "w");
});

// Ten centres with an indirectly standardised ratio, O and E:
const O = [12, 45, 25, 4, 60, 18, 22, 5, 50, 15];
const E = [15, 24, 25, 10, 30, 20, 20, 9, 28, 16];

Deno.test("overdispersion: phi and tau2 by hand (Spiegelhalter 2005 §3.2-3.3, FunnelPlotR phi_func/tau_func)", () => {
  // Step 1: z_i = 2(sqrt(O_i) - sqrt(E_i)) (square-root scale, s_i = 1/(2 sqrt(E_i))):
  const z = [
    -0.8177634621393253,
    3.6184488938660273,
    0,
    -2.324555320336759,
    4.537482234726346,
    -0.4589905357605897,
    0.43655960964770024,
    -1.5278640450004204,
    3.559130379472588,
    -0.25403330758516596,
  ];
  // Step 2: 10% and 90% quantiles (type 7, h = 0.9 and 8.1 on the sorted z):
  //   q10 = -2.3245553 + 0.9·(-1.5278640 + 2.3245553) = -1.6075332
  //   q90 = 3.5591304 + 0.1·(3.6184489 - 3.5591304) = 3.7103522 (replaces 4.5374822); -2.3245553 -> -1.6075332
  // Step 3: phi = (1/10) Σ zW² = 45.580353 / 10 = 4.5580353
  // Step 4: w_i = 1/s_i² = 4E_i: Σw = 788, Σw² = 69552, Σw - Σw²/Σw = 699.73604
  //   tau2 = (10·4.5580353 - 9) / 699.73604 = 0.05227736
  const s = E.map((e) => 1 / (2 * Math.sqrt(e)));
  const od = overdispersion({ z, s, trim: 0.1 });
  assertClose(od.phi, 4.558035315794253, 1e-12, "phi");
  assertClose(od.tau2, 0.05227736036877342, 1e-12, "tau2");
  assertClose(od.zWinsorised[4], 3.710352227952059, 1e-12, "q90");
  assertClose(od.zWinsorised[3], -1.6075331725340543, 1e-12, "q10");
  // chi-square test: P(chi2_9 > 45.58) = 7.2042e-7
  assertClose(od.pval, 7.204222438495854e-7, 1e-6, "pval");
});

Deno.test("funnel ratio: additive and multiplicative limits at E = 20 and flags", () => {
  const units = O.map((o, i) => ({ id: `C${i + 1}`, O: o, E: E[i] }));
  // FunnelPlotR's estimator (winsorised z); the default DL is checked against lib/meta below.
  const add = funnel({ type: "ratio", units, od: "additive", tau2Method: "spiegelhalter-winsorised" });
  assertClose(add.phi, 4.558035315794253, 1e-12, "phi");
  assertClose(add.tau2, 0.05227736036877342, 1e-12, "tau2");
  // additive, centre 6 (E = 20): (1 ∓ z sqrt(1/80 + tau2))²
  //   95%: [0.2511631, 2.2465160]; 99.8%: [0.0455791, 3.1916083]
  const c6 = add.rows[5];
  assertAllClose(c6.pi_lb, [0.25116313712992594, 0.04557913761286197], 1e-10, "add lower");
  assertAllClose(c6.pi_ub, [2.2465159876098877, 3.1916082939619845], 1e-10, "add upper");
  // After the additive adjustment no centre is outside 95% (largest SR 2.0 at E = 30: upper 2.1978899).
  assert.deepEqual(add.rows.map((r) => r.flags[0]), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const mult = funnel({ type: "ratio", units, od: "multiplicative" });
  // multiplicative at E = 20: (1 ∓ z sqrt(phi) / (2 sqrt 20))²: 95% [0.2832005, 2.1545372]; 99.8% [0.0688412, 3.0193368]
  assertAllClose(mult.rows[5].pi_lb, [0.2832004689229073, 0.06884121976459388], 1e-10, "mult lower");
  assertAllClose(mult.rows[5].pi_ub, [2.1545371552994217, 3.019336805179547], 1e-10, "mult upper");
  // Without adjustment (exact Poisson limits): E = 30, O = 60 -> SR 2.0 above the 99.8% upper limit
  // qchisq(0.999, 62)/60 = 1.66..., and E = 10, O = 4 -> 0.4 inside the 95% lower limit qchisq(0.025, 20)/20 = 0.4795...? no: 0.4 < 0.4795 -> flagged low.
  const none = funnel({ type: "ratio", units, od: "none" });
  assert.equal(none.rows[4].flags[1], 1);
  assertClose(none.rows[3].pi_lb[0], poissonRatioLimits({ E: 10, level: 0.95 }).pi_lb, 1e-14, "E=10 lower");
  assert.equal(none.rows[3].flags[0], -1);
});

Deno.test("funnel ratio: the default tau2 is DerSimonian-Laird on sqrt(O/E) with variances 1/(4E), as lib/meta's rma", () => {
  const units = O.map((o, i) => ({ id: `C${i + 1}`, O: o, E: E[i] }));
  const f = funnel({ type: "ratio", units, od: "additive" });
  const ref = rma({ yi: units.map((u) => Math.sqrt(u.O / u.E)), vi: units.map((u) => 1 / (4 * u.E)), method: "DL" });
  assertClose(f.tau2, ref.tau2, 1e-12, "DL tau2");
  assert.equal(f.tau2Method, "DL");
  const reml = funnel({ type: "ratio", units, od: "additive", tau2Method: "REML" });
  const refR = rma({ yi: units.map((u) => Math.sqrt(u.O / u.E)), vi: units.map((u) => 1 / (4 * u.E)), method: "REML" });
  assertClose(reml.tau2, refR.tau2, 1e-10, "REML tau2");
  // the unwinsorised Spiegelhalter tau2 (z around the target 1, not the weighted mean) differs from DL here
  const sp = funnel({ type: "ratio", units, od: "additive", tau2Method: "spiegelhalter" });
  assertClose(
    sp.tau2,
    overdispersion({ z: sp.rows.map((r) => r.z), s: sp.rows.map((r) => r.s), trim: 0 }).tau2,
    1e-14,
    "sp",
  );
});

Deno.test("funnel proportion: target defaults to the pooled proportion; exact limits per unit", () => {
  const f = funnel({
    type: "proportion",
    units: [{ id: "A", O: 30, n: 50 }, { id: "B", O: 60, n: 100 }, { id: "C", O: 90, n: 150 }],
  });
  assert.equal(f.target, 0.6);
  assertClose(f.rows[0].pi_lb[0], 0.451665290765604, 1e-10, "A lower95");
  assertClose(f.rows[0].pi_ub[1], 0.7966287637625115, 1e-10, "A upper998");
});

Deno.test("funnel mean: limits 0 ± z·se, z-scores (O - E)/se", () => {
  const f = funnel({
    type: "mean",
    units: [
      { id: "A", O: 12, E: 10, se: 1, n: 100 },
      { id: "B", O: 7, E: 10, se: 1, n: 100 },
      { id: "C", O: 10.5, E: 10, se: 2, n: 25 },
    ],
  });
  assertAllClose(f.rows.map((r) => r.z), [2, -3, 0.25], 1e-14, "z");
  assertClose(f.rows[2].pi_ub[0], 1.959963984540054 * 2, 1e-14, "C upper95");
  assert.deepEqual(f.rows.map((r) => r.flags[0]), [1, -1, 0]);
  assert.deepEqual(f.rows.map((r) => r.flags[1]), [0, 0, 0]);
});

Deno.test("funnel: errors name the unit and the rule", () => {
  assert.throws(
    () => funnel({ type: "proportion", units: [{ id: "A", O: 60, n: 50 }, { id: "B", O: 1, n: 5 }] }),
    /units\[0\]\.O must be in \[0, n = 50\], got 60/,
  );
  assert.throws(() => funnel({ type: "ratio", units: [{ id: "A", O: 3 }, { id: "B", O: 1, E: 2 }] }), /units\[0\]\.E/);
  assert.throws(() => overdispersion({ z: [1, 2, 3], s: [1, 1] }), /s must have 3 elements/);
});

Deno.test("property: exact binomial limits bracket p0 and widen with the level", () => {
  fc.assert(
    fc.property(fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.integer({ min: 5, max: 2000 }), (p0, n) => {
      const a = binomialLimits({ p0, n, level: 0.95 });
      const b = binomialLimits({ p0, n, level: 0.998 });
      return b.pi_lb <= a.pi_lb + 1e-12 && a.pi_lb <= p0 + 1e-12 && p0 <= a.pi_ub + 1e-12 &&
        a.pi_ub <= b.pi_ub + 1e-12;
    }),
    { numRuns: 200 },
  );
});

Deno.test("property: multiplying every z by c multiplies phi by c² (no winsorising) and order does not matter", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 30 }),
      fc.double({ min: 0.1, max: 3, noNaN: true }),
      (z, c) => {
        const s = z.map(() => 0.1);
        const a = overdispersion({ z, s, trim: 0 }).phi;
        const b = overdispersion({ z: z.map((v) => c * v), s, trim: 0 }).phi;
        const r = overdispersion({ z: [...z].reverse(), s, trim: 0.1 }).phi;
        const q = overdispersion({ z, s, trim: 0.1 }).phi;
        return Math.abs(b - c * c * a) <= 1e-9 * (1 + b) && Math.abs(r - q) <= 1e-12 * (1 + q);
      },
    ),
    { numRuns: 200 },
  );
});
