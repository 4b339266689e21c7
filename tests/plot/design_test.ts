import assert from "node:assert/strict";
// @ts-types="@types/jsdom"
import { JSDOM } from "jsdom";
import { diagnosandCurve, diagnosandData, diagnosandPlot, dilutionData, dilutionPlot } from "../../lib/plot/design.ts";
import type { DiagnosisRow } from "../../lib/design/diagnose.ts";
import { type DesignInput, diagnoseSimulation, type InstrumentName, parseSimulation } from "../../lib/design/mod.ts";

const base: DiagnosisRow = {
  design: "RCT",
  grid_index: 0,
  answer: "dim",
  estimand: "raw",
  grid: { "data.n": 50 },
  reps: 400,
  failed: 0,
  mean_estimand: 1,
  mean_estimate: 1.1,
  sd_estimate: 0.5,
  bias: 0.1,
  bias_mcse: 0.025,
  rmse: 0.51,
  rmse_mcse: 0.02,
  power: 0.98,
  power_mcse: 0.02,
  coverage: 0.95,
  coverage_mcse: 0.011,
  type_s: 0,
  type_s_mcse: 0,
  mean_ci_width: 2,
  warnings: [],
};

Deno.test("diagnosandData: value ± 2 MCSE, proportions clipped to [0, 1], rows without the diagnosand left out", () => {
  const rows = [base, { ...base, answer: "responder-rate", power: null, power_mcse: null }];
  const power = diagnosandData(rows, { diagnosand: "power" });
  assert.equal(power.length, 1);
  assert.equal(power[0].ci_ub, 1, "0.98 + 2 x 0.02 clipped to 1");
  assert.ok(Math.abs(power[0].ci_lb - 0.94) < 1e-12);
  const bias = diagnosandData(rows, { diagnosand: "bias", x: "data.n" });
  assert.deepEqual(bias.map((b) => [b.label, b.x]), [["RCT · dim", 50], ["RCT · responder-rate", 50]]);
  assert.ok(Math.abs(bias[0].ci_lb - 0.05) < 1e-12 && Math.abs(bias[0].ci_ub - 0.15) < 1e-12, "bias 0.1 ± 2 x 0.025");
  assert.throws(
    () => diagnosandData(rows, { diagnosand: "colour" as never }),
    /diagnosandData: diagnosand must be one of/,
  );
});

Deno.test("plots render to SVG with one dot per design x answer and a curve per label", () => {
  const document = new JSDOM("").window.document;
  const svg = diagnosandPlot([base, { ...base, design: "Cohort", answer: "change-t" }], {
    diagnosand: "power",
    document,
  });
  assert.equal(svg.querySelectorAll("circle").length, 2);
  const rows = [50, 100, 200].map((n, i) => ({ ...base, grid_index: i, grid: { "data.n": n }, power: 0.3 + 0.2 * i }));
  const curve = diagnosandCurve(rows, { diagnosand: "power", x: "data.n", document });
  assert.ok(curve.querySelectorAll("path").length >= 2, "a band and a line");
  assert.throws(
    () => diagnosandCurve(rows, { document }),
    /diagnosandCurve: x is required \(a grid path such as data.n\)/,
  );
});

Deno.test("dilution plot: the PDI's standardised change grows with k, the PSC's does not (simulated rows)", () => {
  const design = (name: string, instrument: InstrumentName): DesignInput => ({
    name,
    model: { instrument },
    data: { type: "cohort", n: 150 },
    answers: ["smc"],
  });
  const rows = diagnoseSimulation(parseSimulation({
    designs: [design("PDI", "pdi"), design("PSC", "psc")],
    grid: { "model.prioritised": [1, 4, 7] },
    reps: 60,
    seed: 3,
  }));
  const pts = dilutionData(rows);
  const pdi = pts.filter((p) => p.instrument === "PDI").map((p) => p.value);
  const psc = pts.filter((p) => p.instrument === "PSC").map((p) => p.value);
  assert.ok(pdi[0] < pdi[1] && pdi[1] < pdi[2], `PDI SMC by k: ${pdi}`);
  assert.ok(psc[0] > 2 * pdi[0], `with k = 1 the PSC shows far more: ${psc[0]} vs ${pdi[0]}`);
  const svg = dilutionPlot(rows, { document: new JSDOM("").window.document });
  assert.ok(svg.querySelectorAll("path").length >= 2);
});

Deno.test("tornado: bars sorted by swing for one design; the plot renders one bar per assumption", async () => {
  const { tornadoData, tornadoPlot } = await import("../../lib/plot/design.ts");
  const rows = [
    { design: "cohort", path: "model.naturalCourse", field: null, low: 0, high: 0.5, bias_low: 1.6, bias_high: 5.2 },
    { design: "cohort", path: "data.attrition", field: "rate", low: 0.1, high: 0.3, bias_low: 3.5, bias_high: 3.6 },
    { design: "rct", path: "model.naturalCourse", field: null, low: 0, high: 0.5, bias_low: 0, bias_high: 0.1 },
    { design: "cohort", path: "model.sd", field: null, low: 2.2, high: 3, bias_low: null, bias_high: 1 },
  ];
  const bars = tornadoData(rows, "cohort");
  assert.deepEqual(bars.map((b) => b.label), ["model.naturalCourse (0 to 0.5)", "data.attrition.rate (0.1 to 0.3)"]);
  assert.ok(Math.abs(bars[0].swing - 3.6) < 1e-12);
  // the word between the ends of a range follows the reader's language
  assert.deepEqual(tornadoData(rows, "cohort", "tot").map((b) => b.label), [
    "model.naturalCourse (0 tot 0.5)",
    "data.attrition.rate (0.1 tot 0.3)",
  ]);
  const { window } = new JSDOM("");
  const svg = tornadoPlot(rows, { design: "cohort", document: window.document as unknown as Document });
  assert.equal(svg.querySelectorAll("circle").length, 4);
});

Deno.test("diagnosandPlot: long row labels are shortened to fit, axis labels can be translated", () => {
  const document = new JSDOM("").window.document;
  const long = "sceptical · SCED multiple baseline, 8 cases (PIO), a very long design name indeed";
  const svg = diagnosandPlot([{ ...base, design: long }], {
    diagnosand: "bias",
    label: "Vertekening",
    width: 600,
    document,
  });
  const texts = [...svg.querySelectorAll("text")].map((t) => t.textContent ?? "");
  assert.ok(texts.some((t) => t === "Vertekening" || t.startsWith("Vertekening")), texts.join(" | "));
  const tick = texts.find((t) => t.startsWith("sceptical"))!;
  assert.ok(tick.endsWith("…") && tick.length * 6.2 + 12 <= 0.45 * 600 + 6.2, tick);
  const short = diagnosandPlot([base], { diagnosand: "bias", document });
  assert.ok([...short.querySelectorAll("text")].some((t) => t.textContent === "RCT · dim"));
});
