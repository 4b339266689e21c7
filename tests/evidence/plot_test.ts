// Tests of lib/plot/evidence.ts (kept under tests/evidence/, the evidence owner's test folder).
import assert from "node:assert/strict";
// @ts-types="@types/jsdom"
import { JSDOM } from "jsdom";
import {
  auditCountsPlot,
  contrastPlot,
  directionPlot,
  i2Plot,
  postFollowupPlot,
  rateIntervalPlot,
  smcRangePlot,
} from "../../lib/plot/evidence.ts";
import { auditEvidence } from "../../lib/evidence/audit.ts";
import { loadEvidence } from "../../lib/evidence/load.ts";
import { repoPath } from "../helpers.ts";

const document = new JSDOM("").window.document as unknown as Document;
const ev = await loadEvidence((f) => Deno.readTextFile(repoPath(`data/${f}`)));

Deno.test("contrastPlot draws one interval and one dot per contrast", () => {
  const rows = ev.estimates.filter((e) => e.statistic === "md" && e.interval === "ci95").map((e) => ({
    label: `${e.contrast} ${e.timepoint}`,
    group: `${e.study_id} ${e.outcome}`,
    estimate: e.value!,
    ci_lb: e.lower!,
    ci_ub: e.upper!,
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
    { label: "EXP post", series: "reported", rate: 0.51, ci_lb: 0.36, ci_ub: 0.65 },
    { label: "EXP post", series: "implied", rate: 0.45, ci_lb: 0.3, ci_ub: 0.6 },
  ], { document }) as unknown as Element;
  assert.equal(r.querySelectorAll("circle").length, 2);
  const p = postFollowupPlot([
    { construct: "PDI", timepoint: "post", value: -1.01 },
    { construct: "PDI", timepoint: "12 months", value: -0.81 },
  ], { document }) as unknown as Element;
  assert.ok(p.textContent!.includes("PDI (-0.81)"));
});

Deno.test("directionPlot stacks three bars per domain; auditCountsPlot one bar per check and severity", () => {
  // three bars per domain (zero-width ones included), plus three legend swatches
  const d = directionPlot(ev.directions, { document }) as unknown as Element;
  assert.equal(d.querySelectorAll("rect").length, 3 * ev.directions.length + 3);
  const findings = auditEvidence(ev);
  const a = auditCountsPlot(findings, { document }) as unknown as Element;
  const pairs = new Set(findings.map((f) => `${f.check}|${f.severity}`)).size;
  assert.equal(a.querySelectorAll("rect").length, pairs + 3);
  assert.throws(() => directionPlot([], { document }), /directionPlot: input must have >= 1 elements/);
});
