import assert from "node:assert/strict";
// @ts-types="@types/jsdom"
import { JSDOM } from "jsdom";
import {
  labelSide,
  phasePlot,
  phasePlotData,
  powerCurvePlot,
  randomizationDistributionData,
  randomizationDistributionPlot,
} from "../../lib/plot/sced.ts";
import { randomizationTest } from "../../lib/sced/test.ts";

const document = new JSDOM("").window.document;
const abab = { name: "p1", values: [4, 4, 1, null, 2, 3, 0, 2], labels: [..."AABBAABB"] };

Deno.test("phasePlotData: phase changes at t - 0.5, phase means of observed values, missing counted", () => {
  const d = phasePlotData([abab]);
  assert.deepEqual(d.changes.map((c) => c.x), [2.5, 4.5, 6.5]);
  assert.deepEqual(d.means.map((m) => [m.phase, m.mean]), [["A", 4], ["B", 1], ["A", 2.5], ["B", 1]]);
  assert.deepEqual(d.points.map((p) => p.segment), [0, 0, 1, 1, 2, 2, 3, 3]);
  assert.equal(d.missing, 1);
  assert.throws(() => phasePlotData([{ ...abab, labels: ["A"] }]), /series\[0\]\.labels must have 8 elements/);
});

Deno.test("phasePlot renders one panel per participant with dashed phase changes", () => {
  const svg = phasePlot([abab, { ...abab, name: "p2" }], { document }) as unknown as Element;
  const html = svg.outerHTML;
  assert.match(html, /<svg/);
  assert.equal((html.match(/stroke-dasharray="4,3"/g) ?? []).length >= 1, true);
  // facets: the case names appear as fy tick labels
  assert.match(html, />p1</);
  assert.match(html, />p2</);
});

Deno.test("randomization distribution: the bars counted in p are the statistics >= observed (k of the test)", () => {
  const r = randomizationTest({
    design: { type: "phase", phases: ["A", "B"], n: 10, limit: 1 },
    values: [10, 9, 8, 10, 7, 2, 5, 3, 4, 5],
    labels: [..."AAAAABBBBB"],
    statistic: "A-B",
    distribution: true,
  });
  const d = randomizationDistributionData(r);
  assert.equal(d.total, 9);
  assert.equal(d.atLeast, r.k);
  assert.equal(d.atLeast, 1); // SCDA example: p = 1/9 (cases.json)
  const svg = randomizationDistributionPlot(r, { document }) as unknown as Element;
  assert.match(svg.outerHTML, /observed/);
  assert.throws(
    () => randomizationDistributionData({ observed: 1 }),
    /run the test with distribution: true|distribution must be/,
  );
  const pc = powerCurvePlot([{ effect: 0, power: 0.05, mcse: 0.01, alpha: 0.05 }, {
    effect: 1,
    power: 0.5,
    mcse: 0.03,
    alpha: 0.05,
  }], { document }) as unknown as Element;
  assert.match(pc.outerHTML, /power/);
});

Deno.test("distribution bins: bar counts add up, and bars at or beyond the observed hold exactly k statistics", () => {
  const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 3);
  const observed = values[17];
  const d = randomizationDistributionData({ distribution: values, observed }, 25);
  assert.equal(d.bins.reduce((a, b) => a + b.count, 0), 1000);
  const k = values.filter((v) => v >= observed - 1e-10 * Math.max(1, Math.abs(observed))).length;
  assert.equal(d.bins.filter((b) => b.side === "≥ observed").reduce((a, b) => a + b.count, 0), k);
  const few = randomizationDistributionData({ distribution: [1, 1, 2, 3, 3, 3], observed: 3 });
  assert.deepEqual(few.bins.map((b) => [b.count, b.side]), [[2, "< observed"], [1, "< observed"], [3, "≥ observed"]]);
});

Deno.test("distribution bars: statistics equal up to rounding are one bar, bars are never hairlines, p via fmtPEq", () => {
  const d = randomizationDistributionData({ distribution: [1, 1 + 1e-15, 2, 3, 3], observed: 3 });
  assert.deepEqual(d.bins.map((b) => b.count), [2, 1, 2]);
  for (const b of d.bins) assert.ok(b.x2 - b.x1 >= 2 / 150 - 1e-12, `width ${b.x2 - b.x1}`);
  const svg = randomizationDistributionPlot({
    distribution: [1, 2, 3],
    observed: 3,
    pval: 0.00000514,
    statistic: "A-B",
  }, {
    document,
  }) as unknown as Element;
  assert.match(svg.outerHTML, /p &lt; 0\.0001|p < 0\.0001/);
  assert.doesNotMatch(svg.outerHTML, /5\.14e-6/);
});

Deno.test("observed label: on the side with room (never clipped at the right edge) and with the count >= observed", () => {
  // a multiple baseline whose observed statistic is the largest of all assignments: the one bar
  // counted in p is invisible among thousands, so the label says "1 of N"
  const cases = [
    { values: [7, 7, 8, 7, 3, 2, 3, 2, 3, 2], labels: [..."AAAABBBBBB"] },
    { values: [8, 7, 7, 8, 7, 3, 2, 3, 2, 3], labels: [..."AAAAABBBBB"] },
    { values: [7, 8, 7, 7, 8, 7, 2, 3, 2, 2], labels: [..."AAAAAABBBB"] },
  ];
  const r = randomizationTest({
    design: { type: "MBD", scheme: "marascuilo-busk", n: 10, starts: [[4, 5, 6, 7], [4, 5, 6, 7], [4, 5, 6, 7]] },
    cases,
    statistic: "A-B",
    distribution: true,
  });
  const d = randomizationDistributionData(r);
  assert.equal(labelSide(d), "left");
  const svg = randomizationDistributionPlot(r, { document }) as unknown as Element;
  assert.match(svg.outerHTML, new RegExp(`observed \\(${r.k} of ${r.assignments} ≥\\)`));
  assert.match(svg.outerHTML, /text-anchor="end"/);
  assert.equal(labelSide({ bins: [{ x1: 0, x2: 10, count: 1, side: "< observed" }], observed: 2 }), "right");
  // p on the axis with fmtPEq, never as 5.14e-6 or 0.00000514
  const tiny = randomizationDistributionPlot({ ...r, pval: 5.14e-6 }, { document }) as unknown as Element;
  assert.match(tiny.outerHTML, /p &lt; 0\.0001|p < 0\.0001/);
  assert.doesNotMatch(tiny.outerHTML, /e-6|0\.00000514/);
});

Deno.test("distribution bins: few but irregular values (Wampold–Worsham, Monte Carlo) give bins, not hairlines", () => {
  // 24 distinct values, two of them 0.001 apart, drawn 10,000 times
  const u = Array.from({ length: 24 }, (_, i) => 1.5 + 0.07 * i + (i === 5 ? 0.001 - 0.07 : 0));
  const values = Array.from({ length: 10_000 }, (_, i) => u[(i * 7) % 24]);
  const observed = u[23];
  const d = randomizationDistributionData({ distribution: values, observed });
  const range = Math.max(...values) - Math.min(...values);
  for (const b of d.bins) assert.ok(b.x2 - b.x1 >= range / 40 - 1e-12, `bar width ${b.x2 - b.x1}`);
  assert.equal(d.bins.reduce((a, b) => a + b.count, 0), 10_000);
  assert.equal(d.bins.filter((b) => b.side === "≥ observed").reduce((a, b) => a + b.count, 0), d.atLeast);
  // regularly spaced values keep one bar per value
  const few = randomizationDistributionData({ distribution: [1, 2, 2, 3, 4, 4, 4], observed: 4 });
  assert.equal(few.bins.length, 4);
});
