/**
 * Generator of SIMULATED between-group SMDs used as example RCTs in the SCED synthesis section of
 * notebooks/sced.html. They are not results of any real trial: each "trial" draws two arms of
 * normal scores (true standardised difference 0.5, between-trial SD 0.15, seed 2026) and its
 * Hedges' g and sampling variance come from the toolkit's escalc("SMD").
 * Run from the repository root: deno run -A data/sced/generate-rct-smds.ts
 */
import { escalc } from "../../lib/effects/mod.ts";
import { deriveSeed, rnorm } from "../../lib/stats/random.ts";

const SEED = 2026;
const sizes = [[40, 42], [64, 60], [25, 26], [90, 88], [33, 35]];
const lines = ["study,design,n1,n2,yi,vi"];
sizes.forEach(([n1, n2], i) => {
  const delta = 0.5 + rnorm(1, deriveSeed(SEED, i, 0), 0, 0.15)[0];
  // improvement = a larger score difference in favour of treatment (pain reduction, in SD units)
  const t = rnorm(n1, deriveSeed(SEED, i, 1), delta, 1);
  const c = rnorm(n2, deriveSeed(SEED, i, 2), 0, 1);
  const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
  const sd = (x: number[]) => Math.sqrt(x.reduce((a, b) => a + (b - mean(x)) ** 2, 0) / (x.length - 1));
  const e = escalc("SMD", { m1i: [mean(t)], m2i: [mean(c)], sd1i: [sd(t)], sd2i: [sd(c)], n1i: [n1], n2i: [n2] });
  lines.push(`Simulated RCT ${i + 1},RCT (simulated),${n1},${n2},${e.yi[0].toFixed(4)},${e.vi[0].toFixed(5)}`);
});
Deno.writeTextFileSync(new URL("simulated-rct-smds.csv", import.meta.url), lines.join("\n") + "\n");
