import assert from "node:assert/strict";
import fc from "fast-check";
import { assertClose } from "../helpers.ts";
import { createRandom } from "../../lib/stats/random.ts";
import { parseDesign } from "../../lib/design/schema.ts";
import { drawPatients, resolveModel } from "../../lib/design/model.ts";
import { diagnoseSimulation, parseSimulation } from "../../lib/design/simulate.ts";
import type { DesignInput } from "../../lib/design/types.ts";
import { dilution } from "../../lib/design/analytic.ts";
import { csvInstrumentNames, instruments, instrumentsFromCsv } from "../../lib/design/defaults.ts";
import { loadCsv } from "../../lib/io/csv.ts";
import { repoPath } from "../helpers.ts";
import { z } from "zod";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

function sd(x: Float64Array): number {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1));
}

Deno.test("model: the analytic SD of the observed score matches simulated patients (PDI sum of 7 domains, PSC on k domains)", () => {
  for (const [instrument, prioritised] of [["pdi", 1], ["psc", 1], ["psc", 3], ["nrs", 1]] as const) {
    const rm = resolveModel(parseDesign({ model: { instrument, prioritised } }).model);
    const p = drawPatients(rm, 20_000, ["none"], createRandom(1));
    // SE of a sample SD is about sd / sqrt(2n) = 0.5%; allow 3%
    assertClose(sd(p.pre), rm.scoreSd, 0.03, `${instrument} k=${prioritised} SD`);
  }
  assertClose(
    resolveModel(parseDesign({ model: { instrument: "pdi" } }).model).scoreSd,
    2.2 * Math.sqrt(0.8 * 28 + 0.2 * 7),
    1e-12,
  );
});

Deno.test("model: PROM dilution emerges: with 1 prioritised domain the PDI shows ~19% of the PSC's standardised change", () => {
  const design = (instrument: "pdi" | "psc", prioritised: number): DesignInput => ({
    model: { instrument, prioritised },
    data: { type: "cohort", n: 200 },
    answers: ["smc"],
  });
  const sim = parseSimulation({ designs: [design("pdi", 1), design("psc", 1)], reps: 200, seed: 2 });
  const [pdi, psc] = diagnoseSimulation(sim);
  const ratio = pdi.mean_estimate! / psc.mean_estimate!;
  const expected = dilution(parseDesign({ model: { instrument: "pdi", prioritised: 1 } }).model)!;
  assertClose(expected, 0.19082600930253332, 1e-12, "analytic dilution (effect weight / score SD, PDI vs PSC)");
  assertClose(ratio, expected, 0.05, "simulated SMC ratio PDI / PSC");
});

Deno.test("model: dilution shrinks as patients prioritise more domains (property over k)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }), (k) => {
      const a = dilution(parseDesign({ model: { instrument: "pdi", prioritised: k } }).model)!;
      const b = dilution(parseDesign({ model: { instrument: "pdi", prioritised: k + 1 } }).model)!;
      return b > a;
    }),
  );
  assert.equal(dilution(parseDesign({ model: { instrument: "psc" } }).model), 1);
  assert.equal(dilution(parseDesign({ model: { instrument: "nrs" } }).model), null);
});

Deno.test("model: natural course, primary-care responders and effects enter the potential outcomes as declared", () => {
  const rm = resolveModel(
    parseDesign({
      model: { instrument: "pdi", prioritised: 2, naturalCourse: 0.5, shareNotEndOfLine: 0.4 },
    }).model,
  );
  const p = drawPatients(rm, 20_000, ["imsr", "primaryCare", "none"], createRandom(9));
  const mean = (f: (i: number) => number) => {
    let s = 0;
    for (let i = 0; i < p.n; i++) s += f(i);
    return s / p.n;
  };
  // natural course: 0.5 points on each of 7 PDI domains = 3.5 points of improvement (oriented)
  assertClose(mean((i) => p.post.none![i] - p.pre[i]), 3.5, 0.05, "natural course");
  // IMSR: 2.5 points on 2 prioritised domains = 5 points
  assertClose(mean((i) => p.effect.imsr![i]), 5, 0.02, "IMSR effect");
  // primary care: 2 points x 2 domains for the 40% not at the end of the line, 0 for the rest
  assertClose(mean((i) => p.effect.primaryCare![i]), 0.4 * 4, 0.05, "primary-care effect");
  assertClose(mean((i) => p.notEndOfLine[i]), 0.4, 0.03, "share not at the end of the line");
});

Deno.test("model: selection that keeps almost nobody is an error, not an endless loop", () => {
  const rm = resolveModel(
    parseDesign({ model: { instrument: "score", selection: { cutoff: -100, keep: "below" } } }).model,
  );
  assert.throws(() => drawPatients(rm, 10, ["none"], createRandom(1)), /model.selection keeps too few patients/);
});

Deno.test("defaults: seed baselines, MCIDs agree with data/instruments.csv, CSV overrides", async () => {
  const { rows } = loadCsv(
    await Deno.readTextFile(repoPath("data/instruments.csv")),
    z.object({ instrument: z.string(), mcid: z.string() }),
    {
      name: "instruments.csv",
    },
  );
  for (const row of rows) {
    const key = csvInstrumentNames[row.instrument];
    if (key && row.mcid !== "") assert.equal(instruments[key].mcid, Number(row.mcid), `${row.instrument} MCID`);
  }
  assert.equal(instruments.nrs.mean, 6.53);
  assert.equal(instruments.pcs.mean, 31.2);
  assert.equal(instruments.mcs.mean, 36.6);
  assert.equal(instruments.pdi.domains, 7);
  const over = instrumentsFromCsv([{ instrument: "PDI", mcid: "9" }, { instrument: "PSC", mcid: "" }, {
    instrument: "x",
    mcid: 1,
  }]);
  assert.equal(over.pdi.mcid, 9);
  assert.equal(over.psc.mcid, 2, "no MCID in the row: default kept");
  assert.equal(instruments.pdi.mcid, 8.5, "defaults unchanged (8.5: data/instruments.csv, Soer 2012)");
});
