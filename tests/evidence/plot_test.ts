// Tests of lib/plot/evidence.ts (kept under tests/evidence/, the evidence owner's test folder).
import assert from "node:assert/strict";
// @ts-types="@types/jsdom"
import { JSDOM } from "jsdom";
import { contrastPlot, i2Plot, postFollowupPlot, rateIntervalPlot, smcRangePlot } from "../../lib/plot/evidence.ts";
import { loadEvidence } from "../../lib/evidence/load.ts";
import { repoPath } from "../helpers.ts";

const document = new JSDOM("").window.document as unknown as Document;
const ev = await loadEvidence((f) => Deno.readTextFile(repoPath(`data/${f}`)));

Deno.test("contrastPlot draws one interval and one dot per contrast", () => {
  const rows = ev.estimates.filter((e) => e.statistic === "md" && e.interval === "ci95").map((e) => ({
    label: `${e.contrast} ${e.timepoint}`,
    group: `${e.study_id} ${e.outcome}`,
    value: e.value!,
    lower: e.lower!,
    upper: e.upper!,
  }));
  const svg = contrastPlot(rows, { document }) as unknown as Element;
  assert.equal(svg.querySelectorAll("circle").length, rows.length);
  assert.throws(() => contrastPlot([], { document }), /contrastPlot: input must have >= 1 elements/);
});

Deno.test("smcRangePlot draws 30 medians and i2Plot 27 points", () => {
  const svg = smcRangePlot(ev.smc, { document }) as unknown as Element;
  assert.equal(svg.querySelectorAll("circle").length, 30);
  const rows = ev.smc.filter((r) => r.Q !== null && r.df !== null && r.I2 !== null).map((r) => ({
    label: r.id,
    reported: r.I2!,
    higgins: Math.max(0, (r.Q! - r.df!) / r.Q!) * 100,
  }));
  const i2 = i2Plot(rows, { document }) as unknown as Element;
  assert.equal(i2.querySelectorAll("circle").length, 27);
});

Deno.test("rateIntervalPlot and postFollowupPlot render their rows", () => {
  const r = rateIntervalPlot([
    { label: "EXP post", series: "reported", rate: 0.51, lower: 0.36, upper: 0.65 },
    { label: "EXP post", series: "implied", rate: 0.45, lower: 0.3, upper: 0.6 },
  ], { document }) as unknown as Element;
  assert.equal(r.querySelectorAll("circle").length, 2);
  const p = postFollowupPlot([
    { construct: "PDI", timepoint: "post", value: -1.01 },
    { construct: "PDI", timepoint: "12 months", value: -0.81 },
  ], { document }) as unknown as Element;
  assert.ok(p.textContent!.includes("PDI (-0.81)"));
});
