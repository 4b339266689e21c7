/**
 * Benchmarks of the intercept-only REML fit (the path the design simulator calls thousands of
 * times), with and without the Q-profile CI. metafor's rma(method = "REML") on this machine
 * (tests/bench/README.md, by CPU time): 120 fits/s at k = 100 and 350 fits/s at k = 20; with
 * confint 44/s and 210/s; one moderator at k = 100 59/s (the goal is 100x that).
 * Run: deno bench -A tests/bench/meta_bench.ts
 */
import { createRandom } from "../../lib/stats/random.ts";
import { confint, rma } from "../../lib/meta/rma.ts";
import { rmaMods } from "../../lib/meta/metareg.ts";

function simulate(k: number, seed: number) {
  const rnd = createRandom(seed);
  const vi = Array.from({ length: k }, () => 0.02 + 0.2 * rnd.uniform());
  const yi = vi.map((v) => rnd.normal(0.5, Math.sqrt(v + 0.1)));
  return { yi, vi };
}

const d100 = simulate(100, 1);
const d20 = simulate(20, 2);
const x100 = Array.from({ length: 100 }, (_, i) => i % 7);

Deno.bench("rma REML k = 100", { group: "k100", baseline: true }, () => {
  rma({ yi: d100.yi, vi: d100.vi, method: "REML" });
});
Deno.bench("rma REML k = 100 + Q-profile confint", { group: "k100" }, () => {
  confint(rma({ yi: d100.yi, vi: d100.vi, method: "REML" }));
});
Deno.bench("rma REML k = 20", { group: "k20", baseline: true }, () => {
  rma({ yi: d20.yi, vi: d20.vi, method: "REML" });
});
Deno.bench("rma REML k = 20 + Q-profile confint", { group: "k20" }, () => {
  confint(rma({ yi: d20.yi, vi: d20.vi, method: "REML" }));
});
Deno.bench("rmaMods REML k = 100, one moderator (design-matrix path)", { group: "mods" }, () => {
  rmaMods({ yi: d100.yi, vi: d100.vi, mods: { x: x100 }, method: "REML" });
});
