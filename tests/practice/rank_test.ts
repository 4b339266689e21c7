/**
 * Rankability (Lingsma; van Dishoeck et al. 2011) on a worked example by hand, and rank intervals
 * from the shrinkage model that cover the true ranks at about the nominal rate in simulation.
 */
import assert from "node:assert/strict";
import { estimateCentreTau2, rankability, rankIntervals } from "../../lib/practice/mod.ts";
import { createRandom, deriveSeed } from "../../lib/stats/random.ts";
import { assertClose } from "../helpers.ts";

Deno.test("rankability by hand: 5 centres of 36, 72, 144, 288 and 48 patients, residual SD 12, tau2 = 1.5^2", () => {
  // v_i = 144 / n_i = 4, 2, 1, 0.5, 3; sorted 0.5, 1, 2, 3, 4: median 2.
  // rho = 2.25 / (2.25 + 2) = 2.25 / 4.25 = 0.5294118 -> "moderate" (0.5 to 0.75).
  const vi = [36, 72, 144, 288, 48].map((n) => 144 / n);
  const r = rankability({ vi, tau2: 2.25 });
  assert.equal(r.medianVi, 2);
  assertClose(r.rho, 0.5294117647058824, 1e-14, "rho");
  assert.equal(r.reading, "moderate");
  // 25 centres of 30-150 patients have a median of about 90: v = 1.6; with a true SD of 1.5 points
  // rho = 2.25 / 3.85 = 0.58; with SD 0.5, 0.25 / 1.85 = 0.14 (poor: ranks mostly noise).
  assertClose(rankability({ vi: [1.6], tau2: 0.25 }).rho, 0.25 / 1.85, 1e-14, "poor");
  assert.equal(rankability({ vi: [1.6], tau2: 0.25 }).reading, "poor");
});

Deno.test("rank intervals: same seed, same intervals; ranks within 1..k; observed rank of the estimates", () => {
  const input = { yi: [1, -2, 0.5, 3, -1], vi: [1, 2, 1, 0.5, 3], tau2: 1, mu: 0.2, seed: 4, reps: 400 };
  const a = rankIntervals(input);
  assert.deepEqual(a, rankIntervals(input));
  assert.deepEqual(a.ranks.map((r) => r.rankObserved), [2, 5, 3, 1, 4]);
  for (const r of a.ranks) assert.ok(1 <= r.ci_lb && r.ci_lb <= r.estimate && r.estimate <= r.ci_ub && r.ci_ub <= 5);
  // tau2 = 0: every centre is the same; ties are broken at random, so each interval spans about 1..k
  const flat = rankIntervals({ ...input, tau2: 0 });
  for (const r of flat.ranks) assert.ok(r.ci_lb === 1 && r.ci_ub === 5, `${r.ci_lb}-${r.ci_ub}`);
});

Deno.test("rank intervals cover the true ranks at about the nominal 95% (25 centres of 30-150 patients, true SD 1.5, tau2 by REML)", () => {
  const R = 200;
  let covered = 0, total = 0, width = 0;
  for (let r = 0; r < R; r++) {
    const rng = createRandom(deriveSeed(151, r));
    const n = Array.from({ length: 25 }, () => rng.int(30, 150));
    const theta = n.map(() => rng.normal(0, 1.5));
    const vi = n.map((m) => 144 / m);
    const yi = theta.map((t, i) => t + Math.sqrt(vi[i]) * rng.normal());
    const t2 = estimateCentreTau2(yi, vi);
    const ri = rankIntervals({ yi, vi, tau2: t2.tau2, mu: t2.mu, seed: deriveSeed(152, r), reps: 400 });
    const order = theta.map((_, i) => i).sort((a, b) => theta[b] - theta[a]);
    const trueRank = new Array<number>(25);
    order.forEach((i, k) => (trueRank[i] = k + 1));
    ri.ranks.forEach((x, i) => {
      total++;
      width += x.ci_ub - x.ci_lb;
      if (x.ci_lb <= trueRank[i] && trueRank[i] <= x.ci_ub) covered++;
    });
  }
  const cov = covered / total;
  const mcse = Math.sqrt(0.95 * 0.05 / total);
  console.log(
    `coverage ${(100 * cov).toFixed(1)}% (MCSE ${(100 * mcse).toFixed(1)}%, ${total} centre-replications), mean width ${
      (width / total).toFixed(1)
    } ranks`,
  );
  // Centres within a registry are not independent, so allow a margin beyond 3 independent MCSEs.
  assert.ok(cov > 0.9 && cov < 0.99, `coverage ${cov}`);
});
