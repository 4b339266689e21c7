/**
 * SCED randomisation-test benchmarks (issue 4 goals):
 * - 8-participant multiple-baseline design, 30 measurements each, 8 possible starts per participant
 *   (Marascuilo–Busk and Koehler–Levin), Monte Carlo with 10^6 draws: goal <= 1 s on one core;
 * - exact AB test with 10^4 assignments; exact ABAB test with 10^5 assignments.
 * Run: deno bench -A tests/bench/sced_bench.ts
 */
import { countAssignments, mbdTestFast, randomizationTest, type ScedDesign, simulateAR1 } from "../../lib/sced/mod.ts";
import { ar1Into, createFastRandom } from "../../lib/sced/_fast.ts";

/** A seeded AR(1) series drawn from a shared stream (as before the seed moved into the options). */
const ar1 = (n: number, phi: number, rng: ReturnType<typeof createFastRandom>) =>
  ar1Into(n, phi, 1, "innovation", rng, new Float64Array(n));

const rng = createFastRandom(2024);
const N = 8;
const values = Array.from({ length: N }, () => Array.from(ar1(30, 0.3, rng)));
const mbStarts = Array.from({ length: N }, () => [8, 10, 12, 14, 16, 18, 20, 22]);
const observed = [10, 12, 8, 20, 16, 14, 22, 18];
const klStarts = Array.from({ length: N }, (_, t) => Array.from({ length: 8 }, (_, j) => 6 + t * 2 + j));
const klObserved = klStarts.map((s) => s[3]);

Deno.bench("MBD 8 x 30, 8 starts each, Marascuilo-Busk, Monte Carlo 10^6 draws (mbdTestFast)", () => {
  mbdTestFast({
    values,
    scheme: "marascuilo-busk",
    starts: mbStarts,
    observed,
    statistic: "A-B",
    draws: 1_000_000,
    seed: 1,
  });
});

Deno.bench("MBD 8 x 30, 8 starts per tier, Koehler-Levin, Monte Carlo 10^6 draws (mbdTestFast)", () => {
  mbdTestFast({
    values,
    scheme: "koehler-levin",
    starts: klStarts,
    observed: klObserved,
    statistic: "A-B",
    draws: 1_000_000,
    seed: 1,
  });
});

Deno.bench("MBD 8 x 30, Marascuilo-Busk, Monte Carlo 10^6 draws (randomizationTest, general API)", () => {
  randomizationTest({
    design: { type: "MBD", scheme: "marascuilo-busk", n: 30, starts: mbStarts },
    cases: values.map((v, i) => ({ values: v, start: observed[i] })),
    statistic: "A-B",
    method: "monte-carlo",
    draws: 1_000_000,
    seed: 1,
  });
});

// Exact AB with 10^4 assignments: n = 10_007, limit 4 -> n - 2*limit + 1 = 10_000.
const abDesign: ScedDesign = { type: "phase", phases: ["A", "B"], n: 10_007, limit: 4 };
const abValues = Array.from(simulateAR1({ n: 10_007, phi: 0.3, seed: 5 }));
const abLabels = abValues.map((_, t) => (t < 5000 ? "A" : "B"));
if (countAssignments(abDesign) !== 10_000) throw new Error("AB design should have 10^4 assignments");
Deno.bench("exact AB test, 10^4 assignments (n = 10007)", () => {
  randomizationTest({ design: abDesign, values: abValues, labels: abLabels, statistic: "A-B" });
});

// Exact ABAB with 10^5 assignments: C(n - 4*limit + 3, 3) = C(86, 3) = 102,340 with n = 99, limit = 4.
const ababDesign: ScedDesign = { type: "phase", phases: ["A", "B", "A", "B"], n: 99, limit: 4 };
const ababValues = Array.from(simulateAR1({ n: 99, phi: 0.3, seed: 6 }));
const ababLabels = ababValues.map((_, t) => (t < 25 ? "A" : t < 50 ? "B" : t < 75 ? "A" : "B"));
Deno.bench(`exact ABAB test, ${countAssignments(ababDesign)} assignments (n = 99, limit 4), PA-PB`, () => {
  randomizationTest({ design: ababDesign, values: ababValues, labels: ababLabels, statistic: "PA-PB" });
});
Deno.bench(`exact ABAB test, ${countAssignments(ababDesign)} assignments, medA-medB (generic path)`, () => {
  randomizationTest({ design: ababDesign, values: ababValues, labels: ababLabels, statistic: "medA-medB" });
});

// The design simulator's load: 1,000 data sets x 1,000 draws, 8 x 30 MBD.
Deno.bench("design-simulator load: 1,000 data sets x (simulate 8 x 30 AR(1) + MC 1,000 draws)", () => {
  const r = createFastRandom(9);
  for (let d = 0; d < 1000; d++) {
    const v = Array.from({ length: N }, () => ar1(30, 0.3, r));
    mbdTestFast({
      values: v,
      scheme: "marascuilo-busk",
      starts: mbStarts,
      observed,
      statistic: "A-B",
      draws: 1000,
      seed: d,
    });
  }
});
