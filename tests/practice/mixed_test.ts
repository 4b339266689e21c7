/**
 * Case mix with centre effects: the random-intercept linear mixed model (REML) against the ANOVA
 * estimator of a balanced one-way layout, its within-centre coefficients against the fixed-effects
 * (demeaned least squares) estimates, and a registry where centre performance goes with case mix:
 * the pooled model's coefficient absorbs it, the within-centre one does not.
 */
import assert from "node:assert/strict";
import {
  benchmarkCentres,
  fitLinear,
  fitLogistic,
  fitMixedCaseMix,
  type RegistryRow,
  simulateRegistry,
} from "../../lib/practice/mod.ts";
import { createRandom } from "../../lib/stats/random.ts";
import { assertAllClose, assertClose } from "../helpers.ts";

Deno.test("REML of a balanced one-way layout is the ANOVA estimator: tau2 = (MSB - MSW) / n, sigma2 = MSW", () => {
  const rng = createRandom(5);
  const J = 6, n = 5;
  const groups: string[] = [], y: number[] = [];
  for (let j = 0; j < J; j++) {
    const u = rng.normal(0, 2);
    for (let i = 0; i < n; i++) {
      groups.push(`g${j}`);
      y.push(10 + u + rng.normal());
    }
  }
  const means = Array.from({ length: J }, (_, j) => y.slice(j * n, (j + 1) * n).reduce((a, v) => a + v, 0) / n);
  const grand = y.reduce((a, v) => a + v, 0) / y.length;
  const msb = (n * means.reduce((a, m) => a + (m - grand) ** 2, 0)) / (J - 1);
  const msw = y.reduce((a, v, i) => a + (v - means[Math.floor(i / n)]) ** 2, 0) / (J * (n - 1));
  const fit = fitMixedCaseMix({ X: y.map(() => []), y, groups, within: false });
  assertClose(fit.sigma2, msw, 1e-7, "sigma2");
  assertClose(fit.tau2, (msb - msw) / n, 1e-6, "tau2");
  assertClose(fit.coef[0], grand, 1e-10, "mean");
  // BLUPs: (tau2 / (tau2 + sigma2 / n)) (mean_j - grand)
  const k = fit.tau2 / (fit.tau2 + (fit.sigma2 as number) / n);
  assertAllClose(fit.blup, means.map((m) => k * (m - grand)), 1e-6, "BLUP");
});

Deno.test("with centre means added (Mundlak), the patient-level coefficients equal the fixed-effects (within) estimates", () => {
  const reg = simulateRegistry({ centres: 12, indicationBreadth: 0.3, indicationSpread: 3 }, 8);
  const rows = reg.patients;
  const X = rows.map((r) => [r.pdiPre, Math.log(r.painYears), r.work]);
  const y = rows.map((r) => r.pdiPre - r.pdiPost);
  const groups = rows.map((r) => r.centre);
  const fit = fitMixedCaseMix({ X, y, groups, names: ["pdi_pre", "log_pain_years", "work"] });
  // within estimator: demean X and y by centre, least squares without intercept
  const mean = (idx: number[], f: (i: number) => number) => idx.reduce((a, i) => a + f(i), 0) / idx.length;
  const byC = new Map<string, number[]>();
  groups.forEach((g, i) => byC.set(g, [...(byC.get(g) ?? []), i]));
  const Xd = X.map((row, i) => row.map((v, k) => v - mean(byC.get(groups[i]) as number[], (q) => X[q][k])));
  const yd = y.map((v, i) => v - mean(byC.get(groups[i]) as number[], (q) => y[q]));
  const fe = fitLinear({ X: Xd, y: yd, intercept: false });
  assertAllClose(fit.coef.slice(1, 4), fe.coef, 1e-7, "within coefficients", 1e-9);
  assert.deepEqual(fit.names, [
    "(Intercept)",
    "pdi_pre",
    "log_pain_years",
    "work",
    "mean(pdi_pre)",
    "mean(log_pain_years)",
    "mean(work)",
  ]);
});

Deno.test("when centre performance goes with case mix, the pooled coefficient absorbs it; the within-centre one does not", () => {
  // 40 centres whose mean baseline PDI varies (SD 6 around 40); patients' change = 11.5 + 0.5 (pre - 40)
  // - 1.5 (centre mean - 40) + N(0, 6): centres with more severe patients perform worse. True
  // patient-level (within-centre) coefficient of baseline PDI: 0.5.
  const rng = createRandom(12);
  const rows: RegistryRow[] = [];
  for (let j = 0; j < 40; j++) {
    const m = 40 + 6 * rng.normal();
    const n = rng.int(60, 120);
    for (let i = 0; i < n; i++) {
      const pre = Math.min(70, Math.max(0, m + 6 * rng.normal()));
      const change = 11.5 + 0.5 * (pre - 40) - 1.5 * (m - 40) + 6 * rng.normal();
      rows.push({
        centre: `C${j}`,
        wpn: rng.uniform() < 0.4 ? 4 : 3,
        painYears: 1 + 10 * rng.uniform(),
        work: rng.uniform() < 0.2 ? 1 : 0,
        pdiPre: pre,
        pdiPost: Math.min(70, Math.max(0, pre - change)),
      });
    }
  }
  const pooled = benchmarkCentres({ rows, curvePoints: 0 });
  const mixed = benchmarkCentres({ rows, curvePoints: 0, caseMix: "mixed" });
  const bPre = (b: typeof pooled) => b.model.coef[b.model.names.indexOf("pdi_pre")];
  console.log(`bPre pooled ${bPre(pooled).toFixed(3)}, within (mixed) ${bPre(mixed).toFixed(3)}; truth 0.5`);
  assert.ok(Math.abs(bPre(mixed) - 0.5) < 0.05, `within ${bPre(mixed)}`);
  assert.ok(bPre(pooled) < 0.5 - 0.2, `pooled ${bPre(pooled)}`);
  // the pooled model hides the centres' performance in the coefficient; the mixed one leaves it in O - E
  const spread = (b: typeof pooled) =>
    Math.max(...b.centres.map((c) => c.diff)) - Math.min(...b.centres.map((c) => c.diff));
  assert.ok(spread(mixed) > spread(pooled), `${spread(mixed)} vs ${spread(pooled)}`);
  assert.equal(mixed.model.kind, "mixed");
  assert.ok((mixed.model.tau2 as number) > 0);
});

Deno.test("logistic random-intercept model (PQL): recovers the within-centre slope and tau2 where the pooled logistic slope is confounded", () => {
  // 40 centres of 80-140 patients; logit P(response) = 0.3 + 0.08 (pre - 40) - 0.25 (centre mean pre - 40) + u_j,
  // u_j ~ N(0, 0.6^2): centres with more severe patients have fewer responders.
  const rng = createRandom(21);
  const X: number[][] = [], y: (0 | 1)[] = [], groups: string[] = [];
  for (let j = 0; j < 40; j++) {
    const m = 40 + 6 * rng.normal();
    const u = 0.6 * rng.normal();
    const n = rng.int(80, 140);
    for (let i = 0; i < n; i++) {
      const pre = m + 6 * rng.normal();
      const eta = 0.3 + 0.08 * (pre - 40) - 0.25 * (m - 40) + u;
      X.push([pre]);
      y.push(rng.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
      groups.push(`C${j}`);
    }
  }
  const fit = fitMixedCaseMix({ X, y, groups, names: ["pre"], family: "binomial" });
  const pooled = fitLogistic({ X, y });
  console.log(
    `slope within (PQL) ${fit.coef[1].toFixed(3)} (SE ${fit.se[1].toFixed(3)}), pooled ${
      pooled.coef[1].toFixed(3)
    }; truth 0.08; tau2 ${fit.tau2.toFixed(3)} (truth 0.36)`,
  );
  assert.ok(Math.abs(fit.coef[1] - 0.08) < 3 * fit.se[1], `within slope ${fit.coef[1]}`);
  assert.ok(pooled.coef[1] < 0.03, `pooled slope ${pooled.coef[1]}`);
  assert.ok(fit.tau2 > 0.15 && fit.tau2 < 0.7, `tau2 ${fit.tau2}`);
  assert.ok(fit.expected.every((p) => p > 0 && p < 1));
  assert.equal(fit.sigma2, null);
  assert.throws(
    () => fitMixedCaseMix({ X, y: y.map((v, i) => (i === 3 ? 2 : v)), groups, family: "binomial" }),
    /fitMixedCaseMix: y\[3\] must be 0 or 1/,
  );
});

Deno.test("benchmarkCentres with caseMix mixed on responders: O/E against an average centre from the PQL model", () => {
  const rows = simulateRegistry({ centres: 12 }, 1).patients;
  const b = benchmarkCentres({ rows, outcome: "pdi_responder", caseMix: "mixed", curvePoints: 0 });
  assert.equal(b.model.kind, "mixed-logistic");
  assert.ok(b.model.names.includes("mean(pdi_pre)"));
  for (const c of b.centres) assertClose(c.oe as number, c.observed / c.expected, 1e-12, c.centre);
});
