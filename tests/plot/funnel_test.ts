import assert from "node:assert/strict";
import fc from "fast-check";
// @ts-types="@types/jsdom"
import { JSDOM } from "jsdom";
import { funnelData, funnelPlot } from "../../lib/plot/funnel.ts";
import { assertAllClose, assertClose, readFixture } from "../helpers.ts";

// Property tests are reproducible: fast-check draws from a fixed seed (change it to explore).
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261122 });

// Morris (2008) pre-post data, SMCR, REML fit from metafor 3.8.1
// (../shared/fixtures/metafor/morris2008_smcr.json).
const fx = readFixture("metafor/morris2008_smcr.json");
const reml = fx.fits.find((f: any) => f.method === "REML" && f.test === "z");
const fit = { ...reml, yi: fx.escalc.yi, vi: fx.escalc.vi };

// R: qnorm(c(0.95, 0.975, 0.995)).
const Z90 = 1.6448536269514722;
const Z95 = 1.959963984540054;
const Z99 = 2.5758293035489004;
// Largest SE is study 3's, sqrt(0.232194068584556); the axis ends 5% below it: 0.5059584573998868 (by hand).
const SE_MAX = 0.5059584573998868;

Deno.test("funnelData: points are (yi, sqrt(vi)); the axis ends at 1.05 × the largest SE", () => {
  const d = funnelData(fit);
  assertAllClose(d.points.map((p) => p.yi), fx.escalc.yi, 0, "yi");
  assertAllClose(d.points.map((p) => p.se), fx.escalc.vi.map(Math.sqrt), 1e-15, "se");
  assertClose(d.seMax, SE_MAX, 1e-14, "seMax");
  assert.equal(d.center, reml.beta);
  assert.deepEqual(d.filled, []);
});

Deno.test("funnelData: pseudo-confidence contours are beta ± z·se at 99/95/90%, widest first", () => {
  const d = funnelData(fit);
  assert.deepEqual(d.contours.map((c) => c.level), [99, 95, 90]);
  assertAllClose(d.contours.map((c) => c.z), [Z99, Z95, Z90], 1e-14, "z");
  const b = reml.beta;
  for (const [j, z] of [Z99, Z95, Z90].entries()) {
    const [top, bottom] = d.contours[j].lines;
    assert.deepEqual(top, { se: 0, lb: b, ub: b });
    assertClose(bottom.se, SE_MAX, 1e-14, "se");
    assertClose(bottom.lb, b - z * SE_MAX, 1e-14, `lb ${d.contours[j].level}`);
    assertClose(bottom.ub, b + z * SE_MAX, 1e-14, `ub ${d.contours[j].level}`);
  }
  // 95% by hand: 0.912054115411974 ± 1.959963984540054 × 0.5059584573998868.
  assertClose(d.contours[1].lines[1].ub, 1.9037144695891952, 1e-14, "95% upper bound at seMax");
  assertAllClose(
    d.xDomain,
    [
      b - Z99 * SE_MAX - 0.03 * 2 * Z99 * SE_MAX,
      b + Z99 * SE_MAX + 0.03 * 2 * Z99 * SE_MAX,
    ],
    1e-12,
    "xDomain",
  );
});

Deno.test("funnelData: a contour-enhanced funnel centres the regions at 0; filled studies are kept apart", () => {
  const d = funnelData(fit, { center: 0, levels: [95], filled: { yi: [-0.4], vi: [0.3] }, adjusted: 0.7 });
  assert.equal(d.contours.length, 1);
  assertClose(d.contours[0].lines[1].ub, Z95 * 1.05 * Math.sqrt(0.3), 1e-14, "ub");
  assert.deepEqual(d.filled, [{ i: 0, label: "Filled 1", yi: -0.4, se: Math.sqrt(0.3), filled: true }]);
  assert.equal(d.points.length, 5);
  assert.equal(d.adjusted, 0.7);
});

Deno.test("funnelData: errors name the field, the row and the rule", () => {
  assert.throws(() => funnelData({ ...fit, vi: [0.1, -1, 0.1, 0.1, 0.1] }), /funnelData: vi\[1\] must be >= 0, got -1/);
  assert.throws(() => funnelData({ ...fit, vi: [0, 0, 0, 0, 0] }), /every SE is 0/);
  assert.throws(
    () => funnelData(fit, { levels: [95, 120] }),
    /levels\[1\] must be a percentage in \[1, 100\) or a proportion in \(0, 1\)/,
  );
  assert.throws(
    () => funnelData(fit, { filled: { yi: [0.1, 0.2], vi: [0.1] } }),
    /filled.vi must have 2 elements \(like filled.yi\), got 1/,
  );
});

Deno.test("funnelData (property): regions are nested and every point lies inside the x range", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 1e-4, max: 4, noNaN: true })), {
        minLength: 1,
        maxLength: 30,
      }),
      fc.double({ min: -3, max: 3, noNaN: true }),
      (studies, beta) => {
        const d = funnelData({ yi: studies.map((s) => s[0]), vi: studies.map((s) => s[1]), beta });
        const bottoms = d.contours.map((c) => c.lines[1]);
        for (let j = 1; j < bottoms.length; j++) {
          assert.ok(bottoms[j - 1].lb <= bottoms[j].lb && bottoms[j].ub <= bottoms[j - 1].ub);
        }
        for (const p of d.points) {
          assert.ok(d.xDomain[0] <= p.yi && p.yi <= d.xDomain[1]);
          assert.ok(p.se < d.seMax);
        }
      },
    ),
    { numRuns: 200 },
  );
});

Deno.test("funnelPlot renders an svg with regions, solid study dots and hollow filled dots", () => {
  const document = new JSDOM("").window.document;
  const svg = funnelPlot(fit, { document, filled: { yi: [-0.3, 0.2], vi: [0.2, 0.1] }, xlabel: "SMCR" }) as any;
  assert.equal(svg.tagName.toLowerCase(), "svg");
  const areas = svg.querySelectorAll('g[aria-label="area"]');
  assert.equal(areas.length, 3);
  const dots = [...svg.querySelectorAll('g[aria-label="dot"]')] as any[];
  assert.equal(dots.length, 2);
  assert.equal(dots[0].querySelectorAll("circle").length, 5);
  assert.equal(dots[1].querySelectorAll("circle").length, 2);
  assert.equal(dots[1].getAttribute("fill"), "white");
  const text = svg.textContent;
  for (const s of ["90%", "95%", "99%", "SMCR", "Standard error"]) assert.ok(text.includes(s), `missing ${s}`);
  // the y label follows the reader's language when given
  const dutch = (funnelPlot(fit, { document, xlabel: "SMCR", ylabel: "Standaardfout" }) as any).textContent;
  assert.ok(dutch.includes("Standaardfout") && !dutch.includes("Standard error"));
});

Deno.test("funnelData: levels as proportions are read as percentages", () => {
  const a = funnelData(fit, { levels: [0.9, 0.95] });
  const b = funnelData(fit, { levels: [90, 95] });
  assert.deepEqual(a.contours, b.contours);
});
