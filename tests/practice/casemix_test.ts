import assert from "node:assert/strict";
import fc from "fast-check";
import { fitLinear, fitLogistic, predictCaseMix } from "../../lib/practice/mod.ts";
import { assertAllClose, assertClose } from "../helpers.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

// R's `cars` data set (speed, stopping distance), 50 rows.
const speed = [
  4,
  4,
  7,
  7,
  8,
  9,
  10,
  10,
  10,
  11,
  11,
  12,
  12,
  12,
  12,
  13,
  13,
  13,
  13,
  14,
  14,
  14,
  14,
  15,
  15,
  15,
  16,
  16,
  17,
  17,
  17,
  18,
  18,
  18,
  18,
  19,
  19,
  19,
  20,
  20,
  20,
  20,
  20,
  22,
  23,
  24,
  24,
  24,
  24,
  25,
];
const dist = [
  2,
  10,
  4,
  22,
  16,
  10,
  18,
  26,
  34,
  17,
  28,
  14,
  20,
  24,
  28,
  26,
  34,
  34,
  46,
  26,
  36,
  60,
  80,
  20,
  26,
  54,
  32,
  40,
  32,
  40,
  50,
  42,
  56,
  76,
  84,
  36,
  46,
  68,
  32,
  48,
  52,
  56,
  64,
  66,
  54,
  70,
  92,
  93,
  120,
  85,
];

Deno.test("fitLinear reproduces R's summary(lm(dist ~ speed, data = cars))", () => {
  // R: (Intercept) -17.5791 (SE 6.7584), speed 3.9324 (SE 0.4155); residual SE 15.38 on 48 df;
  // Multiple R-squared 0.6511. Full precision from numpy.linalg.lstsq: -17.57909489, 3.93240876,
  // sigma 15.379586748819907, SEs 6.75844017, 0.41551278, R² 0.6510793807582509.
  const fit = fitLinear({ X: speed.map((s) => [s]), y: dist, names: ["speed"] });
  assert.deepEqual(fit.names, ["(Intercept)", "speed"]);
  assertAllClose(fit.coef, [-17.57909489, 3.93240876], 1e-8, "coef");
  assertAllClose(fit.se, [6.75844017, 0.41551278], 1e-8, "se");
  assertClose(fit.sigma, 15.379586748819907, 1e-12, "sigma");
  assertClose(fit.r2, 0.6510793807582509, 1e-12, "r2");
  assert.equal(fit.dfResidual, 48);
});

Deno.test("fitLinear by hand: x = 1,2,3, y = 1,2,2 -> 2/3 + x/2, sigma = sqrt(1/6)", () => {
  // Fitted 7/6, 5/3, 13/6; residuals -1/6, 1/3, -1/6; RSS = 1/6 on 1 df; SE(slope) = sigma·sqrt(1/2).
  const fit = fitLinear({ X: [[1], [2], [3]], y: [1, 2, 2] });
  assertAllClose(fit.coef, [2 / 3, 0.5], 1e-12, "coef");
  assertClose(fit.sigma, Math.sqrt(1 / 6), 1e-12, "sigma");
  assertClose(fit.se[1], Math.sqrt(1 / 6) * Math.sqrt(0.5), 1e-12, "se slope");
  // OLS residuals are orthogonal to every column: Σ e = 0, Σ x e = 0.
  const e = [1, 2, 2].map((y, i) => y - fit.fitted[i]);
  assertClose(e.reduce((a, v) => a + v, 0), 0, 0, "sum e", 1e-12);
});

Deno.test("fitLogistic with one binary covariate has the closed-form MLE", () => {
  // Group 0: 1/4 responders, group 1: 3/4. MLE: intercept = logit(1/4) = -log 3, slope = logit(3/4) - logit(1/4) = 2 log 3.
  // SE(intercept) = sqrt(1/(4·(1/4)(3/4))) = sqrt(4/3); SE(slope) = sqrt(4/3 + 4/3).
  const fit = fitLogistic({ X: [[0], [0], [0], [0], [1], [1], [1], [1]], y: [0, 0, 0, 1, 0, 1, 1, 1] });
  assertAllClose(fit.coef, [-Math.log(3), 2 * Math.log(3)], 1e-9, "coef");
  assertAllClose(fit.se, [Math.sqrt(4 / 3), Math.sqrt(8 / 3)], 1e-8, "se");
  assert.equal(fit.converged, true);
});

Deno.test("fitLogistic: the score equations X'(y - p) = 0 hold at the fit (two covariates)", () => {
  const X = speed.map((s, i) => [s, i % 3]);
  const y = dist.map((d) => (d >= 40 ? 1 : 0) as 0 | 1);
  const fit = fitLogistic({ X, y });
  const r = y.map((v, i) => v - fit.fitted[i]);
  const score = [
    r.reduce((a, v) => a + v, 0),
    r.reduce((a, v, i) => a + v * X[i][0], 0),
    r.reduce((a, v, i) => a + v * X[i][1], 0),
  ];
  for (const [j, s] of score.entries()) assertClose(s, 0, 0, `score[${j}]`, 1e-8);
  // predictCaseMix gives the same fitted probabilities
  assertAllClose(predictCaseMix({ coef: fit.coef, X, link: "logit" }), fit.fitted, 1e-12, "predict");
});

Deno.test("case-mix fits: clear errors for singular designs, separation and bad input", () => {
  assert.throws(() => fitLinear({ X: [[1, 2], [2, 4], [3, 6], [4, 8]], y: [1, 2, 3, 5] }), /singular/);
  assert.throws(() => fitLogistic({ X: [[0], [1], [2], [3]], y: [0, 0, 1, 1] }), /separated/);
  assert.throws(() => fitLogistic({ X: [[0], [1], [2]], y: [1, 1, 1] }), /must contain both 0s and 1s/);
  assert.throws(() => fitLinear({ X: [[1], [2], [3]], y: [1, 2] }), /y must have 3 elements/);
  assert.throws(() => fitLinear({ X: [[1], [2, 3], [3]], y: [1, 2, 3] }), /X\[1\] must have 1 columns/);
});

Deno.test("property: OLS fitted values are invariant to adding a constant to a covariate", () => {
  fc.assert(
    fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (c) => {
      const a = fitLinear({ X: speed.map((s) => [s]), y: dist }).fitted;
      const b = fitLinear({ X: speed.map((s) => [s + c]), y: dist }).fitted;
      return a.every((v, i) => Math.abs(v - b[i]) < 1e-8 * (1 + Math.abs(v)));
    }),
    { numRuns: 50 },
  );
});
