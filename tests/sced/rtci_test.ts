/**
 * The randomisation-test confidence interval (lib/sced/rtci.ts): at its ends the test's two-sided
 * p-value crosses α (to the resolution of the randomisation distribution), and in a seeded
 * simulation of randomised multiple-baseline experiments with autocorrelated errors it covers the
 * true shift at the nominal rate within Monte Carlo error.
 */
import assert from "node:assert/strict";
import { createRandom } from "../../lib/stats/random.ts";
import { scedRandomizationCI, type ScedRandomizationCiInput, scedShiftPval } from "../../lib/sced/rtci.ts";
import { ValidationError } from "../../lib/validate.ts";

const starts = [5, 6, 7, 8, 9, 10];
const n = 16;

function mbdInput(y: number[][], obs: number[]): ScedRandomizationCiInput {
  return {
    design: { type: "MBD", scheme: "marascuilo-busk", n, starts: y.map(() => starts) },
    cases: y.map((values, i) => ({ values, start: obs[i] })),
  };
}

function ar1(rng: ReturnType<typeof createRandom>, len: number, phi: number, level: number): number[] {
  const out: number[] = [];
  let e = rng.normal(0, 1 / Math.sqrt(1 - phi * phi));
  for (let t = 0; t < len; t++) {
    out.push(level + e);
    e = phi * e + rng.normal();
  }
  return out;
}

function checkEnds(input: ScedRandomizationCiInput, level: number, tails: "equal" | "absolute" = "equal"): void {
  const ci = scedRandomizationCI(input, { level, tails });
  const alpha = 1 - ci.level / 100;
  // One assignment moves the equal-tailed p by 2/#assignments (exact; the absolute-difference p
  // by 1/#assignments, but an assignment and its mirror image can cross together); a Monte Carlo
  // draw list can hold the same assignment twice, so there the step can be two draws wide.
  const resolution = ci.method === "exact" ? 2 / ci.assignments : 4 / (ci.draws! + 1);
  const eps = 1e-7 * Math.max(1, Math.abs(ci.estimate));
  const pv = (d: number) => scedShiftPval(input, d, { tails });
  const inLo = pv(ci.ci_lb + eps), outLo = pv(ci.ci_lb - eps);
  const inHi = pv(ci.ci_ub - eps), outHi = pv(ci.ci_ub + eps);
  assert.ok(inLo > alpha && outLo <= alpha, `lower end: p inside ${inLo}, outside ${outLo}, α ${alpha}`);
  assert.ok(inHi > alpha && outHi <= alpha, `upper end: p inside ${inHi}, outside ${outHi}, α ${alpha}`);
  // at the ends the p-value equals α to the resolution of the randomisation distribution
  for (const p of [inLo, outLo, inHi, outHi]) {
    assert.ok(Math.abs(p - alpha) <= resolution + 1e-12, `|p − α| = ${Math.abs(p - alpha)}`);
  }
  // and the observed effect is inside, with its two-sided p-value as reported
  assert.ok(ci.ci_lb <= ci.estimate && ci.estimate <= ci.ci_ub);
  assert.ok(Math.abs(ci.pval - pv(0)) < 1e-12);
}

Deno.test("RT-CI, exact multiple baseline (216 assignments): p crosses α at both ends", () => {
  const rng = createRandom(13);
  const y = [0, 1, 2].map((i) => ar1(rng, n, 0.4, 10 + i).map((v, t) => v + (t + 1 >= [6, 8, 10][i] ? 2 : 0)));
  checkEnds(mbdInput(y, [6, 8, 10]), 95);
  checkEnds(mbdInput(y, [6, 8, 10]), 0.8);
});

Deno.test("RT-CI, exact ABAB phase design: p crosses α at both ends", () => {
  const rng = createRandom(7);
  const labels = Array.from({ length: 24 }, (_, i) => (i < 5 ? "A" : i < 11 ? "B" : i < 17 ? "A" : "B"));
  const values = labels.map((l) => 5 + rng.normal() + (l === "B" ? 1.5 : 0));
  checkEnds({ design: { type: "phase", phases: ["A", "B", "A", "B"], n: 24, limit: 3 }, values, labels }, 90);
});

Deno.test("RT-CI, Monte Carlo (seeded, same draws for every shift): p crosses α at both ends", () => {
  const rng = createRandom(99);
  const labels = Array.from({ length: 40 }, (_, i) => (i < 12 ? "A" : i < 20 ? "B" : i < 30 ? "A" : "B"));
  const values = labels.map((l) => 20 + 2 * rng.normal() + (l === "B" ? -3 : 0));
  const input: ScedRandomizationCiInput = {
    design: { type: "phase", phases: ["A", "B", "A", "B"], n: 40, limit: 4 },
    values,
    labels,
    method: "monte-carlo",
    draws: 1999,
    seed: 5,
  };
  checkEnds(input, 95);
  const ci = scedRandomizationCI(input);
  assert.equal(ci.seed, 5);
  assert.ok(ci.ci_ub < 0, "a clear decrease gives an interval below 0");
});

Deno.test("RT-CI covers the true shift at the nominal rate (seeded simulation, AR(1) errors, φ = 0.5)", () => {
  const rng = createRandom(20261129);
  const sims = 500;
  const delta = 3;
  let covered = 0;
  for (let s = 0; s < sims; s++) {
    const y0 = [0, 1, 2].map((i) => ar1(rng, n, 0.5, 8 + 2 * i));
    const obs = y0.map(() => starts[rng.int(0, starts.length - 1)]); // the randomisation: a start per case
    const y = y0.map((v, i) => v.map((x, t) => x + (t + 1 >= obs[i] ? delta : 0)));
    const ci = scedRandomizationCI(mbdInput(y, obs), { level: 95 });
    if (ci.ci_lb <= delta && delta <= ci.ci_ub) covered++;
  }
  const rate = covered / sims;
  const mcse = Math.sqrt(0.95 * 0.05 / sims);
  console.log(`coverage ${rate} over ${sims} simulated experiments (nominal 0.95, MC SE ${mcse.toFixed(4)})`);
  // Exact randomisation intervals are conservative by at most the discreteness (2/216 here).
  assert.ok(Math.abs(rate - 0.95) <= 3 * mcse + 2 / 216, `coverage ${rate}`);
});

Deno.test("RT-CI with the absolute-difference test (Michiels et al. 2017): p crosses α at both ends, exact and Monte Carlo", () => {
  const rng = createRandom(7);
  const labels = Array.from({ length: 24 }, (_, i) => (i < 5 ? "A" : i < 11 ? "B" : i < 17 ? "A" : "B"));
  const values = labels.map((l) => 5 + rng.normal() + (l === "B" ? 1.5 : 0));
  const exact: ScedRandomizationCiInput = {
    design: { type: "phase", phases: ["A", "B", "A", "B"], n: 24, limit: 3 },
    values,
    labels,
  };
  checkEnds(exact, 90, "absolute");
  checkEnds(exact, 95, "absolute");
  const eq = scedRandomizationCI(exact), ab = scedRandomizationCI(exact, { tails: "absolute" });
  assert.equal(eq.estimate, ab.estimate);
  assert.ok(ab.ci_lb < ab.estimate && ab.estimate < ab.ci_ub);
  const labels40 = Array.from({ length: 40 }, (_, i) => (i < 12 ? "A" : i < 20 ? "B" : i < 30 ? "A" : "B"));
  checkEnds(
    {
      design: { type: "phase", phases: ["A", "B", "A", "B"], n: 40, limit: 4 },
      values: labels40.map((l) => 20 + 2 * rng.normal() + (l === "B" ? -3 : 0)),
      labels: labels40,
      method: "monte-carlo",
      draws: 1999,
      seed: 8,
    },
    95,
    "absolute",
  );
  assert.throws(
    () =>
      scedRandomizationCI({
        design: { type: "MBD", scheme: "marascuilo-busk", n: 16, starts: [starts, starts] },
        cases: [],
      }, {
        tails: "absolute",
      }),
    /"absolute" is for single-case designs/,
  );
});

Deno.test("RT-CI (absolute-difference test) covers the true shift at the nominal rate in randomised ABAB experiments", () => {
  const rng = createRandom(42);
  const design = { type: "phase" as const, phases: ["A", "B", "A", "B"], n: 24, limit: 3 };
  // all admissible phase starts of the design, to draw the randomisation from
  const admissible: number[][] = [];
  for (let b1 = 4; b1 <= 24; b1++) {
    for (let a2 = b1 + 3; a2 <= 24; a2++) for (let b2 = a2 + 3; b2 <= 22; b2++) admissible.push([b1, a2, b2]);
  }
  const sims = 300, delta = 2;
  let covered = 0;
  for (let s = 0; s < sims; s++) {
    const y0 = ar1(rng, 24, 0.3, 10);
    const [b1, a2, b2] = admissible[rng.int(0, admissible.length - 1)];
    const labels = y0.map((_, t) => (t + 1 < b1 ? "A" : t + 1 < a2 ? "B" : t + 1 < b2 ? "A" : "B"));
    const values = y0.map((v, t) => v + (labels[t] === "B" ? delta : 0));
    const ci = scedRandomizationCI({ design, values, labels }, { tails: "absolute" });
    if (ci.ci_lb <= delta && delta <= ci.ci_ub) covered++;
  }
  const rate = covered / sims, mcse = Math.sqrt(0.95 * 0.05 / sims);
  console.log(`coverage ${rate} over ${sims} simulated ABAB experiments with ${admissible.length} assignments`);
  assert.ok(Math.abs(rate - 0.95) <= 3 * mcse + 1 / admissible.length, `coverage ${rate}`);
});

Deno.test("RT-CI refuses a design too small for the level, and a bad level", () => {
  const labels = ["A", "A", "A", "B", "B", "B"];
  const input: ScedRandomizationCiInput = {
    design: { type: "phase", phases: ["A", "B"], n: 6, limit: 2 },
    values: [1, 2, 1, 5, 6, 5],
    labels,
  };
  assert.throws(
    () => scedRandomizationCI(input),
    (e: unknown) => e instanceof ValidationError && /more assignments/.test(e.message),
  );
  assert.throws(() => scedRandomizationCI(input, { level: 150 }), ValidationError);
});
