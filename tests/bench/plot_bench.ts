/**
 * Forest and funnel plot builders: the pure data step and the full Plot render (jsdom) for a
 * typical review (k = 50) and a large one (k = 500). Run: deno bench -A tests/bench/plot_bench.ts
 */
// @ts-types="@types/jsdom"
import { JSDOM } from "jsdom";
import { createRandom } from "../../lib/stats/random.ts";
import { rma } from "../../lib/meta/rma.ts";
import { forestData, forestPlot } from "../../lib/plot/forest.ts";
import { funnelData, funnelPlot } from "../../lib/plot/funnel.ts";

function simulatedFit(k: number) {
  const rng = createRandom(20261123 + k);
  const vi = Array.from({ length: k }, () => 0.01 + 0.2 * rng.uniform());
  const yi = vi.map((v) => rng.normal(0.5, Math.sqrt(v + 0.1)));
  return rma({ yi, vi, method: "REML" });
}

const document = new JSDOM("").window.document;
for (const k of [50, 500]) {
  const fit = simulatedFit(k);
  Deno.bench(`forestData k=${k}`, { group: `data k=${k}` }, () => void forestData(fit));
  Deno.bench(`funnelData k=${k}`, { group: `data k=${k}` }, () => void funnelData(fit));
  Deno.bench(`forestPlot (jsdom) k=${k}`, { group: `render k=${k}` }, () => void forestPlot(fit, { document }));
  Deno.bench(`funnelPlot (jsdom) k=${k}`, { group: `render k=${k}` }, () => void funnelPlot(fit, { document }));
}
